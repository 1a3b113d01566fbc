"""Staff PIN hashes (scrypt). PINs are checked by the hub only; kiosks never store them."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re

_N, _R, _P = 2**14, 8, 1
_FORMAT = re.compile(r"scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)")
PIN_PATTERN = re.compile(r"\d{4,8}")


def hash_pin(pin: str, *, salt: bytes | None = None, cost: int = _N) -> str:
    """Hash a 4-8 digit PIN as ``scrypt$n$r$p$salt$hash`` (base64 parts).

    ``cost`` is scrypt's N (a power of two). Keep the default for real PINs; tests pass a
    small one to stay fast. :func:`verify_pin` reads the cost from the hash, so hashes of
    different costs verify alike.
    """
    if not PIN_PATTERN.fullmatch(pin):
        raise ValueError("a PIN is 4 to 8 digits")
    if cost < 2 or cost & (cost - 1):
        raise ValueError("the scrypt cost must be a power of two, at least 2")
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=cost, r=_R, p=_P, dklen=32)
    return "$".join(["scrypt", str(cost), str(_R), str(_P),
                     base64.b64encode(salt).decode(), base64.b64encode(digest).decode()])


def is_pin_hash(text: str) -> bool:
    return _FORMAT.fullmatch(text) is not None


def verify_pin(pin: str, pin_hash: str) -> bool:
    """True when ``pin`` matches; False for a wrong PIN or a malformed hash."""
    match = _FORMAT.fullmatch(pin_hash)
    if match is None or not PIN_PATTERN.fullmatch(pin):
        return False
    n, r, p = (int(g) for g in match.group(1, 2, 3))
    if n > 2**20 or r > 32 or p > 16:
        return False
    salt = base64.b64decode(match.group(4))
    expected = base64.b64decode(match.group(5))
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=len(expected),
                            maxmem=256 * 1024 * 1024)
    return hmac.compare_digest(digest, expected)
