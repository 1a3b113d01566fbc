"""What the Help button says while a call is open.

The button keeps its place and size, but its words follow the call: "Calling staff now"
while the call is being raised and confirmed, "Staff have been told" once a console has it,
"Li Ming is on the way" when someone accepted it, "Staff are here" on arrival. A customer
who looks down at the button they pressed sees that it worked and what is happening, on
every screen, not the same "Call staff" as before. With no open call, or none that can
reach anyone (the screen then says to go to the counter), it says "Call staff" again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.core.help.view import HelpPhase, HelpView

translate = QCoreApplication.translate
"""Spelled ``translate("HelpButton", "...")`` so pyside6-lupdate finds every text."""


def help_button_text(view: HelpView | None, staff_name: str | None) -> str | None:
    """The button's words for the call in `view` (None: its usual "Call staff")."""
    if view is None:
        return None
    phase = view.phase
    if phase in (HelpPhase.CALLING, HelpPhase.WAITING_LONG):
        return translate("HelpButton", "Calling staff now")
    if phase is HelpPhase.NOTIFIED:
        return translate("HelpButton", "Staff have been told")
    if phase is HelpPhase.COMING:
        if staff_name:
            #: {name} is the member of staff who accepted the call, e.g. 李明.
            return translate("HelpButton", "{name} is on the way").format(name=staff_name)
        return translate("HelpButton", "Staff are on the way")
    if phase is HelpPhase.ARRIVED:
        return translate("HelpButton", "Staff are here")
    return None
