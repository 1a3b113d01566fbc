"""Write ``docs/configuration.md`` from the option declarations; ``--check`` fails if stale.

    python -m tools.config_reference           # rewrite the reference
    python -m tools.config_reference --check   # exit 1 when the committed file is out of date
"""

from __future__ import annotations

import argparse
import sys
import typing
from dataclasses import MISSING, fields
from enum import StrEnum
from pathlib import Path

from kiosk.core.settings import ENTRIES, SECTIONS, Declaration, LocalText
from kiosk.ui.physical import SUPPORTED_PANELS

TARGET = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"


def _kind(annotation: object) -> str:
    if annotation is LocalText:
        return "text per language"
    if typing.get_origin(annotation) is tuple:
        return f"list of {_kind(typing.get_args(annotation)[0])}"
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        return "one of " + ", ".join(f"`{m.value}`" for m in annotation)
    names: dict[object, str] = {
        int: "whole number", float: "number", str: "text", bool: "true/false"}
    return names.get(annotation, str(annotation))


def _default(value: object) -> str:
    if value is MISSING:
        return "**required**"
    if isinstance(value, StrEnum):
        return f"`{value.value}`"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, LocalText):
        return "(none)" if not value else ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, tuple):
        return "`[" + ", ".join(repr(v).replace("'", '"') for v in value) + "]`"
    if isinstance(value, str):
        return f'`"{value}"`' if value else '`""`'
    return f"`{value:g}`" if isinstance(value, float) else f"`{value}`"


def _allowed(declaration: Declaration) -> str:
    parts = []
    if declaration.minimum is not None and declaration.maximum is not None:
        parts.append(f"{declaration.minimum:g} to {declaration.maximum:g}")
    elif declaration.minimum is not None:
        parts.append(f"at least {declaration.minimum:g}")
    elif declaration.maximum is not None:
        parts.append(f"at most {declaration.maximum:g}")
    if declaration.pattern:
        parts.append(f"matches `{declaration.pattern}`")
    if declaration.max_length:
        parts.append(f"up to {declaration.max_length} characters")
    if declaration.max_items:
        parts.append(f"up to {declaration.max_items} items")
    return "; ".join(parts)


def _table(cls: type) -> list[str]:
    hints = typing.get_type_hints(cls)
    rows = ["| setting | type | default | allowed | what it does |",
            "| --- | --- | --- | --- | --- |"]
    for fld in fields(cls):
        declaration: Declaration = fld.metadata["declaration"]
        default: object = fld.default
        if default is MISSING and fld.default_factory is not MISSING:
            default = fld.default_factory()
        rows.append(f"| `{fld.name}` | {_kind(hints[fld.name])} | {_default(default)} | "
                    f"{_allowed(declaration)} | {declaration.description} |")
    return rows


def _panels() -> list[str]:
    """What `[screen]` is for: the panels the kiosk is laid out and audited on."""
    rows = ["### Supported panels", "",
            "Every kiosk screen, in every state, language, text size and contrast, is laid "
            "out and", "audited (`tests/gui/test_kiosk_screen_check.py`) on each of these panels:",
            "", "| panel | diagonal_inches | width_px | height_px |",
            "| --- | --- | --- | --- |"]
    for panel in SUPPORTED_PANELS:
        rows.append(f"| {panel.name} | {panel.diagonal_inches:g} | {panel.width_px} | "
                    f"{panel.height_px} |")
    rows += [
        "",
        "Sizes are physical: text, buttons and gaps are millimetres on the panel, computed",
        "from `diagonal_inches` and the resolution, so give the panel's real diagonal. On a",
        "landscape panel Home, Back and the magnifier switch share the bottom row with Help.",
        "Where their words do not fit beside Help (the 15.6- and 18.5-inch panels at larger",
        "text) Home and Back put their symbols above their words and Help takes the rest of",
        "the row, so the strip keeps one row and the screen keeps at least two thirds of the",
        "panel's height; a portrait panel (taller than wide) gets Help on a row of its own",
        "above them. Only a language much longer than English (the test pseudo-language) takes",
        "two rows on the small panels at larger text. Rows that do not fit side by side stack;",
        "a screen whose words need more height than the panel has scrolls, with a scroll bar",
        "20 mm wide, and Home, Back and Help stay where they are. At larger text on the",
        "15.6-inch panel home shows its greeting, switches and introduction with its choices",
        "just below, to be scrolled to; where customers often choose larger text, a 21.5-inch",
        "or larger panel shows them at once.",
        "",
        "A branch with another panel checks it before the kiosks go in:",
        "",
        "1. Draw the screens on it, without changing any code: `python -m kiosk",
        "   render-screens --config FILE --out DIR --panel WIDTHxHEIGHT@DIAGONAL --sizes",
        "   normal,larger --contrasts standard,high` (e.g. `--panel 1024x768@15`). Look at",
        "   home, the ticket, help while waiting, the staff PIN pad and an FAQ answer in both",
        "   languages: nothing cut off, no Help pushed away, the ticket number whole.",
        "2. Run the audit for it: add a `Panel(NAME, DIAGONAL, WIDTH, HEIGHT)` to",
        "   `SUPPORTED_PANELS` in `kiosk/ui/physical.py` and run `python -m pytest",
        "   tests/gui/test_kiosk_screen_check.py -q -k NAME` (one panel is a fifth of the",
        "   whole audit; `-k \"NAME and zh_CN and normal\"` checks one language and look first).",
        "   Every case must pass; a failing case names the screen, the control, the rule and",
        "   the measured size in millimetres. Findings not yet fixed would be listed, case",
        "   by case, in `tests/gui/screen_check_known.txt` (empty: the supported panels pass",
        "   with nothing excused); a case fails on any finding not listed for it.",
    ]
    return rows


def render() -> str:
    lines = [
        "# Configuration reference",
        "",
        "Generated from the option declarations in `kiosk/core/settings.py` by",
        "`python -m tools.config_reference`; CI fails when this file is out of date.",
        "",
        "The branch configuration is one TOML file shared by every device (it holds no",
        "secrets); check it with `python -m kiosk check-config FILE`. A bad value stops the",
        "program at start with the key, the value and what is allowed. Texts \"per language\"",
        "are tables such as `name = { zh_CN = \"大堂\", en = \"Lobby\" }` and must give every",
        "language in `branch.languages`. See `deploy/example-branch.toml` for a whole file.",
    ]
    for name, cls in SECTIONS.items():
        lines += ["", f"## [{name}]", "", *_table(cls)]
        if name == "screen":
            lines += ["", *_panels()]
    for name, cls in ENTRIES.items():
        lines += ["", f"## [[{name}]] (one table per entry)", "", *_table(cls)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is stale")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run python -m tools.config_reference",
                  file=sys.stderr)
            return 1
        print("configuration reference OK")
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
