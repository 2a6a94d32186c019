"""Decode text bytes: byte-order marks, UTF-8, then a detector made robust for short Cyrillic texts."""

from __future__ import annotations

import codecs
import math

from .. import recache
from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Single-byte code pages tried for every non-UTF-8 input, whatever the detector says: the
# detector confuses cp1251 and KOI8-R on short texts, so the final choice is made by _plausibility.
_ALWAYS_TRY = ("cp1251", "koi8-r", "cp1252", "cp1254")
_DETECTOR_POOL = ["cp1251", "koi8_r", "cp1252", "cp1254", "cp1250", "iso8859_15", "cp866"]
# Another encoding the detector proposes must beat the fixed list by this much to be chosen.
_DETECTOR_MARGIN = 0.05
# Below this, every decoding is mojibake or binary: the input is refused rather than guessed.
_MIN_PLAUSIBILITY = 0.5
# Letters of cp1252 that Western European languages hardly use but that stand where cp1254
# has Turkish ı ş ğ İ Ş Ğ: a word holding one is more likely Turkish read with the wrong page.
_SUSPECT_LATIN = frozenset("ýþðÝÞÐ")
_WORD_RE = recache.compile(r"[^\W\d_]+")
_CONTROL_RE = recache.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]+")
# Relative frequency (%) of Russian letters; letters of other Cyrillic languages get a middling weight.
_RU_FREQ = dict(zip(
    "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
    (10.97, 8.45, 8.01, 7.35, 6.70, 6.26, 5.47, 4.73, 4.54, 4.40, 3.49, 3.21, 2.98, 2.81, 2.62, 2.01, 1.90,
     1.74, 1.70, 1.65, 1.59, 1.44, 1.21, 0.97, 0.94, 0.73, 0.64, 0.48, 0.36, 0.32, 0.26, 0.04, 0.04),
    strict=True,
))
_OTHER_CYRILLIC_FREQ = 0.5
_FLOOR_FREQ = 0.02  # letters outside the table: rare, whatever they are


