"""The words of a list of choices that has more than one page, in the current language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ChoicePages"
_PREVIOUS = QT_TRANSLATE_NOOP("ChoicePages", "Previous choices")
_MORE = QT_TRANSLATE_NOOP("ChoicePages", "More choices")
#: Beside the buttons that turn the pages of a list. {page} and {count} are numbers (1, 2).
_PAGE_OF = QT_TRANSLATE_NOOP("ChoicePages", "Page {page} of {count}")


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def pager_texts() -> tuple[str, str, str]:
    """(previous, more, "page {page} of {count}"), translated now."""
    return _tr(_PREVIOUS), _tr(_MORE), _tr(_PAGE_OF)
