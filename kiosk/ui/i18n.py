"""Which languages the kiosk speaks, and switching between them while it runs.

The languages are whatever compiled catalogues (`translations/kiosk_<code>.qm`) are
present, so adding one is a data task: a new `.ts`/`.qm` pair, no code. Each catalogue
names its own language (the "Language" context translates "English" into the language's
own name), which is what the language button shows.

Switching removes the previous translators and installs the new ones on the running
application; Qt then sends `QEvent.LanguageChange` to every widget, and widgets
re-translate themselves in `changeEvent`. A missing or damaged catalogue must never stop a
customer from using the kiosk: it is logged and the English source text is shown instead.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from kiosk.paths import translations_dir

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
SOURCE_LANGUAGE = "en"
PSEUDO_LANGUAGE = "pseudo"
CATALOGUE_PREFIX = "kiosk_"

# Object names of the translators this module installs, so it can find and remove them
# again without keeping state of its own: they are children of the application.
_KIOSK_TRANSLATOR = "kiosk-catalogue"
_QT_TRANSLATOR = "qt-base-catalogue"
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(_[A-Z]{2}|_[A-Z][a-z]{3})?|" + PSEUDO_LANGUAGE)


@dataclass(frozen=True)
class Language:
    code: str
    """The catalogue's code: `zh_CN`, `en`, `pseudo`."""
    native_name: str
    """The language's name in itself (中文, English), shown on the language button."""


def catalogue_path(code: str, directory: Path | None = None) -> Path:
    return (directory or translations_dir()) / f"{CATALOGUE_PREFIX}{code}.qm"


def available_languages(
    directory: Path | None = None, *, include_pseudo: bool = False
) -> list[Language]:
    """The languages with a readable catalogue: the default first, then by code.

    The pseudo-language is for finding clipped text during development and is left out
    unless asked for.
    """
    folder = directory or translations_dir()
    languages: list[Language] = []
    for path in sorted(folder.glob(f"{CATALOGUE_PREFIX}*.qm")):
        code = path.stem.removeprefix(CATALOGUE_PREFIX)
        if code == PSEUDO_LANGUAGE and not include_pseudo:
            continue
        translator = QTranslator()
        if not translator.load(str(path)):
            log.warning("language catalogue %s cannot be read; %s is not offered", path, code)
            continue
        native_name = translator.translate("Language", "English") or code
        languages.append(Language(code, native_name))
    languages.sort(key=lambda language: (language.code != DEFAULT_LANGUAGE, language.code))
    return languages


def unload_language(app: QCoreApplication) -> None:
    """Remove the catalogues `load_language` installed: the English source text shows."""
    for translator in app.findChildren(QTranslator):
        if translator.objectName() in (_KIOSK_TRANSLATOR, _QT_TRANSLATOR):
            app.removeTranslator(translator)
            translator.setParent(None)  # back to Python, which deletes it


def load_language(app: QCoreApplication, code: str, directory: Path | None = None) -> bool:
    """Switch the running application to `code`; False (and a warning) if that failed.

    Whatever happens, the previous language is removed first, so a failure shows the
    English source text rather than a mix of two languages. Qt's own catalogue (for the
    texts of standard dialogs and context menus) is added when the Qt installation has
    one for the language; its absence is normal and only logged at debug level.
    """
    unload_language(app)
    if not _LANGUAGE_CODE.fullmatch(code):
        log.warning("%r is not a language code; showing the English source text", code)
        return False
    path = catalogue_path(code, directory)
    if not path.is_file():
        log.warning(
            "language catalogue %s is missing; showing the English source text instead", path
        )
        return False
    translator = QTranslator(app)
    translator.setObjectName(_KIOSK_TRANSLATOR)
    if not translator.load(str(path)):
        translator.setParent(None)
        log.warning(
            "language catalogue %s is damaged or unreadable; showing the English source text"
            " instead (rebuild it with: python -m tools.i18n build)",
            path,
        )
        return False
    _install_qt_catalogue(app, code)
    app.installTranslator(translator)
    log.info("language switched to %s (%s)", code, path)
    return True


def _install_qt_catalogue(app: QCoreApplication, code: str) -> None:
    if code == PSEUDO_LANGUAGE:
        return
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    translator.setObjectName(_QT_TRANSLATOR)
    if translator.load(f"qtbase_{code}", qt_translations):
        app.installTranslator(translator)
    else:
        translator.setParent(None)
        log.debug("no Qt base catalogue for %s in %s", code, qt_translations)
