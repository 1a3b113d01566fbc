"""A row that stacks its parts when too narrow for them side by side, and follows its parts'
words: a language switch while they were hidden must not leave them squeezed side by side."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.ui.widgets import AdaptiveRow, BigButton


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
