"""The Rich Console the renderers draw on, leaving a closed pipe to the caller."""

from __future__ import annotations

from rich.console import Console


class PipeConsole(Console):
    """A Console that raises BrokenPipeError when the reader of its output goes away.

    Rich's own handling exits with status 1, which a CI script would read as statediff's
    "policy violated"; the command line decides the exit code instead (statediff/cli.py)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError
