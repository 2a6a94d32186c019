"""The README's "Using statediff in CI" section runs as written: its commands, the workflow and the pre-commit hook."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from statediff import exit_codes

ROOT = Path(__file__).resolve().parent.parent
SECTION_TITLE = "## Using statediff in CI"
RUN_MARKER = "<!-- test_readme_ci: run -->"
SEEDS = ("jspg7-2022-kz-tr.ru.txt", "jspg8-2026-kz-tr.ru.txt")
BIN = Path(sys.executable).parent  # the venv's bin: its statediff is the one under test
EXIT_RE = re.compile(r"#\s*exit (\d+)")


def _section() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert SECTION_TITLE in readme, f"README.md has no {SECTION_TITLE!r} section"
    body = readme.split(SECTION_TITLE, 1)[1]
    next_section = re.search(r"^## ", body, re.M)
    return body[: next_section.start()] if next_section else body


def _blocks(language: str, *, marked: bool = False) -> list[str]:
    prefix = re.escape(RUN_MARKER) + r"\n" if marked else ""
    return re.findall(prefix + r"^```" + language + r"\n(.*?)^```$", _section(), re.S | re.M)


def _env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return {**env, **extra}


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A scratch copy of what the README's commands read: the seeds, from a repository root."""
    assert (BIN / "statediff").exists(), f"no statediff in {BIN}; install the package into the venv (pip install -e .)"
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def _run(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "--noprofile", "--norc", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_the_section_has_runnable_commands() -> None:
    blocks = _blocks("sh", marked=True)
    assert len(blocks) == 1
    assert any(EXIT_RE.search(line) and "exit 1" in line for line in blocks[0].splitlines())


def test_readme_commands_run_as_written(checkout: Path) -> None:
    env = _env(checkout)
    for line in _blocks("sh", marked=True)[0].splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        expected = EXIT_RE.search(line)
        result = _run(line, checkout, env)
        assert result.returncode == (int(expected.group(1)) if expected else 0), f"{line}\n{result.stdout[-2000:]}\n{result.stderr}"
        assert "Traceback" not in result.stderr
    # what the commands claim to produce
    assert (checkout / ".statediff-accept.json").exists()
    assert (checkout / "report.md").read_text("utf-8").startswith("## statediff: `statements/kz-tr/jspg7-2022-kz-tr.ru.txt`")
    assert "*accepted*" in (checkout / "report.md").read_text("utf-8")
    assert (checkout / "report.schema.json").read_text("utf-8") == (ROOT / "statediff/schema/report.schema.json").read_text("utf-8")


def test_readme_exit_codes_table_matches_the_constants() -> None:
    rows = dict(re.findall(r"^\| (\d) \| (.+?) \|$", _section(), re.M))
    assert set(rows) == {str(exit_codes.OK), str(exit_codes.POLICY_VIOLATED), str(exit_codes.ERROR)}
    assert "--fail-on" in rows[str(exit_codes.POLICY_VIOLATED)] and "error" in rows[str(exit_codes.ERROR)]


# -- the GitHub Actions workflow ----------------------------------------------------------


def _workflow() -> str:
    return (ROOT / "examples" / "github-workflow.yml").read_text("utf-8")


def _step_script(workflow: str, name_fragment: str) -> str:
    """The ``run: |`` block of the step whose name contains ``name_fragment`` (no YAML library needed)."""
    lines = workflow.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("- name:") and name_fragment in line)
    run_at = next(i for i in range(start, len(lines)) if lines[i].strip() == "run: |")
    indent = len(lines[run_at + 1]) - len(lines[run_at + 1].lstrip())
    body = []
    for line in lines[run_at + 1:]:
        if line.strip() and len(line) - len(line.lstrip()) < indent:
            break
        body.append(line[indent:])
    return "\n".join(body) + "\n"


def test_readme_shows_the_example_workflow() -> None:
    assert _blocks("yaml")[0] == _workflow()


def test_workflow_triggers_and_fails_on_dropped() -> None:
    workflow = _workflow()
    assert re.search(r"^  push:\n    paths:\n      - \"statements/\*\*\"$", workflow, re.M)
    script = _step_script(workflow, "Compare")
    assert '>> "$GITHUB_STEP_SUMMARY"' in script and "--format markdown" in script
    assert "--format github --fail-on dropped --accept-file .statediff-accept.json" in script


