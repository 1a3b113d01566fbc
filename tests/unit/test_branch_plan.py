"""A branch's configuration from the answers of ``kiosk branch create``, and bundles that
are checked before anything is installed from them."""

from __future__ import annotations

import io
import tarfile
import tomllib
from pathlib import Path

import pytest

from kiosk.core.config import parse_config
from kiosk.core.settings import Role
from kiosk.deploy.branch_plan import (
    BranchAnswers,
    PlanError,
    StaffAnswer,
    branch_toml,
    dumps_toml,
)
from kiosk.deploy.branch_setup import read_bundle
from kiosk.deploy.install_steps import InstallError
from kiosk.paths import example_config

STAFF = (StaffAnswer("wang-fang", "manager", "王芳", "Wang Fang"),
         StaffAnswer("li-ming", "staff", "李明", "Li Ming"))


def _answers(**changes: object) -> BranchAnswers:
    values: dict[str, object] = dict(branch_id="gulou", name_zh="鼓楼支行", name_en="Gulou Branch",
                                     broker_host="hub.gulou.lan", kiosks=3, consoles=2,
                                     displays=1, staff=STAFF)
    values.update(changes)
    return BranchAnswers(**values)  # type: ignore[arg-type]


def test_the_answers_make_a_configuration_every_program_accepts() -> None:
    config = parse_config(branch_toml(_answers()))
    assert config.branch.id == "gulou"
    assert config.broker.url == "mqtts://hub.gulou.lan:8883"
    assert config.broker.ca_file == "/etc/bank-kiosk/ca.crt"
    roles = [(d.id, d.role) for d in config.devices]
    assert roles == [("hub", Role.HUB), ("kiosk-1", Role.KIOSK), ("kiosk-2", Role.KIOSK),
                     ("kiosk-3", Role.KIOSK), ("console-1", Role.CONSOLE),
                     ("console-2", Role.CONSOLE), ("display-1", Role.DISPLAY)]
    assert [s.id for s in config.staff] == ["wang-fang", "li-ming"]
    assert all(set(service.counters) == {1, 2} for service in config.services)


@pytest.mark.parametrize(("changes", "named"), [
    ({"branch_id": "Gulou Branch"}, "branch id"),
    ({"broker_host": "hub lan"}, "broker host"),
    ({"kiosks": 0}, "kiosks = 0"),
    ({"displays": 51}, "displays = 51"),
    ({"staff": ()}, "at least one member of staff"),
    ({"staff": STAFF[1:]}, "must be a manager"),
])
def test_a_wrong_answer_is_named(changes: dict[str, object], named: str) -> None:
    with pytest.raises(PlanError, match=named):
        branch_toml(_answers(**changes))


@pytest.mark.parametrize("text", ["wang-fang:manager:王芳", "Wang:staff:王:Wang",
                                  "wang-fang:boss:王芳:Wang Fang"])
def test_a_wrong_staff_line_is_refused(text: str) -> None:
    with pytest.raises(PlanError, match="--staff"):
        StaffAnswer.parse(text)


def test_the_toml_writer_round_trips_the_example_branch() -> None:
    data = tomllib.loads(example_config().read_text(encoding="utf-8"))
    assert tomllib.loads(dumps_toml(data)) == data


def _bundle(path: Path, secrets_of: str, device: str = "kiosk-1", role: str = "kiosk") -> Path:
    files = {
        "bundle.toml": f'format = 1\ndevice_id = "{device}"\nrole = "{role}"\n'.encode(),
        "branch.toml": branch_toml(_answers()).encode(),
        "ca.crt": b"-----BEGIN CERTIFICATE-----\n",
        "secrets.toml": f'device_id = "{secrets_of}"\nbroker_password = "x"\n'.encode(),
    }
    with tarfile.open(path, "w") as tar:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return path


def test_a_bundle_is_read_and_checked(tmp_path: Path) -> None:
    bundle = read_bundle(_bundle(tmp_path / "kiosk-1.tar", "kiosk-1"))
    assert (bundle.device_id, bundle.role, bundle.branch_id) == ("kiosk-1", Role.KIOSK, "gulou")


@pytest.mark.parametrize(("secrets_of", "device", "role", "named"), [
    ("kiosk-2", "kiosk-1", "kiosk", "its secrets belong to 'kiosk-2'"),
    ("kiosk-9", "kiosk-9", "kiosk", "'kiosk-9' is not in its branch configuration"),
    ("kiosk-1", "kiosk-1", "console", "not in its branch configuration"),
])
def test_a_wrong_bundle_is_refused(tmp_path: Path, secrets_of: str, device: str, role: str,
                                   named: str) -> None:
    with pytest.raises(InstallError, match=named):
        read_bundle(_bundle(tmp_path / "b.tar", secrets_of, device, role))


def test_something_else_than_a_bundle_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.tar"
    path.write_bytes(b"not a tar file at all")
    with pytest.raises(InstallError, match="cannot be read as a bundle"):
        read_bundle(path)
