"""A branch under test on a real broker: the hub as a real process, and the kiosks and
consoles a test adds to it, headless or as real windows (offscreen). Each part is stopped,
the last added first, when the test's ``ExitStack`` closes; each device keeps its data in
``directory / device_id``, so adding a device again with the same id restarts it on its
own data.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.core.config import BranchConfig, load_config
from kiosk.core.settings import KioskSection
from kiosk.net.console_client import ConsoleClient
from kiosk.net.headless import HeadlessDevice, headless_console, headless_kiosk
from kiosk.net.kiosk_client import KioskClient
from tests.helpers.fake_speaker import FakeSpeaker
from tests.helpers.headless_sign_in import sign_in
from tests.helpers.hub_process import HubProcess, prepare_hub

if TYPE_CHECKING:  # the windows are imported when a test asks for one: headless tests load no Qt
    from kiosk.console.app import ConsoleParts
    from tests.helpers.kiosk_harness import KioskUnderTest


class Branch:
    def __init__(self, directory: Path, broker_port: int, stack: ExitStack, *,
                 start_hub: bool = True, settings: Mapping[str, Any] | None = None) -> None:
        """``settings``: dotted branch settings for the hub and every device, such as
        ``{"help.escalate_after_s": 60.0}``."""
        self.directory = directory
        self.hub: HubProcess = prepare_hub(directory / "hub", broker_port, **(settings or {}))
        self.config: BranchConfig = load_config(self.hub.config_path)
        self._stack = stack
        stack.callback(self.hub.stop)
        # The devices added, by id (a device added again replaces its stopped self).
        self.kiosks: dict[str, HeadlessDevice[KioskClient]] = {}
        self.consoles: dict[str, HeadlessDevice[ConsoleClient]] = {}
        self.kiosk_windows: dict[str, KioskUnderTest] = {}
        self.console_windows: dict[str, ConsoleParts] = {}
        if start_hub:
            self.hub.start()

    def headless_kiosk(self, device_id: str = "kiosk-1") -> HeadlessDevice[KioskClient]:
        device = headless_kiosk(self.config, device_id, self.directory / device_id).start()
        self._stack.callback(device.stop)
        self.kiosks[device_id] = device
        return device

    def headless_console(self, device_id: str = "console-lobby", *,
                         staff_id: str | None = None) -> HeadlessDevice[ConsoleClient]:
        """A console client; with ``staff_id``, that member of staff signs in (by PIN,
        through the hub)."""
        device = headless_console(self.config, device_id, self.directory / device_id).start()
        self._stack.callback(device.stop)
        self.consoles[device_id] = device
        if staff_id is not None:
            sign_in(device, staff_id)
        return device

    def console_window(self, device_id: str, *, save_to: Path | None = None) -> ConsoleParts:
        """The staff console's real window, in English, connected."""
        from tests.helpers.console_e2e import live_console

        parts = self._stack.enter_context(
            live_console(self.config, device_id, self.directory / device_id, save_to=save_to))
        self.console_windows[device_id] = parts
        return parts

    def kiosk_window(self, device_id: str = "kiosk-1", *, speaker: FakeSpeaker | None = None,
                     kiosk: KioskSection | None = None) -> KioskUnderTest:
        """The kiosk's real window, windowed and connected."""
        from PySide6.QtWidgets import QApplication

        from kiosk.customer.app import build_kiosk
        from kiosk.customer.screen_states import KioskStage
        from tests.helpers.kiosk_harness import KioskUnderTest, stop_kiosk

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        speaker = speaker or FakeSpeaker()
        options: dict[str, Any] = {} if kiosk is None else {"kiosk": kiosk}
        parts = build_kiosk(app, self.config, device_id, self.directory / device_id,
                            speaker=speaker, **options)
        parts.start(windowed=True)
        self._stack.callback(stop_kiosk, parts)
        under_test = KioskUnderTest(parts, speaker, KioskStage(parts))
        self.kiosk_windows[device_id] = under_test
        return under_test