def test_workflow_script_runs(checkout: Path) -> None:
    """The step's script as GitHub runs it (bash -eo pipefail), on a statements/ folder of the seed pair."""
    series = checkout / "statements" / "kz-tr"
    series.mkdir(parents=True)
    for name in SEEDS:
        shutil.copyfile(ROOT / "seeds" / name, series / name)
    script = checkout / "step.sh"
    script.write_text(_step_script(_workflow(), "Compare"), "utf-8")
    summary = checkout / "summary.md"
    env = _env(checkout, GITHUB_STEP_SUMMARY=str(summary))

    def step() -> subprocess.CompletedProcess[str]:
        summary.write_text("", "utf-8")
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=checkout, env=env,
                              capture_output=True, text=True, timeout=120)

    result = step()
    assert result.returncode == exit_codes.POLICY_VIOLATED, result.stderr
    assert summary.read_text("utf-8").startswith("## statediff: `statements/kz-tr/jspg7-2022-kz-tr.ru.txt`")
    annotations = [line for line in result.stdout.splitlines() if not line.startswith("::notice title=statediff::")]  # the report's notices
    # each points at a statement, but the one that lists the pledges past GitHub's limit of 10 a level
    assert annotations and all(re.match(r"^::(warning|error) (file=statements/kz-tr/|title=\d+ more )", line) for line in annotations)
    assert any(line.startswith("::error file=statements/kz-tr/jspg7-2022-kz-tr.ru.txt,line=") for line in annotations)

    # after review: the dropped pledges are accepted, the job passes
    accepted = _run(f"statediff accept statements/kz-tr/{SEEDS[0]} statements/kz-tr/{SEEDS[1]}", checkout, env)
    assert accepted.returncode == exit_codes.OK, accepted.stderr
    result = step()
    assert result.returncode == exit_codes.OK, result.stderr
    assert "::error" not in result.stdout
    assert "*accepted*" in summary.read_text("utf-8")

    # a folder statediff cannot order fails the job with exit 2, the worst code wins
    (checkout / "statements" / "broken").mkdir()
    (checkout / "statements" / "broken" / "undated.txt").write_text("The sides will cooperate.\n", "utf-8")
    result = step()
    assert result.returncode == exit_codes.ERROR
    assert "statediff: error: statements/broken: cannot order statements" in result.stderr


# -- pre-commit -----------------------------------------------------------------------------


def _hook_definition() -> dict[str, str]:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    return dict(re.findall(r"^(?:- |  )(id|entry|files): (.+)$", text, re.M))


def test_pre_commit_snippet_runs_the_shipped_hook(checkout: Path) -> None:
    snippet = _blocks("yaml")[1]
    hook = _hook_definition()
    assert re.search(rf"^      - id: {re.escape(hook['id'])}$", snippet, re.M)
    args_text = re.search(r"^        args: \[(.+)\]$", snippet, re.M)
    files = re.search(r"^        files: (.+)$", snippet, re.M)
    assert args_text and files
    args = args_text.group(1).split(", ")

    series = checkout / "statements" / "kz-tr"
    series.mkdir(parents=True)
    for name in SEEDS:
        shutil.copyfile(ROOT / "seeds" / name, series / name)
    changed = f"statements/kz-tr/{SEEDS[1]}"
    # pre-commit passes the changed files matching both the hook's and the user's `files` patterns
    assert re.search(files.group(1), changed) and re.search(hook["files"], changed)
    command = " ".join([hook["entry"], *args, changed, "README.md"])
    env = _env(checkout)
    result = _run(command, checkout, env)
    assert result.returncode == exit_codes.POLICY_VIOLATED, result.stderr
    assert "accept file not found" in result.stderr
    assert _run(f"statediff accept statements/kz-tr/{SEEDS[0]} {changed}", checkout, env).returncode == exit_codes.OK
    result = _run(command, checkout, env)
    assert result.returncode == exit_codes.OK, result.stderr
