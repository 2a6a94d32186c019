"""The regex cache: patterns built from stored engine code behave exactly like re.compile's, and
anything unexpected in the store falls back to re.compile."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

from statediff import recache

PATTERNS = [
    (r"(?<![\w\-./+№,$€£¥₹₩₸₺₽])(?P<n>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*(?P<s>млрд\.?|млн\.?)?", re.IGNORECASE),
    (r"(?:(?<!\w)сентябр\w*(?!\w)|(?<!\w)август\w*(?!\w))", re.IGNORECASE),
    (r"[-–—]\s*(?:передает|сообщает|сообщил[аи]?)\b.*$", re.IGNORECASE),
    (r"\w+(?:(?:[-‐‑'’.]|[\u00ad\u200b]+)\w+)*", 0),
    (r"^\s*(?:\(?\d{1,3}[.)]|\(?[a-zа-я][.)])\s+", re.MULTILINE),
]
TEXTS = ["До 10 млрд. долларов США к 2030 году", "в сентябре и АВГУСТЕ 2022", "договорились — передает Kazinform.",
         "Нур-Султан, COVID-19, U.S. и т.д.", "1) first\n(b) second\n- third", "4 000 000,5 млн"]


@pytest.fixture
def fresh_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty store in tmp_path, and an empty in-process memo."""
    monkeypatch.setenv("STATEDIFF_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(recache, "_memo", {})
    monkeypatch.setattr(recache, "_store", None)
    monkeypatch.setattr(recache, "_added", {})
    return tmp_path


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, dict(a.groupindex)) == (b.pattern, b.flags, b.groups, dict(b.groupindex))
    for text in TEXTS:
        assert [(m.span(), m.groups()) for m in a.finditer(text)] == [(m.span(), m.groups()) for m in b.finditer(text)]


@pytest.mark.skipif(not recache.ENGINE, reason="no _sre engine internals on this Python")
def test_stored_patterns_behave_like_re_compile(fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for pattern, flags in PATTERNS:
        _same(recache.compile(pattern, flags), re.compile(pattern, flags))
    recache._save()
    [store] = fresh_store.glob("regex-*.marshal")
    # A new process, as it were: the memo is empty and the store is read from disk.
    monkeypatch.setattr(recache, "_memo", {})
    monkeypatch.setattr(recache, "_store", None)
    calls = []
    monkeypatch.setattr(recache, "_compile_and_record", lambda key: calls.append(key) or re.compile(*key))
    for pattern, flags in PATTERNS:
        _same(recache.compile(pattern, flags), re.compile(pattern, flags))
    assert calls == []  # every one came from the store
    assert len(marshal.loads(store.read_bytes())[1]) == len(PATTERNS)


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
    assert recache._added == {}


def test_corrupt_or_foreign_store_is_ignored(fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern, flags = PATTERNS[0]
    path = recache._store_path()
    if path is None:
        pytest.skip("no engine internals")
    Path(path).write_bytes(b"\x00not marshal")
    _same(recache.compile(pattern, flags), re.compile(pattern, flags))
    # A store from another engine, or a record the engine rejects: re.compile's result all the same.
    Path(path).write_bytes(marshal.dumps(("another python", {(pattern, int(flags)): (0, [1, 2, 3], 0, {}, ())})))
    for engine in ("another python", recache.ENGINE):
        Path(path).write_bytes(marshal.dumps((engine, {(pattern, int(flags)): (0, [1, 2, 3], 0, {}, ())})))
        monkeypatch.setattr(recache, "_memo", {})
        monkeypatch.setattr(recache, "_store", None)
        _same(recache.compile(pattern, flags), re.compile(pattern, flags))


@pytest.mark.parametrize("setting", ["", "relative/cache"])
def test_disabled_cache_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    # Where the cache would otherwise go (the XDG folder, the working directory) is tmp_path.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STATEDIFF_CACHE_DIR", setting)
    monkeypatch.setattr(recache, "_memo", {})
    monkeypatch.setattr(recache, "_store", None)
    monkeypatch.setattr(recache, "_added", {})
    pattern, flags = PATTERNS[1]
    _same(recache.compile(pattern, flags), re.compile(pattern, flags))
    assert recache._added == {}
    recache._save()
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
