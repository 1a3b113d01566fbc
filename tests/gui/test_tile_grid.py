"""Home's tiles fill the width in even rows, each within two lines and its maximum width."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets import BigButton
from kiosk.ui.widgets.tile_grid import TileGrid

GAP = 10
WORDS = ["Take a ticket", "Questions and answers", "I'm not sure what I need",
         "Text size and sound"]


def _tiles(qtbot: QtBot, texts: list[str], width: int, *, most_width: int = 10_000
           ) -> tuple[QWidget, list[BigButton]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = TileGrid(4, holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(GAP)
    tiles = [BigButton(text) for text in texts]
    for tile in tiles:
        tile.setMaximumWidth(most_width)
        layout.addWidget(tile)
    holder.resize(width, 2000)
    holder.show()
    qtbot.waitUntil(lambda: tiles[0].width() > 0)
    return holder, tiles


def _rows(tiles: list[BigButton]) -> list[list[BigButton]]:
    rows: dict[int, list[BigButton]] = {}
    for tile in tiles:
        rows.setdefault(tile.y(), []).append(tile)
    return [rows[top] for top in sorted(rows)]


def test_four_tiles_that_fit_take_one_row_and_the_whole_width(qtbot: QtBot) -> None:
    widest = max(BigButton(text).sizeHint().width() for text in WORDS)
    width = 4 * widest + 3 * GAP
    _holder, tiles = _tiles(qtbot, WORDS, width)
    assert len(_rows(tiles)) == 1
    assert tiles[0].x() == 0 and tiles[-1].geometry().right() == pytest.approx(width - 1, abs=4)
    assert all(tile.lines_at(tile.width()) <= 2 and tile.text_fits() for tile in tiles)


@pytest.mark.parametrize("share", [0.5, 0.35])
def test_too_narrow_for_four_two_lines_each_they_go_two_by_two_never_three_and_one(
        qtbot: QtBot, share: float) -> None:
    widest = max(BigButton(text).sizeHint().width() for text in WORDS)
    _holder, tiles = _tiles(qtbot, WORDS, int(4 * widest * share))
    rows = _rows(tiles)
    assert len({len(row) for row in rows}) == 1, [len(row) for row in rows]
    assert len(rows) in (2, 4)
    assert all(tile.lines_at(tile.width()) <= 2 or len(rows) == 4 for tile in tiles)
    assert all(tile.text_fits() for tile in tiles)


def test_a_tile_never_grows_past_its_maximum_width(qtbot: QtBot) -> None:
    _holder, tiles = _tiles(qtbot, ["A", "B", "C", "D"], 2000, most_width=300)
    assert {tile.width() for tile in tiles} == {300}
    assert [tile.x() for tile in tiles] == [0, 310, 620, 930]  # kept to the left
