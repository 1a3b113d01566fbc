"""The systemd units pass ``systemd-analyze verify``; the watchdog is fed from the GUI thread."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from kiosk.systemd_notify import notify, watchdog_interval_s

ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "deploy" / "systemd"
ANALYZE = shutil.which("systemd-analyze")


def _installed_copy(unit: Path, folder: Path) -> Path:
    """The unit as installed, with the product's paths pointing at programs that exist here."""
    text = unit.read_text(encoding="utf-8")
    text = text.replace("/opt/bank-kiosk/bin/kiosk-session", shutil.which("env") or "/bin/env")
    text = text.replace("/opt/bank-kiosk/bin/kiosk", sys.executable)
    copy = folder / unit.name
    copy.write_text(text, encoding="utf-8")
    return copy


def _verify(unit: Path, tmp_path: Path, user: bool) -> subprocess.CompletedProcess[str]:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    command = [ANALYZE or "systemd-analyze", "verify", "--man=no"]
    if user:
        command.append("--user")
    return subprocess.run([*command, str(unit)], capture_output=True, text=True, timeout=60,
                          check=False, cwd=unit.parent,
                          env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)})


@pytest.mark.skipif(ANALYZE is None, reason="systemd-analyze is part of Debian's systemd")
@pytest.mark.parametrize("name", sorted(p.name for p in UNITS.glob("*.service")))
def test_unit_verifies_cleanly(name: str, tmp_path: Path) -> None:
    unit = _installed_copy(UNITS / name, tmp_path)
    result = _verify(unit, tmp_path, user="console" in name)
    assert result.returncode == 0 and not result.stdout.strip() and not result.stderr.strip(), \
        result.stdout + result.stderr


@pytest.mark.skipif(ANALYZE is None, reason="systemd-analyze is part of Debian's systemd")
def test_verification_catches_a_mistyped_unit(tmp_path: Path) -> None:
    unit = _installed_copy(UNITS / "bank-kiosk-hub.service", tmp_path)
    unit.write_text(unit.read_text().replace("Restart=always", "Restart=allways"))
    result = _verify(unit, tmp_path, user=False)
    assert "restart" in (result.stdout + result.stderr).lower()


def test_units_never_give_up_restarting() -> None:
    for unit in UNITS.glob("*.service"):
        text = unit.read_text(encoding="utf-8")
        assert "Restart=always" in text, unit.name
        assert "StartLimitIntervalSec=0" in text, unit.name


def test_notify_reaches_the_socket_and_watchdog_interval_is_half(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(str(path))
        server.settimeout(5)
        monkeypatch.setenv("NOTIFY_SOCKET", str(path))
        assert notify("READY=1")
        assert server.recv(100) == b"READY=1"
    monkeypatch.setenv("WATCHDOG_USEC", "20000000")
    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
    assert watchdog_interval_s() == 10.0
    monkeypatch.delenv("NOTIFY_SOCKET")
    assert not notify("WATCHDOG=1")  # not under systemd: nothing, no error


def test_a_frozen_gui_stops_feeding_the_watchdog(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.ui.watchdog_timer import WatchdogTimer

    path = tmp_path / "notify.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(str(path))
    server.setblocking(False)
    monkeypatch.setenv("NOTIFY_SOCKET", str(path))
    timer = WatchdogTimer(interval_s=0.05)
    timer.start()

    def pings() -> list[bytes]:
        got = []
        while True:
            try:
                got.append(server.recv(100))
            except BlockingIOError:
                return got

    qtbot.waitUntil(lambda: len([p for p in pings() if p == b"WATCHDOG=1"]) >= 1, timeout=3000)
    time.sleep(0.5)  # the GUI thread is frozen on purpose: no event loop runs, no pings
    pings_during_freeze = [p for p in pings() if p == b"WATCHDOG=1"]
    assert len(pings_during_freeze) <= 1  # at most the one already queued before the freeze
    qtbot.waitUntil(lambda: b"WATCHDOG=1" in pings(), timeout=3000)  # alive again
    timer.stop()
    server.close()


@pytest.mark.skipif(os.geteuid() != 0 or not Path("/lib/systemd/systemd").exists()
                    or shutil.which("unshare") is None,
                    reason="needs root, systemd and unshare (namespaces for a private PID 1)")
def test_a_frozen_kiosk_is_restarted_by_systemds_watchdog(tmp_path: Path) -> None:
    """The real kiosk unit under a real systemd (PID 1 of its own namespaces): the kiosk is
    frozen, the watchdog fires, systemd kills it and starts it again. It runs from a copy of
    the checkout under /tmp, which the run hides behind a fresh tmpfs: a clone there works."""
    checkout = Path(tempfile.mkdtemp(prefix="watchdog-checkout-", dir="/tmp"))
    try:
        for part in ("kiosk", "assets", "translations", "deploy", "tools"):
            shutil.copytree(ROOT / part, checkout / part,
                            ignore=shutil.ignore_patterns("__pycache__"))
        out = tmp_path / "run"
        run = subprocess.run(["bash", str(checkout / "tools" / "watchdog-run.sh"), str(out)],
                             capture_output=True, text=True, timeout=240, check=False,
                             env={**os.environ, "PYTHON": sys.executable})
    finally:
        shutil.rmtree(checkout, ignore_errors=True)
    steps = (out / "steps.log").read_text(encoding="utf-8")
    journal = (out / "journal.log").read_text(encoding="utf-8")
    assert run.returncode == 0, steps + run.stderr
    assert "WatchdogUSec=20s" in steps and "NRestarts=1" in steps
    position = 0
    for line in ("Started bank-kiosk-kiosk.service", "Watchdog timeout (limit 20s)!",
                 "Failed with result 'watchdog'", "Scheduled restart job"):
        found = journal.find(line, position)
        assert found >= 0, f"{line!r} missing after character {position}:\n{journal}"
        position = found + len(line)
    restarted = journal[position:]  # the kiosk's log and systemd's, in either order
    assert "kiosk kiosk-1 started" in restarted, journal
    assert "Started bank-kiosk-kiosk.service" in restarted, journal


def test_the_qt_programs_are_given_a_short_stop_timeout() -> None:
    """They stop within 5 s of SIGTERM (test_kiosk_stop.py); the unit says so, rather than
    systemd's 90 s default spent waiting on a window that refuses to close."""
    for name in ("kiosk", "console", "display"):
        text = (UNITS / f"bank-kiosk-{name}.service").read_text(encoding="utf-8")
        assert "\nTimeoutStopSec=10\n" in text, name
