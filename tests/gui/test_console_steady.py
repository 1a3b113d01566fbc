"""The console's controls stay where they are while help calls come and go: a teller who
reaches for "Call next" must not find another button there because a call just arrived."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.core.config import load_config
from kiosk.core.help.events import Category, HelpEvent, new_raise
from tests.helpers.branch import write_branch_config
from tests.helpers.console_desk import ConsoleDesk, make_desk


@pytest.fixture
def desk(qtbot: QtBot, tmp_path: Path) -> Iterator[ConsoleDesk]:
    desk = make_desk(load_config(write_branch_config(tmp_path / "config", 1883)),
                     tmp_path / "data")
    yield desk
    desk.parts.language.switch(QCoreApplication.instance(), "en")  # type: ignore[arg-type]
    desk.parts.stop()


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def queue_buttons(desk: ConsoleDesk) -> dict[str, QRect]:
    QApplication.processEvents()
    queue = desk.window.queue
    buttons = {"call_next": queue.call_next, "recall": queue.recall,
               "no_show": queue.no_show, "finish": queue.finish, "transfer": queue.transfer}
    assert all(button.isVisible() for button in buttons.values())
    return {name: global_rect(button) for name, button in buttons.items()}


def calls(count: int, at: float) -> list[HelpEvent]:
    categories = (Category.MEDICAL, Category.PRIVATE_TALK, Category.OTHER)
    return [new_raise(f"kiosk-{index + 1}", at - index, category=categories[index % 3])
            for index in range(count)]


def test_the_queue_buttons_do_not_move_when_calls_come_and_go(
        desk: ConsoleDesk, qtbot: QtBot) -> None:
    window = desk.window
    desk.sign_in("li-ming")
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.queue)
    desk.show_events([])
    desk.tick()
    places = {0: queue_buttons(desk)}
    for count in (1, 5, 0, 1):
        desk.show_events(calls(count, desk.clock()))
        desk.tick(1.0)
        places[count] = queue_buttons(desk)
        assert places[count] == places[0], f"with {count} calls the buttons moved"
