"""A grid of names or keys that drops a column rather than grow past the panel's edge."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets import BigButton, ColumnsLayout


def _grid(qtbot: QtBot, texts: list[str], columns: int, **options: int | bool
          ) -> tuple[QWidget, ColumnsLayout, list[BigButton]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = ColumnsLayout(columns, holder, **options)  # type: ignore[arg-type]
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(10)
    buttons = [BigButton(text) for text in texts]
    for button in buttons:
        layout.addWidget(button)
    return holder, layout, buttons


def test_too_narrow_for_four_names_a_row_it_drops_columns_and_stays_inside(
        qtbot: QtBot) -> None:
    names = ["Wangfangfang", "Liming", "Zhangweiwei", "Chenjingjing"]
    holder, layout, buttons = _grid(qtbot, names, 4, fewest=2)
    widest = max(button.minimumSizeHint().width() for button in buttons)
    assert layout.minimumSize().width() <= 2 * widest + 10  # room for two, not four
    holder.resize(3 * widest + 25, 600)
    holder.show()
    qtbot.waitUntil(lambda: buttons[0].width() > 0)
    assert layout.columns_for(holder.width()) < 4
    for button in buttons:
        assert button.geometry().right() < holder.width()
        assert button.text_fits()
    assert buttons[3].y() > buttons[0].y()  # the fourth name is on a row of its own


def test_keys_stay_even_and_three_a_row_when_narrowed(qtbot: QtBot) -> None:
    keys = ["1", "2", "3", "Delete", "0", "OK"]
    holder, layout, buttons = _grid(qtbot, keys, 3, fewest=3, even=True)
    holder.resize(layout.minimumSize().width(), 600)
    holder.show()
    qtbot.waitUntil(lambda: buttons[0].width() > 0)
    assert len({button.width() for button in buttons}) == 1
    assert {button.y() for button in buttons[:3]} == {buttons[0].y()}
    assert all(button.text_fits() for button in buttons)
