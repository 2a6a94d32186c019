"""Statement folders: order statement files by the last date in their names; pick the newest two or a previous one."""

from __future__ import annotations

import os
import re

from .errors import FirstStatementOnly, StatementFolderError
from .extract import STATEMENT_EXTENSIONS
from .frozen import frozen_dataclass

IGNORED_PREFIXES = ("readme", "source", "~$")  # README.md, SOURCES.txt: notes about a folder; ~$x.docx: an open Word file's lock
# YYYY, YYYY-MM or YYYY-MM-DD (or with dots or underscores, YYYY.MM.DD, YYYY_MM_DD), not glued to other digits. Years
# 1000-2999, so a serial number such as "jspg7" or "no-0042" is never read as a year.
# A month and a day may be written with one digit ("2025-1-20"); each is checked to be a date.
_DATE_RE = re.compile(r"(?<!\d)([12]\d{3})(?:([-._])(\d{1,2})(?:\2(\d{1,2}))?)?(?!\d)")
# DD.MM.YYYY, as Russian, Kazakh, Turkish and German names write it ("01.03.2026"); read as the
# year alone, it sorted before every dated statement of that year (found by a CI user's review).
_DAY_FIRST_RE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.([12]\d{3})(?!\d)")
# NN-NN-YYYY, NN_NN_YYYY or NN/NN/YYYY: day first or month first? An error, not a guess.
_AMBIGUOUS_RE = re.compile(r"(?<!\d)\d{1,2}[-_/]\d{1,2}[-_/][12]\d{3}(?!\d)")
DATE_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD (also with dots or underscores) or DD.MM.YYYY"

DateKey = tuple[int, ...]


@frozen_dataclass
class Dated:
    """A statement file and the date its name carries, as (year,), (year, month) or (year, month, day).

    Dates compare as tuples, so a shorter date sorts before every longer one with the same
    prefix: 2022 < 2022-03 < 2022-03-05 < 2022-04. "2022" means "some time in 2022, as far as the
    name says", and a statement with a more precise date is taken as the later one."""

    path: str
    date: DateKey

    @property
    def label(self) -> str:
        return "-".join(f"{part:02d}" if n else str(part) for n, part in enumerate(self.date))


def is_statement(name: str) -> bool:
    """Whether a file name counts as a statement: a statement extension, not hidden, not README*/SOURCE*."""
    lower = os.path.basename(name).lower()
    return lower.endswith(STATEMENT_EXTENSIONS) and not lower.startswith(IGNORED_PREFIXES) and not lower.startswith(".")


def date_of(name: str) -> DateKey | None:
    """The last date in a file name (extension excluded; DATE_FORMS) whose year is from 1900 to
    2099, else the last date of any year 1000-2999, or None when it has none. A day-first date
    with dashes, underscores or slashes ("01-03-2026") is an error: its order is a guess."""
    stem, _ = os.path.splitext(os.path.basename(name))
    ambiguous = _AMBIGUOUS_RE.search(stem)
    if ambiguous:
        raise StatementFolderError(f"{name}: '{ambiguous.group()}' in the file name may put the day or the month first; "
                                   f"write the date as YYYY-MM-DD (or DD.MM.YYYY)")
    found = [(m.start(), m.end(), m.group(), _year_month_day(m)) for m in _DATE_RE.finditer(stem)]
    found += [(m.start(), m.end(), m.group(), (int(m.group(3)), int(m.group(2)), int(m.group(1)))) for m in _DAY_FIRST_RE.finditer(stem)]
    # A year inside a longer date ("2026" of "01.03.2026") is that date's, not one of its own.
    dates = sorted(d for d in found if not any(o[0] <= d[0] and d[1] <= o[1] and o[1] - o[0] > d[1] - d[0] for o in found))
    if not dates:
        return None
    # The last date of a modern year, when there is one: "wps-2023-res-1325", "2021-res-2593" and
    # "…-1500words" hold a resolution's number or a count after the year (found by a new user's review).
    recent = [d for d in dates if RECENT_YEARS[0] <= d[3][0] <= RECENT_YEARS[1]]
    _, _, written, date = (recent or dates)[-1]
    if not _valid(date):  # "2025-13-40": read as 2025 alone, it would be ordered silently wrong
        raise StatementFolderError(f"{name}: '{written}' in the file name is not a date ({DATE_FORMS})")
    return date


