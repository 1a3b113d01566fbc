"""Only end-to-end tests start a broker, so ``pytest -m "not e2e"`` starts none.

A test is end-to-end (marked ``e2e``) when it lives in ``tests/e2e`` or uses a broker
fixture. Any other test runs with broker starts stopped: in its own process the broker
classes refuse to start, and a ``mosquitto`` first on the PATH refuses for every process
the test starts (the product finds Mosquitto through the PATH first).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

#: Fixtures that start a real broker (tests/e2e/conftest.py): a test using one, directly or
#: through another fixture, is marked e2e wherever it lives.
BROKER_FIXTURES = frozenset({"mosquitto", "any_broker"})
E2E_FOLDER = Path(__file__).resolve().parents[1] / "e2e"
REFUSAL = "starts a broker but is not marked e2e: add @pytest.mark.e2e (or move it to tests/e2e)"
#: Set for processes a non-e2e test starts: where the refusing ``mosquitto`` notes each try.
ATTEMPTS_ENV = "KIOSK_TEST_BROKER_ATTEMPTS"

_REFUSING_MOSQUITTO = f"""#!/bin/sh
# Put first on the PATH by tests/helpers/broker_guard.py for a test not marked e2e.
if [ -n "${ATTEMPTS_ENV}" ]; then echo "mosquitto $*" >> "${ATTEMPTS_ENV}"; fi
echo "mosquitto: this test {REFUSAL}" >&2
exit 3
"""


class BrokerStartRefused(RuntimeError):
    """A test not marked e2e tried to start a broker."""


def mark_end_to_end(items: Iterable[pytest.Item]) -> None:
    """Mark e2e every test in tests/e2e and every test that uses a broker fixture."""
    for item in items:
        in_folder = item.path.is_relative_to(E2E_FOLDER)
        uses_broker = bool(BROKER_FIXTURES & set(getattr(item, "fixturenames", ())))
        if (in_folder or uses_broker) and item.get_closest_marker("e2e") is None:
            item.add_marker(pytest.mark.e2e)


def install_refusing_mosquitto(folder: Path) -> Path:
    """Write the refusing ``mosquitto`` into ``folder`` (once per session); return it."""
    folder.mkdir(parents=True, exist_ok=True)
    shim = folder / "mosquitto"
    shim.write_text(_REFUSING_MOSQUITTO, encoding="utf-8")
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return folder


@contextmanager
def brokers_refused(shim_folder: Path, attempts: Path,
                    monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No broker starts, in this process or a child; fails if anything tried to.

    An attempt raises where it is made and is noted in ``attempts``, so an attempt that the
    code under test catches and logs still fails the test.
    """
    from kiosk.net.broker import EmbeddedBroker, MosquittoBroker

    def refuse(*_args: object, **_kwargs: object) -> None:
        with attempts.open("a", encoding="utf-8") as log:
            log.write("broker started in the test process\n")
        raise BrokerStartRefused(f"this test {REFUSAL}")

    monkeypatch.setattr(MosquittoBroker, "start", refuse)
    monkeypatch.setattr(EmbeddedBroker, "start", refuse)
    monkeypatch.setenv("PATH", f"{shim_folder}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv(ATTEMPTS_ENV, str(attempts))
    yield
    tried = attempts.read_text(encoding="utf-8").strip() if attempts.exists() else ""
    attempts.unlink(missing_ok=True)
    if tried:
        pytest.fail(f"this test {REFUSAL}; it tried:\n{tried}", pytrace=False)
