"""The pseudo-language: English made longer and accented, to find clipped and untranslated text.

German and Russian labels run 30-40 % longer than English; a screen that fits the
pseudo-language fits them. Accented letters show at a glance which text bypassed the
catalogue (it stays plain English), and the brackets show where a label is cut off.
"""

from __future__ import annotations

import math
import re

LENGTH_FACTOR = 1.4
PADDING = "\u00b7"  # middle dot
PADDING_WORD = 8
"""The padding comes in words of at most this many dots: a long label wraps as a real
language's would, instead of being one unbreakable word wider than a small panel."""

# Only accented letters the bundled font (Noto Sans CJK's Latin) has, so the
# pseudo-language is measured in the same font as the real text and never falls back to
# another font; Noto Sans CJK lacks most of Latin Extended-A (no ţ, ķ, š).
_ACCENTS = str.maketrans("acdeinouyACDEINOUY", "àçđéîñöüýÀÇĐÉÎÑÖÜÝ")

# Spans that must reach the translation unchanged: format fields, escaped braces, Qt's
# plural marker, rich-text tags and character entities.
_PROTECTED = re.compile(r"(\{\{|\}\}|\{[^{}]*\}|%n|<[^<>]+>|&[a-zA-Z]+;|&#\d+;)")


def pseudo_translate(source: str) -> str:
    """`Take a ticket` -> `[Tàké à tîçkét ···]`: at least 40 % longer, placeholders intact."""
    if not source:
        return source
    parts = _PROTECTED.split(source)
    accented = "".join(
        part if index % 2 else part.translate(_ACCENTS) for index, part in enumerate(parts)
    )
    target_length = math.ceil(len(source) * LENGTH_FACTOR)
    padding = max(1, target_length - len(accented) - len("[ ]"))
    return f"[{accented} {_padding(padding)}]"


def _padding(length: int) -> str:
    """Exactly `length` characters of dots and spaces, in words of at most PADDING_WORD."""
    text = ""
    while len(text) < length:
        if text and length - len(text) > 1:
            text += " "
        text += PADDING * min(PADDING_WORD, length - len(text))
    return text
