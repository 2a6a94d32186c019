"""Every key of a language file is one the code reads: a misspelt key would be ignored silently."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

from statediff.languages import CueSet, Language

LANGUAGES = Path(__file__).resolve().parent.parent / "statediff" / "data" / "languages"
# Keys read besides the Language fields: detection's (languages._profile) and the cue lists' attributive words (CueSet).
OTHER_KEYS = {"profile", "script"} | {f.name for f in dataclasses.fields(CueSet) if f.name.startswith("attributive_")}


def _unread_keys(raw: dict[str, object]) -> list[str]:
    return sorted(set(raw) - {f.name for f in dataclasses.fields(Language)} - OTHER_KEYS)


@pytest.mark.parametrize("path", sorted(p for p in LANGUAGES.glob("*.toml") if p.name != "unsupported.toml"), ids=lambda p: p.stem)
def test_every_key_of_a_language_file_is_read(path: Path) -> None:
    assert _unread_keys(tomllib.loads(path.read_text("utf-8"))) == []


def test_a_misspelt_key_is_caught() -> None:
    assert _unread_keys({"commitment_cue": [], "commitment_cues": [], "profile": []}) == ["commitment_cue"]
