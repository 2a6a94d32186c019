"""JSON renderer: the report contract of docs (schema_version 1), deterministic byte for byte."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..details.types import ChangeDetails
from ..model import Report, Segmentation
from .details import change_details_json, report_details_json

SCHEMA_VERSION = 1


def _side(seg: Segmentation) -> dict[str, Any]:
    return {
        "path": seg.document.path,
        "sha256": seg.document.sha256,
        "text_sha256": seg.document.text_sha256,
        "format": seg.document.format,
        "encoding": seg.document.encoding,
        "language": seg.language,
        "commitments": [
            {"id": c.id, "start": c.start, "end": c.end, "line": c.line, "text": c.text, "match_text": c.match_text}
            for c in seg.commitments
        ],
        "skipped": [{"start": s.start, "end": s.end, "reason": s.reason} for s in seg.skipped],
    }


def to_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "statediff", "version": __version__},
        "settings": {
            "threshold": report.settings.threshold,
            "language": report.settings.language,
            "persist_threshold": report.settings.persist_threshold,
        },
        "old": _side(report.old),
        "new": _side(report.new),
        "changes": [
            {
                "status": ch.status.value,
                "old": list(ch.old),
                "new": list(ch.new),
                "score": ch.score,
                "word_similarity": ch.word_similarity,
                "accepted": ch.accepted,
                **({"details": change_details_json(ch.details)} if isinstance(ch.details, ChangeDetails) else {}),
            }
            for ch in report.changes
        ],
        "summary": report.summary(),
        "notices": list(report.notices),
        **report_details_json(report),  # topics, entities, numbers (details stage)
    }


def render_json(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"
