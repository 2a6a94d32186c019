"""Load stage: read a path, a pipe or stdin, extract its text, and keep the text that all offsets index."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import PurePath
from typing import BinaryIO

from .digest import sha256_hex
from .errors import InputError
from .extract import extract
from .model import Document

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
STDIN_NAME = "<stdin>"  # the path of a statement read from standard input
_CHUNK = 1024 * 1024


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None) -> bytes:
    """Read a regular file, a FIFO (process substitution) or stdin (``-``), refusing oversize input."""
    if path == "-":
        return _read_stream(stdin or sys.stdin.buffer, STDIN_NAME, max_bytes)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a directory, expected a statement file")
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise InputError(f"{path}: {info.st_size} bytes is over the --max-bytes limit of {max_bytes}")
    try:
        with open(path, "rb") as handle:
            return _read_stream(handle, path, max_bytes)
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a statement file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _read_stream(handle: BinaryIO, name: str, max_bytes: int) -> bytes:
    # Read in chunks up to one byte past the limit: a pipe of unknown size is refused without
    # reading it all, and a small input never costs a buffer of max_bytes.
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = handle.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise InputError(f"{name}: input is over the --max-bytes limit of {max_bytes}")
    return b"".join(chunks)


def load(path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None) -> Document:
    """Read one statement and extract its text (format from the content, the extension as a hint)."""
    data = read_bytes(path, max_bytes, stdin)
    name = STDIN_NAME if path == "-" else path
    return load_bytes(data, name, "" if path == "-" else PurePath(path).suffix)


def load_bytes(data: bytes, name: str, suffix: str = "") -> Document:
    """Extract the text of bytes already read; ``suffix`` (".docx") is a hint for the format."""
    if not data:
        raise InputError(f"{name}: is empty")
    if not data.strip():
        raise InputError(f"{name}: contains only whitespace")
    extracted = extract(data, name, suffix)
    if not extracted.text.strip():
        what = "only whitespace" if extracted.format == "txt" else f"no text (as {extracted.format})"
        raise InputError(f"{name}: contains {what}")
    return Document(
        path=name,
        text=extracted.text,
        sha256=sha256_hex(data),
        encoding=extracted.encoding,
        encoding_detected=extracted.encoding_detected,
        format=extracted.format,
        line_anchors=extracted.line_anchors,
        headings=extracted.headings,
        left_out=extracted.left_out,
        table_rows=extracted.table_rows,
    )
