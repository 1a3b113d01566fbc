"""The product's shared vocabulary: words every screen uses, in one place.

Screens share the help button, the navigation words, the help-call messages and the
accessibility controls; keeping them here means a wording change happens once and the
spoken and the shown text cannot drift apart. The English text is the source; the
translations live in `translations/*.ts`. `QT_TRANSLATE_NOOP` only marks the text for
`pyside6-lupdate`; `vocabulary_text()` looks it up in the installed catalogue at the moment of
use, so a language switch is picked up by the next call.

Texts with `{placeholders}` are translated first and formatted afterwards:
`vocabulary_text("HelpCall", "staff_coming").format(name=staff_name)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_NAVIGATION = {
    "help_button": QT_TRANSLATE_NOOP("Navigation", "Call staff"),
    "help_button_description": QT_TRANSLATE_NOOP(
        "Navigation", "Press here and a member of staff will come to help you."
    ),
    "home": QT_TRANSLATE_NOOP("Navigation", "Home"),
    "back": QT_TRANSLATE_NOOP("Navigation", "Back"),
    "change_language": QT_TRANSLATE_NOOP("Navigation", "Change language"),
    "confirm": QT_TRANSLATE_NOOP("Navigation", "Confirm"),
    "cancel": QT_TRANSLATE_NOOP("Navigation", "Cancel"),
    "say_again": QT_TRANSLATE_NOOP("Navigation", "Say it again"),
    #: The scroll bar beside a screen whose words need more room than the panel has.
    "scroll": QT_TRANSLATE_NOOP("Navigation", "Scroll up and down"),
}

_LANGUAGE = {
    #: The name of the language of this catalogue, written in that language itself
    #: (中文, English, Deutsch). The language switch button shows it.
    "native_name": QT_TRANSLATE_NOOP("Language", "English"),
}

_HELP_CALL = {
    "question": QT_TRANSLATE_NOOP("HelpCall", "What do you need help with?"),
    "choice_unwell": QT_TRANSLATE_NOOP("HelpCall", "I feel unwell"),
    "choice_private": QT_TRANSLATE_NOOP("HelpCall", "I'd like to talk to staff privately"),
    "choice_other": QT_TRANSLATE_NOOP("HelpCall", "Something else"),
    "calling": QT_TRANSLATE_NOOP("HelpCall", "Staff are being called. Please wait here."),
    #: {name} is the given name of the member of staff who accepted the call.
    "staff_coming": QT_TRANSLATE_NOOP("HelpCall", "{name} is coming to help you."),
    "staff_coming_unnamed": QT_TRANSLATE_NOOP(
        "HelpCall", "A member of staff is coming to help you."
    ),
    "still_calling": QT_TRANSLATE_NOOP(
        "HelpCall", "Everyone is busy at the moment. We are still calling for you."
    ),
    "fine_now": QT_TRANSLATE_NOOP("HelpCall", "I'm fine now"),
    "call_cancelled": QT_TRANSLATE_NOOP(
        "HelpCall", "All right. Press \u201cCall staff\u201d whenever you need help."
    ),
}

_TICKET = {
    "take_ticket": QT_TRANSLATE_NOOP("Ticket", "Take a ticket"),
    "take_from_slot": QT_TRANSLATE_NOOP("Ticket", "Please take your ticket from the slot below."),
}

_QUESTIONS = {
    "title": QT_TRANSLATE_NOOP("Questions", "Questions and answers"),
    "not_sure": QT_TRANSLATE_NOOP("Questions", "I'm not sure what I need"),
}

_ACCESSIBILITY = {
    "text_size": QT_TRANSLATE_NOOP("Accessibility", "Text size"),
    "larger_text": QT_TRANSLATE_NOOP("Accessibility", "Larger text"),
    "smaller_text": QT_TRANSLATE_NOOP("Accessibility", "Smaller text"),
    "high_contrast": QT_TRANSLATE_NOOP("Accessibility", "High contrast"),
    "standard_colours": QT_TRANSLATE_NOOP("Accessibility", "Standard colours"),
    "high_contrast_description": QT_TRANSLATE_NOOP(
        "Accessibility", "Stronger colours that make the text easier to read."
    ),
    "speech": QT_TRANSLATE_NOOP("Accessibility", "Read aloud"),
    "speech_on": QT_TRANSLATE_NOOP("Accessibility", "Reading aloud is on."),
    "speech_off": QT_TRANSLATE_NOOP("Accessibility", "Reading aloud is off."),
    "volume": QT_TRANSLATE_NOOP("Accessibility", "Volume"),
    "louder": QT_TRANSLATE_NOOP("Accessibility", "Louder"),
    "quieter": QT_TRANSLATE_NOOP("Accessibility", "Quieter"),
    "speed": QT_TRANSLATE_NOOP("Accessibility", "Speaking speed"),
    "faster": QT_TRANSLATE_NOOP("Accessibility", "Faster"),
    "slower": QT_TRANSLATE_NOOP("Accessibility", "Slower"),
}


def _freeze(table: Mapping[str, object]) -> Mapping[str, str]:
    # QT_TRANSLATE_NOOP is typed as returning `object`; it returns its text unchanged.
    return MappingProxyType({key: str(text) for key, text in table.items()})


VOCABULARY: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "Navigation": _freeze(_NAVIGATION),
        "Language": _freeze(_LANGUAGE),
        "HelpCall": _freeze(_HELP_CALL),
        "Ticket": _freeze(_TICKET),
        "Questions": _freeze(_QUESTIONS),
        "Accessibility": _freeze(_ACCESSIBILITY),
    }
)
"""Context name -> key -> English source text. The context is the `.ts` context."""


def source_text(context: str, key: str) -> str:
    """The English source text of a vocabulary entry; KeyError names what is unknown."""
    try:
        table = VOCABULARY[context]
    except KeyError:
        raise KeyError(f"no vocabulary context {context!r}") from None
    try:
        return table[key]
    except KeyError:
        raise KeyError(f"no vocabulary entry {key!r} in context {context!r}") from None


def vocabulary_text(context: str, key: str) -> str:
    """The vocabulary entry in the current language (the English source if untranslated)."""
    return QCoreApplication.translate(context, source_text(context, key))
