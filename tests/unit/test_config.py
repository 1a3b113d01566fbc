"""The branch configuration: the example loads; every kind of bad value is refused clearly."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.config import ConfigError, config_from_dict, load_config, parse_config
from kiosk.core.settings import ENTRIES, SECTIONS, Role

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "deploy" / "example-branch.toml"


@pytest.fixture
def example() -> dict[str, Any]:
    return tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))


def refused(data: dict[str, Any]) -> str:
    with pytest.raises(ConfigError) as caught:
        config_from_dict(data, "branch.toml")
    return str(caught.value)


def test_example_config_loads_with_its_values() -> None:
    config = load_config(EXAMPLE)
    assert config.branch.id == "demo-branch"
    assert config.branch.default_language == "zh_CN"
    assert config.help.escalate_after_s == 30
    assert [d.id for d in config.devices_with_role(Role.KIOSK)] == ["kiosk-1", "kiosk-2"]
    assert config.service("pension") is not None
    assert config.service("pension").counters == (1, 2)  # type: ignore[union-attr]
    assert config.staff_member("wang-fang").name["en"] == "Wang Fang"  # type: ignore[union-attr]


def test_defaults_fill_missing_optional_settings(example: dict[str, Any]) -> None:
    del example["help"]
    del example["idle"]
    config = config_from_dict(example)
    assert config.help.escalate_after_s == 30.0
    assert config.idle.warn_after_s == 100.0
    assert config.idle.reset_after_warn_s == 30.0


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    keys = path.split(".")
    target: Any = data
    for key in keys[:-1]:
        target = target[int(key)] if key.isdigit() else target[key]
    last = keys[-1]
    if value is DELETE:
        del target[last]
    else:
        target[last] = value


DELETE = object()

BAD_VALUES = [
    # (path, bad value, expected key in message, expected words in message)
    ("help.escalate_after_s", -3, "help.escalate_after_s = -3", "from 0.1 to 600"),
    ("help.escalate_after_s", "30", "help.escalate_after_s = '30'", "must be a number"),
    ("help.escalate_after_s", float("nan"), "help.escalate_after_s = nan", "finite"),
    ("queue.regular_per_priority", 0, "queue.regular_per_priority = 0", "from 1 to 20"),
    ("queue.regular_per_priority", 2.5, "queue.regular_per_priority = 2.5", "whole number"),
    ("queue.regular_per_priority", True, "queue.regular_per_priority = True", "whole number"),
    ("idle.warn_after_s", 100000, "idle.warn_after_s = 100000", "from 0.1 to 3600"),
    ("screen.width_px", 100, "screen.width_px = 100", "from 640 to 7680"),
    ("status_page.enabled", "yes", "status_page.enabled = 'yes'", "true or false"),
    ("branch.id", "Demo Branch", "branch.id = 'Demo Branch'", "must match"),
    ("branch.default_language", "fr", "branch.default_language = 'fr'", "branch.languages"),
    ("branch.timezone", "Mars/Olympus", "branch.timezone = 'Mars/Olympus'", "IANA"),
    ("branch.name", "Demo", "branch.name = 'Demo'", "table of texts by language"),
    ("branch.name", {"zh_CN": "示范"}, "branch.name", "missing: en"),
    (
        "branch.name",
        {"zh_CN": "示范", "en": "Demo", "fr": "Démo"},
        "branch.name.fr",
        "not a configured language",
    ),
    ("branch.name", {"zh_CN": "示范", "en": "  "}, "branch.name.en", "must not be empty"),
    ("broker.url", "http://broker:80", "broker.url = 'http://broker:80'", "mqtt://host:port"),
    ("broker.url", "mqtt://broker:99999", "broker.url", "mqtt://host:port"),
    ("status_page.listen", "8080", "status_page.listen = '8080'", "host:port"),
    ("presence.offline_after_s", 4, "presence.offline_after_s = 4", "more than twice"),
    ("devices.1.role", "printer", "devices[1].role = 'printer'", "kiosk, console, display, hub"),
    ("devices.1.id", "kiosk 1", "devices[1].id = 'kiosk 1'", "must match"),
    ("devices.1.id", "kiosk-2", "devices[2].id = 'kiosk-2'", "must be unique"),
    ("devices.1.counter", 1, "devices[1].counter = 1", "only a console serves a counter"),
    ("devices.4.counter", 9, "devices[4].counter = 9", "no service lists this counter"),
    ("devices.0.role", "kiosk", "devices", 'exactly one device with role = "hub"'),
    ("devices.1.name", DELETE, "devices[1].name", "is required"),
    ("staff.0.role", "boss", "staff[0].role = 'boss'", "staff, manager"),
    ("services.0.prefix", "a", "services[0].prefix = 'a'", "must match"),
    ("services.1.prefix", "A", "services[1].prefix = 'A'", "must be unique"),
    ("services.0.counters", [], "services[0].counters = []", "must not be empty"),
    ("services.0.counters", [1, 1], "services[0].counters = [1, 1]", "must not repeat"),
    ("services.0.counters", [0], "services[0].counters[0] = 0", "from 1 to 99"),
    ("services.0.counters", "1,2", "services[0].counters = '1,2'", "must be a list"),
    (
        "services.0.name",
        {"zh_CN": "存" * 40, "en": "Cash"},
        "services[0].name.zh_CN",
        "at most 30 characters",
    ),
    ("help.escalate_soon", 3, "help.escalate_soon", "unknown setting"),
    ("helpp", {}, "helpp", "unknown table"),
    ("devices", {"id": "x"}, "devices", "list of [[devices]] tables"),
]


@pytest.mark.parametrize(
    ("path", "value", "key", "words"),
    BAD_VALUES,
    ids=[f"{p}={v!r}"[:40] for p, v, _, _ in BAD_VALUES],
)
def test_bad_value_is_refused_naming_key_value_and_allowed(
    example: dict[str, Any], path: str, value: Any, key: str, words: str
) -> None:
    data = copy.deepcopy(example)
    _set(data, path, value)
    message = refused(data)
    assert key in message
    assert words in message


def test_every_problem_is_listed_at_once(example: dict[str, Any]) -> None:
    example["help"]["escalate_after_s"] = -1
    example["idle"]["warn_after_s"] = "soon"
    message = refused(example)
    assert "help.escalate_after_s" in message and "idle.warn_after_s" in message


def test_file_that_is_not_toml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "branch.toml"
    path.write_text("[branch\nid = 'x'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(path)


def test_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "branch.toml"
    path.write_bytes("[branch]\nname = '示范'\n".encode("gb18030"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(path)


def test_missing_file_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot be read"):
        load_config(tmp_path / "nowhere.toml")


def test_empty_config_names_what_is_required() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config("")
    assert "branch.id: is required" in str(caught.value)
    assert "branch.name: is required" in str(caught.value)


def test_every_setting_is_declared_with_a_description() -> None:
    from dataclasses import fields

    for cls in [*SECTIONS.values(), *ENTRIES.values()]:
        for fld in fields(cls):
            declaration = fld.metadata.get("declaration")
            assert declaration is not None, f"{cls.__name__}.{fld.name} is not declared"
            assert len(declaration.description) > 10, f"{cls.__name__}.{fld.name}"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_check_config_command_accepts_the_example() -> None:
    result = _cli("check-config", str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout and "demo-branch" in result.stdout


def test_check_config_command_refuses_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "branch.toml"
    bad.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace(
            "escalate_after_s = 30", "escalate_after_s = 0"
        ),
        encoding="utf-8",
    )
    result = _cli("check-config", str(bad))
    assert result.returncode == 1
    assert "help.escalate_after_s = 0: must be a number from 0.1 to 600" in result.stderr
