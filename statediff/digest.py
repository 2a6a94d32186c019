"""SHA-1 and SHA-256 hex digests from CPython's built-in hash modules, without importing hashlib.

``import hashlib`` loads OpenSSL (``_hashlib``): ~4 ms of every run, 2-3 % of a small comparison,
for a handful of digests of short keys and input files. The built-in modules compute the same
digests, but ~7× slower than OpenSSL (4.8 against 0.7 ms per MB here): data from HASHLIB_MIN_BYTES
on is hashed by hashlib, whose import it then pays for. Where the built-in modules are missing
(another Python), hashlib is used."""

from __future__ import annotations

HASHLIB_MIN_BYTES = 256 * 1024

# _sha256 and _sha1 are CPython 3.11's names; 3.12 renamed the first _sha2.
try:
    from _sha256 import sha256 as _sha256  # type: ignore[import-not-found]
except ImportError:
    try:
        from _sha2 import sha256 as _sha256  # type: ignore[import-not-found,no-redef]
    except ImportError:
        from hashlib import sha256 as _sha256  # type: ignore[assignment]
try:
    from _sha1 import sha1 as _sha1  # type: ignore[import-not-found]
except ImportError:
    from hashlib import sha1 as _sha1  # type: ignore[assignment]


def sha256_hex(data: bytes) -> str:
    """The SHA-256 digest of ``data``, as hexadecimal."""
    if len(data) >= HASHLIB_MIN_BYTES:
        import hashlib

        return hashlib.sha256(data).hexdigest()
    return _sha256(data).hexdigest()  # type: ignore[no-any-return]


def sha1_hex(data: bytes) -> str:
    """The SHA-1 digest of ``data``, as hexadecimal (cache keys, not security)."""
    return _sha1(data).hexdigest()  # type: ignore[no-any-return]
