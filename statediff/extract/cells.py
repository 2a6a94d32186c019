"""Table cells as the extractors hand them to ``extract.row_spans``."""

from __future__ import annotations


class SpannedCell(str):
    """A cell's text in a row it spans into from a row above (HTML ``rowspan``, a Word vertical
    merge): written once in the text, at its first row, so ``row_spans`` gives it that row's span."""

    __slots__ = ()
