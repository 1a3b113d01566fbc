"""A new branch's configuration from a few answers (``kiosk branch create``).

The answers are the things that differ from branch to branch on day one: its id and name,
the broker's host name, how many kiosks, consoles and wall displays, and the staff. All the
rest (services, help timings, screen size...) comes from the example configuration, to be
edited later; ``docs/configuration.md`` names every setting.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kiosk.core.config import parse_config
from kiosk.core.settings import ID_PATTERN
from kiosk.paths import example_config

CA_FILE = "/etc/bank-kiosk/ca.crt"
"""Where every device finds the branch CA (written by ``kiosk branch install-bundle``)."""

_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?")


class PlanError(ValueError):
    """An answer was refused; the message names it and what is allowed."""


@dataclass(frozen=True)
class StaffAnswer:
    id: str
    role: str  # "staff" or "manager"
    name_zh: str
    name_en: str

    @classmethod
    def parse(cls, text: str) -> StaffAnswer:
        """``id:role:中文名:English name``, e.g. ``wang-fang:manager:王芳:Wang Fang``."""
        parts = [part.strip() for part in text.split(":")]
        if len(parts) != 4 or not all(parts):
            raise PlanError(f"--staff {text!r}: must be id:role:中文名:English name, e.g. "
                            "wang-fang:manager:王芳:Wang Fang")
        staff = cls(*parts)
        if not re.fullmatch(ID_PATTERN, staff.id):
            raise PlanError(f"--staff {text!r}: the id must be lower-case letters, digits "
                            "and '-'")
        if staff.role not in ("staff", "manager"):
            raise PlanError(f"--staff {text!r}: the role must be staff or manager")
        return staff


@dataclass(frozen=True)
class BranchAnswers:
    branch_id: str
    name_zh: str
    name_en: str
    broker_host: str
    kiosks: int = 1
    consoles: int = 1
    displays: int = 0
    staff: Sequence[StaffAnswer] = ()

    def check(self) -> None:
        if not re.fullmatch(ID_PATTERN, self.branch_id):
            raise PlanError(f"branch id {self.branch_id!r}: lower-case letters, digits and '-'")
        if not _HOST.fullmatch(self.broker_host):
            raise PlanError(f"broker host {self.broker_host!r}: a host name or IP address")
        for what, count, least in (("kiosks", self.kiosks, 1), ("consoles", self.consoles, 1),
                                   ("displays", self.displays, 0)):
            if not least <= count <= 50:
                raise PlanError(f"{what} = {count}: must be from {least} to 50")
        if not self.staff:
            raise PlanError("at least one member of staff is needed (--staff)")
        if not any(s.role == "manager" for s in self.staff):
            raise PlanError("at least one member of staff must be a manager (help calls "
                            "escalate to a manager)")


def _devices(answers: BranchAnswers) -> list[dict[str, object]]:
    devices: list[dict[str, object]] = [
        {"id": "hub", "role": "hub", "name": {"zh_CN": "支行服务", "en": "Branch hub"}}]
    for n in range(1, answers.kiosks + 1):
        devices.append({"id": f"kiosk-{n}", "role": "kiosk",
                        "name": {"zh_CN": f"{n}号自助机", "en": f"Kiosk {n}"}})
    for n in range(1, answers.consoles + 1):
        devices.append({"id": f"console-{n}", "role": "console",
                        "name": {"zh_CN": f"{n}号窗口", "en": f"Counter {n}"}, "counter": n})
    for n in range(1, answers.displays + 1):
        devices.append({"id": f"display-{n}", "role": "display",
                        "name": {"zh_CN": f"{n}号叫号屏", "en": f"Wall display {n}"}})
    return devices


def branch_document(answers: BranchAnswers) -> dict[str, object]:
    """The configuration as data: the example branch with the answers in place."""
    answers.check()
    data: dict[str, object] = tomllib.loads(example_config().read_text(encoding="utf-8"))
    branch = dict(_table(data, "branch"))
    branch.update(id=answers.branch_id, name={"zh_CN": answers.name_zh, "en": answers.name_en})
    broker = dict(_table(data, "broker"))
    broker.update(url=f"mqtts://{answers.broker_host}:8883", ca_file=CA_FILE)
    counters = list(range(1, answers.consoles + 1))
    services = [{**service, "counters": counters}
                for service in _tables(data, "services")]
    data.update(branch=branch, broker=broker, devices=_devices(answers), services=services,
                staff=[{"id": s.id, "role": s.role, "name": {"zh_CN": s.name_zh,
                                                             "en": s.name_en}}
                       for s in answers.staff])
    return data


def _table(data: Mapping[str, object], key: str) -> Mapping[str, object]:
    value = data.get(key, {})
    assert isinstance(value, dict)
    return value


def _tables(data: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
    value = data.get(key, [])
    assert isinstance(value, list)
    return value


def branch_toml(answers: BranchAnswers) -> str:
    """The configuration file's text, checked by the same loader every program uses."""
    text = ("# Branch configuration written by 'kiosk branch create'. Shared by every device;\n"
            "# it holds no secrets. Every setting: docs/configuration.md.\n\n"
            + dumps_toml(branch_document(answers)))
    parse_config(text, "the new branch configuration")  # raises ConfigError if it is wrong
    return text


# --- a small TOML writer for configuration data (strings, numbers, booleans, lists, tables)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f'"{escaped}"'
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {_value(item)}" for key, item in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _is_table_list(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def dumps_toml(data: Mapping[str, object]) -> str:
    """Top-level tables and arrays of tables, with inline tables below them (as the
    branch configuration is written by hand)."""
    out: list[str] = []
    plain = {k: v for k, v in data.items() if not isinstance(v, dict) and not _is_table_list(v)}
    out += [f"{key} = {_value(value)}" for key, value in plain.items()]
    for key, value in data.items():
        if isinstance(value, dict):
            out += ["", f"[{key}]"] + [f"{k} = {_value(v)}" for k, v in value.items()]
    for key, value in data.items():
        if _is_table_list(value):
            assert isinstance(value, list)
            for item in value:
                out += ["", f"[[{key}]]"] + [f"{k} = {_value(v)}" for k, v in item.items()]
    return "\n".join(out).lstrip("\n") + "\n"
