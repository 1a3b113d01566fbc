"""A machine's root folder for install tests: /etc/passwd with the product's user and a desk
user (both this test's own uid, so files can be given to them without root), and the
systemd units where the Debian package puts them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "deploy" / "systemd"

MOSQUITTO_UNIT = """[Unit]
Description=Mosquitto MQTT Broker
[Service]
ExecStart=/usr/sbin/mosquitto -c /etc/mosquitto/mosquitto.conf
[Install]
WantedBy=multi-user.target
"""


def make_machine_root(folder: Path) -> Path:
    uid, gid = os.getuid(), os.getgid()
    (folder / "etc").mkdir(parents=True)
    (folder / "etc" / "passwd").write_text(
        "root:x:0:0:root:/root:/bin/bash\n"
        f"bank-kiosk:x:{uid}:{gid}:bank-kiosk:/var/lib/bank-kiosk:/usr/sbin/nologin\n"
        f"desk:x:{uid}:{gid}:desk:/home/desk:/bin/bash\n", encoding="utf-8")
    system = folder / "lib" / "systemd" / "system"
    user = folder / "usr" / "lib" / "systemd" / "user"
    system.mkdir(parents=True)
    user.mkdir(parents=True)
    for unit in UNITS.glob("*.service"):
        target = user if unit.name == "bank-kiosk-console.service" else system
        shutil.copy2(unit, target / unit.name)
    (system / "mosquitto.service").write_text(MOSQUITTO_UNIT, encoding="utf-8")
    return folder
