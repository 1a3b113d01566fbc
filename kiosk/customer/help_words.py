"""What the help screen says in each phase of a call: one place for the shown and the spoken.

The customer is told only what the kiosk knows (see kiosk.core.help.view): "calling" until a
console confirms, then "staff have been told", then who is coming. The name of the member of
staff comes from the branch configuration in the screen's language; the voice gets the same
sentence with the configured pronunciation, where the branch gave one, so a name the voice
reads wrongly can be fixed without changing what the screen shows.

Nothing here names the reason behind "I'd like to talk to staff privately": every text is
safe to be read aloud next to someone who may be pressuring the customer.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from kiosk.core.config import BranchConfig
from kiosk.core.help.events import Category
from kiosk.core.help.view import HelpPhase, HelpView
from kiosk.customer.customer_session import data_language
from kiosk.ui.strings import vocabulary_text

WAITING_PHASES = frozenset({HelpPhase.CALLING, HelpPhase.NO_STAFF, HelpPhase.NOTIFIED,
                            HelpPhase.WAITING_LONG, HelpPhase.COMING})
"""Phases in which the customer waits and is reassured now and then."""


translate = QCoreApplication.translate
"""Spelled ``translate("HelpScreen", "...")`` so pyside6-lupdate finds every text."""


@dataclass(frozen=True)
class StaffName:
    shown: str
    spoken: str


def staff_name(config: BranchConfig, staff_id: str | None, language: str) -> StaffName | None:
    """The name of ``staff_id`` in the screen's language, and how the voice should say it."""
    if staff_id is None:
        return None
    member = config.staff_member(staff_id)
    if member is None:
        return None
    language = data_language(language)
    shown = member.name.text(language)
    spoken = member.pronunciation.get(language, "").strip() or shown
    return StaffName(shown, spoken)


@dataclass(frozen=True)
class HelpWords:
    heading: str
    lines: tuple[str, ...]
    """Shown under the heading, one paragraph each."""
    spoken_lines: tuple[str, ...]
    """The same, as the voice says them (names with their pronunciation)."""

    @property
    def spoken(self) -> list[str]:
        return [self.heading, *self.spoken_lines]


class _Lines:
    """Collects paragraphs, each with its spoken form."""

    def __init__(self) -> None:
        self.shown: list[str] = []
        self.spoken: list[str] = []

    def add(self, text: str, spoken: str | None = None) -> None:
        self.shown.append(text)
        self.spoken.append(text if spoken is None else spoken)

    def named(self, template: str, unnamed: str, name: StaffName | None) -> None:
        """``template`` with {name}, or ``unnamed`` when nobody is known by name."""
        if name is None:
            self.add(unnamed)
        else:
            self.add(template.format(name=name.shown), template.format(name=name.spoken))


def help_words(view: HelpView, name: StaffName | None) -> HelpWords:
    lines = _Lines()
    phase = view.phase
    if phase is HelpPhase.CALLING:
        heading = translate("HelpScreen", "Calling staff")
        lines.add(translate("HelpScreen", "Please wait here. This screen will tell you when "
                                          "staff have been told."))
    elif phase is HelpPhase.NO_STAFF:
        heading = translate("HelpScreen", "Staff cannot be reached right now")
        lines.add(translate("HelpScreen", "Please go to the counter, or ask anyone nearby "
                                          "to help you. We keep calling."))
    elif phase is HelpPhase.NOTIFIED:
        heading = translate("HelpScreen", "Staff have been told")
        lines.add(translate("HelpScreen", "A member of staff will come to you soon. "
                                          "Please wait here."))
    elif phase is HelpPhase.WAITING_LONG:
        heading = translate("HelpScreen", "We are still calling")
        lines.add(vocabulary_text("HelpCall", "still_calling"))
        lines.add(translate("HelpScreen", "Please sit down if you can. If you feel worse, "
                                          "tell anyone nearby at once."))
    elif phase is HelpPhase.COMING:
        heading = translate("HelpScreen", "Help is on the way")
        lines.named(vocabulary_text("HelpCall", "staff_coming"),
                    vocabulary_text("HelpCall", "staff_coming_unnamed"), name)
    elif phase is HelpPhase.ARRIVED:
        heading = translate("HelpScreen", "Staff are here")
        #: {name} is the member of staff who has come to the customer.
        lines.named(translate("HelpScreen", "{name} is here to help you."),
                    translate("HelpScreen", "A member of staff is here to help you."), name)
    elif view.feedback_given:
        heading = translate("HelpScreen", "Thank you")
        lines.add(translate("HelpScreen", "Thank you for telling us. Press Home to start again."))
    else:
        heading = translate("HelpScreen", "Were you helped?")
        lines.add(translate("HelpScreen", "Please tell us with a button below."))
    if phase in WAITING_PHASES:
        if view.customer_fine:
            lines.add(translate("HelpScreen", "Thank you. A member of staff will still come "
                                              "to see you."))
        elif view.category is Category.MEDICAL and phase is not HelpPhase.WAITING_LONG:
            lines.add(translate("HelpScreen", "Please sit down if you can."))
        elif view.category is Category.GUIDANCE:
            lines.add(translate("HelpScreen", "A member of staff will come and go with you."))
    return HelpWords(heading, tuple(lines.shown), tuple(lines.spoken))


def drill_notice() -> str:
    return translate("HelpScreen", "Practice: staff are practising. This is not a real call "
                                   "for help.")


def choice_texts() -> dict[Category, str]:
    """The three optional choices, in the order shown."""
    return {
        Category.MEDICAL: vocabulary_text("HelpCall", "choice_unwell"),
        Category.PRIVATE_TALK: vocabulary_text("HelpCall", "choice_private"),
        Category.OTHER: vocabulary_text("HelpCall", "choice_other"),
    }
