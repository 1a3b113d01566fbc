"""A row that stacks its parts when too narrow for them side by side, and follows its parts'
words: a language switch while they were hidden must not leave them squeezed side by side."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets import AdaptiveRow, BigButton, BigLabel


def test_parts_shown_again_with_longer_words_stack_at_the_same_width(qtbot: QtBot) -> None:
    row = AdaptiveRow(preferred=True)
    qtbot.addWidget(row)
    parts = [BigButton("Yes"), BigButton("No")]
    for part in parts:
        row.add_widget(part)
    row.resize(row.side_by_side_width() + 20, 400)
    row.show()
    qtbot.waitUntil(lambda: not row.stacked)

    for part in parts:
        part.hide()
    parts[0].setText("Yes, please put me back in line")
    parts[1].setText("No, thank you, not this time")
    for part in parts:
        part.show()

    qtbot.waitUntil(lambda: row.stacked)
    assert row.width() < row.side_by_side_width()


def test_a_stacked_part_narrower_than_the_row_gets_the_height_of_its_words(
        qtbot: QtBot) -> None:
    # The ticket's code column has a maximum width: stacked under the ticket it is laid out
    # at that width, where its words take more lines than at the row's whole width.
    page = QWidget()
    qtbot.addWidget(page)
    row = AdaptiveRow()
    words = "Scan it with your phone to follow the queue. " * 3
    wide, narrow = BigLabel(words), BigLabel(words)
    wide.setMinimumWidth(200)  # too wide to go beside the other in 250 px
    narrow.setMaximumWidth(150)
    for label in (wide, narrow):
        column = QVBoxLayout()
        column.addWidget(label)
        row.add_layout(column)
    layout = QVBoxLayout(page)
    layout.addWidget(row)
    layout.addStretch(1)
    page.resize(250, 2000)
    page.show()
    qtbot.waitUntil(lambda: row.stacked)
    qtbot.waitUntil(lambda: narrow.height() >= narrow.heightForWidth(narrow.width()))
    assert narrow.width() == 150
    assert narrow.text_fits() and wide.text_fits()
    assert not wide.geometry().intersects(narrow.geometry())
