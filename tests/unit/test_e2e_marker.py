"""``pytest -m "not e2e"`` starts no broker: a test that uses a broker fixture is marked e2e
by that use, and any other test that starts a broker, here or in a child process, fails.

The runs below are real pytest runs in a child process, with the suite's own conftest, and
watch the process tree for a running Mosquitto while they go.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kiosk.net.broker import mosquitto_binary
from tests.helpers.broker_guard import REFUSAL

ROOT = Path(__file__).resolve().parents[2]

SAMPLE = '''
import subprocess
import sys

from kiosk.net.broker import MosquittoBroker

CHILD = """
import sys
from pathlib import Path
from kiosk.net.broker import MosquittoBroker
try:
    MosquittoBroker(Path(sys.argv[1])).start(timeout_s=1.0)
except Exception as error:  # a program that logs a failed broker and goes on
    print("no broker:", error)
"""


def test_uses_the_broker_fixture(mosquitto):
    assert mosquitto.port > 0


def test_starts_a_broker_itself(tmp_path):
    MosquittoBroker(tmp_path).start()


def test_starts_a_broker_in_a_child_process(tmp_path):
    subprocess.run([sys.executable, "-c", CHILD, str(tmp_path)], check=True, timeout=60)


def test_starts_nothing():
    assert True
'''

pytestmark = pytest.mark.skipif(mosquitto_binary() is None, reason="needs Debian's mosquitto")


def mosquitto_pids_under(root_pid: int) -> set[int]:
    """Running Mosquitto processes (by their executable) among ``root_pid``'s descendants."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found = set()
    for pid in parents:
        ancestor = parents.get(pid)
        while ancestor is not None and ancestor != root_pid:
            ancestor = parents.get(ancestor)
        if ancestor == root_pid:
            try:
                exe = os.readlink(f"/proc/{pid}/exe")
            except OSError:
                continue
            if Path(exe).name == "mosquitto":
                found.add(pid)
    return found


def run_watched(folder: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], set[int]]:
    """Run the sample with the suite's conftest; return the run and the Mosquittos seen."""
    (folder / "test_sample.py").write_text(SAMPLE, encoding="utf-8")
    shutil.copy(ROOT / "pyproject.toml", folder / "pyproject.toml")  # markers, strictness
    command = [sys.executable, "-m", "pytest", "-p", "tests.conftest", "-p", "tests.e2e.conftest",
               "-p", "no:cacheprovider", "-q", "-rA", "test_sample.py", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(command, cwd=folder, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    seen: set[int] = set()
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.update(mosquitto_pids_under(process.pid))
            time.sleep(0.01)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        stdout, _ = process.communicate(timeout=300)
    finally:
        done.set()
        watcher.join()
    return subprocess.CompletedProcess(command, process.returncode, stdout, ""), seen


def test_not_e2e_starts_no_broker_and_fails_tests_that_try(tmp_path: Path) -> None:
    run, seen = run_watched(tmp_path, "-m", "not e2e")
    assert seen == set(), run.stdout
    assert "1 deselected" in run.stdout, run.stdout
    assert "PASSED test_sample.py::test_starts_nothing" in run.stdout, run.stdout
    assert "FAILED test_sample.py::test_starts_a_broker_itself" in run.stdout, run.stdout
    # the child logs its failed broker and goes on: the test fails when it ends
    assert "ERROR test_sample.py::test_starts_a_broker_in_a_child_process" in run.stdout
    assert run.stdout.count(REFUSAL) >= 2, run.stdout


@pytest.mark.e2e
def test_the_watch_sees_the_broker_of_an_e2e_test(tmp_path: Path) -> None:
    """The check above can fail: the same watch sees the fixture's Mosquitto when it runs.
    (This starts a broker, so it is end-to-end itself.)"""
    run, seen = run_watched(tmp_path, "-k", "fixture")
    assert "PASSED test_sample.py::test_uses_the_broker_fixture" in run.stdout, run.stdout
    assert seen, run.stdout
