"""Broker passwords: random per device, stored hashed in Mosquitto's own password format."""

from __future__ import annotations

import base64
import hashlib
import os
import secrets

MOSQUITTO_ITERATIONS = 101
"""What ``mosquitto_passwd`` of Mosquitto 2.0 uses for its PBKDF2-SHA512 (``$7$``) hashes."""


def new_password() -> str:
    """A random password for a device's broker account (never typed by a person), starting
    with a letter or digit: one starting with "-" reads as an option to every command it is
    given to (``mosquitto_sub -P``, a support script's ``--password``)."""
    while True:
        password = secrets.token_urlsafe(24)
        if password[0].isalnum():
            return password


def mosquitto_hash(password: str, *, salt: bytes | None = None,
                   iterations: int = MOSQUITTO_ITERATIONS) -> str:
    """A ``password_file`` hash as Mosquitto 2.0 writes it: ``$7$iterations$salt$hash``."""
    salt = salt if salt is not None else os.urandom(12)
    digest = hashlib.pbkdf2_hmac("sha512", password.encode("utf-8"), salt, iterations)
    return "$".join(["", "7", str(iterations), base64.b64encode(salt).decode(),
                     base64.b64encode(digest).decode()])


def password_file(passwords: dict[str, str]) -> str:
    """The text of Mosquitto's ``password_file`` for device id -> password."""
    return "".join(f"{device}:{mosquitto_hash(password)}\n"
                   for device, password in sorted(passwords.items()))
