"""Shared fixtures: a CliRunner invocation from the repo root, so report paths are the relative ones given."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from statediff.cli import cli

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


@pytest.fixture(autouse=True, scope="session")
def _data_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Parsed data files are cached in a folder of this test session, not in the user's cache."""
    saved = os.environ.get("STATEDIFF_CACHE_DIR")
    os.environ["STATEDIFF_CACHE_DIR"] = str(tmp_path_factory.mktemp("statediff-cache"))
    yield
    if saved is None:
        del os.environ["STATEDIFF_CACHE_DIR"]
    else:
        os.environ["STATEDIFF_CACHE_DIR"] = saved
