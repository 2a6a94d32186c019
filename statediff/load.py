"""Load stage: read a path or stdin, decode it, and keep the decoded text that all offsets index."""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
import sys
from typing import BinaryIO

from .errors import InputError
from .model import Document

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None) -> bytes:
    """Read a regular file, a FIFO (process substitution) or stdin (``-``), refusing oversize input."""
    if path == "-":
        return _read_stream(stdin or sys.stdin.buffer, "<stdin>", max_bytes)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a directory, expected a statement file")
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise InputError(f"{path}: {info.st_size} bytes is over the --max-bytes limit of {max_bytes}")
    try:
        with open(path, "rb") as handle:
            return _read_stream(handle, path, max_bytes)
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def _read_stream(handle: BinaryIO, name: str, max_bytes: int) -> bytes:
    # Read one byte past the limit so a stream of unknown size is refused without reading it all.
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{name}: input is over the --max-bytes limit of {max_bytes}")
    return data


def decode(data: bytes, name: str) -> tuple[str, str, bool]:
    """Decode bytes; return (text, encoding name, whether the encoding had to be guessed)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding + (" (BOM)"), False
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
    return _detect(data, name)


def _guess_utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        encoding = "utf-16-le"
    elif even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


def _detect(data: bytes, name: str) -> tuple[str, str, bool]:
    # Imported lazily: only non-UTF-8 input pays for the detector.
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1251", "koi8_r", "cp1252", "latin_1", "cp1254", "iso8859_9", "cp1250", "iso8859_15"]).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: cannot decode: not UTF-8 and no known encoding fits")
    text = str(best)
    if _control_share(text) > 0.05:
        raise InputError(f"{name}: looks like binary data, not a text statement")
    return text, best.encoding, True


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return controls / len(text)


def load(path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None) -> Document:
    """Read and decode one statement."""
    data = read_bytes(path, max_bytes, stdin)
    name = "<stdin>" if path == "-" else path
    if not data.strip():
        raise InputError(f"{name}: is empty")
    text, encoding, detected = decode(data, name)
    if _control_share(text) > 0.05:
        raise InputError(f"{name}: looks like binary data, not a text statement")
    if not text.strip():
        raise InputError(f"{name}: contains only whitespace")
    return Document(
        path=name,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        encoding_detected=detected,
    )
