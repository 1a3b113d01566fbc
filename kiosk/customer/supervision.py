"""What the kiosk's heartbeat says about it: can it speak, can it print, is its outbox
draining, is a customer using it. Consoles show this (so staff see "printer failed" before a
customer is told), and the hub only starts a drill on an idle kiosk.

The heartbeat is built on the GUI thread, which must not touch SQLite, so the outbox length
is counted on the device's own thread once per heartbeat and the last count is reported.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.net.headless import HeadlessDevice
from kiosk.net.kiosk_client import KioskClient
from kiosk.printing.printer import PrinterState, printer_component
from kiosk.protocol.device_messages import Activity, Component, Health
from kiosk.speech.api import AudioState, EngineState, Speaker, SpeechHealth


def speech_component(health: SpeechHealth) -> Component:
    if health.can_speak:
        return Component.OK
    if health.engine is EngineState.STARTING and health.audio is AudioState.OK:
        return Component.DEGRADED  # not known to work yet
    if health.engine is EngineState.OK and health.audio is AudioState.OK:
        return Component.DEGRADED  # a voice is missing: some languages are silent
    return Component.FAILED


def sound_component(health: SpeechHealth) -> Component:
    return Component.OK if health.audio is AudioState.OK else Component.FAILED


class KioskHealth:
    def __init__(self, device: HeadlessDevice[KioskClient], speaker: Speaker,
                 in_use: Callable[[], bool],
                 printer_state: Callable[[], PrinterState] = lambda: PrinterState.ABSENT,
                 ) -> None:
        self._device = device
        self._speaker = speaker
        self._in_use = in_use
        self._printer_state = printer_state
        self._outbox = 0

    def health(self) -> Health:
        self._device.worker.submit(self._count_outbox)
        speech = self._speaker.health()
        return self._device.link.health(speech=speech_component(speech),
                                        printer=printer_component(self._printer_state()),
                                        sound=sound_component(speech), outbox=self._outbox,
                                        store=self._device.store_health())

    def activity(self) -> Activity:
        return Activity.IN_USE if self._in_use() else Activity.IDLE

    def _count_outbox(self) -> None:
        self._outbox = self._device.client.sender.pending()
