"""The Debian package on a fresh Debian 12: installed with apt (its Python dependencies from
its own wheels, never PyPI), a branch created and a kiosk's bundle installed with the new
commands, then the hub, Mosquitto and a kiosk (offscreen) run from the installed files until
a help call (a drill, started from a console as staff start one) is stored in the ledger.

The Debian 12 root is made once with debootstrap and kept in CACHE; each run works on a copy.
Every command in the root runs in its own mount namespace (``/proc`` and ``/dev`` mounted
there and gone with it), the programs also in their own network namespace, so nothing of
this machine is changed and no port of it is used.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.machine_root import ROOT

CACHE = Path(os.environ.get("BANK_KIOSK_TEST_CACHE", "/var/cache/bank-kiosk-test"))
BASE = CACHE / "bookworm-minbase"
COMPLETE = BASE / ".bank-kiosk-complete"
HELPERS = ROOT / "tests" / "helpers"
STAFF_PIN = "2468"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(os.geteuid() != 0, reason="needs root (chroot, namespaces, debootstrap)"),
    pytest.mark.skipif(any(shutil.which(tool) is None for tool in
                           ("debootstrap", "dpkg-deb", "unshare", "chroot", "ip")),
                       reason="needs debootstrap, dpkg-deb (dpkg-dev), unshare, chroot and ip"),
    pytest.mark.skipif(not Path("/usr/bin/python3").exists(),
                       reason="tools/build-deb.sh needs Debian's python3 (and python3-venv)"),
]


def debian_mirror() -> str:
    """The mirror this machine's apt uses (so a mirror-only network works too)."""
    sources = sorted(Path("/etc/apt").glob("sources.list*")) + \
        sorted(Path("/etc/apt/sources.list.d").glob("*"))
    for source in sources:
        if not source.is_file():
            continue
        text = source.read_text(encoding="utf-8", errors="replace")
        for url in re.findall(r"(?:URIs:|deb)\s+(https?://\S+/debian)/?\s", text + "\n"):
            return url
    return "http://deb.debian.org/debian"


