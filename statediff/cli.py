"""Command line: the only module that parses arguments, prints, and chooses exit codes."""

from __future__ import annotations

import os
import sys

import click

from . import __version__, exit_codes
from .errors import StatediffError

FORMATS = ("rich", "plain", "json")
COLOR_CHOICES = ("auto", "always", "never")


class DefaultGroup(click.Group):
    """A group whose default command is ``compare``: ``statediff OLD NEW`` runs a comparison.

    A file whose name collides with a subcommand can be passed as ``./eval``."""

    default_command = "compare"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage("statediff", "OLD NEW [OPTIONS]\n       statediff COMMAND [ARGS]...")


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="statediff")
def cli() -> None:
    """Compare two joint statements pledge by pledge.

    \b
    statediff OLD NEW        which commitments persisted, were modified, are new, were dropped
    statediff compare --help all options of the comparison
    statediff eval GOLD.json score the comparison against hand alignments

    Exit codes: 0 ran (no --fail-on policy violated), 1 policy violated, 2 error."""


def _threshold(ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    if value is not None and not 0.0 <= value <= 1.0:
        # One line like every other statediff error, not click's usage block.
        _fail(f"{param.opts[0]}: must be between 0 and 1, got {value}")
    return value


@cli.command("compare")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format. Default: rich on a terminal, plain when piped. json follows the report contract.")
@click.option("--color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True,
              help="Colour in rich/plain output; auto honours NO_COLOR and disables colour when piped.")
@click.option("--all", "show_all", is_flag=True, help="List every persisted pledge in full (default: one short line each).")
@click.option("--threshold", type=float, default=None, callback=_threshold,
              help="Minimum alignment score (0-1) for two pledges to be linked. Default: 0.25; see ARCHITECTURE.md.")
@click.option("--persist-threshold", type=float, default=None, callback=_threshold,
              help="Minimum word similarity (0-1) for a one-to-one link to count as persisted rather than modified. Default: 0.9.")
@click.option("--lang", default="auto", show_default=True, help="Language of both statements (ru, en, kk, tr, sv, fr, es, pt, de) or auto.")
@click.option("--lang-old", default=None, help="Language of OLD only (overrides --lang).")
@click.option("--lang-new", default=None, help="Language of NEW only (overrides --lang).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=50 * 1024 * 1024, show_default=True,
              help="Refuse inputs larger than this many bytes, before reading them whole.")
def compare_command(old: str, new: str, fmt: str | None, color: str, show_all: bool, threshold: float | None,
                    persist_threshold: float | None, lang: str, lang_old: str | None, lang_new: str | None,
                    max_bytes: int) -> None:
    """Compare OLD and NEW statements (paths, or - for stdin)."""
    from .align import DEFAULT_THRESHOLD
    from .classify import DEFAULT_PERSIST_THRESHOLD
    from .languages import NEUTRAL, SUPPORTED
    from .pipeline import compare

    for name, value in (("--lang", lang), ("--lang-old", lang_old), ("--lang-new", lang_new)):
        if value is not None and value != "auto" and value not in SUPPORTED and value != NEUTRAL:
            _fail(f"{name}: unknown language '{value}' (supported: {', '.join(SUPPORTED)}, or auto)")
    if old == "-" and new == "-":
        _fail("only one of OLD and NEW can be read from stdin (-)")
    try:
        report = compare(
            old, new,
            threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
            persist_threshold=DEFAULT_PERSIST_THRESHOLD if persist_threshold is None else persist_threshold,
            language_old=lang_old or lang, language_new=lang_new or lang,
            max_bytes=max_bytes,
        )
    except StatediffError as exc:
        _fail(str(exc))
    fmt = fmt or ("rich" if sys.stdout.isatty() else "plain")
    if fmt == "json":
        from .render.json_report import render_json

        click.echo(render_json(report), nl=False)
    else:
        from .render.terminal import render_terminal

        use_color = _use_color(color)
        # Notices go to stderr below, so the report itself leaves them out.
        render_terminal(report, fmt=fmt, color=use_color, show_all=show_all, stream=sys.stdout, notices=False)
    for notice in report.notices:
        click.echo(f"statediff: notice: {notice}", err=True)
    sys.exit(exit_codes.OK)


@cli.command("eval")
@click.argument("gold", nargs=-1, required=True, metavar="GOLD.json...")
@click.option("--root", default=".", show_default=True,
              help="Folder the statement paths inside the gold files are relative to (../shared for the shared gold).")
@click.option("--format", "-f", "fmt", type=click.Choice(("rich", "json")), default="rich", show_default=True,
              help="Rich tables, or json with the field names of shared/tools/score.py per gold file and under mean.")
@click.option("--color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True, help="Colour in the rich tables.")
@click.option("--threshold", type=float, default=None, callback=_threshold,
              help="Minimum alignment score (0-1) passed to every comparison; default: that of compare.")
def eval_command(gold: tuple[str, ...], root: str, fmt: str, color: str, threshold: float | None) -> None:
    """Score statediff against hand alignments (statediff-gold/1 files, see docs/gold-format.md).

    Compares each gold file's statement pair and reports link precision, recall and F1, status
    accuracy, segmentation, noise, fragments and the gold commitments it got wrong, then the mean.
    Exits 0 whenever it ran, whatever the scores; 2 on a malformed gold file or a missing statement."""
    from .evaluate import evaluate

    try:
        evaluation = evaluate(gold, root=root, threshold=threshold)
    except StatediffError as exc:
        _fail(str(exc))
    if fmt == "json":
        from .render.evaluation import render_eval_json

        click.echo(render_eval_json(evaluation), nl=False)
    else:
        from .render.evaluation import render_eval_rich

        render_eval_rich(evaluation, stream=sys.stdout, color=_use_color(color))
    sys.exit(exit_codes.OK)


@cli.command("extract")
@click.argument("file", metavar="FILE")
@click.option("--info", is_flag=True, help="Also print the format, encoding and checksums to stderr.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=50 * 1024 * 1024, show_default=True,
              help="Refuse inputs larger than this many bytes, before reading them whole.")
def extract_command(file: str, info: bool, max_bytes: int) -> None:
    """Print the plain text statediff reads from FILE (- for stdin), exactly, as UTF-8.

    Report offsets (start, end) index this text. Formats: .txt, .md, .html, .docx, .pdf,
    recognised by content as well as by extension."""
    from .load import load

    try:
        document = load(file, max_bytes)
    except StatediffError as exc:
        _fail(str(exc))
    click.echo(document.text.encode("utf-8"), nl=False)
    if info:
        click.echo(f"statediff: {document.path}: format {document.format}, encoding {document.encoding}, "
                   f"{len(document.text)} characters, sha256 {document.sha256}, text_sha256 {document.text_sha256}", err=True)
    sys.exit(exit_codes.OK)


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _fail(message: str) -> None:
    click.echo(f"statediff: error: {message}", err=True)
    sys.exit(exit_codes.ERROR)


def main() -> None:
    """Console-script entry point: unexpected failures become one line and exit code 2."""
    try:
        cli(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("statediff: aborted", err=True)
        sys.exit(exit_codes.ERROR)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exit_codes.ERROR)
    except StatediffError as exc:
        click.echo(f"statediff: error: {exc}", err=True)
        sys.exit(exit_codes.ERROR)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(exit_codes.OK)
    except Exception as exc:  # never a traceback for the user; the message says what to report
        click.echo(f"statediff: internal error: {type(exc).__name__}: {exc} (please report this with the input files)", err=True)
        sys.exit(exit_codes.ERROR)
