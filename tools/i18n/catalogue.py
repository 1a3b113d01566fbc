"""Reading and filling Qt Linguist `.ts` catalogues with `xml.etree`.

Only what the checks need is modelled: which messages a catalogue holds, in which state,
and their translated text. Writing is limited to filling in translations (the English
catalogue and the pseudo-language are generated); `pyside6-lupdate` owns everything else
in the file and rewrites it in its canonical layout afterwards.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CATALOGUE_PREFIX = "kiosk_"
SOURCE_LANGUAGE = "en"
PSEUDO_LANGUAGE = "pseudo"

FINISHED = "finished"
UNFINISHED = "unfinished"
# lupdate marks a message whose source text left the code "vanished" (older Qt: "obsolete").
OBSOLETE_STATES = frozenset({"vanished", "obsolete"})


class CatalogueError(ValueError):
    """A `.ts` file that cannot be read as a Qt Linguist catalogue."""


@dataclass(frozen=True, order=True)
class MessageKey:
    """What identifies a message for `QTranslator`: context, source text, disambiguation."""

    context: str
    source: str
    disambiguation: str = ""


@dataclass(frozen=True)
class Message:
    key: MessageKey
    translations: tuple[str, ...]
    """One text, or one per plural form for a numerus message."""
    state: str
    locations: tuple[str, ...] = ()
    """`path:line` of the code using it, when the catalogue records locations."""

    @property
    def is_obsolete(self) -> bool:
        return self.state in OBSOLETE_STATES


@dataclass(frozen=True)
class Catalogue:
    path: Path
    language: str
    messages: tuple[Message, ...]

    @property
    def code(self) -> str:
        """The language code in the file name: `kiosk_zh_CN.ts` -> `zh_CN`."""
        return catalogue_code(self.path)


def catalogue_code(path: Path) -> str:
    return path.stem.removeprefix(CATALOGUE_PREFIX)


def catalogue_paths(translations_dir: Path) -> list[Path]:
    """The `.ts` files of the product, source language first, pseudo-language last."""
    paths = sorted(translations_dir.glob(f"{CATALOGUE_PREFIX}*.ts"))
    order = {SOURCE_LANGUAGE: 0, PSEUDO_LANGUAGE: 2}
    return sorted(paths, key=lambda path: (order.get(catalogue_code(path), 1), path.name))


def _text(element: ET.Element | None) -> str:
    return "" if element is None or element.text is None else element.text


def _read_message(context: str, element: ET.Element) -> Message:
    translation = element.find("translation")
    if translation is None:
        translation = ET.Element("translation", {"type": UNFINISHED})
    if element.get("numerus") == "yes":
        forms = tuple(_text(form) for form in translation.findall("numerusform"))
    else:
        forms = (_text(translation),)
    locations = tuple(
        f"{location.get('filename', '')}:{location.get('line', '')}"
        for location in element.findall("location")
    )
    return Message(
        key=MessageKey(context, _text(element.find("source")), _text(element.find("comment"))),
        translations=forms,
        state=translation.get("type", FINISHED),
        locations=locations,
    )


def _parse_root(path: Path) -> ET.Element:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise CatalogueError(f"{path.name}: cannot be read as XML: {error}") from None
    if root.tag != "TS":
        raise CatalogueError(f"{path.name}: not a Qt Linguist catalogue (no <TS> root)")
    return root


def read_catalogue(path: Path) -> Catalogue:
    root = _parse_root(path)
    messages = tuple(
        _read_message(_text(context.find("name")), message)
        for context in root.iter("context")
        for message in context.iter("message")
    )
    return Catalogue(path=path, language=root.get("language", ""), messages=messages)


def fill_translations(path: Path, translate: Callable[[Message], str | None]) -> int:
    """Set the translation of every live message for which `translate` returns text.

    The message is marked finished; plural forms all get the same text. Returns how many
    messages changed. Used for generated catalogues only: translators use Linguist.
    """
    root = _parse_root(path)
    changed = 0
    for context in root.iter("context"):
        context_name = _text(context.find("name"))
        for element in context.iter("message"):
            message = _read_message(context_name, element)
            if message.is_obsolete:
                continue
            text = translate(message)
            if text is None:
                continue
            if message.state == FINISHED and all(form == text for form in message.translations):
                continue
            translation = element.find("translation")
            if translation is None:
                translation = ET.SubElement(element, "translation")
            translation.attrib.pop("type", None)
            forms = translation.findall("numerusform")
            if element.get("numerus") == "yes":
                for form in forms or [ET.SubElement(translation, "numerusform")]:
                    form.text = text
            else:
                translation.text = text
            changed += 1
    if changed:
        declaration = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        body = ET.tostring(root, encoding="unicode")
        path.write_text(declaration + body + "\n", encoding="utf-8")
    return changed
