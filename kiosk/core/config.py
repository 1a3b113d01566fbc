"""Load and check the branch configuration (a TOML file shared by every device, no secrets).

A bad file is refused as a whole, before anything starts, with every problem listed as
``key = value: what is allowed``. Nothing here falls back silently to a default for a value
that was given but is wrong: a kiosk with a mistyped escalation time must not start.
"""

from __future__ import annotations

import math
import re
import tomllib
import typing
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING, Field, dataclass, fields
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kiosk.core.fields import (
    MAX_SAFE_INT,
    FieldCode,
    FieldError,
    require_bool,
    require_enum,
    require_int,
    require_match,
    require_number,
    require_str,
    require_text,
)
from kiosk.core.settings import (
    DEFAULT_LANGUAGES,
    ENTRIES,
    SECTIONS,
    BranchSection,
    BrokerSection,
    ConsoleSection,
    Declaration,
    Device,
    DisplaySection,
    HelpSection,
    HubSection,
    IdleSection,
    KioskSection,
    LocalText,
    LostSection,
    MagnifierSection,
    PresenceSection,
    PrinterSection,
    QueueSection,
    Role,
    ScreenSection,
    Service,
    Staff,
    StatusPageSection,
)

MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class Problem:
    key: str
    value: object
    allowed: str

    def __str__(self) -> str:
        if self.value is _ABSENT:
            return f"{self.key}: {self.allowed}"
        return f"{self.key} = {_show(self.value)}: {self.allowed}"


