"""Data files: parsed values equal tomllib's, and the on-disk cache is keyed by content and optional."""

from __future__ import annotations

import marshal
import tomllib
from pathlib import Path

import pytest

from statediff import data

FILES = sorted(str(p.relative_to(data.DATA_DIR)) for p in data.DATA_DIR.rglob("*.toml"))


@pytest.mark.parametrize("relative", FILES)
def test_read_equals_tomllib(relative: str) -> None:
    assert data.read(relative) == tomllib.loads((data.DATA_DIR / relative).read_text("utf-8"))


def _read_fresh(relative: str) -> dict:
    return data.read.__wrapped__(relative)  # type: ignore[attr-defined]


def test_cache_written_then_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATEDIFF_CACHE_DIR", str(tmp_path))
    expected = tomllib.loads((data.DATA_DIR / "aliases.toml").read_text("utf-8"))
    assert _read_fresh("aliases.toml") == expected
    cached = tmp_path / "aliases.toml.marshal"
    assert cached.is_file()
    key, value = marshal.loads(cached.read_bytes())
    assert value == expected
    # A second read comes from the cache file: prove it by planting a marker under the same key.
    cached.write_bytes(marshal.dumps((key, {"marker": True})))
    assert _read_fresh("aliases.toml") == {"marker": True}


def test_stale_or_broken_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATEDIFF_CACHE_DIR", str(tmp_path))
    expected = tomllib.loads((data.DATA_DIR / "languages" / "ru.toml").read_text("utf-8"))
    cached = tmp_path / "languages__ru.toml.marshal"
    cached.write_bytes(marshal.dumps(("another key", {"marker": True})))  # the data file changed since
    assert _read_fresh("languages/ru.toml") == expected
    cached.write_bytes(b"\x00garbage")
    assert _read_fresh("languages/ru.toml") == expected
    assert marshal.loads(cached.read_bytes())[1] == expected  # rewritten


def test_unwritable_or_disabled_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = tomllib.loads((data.DATA_DIR / "gazetteer.toml").read_text("utf-8"))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("STATEDIFF_CACHE_DIR", str(blocker / "cache"))
    assert _read_fresh("gazetteer.toml") == expected
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # where the cache would otherwise go
    monkeypatch.chdir(tmp_path)
    for setting in ("", "relative/cache"):  # off, and a relative folder (it would follow the working directory)
        monkeypatch.setenv("STATEDIFF_CACHE_DIR", setting)
        assert data.cache_dir() is None
        assert _read_fresh("gazetteer.toml") == expected
    assert list(tmp_path.iterdir()) == [blocker]


def test_relative_xdg_cache_home_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STATEDIFF_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    assert data.cache_dir() == tmp_path / ".cache" / "statediff"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert data.cache_dir() == tmp_path / "xdg" / "statediff"


def test_missing_file() -> None:
    with pytest.raises(FileNotFoundError):
        _read_fresh("languages/zz.toml")
    from statediff.details.patterns import load_data

    assert load_data("numbers", "zz") is None
