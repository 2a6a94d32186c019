"""Command line: the only module that parses arguments, prints, and chooses exit codes."""

from __future__ import annotations

import contextlib
import errno
import functools
import gc
import io
import os
import re
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

import click

from . import __version__, exit_codes
from .errors import FirstStatementOnly, NoCommitmentsError, StatediffError, UsageError
from .render.controls import visible

if TYPE_CHECKING:
    from .accept import AcceptList
    from .model import Report
    from .policy import Verdict

FORMATS = ("rich", "plain", "json", "markdown", "github")
COLOR_CHOICES = ("auto", "always", "never")
ARGS_KEY = "statediff.args"  # click context meta: the command line's words


class DefaultGroup(click.Group):
    """A group whose default command is ``compare``: ``statediff OLD NEW`` runs a comparison.

    A file whose name collides with a subcommand can be passed as ``./eval``."""

    default_command = "compare"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta[ARGS_KEY] = list(args)  # the words as given, for the hint on a file named like an option
        if args == ["help"] and not os.path.exists("help"):  # "statediff help": what "statediff --help" prints
            args = ["--help"]
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version", "-V"):
            name = args[0]
            if len(args) > 1 and not os.path.exists(name) and not name.startswith("-") and "." not in name and os.sep not in name:
                import difflib

                close = difflib.get_close_matches(name, list(self.commands), n=1, cutoff=0.75)
                if close:  # a mistyped subcommand, not a statement file (those have an extension or a folder)
                    raise click.UsageError(f"no command or file named '{name}' (did you mean {close[0]}?)", ctx)
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        """Click's standalone mode (as CliRunner runs it), with usage errors on one line."""
        if not standalone_mode:  # the console script (main) handles every exception itself
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            value = super().main(*args, standalone_mode=False, **kwargs)
        except _CLICK_EXITS as exc:
            sys.exit(_click_exit_code(exc))
        sys.exit(value if isinstance(value, int) else exit_codes.OK)  # --help and --version return 0

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage("statediff", "OLD NEW [OPTIONS]\n       statediff COMMAND [ARGS]...")


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="statediff")
def cli() -> None:
    """Compare two joint statements pledge by pledge.

    \b
    statediff OLD NEW         which pledges persisted, were modified, are new,
                              were dropped (statediff compare --help: options)
    statediff latest DIR      compare the two newest statements in a folder
    statediff hook FILE...    pre-commit: compare each changed statement with
                              the previous one in its folder
    statediff accept OLD NEW  record the current changes as reviewed
    statediff segment FILE    show how a statement is cut into commitments
    statediff extract FILE    print the text statediff reads from a file
    statediff schema          print the JSON Schema of --format json
    statediff eval GOLD.json  score the comparison against hand alignments

    A file named like a command is a path when written ./eval (or after
    statediff compare).

    Exit codes: 0 ran (no --fail-on policy violated), 1 policy violated,
    2 error, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM)."""


