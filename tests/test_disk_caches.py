"""The disk caches. The regex cache: patterns built from stored engine code behave exactly like
re.compile's, and anything unexpected in the store falls back to re.compile. frozen_dataclass:
the same classes as dataclass(frozen=True), with the generated methods' code taken from the
store when it holds them. Neither writes anything when caching is off."""

from __future__ import annotations

import dataclasses
import inspect
import marshal
import re
from pathlib import Path
from typing import Any

import pytest

from statediff import frozen, recache
from statediff.marshal_store import MarshalStore

PATTERNS = [
    (r"(?<![\w\-./+№,$€£¥₹₩₸₺₽])(?P<n>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*(?P<s>млрд\.?|млн\.?)?", re.IGNORECASE),
    (r"(?:(?<!\w)сентябр\w*(?!\w)|(?<!\w)август\w*(?!\w))", re.IGNORECASE),
    (r"[-–—]\s*(?:передает|сообщает|сообщил[аи]?)\b.*$", re.IGNORECASE),
    (r"\w+(?:(?:[-‐‑'’.]|[\u00ad\u200b]+)\w+)*", 0),
    (r"^\s*(?:\(?\d{1,3}[.)]|\(?[a-zа-я][.)])\s+", re.MULTILINE),
]
TEXTS = ["До 10 млрд. долларов США к 2030 году", "в сентябре и АВГУСТЕ 2022", "договорились — передает Kazinform.",
         "Нур-Султан, COVID-19, U.S. и т.д.", "1) first\n(b) second\n- third", "4 000 000,5 млн"]


def _stored(path: Path) -> dict[Any, Any]:
    """The records of a store file, without its bookkeeping entry."""
    records = dict(marshal.loads(path.read_bytes())[1])
    records.pop(None, None)
    return records


@pytest.fixture
def fresh_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty store in tmp_path, and an empty in-process memo."""
    monkeypatch.setenv("STATEDIFF_CACHE_DIR", str(tmp_path))
    _fresh(monkeypatch)
    return tmp_path


def _fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Empty memos, and stores not yet read from disk (as in a new process)."""
    monkeypatch.setattr(recache, "_memo", {})
    monkeypatch.setattr(recache, "STORE", MarshalStore("regex", recache.ENGINE, recache.MAX_ENTRIES))
    monkeypatch.setattr(frozen, "STORE", MarshalStore("dataclass-code", frozen.BUILD_KEY, frozen.MAX_ENTRIES))


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, dict(a.groupindex)) == (b.pattern, b.flags, b.groups, dict(b.groupindex))
    for text in TEXTS:
        assert [(m.span(), m.groups()) for m in a.finditer(text)] == [(m.span(), m.groups()) for m in b.finditer(text)]


