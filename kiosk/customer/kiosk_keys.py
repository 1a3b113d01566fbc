"""The kiosk's own settings: the ``[kiosk]`` section, and its keypad keys as Qt keys.

Key names in the configuration are Qt's (``F1``, ``Asterisk``, ``+``). A name Qt does not
know, or two functions on one key, would leave a blind customer with a keypad that silently
does nothing, so both are refused at start-up, naming the setting.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from types import MappingProxyType

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeySequence

from kiosk.core.config import BranchConfig
from kiosk.core.settings import KioskSection

RESERVED_KEYS = frozenset({
    Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter,
    Qt.Key.Key_Space, Qt.Key.Key_Select, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up,
    Qt.Key.Key_Down,
})
"""Keys that already move, press or go back on every screen."""


class KioskSetupError(Exception):
    """The kiosk cannot start as configured; the message names the setting to fix."""


def kiosk_section(config: BranchConfig) -> KioskSection:
    """The branch's ``[kiosk]`` settings."""
    return config.kiosk


class KeyFunction(StrEnum):
    HELP = "help_key"
    REPEAT = "repeat_key"
    VOLUME_DOWN = "volume_down_key"
    VOLUME_UP = "volume_up_key"
    HELP_BUTTON = "help_button_key"


@dataclass(frozen=True)
class KeyBindings:
    """Which key does what; functions without a key are absent."""

    keys: Mapping[KeyFunction, Qt.Key]

    def function_of(self, key: int) -> KeyFunction | None:
        for function, bound in self.keys.items():
            if bound == key:
                return function
        return None


def parse_key(name: str) -> Qt.Key | None:
    """The Qt key called ``name``, or None if Qt knows no single key of that name."""
    sequence = QKeySequence(name, QKeySequence.SequenceFormat.PortableText)
    if sequence.count() != 1:
        return None
    # PySide6's stubs lack QKeySequence.__getitem__ (Qt's operator[]), which it has.
    combination: QKeyCombination = sequence[0]  # type: ignore[index]
    if combination.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        return None
    key = combination.key()
    return None if key == Qt.Key.Key_unknown else key


def key_bindings(section: KioskSection) -> KeyBindings:
    """The section's keys; raises KioskSetupError naming a bad or repeated key."""
    keys: dict[KeyFunction, Qt.Key] = {}
    names = {f.name for f in fields(section)}
    for function in KeyFunction:
        assert function.value in names, f"KioskSection has no {function.value}"
        name = getattr(section, function.value)
        if not name:
            continue
        key = parse_key(name)
        if key is None:
            raise KioskSetupError(f"kiosk.{function.value} = {name!r}: not a key name Qt "
                                  "knows; use names such as F1, F13, Asterisk, Plus or 5")
        if key in RESERVED_KEYS:
            raise KioskSetupError(f"kiosk.{function.value} = {name!r}: this key already moves "
                                  "focus, presses or goes back on every screen; choose "
                                  "another")
        clash = next((other for other, bound in keys.items() if bound == key), None)
        if clash is not None:
            raise KioskSetupError(f"kiosk.{function.value} = {name!r}: the same key as "
                                  f"kiosk.{clash.value}; each function needs its own key")
        keys[function] = key
    return KeyBindings(MappingProxyType(keys))