def _threshold(ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    if value is not None and not 0.0 <= value <= 1.0:
        # One line like every other statediff error, not click's usage block.
        _fail(f"{param.opts[0]}: must be between 0 and 1, got {value}")
    return value


# Option bundles are named tuples, not frozen dataclasses: they never leave this module, and a
# dataclass costs ~1.5 ms of start-up to define.
class AlignOptions(NamedTuple):
    """The options that shape a comparison; shared by compare, latest, hook and accept."""

    threshold: float | None
    persist_threshold: float | None
    lang: str
    lang_old: str | None
    lang_new: str | None
    max_bytes: int
    workers: int


class OutputOptions(NamedTuple):
    """The options that choose what a comparison prints and how it exits; shared by compare, latest and hook."""

    fmt: str | None
    color: str
    show_all: bool
    output: str | None
    fail_on: frozenset[str]
    min_score: float | None
    accept_file: str | None


def _output_path(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--output -`` is standard output, as ``-`` is standard input for the statements."""
    return None if value == "-" else value


def _fail_on(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> frozenset[str]:
    if not values:
        return frozenset()  # without importing the policy module: most runs have no --fail-on
    from .policy import parse_fail_on

    try:
        # Repeated, the statuses add up: a CI script's shared options plus one more --fail-on
        # must not silently drop the first.
        return frozenset().union(*(parse_fail_on(value) for value in values))
    except StatediffError as exc:
        _fail(str(exc))


_ALIGN_OPTIONS = (
    click.option("--threshold", type=float, default=None, callback=_threshold,
                 help="Minimum alignment score (0-1) for two pledges to be linked. Two exceptions, each marked in the "
                      "report: pledges that are each other's best partner and name the same body or programme link from "
                      "0.5 × it (0.35 × it across languages), and statements in two languages link from 0.35 × it when a "
                      "pair stands out from its runners-up. Default: 0.23; see ARCHITECTURE.md."),
    click.option("--persist-threshold", type=float, default=None, callback=_threshold,
                 help="Minimum word similarity (0-1) for a one-to-one link to count as persisted rather than modified "
                      "(a changed figure is always modified). Default: 0.9."),
    click.option("--lang", default="auto", show_default=True,
                 help="Language of both statements (ru, en, kk, tr, sv, fr, es, pt, de), xx for language-neutral rules, or auto."),
    click.option("--lang-old", default=None, help="Language of OLD only (overrides --lang)."),
    click.option("--lang-new", default=None, help="Language of NEW only (overrides --lang)."),
    click.option("--max-bytes", type=click.IntRange(min=1), default=50 * 1024 * 1024, show_default=True,
                 help="Refuse inputs larger than this many bytes, before reading them whole."),
    click.option("--workers", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="all cores",
                 help="Processes for segmenting and scoring large inputs; the output is the same whatever this is."),
)
_OUTPUT_OPTIONS = (
    click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
                 help="Output format. Default: rich on a terminal (its width, up to 120 columns), plain when piped (and for "
                      "--output; always 80 columns, so that saved reports compare line by line). json follows the "
                      "report contract (statediff schema prints its JSON Schema), markdown suits a pull-request comment, "
                      "github prints GitHub Actions annotations."),
    click.option("--color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True,
                 help="Colour in rich/plain output; auto honours NO_COLOR and disables colour when piped."),
    click.option("--all", "show_all", is_flag=True,
                 help="List every persisted pledge in full (default: one short line each) and every name that appeared or "
                      "vanished (default: the first few)."),
    click.option("--output", "-o", metavar="FILE", default=None, callback=_output_path,
                 help="Write the --format output to FILE; the terminal still gets the rich/plain report. "
                      "Without --format, FILE's extension chooses: .json gets json, .md markdown, any other plain. "
                      "'-' is standard output (as without --output)."),
    click.option("--fail-on", "fail_on", metavar="STATUSES", multiple=True, callback=_fail_on,
                 help="Exit 1 if any change has one of these statuses (comma-separated: dropped, modified, new, weakened; "
                      "repeated, they add up). weakened: a matched pledge whose strength fell or that gained a negation "
                      "(its list's lead-in's too); a direction reversed (\"expand\" -> \"reduce\") is modified, not weakened. "
                      "Without it a comparison exits 0 whatever it finds."),
    click.option("--min-score", type=float, default=None, callback=_threshold,
                 help="--fail-on ignores matched (modified) changes whose alignment score is below this (0-1)."),
    click.option("--accept-file", metavar="PATH", default=None,
                 help="Mark the changes recorded by statediff accept in PATH as accepted: still listed, not counted by --fail-on. "
                      "Never read unless given."),
)


def _with_options(options: tuple[Callable[[Any], Any], ...], cls: type, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A decorator adding ``options`` to a command and passing their values as one ``cls`` argument ``name``."""
    names = list(cls._fields)  # type: ignore[attr-defined]

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            values = {key: kwargs.pop(key) for key in names}
            return func(*args, **kwargs, **{name: cls(**values)})

        for option in reversed(options):
            wrapper = option(wrapper)
        return wrapper

    return decorate


comparison_options = _with_options(_ALIGN_OPTIONS, AlignOptions, "align")
report_options = _with_options(_OUTPUT_OPTIONS, OutputOptions, "out")


@cli.command("compare")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@report_options
@comparison_options
def compare_command(old: str, new: str, align: AlignOptions, out: OutputOptions) -> None:
    """Compare OLD and NEW statements (paths, or - for stdin).

    Exit codes: 0 ran (no --fail-on policy violated), 1 --fail-on violated, 2 error,
    130 interrupted (Ctrl-C), 143 terminated (SIGTERM)."""
    _check_output_path(out.output, (old, new))
    _clear_output(out.output)
    accept_list = _prepare_output(out)
    try:
        report = _compare(old, new, align, out.color)
    except StatediffError as exc:
        _fail(str(exc))
    sys.exit(_emit(report, out, accept_list))


@cli.command("latest")
@click.argument("folder", metavar="DIR")
@report_options
@comparison_options
def latest_command(folder: str, align: AlignOptions, out: OutputOptions) -> None:
    """Compare the two newest statements in DIR (same options as compare).

    Statements are the .txt .text .md .markdown .html .htm .xhtml .docx .pdf files (never README*, SOURCE* or a Word lock ~$*), ordered by
    the last date in the file name: YYYY, YYYY-MM or YYYY-MM-DD (also with dots or underscores,
    or DD.MM.YYYY; a day-first date with dashes is an error), of a year 1900-2099 when it holds
    one ("wps-2023-res-1325" is 2023). A shorter date sorts before longer ones with the same
    prefix: 2022 < 2022-03 < 2022-03-05 < 2022-04. Undated statement
    files, and two files tied for the newest or the previous place, are an error naming them.
    A folder of one statement is a notice and exit 0, and no report is written."""
    from .latest import latest_pair

    _check_output_folder(out.output, {folder})
    _clear_output(out.output)
    accept_list = _prepare_output(out)
    try:
        old, new = latest_pair(folder)
        _check_output_path(out.output, (old, new))
        report = _compare(old, new, align, out.color)
    except FirstStatementOnly as exc:  # a new series: nothing to compare yet, no reason to fail CI (as hook)
        _say(f"statediff: notice: {exc}; nothing to compare yet")
        sys.exit(exit_codes.OK)
    except StatediffError as exc:
        _fail(str(exc))
    sys.exit(_emit(report, out, accept_list))


@cli.command("hook")
@click.argument("files", nargs=-1, metavar="FILE...")
@report_options
@comparison_options
def hook_command(files: tuple[str, ...], align: AlignOptions, out: OutputOptions) -> None:
    """For pre-commit: compare each changed statement FILE with the previous one in its folder.

    The previous statement is found by the ordering of statediff latest. Files that are not
    statements or have no date in their name, and the oldest statement of a folder, are skipped
    with a notice, and so are undated files beside them in the folder. A name whose date is no
    date ("2025-13-40") is an error for that file; the other files are still compared. Exits with
    the worst code of all comparisons (2 error, 1 --fail-on violated, 0).
    With --format json the reports are written as one JSON array (one element per comparison)."""
    from .latest import date_of, is_statement, previous_of

    accept_list = _prepare_output(out)
    if out.output and out.fmt is None and _format_of(out.output) == "json":
        out = out._replace(fmt="json")  # "-o reports.json" asks for JSON: one array, as --format json writes it
    code = exit_codes.OK
    json_reports: list[str] | None = [] if out.fmt == "json" else None  # one array, whatever the number of files
    _check_output_path(out.output, files)  # before any report is written (each pair is checked again below)
    _check_output_folder(out.output, {os.path.dirname(path) or "." for path in files if is_statement(path)})
    if out.output and json_reports is None:
        _write_output(out.output, "", append=False)  # this run's reports only, even when there are none
    unique: dict[str, str] = {}  # pre-commit may pass a file twice when hooks overlap, as "./x" and as "x" too
    for path in files:
        unique.setdefault(os.path.normpath(path), path)
    dated: set[str] = set()
    misdated: dict[str, str] = {}  # "s-2025-13-40.txt": an error for that file; the others are still compared
    for path in unique.values():
        try:
            if is_statement(path) and date_of(path) is not None:
                dated.add(path)
        except StatediffError as exc:
            misdated[path] = str(exc)
    # Markdown reports, one after another, share one comment's length (found by a new user's review: two made 129,172 characters).
    share = max(1, len(dated))
    annotations = _AnnotationShare(len(dated) + len(misdated))  # (read only by --format github; an error takes one too)
    for path in unique.values():
        if path in misdated:
            _hook_error(misdated[path], path, annotations)
            code = max(code, exit_codes.ERROR)
            continue
        if path not in dated:
            _say(f"statediff: notice: {path}: not a dated statement file, skipped")
            continue
        if not os.path.isfile(path):  # mistyped (pre-commit passes only files that exist)
            _hook_error(f"{path}: no such file", None, annotations)
            code = max(code, exit_codes.ERROR)
            continue
        try:
            undated: list[str] = []  # a notes file beside the statements is no reason to fail a commit
            previous = previous_of(path, undated)
            if undated:
                _say(f"statediff: notice: {os.path.dirname(path) or '.'}: files without a date in their name left out: "
                     f"{', '.join(undated)}")
            if previous is None:
                _say(f"statediff: notice: {path}: no earlier statement in its folder, nothing to compare")
                annotations.skip()
                continue
            _check_output_path(out.output, (previous, path))
            report = _compare(previous, path, align, out.color)
        except StatediffError as exc:
            _hook_error(str(exc), path, annotations)
            code = max(code, exit_codes.ERROR)  # codes rank by severity: ERROR > POLICY_VIOLATED > OK
            continue
        code = max(code, _emit(report, out, accept_list, append=True, json_reports=json_reports, share=share, annotations=annotations))
    if json_reports is not None:
        array = "[\n" + ",\n".join(text.rstrip("\n") for text in json_reports) + "\n]\n" if json_reports else "[]\n"
        if out.output:
            _write_output(out.output, array, append=False)
        else:
            with _stdout_written():
                click.echo(array, nl=False)
    sys.exit(code)


def _github_format() -> bool:
    """Whether the command running was given --format github."""
    ctx = click.get_current_context(silent=True)
    return ctx is not None and ctx.params.get("fmt") == "github"


def _hook_error(message: str, path: str | None, annotations: _AnnotationShare) -> None:
    """An error of one of statediff hook's files (one of the files counted to come): a line on
    stderr and, with --format github and while GitHub's error annotations last, an ``::error`` on
    that file."""
    _say(f"statediff: error: {message}")
    if annotations.error_slot():
        _annotate_error(message, path)
    elif _github_format():
        _say("statediff: notice: GitHub shows 10 error annotations a step and the files before used them: "
             "this error is on stderr only")


@cli.command("accept")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option("--accept-file", metavar="PATH", default=".statediff-accept.json", show_default=True,
              help="The accept file to create, or to update keeping the entries it already has.")
@comparison_options
def accept_command(old: str, new: str, accept_file: str, align: AlignOptions) -> None:
    """Record the current dropped, modified and new changes of OLD → NEW as reviewed.

    Each is stored as a fingerprint of its status and normalised pledge texts (case, whitespace and
    punctuation ignored) with the texts themselves. Runs given --accept-file then show these changes
    as accepted and leave them out of --fail-on. Each entry names its pair of statements by their
    paths from the accept file's folder, so later runs find it from any folder. Use the same
    alignment options as those runs."""
    from . import accept

    try:
        existing = accept.read(accept_file)
        report = _compare(old, new, align)
        result = accept.update(accept.AcceptList(accept_file, existing.entries), report)
        accept.write(result.accept_list)
    except StatediffError as exc:
        _fail(str(exc))
    with _stdout_written():
        click.echo(f"{accept_file}: {result.added} change{'' if result.added == 1 else 's'} accepted, "
                   f"{result.already} already accepted, {len(result.accept_list.entries)} in the file")
    sys.exit(exit_codes.OK)


@cli.command("schema")
def schema_command() -> None:
    """Print the JSON Schema (draft 2020-12) of the --format json report."""
    from .schema import schema_text

    with _stdout_written():
        click.echo(schema_text(), nl=False)
    sys.exit(exit_codes.OK)


def _compare(old: str, new: str, align: AlignOptions, color: str = "auto") -> Report:
    """Run the pipeline with the command-line options (``color``: the --color choice, for the
    progress bar); raises StatediffError."""
    from .align import DEFAULT_THRESHOLD
    from .classify import DEFAULT_PERSIST_THRESHOLD
    from .pipeline import compare

    lang, lang_old, lang_new = (_language_code(name, value) for name, value in
                                (("--lang", align.lang), ("--lang-old", align.lang_old), ("--lang-new", align.lang_new)))
    if old == "-" and new == "-":
        raise UsageError("only one of OLD and NEW can be read from stdin (-)")
    display = _ProgressDisplay(color) if sys.stderr.isatty() else None
    try:
        return compare(
            old, new,
            threshold=DEFAULT_THRESHOLD if align.threshold is None else align.threshold,
            persist_threshold=DEFAULT_PERSIST_THRESHOLD if align.persist_threshold is None else align.persist_threshold,
            language_old=lang_old or lang, language_new=lang_new or lang,
            max_bytes=align.max_bytes,
            workers=align.workers,
            progress=display.scoring if display else None,
            stage=display.stage if display else None,
        )
    except NoCommitmentsError as exc:
        raise NoCommitmentsError(f"{exc}; statediff segment FILE lists why each span was skipped") from None
    finally:
        if display:
            display.stop()


def _language_code(option: str, value: str | None) -> str | None:
    """The language code a --lang option names: case and a region suffix ignored (RU, ru-RU → ru);
    None stays None. Raises UsageError for a language statediff has no rules for."""
    from .languages import NEUTRAL, SUPPORTED

    if value is None:
        return None
    cleaned = value.strip().lower()
    match = re.fullmatch(r"([a-z]{2})(?:[-_][a-z]{2,3})?", cleaned)  # a region only after a language statediff has
    code = cleaned if cleaned in ("auto", NEUTRAL) else match.group(1) if match and match.group(1) in SUPPORTED else None
    if code is None:
        hint = f"; did you mean {_COUNTRY_CODES[cleaned]}?" if cleaned in _COUNTRY_CODES else ""
        raise UsageError(f"{option}: unknown language '{value}' (supported: {', '.join(SUPPORTED)}; {NEUTRAL} for "
                         f"language-neutral rules; or auto){hint}")
    return code


# A country's code typed for its language's ("kz" for Kazakh, "se" for Swedish): named in the error.
_COUNTRY_CODES = {"kz": "kk", "se": "sv", "us": "en", "gb": "en", "br": "pt", "mx": "es"}  # not "uk": Ukrainian


class _ProgressDisplay:
    """A Rich progress bar on stderr for long comparisons: which stage runs, and how many
    candidate pairs are scored. It appears only once a comparison has run SHOW_AFTER seconds,
    so short ones never flash it. ``color`` is the --color choice (never: no escape codes;
    auto: Rich's own terminal and NO_COLOR checks). No refresh thread: the pipeline forks
    worker processes, and a thread holding the console's lock would be copied into them."""

    SHOW_AFTER = 0.5

    def __init__(self, color: str) -> None:
        import time

        self.color = color
        self.clock = time.perf_counter
        self.started = self.clock()
        self.name = "reading"
        self.bar: Any = None
        self.task: Any = None

    def stage(self, name: str) -> None:
        self.name = name
        if self._shown():  # a stage of unknown length: a new task, as Rich keeps a task's total
            self.bar.remove_task(self.task)
            self.task = self.bar.add_task(name, total=None)
            self.bar.refresh()

    def scoring(self, done: int, total: int) -> None:
        if self._shown():
            self.bar.update(self.task, description="scoring pledge pairs", total=total, completed=min(done, total))
            self.bar.refresh()

    def _shown(self) -> bool:
        """Whether the bar is on screen, starting it once the comparison has run SHOW_AFTER seconds."""
        if self.bar is None and self.clock() - self.started >= self.SHOW_AFTER:
            from rich.console import Console
            from rich.progress import MofNCompleteColumn, Progress

            console = Console(stderr=True, color_system=None, no_color=True) if self.color == "never" else Console(stderr=True)
            # (the pairs scored so far as a count too, as README says: a percentage alone, found in review)
            self.bar = Progress(*Progress.get_default_columns(), MofNCompleteColumn(), console=console, transient=True, auto_refresh=False)
            self.bar.start()
            self.task = self.bar.add_task(self.name, total=None)
        return self.bar is not None

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _prepare_output(out: OutputOptions) -> AcceptList | None:
    """What the output options need once per command: a notice for an unused --min-score, and
    the --accept-file list (None without one)."""
    if out.min_score is not None and not out.fail_on:
        _say("statediff: notice: --min-score has no effect without --fail-on")
    path = out.accept_file
    if path is None:
        return None
    from .accept import read

    try:
        return read(path)
    except StatediffError as exc:
        _fail(str(exc))


def _emit(report: Report, out: OutputOptions, accept_list: AcceptList | None, *, append: bool = False,
          json_reports: list[str] | None = None, share: int = 1, annotations: _AnnotationShare | None = None) -> int:
    """Mark accepted changes, print the report (and write --output), print notices; return the exit code.

    ``json_reports``: with --format json, the JSON report is added to this list instead of being
    written (statediff hook writes all of them as one array). ``share``: how many Markdown reports
    share one comment's length (statediff hook prints one per file); ``annotations``: its share
    of GitHub's annotations."""
    if accept_list is not None:
        from .accept import apply

        report = apply(report, accept_list)
    verdict = None  # without --fail-on nothing violates a policy, and no module needs to say so
    policy_data: dict[str, Any] | None = None  # what the JSON and Markdown reports say of it
    weakened_asked = False
    if out.fail_on:
        from .model import WEAKENED
        from .policy import Policy, evaluate, verdict_json

        weakened_asked = WEAKENED in out.fail_on
        policy = Policy(out.fail_on, out.min_score)
        try:
            verdict = evaluate(report, policy)
        except StatediffError as exc:  # --fail-on weakened on a report whose changes carry no strength
            _fail(str(exc))
        policy_data = verdict_json(report, policy, verdict)
    terminal_layout = "rich" if sys.stdout.isatty() else "plain"
    if json_reports is not None and out.fmt == "json":
        json_reports.append(_render(report, "json", verdict, policy_data, color=False, show_all=out.show_all, share=share))
    elif out.output:
        fmt = out.fmt or _format_of(out.output)
        _write_output(out.output, _render(report, fmt, verdict, policy_data, color=out.color == "always", show_all=out.show_all, share=share,
                                          annotations=annotations), append)
    with _stdout_written():
        if out.output or (out.fmt or terminal_layout) in ("rich", "plain"):
            _render_terminal(report, terminal_layout if out.output else out.fmt or terminal_layout, _use_color(out.color), out.show_all)
        elif json_reports is None:
            click.echo(_render(report, out.fmt or terminal_layout, verdict, policy_data, color=False, show_all=out.show_all, share=share,
                               annotations=annotations), nl=False)
    for notice in report.notices:
        _say(f"statediff: notice: {notice}")
    if weakened_asked:
        from .details.annotate import unread_details
        from .languages import language_name

        for language in dict.fromkeys((report.old.language, report.new.language)):
            if "pledge strength" in unread_details(language):
                _say(f"statediff: notice: --fail-on weakened cannot count the pledges of {language_name(language)} "
                     "statements (no pledge strength data)")
    if verdict is not None and verdict.violated:
        from .policy import describe

        _say(f"statediff: --fail-on {','.join(sorted(out.fail_on))}: {describe(verdict)} "
             f"({report.old.document.path} → {report.new.document.path})")
        return exit_codes.POLICY_VIOLATED
    return exit_codes.OK


@contextlib.contextmanager
def _stdout_written() -> Iterator[None]:
    """Write the report to stdout and flush it. A reader that went away (``| head``) ends the
    report, not the run: notices and the policy's exit code still follow. A failed write (a full
    disk) is an error of its own, not a bug to report."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _silence(sys.stdout)
    except OSError as exc:
        _fail(f"cannot write to standard output ({exc.strerror or exc})")
    except UnicodeEncodeError as exc:  # PYTHONIOENCODING=ascii: the report's letters do not fit
        _silence(sys.stdout)
        _fail(f"standard output's encoding ({exc.encoding}) cannot write the report's text; set PYTHONIOENCODING=utf-8")


def _silence(stream: Any) -> None:
    """Point the stream (stdout, stderr) at /dev/null, so that the interpreter's last flush at exit finds no closed pipe."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())


def _write_output(path: str, text: str, append: bool) -> None:
    try:
        # A file name that is not UTF-8 ("a\udcff.txt") is written back as its bytes, as stdout writes it.
        with open(path, "a" if append else "w", encoding="utf-8", errors="surrogateescape") as handle:
            handle.write(text)
    except OSError as exc:
        _fail(f"--output {path}: cannot write ({exc.strerror or exc})")


def _clear_output(path: str | None) -> None:
    """Remove an --output file an earlier run left, before this run compares: a run that writes no
    report (an error, a folder of one statement) leaves none, never the last run's (found by a CI
    user's review: a loop over folders read another folder's report). Only a regular file; called
    after the checks that it is no input statement."""
    if path is None or os.path.islink(path) or not os.path.isfile(path):
        return
    with contextlib.suppress(OSError):  # (a read-only folder: writing the report will say so)
        os.remove(path)


def _check_output_path(output: str | None, inputs: tuple[str, ...]) -> None:
    """Refuse an --output that is one of the input statements: writing it would destroy that input."""
    if output is None or not os.path.exists(output):
        return
    for path in inputs:
        if path != "-" and os.path.exists(path) and os.path.samefile(output, path):
            _fail(f"--output {output}: is the input statement {path}; choose another file")


def _check_output_folder(output: str | None, folders: set[str]) -> None:
    """Refuse an --output that would be read as a statement of a compared folder ("statediff-2026-11-27.md"
    there is the newest statement of the next run, found in review): write reports elsewhere."""
    from .latest import is_statement

    if output is None or not is_statement(output):
        return
    where = os.path.realpath(os.path.dirname(os.path.abspath(output)))
    for folder in folders:
        if os.path.realpath(folder) == where:
            _fail(f"--output {output}: lies in the statements folder {folder}, where the next run would read it as a "
                  "statement; write reports outside it")
    # Another series' folder (two dated statements or more beside it): "statediff hook a/x.txt -o
    # b/h.md" made the next "statediff latest b" fail on an undated h.md (found by a CI user's review).
    from .latest import statements

    folder, itself = os.path.dirname(output) or ".", os.path.realpath(output)
    try:
        dated = [d for d in statements(folder, undated_found=[]) if os.path.realpath(d.path) != itself]
    except StatediffError:  # (a folder that cannot be listed, a name with an ambiguous date: not a series to guard)
        return
    if len(dated) >= SERIES_MIN:
        _fail(f"--output {output}: lies in {folder}, a folder of dated statements, where statediff latest would read it as a "
              "statement; write reports outside it")


SERIES_MIN = 2  # dated statements that make a folder a series of statements


def _render_terminal(report: Report, layout: str, color: bool, show_all: bool) -> None:
    from .render.terminal import render_terminal

    # Notices go to stderr, so the report itself leaves them out.
    render_terminal(report, fmt=layout, color=color, show_all=show_all, stream=sys.stdout, notices=False)


# Without --format, an --output file's extension names its format ("report.json" gets JSON, not
# plain text under a .json name); any other extension gets plain text.
_FORMAT_BY_SUFFIX = {".json": "json", ".md": "markdown", ".markdown": "markdown"}


def _format_of(path: str) -> str:
    return _FORMAT_BY_SUFFIX.get(os.path.splitext(path)[1].lower(), "plain")


class _AnnotationShare:
    """GitHub's annotations of one step, shared by statediff hook's reports in turn: each may use
    what is left less one for each report still to come, and one at least while any is left, so
    that together they never pass ANNOTATIONS_PER_LEVEL of a level. (Dividing by the number of
    files gave 3 files 3 each when one needed 10, and 13 files a summary each, 12 a level, over
    GitHub's limit: found by a CI user's review.)"""

    def __init__(self, reports: int) -> None:
        self.left: dict[str, int] = {}  # per level, filled on first use (the github module loads only then)
        self.to_come = reports

    def skip(self) -> None:
        """A report that will not come after all (no earlier statement, an error)."""
        self.to_come = max(0, self.to_come - 1)

    def error_slot(self) -> bool:
        """Whether an error that stopped one comparison (of a file counted to come) may take one of
        the error level's annotations: in turn, as long as one is left for the files still to come
        (one in all, not one each: a report can list its errors in one)."""
        from .render.github import ANNOTATIONS_PER_LEVEL, LEVELS

        self.left = self.left or dict.fromkeys(LEVELS, ANNOTATIONS_PER_LEVEL)
        self.skip()
        if self.left["error"] <= (1 if self.to_come else 0):
            return False
        self.left["error"] -= 1
        return True

    def take(self, report: Report, verdict: Verdict | None) -> dict[str, int]:
        """This report's budget per level, counted as used up to what it wants; a level it cannot
        show at all is said on stderr."""
        from .render.github import ANNOTATIONS_PER_LEVEL, LEVELS, annotations_wanted

        self.left = self.left or dict.fromkeys(LEVELS, ANNOTATIONS_PER_LEVEL)
        wanted = annotations_wanted(report, verdict)
        self.to_come = max(0, self.to_come - 1)
        budget = {}
        for level, left in self.left.items():
            budget[level] = max(1, left - self.to_come) if left > 0 else 0
            self.left[level] -= min(budget[level], wanted[level])
            if wanted[level] and not budget[level]:
                _say(f"statediff: notice: {report.old.document.path} → {report.new.document.path}: GitHub shows "
                     f"{ANNOTATIONS_PER_LEVEL} {level} annotations a step and the reports before used them: its "
                     f"{wanted[level]} are left out")
        return budget


def _render(report: Report, fmt: str, verdict: Verdict | None, policy: dict[str, Any] | None = None, *, color: bool, show_all: bool,
            share: int = 1, annotations: _AnnotationShare | None = None) -> str:
    """The report in ``fmt`` as text, for stdout or an --output file; ``policy``: the --fail-on verdict as data;
    ``share``: the Markdown report gets 1/share of a comment's length; ``annotations``: statediff
    hook's share of GitHub's annotations (else the report may use them all)."""
    if fmt == "json":
        from .render.json_report import render_json

        return render_json(report, policy)
    if fmt == "markdown":
        from .render.markdown import COMMENT_LIMIT, render_markdown

        return render_markdown(report, show_all=show_all, policy=policy, limit=COMMENT_LIMIT // share)
    if fmt == "github":
        from .render.github import ANNOTATIONS_PER_LEVEL, render_github

        return render_github(report, verdict, budget=annotations.take(report, verdict) if annotations else ANNOTATIONS_PER_LEVEL)
    from .render.terminal import render_terminal

    stream = io.StringIO()
    render_terminal(report, fmt=fmt, color=color, show_all=show_all, stream=stream)
    return stream.getvalue()


@cli.command("eval")
@click.argument("gold", nargs=-1, required=True, metavar="GOLD.json...")
@click.option("--root", default=".", show_default=True,
              help="Folder the statement paths inside the gold files are relative to (benchmarks/gold: the repository root).")
@click.option("--format", "-f", "fmt", type=click.Choice(("rich", "json")), default="rich", show_default=True,
              help="Rich tables, or json with the figures of docs/gold-format.md (link_f1, …) per gold file and under mean.")
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
    with _stdout_written():
        if fmt == "json":
            from .render.evaluation import render_eval_json

            click.echo(render_eval_json(evaluation), nl=False)
        else:
            from .render.evaluation import render_eval_rich

            render_eval_rich(evaluation, stream=sys.stdout, color=_use_color(color))
    sys.exit(exit_codes.OK)


@cli.command("segment")
@click.argument("file", metavar="FILE")
@click.option("--format", "-f", "fmt", type=click.Choice(("rich", "plain", "json")), default=None,
              help="Default: rich on a terminal, plain when piped; json lists every span with its offsets.")
@click.option("--color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True, help="Colour in the rich table.")
@click.option("--all", "full", is_flag=True, help="Show every span in full instead of a one-line preview.")
@click.option("--lang", default="auto", show_default=True,
              help="Language of the statement (ru, en, kk, tr, sv, fr, es, pt, de), xx for language-neutral rules, or auto.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=50 * 1024 * 1024, show_default=True,
              help="Refuse inputs larger than this many bytes, before reading them whole.")
def segment_command(file: str, fmt: str | None, color: str, full: bool, lang: str, max_bytes: int) -> None:
    """Show how FILE is cut into commitments, and why every other span was skipped
    (heading, boilerplate, background, not a commitment, …): nothing is dropped silently."""
    from .load import load
    from .render.segmentation import render_segmentation_json, render_segmentation_text
    from .segment import segment

    try:
        seg = segment(load(file, max_bytes), _language_code("--lang", lang), allow_empty=True)
    except StatediffError as exc:
        _fail(str(exc))
    fmt = fmt or ("rich" if sys.stdout.isatty() else "plain")
    with _stdout_written():
        if fmt == "json":
            click.echo(render_segmentation_json(seg), nl=False)
        else:
            render_segmentation_text(seg, sys.stdout, rich=fmt == "rich", color=_use_color(color), full=full)
    for notice in (seg.language_notice, seg.document.left_out_notice()):
        if notice:
            _say(f"statediff: notice: {notice}")
    if not seg.commitments:
        _say(f"statediff: notice: {file}: no commitments found; the listing says why each span was skipped")
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
    with _stdout_written():
        click.echo(document.text.encode("utf-8"), nl=False)
    if info:
        _say(f"statediff: {document.path}: format {document.format}, encoding {document.encoding}, "
             f"{len(document.text)} characters, sha256 {document.sha256}, text_sha256 {document.text_sha256}")
    sys.exit(exit_codes.OK)


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    # no-color.org: NO_COLOR disables colour when it is set to a non-empty value.
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


_CLICK_EXITS = (click.exceptions.Exit, click.exceptions.Abort, click.ClickException)


def _click_exit_code(exc: Exception) -> int:
    """Print what click's own exceptions have to say, statediff's way; return the exit code."""
    if isinstance(exc, click.exceptions.Exit):
        return exc.exit_code
    if isinstance(exc, click.exceptions.Abort):  # click's form of KeyboardInterrupt (statediff asks no questions)
        _say("statediff: interrupted")
        return exit_codes.INTERRUPTED
    no_args_is_help = getattr(click.exceptions, "NoArgsIsHelpError", None)
    if no_args_is_help is not None and isinstance(exc, no_args_is_help):  # bare "statediff": the help, not an error line
        _say(exc.format_message())
        return exit_codes.ERROR
    if isinstance(exc, click.UsageError):  # one line, like every other error (click's own form takes four)
        command = exc.ctx.command_path if exc.ctx else "statediff"
        hint = f"see {command} --help"
        given = exc.ctx.meta.get(ARGS_KEY, []) if exc.ctx else []
        if isinstance(exc, click.NoSuchOption):  # "-x.txt" is read as option -x: was a file meant?
            name = next((arg for arg in given if arg.startswith(exc.option_name) and ("." in arg or os.path.exists(arg))), None)
            if name:
                hint = f"a file named '{name}' is passed as ./{name} or after --"
        hint = _file_named_like_the_command(given) or hint
        _say(f"statediff: error: {exc.format_message()} ({hint})")
        return exit_codes.ERROR
    assert isinstance(exc, click.ClickException)
    exc.show()
    return exit_codes.ERROR


def _say(message: str) -> None:
    """One line on stderr; control characters of file names and texts shown, not obeyed. A
    reader of stderr that went away (``2>&1 | head``) silences stderr, not the run: the exit
    code stays the comparison's (click would make a broken pipe exit 1, "policy violated")."""
    try:
        click.echo(visible(message), err=True)
    except BrokenPipeError:
        _silence(sys.stderr)


def _fail(message: str) -> NoReturn:
    ctx = click.get_current_context(silent=True)
    hint = _file_named_like_the_command(ctx.meta.get(ARGS_KEY, []) if ctx else [])
    _say(f"statediff: error: {message}" + (f" ({hint})" if hint else ""))
    _annotate_error(message + (f" ({hint})" if hint else ""))
    sys.exit(exit_codes.ERROR)


def _annotate_error(message: str, path: str | None = None) -> None:
    """With --format github, an error that stops a comparison is also an ``::error`` command on
    stdout, where GitHub reads them: on stderr alone it reached the step's log, not the pull
    request's checks (a missing or empty statement failed the job with no annotation)."""
    if not _github_format():
        return
    from .render.github import error_command

    try:
        click.echo(error_command(message, path))
        sys.stdout.flush()
    except (OSError, UnicodeEncodeError):  # (a reader gone, a full disk) the stderr line stands alone
        _silence(sys.stdout)


def _file_named_like_the_command(given: list[str]) -> str | None:
    """When the command word ("eval", "latest") is also a file here, how to compare that file:
    whatever went wrong, the user may have meant the file; not when they named it too ("statediff
    latest ./latest"), nor when no other file was given to compare it with ("statediff latest
    statements/sv --threshold 7": found by a CI user's review)."""
    if (given and given[0] in cli.commands and os.path.isfile(given[0])
            and not any(os.path.normpath(arg) == given[0] for arg in given[1:])
            and any(os.path.isfile(arg) for arg in given[1:])):
        return f"'{given[0]}' ran the {given[0]} command; to compare the file named {given[0]}, write ./{given[0]}"
    return None


class _Interrupted(BaseException):
    """Ctrl-C, raised by statediff's own SIGINT handler: not a KeyboardInterrupt, which click
    turns into Abort after printing an empty line to stderr (the one line "statediff:
    interrupted" was two; found in review)."""


class _Terminated(BaseException):
    """SIGTERM, raised in the main thread as Ctrl-C raises KeyboardInterrupt: the ``finally`` blocks
    end the worker processes, which otherwise outlived a cancelled run and kept its output pipe
    open, so that ``statediff … | wc`` never finished (found by a CI user's review)."""


# The exception of the last Ctrl-C or SIGTERM received: a run that ends otherwise after it
# (the exception swallowed each time it was raised) still ends with it.
_ended_by: type[BaseException] | None = None
SIGNAL_AGAIN_AFTER = 0.01  # seconds: a finaliser has returned by then


def _on_signal(signum: int, frame: Any) -> None:
    import signal

    global _ended_by
    _ended_by = _Terminated if signum == signal.SIGTERM else _Interrupted
    raise _ended_by


def _on_alarm(signum: int, frame: Any) -> None:
    if _ended_by is not None:
        raise _ended_by


def _interrupts_raised_again(previous: Callable[[Any], object]) -> Callable[[Any], object]:
    """A ``sys.unraisablehook`` that raises a swallowed Ctrl-C or SIGTERM again, soon after.

    Python runs a signal's handler at the next instruction, wherever it is; when that is inside
    a finaliser (``__del__``), a weak-reference callback or importlib's module-lock callback, the
    handler's exception cannot propagate: Python prints "Exception ignored in …" and the run goes
    on. A SIGTERM lost that way let a cancelled 5,000-pledge run finish with 0 (2 of 5 CI runs of
    test_sigterm_during_a_large_run_…). An alarm raises it again once the finaliser has returned
    (raised from this hook, it is swallowed here too); until it lands where it ends the run."""
    import signal

    def hook(unraisable: Any) -> None:
        if _ended_by is not None and isinstance(unraisable.exc_value, (_Terminated, _Interrupted)):
            signal.setitimer(signal.ITIMER_REAL, SIGNAL_AGAIN_AFTER)
        else:
            previous(unraisable)

    return hook


def main() -> None:
    """Console-script entry point: unexpected failures become one line and exit code 2."""
    import signal

    from .gcpause import gc_paused

    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGALRM, _on_alarm)
    sys.unraisablehook = _interrupts_raised_again(sys.unraisablehook)

    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:  # closed by the shell (">&-", "2>&-"): written to nowhere, as to a reader that went away
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - open for the life of the process
    if (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "") == "utf8":
        # A file name that is not UTF-8 ("a\udcff.txt") is written back as its bytes, as an --output file gets it.
        with contextlib.suppress(AttributeError, ValueError):
            sys.stdout.reconfigure(errors="surrogateescape")  # type: ignore[union-attr]
    with gc_paused():  # rendering a large report is as cycle-free as the comparison (statediff/gcpause.py)
        try:
            _main()
        finally:
            # The process ends here. Every object made while the collector was paused is in its
            # youngest generation, so the first allocation after the pause would walk them all,
            # and the interpreter's final collections would walk them again, only to free memory
            # that the exit frees anyway. Frozen before the collector is back on, they are left
            # out of both (and are still deallocated as usual). Measured: ARCHITECTURE.md, "Exit".
            gc.freeze()


def _run_cli() -> None:
    """The command line; a run that was sent SIGTERM ends as terminated however else it ended
    (its exception swallowed each time it was raised: see _interrupts_raised_again)."""
    try:
        cli(standalone_mode=False)
    finally:
        if _ended_by is not None:
            raise _ended_by


def _main() -> None:
    try:
        _run_cli()
    except _CLICK_EXITS as exc:
        sys.exit(_click_exit_code(exc))
    except StatediffError as exc:
        _say(f"statediff: error: {exc}")
        sys.exit(exit_codes.ERROR)
    except (KeyboardInterrupt, _Interrupted):  # (KeyboardInterrupt: a Ctrl-C before the handler is set)
        _say("statediff: interrupted")
        sys.exit(exit_codes.INTERRUPTED)
    except _Terminated:
        _say("statediff: terminated")
        sys.exit(exit_codes.TERMINATED)
    except BrokenPipeError:  # the reader went away before the report was written (``| head``)
        _silence(sys.stdout)
        sys.exit(exit_codes.OK)
    except Exception as exc:  # never a traceback for the user; the message says what to report
        if isinstance(exc, OSError) and exc.errno in _WRITE_FAILURES:  # help or version text to a full disk
            _silence(sys.stdout)  # (the report's own writes go through _stdout_written)
            _say(f"statediff: error: cannot write to standard output ({exc.strerror or exc})")
        else:
            _say(f"statediff: internal error: {type(exc).__name__}: {exc} (please report this with the input files)")
        sys.exit(exit_codes.ERROR)


# A write that fails for want of room or a device error: the output's fault, not a bug.
_WRITE_FAILURES = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})
