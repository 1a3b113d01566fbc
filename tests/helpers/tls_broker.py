"""The broker ``setup_broker`` makes for a branch: TLS, generated passwords and the ACL
generated from the roster, run by a real Mosquitto; the hub's secrets hold the example staff
PINs, added the way docs/install.md tells IT to (``[staff_pins]`` in the hub's file)."""

from __future__ import annotations

import getpass
import subprocess
import tomllib
from pathlib import Path

from kiosk.core.config import BranchConfig, load_config
from kiosk.deploy.broker_setup import BrokerSetup, setup_broker
from kiosk.net.broker import free_port, mosquitto_binary, wait_for_port
from tests.helpers.branch import STAFF_PINS, write_branch_config, write_secrets


class TlsBroker:
    def __init__(self, tmp_path: Path) -> None:
        self.folder = tmp_path / "broker"
        self.tls_port, self.local_port = free_port(), free_port()
        self.config_path = write_branch_config(
            tmp_path / "config", self.tls_port,
            **{"broker.url": f"mqtts://localhost:{self.tls_port}",
               "broker.ca_file": str(self.folder / "certs" / "ca.crt")})
        self.config: BranchConfig = load_config(self.config_path)
        self.setup: BrokerSetup = setup_broker(self.config, self.folder,
                                               hosts=["localhost", "127.0.0.1"],
                                               user=getpass.getuser(),
                                               local_port=self.local_port)
        write_secrets(self.setup.secrets["hub"].parent, "hub", STAFF_PINS,
                      broker_password=self.password("hub"))
        self.process: subprocess.Popen[bytes] | None = None

    def password(self, device: str) -> str:
        data = tomllib.loads(self.setup.secrets[device].read_text(encoding="utf-8"))
        password: str = data["broker_password"]
        return password

    def start(self) -> None:
        binary = mosquitto_binary()
        assert binary is not None
        self.process = subprocess.Popen([binary, "-c", str(self.setup.config_file)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        assert wait_for_port("127.0.0.1", self.tls_port, 10)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)

    def tls_args(self, device: str | None) -> list[str]:
        args = ["-h", "localhost", "-p", str(self.tls_port), "--cafile",
                str(self.folder / "certs" / "ca.crt"), "-V", "mqttv311"]
        if device is not None:
            args += ["-u", device, "-P", self.password(device)]
        return args