@pytest.mark.skipif(not recache.ENGINE, reason="no _sre engine internals on this Python")
def test_stored_patterns_behave_like_re_compile(fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for pattern, flags in PATTERNS:
        _same(recache.compile(pattern, flags), re.compile(pattern, flags))
    recache.STORE.save()
    [store] = fresh_store.glob("regex-*.marshal")
    # A new process, as it were: the memo is empty and the store is read from disk.
    _fresh(monkeypatch)
    calls = []
    monkeypatch.setattr(recache, "_compile_and_record", lambda key: calls.append(key) or re.compile(*key))
    for pattern, flags in PATTERNS:
        _same(recache.compile(pattern, flags), re.compile(pattern, flags))
    assert calls == []  # every one came from the store
    assert len(_stored(store)) == len(PATTERNS)


@pytest.mark.skipif(not recache.ENGINE, reason="no _sre engine internals on this Python")
def test_code_that_differs_from_re_compile_is_never_stored(fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_code = recache._compiler._code

    def off_by_one(parsed: object, flags: int) -> list[int]:
        from re._constants import LITERAL  # type: ignore[attr-defined]

        code = list(real_code(parsed, flags))
        at = code.index(LITERAL)
        code[at + 1] += 1  # one literal character changed: same pattern text, flags and groups
        return code

    monkeypatch.setattr(recache._compiler, "_code", off_by_one)
    pattern, flags = PATTERNS[1]
    _same(recache.compile(pattern, flags), re.compile(pattern, flags))  # the pattern used is re.compile's
    assert recache.STORE.added == {}


def test_corrupt_or_foreign_regex_store_is_ignored(fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern, flags = PATTERNS[0]
    path = recache.STORE.path()
    if path is None:
        pytest.skip("no engine internals")
    Path(path).write_bytes(b"\x00not marshal")
    _same(recache.compile(pattern, flags), re.compile(pattern, flags))
    # A store from another engine, or a record the engine rejects: re.compile's result all the same.
    Path(path).write_bytes(marshal.dumps(("another python", {(pattern, int(flags)): (0, [1, 2, 3], 0, {}, ())})))
    for engine in ("another python", recache.ENGINE):
        Path(path).write_bytes(marshal.dumps((engine, {(pattern, int(flags)): (0, [1, 2, 3], 0, {}, ())})))
        _fresh(monkeypatch)
        _same(recache.compile(pattern, flags), re.compile(pattern, flags))


@pytest.mark.parametrize("setting", ["", "relative/cache"])
def test_disabled_cache_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    # Where the cache would otherwise go (the XDG folder, the working directory) is tmp_path.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STATEDIFF_CACHE_DIR", setting)
    _fresh(monkeypatch)
    pattern, flags = PATTERNS[1]
    _same(recache.compile(pattern, flags), re.compile(pattern, flags))
    assert recache.STORE.added == {}
    recache.STORE.save()
    _define(frozen.frozen_dataclass)
    frozen.STORE.save()
    assert list(tmp_path.iterdir()) == []


def test_every_data_built_pattern_is_the_same_text_in_every_run() -> None:
    """The cache's key is the pattern text: patterns built from the data files must not depend on
    set iteration order (string hashing differs per process)."""
    import subprocess
    import sys

    code = ("from statediff import recache; from statediff.pipeline import compare; "
            "compare('seeds/jspg7-2022-kz-tr.ru.txt', 'seeds/jspg8-2026-kz-tr.ru.txt'); "
            "import hashlib; print(hashlib.sha1(repr(sorted(map(repr, recache._memo))).encode()).hexdigest())")
    root = Path(__file__).resolve().parent.parent
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True,
                              env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3)}
    assert len(outputs) == 1


def _define(decorate: Any) -> type:
    class Pledge:
        """A sample class with defaults, a factory and a field left out of comparisons."""

        text: str
        score: float = 0.5
        tags: tuple[str, ...] = ()
        notes: list[str] = dataclasses.field(default_factory=list, compare=False, hash=False)

    return decorate(Pledge)


class _Base:
    pass


def _define_bare(decorate: Any) -> type:
    """A class without a docstring (dataclass writes one from its signature), with a base class."""

    class Bare(_Base):
        count: int
        label: str = "x"

    return decorate(Bare)


def _methods(cls: type) -> dict[str, Any]:
    """What a reader or a type checker sees of the generated methods."""
    out: dict[str, Any] = {"doc": cls.__doc__, "match_args": getattr(cls, "__match_args__", None)}
    for name, value in vars(cls).items():
        if callable(value):
            out[name] = (value.__qualname__, str(inspect.signature(value)), dict(getattr(value, "__annotations__", {})))
    return out


def _behaviour(cls: type) -> list[Any]:
    a, b, c = cls("x"), cls("x", notes=["n"]), cls("y", 0.25, ("t",))
    out: list[Any] = [repr(a), repr(c), a == b, a == c, hash(a) == hash(b), [f.name for f in dataclasses.fields(cls)]]
    for action in (lambda: setattr(a, "text", "z"), lambda: delattr(a, "score")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            action()
    out.append(dataclasses.replace(c, score=1.0))
    return [repr(x) for x in out]


CASES = [  # (frozen_dataclass options, the dataclass options they stand for)
    ({}, {"frozen": True}),
    ({"init": False}, {"frozen": True, "init": False}),
    ({"order": True}, {"frozen": True, "order": True}),
]


@pytest.mark.parametrize(("options", "plain"), CASES)
def test_same_class_as_frozen_dataclass_from_source_and_from_store(
    fresh_store: Path, monkeypatch: pytest.MonkeyPatch, options: dict[str, Any], plain: dict[str, Any]
) -> None:
    decorate = frozen.frozen_dataclass(**options) if options else frozen.frozen_dataclass
    reference = _define(dataclasses.dataclass(**plain))
    made = _define(decorate)
    if options.get("init", True):
        assert _behaviour(made) == _behaviour(reference)
    assert _methods(made) == _methods(reference)
    assert _methods(_define_bare(decorate)) == _methods(_define_bare(dataclasses.dataclass(**plain)))
    assert frozen.STORE.added  # compiled from source in this "process"
    frozen.STORE.save()
    [store] = fresh_store.glob("dataclass-code-*.marshal")
    # A new process, as it were: the store is read from disk and nothing is compiled.
    _fresh(monkeypatch)
    again = _define(decorate)
    assert frozen.STORE.added == {}
    assert _methods(again) == _methods(reference)
    if options.get("init", True):
        assert _behaviour(again) == _behaviour(reference)
    assert len(_stored(store)) >= 3


def test_corrupt_or_foreign_dataclass_store_is_ignored(fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reference = _define(dataclasses.dataclass(frozen=True))
    _define(frozen.frozen_dataclass)
    frozen.STORE.save()
    path = Path(frozen.STORE.path() or "")
    sources = _stored(path)
    # Unreadable, from another Python, or records for these very sources that are not code.
    for content in (b"\x00not marshal", marshal.dumps(("another python", sources)), marshal.dumps((frozen.BUILD_KEY, dict.fromkeys(sources, 1)))):
        path.write_bytes(content)
        _fresh(monkeypatch)
        assert _behaviour(_define(frozen.frozen_dataclass)) == _behaviour(reference)


def test_only_the_patching_thread_uses_the_store(fresh_store: Path) -> None:
    """Another thread's dataclasses, made while a frozen_dataclass call runs, get the built-in exec."""
    namespace: dict[str, Any] = {}
    frozen._exec("def made_elsewhere(): return 1", {}, namespace)  # no frozen_dataclass call in this thread
    assert namespace["made_elsewhere"]() == 1
    assert frozen.STORE.added == {}


def test_a_store_others_may_write_is_not_read(fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _define(frozen.frozen_dataclass)
    frozen.STORE.save()
    path = Path(frozen.STORE.path() or "")
    assert path.stat().st_mode & 0o077 == 0  # written for this user only
    path.chmod(0o666)
    _fresh(monkeypatch)
    _define(frozen.frozen_dataclass)
    assert frozen.STORE.added  # compiled again: the store was not trusted


def test_dataclasses_module_is_left_as_it_was(fresh_store: Path) -> None:
    _define(frozen.frozen_dataclass)
    assert "exec" not in vars(dataclasses)
    with pytest.raises(TypeError):  # a failing decoration also puts it back
        frozen.frozen_dataclass(type("Bad", (), {"__annotations__": {"a": "int", "b": "int"}, "a": 1}))
    assert "exec" not in vars(dataclasses)


def test_a_new_store_removes_stale_stores_of_other_python_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import time

    monkeypatch.setenv("STATEDIFF_CACHE_DIR", str(tmp_path))
    month_ago = time.time() - 40 * 24 * 3600
    stale, recent = tmp_path / "regex-0123456789abcdef.marshal", tmp_path / "regex-fedcba9876543210.marshal"
    other_cache = tmp_path / "dataclass-code-0123456789abcdef.marshal"
    for path in (stale, recent, other_cache):
        path.write_bytes(marshal.dumps(("another build", {})))
    os.utime(stale, (month_ago, month_ago))
    os.utime(other_cache, (month_ago, month_ago))
    store = MarshalStore("regex", "this build", 100)
    store.add("pattern", "record")
    store.save()
    path = Path(store.path() or "")
    assert path.exists()
    assert not stale.exists()  # another build's store, unused for a month
    assert recent.exists()  # another build still in use
    assert other_cache.exists()  # another cache's store is not this one's to prune
    # an existing store is only merged into: nothing is scanned again
    stale.write_bytes(b"")
    os.utime(stale, (month_ago, month_ago))
    store.add("pattern 2", "record")
    store.save()
    assert stale.exists()


def test_records_unused_for_max_age_writes_are_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from statediff import marshal_store

    monkeypatch.setenv("STATEDIFF_CACHE_DIR", str(tmp_path))
    store = MarshalStore("regex", "this build", 1000)
    store.add("old pattern", "record")  # e.g. built from a data file that has changed since
    store.add("kept pattern", "record")
    store.save()
    for generation in range(marshal_store.MAX_AGE):
        store.get("kept pattern")  # looked up in every run that writes
        store.add(f"new pattern {generation}", "record")
        store.save()
    stored = _stored(Path(store.path() or ""))
    assert "old pattern" not in stored  # unused for MAX_AGE writes
    assert "kept pattern" in stored
    assert "new pattern 0" in stored  # MAX_AGE - 1 writes ago, not yet too old
    assert store.get("old pattern") is None and store.get("kept pattern") == "record"


def test_a_read_store_stays_in_use_and_bad_bookkeeping_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import time

    monkeypatch.setenv("STATEDIFF_CACHE_DIR", str(tmp_path))
    store = MarshalStore("regex", "this build", 1000)
    store.add("pattern", "record")
    store.save()
    path = Path(store.path() or "")
    month_ago = time.time() - 40 * 24 * 3600
    os.utime(path, (month_ago, month_ago))
    assert MarshalStore("regex", "this build", 1000).get("pattern") == "record"  # a read-only run
    assert path.stat().st_mtime > month_ago  # marked read: prune_stale will not take it for a dead build's
    path.write_bytes(marshal.dumps(("this build", {None: "not bookkeeping", "pattern": "record"})))
    again = MarshalStore("regex", "this build", 1000)
    again.add("pattern 2", "record")
    again.save()
    assert set(_stored(path)) == {"pattern", "pattern 2"}  # written all the same


def test_a_run_that_only_reads_renews_old_marks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATEDIFF_CACHE_DIR", str(tmp_path))
    store = MarshalStore("regex", "this build", 1000)
    path = Path(store.path() or "")
    path.write_bytes(marshal.dumps(("this build", {"pattern": "record", "other": "record", None: (30, {"pattern": 10, "other": 29})})))
    reader = MarshalStore("regex", "this build", 1000)
    assert reader.get("pattern") == "record"  # its mark is 20 generations old: half way to MAX_AGE and more
    reader.save()
    generation, marks = marshal.loads(path.read_bytes())[1][None]
    assert (generation, marks["pattern"]) == (31, 31)
    fresh = MarshalStore("regex", "this build", 1000)
    assert fresh.get("other") == "record"  # a recent mark: a read-only run writes nothing
    fresh.save()
    assert marshal.loads(path.read_bytes())[1][None][0] == 31
