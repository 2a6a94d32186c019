"""Shared fixtures: a CliRunner invocation from the repo root, so report paths are the relative ones given."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

# Parsed data files and compiled regexes are cached in a folder of this test run, not in the
# user's cache (set before statediff is imported: its modules compile regexes at import).
if "STATEDIFF_CACHE_DIR" not in os.environ:
    os.environ["STATEDIFF_CACHE_DIR"] = _CACHE = tempfile.mkdtemp(prefix="statediff-test-cache-")
    atexit.register(shutil.rmtree, _CACHE, True)  # registered first, so it runs after statediff's own exit hooks

from statediff.cli import cli  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
UPDATE_GOLDEN = os.environ.get("STATEDIFF_UPDATE_GOLDEN") == "1"
# The examples a reader opens first are copies of goldens (tests/test_formats.py checks them).
EXAMPLE_OF_GOLDEN = {"seed.json": "seed.json", "seed.md": "seed.md", "seed.plain.txt": "seed.txt"}


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """``run(*args, input=None)`` invokes the statediff group from the repo root with a clean colour env."""
    monkeypatch.chdir(ROOT)
    # The developer's shell must not leak into colour decisions or Rich's width.
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM", "COLORTERM"):
        monkeypatch.delenv(name, raising=False)
    runner = CliRunner()

    def invoke(*args: str, input: bytes | str | None = None) -> Result:
        return runner.invoke(cli, list(args), input=input)

    return invoke



@pytest.fixture
def check_golden() -> Callable[[str, str], None]:
    """``check_golden(name, actual)``: ``actual`` is tests/golden/<name> byte for byte, and so is the
    example copied from it (examples/). With
    STATEDIFF_UPDATE_GOLDEN=1 it rewrites the golden instead, and the example copied from it
    (tests/golden/README.md)."""

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if UPDATE_GOLDEN:
            path.write_bytes(actual.encode("utf-8"))
            if name in EXAMPLE_OF_GOLDEN:
                (ROOT / "examples" / EXAMPLE_OF_GOLDEN[name]).write_bytes(actual.encode("utf-8"))
            return
        assert path.exists(), f"{path} is missing; run STATEDIFF_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py tests/test_formats.py"
        expected = path.read_bytes().decode("utf-8")
        assert actual == expected, f"{name} differs from the golden file; if the change is intended, regenerate it (tests/golden/README.md)"
        if name in EXAMPLE_OF_GOLDEN:  # the examples a reader opens first are the report as statediff prints it now
            example = ROOT / "examples" / EXAMPLE_OF_GOLDEN[name]
            assert example.read_bytes() == path.read_bytes(), f"examples/{example.name} is stale (tests/golden/README.md)"

    return check
