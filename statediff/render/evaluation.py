"""Renderers of ``statediff eval`` results: Rich tables, or JSON with score.py's field names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.rule import Rule
from rich.table import Table

from ..evaluate import Evaluation, GoldResult
from ..jsontext import escaped_surrogates
from .console import PipeConsole
from .controls import visible

_FIGURE_COLUMNS = ("link P", "link R", "link F1", "status acc", "seg exact", "noise", "fragments")


def eval_to_dict(evaluation: Evaluation) -> dict[str, Any]:
    """Per gold file the fields of ``score.py --json`` (plus the paths and a structured ``wrong``), then ``mean``."""
    return {
        "threshold": evaluation.threshold,
        "gold": [
            {
                "gold": result.gold_path,
                "old": result.old_path,
                "new": result.new_path,
                **result.scores.as_dict(),
                "wrong": [
                    {"side": e.side, "id": e.unit_id, "want": e.want, "got": e.got, "quote": e.quote}
                    for e in result.scores.errors
                ],
            }
            for result in evaluation.results
        ],
        "mean": evaluation.mean.as_dict(),
    }


def render_eval_json(evaluation: Evaluation) -> str:
    return escaped_surrogates(json.dumps(eval_to_dict(evaluation), ensure_ascii=False, indent=2) + "\n")


def _short_name(gold_path: str) -> str:
    name = Path(gold_path).name
    return name.removesuffix(".json").removesuffix(".gold")


def _result_panel(result: GoldResult, console: Console) -> None:
    s = result.scores
    console.print(Rule(result.gold_path, align="left"))
    console.print(f"old {result.old_path}\nnew {result.new_path}", highlight=False)
    figures = Table(show_edge=True)
    for name in _FIGURE_COLUMNS:
        figures.add_column(name, justify="right", no_wrap=True)
    correct = s.status_n - len(s.errors)
    figures.add_row(
        f"{s.link_precision:.3f}", f"{s.link_recall:.3f}", f"{s.link_f1:.3f}",
        f"{s.status_accuracy:.3f} ({correct}/{s.status_n})", f"{s.segmentation_exact:.3f}",
        str(s.noise_reported), str(s.fragments),
    )
    console.print(figures)
    if not s.errors:
        console.print("every gold commitment with a definite status is right", highlight=False)
        return
    # "persisted" here is matched at all, persisted or modified, as score.py counts status (found by
    # a new user's review: a pledge rightly reported modified seemed listed as wrong).
    wrong = Table(title=f"wrong: {len(s.errors)} of {s.status_n} gold commitments", title_justify="left",
                  caption="persisted: matched (persisted or modified); missed: no reported commitment covers it",
                  caption_justify="left")
    wrong.add_column("unit", no_wrap=True)
    wrong.add_column("want", no_wrap=True)
    wrong.add_column("got", no_wrap=True)
    wrong.add_column("quote", overflow="fold")
    for error in s.errors:
        wrong.add_row(f"{error.side}:{error.unit_id}", error.want, error.got, visible(error.quote))
    console.print(wrong)


def render_eval_rich(evaluation: Evaluation, stream: TextIO, color: bool) -> None:
    """One table of figures and one of wrong commitments per gold file, then a summary with the mean."""
    console = PipeConsole(file=stream, color_system="auto" if color else None, force_terminal=color, highlight=False)
    for result in evaluation.results:
        _result_panel(result, console)
        console.print()
    mean = evaluation.mean
    summary = Table(title=f"mean over {mean.count} gold file{'s' if mean.count != 1 else ''} (threshold {evaluation.threshold:g})",
                    title_justify="left", caption="P, R, F1: link precision, recall, F1; frag: fragments", caption_justify="left",
                    show_edge=False, pad_edge=False)
    summary.add_column("gold", overflow="fold", min_width=12)
    # Short headers so the gold file names still fit an 80-column terminal.
    for name in ("P", "R", "F1", "status acc", "seg exact", "noise", "frag"):
        summary.add_column(name, justify="right", no_wrap=True)
    for result in evaluation.results:
        s = result.scores
        summary.add_row(
            _short_name(result.gold_path), f"{s.link_precision:.3f}", f"{s.link_recall:.3f}", f"{s.link_f1:.3f}",
            f"{s.status_accuracy:.3f}", f"{s.segmentation_exact:.3f}", str(s.noise_reported), str(s.fragments),
        )
    summary.add_section()
    summary.add_row(
        "mean", f"{mean.link_precision:.3f}", f"{mean.link_recall:.3f}", f"{mean.link_f1:.3f}",
        f"{mean.status_accuracy:.3f}", f"{mean.segmentation_exact:.3f}", f"{mean.noise_reported:.1f}", f"{mean.fragments:.1f}",
        style="bold",
    )
    console.print(summary)
