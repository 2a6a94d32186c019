"""The start-up promises of ARCHITECTURE.md ("Imports are lazy where that matters"), checked in a fresh interpreter per case."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ["seeds/jspg7-2022-kz-tr.ru.txt", "seeds/jspg8-2026-kz-tr.ru.txt"]
WATCHED = ("statediff", "rich", "numpy", "scipy", "difflib")

# Runs the console script's entry point, then lists on stderr the watched modules the run loaded.
PROBE = """
import atexit, json, sys
atexit.register(lambda: sys.stderr.write("\\nMODULES " + json.dumps(sorted(
    m for m in sys.modules if m.split(".")[0] in watched)) + "\\n"))
watched = json.loads(sys.argv[2])
sys.argv = ["statediff", *json.loads(sys.argv[1])]
from statediff.cli import main
main()
"""


def _loaded(args: list[str]) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args), json.dumps(WATCHED)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode in (0, 1), done.stderr
    return set(json.loads(done.stderr.rsplit("MODULES ", 1)[1]))


@pytest.mark.parametrize(("args", "loaded", "not_loaded"), [
    # --help reads no language data and builds no report
    (["--help"], {"statediff.cli"}, {"statediff.languages", "statediff.segment", "statediff.pipeline", "rich"}),
    # the JSON path never imports rich; policy and accept only with their options; numpy only for large inputs
    ([*SEEDS, "--format", "json"], {"statediff.render.json_report"},
     {"rich", "statediff.policy", "statediff.accept", "numpy", "scipy", "difflib"}),
    ([*SEEDS, "--format", "github"], {"statediff.render.github"}, {"statediff.policy", "statediff.accept", "numpy"}),
    # (the two options load their modules: the cases above cannot pass by probing the wrong names)
    ([*SEEDS, "--format", "json", "--fail-on", "dropped"], {"statediff.policy"}, {"rich", "statediff.accept"}),
    ([*SEEDS, "--format", "json", "--accept-file", "no-such-accept-file.json"], {"statediff.accept"}, {"rich"}),
])
def test_modules_load_only_where_the_run_needs_them(args: list[str], loaded: set[str], not_loaded: set[str]) -> None:
    modules = _loaded(args)
    assert loaded <= modules
    assert not (not_loaded & modules), sorted(not_loaded & modules)


def test_the_policy_module_loads_no_pipeline_stage() -> None:
    # It judges reports, including a library caller's made without the details stage.
    probe = "import sys, statediff.policy; print(sorted(m for m in sys.modules if m.startswith(('statediff.details', 'statediff.segment', 'statediff.align'))))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