def decode(data: bytes, name: str) -> tuple[str, str, bool]:
    """Decode bytes; return (text, encoding name, whether the encoding had to be guessed)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), f"{encoding} (BOM)", False
            except UnicodeDecodeError:
                raise InputError(f"{name}: starts with a {encoding} byte-order mark but does not decode as {encoding}") from None
    if b"\x00" in data[:8192]:
        utf16 = _guess_utf16_without_bom(data)
        if utf16:
            return data.decode(utf16), utf16, True
        raise InputError(f"{name}: looks like binary data (NUL bytes), not a text statement")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    text, encoding = _detect(data, name)
    return text, encoding, True


# UTF-8 with a few invalid bytes (lines cut by a byte-counting tool such as `fold` in the middle
# of a Cyrillic letter — at 72 bytes two invalid sequences per 36 letters — or a stray cp1252
# quote pasted in): at most one invalid sequence per this many well-formed multi-byte characters.
# Text in a single-byte code page decoded as UTF-8 has nearly as many invalid sequences as
# non-ASCII letters, so it stays far from this.
_UTF8_GOOD_PER_BAD = 5
_UTF8_LEAD_BYTES = tuple(bytes([b]) for b in range(0xC2, 0xF5))


def _damaged_utf8(data: bytes) -> tuple[str, str, bool] | None:
    """The text decoded as UTF-8 with each invalid sequence replaced by U+FFFD, when the bytes are
    UTF-8 but for a few invalid ones; the encoding name says how many were replaced."""
    text = data.decode("utf-8", "replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    leads = sum(map(data.count, _UTF8_LEAD_BYTES))  # every multi-byte character starts with one
    if invalid <= 0 or (leads - invalid) < _UTF8_GOOD_PER_BAD * invalid:
        return None
    return text, f"utf-8 ({invalid} invalid byte sequence{'s' if invalid != 1 else ''} replaced)", False


def control_share(text: str) -> float:
    """Share of control characters other than line breaks and tabs: high for binary data."""
    if not text:
        return 0.0
    return (len(text) - len(_CONTROL_RE.sub("", text))) / len(text)


def _guess_utf16_without_bom(data: bytes) -> str | None:
    """utf-16-le or utf-16-be when the bytes read as UTF-16 text without a byte-order mark, else None.

    In UTF-16 text the high byte of each character takes few values (0x00 for ASCII, 0x04 for
    Cyrillic, 0x20 for dashes and quotes), so on one side of each byte pair a handful of values
    make up nearly every byte, NUL among them (spaces, digits, line breaks)."""
    sample = data[:4096]
    for encoding, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if not high:
            continue
        counts = sorted((high.count(value) for value in set(high)), reverse=True)
        if high.count(0) >= 0.05 * len(high) and sum(counts[:4]) >= 0.95 * len(high):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if control_share(text) < 0.01:
                return encoding
    return None


def _detect(data: bytes, name: str) -> tuple[str, str]:
    scored: list[tuple[float, str, str]] = []  # (score, encoding, text), fixed list first
    for encoding in _ALWAYS_TRY:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((_plausibility(text), encoding, text))
    tried = {encoding for _, encoding, _ in scored}
    for encoding, text in _detector_guesses(data):
        if encoding not in tried:
            tried.add(encoding)
            scored.append((_plausibility(text) - _DETECTOR_MARGIN, encoding, text))
    if not scored:
        raise InputError(f"{name}: cannot decode: not UTF-8 and no known encoding fits")
    # Highest plausibility wins; on a tie the earlier candidate is kept.
    best = max(scored, key=lambda item: item[0])
    if best[0] < _MIN_PLAUSIBILITY:
        raise InputError(f"{name}: cannot decode: not UTF-8, and no known encoding (cp1251, KOI8-R, cp1252...) gives readable text")
    return best[2], best[1]


def _detector_guesses(data: bytes) -> list[tuple[str, str]]:
    # Imported lazily: only non-UTF-8 input pays for the detector.
    from charset_normalizer import from_bytes

    guesses = []
    for match in list(from_bytes(data, cp_isolation=_DETECTOR_POOL))[:5]:
        try:
            encoding = codecs.lookup(match.encoding).name
        except LookupError:
            continue
        guesses.append((encoding, str(match)))
    return guesses


def _plausibility(text: str) -> float:
    """How much ``text`` looks like natural language rather than mojibake, 0 to 2.

    The share of letters in words that are written in one script and one case pattern
    (mojibake mixes scripts, "Ñîâìåñòíîå", or cases, "яНБЛЕЯРМНЕ"), plus, for Cyrillic
    letters, how close their frequencies are to Russian (cp1251 read as KOI8-R and the reverse
    keep the case pattern of an all-caps title but scramble the letters)."""
    letters = 0
    good = 0.0
    cyrillic_logp = 0.0
    cyrillic = 0
    for word in _WORD_RE.findall(text):
        letters += len(word)
        good += len(word) * _word_weight(word)
        for ch in word.lower():
            if "\u0400" <= ch <= "\u04ff":
                cyrillic += 1
                cyrillic_logp += math.log(_RU_FREQ.get(ch, _OTHER_CYRILLIC_FREQ if ch.isalpha() else _FLOOR_FREQ))
    if not letters:
        return 0.0
    score = good / letters
    if cyrillic:
        # Mean log-frequency: about 1.5 for Russian, under 0.9 for letters scrambled by the wrong
        # Cyrillic code page; scaled to about 1.0 and 0.4.
        score += (cyrillic / letters) * max(0.0, min(1.0, cyrillic_logp / cyrillic - 0.5))
    return score


def _word_weight(word: str) -> float:
    cyrillic = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
    ascii_latin = sum(1 for ch in word if ch.isascii())
    other_latin = sum(1 for ch in word if "\u00c0" <= ch <= "\u024f")
    if cyrillic and (ascii_latin or other_latin):
        return 0.0  # mixed scripts: "Mьnchen", "cafй"
    if len(word) >= 4 and other_latin > 0.6 * len(word):
        return 0.0  # accented Latin only: a Cyrillic text read as cp1252
    if not (word.islower() or word.istitle() or word.isupper()):
        return 0.0  # mixed case: "яНБЛЕЯРМНЕ" is "Совместное" in cp1251 read as KOI8-R
    if any(ch in _SUSPECT_LATIN for ch in word):
        return 0.3
    return 1.0
