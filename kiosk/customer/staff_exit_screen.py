"""For staff: leave the kiosk program (for maintenance), after the hub accepts a PIN.

Reached only by the hidden corner hold; a customer who gets here by chance sees a plain
question and Home, Back and Help where they always are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk import __version__
from kiosk.core.settings import Staff
from kiosk.customer.kiosk_screen import KioskScreen, make_label, shown_text
from kiosk.customer.staff_pin_panel import StaffPinPanel
from kiosk.net.kiosk_client import PinOutcome


class StaffExitScreen(KioskScreen):
    pinEntered = Signal(str, str)
    """Staff id and PIN, to be checked by the hub."""

    def __init__(self, staff: Sequence[Staff], language: Callable[[], str],
                 kiosk_id: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kiosk_id = kiosk_id
        self.title = make_label("exit_title", role="heading")
        self.panel = StaffPinPanel(staff, language)
        self.panel.pinEntered.connect(self.pinEntered)
        self.panel.contentChanged.connect(self.contentChanged)
        self.about = make_label("exit_about")
        """Which kiosk this is and the program's version, for whoever maintains it."""
        self.panel.set_aside(self.about)
        self.content_layout.addWidget(self.title)
        self.content_layout.addWidget(self.panel, 1)
        self.retranslate()

    def show_outcome(self, outcome: PinOutcome) -> None:
        self.panel.show_outcome(outcome)

    def clear(self) -> None:
        self.panel.clear()

    def retranslate(self) -> None:
        self.title.setText(self.tr("For staff: close the kiosk program"))
        self.about.setText(self.tr("Kiosk {kiosk}\nVersion {version}").format(
            kiosk=self._kiosk_id, version=__version__))
        self.panel.retranslate()

    def spoken(self) -> list[str]:
        return [*shown_text(self.title), *self.panel.spoken()]

    def first_control(self) -> QWidget | None:
        return self.panel.first_control()