def _base_root() -> tuple[Path, float]:
    """The cached Debian 12 minbase root (made on the first run); seconds spent making it."""
    if COMPLETE.exists():
        return BASE, 0.0
    started = time.monotonic()
    partial = CACHE / "bookworm-minbase.partial"
    shutil.rmtree(partial, ignore_errors=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    made = subprocess.run(["debootstrap", "--variant=minbase", "bookworm", str(partial),
                           debian_mirror()], capture_output=True, text=True, timeout=1800,
                          check=False)
    assert made.returncode == 0, made.stdout[-3000:] + made.stderr[-3000:]
    shutil.rmtree(BASE, ignore_errors=True)
    partial.rename(BASE)
    COMPLETE.touch()
    return BASE, time.monotonic() - started


def in_root(root: Path, script: str, *, network: bool = True,
            timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """Run a shell script as root inside ``root``. Without ``network``: in a network
    namespace of its own with only loopback."""
    archives = CACHE / "apt-archives"
    archives.mkdir(parents=True, exist_ok=True)
    mounts = (f"mount -t proc proc {root}/proc && mount --rbind /dev {root}/dev && "
              f"mount --bind {archives} {root}/var/cache/apt/archives && ")
    if not network:
        mounts += "ip link set lo up && "
    namespaces = ["--mount", "--fork", "--pid", "--mount-proc"] + ([] if network else ["--net"])
    command = ["unshare", *namespaces, "sh", "-c",
               mounts + f'exec chroot {root} /bin/sh -euc "$0"', script]
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8", "HOME": "/root",
           "DEBIAN_FRONTEND": "noninteractive",
           # apt fetches Debian packages over http; anything reaching for PyPI (https) fails
           "https_proxy": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"}
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          check=False, env=env)


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(["bash", str(ROOT / "tools" / "build-deb.sh")], cwd=ROOT,
                           capture_output=True, text=True, timeout=1200, check=False,
                           env={**os.environ, "OUT": str(out),
                                "WHEEL_CACHE": str(CACHE / "wheels")})
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    [deb] = out.glob("bank-kiosk_*.deb")
    return deb


@pytest.fixture
def machine(tmp_path: Path) -> Iterator[Path]:
    base, seconds = _base_root()
    if seconds:
        print(f"debootstrap of the Debian 12 root: {seconds:.0f} s (cached in {BASE})")
    root = tmp_path / "debian12"
    subprocess.run(["cp", "-a", str(base), str(root)], check=True, timeout=600)
    shutil.copy2("/etc/resolv.conf", root / "etc" / "resolv.conf")
    # What the Debian installer writes and debootstrap does not: the machine's own names.
    (root / "etc" / "hosts").write_text("127.0.0.1\tlocalhost\n::1\tlocalhost\n",
                                        encoding="utf-8")
    yield root
    shutil.rmtree(root, ignore_errors=True)


def install_package(machine: Path, deb: Path, *extra: str) -> str:
    shutil.copy2(deb, machine / "tmp" / deb.name)
    return _ok(in_root(machine, "apt-get update -qq && apt-get install -y -qq "
                       f"--no-install-recommends {' '.join(extra)} /tmp/{deb.name} mosquitto "
                       "> /tmp/apt.log 2>&1 || { cat /tmp/apt.log; exit 1; }"))


def create_branch(machine: Path) -> str:
    """The branch on this machine (hub and kiosk-1); console-1's broker password."""
    created = _ok(in_root(machine, f"printf 'wang-fang {STAFF_PIN}\\n' | bank-kiosk branch "
                          "create --branch-id test-branch --name-zh 测试支行 --name-en 'Test "
                          "Branch' --broker-host localhost --kiosks 1 --consoles 1 "
                          "--displays 0 --staff 'wang-fang:manager:王芳:Wang Fang'"))
    assert "stored the PIN hash of wang-fang" in created
    hub = _ok(in_root(machine, "bank-kiosk branch install-bundle "
                      "/etc/bank-kiosk/branch/bundles/hub.tar"))
    assert "enabled bank-kiosk-hub.service" in hub and "enabled mosquitto.service" in hub
    kiosk = _ok(in_root(machine, "bank-kiosk branch install-bundle "
                        "/etc/bank-kiosk/branch/bundles/kiosk-1.tar"))
    assert "enabled bank-kiosk-kiosk.service" in kiosk
    again = _ok(in_root(machine, "bank-kiosk branch install-bundle "
                        "/etc/bank-kiosk/branch/bundles/kiosk-1.tar"))
    assert "nothing to change" in again
    assert (machine / "etc/systemd/system/multi-user.target.wants/"
            "bank-kiosk-hub.service").is_symlink()
    proof = machine / "tmp" / "proof"
    proof.mkdir(exist_ok=True)
    shutil.copy2(HELPERS / "drill_in_root.py", proof / "drill_in_root.py")
    secrets = machine / "etc/bank-kiosk/branch/broker/secrets/console-1.secrets.toml"
    password = tomllib.loads(secrets.read_text(encoding="utf-8"))["broker_password"]
    assert isinstance(password, str)
    return password


RUN_BRANCH = """
    etc=/etc/bank-kiosk; log=/var/log/bank-kiosk
    mosquitto -c $etc/branch/broker/mosquitto.conf > $log/mosquitto.out 2>&1 &
    /opt/bank-kiosk/bin/python -c "import socket, time
for _ in range(100):
    try:
        socket.create_connection(('localhost', 8883), timeout=1).close()
        break
    except OSError:
        time.sleep(0.1)
else:
    raise SystemExit('the broker does not listen on 8883')"
    runuser -u bank-kiosk -- /opt/bank-kiosk/bin/kiosk hub --config $etc/branch.toml \\
        --secrets $etc/hub.secrets.toml --data /var/lib/bank-kiosk/hub > $log/hub.out 2>&1 &
    runuser -u bank-kiosk -- env QT_QPA_PLATFORM=offscreen HOME=/var/lib/bank-kiosk \\
        /opt/bank-kiosk/bin/kiosk run --config $etc/branch.toml --device kiosk-1 \\
        --secrets $etc/device.secrets.toml --data /var/lib/bank-kiosk/kiosk --windowed \\
        > $log/kiosk.out 2>&1 &
    /opt/bank-kiosk/bin/python -c "import json, time, urllib.request
for _ in range(300):
    try:
        with urllib.request.urlopen('http://127.0.0.1:8081/healthz', timeout=1) as answer:
            if json.load(answer).get('ok'):
                break
    except OSError:
        pass
    time.sleep(0.1)
else:
    raise SystemExit('the hub never said ok on /healthz')"
    if [ -n "$OPEN_CALL" ]; then  # a call already open: the kiosk must come back to it
        for _ in $(seq 300); do
            grep -q "help call $OPEN_CALL: telling the customer" $log/kiosk.out && break
            sleep 0.2
        done
        grep -q "help call $OPEN_CALL: telling the customer" $log/kiosk.out
        echo "resumed $OPEN_CALL"
        kill $(jobs -p) 2>/dev/null || true
        exit 0
    fi
    call=$(/opt/bank-kiosk/bin/python /tmp/proof/drill_in_root.py --config $etc/branch.toml \\
        --console console-1 --password="$CONSOLE_PASSWORD" --staff wang-fang \\
        --pin $STAFF_PIN --kiosk kiosk-1)
    echo "drill $call"
    for _ in $(seq 300); do
        stored=$(/opt/bank-kiosk/bin/python -c "import sqlite3, sys
db = sqlite3.connect('file:/var/lib/bank-kiosk/hub/hub.db?mode=ro', uri=True)
print(db.execute('select count(*) from help_events where call_id = ? and kiosk_id = ?',
                 (sys.argv[1], 'kiosk-1')).fetchone()[0])" "$call")
        [ "$stored" -gt 0 ] && break
        sleep 0.2
    done
    echo "stored $stored"
    kill $(jobs -p) 2>/dev/null || true
"""


def run_branch(machine: Path, console_password: str,
               open_call: str = "") -> subprocess.CompletedProcess[str]:
    """Mosquitto, the hub and kiosk-1 (offscreen) from the installed files, in a network of
    their own; then a drill started from console-1 (or, with ``open_call``, the kiosk back
    at that call)."""
    logs_dir = machine / "var/log/bank-kiosk"
    for name in ("mosquitto.out", "hub.out", "kiosk.out"):
        (logs_dir / name).unlink(missing_ok=True)
    run = in_root(machine, network=False, timeout=300,
                  script=f"CONSOLE_PASSWORD='{console_password}'; STAFF_PIN={STAFF_PIN}; "
                  f"OPEN_CALL='{open_call[:8]}'\n" + RUN_BRANCH)
    logs = "\n".join((logs_dir / name).read_text(errors="replace")
                     for name in ("mosquitto.out", "hub.out", "kiosk.out")
                     if (logs_dir / name).exists())
    assert run.returncode == 0, f"{run.stdout}\n{run.stderr}\n{logs}"
    return run


def drill_until_stored(machine: Path, console_password: str) -> str:
    """The branch running, a drill started from console-1: its call id once the hub has
    stored it."""
    run = run_branch(machine, console_password)
    logs_dir = machine / "var/log/bank-kiosk"
    logs = "\n".join((logs_dir / name).read_text(errors="replace")
                     for name in ("mosquitto.out", "hub.out", "kiosk.out")
                     if (logs_dir / name).exists())
    match = re.search(r"^drill ([0-9a-f]{32})$", run.stdout, re.MULTILINE)
    assert match, f"{run.stdout}\n{run.stderr}\n{logs}"
    assert re.search(r"^stored [1-9]", run.stdout, re.MULTILINE), f"{run.stdout}\n{logs}"
    return match.group(1)


def stored_kinds(machine: Path, call_id: str) -> list[str]:
    ledger = machine / "var/lib/bank-kiosk/hub/hub.db"
    with sqlite3.connect(f"file:{ledger}?mode=ro", uri=True) as db:
        kinds = [row[0] for row in db.execute(
            "SELECT kind FROM help_events WHERE call_id = ?", (call_id,))]
    db.close()
    return kinds


def test_the_package_installs_and_runs_a_branch_on_fresh_debian_12(
        package: Path, machine: Path) -> None:
    assert not (machine / "opt/bank-kiosk").exists()
    started = time.monotonic()
    install_package(machine, package)
    print(f"apt-get install of the package and its dependencies: "
          f"{time.monotonic() - started:.0f} s")
    # Debian's own Python, PEP 668 marker and all; the venv's interpreter is /usr/bin/python3
    assert (machine / "usr/lib/python3.11/EXTERNALLY-MANAGED").is_file()
    venv = (machine / "opt/bank-kiosk/pyvenv.cfg").read_text(encoding="utf-8")
    assert "home = /usr/bin" in venv, venv
    assert os.readlink(machine / "opt/bank-kiosk/bin/python3") in ("/usr/bin/python3",
                                                                    "python3")
    assert (machine / "etc/bank-kiosk/environment").is_file()
    assert (machine / "lib/systemd/system/bank-kiosk-hub.service").is_file()
    assert "bank-kiosk:" in (machine / "etc/passwd").read_text(encoding="utf-8")
    checked = _ok(in_root(machine, "bank-kiosk check-config "
                          "/usr/share/doc/bank-kiosk/examples/example-branch.toml"))
    assert ": OK:" in checked

    call_id = drill_until_stored(machine, create_branch(machine))
    assert "raised" in stored_kinds(machine, call_id)
    ledger = machine / "var/lib/bank-kiosk/hub/hub.db"
    assert ledger.stat().st_uid != 0  # the hub ran as bank-kiosk, not root


@pytest.fixture(scope="module")
def newer_package(package: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same program as a newer package revision: what an upgrade installs."""
    out = tmp_path_factory.mktemp("dist-newer")
    built = subprocess.run(["bash", str(ROOT / "tools" / "build-deb.sh")], cwd=ROOT,
                           capture_output=True, text=True, timeout=1200, check=False,
                           env={**os.environ, "OUT": str(out), "DEB_REVISION": "2",
                                "WHEEL_CACHE": str(CACHE / "wheels")})
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    [deb] = out.glob("bank-kiosk_*-2_*.deb")
    return deb


def test_an_upgrade_keeps_the_branch_and_a_downgrade_over_a_newer_ledger_is_refused(
        package: Path, newer_package: Path, machine: Path) -> None:
    install_package(machine, package)
    password = create_branch(machine)
    first_call = drill_until_stored(machine, password)
    environment = machine / "etc/bank-kiosk/environment"
    environment.write_text(environment.read_text(encoding="utf-8") + "QT_SCALE_FACTOR=1.25\n",
                           encoding="utf-8")
    branch_files = {p: p.read_bytes() for p in (machine / "etc/bank-kiosk").glob("*.toml")}

    install_package(machine, newer_package)
    assert "0.1.0-2" in _ok(in_root(machine, "dpkg-query -W bank-kiosk"))
    assert "QT_SCALE_FACTOR=1.25" in environment.read_text(encoding="utf-8")  # conffile kept
    assert {p: p.read_bytes() for p in branch_files} == branch_files
    assert not (machine / "opt/bank-kiosk.old").exists()
    # the upgraded hub kept the call (still open) and the upgraded kiosk comes back to it
    resumed = run_branch(machine, password, open_call=first_call)
    assert f"resumed {first_call[:8]}" in resumed.stdout
    assert "raised" in stored_kinds(machine, first_call)
    hub_log = (machine / "var/log/bank-kiosk/hub.out").read_text(encoding="utf-8")
    assert "1 open calls" in hub_log, hub_log
    verified = _ok(in_root(machine, "bank-kiosk audit verify /var/lib/bank-kiosk/hub/hub.db"))
    assert "intact" in verified

    # A newer version's ledger (its schema one ahead), then the older package again
    ledger = machine / "var/lib/bank-kiosk/hub/hub.db"
    with sqlite3.connect(ledger) as db:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        db.execute(f"PRAGMA user_version = {version + 1}")
    db.close()
    before = ledger.read_bytes()
    install_package(machine, package, "--allow-downgrades")
    refused = in_root(machine, "runuser -u bank-kiosk -- bank-kiosk hub --config "
                      "/etc/bank-kiosk/branch.toml --secrets /etc/bank-kiosk/hub.secrets.toml "
                      "--data /var/lib/bank-kiosk/hub", network=False, timeout=120)
    assert refused.returncode != 0
    assert "written by a newer version of bank-kiosk" in refused.stderr, refused.stderr
    assert ledger.read_bytes() == before
