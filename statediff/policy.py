"""The --fail-on policy: a pure function from a Report to the changes that violate it."""

from __future__ import annotations

from .errors import UsageError
from .frozen import frozen_dataclass
from .model import WEAKENED, Change, Report, Status

FAIL_ON_CHOICES = (Status.DROPPED.value, Status.MODIFIED.value, Status.NEW.value, WEAKENED)
_MATCHED = (Status.PERSISTED, Status.MODIFIED)
# A report made without the details stage (a library caller's) has no pledge strength to check.
STRENGTH_UNAVAILABLE = ("--fail-on weakened: the report's matched pledges carry no strength details (made without the "
                        "details stage); use dropped, modified or new")


@frozen_dataclass
class Policy:
    """What makes a comparison fail: statuses (and ``weakened``), and the score below which matches are ignored."""

    fail_on: frozenset[str] = frozenset()
    min_score: float | None = None


@frozen_dataclass
class Verdict:
    """The policy applied to one report; ``violations`` index ``report.changes``."""

    violations: tuple[int, ...]
    reasons: tuple[str, ...]  # per violation: the --fail-on value it matched
    accepted: int  # changes the policy would have counted, left out because they were accepted
    below_min_score: int  # matched changes the policy would have counted, left out by --min-score

    @property
    def violated(self) -> bool:
        return bool(self.violations)


def parse_fail_on(value: str | None) -> frozenset[str]:
    """``dropped,modified`` → {"dropped", "modified"}; unknown names are usage errors."""
    if value is None:
        return frozenset()
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    if not names:
        raise UsageError("--fail-on: give at least one of " + ", ".join(FAIL_ON_CHOICES))
    if len(names) != len(value.split(",")):  # "dropped,,modified", "dropped,": most likely a typo
        raise UsageError(f"--fail-on: an empty item in '{value}' (choose from {', '.join(FAIL_ON_CHOICES)}, comma-separated)")
    unknown = [name for name in names if name not in FAIL_ON_CHOICES]
    if unknown:
        raise UsageError(f"--fail-on: unknown value '{unknown[0]}' (choose from {', '.join(FAIL_ON_CHOICES)}, comma-separated)")
    return frozenset(names)


def strength_change(change: Change) -> str | None:
    """The change's strength verdict ("weakened", "strengthened") when its details carry one."""
    return change.details.strength.change if change.details is not None else None


def evaluate(report: Report, policy: Policy) -> Verdict:
    """The changes of ``report`` that ``policy`` counts: matching statuses, not accepted, scored high enough.

    Raises UsageError for ``weakened`` when the report has matched changes but none carries details:
    a policy that could never fire must not pass silently."""
    if WEAKENED in policy.fail_on:
        matched = [change for change in report.changes if change.status in _MATCHED]
        if matched and all(change.details is None for change in matched):
            raise UsageError(STRENGTH_UNAVAILABLE)
    violations: list[int] = []
    reasons: list[str] = []
    accepted = below = 0
    for index, change in enumerate(report.changes):
        reason = _reason(change, policy.fail_on)
        if reason is None:
            continue
        if change.accepted:
            accepted += 1
        elif _below(change, policy.min_score):
            below += 1
        else:
            violations.append(index)
            reasons.append(reason)
    return Verdict(tuple(violations), tuple(reasons), accepted, below)


def verdict_json(report: Report, policy: Policy, verdict: Verdict) -> dict[str, object]:
    """The policy and what violated it, as JSON-ready data for a report's ``policy`` field: the
    --fail-on values (in their order), --min-score, whether it was violated, and each violating
    change by its ids and the value it matched."""
    return {
        "fail_on": [name for name in FAIL_ON_CHOICES if name in policy.fail_on],
        "min_score": policy.min_score,
        "violated": verdict.violated,
        "violations": [{"status": report.changes[k].status.value, "old": list(report.changes[k].old), "new": list(report.changes[k].new),
                        "reason": reason} for k, reason in zip(verdict.violations, verdict.reasons, strict=True)],
        "accepted": verdict.accepted,
        "below_min_score": verdict.below_min_score,
    }


def describe(verdict: Verdict) -> str:
    """What violated the policy, e.g. ``15 dropped, 2 modified``, in --fail-on's order."""
    return ", ".join(f"{verdict.reasons.count(name)} {name}" for name in FAIL_ON_CHOICES if name in verdict.reasons)


def _reason(change: Change, fail_on: frozenset[str]) -> str | None:
    if change.status.value in fail_on:
        return change.status.value
    if WEAKENED in fail_on and change.status in _MATCHED and strength_change(change) == WEAKENED:
        return WEAKENED
    return None


def _below(change: Change, min_score: float | None) -> bool:
    # Only matched groups have a score; a dropped or new pledge is never uncertain in this sense.
    return min_score is not None and change.status in _MATCHED and change.score is not None and change.score < min_score

