"""What the commands that draw screens to PNG files (``render-screens``,
``render-console``) do alike before they draw: quiet logging, the branch configuration, a
device to draw, the screens asked for by name, and an application on Qt's offscreen
platform (nothing appears on a display). A problem is said on standard error, and the
helper returns None for the command to end."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from kiosk.core.config import BranchConfig, ConfigError, load_config
from kiosk.core.settings import Device, Role

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


class Named(Protocol):
    @property
    def name(self) -> str: ...


N = TypeVar("N", bound=Named)


def config_to_draw(config_path: str) -> BranchConfig | None:
    """Warnings only in the log, and the configuration; None when it cannot be read."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return load_config(config_path)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return None


def chosen(known: Sequence[N], names: Sequence[str], what: str) -> list[N] | None:
    """The ``what`` (screen, state) of ``known`` that ``names`` asks for, all when it names
    none; None when it names one that does not exist."""
    unknown = sorted(set(names) - {item.name for item in known})
    if unknown:
        print(f"no such {what}: {', '.join(unknown)}; {what}s: "
              + ", ".join(item.name for item in known), file=sys.stderr)
        return None
    return [item for item in known if not names or item.name in names]


def devices_to_draw(config: BranchConfig, config_path: str, role: Role
                    ) -> list[Device] | None:
    """The devices of ``role`` in the configuration; None when there are none."""
    devices = list(config.devices_with_role(role))
    if not devices:
        print(f"{config_path}: no device with role = \"{role}\" to draw", file=sys.stderr)
        return None
    return devices


def offscreen_app() -> QApplication:
    """The application, on the offscreen platform (made when there is none yet)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app