class ConfigError(FieldError):
    """The configuration was refused; ``problems`` lists every reason."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{source}: configuration refused:\n{lines}")


class _Absent:
    def __repr__(self) -> str:
        return "<absent>"


_ABSENT: Any = _Absent()


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass(frozen=True)
class BranchConfig:
    branch: BranchSection
    broker: BrokerSection
    queue: QueueSection
    help: HelpSection
    presence: PresenceSection
    idle: IdleSection
    lost: LostSection
    magnifier: MagnifierSection
    screen: ScreenSection
    status_page: StatusPageSection
    hub: HubSection
    kiosk: KioskSection
    console: ConsoleSection
    printer: PrinterSection
    display: DisplaySection
    devices: tuple[Device, ...]
    staff: tuple[Staff, ...]
    services: tuple[Service, ...]
    source: str = "<memory>"

    def device(self, device_id: str) -> Device | None:
        return next((d for d in self.devices if d.id == device_id), None)

    def devices_with_role(self, role: Role) -> tuple[Device, ...]:
        return tuple(d for d in self.devices if d.role is role)

    def staff_member(self, staff_id: str) -> Staff | None:
        return next((s for s in self.staff if s.id == staff_id), None)

    def service(self, service_id: str) -> Service | None:
        return next((s for s in self.services if s.id == service_id), None)


def load_config(path: str | Path) -> BranchConfig:
    """Read and check a branch configuration file; raise :class:`ConfigError` if refused."""
    path = Path(path)
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError(source, [Problem("file", source, f"cannot be read: "
                                           f"{error.strerror or error}")]) from error
    if len(raw) > MAX_FILE_BYTES:
        raise ConfigError(source, [Problem("file", f"{len(raw)} bytes",
                                           f"must be at most {MAX_FILE_BYTES} bytes")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(source, [Problem("file", source, f"is not UTF-8 text ({error.reason} "
                                           f"at byte {error.start})")]) from error
    return parse_config(text, source)


def parse_config(text: str, source: str = "<memory>") -> BranchConfig:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(source, [Problem("file", _ABSENT, f"is not valid TOML: {error}")]) \
            from error
    return config_from_dict(data, source)


def config_from_dict(data: Mapping[str, Any], source: str = "<memory>") -> BranchConfig:
    problems: list[Problem] = []
    known = set(SECTIONS) | set(ENTRIES)
    for key in data:
        if key not in known:
            problems.append(Problem(key, _ABSENT, "unknown table; allowed: "
                                    + ", ".join(sorted(known))))
    languages = _languages(data, problems)
    built: dict[str, Any] = {}
    for name, cls in SECTIONS.items():
        table = data.get(name, {})
        if not isinstance(table, Mapping):
            problems.append(Problem(name, table, "must be a table [" + name + "]"))
            table = {}
        built[name] = _build(cls, table, name, languages, problems)
    for name, cls in ENTRIES.items():
        entries = data.get(name, [])
        if not isinstance(entries, list) or not all(isinstance(e, Mapping) for e in entries):
            problems.append(Problem(name, entries, f"must be a list of [[{name}]] tables"))
            entries = []
        built[name] = tuple(
            _build(cls, entry, f"{name}[{index}]", languages, problems)
            for index, entry in enumerate(entries)
        )
    if problems:
        raise ConfigError(source, problems)
    config = BranchConfig(source=source, **built)
    problems.extend(_cross_checks(config))
    if problems:
        raise ConfigError(source, problems)
    return config


def _languages(data: Mapping[str, Any], problems: list[Problem]) -> tuple[str, ...]:
    branch = data.get("branch", {})
    value = branch.get("languages") if isinstance(branch, Mapping) else None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return tuple(value)
    return DEFAULT_LANGUAGES


def _build(cls: type, table: Mapping[str, Any], prefix: str, languages: tuple[str, ...],
           problems: list[Problem]) -> Any:
    hints = typing.get_type_hints(cls)
    declared = {f.name: f for f in fields(cls)}
    for key in table:
        if key not in declared:
            problems.append(Problem(f"{prefix}.{key}", _ABSENT, "unknown setting; allowed: "
                                    + ", ".join(declared)))
    values: dict[str, Any] = {}
    for name, fld in declared.items():
        key = f"{prefix}.{name}"
        if name not in table:
            if fld.default is MISSING and fld.default_factory is MISSING:
                problems.append(Problem(key, _ABSENT, "is required"))
            continue
        converted = _convert(table[name], hints[name], _declaration(fld), key, languages,
                             problems)
        if converted is not _ABSENT:
            values[name] = converted
    try:
        return cls(**values)
    except TypeError:
        return None  # a required value was missing; already reported


def _declaration(fld: Field[Any]) -> Declaration:
    declaration = fld.metadata.get("declaration")
    assert isinstance(declaration, Declaration), f"{fld.name} is not declared with option()"
    return declaration


def _convert(value: Any, kind: Any, decl: Declaration, key: str, languages: tuple[str, ...],
             problems: list[Problem]) -> Any:
    before = len(problems)
    result = _convert_value(value, kind, decl, key, languages, problems)
    return result if len(problems) == before else _ABSENT


def _convert_value(value: Any, kind: Any, decl: Declaration, key: str,
                   languages: tuple[str, ...], problems: list[Problem]) -> Any:
    origin = typing.get_origin(kind)
    if origin is tuple:
        item_kind = typing.get_args(kind)[0]
        if not isinstance(value, list):
            problems.append(Problem(key, value, f"must be a list of {_kind_name(item_kind)}"))
            return _ABSENT
        if decl.max_items is not None and len(value) > decl.max_items:
            problems.append(Problem(key, value, f"must have at most {decl.max_items} items"))
            return _ABSENT
        if not value:
            problems.append(Problem(key, value, "must not be empty"))
            return _ABSENT
        items = [_convert_value(v, item_kind, decl, f"{key}[{i}]", languages, problems)
                 for i, v in enumerate(value)]
        if len(set(items)) != len(items):
            problems.append(Problem(key, value, "must not repeat an item"))
        return tuple(items)
    if kind is LocalText:
        return _local_text(value, decl, key, languages, problems)
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        allowed = "must be one of: " + ", ".join(m.value for m in kind)
        return _checked(lambda text, name: require_enum(text, kind, name), value, key, allowed,
                        problems)
    if kind is bool:
        return _checked(require_bool, value, key, "must be true or false", problems)
    if kind in (int, float):
        return _number(value, kind, decl, key, problems)
    if kind is str:
        return _string(value, decl, key, problems)
    raise TypeError(f"{key}: unsupported setting type {kind!r}")  # a declaration bug


def _kind_name(kind: Any) -> str:
    return {int: "whole numbers", float: "numbers", str: "texts"}.get(kind, "values")


def _checked(check: Callable[[Any, str], Any], value: Any, key: str,
             allowed: str | Callable[[FieldError], str], problems: list[Problem]) -> Any:
    """``check(value, key)``, or ``_ABSENT`` and a problem saying what is allowed
    (``allowed``, or its words for the kind of problem the check found)."""
    try:
        return check(value, key)
    except FieldError as problem:
        words = allowed if isinstance(allowed, str) else allowed(problem)
        problems.append(Problem(key, value, words))
        return _ABSENT


def _number(value: Any, kind: type, decl: Declaration, key: str,
            problems: list[Problem]) -> Any:
    bounds = _bounds_text(decl)
    what = "whole number" if kind is int else "number"

    def allowed(problem: FieldError) -> str:
        finite = "finite " if problem.code is FieldCode.NON_FINITE else ""
        return f"must be a {finite}{what}{bounds}"

    if kind is int:
        lo = -MAX_SAFE_INT if decl.minimum is None else math.ceil(decl.minimum)
        hi = MAX_SAFE_INT if decl.maximum is None else math.floor(decl.maximum)
        return _checked(partial(require_int, lo=lo, hi=hi), value, key, allowed, problems)
    low = -math.inf if decl.minimum is None else decl.minimum
    high = math.inf if decl.maximum is None else decl.maximum
    number = _checked(partial(require_number, lo=low, hi=high), value, key, allowed, problems)
    return number if number is _ABSENT else kind(number)


def _bounds_text(decl: Declaration) -> str:
    def fmt(number: float) -> str:
        return f"{number:g}"

    if decl.minimum is not None and decl.maximum is not None:
        return f" from {fmt(decl.minimum)} to {fmt(decl.maximum)}"
    if decl.minimum is not None:
        return f" of at least {fmt(decl.minimum)}"
    if decl.maximum is not None:
        return f" of at most {fmt(decl.maximum)}"
    return ""


def _string(value: Any, decl: Declaration, key: str, problems: list[Problem]) -> Any:
    steps: list[tuple[Callable[[Any, str], Any], str]] = [(require_str, "must be a text in quotes")]
    if decl.max_length is not None:
        steps.append((partial(require_text, max_len=decl.max_length, min_len=0,
                              allowed=_CONTROL_CHARACTERS),
                      f"must be at most {decl.max_length} characters"))
    if decl.pattern is not None:
        steps.append((partial(require_match, pattern=re.compile(decl.pattern),
                              what=decl.pattern), f"must match {decl.pattern}"))
    steps.append((_without_control_characters, "must not contain control characters"))
    for check, allowed in steps:
        if _checked(check, value, key, allowed, problems) is _ABSENT:
            return _ABSENT
    return value


def _without_control_characters(value: str, key: str) -> str:
    return require_text(value, key, max_len=len(value), min_len=0)


_CONTROL_CHARACTERS = "".join(map(chr, range(32)))
"""Allowed while only the length is checked: control characters have their own words."""


def _local_text(value: Any, decl: Declaration, key: str, languages: tuple[str, ...],
                problems: list[Problem]) -> Any:
    allowed = ", ".join(languages)
    if not isinstance(value, Mapping):
        problems.append(Problem(key, value, f"must be a table of texts by language ({allowed}),"
                                f" e.g. {{ {languages[0]} = \"...\" }}"))
        return _ABSENT
    texts: dict[str, str] = {}
    for language, text in value.items():
        sub = f"{key}.{language}"
        if language not in languages:
            problems.append(Problem(sub, text, f"is not a configured language; allowed: "
                                    f"{allowed}"))
            continue
        checked = _string(text, decl, sub, problems)
        if checked is _ABSENT:
            continue
        if not checked.strip() and decl.every_language:
            problems.append(Problem(sub, text, "must not be empty"))
            continue
        texts[language] = checked
    missing = [lang for lang in languages if lang not in value]
    if missing and decl.every_language:
        problems.append(Problem(key, dict(value), "needs a text for every language; missing: "
                                + ", ".join(missing)))
    return LocalText(texts)


def _cross_checks(config: BranchConfig) -> list[Problem]:
    problems: list[Problem] = []
    branch = config.branch
    if branch.default_language not in branch.languages:
        problems.append(Problem("branch.default_language", branch.default_language,
                                "must be one of branch.languages: "
                                + ", ".join(branch.languages)))
    try:
        zoneinfo.ZoneInfo(branch.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        problems.append(Problem("branch.timezone", branch.timezone,
                                "must be an IANA time zone, e.g. Asia/Shanghai"))
    problems.extend(_check_url(config.broker.url))
    for key, value in (("status_page.listen", config.status_page.listen),
                       ("hub.health_listen", config.hub.health_listen)):
        if parse_listen(value) is None:
            problems.append(Problem(key, value, "must be host:port with a port from 1 to "
                                    "65535, e.g. 127.0.0.1:8080"))
    public = urlsplit(config.status_page.public_url)
    if public.scheme not in ("http", "https") or not public.hostname:
        problems.append(Problem("status_page.public_url", config.status_page.public_url,
                                "must be an http:// or https:// address"))
    presence = config.presence
    if presence.offline_after_s <= 2 * presence.heartbeat_interval_s:
        problems.append(Problem("presence.offline_after_s", presence.offline_after_s,
                                "must be more than twice presence.heartbeat_interval_s "
                                f"({presence.heartbeat_interval_s:g}), so one lost heartbeat "
                                "does not raise an alarm"))
    problems.extend(_unique("devices", (d.id for d in config.devices)))
    problems.extend(_unique("staff", (s.id for s in config.staff)))
    problems.extend(_unique("services", (s.id for s in config.services)))
    problems.extend(_unique("services", (s.prefix for s in config.services), "prefix"))
    hubs = config.devices_with_role(Role.HUB)
    if len(hubs) != 1:
        problems.append(Problem("devices", [d.id for d in hubs],
                                "must list exactly one device with role = \"hub\""))
    served = {c for s in config.services for c in s.counters}
    for index, device in enumerate(config.devices):
        if device.counter and device.role is not Role.CONSOLE:
            problems.append(Problem(f"devices[{index}].counter", device.counter,
                                    "only a console serves a counter"))
        elif device.counter and device.counter not in served:
            problems.append(Problem(f"devices[{index}].counter", device.counter,
                                    "no service lists this counter; served counters: "
                                    + ", ".join(str(c) for c in sorted(served))))
    return problems


def _unique(table: str, values: Iterable[str], what: str = "id") -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for index, value in enumerate(values):
        if value in seen:
            problems.append(Problem(f"{table}[{index}].{what}", value,
                                    f"must be unique; another {table} entry has it"))
        seen.add(value)
    return problems


def _check_url(url: str) -> list[Problem]:
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme not in ("mqtt", "mqtts") or not parts.hostname or port == -1:
        return [Problem("broker.url", url, "must be mqtt://host:port or mqtts://host:port")]
    return []


def parse_listen(value: str) -> tuple[str, int] | None:
    """``"host:port"`` -> (host, port), or None when malformed."""
    host, sep, port_text = value.rpartition(":")
    if not sep or not host or not port_text.isdigit():
        return None
    port = int(port_text)
    if not 1 <= port <= 65535:
        return None
    return host.strip("[]"), port


def broker_address(config: BranchConfig) -> tuple[str, int, bool]:
    """(host, port, tls) of the configured broker."""
    parts = urlsplit(config.broker.url)
    tls = parts.scheme == "mqtts"
    return parts.hostname or "127.0.0.1", parts.port or (8883 if tls else 1883), tls


def describe(config: BranchConfig) -> str:
    """A short human summary, printed by ``check-config``."""
    roles = {role: len(config.devices_with_role(role)) for role in Role}
    device_text = ", ".join(f"{count} {role.value}" for role, count in roles.items() if count)
    return (f"branch {config.branch.id} ({config.branch.name.text(config.branch.default_language)})"
            f": {device_text}; {len(config.staff)} staff; {len(config.services)} services; "
            f"broker {config.broker.url}")