def _year_month_day(match: re.Match[str]) -> DateKey:
    """(year,), (year, month) or (year, month, day) of a ``_DATE_RE`` match (the separator left out)."""
    return tuple(int(part) for part in (match.group(1), match.group(3), match.group(4)) if part is not None)


RECENT_YEARS = (1900, 2099)  # a year outside is read only when the name holds no year inside ("treaty-1648")


def _valid(date: DateKey) -> bool:
    import calendar

    if len(date) > 1 and not 1 <= date[1] <= 12:
        return False
    return len(date) < 3 or 1 <= date[2] <= calendar.monthrange(date[0], date[1])[1]


def statements(folder: str, undated_found: list[str] | None = None) -> list[Dated]:
    """Every statement file of ``folder``, oldest first; an undated one is an error naming it,
    or, with ``undated_found``, is left out and its name added there."""
    try:
        names = sorted(os.listdir(folder or "."))
    except FileNotFoundError:
        raise StatementFolderError(f"{folder}: no such folder") from None
    except NotADirectoryError:
        raise StatementFolderError(f"{folder}: is not a folder") from None
    except OSError as exc:
        raise StatementFolderError(f"{folder}: cannot list the folder ({exc.strerror})") from None
    dated, undated = [], []
    for name in names:
        path = os.path.join(folder, name)
        # A folder is no statement, nor a pipe or a device named like one (reading a FIFO blocked
        # the run: found by a CI user's review); a broken link is kept, so that reading it names it
        # (found in review: a dangling newest statement was passed over and the two before it compared).
        if not is_statement(name) or (os.path.exists(path) and not os.path.isfile(path)):
            continue
        date = date_of(name)
        if date is None:
            undated.append(name)
        else:
            dated.append(Dated(path, date))
    if undated and undated_found is not None:
        undated_found.extend(undated)
    elif undated:
        raise StatementFolderError(f"{folder or '.'}: cannot order statements without a date ({DATE_FORMS}) "
                                   f"in the file name: {', '.join(undated)}")
    return sorted(dated, key=lambda d: (d.date, d.path))


def latest_pair(folder: str) -> tuple[str, str]:
    """(previous, newest) statement paths of ``folder``; ties for either place are an error."""
    items = statements(folder)
    if len(items) < 2:
        found = ", ".join(os.path.basename(d.path) for d in items) or "none"
        error = FirstStatementOnly if len(items) == 1 else StatementFolderError
        raise error(f"{folder}: needs at least two dated statements to compare, found {len(items)} ({found})")
    newest = _only(items, items[-1].date, folder, "the newest")
    previous = _only([d for d in items if d.date < newest.date], items[-2].date, folder, "the previous")
    return previous.path, newest.path


def previous_of(path: str, undated_found: list[str] | None = None) -> str | None:
    """The statement before ``path`` in its folder by the same ordering, or None when it is the
    oldest; ``undated_found`` as for ``statements``."""
    folder = os.path.dirname(path)
    date = date_of(path)
    if date is None:
        raise StatementFolderError(f"{path}: no date ({DATE_FORMS}) in the file name")
    items = statements(folder, undated_found)
    name = os.path.basename(path)
    twins = [d for d in items if d.date == date and os.path.basename(d.path) != name]
    if twins:
        names = ", ".join(sorted([name, *(os.path.basename(d.path) for d in twins)]))
        raise StatementFolderError(f"{folder or '.'}: statements share the date {Dated(path, date).label}, "
                                   f"so their order is unknown: {names}")
    earlier = [d for d in items if d.date < date]
    if not earlier:
        return None
    return _only(earlier, earlier[-1].date, folder, "the previous").path


def _only(items: list[Dated], date: DateKey, folder: str, place: str) -> Dated:
    same = [d for d in items if d.date == date]
    if len(same) > 1:
        names = ", ".join(os.path.basename(d.path) for d in same)
        raise StatementFolderError(f"{folder or '.'}: more than one statement is {place}, dated {same[0].label}: {names}")
    return same[0]
