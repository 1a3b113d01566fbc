"""The console's screens: every one draws in both languages, the language switches live,
and every control says what it is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QPlainTextEdit

from kiosk import __version__
from kiosk.console import console_style
from kiosk.console.render_console import render_console
from kiosk.console.render_stage import SCREENS
from kiosk.core.config import load_config
from kiosk.core.help.events import Category, new_raise
from kiosk.ui.screen_check.contrast import contrast_ratio
from tests.helpers.branch import write_branch_config
from tests.helpers.console_desk import ConsoleDesk, make_desk

EXAMPLE = Path(__file__).resolve().parents[2] / "deploy" / "example-branch.toml"


@pytest.fixture
def desk(qtbot, tmp_path: Path) -> Iterator[ConsoleDesk]:  # type: ignore[no-untyped-def]
    desk = make_desk(load_config(write_branch_config(tmp_path / "config", 1883)),
                     tmp_path / "data")
    yield desk
    desk.parts.language.switch(QCoreApplication.instance(), "en")  # type: ignore[arg-type]
    desk.parts.stop()


def test_render_console_draws_every_screen_in_both_languages(tmp_path: Path) -> None:
    assert render_console(str(EXAMPLE), str(tmp_path), ["zh_CN", "en"],
                          ["help-calls", "reports", "floating-banner"]) == 0
    for language in ("zh_CN", "en"):
        for name in ("help-calls", "reports", "floating-banner"):
            image = QImage(str(tmp_path / language / f"{name}.png"))
            assert not image.isNull() and image.width() > 600, (language, name)
    assert {s.name for s in SCREENS} >= {"signed-out", "help-calls", "locked", "no-sound",
                                         "queue", "kiosks", "announcements", "history",
                                         "reports", "drills", "floating-banner"}


def test_the_language_switches_while_the_console_runs(desk: ConsoleDesk) -> None:
    desk.show_events([new_raise("kiosk-1", desk.clock(), category=Category.PRIVATE_TALK)])
    calls = desk.window.calls
    assert calls.model.cell_text(0, 2) == "Special attention: approach calmly"
    assert desk.window.language_button.text() == "中文"
    desk.window.language_button.click()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert desk.parts.language.code == "zh_CN"
    assert calls.model.cell_text(0, 2) == "特别关注：请从容上前"
    assert calls.model.cell_text(0, 0) == "一号自助机"  # names from the branch file follow
    assert desk.window.tabs.tabText(0) == "排队叫号"
    assert desk.window.language_button.text() == "English"
    # Fixed words given with their controls follow too: shown and accessible names.
    assert desk.window.queue.call_next.text() == "呼叫下一位"
    assert desk.window.lock_button.text() == "锁定"
    assert desk.window.language_button.accessibleName() == "切换语言"


def test_about_names_the_version_and_the_desk_without_blocking_the_alarms(
        desk: ConsoleDesk) -> None:
    window = desk.window
    window.about_button.click()
    about = window._about
    assert about is not None and about.isVisible()
    assert not about.isModal()  # a call arriving now still rings and shows
    assert __version__ in about.text() and window.console_id in about.text()
    desk.show_events([new_raise("kiosk-1", desk.clock())])
    assert window.calls.model.rowCount() == 1
    about.close()


def test_every_control_says_what_it_is(desk: ConsoleDesk) -> None:
    desk.sign_in("wang-fang")
    desk.show_events([new_raise("kiosk-1", desk.clock())])
    nameless = []
    for widget in desk.window.findChildren(QAbstractButton):
        if widget.objectName().startswith("qt_"):
            continue  # Qt's own parts of a view (the table's corner), not our controls
        if not (widget.text() or widget.accessibleName()):
            nameless.append(widget.objectName() or type(widget).__name__)
    for kind in (QLineEdit, QPlainTextEdit, QAbstractItemView):
        for widget in desk.window.findChildren(kind):
            if widget.objectName() and not widget.accessibleName():
                nameless.append(widget.objectName())
    assert sorted(set(nameless)) == []


@pytest.mark.parametrize("name", sorted(console_style.ALL_PAIRS))
def test_every_text_colour_is_at_least_7_to_1_on_its_background(name: str) -> None:
    pair = console_style.ALL_PAIRS[name]
    assert contrast_ratio(pair.text, pair.background) >= 7.0


def test_a_language_change_keeps_the_chosen_service_and_printer(desk: ConsoleDesk) -> None:
    tickets, queue = desk.window.desk_tickets, desk.window.queue
    tickets.service.setCurrentIndex(1)
    tickets.print_at.setCurrentIndex(tickets.print_at.findData("kiosk-1"))
    queue.transfer_to.setCurrentIndex(1)
    chosen = (tickets.service.currentData(), queue.transfer_to.currentData())
    desk.window.language_button.click()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert (tickets.service.currentData(), queue.transfer_to.currentData()) == chosen
    assert tickets.print_at.currentData() == "kiosk-1"
    assert tickets.print_at.itemText(0) != "Show at this desk only"  # in Chinese now
