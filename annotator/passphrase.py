"""The lead's passphrase as a salted scrypt hash (standard library only).

The stored record carries its own parameters, so they can be raised later without breaking
older projects. Parameters: N = 2^15, r = 8, p = 1 (32 MiB of memory, about 0.1-0.3 s per check on
a laptop), a 16-byte random salt and a 32-byte key — above RFC 7914's interactive-login setting
(N = 2^14). What this protects, and what it does not, is in the README ("The lead passphrase").
"""

from __future__ import annotations

import hashlib
import hmac
import os
from typing import Any

ALGORITHM = "scrypt"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
KEY_BYTES, SALT_BYTES = 32, 16
MIN_LENGTH = 8
_MAX_MEMORY = 128 * 2**20  # OpenSSL's default ceiling (32 MiB) is just below what N = 2^15 needs


def check_new_passphrase(passphrase: str) -> None:
    """``ValueError`` naming what is wrong with a passphrase about to be set."""
    if len(passphrase) < MIN_LENGTH:
        raise ValueError(f"the passphrase needs at least {MIN_LENGTH} characters")
    if passphrase != passphrase.strip():
        raise ValueError("the passphrase must not start or end with a space")


def hash_passphrase(passphrase: str) -> dict[str, Any]:
    """A JSON-ready record: algorithm, parameters, salt and key (hex)."""
    salt = os.urandom(SALT_BYTES)
    key = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, KEY_BYTES)
    return {"algorithm": ALGORITHM, "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
            "salt": salt.hex(), "key": key.hex()}


def verify_passphrase(passphrase: str, record: dict[str, Any]) -> bool:
    """Whether ``passphrase`` is the one ``record`` was made from (constant-time compare)."""
    try:
        if record["algorithm"] != ALGORITHM:
            return False
        expected = bytes.fromhex(record["key"])
        key = _derive(passphrase, bytes.fromhex(record["salt"]), int(record["n"]),
                      int(record["r"]), int(record["p"]), len(expected))
    except (KeyError, TypeError, ValueError):
        return False
    return hmac.compare_digest(key, expected)


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=_MAX_MEMORY, dklen=length)
