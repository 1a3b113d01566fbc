"""The kiosk as the widget tests meet it: the real window from `build_kiosk`, with the fake
speaker and a device whose network thread runs but never connects (the broker address
leads nowhere), shown offscreen; and a touch as a customer's finger gives it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPalette, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.config import BranchConfig, load_config
from kiosk.core.help.events import HelpEventKind
from kiosk.core.settings import KioskSection
from kiosk.customer.app import KioskParts, build_kiosk
from kiosk.customer.screen_states import SETTLE_ROUNDS, KioskStage
from kiosk.net.broker import free_port
from kiosk.ui.i18n import unload_language
from kiosk.ui.render import scroll_into_view, settle
from kiosk.ui.widgets import BigButton
from tests.helpers.branch import write_branch_config
from tests.helpers.fake_speaker import FakeSpeaker

FAST_KIOSK = KioskSection(confirm_grace_s=5.0, pin_reply_timeout_s=1.0, staff_exit_hold_s=0.3,
                          help_button_key="F13")


@dataclass
class KioskUnderTest:
    parts: KioskParts
    speaker: FakeSpeaker
    stage: KioskStage

    @property
    def window(self) -> Any:
        return self.parts.window

    @property
    def config(self) -> BranchConfig:
        return self.parts.config

    def nav(self, name: str) -> BigButton:
        shown: list[BigButton] = [b for b in self.window.findChildren(BigButton, name)
                                  if b.isVisible()]
        assert len(shown) == 1, f"{name} is shown {len(shown)} times"
        return shown[0]

    def said(self) -> str:
        return " | ".join(self.speaker.texts)

    def events(self) -> list[Any]:
        """The help events in the kiosk's own store (read on its thread)."""
        device = self.parts.device
        events = device.call(lambda: device.store.events())
        assert isinstance(events, list)
        return events

    def kinds(self) -> list[HelpEventKind]:
        return [event.kind for event in self.events()]

    def stop(self) -> None:
        stop_kiosk(self.parts)


def stop_kiosk(parts: KioskParts) -> None:
    """Stop the kiosk and give the application back as other tests expect it: no kiosk
    catalogue, stylesheet or palette left installed."""
    parts.stop()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    unload_language(app)
    app.setStyleSheet("")
    app.setPalette(QPalette())
    QApplication.processEvents()


def start_kiosk(qtbot: QtBot, directory: Path, *, kiosk: KioskSection = FAST_KIOSK,
                speaker: FakeSpeaker | None = None, worker: bool = True,
                **overrides: Any) -> KioskUnderTest:
    """The kiosk shown offscreen at 1920x1080; its network thread runs, unconnected, and
    has told the window whom it reaches (nobody) before the test begins: a first report
    arriving later would undo what the test stages (`KioskStage.reachable`)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    config = load_config(write_branch_config(directory / "config", free_port(), **overrides))
    speaker = speaker or FakeSpeaker()
    parts = build_kiosk(app, config, "kiosk-1", directory / "kiosk", speaker=speaker,
                        kiosk=kiosk, idle_poll_ms=20)
    parts.start(windowed=True, connect=False)
    if worker:
        reports: list[object] = []
        parts.bridge.reachability.connect(reports.append)
        parts.device.worker.start()
        parts.device.worker.submit(parts.device.client.resume)
        parts.device.worker.submit(parts.device.client.tick)  # reports reachability once
        qtbot.waitUntil(lambda: bool(reports))
        parts.bridge.reachability.disconnect(reports.append)
    qtbot.waitUntil(parts.window.isActiveWindow)
    return KioskUnderTest(parts, speaker, KioskStage(parts))


def touch(touchscreen: QPointingDevice, widget: QWidget, at: QPoint | None = None) -> None:
    """Touch `widget` on the screen as laid out, scrolling it into view first where the
    screen scrolls (as a customer looks, and scrolls to what they want, before touching),
    once every wave of re-laying out has run (a row that stacks re-lays out those in it)."""
    for _ in range(SETTLE_ROUNDS):
        settle(widget.window())
    scroll_into_view(widget)
    window = widget.window()
    point = widget.mapTo(window, at if at is not None else widget.rect().center())
    QTest.touchEvent(window, touchscreen).press(0, point).commit()
    QTest.touchEvent(window, touchscreen).release(0, point).commit()
