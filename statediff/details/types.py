"""The frozen data types of the details stage: what each change and the whole report are annotated with."""

from __future__ import annotations

from dataclasses import MISSING, field, fields
from typing import Any, TypeVar

from ..frozen import frozen_dataclass

C = TypeVar("C")


def quick_init(cls: type[C]) -> type[C]:
    """Give a frozen dataclass an ``__init__`` that fills the instance's ``__dict__`` directly.

    The generated one sets each field through ``object.__setattr__``, several times slower; the
    details stage makes these objects by the hundred thousand. Same parameters, defaults and
    resulting instance (for classes without default factories or ``__post_init__``). Declare the class
    with ``@frozen_dataclass(init=False)``: the generated ``__init__`` would be thrown away,
    and generating it costs a third of a millisecond of start-up per class."""
    names = [f.name for f in fields(cls)]
    if any(f.default_factory is not MISSING for f in fields(cls)) or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: quick_init handles plain fields only")
    defaults = {f"_default_{f.name}": f.default for f in fields(cls) if f.default is not MISSING}
    params = ", ".join(f"{n}=_default_{n}" if f"_default_{n}" in defaults else n for n in names)
    body = "\n".join(f"    d[{n!r}] = {n}" for n in names)
    namespace: dict[str, Any] = {}
    exec(f"def __init__(self, {params}):\n    d = self.__dict__\n{body}\n", defaults, namespace)  # noqa: S102
    namespace["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = namespace["__init__"]  # type: ignore[misc]
    return cls

# Temporal kinds carry an ISO 8601 value ("2030", "2022-03", "2022-03-03/2022-03-04", "--02-02").
TEMPORAL_KINDS = ("date", "year", "deadline")
# Kinds whose disappearance is worth a report-level line: amounts, shares, counts and deadlines.
FIGURE_KINDS = ("money", "percent", "count", "deadline")


@quick_init
@frozen_dataclass(init=False)
class Predicate:
    """The main predicate of a pledge and its place on the strength ladder."""

    level: int  # 0 note … 4 binding
    label: str  # note | welcome | support | intent | binding
    verb: str  # verbatim source span of the cue ("подтвердили намерение", "will")
    start: int  # offsets into the document text
    end: int
    negated: bool = False  # a negation next to the predicate ("will not", "не поддерживают")
    against: bool = False  # the cue or its object states a position against something ("oppose", "our strong opposition", "осудили")


@quick_init
@frozen_dataclass(init=False)
class Strength:
    """Strength of a change's old and new sides. ``change`` says strengthened or weakened: the
    predicates' levels moved, a negation was gained, or, on one level or with a side read from
    its words only, a word of degree or a modal was lost or gained ("strongly condemned" →
    "condemned")."""

    old: Predicate | None
    new: Predicate | None
    change: str | None = None  # model.STRENGTHENED | model.WEAKENED | None
    negation_changed: bool = False  # one side says no (negated, or against: "oppose") and the other not: a reversal the level cannot show
    # The list items' lead-ins (old, new; "" for none) when they differ and the change is theirs:
    # "The parties will" → "The parties may" weakens items whose own words are the same.
    lead_in: tuple[str, str] | None = None
    # The word that turned the pledge's direction (old, new): "expand" → "reduce", "continue" →
    # "cease" (strength.direction_reversal); a change of what the pledge does, not of its strength.
    direction: tuple[str, str] | None = None


@quick_init
@frozen_dataclass(init=False)
class Number:
    """A number, amount, date or deadline found in a pledge; ``text == document.text[start:end]``."""

    text: str
    start: int
    end: int
    kind: str  # money | percent | date | year | ordinal | count | deadline | reference | word
    quantity: int | float | None = None  # money amount, percent, ordinal or count
    unit: str = ""  # ISO currency, "%", the counted/ordered noun ("session", "year"), or what a reference names ("resolution")
    when: str = ""  # ISO 8601 for temporal kinds
    target: bool = False  # introduced as a goal ("до 10 млрд.", "to $500 billion")
    id: str = ""  # the commitment it was found in
    bound: str = ""  # "up to", "at least", "не менее": part of the figure's span, and of its value
    upper: int | float | None = None  # a count's or an amount's range end ("10-20 students": 20), part of its value

    @property
    def key(self) -> tuple[str, str]:
        """Numbers are paired across a change only within the same kind and unit."""
        return (self.kind, self.unit)

    @property
    def same_value(self) -> tuple[Any, ...]:
        """What makes two figures the same: "$10 billion" and "up to $10 billion" are not."""
        return (self.kind, self.unit, self.quantity, self.when, self.bound, self.upper)

    @property
    def value(self) -> Any:
        """The JSON form of the value for this kind."""
        if self.kind in TEMPORAL_KINDS:
            return self.when
        if self.kind == "money":  # a range's end too ("USD 300 to 400 billion"), as a count's
            if self.upper is not None:
                return {"amount": self.quantity, "to": self.upper, "currency": self.unit}
            return {"amount": self.quantity, "currency": self.unit}
        if self.kind == "percent":
            return self.quantity
        if self.kind == "word":  # a word that names a figure ("doubling", "annual"): the word itself
            return self.unit
        if self.upper is not None:
            return {"n": self.quantity, "to": self.upper, "unit": self.unit}
        return {"n": self.quantity, "unit": self.unit}


@quick_init
@frozen_dataclass(init=False)
class NumberPair:
    """One number of the old side replaced by one of the new side (same kind and unit)."""

    old: Number
    new: Number


@quick_init
@frozen_dataclass(init=False)
class NumberChanges:
    """Numbers of a change's old side that are gone, new ones, and pairs whose value changed."""

    removed: tuple[Number, ...] = ()
    added: tuple[Number, ...] = ()
    changed: tuple[NumberPair, ...] = ()


@quick_init
@frozen_dataclass(init=False)
class Entity:
    """A named body, place, programme or person mentioned in a pledge."""

    key: str  # gazetteer key ("cica") or "name:" + stems of a capitalised phrase
    label: str  # display name: the gazetteer label, or the phrase as first written
    kind: str  # organisation | country | place | process | programme | event | name
    text: str  # verbatim source span of the first mention
    start: int
    end: int
    id: str = ""  # the commitment it was found in


@quick_init
@frozen_dataclass(init=False)
class EntityChanges:
    """Entities of a change (or a whole statement) that are gone, and new ones."""

    removed: tuple[Entity, ...] = ()
    added: tuple[Entity, ...] = ()


@quick_init
@frozen_dataclass(init=False)
class SharedTerm:
    """A matching term both sides of a link share, as written on each side."""

    term: str  # the featurizer's term: a stem, or "=key" for an alias
    old: str
    new: str
    weight: float  # IDF over both statements: rarer terms drove the score more


@quick_init
@frozen_dataclass(init=False)
class Nearest:
    """The best candidate on the other side that stayed below the threshold (or lost to another link)."""

    id: str
    score: float
    line: int
    shared: tuple[SharedTerm, ...] = ()
    topics_apart: bool = False  # scored at or above the threshold but not linked: the two pledges share no topic


@quick_init
@frozen_dataclass(init=False)
class ChangeDetails:
    """Everything the details stage adds to one change."""

    strength: Strength
    numbers: NumberChanges
    entities: EntityChanges
    topics: tuple[str, ...]
    why: tuple[SharedTerm, ...] = ()  # matched changes: the shared terms behind the score
    uncertain: bool = False  # matched within UNCERTAIN_MARGIN of the link floor (the threshold in one language)
    link_rule: str | None = None  # matched changes: why align linked them (model.Link.rule)
    runner_up: Nearest | None = None  # matched changes: the best competing candidate
    nearest: Nearest | None = None  # dropped and new changes: the best candidate (at or above the threshold when linked elsewhere)
    # Matched changes whose table rows' cells beside the pledges differ (old, new; cells joined by
    # " | "): a deadline, a quarter, a responsible body ("IV квартал 2024" → "III квартал 2024").
    row: tuple[str, str] | None = None
    # Matched changes whose one side pledges and whose other side reports it done (tricky case
    # 9: "Mexico intends to sign …" → "Mexico also joined …"): the ids of the reports of what was
    # done (``Commitment.deed``). Empty when both sides report deeds or neither does.
    deeds: tuple[str, ...] = ()


@quick_init
@frozen_dataclass(init=False)
class TopicCount:
    """One row of the report's topic table: changes per status touching a topic."""

    topic: str
    persisted: int = 0
    modified: int = 0
    new: int = 0
    dropped: int = 0

    @property
    def total(self) -> int:
        return self.persisted + self.modified + self.new + self.dropped


@frozen_dataclass
class LinkBars:
    """The scores a report's notes quote, fixed once per comparison from align's rules, so that
    renderers never recompute them."""

    threshold: float
    floor: float  # the lowest score that links: the threshold, or across languages align.link_floor
    uncertain_margin: float  # a link scoring under floor + margin is uncertain
    standout: float  # from the floor up a pair links when it scores this × both runners-up


@frozen_dataclass
class ReportDetails:
    """Statement-level findings: names and figures present on one side only, and the link bars."""

    entities: EntityChanges = field(default_factory=EntityChanges)  # removed = vanished, added = appeared
    numbers: NumberChanges = field(default_factory=NumberChanges)  # figures with no counterpart on the other side
    bars: LinkBars | None = None  # always set by the details stage; None only in reports built by hand
