"""Shared fixtures: a CliRunner invocation from the repo root, so report paths are the relative ones given."""

from __future__ import annotations

from collections.abc import Callable
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
