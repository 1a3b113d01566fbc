"""Named `{placeholders}` in source and translated text.

The product formats text after translating it (`tr(...).format(name=...)`), so a
translation must carry exactly the placeholders of its source: a missing one silently
drops information ("is coming to help you" without the name), an extra or renamed one
raises KeyError at the moment a customer needs the message.
"""

from __future__ import annotations

import re
from string import Formatter

# Qt's own positional markers; the kiosk uses named Python placeholders instead.
_QT_POSITIONAL = re.compile(r"%L?[1-9]")


class PlaceholderError(ValueError):
    """The text is not a valid template of named placeholders."""


def placeholder_names(text: str) -> frozenset[str]:
    """The named fields of a `str.format` template, e.g. {"name"} for "{name} is here".

    Raises PlaceholderError for unbalanced braces, positional fields (`{}`, `{0}`) and
    Qt's `%1` markers, because those cannot be compared or reordered by translators.
    """
    if match := _QT_POSITIONAL.search(text):
        raise PlaceholderError(
            f"Qt-style positional marker {match.group()!r}; use a named one such as {{name}}"
        )
    names: set[str] = set()
    try:
        for _literal, field, _spec, _conversion in Formatter().parse(text):
            if field is None:
                continue
            if field == "" or field.isdigit():
                raise PlaceholderError(
                    f"positional placeholder {{{field}}}; use a named one such as {{name}}"
                )
            names.add(field)
    except ValueError as error:
        if isinstance(error, PlaceholderError):
            raise
        raise PlaceholderError(f"not a valid format template: {error}") from None
    return frozenset(names)


def describe(names: frozenset[str]) -> str:
    """`{count}, {name}` for messages; `no placeholders` when empty."""
    if not names:
        return "no placeholders"
    return ", ".join(f"{{{name}}}" for name in sorted(names))
