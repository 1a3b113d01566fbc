"""Moving focus speaks the control's name and role, in the screen's language; a PIN is
never spoken."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.speech.api import Priority
from kiosk.speech.focus_reader import FOCUS_CHANNEL, FocusReader, mark_private
from tests.helpers.fake_speaker import FakeSpeaker

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROLES_ZH = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FocusReader</name>
    <message><source>button</source><translation>按钮</translation></message>
    <message><source>check box</source><translation>复选框</translation></message>
</context>
</TS>
"""


class Screen(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.ticket = QPushButton("取号")
        self.large_text = QCheckBox("大字")
        self.named = QPushButton("?")
        self.named.setAccessibleName("帮助")
        self.pin = QLineEdit()
        self.pin.setAccessibleName("PIN")
        mark_private(self.pin)
        self.keypad = QWidget()
        keypad_layout = QVBoxLayout(self.keypad)
        self.key_five = QPushButton("5")
        keypad_layout.addWidget(self.key_five)
        mark_private(self.keypad)
        self.password = QLineEdit()
        self.password.setAccessibleName("Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for widget in (self.ticket, self.large_text, self.named, self.pin, self.keypad,
                       self.password):
            layout.addWidget(widget)


@pytest.fixture
def language() -> list[str]:
    return ["en"]


@pytest.fixture
def setup(qtbot: QtBot, language: list[str]) -> Iterator[tuple[Screen, FakeSpeaker,
                                                                FocusReader]]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    speaker = FakeSpeaker()
    reader = FocusReader(app, speaker, lambda: language[0])
    screen = Screen()
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    speaker.said.clear()
    yield screen, speaker, reader
    reader.detach()


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_focus_speaks_name_and_role(qtbot: QtBot,
                                    setup: tuple[Screen, FakeSpeaker, FocusReader]) -> None:
    screen, speaker, _ = setup
    focus(qtbot, screen.large_text)
    focus(qtbot, screen.named)
    focus(qtbot, screen.ticket)
    assert speaker.texts == ["大字, check box", "帮助, button", "取号, button"]
    assert speaker.last.priority is Priority.HIGH
    assert speaker.last.channel == FOCUS_CHANNEL
    assert speaker.last.language == "en"


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="needs Qt Linguist")
def test_role_words_come_from_the_translation_catalogue(
        qtbot: QtBot, setup: tuple[Screen, FakeSpeaker, FocusReader], language: list[str],
        tmp_path: Path) -> None:
    screen, speaker, _ = setup
    (tmp_path / "roles_zh_CN.ts").write_text(ROLES_ZH, encoding="utf-8")
    subprocess.run(["pyside6-lrelease", str(tmp_path / "roles_zh_CN.ts"), "-qm",
                    str(tmp_path / "roles_zh_CN.qm")], check=True, capture_output=True,
                   timeout=60)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "roles_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    language[0] = "zh_CN"
    try:
        focus(qtbot, screen.named)
        focus(qtbot, screen.ticket)
        focus(qtbot, screen.large_text)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert speaker.texts[-2:] == ["取号，按钮", "大字，复选框"]
    assert speaker.last.language == "zh_CN"


def test_private_widgets_and_passwords_are_never_spoken(
        qtbot: QtBot, setup: tuple[Screen, FakeSpeaker, FocusReader]) -> None:
    screen, speaker, _ = setup
    for private in (screen.pin, screen.key_five, screen.password):
        focus(qtbot, private)
        if isinstance(private, QLineEdit):
            qtbot.keyClicks(private, "1234")
    assert speaker.said == []
    focus(qtbot, screen.named)
    assert speaker.texts == ["帮助, button"]


def test_the_switch_turns_it_off_and_on(qtbot: QtBot,
                                        setup: tuple[Screen, FakeSpeaker, FocusReader]) -> None:
    screen, speaker, reader = setup
    reader.set_enabled(False)
    focus(qtbot, screen.named)
    focus(qtbot, screen.large_text)
    assert speaker.said == [] and not reader.enabled
    reader.set_enabled(True)
    focus(qtbot, screen.ticket)
    assert speaker.texts == ["取号, button"]


def test_describe_without_focus_changes(setup: tuple[Screen, FakeSpeaker,
                                                     FocusReader]) -> None:
    screen, _, reader = setup
    assert reader.describe(None) is None
    assert reader.describe(screen.pin) is None
    assert reader.describe(screen.large_text) == "大字, check box"
