"""Language switching as a customer sees it: the real catalogues, widgets rendered offscreen."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.paths import translations_dir
from kiosk.ui.i18n import (
    DEFAULT_LANGUAGE,
    Language,
    available_languages,
    load_language,
    unload_language,
)
from kiosk.ui.strings import VOCABULARY, vocabulary_text


class Navigation(QWidget):
    """A screen whose class name is the vocabulary context "Navigation", so its `self.tr()`
    finds the catalogue entries exactly as a screen's `tr()` finds its own strings."""

    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel()
        self.help_button = QPushButton()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.help_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Home"))
        self.help_button.setText(self.tr("Call staff"))
        self.help_button.setAccessibleName(vocabulary_text("Navigation", "help_button_description"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    unload_language(qapp)


@pytest.fixture
def screen(qtbot: QtBot) -> Navigation:
    widget = Navigation()
    qtbot.addWidget(widget)
    widget.resize(480, 240)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown(screen: Navigation) -> tuple[str, str]:
    return screen.title.text(), screen.help_button.text()


def rendering(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def test_zh_cn_is_the_default_and_listed_first_with_its_own_name() -> None:
    languages = available_languages()
    assert DEFAULT_LANGUAGE == "zh_CN"
    assert languages[:2] == [Language("zh_CN", "中文"), Language("en", "English")]
    assert "pseudo" not in [language.code for language in languages]
    assert "pseudo" in [language.code for language in available_languages(include_pseudo=True)]


def test_switching_live_retranslates_the_screen(
    app: QApplication, screen: Navigation, qtbot: QtBot
) -> None:
    assert load_language(app, "zh_CN")
    qtbot.waitUntil(lambda: shown(screen) == ("首页", "呼叫工作人员"), timeout=5000)
    chinese = rendering(screen)
    assert screen.help_button.accessibleName() == "按这里，工作人员会过来帮您。"

    assert load_language(app, "en")
    qtbot.waitUntil(lambda: shown(screen) == ("Home", "Call staff"), timeout=5000)
    assert rendering(screen) != chinese

    assert load_language(app, "zh_CN")
    qtbot.waitUntil(lambda: shown(screen) == ("首页", "呼叫工作人员"), timeout=5000)
    assert rendering(screen) == chinese


def test_only_one_kiosk_catalogue_is_installed_after_switching(app: QApplication) -> None:
    for code in ("zh_CN", "en", "pseudo", "zh_CN"):
        assert load_language(app, code)
    assert vocabulary_text("Navigation", "home") == "首页"
    assert len([t for t in app.children() if t.objectName() == "kiosk-catalogue"]) == 1


def test_every_vocabulary_entry_is_chinese_in_zh_cn(app: QApplication) -> None:
    """Catches a table whose context does not match its QT_TRANSLATE_NOOP context."""
    assert load_language(app, "zh_CN")
    untranslated = [
        (context, key)
        for context, table in VOCABULARY.items()
        for key in table
        if not any("\u4e00" <= char <= "\u9fff" for char in vocabulary_text(context, key))
    ]
    assert untranslated == []


def test_placeholders_survive_translation(app: QApplication) -> None:
    assert load_language(app, "zh_CN")
    assert vocabulary_text("HelpCall", "staff_coming").format(name="王芳") == "王芳马上过来帮您。"
    assert load_language(app, "pseudo")
    assert vocabulary_text("HelpCall", "staff_coming").format(name="Wang").startswith("[Wang îs çö")


def test_pseudo_language_is_at_least_35_percent_longer_on_average(app: QApplication) -> None:
    assert load_language(app, "pseudo")
    ratios = [
        len(vocabulary_text(context, key)) / len(source)
        for context, table in VOCABULARY.items()
        for key, source in table.items()
    ]
    assert sum(ratios) / len(ratios) >= 1.35
    assert vocabulary_text("Ticket", "take_ticket") == "[Tàké à tîçkét ···]"


def test_a_missing_catalogue_falls_back_to_english_with_a_warning(
    app: QApplication, screen: Navigation, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    assert load_language(app, "zh_CN")
    qtbot.waitUntil(lambda: shown(screen) == ("首页", "呼叫工作人员"), timeout=5000)
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.i18n"):
        assert not load_language(app, "de")
    assert "kiosk_de.qm is missing" in caplog.text
    qtbot.waitUntil(lambda: shown(screen) == ("Home", "Call staff"), timeout=5000)


@pytest.mark.parametrize("content", [b"", b"not a catalogue" * 20], ids=["empty", "garbage"])
def test_a_damaged_catalogue_falls_back_to_english_with_a_warning(
    app: QApplication, tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "kiosk_zh_CN.qm").write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.i18n"):
        assert not load_language(app, "zh_CN", tmp_path)
    assert "damaged or unreadable" in caplog.text
    assert vocabulary_text("Navigation", "home") == "Home"
    assert [language.code for language in available_languages(tmp_path)] == []


def test_a_code_that_is_not_a_language_is_refused(
    app: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.i18n"):
        assert not load_language(app, "../../etc/passwd")
    assert "not a language code" in caplog.text
    assert QCoreApplication.translate("Navigation", "Home") == "Home"


def test_a_new_language_is_only_data(app: QApplication, tmp_path: Path) -> None:
    """Copying a catalogue under a new code offers that language; no code changes."""
    for name in ("kiosk_zh_CN.qm", "kiosk_en.qm"):
        (tmp_path / name).write_bytes((translations_dir() / name).read_bytes())
    (tmp_path / "kiosk_zh_SG.qm").write_bytes((translations_dir() / "kiosk_zh_CN.qm").read_bytes())
    codes = [language.code for language in available_languages(tmp_path)]
    assert codes == ["zh_CN", "en", "zh_SG"]
    assert load_language(app, "zh_SG", tmp_path)
    assert vocabulary_text("Navigation", "back") == "返回"
