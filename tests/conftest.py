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

