"""The bundled Chinese font, so Chinese never shows as empty boxes.

A freshly installed Debian has no CJK font at all; a kiosk that relied on the machine
would greet its customers with rows of boxes. The kiosk therefore ships a subset of
Noto Sans CJK SC (all of GB2312, Latin, CJK punctuation; see
docs/decisions/0003-translations-and-fonts.md) renamed "Kiosk Sans SC", and registers it
with Qt at start-up (a few milliseconds). Characters outside the subset still fall back
to whatever fonts the machine has.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication

from kiosk.paths import assets_dir

log = logging.getLogger(__name__)

FONT_FAMILY = "Kiosk Sans SC"
FONT_FILES = ("KioskSansSC-Regular.otf", "KioskSansSC-Bold.otf")


def fonts_dir() -> Path:
    return assets_dir() / "fonts"


def load_fonts(directory: Path | None = None) -> str:
    """Register the bundled fonts with Qt and return the family name the UI should use.

    Needs a QGuiApplication. A font that is missing or does not load is logged as an error
    and the others still load; if none loads, the system's default family is returned so
    the kiosk keeps running (Chinese may then show as boxes on a machine without a CJK
    font, which the log explains).
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("load_fonts() needs a QGuiApplication; create it first")
    folder = directory or fonts_dir()
    loaded: list[str] = []
    for name in FONT_FILES:
        path = folder / name
        started = time.perf_counter()
        font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            reason = "is missing" if not path.is_file() else "could not be loaded"
            log.error(
                "bundled font %s %s; Chinese text may show as empty boxes on this machine",
                path,
                reason,
            )
            continue
        log.debug("loaded font %s in %.1f ms", path, (time.perf_counter() - started) * 1000)
        loaded.extend(families)
    if FONT_FAMILY in loaded:
        return FONT_FAMILY
    if loaded:
        log.warning("bundled fonts name %s, not %s; using %s", loaded, FONT_FAMILY, loaded[0])
        return loaded[0]
    fallback = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    log.error("no bundled font could be loaded; falling back to the system font %r", fallback)
    return fallback
