"""Configured and content texts (service names, questions and answers, announcements) as
the screen shows them in the customer's language.

These texts are data, not catalogue strings: the branch writes them per language in its
configuration, staff in the content files, a console in an announcement. A screen picks the
text of its language. The pseudo-language (a test language, never offered to customers) has
no data of its own: it shows the English data made 40 % longer and accented the way the
catalogue's pseudo-translations are, so the pseudo screens test layouts with longer service
names and questions too, and no English text on them goes unnoticed. Its padding is in
short groups that can wrap, since a long unbroken run could never fit a line.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from kiosk.customer.customer_session import data_language
from kiosk.ui.i18n import PSEUDO_LANGUAGE

LENGTH_FACTOR = 1.4
PADDING = "~"
"""As wide as an average letter: the catalogue's middle dot is full-width in the bundled
font, which would make data twice as much longer as the pseudo-language means."""
PADDING_GROUP = 3
_ACCENTS = str.maketrans("acdeinouyACDEINOUY", "àçđéîñöüýÀÇĐÉÎÑÖÜÝ")
"""The pseudo-language's accents (tools/i18n/pseudo.py): letters the bundled font has."""


def pseudo_data(text: str) -> str:
    """`Pensions` -> `[Péñsîöñs ~]`: accented and at least 40 % longer."""
    if not text.strip():
        return text
    accented = text.translate(_ACCENTS)
    padding = max(1, math.ceil(len(text) * LENGTH_FACTOR) - len(accented) - len("[ ]"))
    groups = [PADDING * PADDING_GROUP] * (padding // PADDING_GROUP)
    if padding % PADDING_GROUP:
        groups.append(PADDING * (padding % PADDING_GROUP))
    return f"[{accented} {' '.join(groups)}]"


def data_text(texts: Mapping[str, str], language: str, fallback: str = "zh_CN") -> str:
    """The text for `language` (else `fallback`, else any); pseudo-stretched English in the
    pseudo-language."""
    wanted = data_language(language)
    for code in (wanted, fallback):
        if code in texts and texts[code]:
            text = texts[code]
            break
    else:
        text = next((value for value in texts.values() if value), "")
    return pseudo_data(text) if language == PSEUDO_LANGUAGE else text


def shown_data(text: str, language: str) -> str:
    """A text already picked for `language`'s data language, as the screen shows it."""
    return pseudo_data(text) if language == PSEUDO_LANGUAGE else text
