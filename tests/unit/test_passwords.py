"""Device broker passwords: random, and safe to hand to any command line."""

from __future__ import annotations

from kiosk.deploy.passwords import new_password


def test_a_new_password_never_starts_with_a_dash_and_is_never_repeated() -> None:
    # One random password in 64 started with "-" before: 2,000 of them meet it for sure.
    made = [new_password() for _ in range(2000)]

    assert all(password[0].isalnum() for password in made)
    assert all(len(password) == 32 for password in made)
    assert len(set(made)) == len(made)
