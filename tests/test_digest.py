"""statediff.digest gives hashlib's digests, on both sides of the size at which it switches to hashlib."""

import hashlib

import pytest

from statediff.digest import HASHLIB_MIN_BYTES, sha1_hex, sha256_hex


@pytest.mark.parametrize("size", [0, 1, 3, HASHLIB_MIN_BYTES - 1, HASHLIB_MIN_BYTES, HASHLIB_MIN_BYTES + 7])
def test_digests_agree_with_hashlib(size: int) -> None:
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()
    assert sha1_hex(data) == hashlib.sha1(data).hexdigest()
