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


def test_the_package_installs_and_runs_a_branch_on_fresh_debian_12(
        package: Path, machine: Path) -> None:
    shutil.copy2(package, machine / "tmp" / package.name)
    assert (machine / "usr/lib/python3.11/EXTERNALLY-MANAGED").exists() is False  # not yet
    started = time.monotonic()
    _ok(in_root(machine, "apt-get update -qq && apt-get install -y -qq "
                f"--no-install-recommends /tmp/{package.name} mosquitto > /tmp/apt.log"))
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

    created = _ok(in_root(machine, f"printf 'wang-fang {STAFF_PIN}\\n' | bank-kiosk branch "
                          "create --branch-id test-branch --name-zh 测试支行 --name-en 'Test "
                          "Branch' --broker-host localhost --kiosks 1 --consoles 1 "
                          "--displays 0 --staff 'wang-fang:manager:王芳:Wang Fang'"))
    assert "stored the PIN hash of wang-fang" in created
    bundles = machine / "etc/bank-kiosk/branch/bundles"
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
    proof.mkdir()
    for helper in ("drill_in_root.py", "raw_device.py"):
        shutil.copy2(HELPERS / helper, proof / helper)
    console = tomllib.loads((bundles.parent / "broker/secrets/console-1.secrets.toml")
                            .read_text(encoding="utf-8"))
    run = in_root(machine, network=False, timeout=300, script=f"""
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
        call=$(/opt/bank-kiosk/bin/python /tmp/proof/drill_in_root.py --config $etc/branch.toml \\
            --console console-1 --password '{console["broker_password"]}' --staff wang-fang \\
            --pin {STAFF_PIN} --kiosk kiosk-1)
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
        """)
    logs = "\n".join((machine / "var/log/bank-kiosk" / name).read_text(errors="replace")
                     for name in ("mosquitto.out", "hub.out", "kiosk.out")
                     if (machine / "var/log/bank-kiosk" / name).exists())
    assert run.returncode == 0, f"{run.stdout}\n{run.stderr}\n{logs}"
    match = re.search(r"^drill ([0-9a-f]{32})$", run.stdout, re.MULTILINE)
    assert match, f"{run.stdout}\n{run.stderr}\n{logs}"
    assert re.search(r"^stored [1-9]", run.stdout, re.MULTILINE), f"{run.stdout}\n{logs}"
    ledger = machine / "var/lib/bank-kiosk/hub/hub.db"
    with sqlite3.connect(f"file:{ledger}?mode=ro", uri=True) as db:
        kinds = [row[0] for row in db.execute(
            "SELECT kind FROM help_events WHERE call_id = ?", (match.group(1),))]
    db.close()
    assert "raised" in kinds, kinds
    assert ledger.stat().st_uid != 0  # the hub ran as bank-kiosk, not root
