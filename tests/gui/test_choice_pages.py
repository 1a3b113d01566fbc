"""A list of choices on a narrow panel: a choice too wide for its column's share starts a
shorter row, and the pager's words go on as many lines as they need, inside the list."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.customer.choice_pages import Choice, ChoicePages


def test_a_long_word_drops_a_column_in_its_row_and_the_pager_stays_inside(
        qtbot: QtBot) -> None:
    pages = ChoicePages("choices", columns=2)
    qtbot.addWidget(pages)
    pages.set_gap(10)
    pages.set_pager_texts("Previous choices", "More choices",
                          "Page {page} of {count} of the choices")
    pages.set_choices([Choice("Deposits"), Choice("Withdrawalsandtransfersandmore"),
                       Choice("Pensions"), Choice("Cards")] * 3)
    long_word = pages.buttons[1].minimumSizeHint().width()
    pages.resize(long_word + 60, pages.minimumSizeHint().height())
    pages.show()
    qtbot.waitUntil(lambda: pages.buttons[0].width() > 0)

    shown = pages.shown_buttons()
    assert pages.page_count > 1
    inside = pages.rect()
    for widget in [*shown, pages.next_button, pages.page_label]:
        assert inside.contains(widget.geometry()), widget.objectName()
    for button in shown:
        assert button.text_fits()
        for other in (pages.next_button, pages.page_label):
            assert not button.geometry().intersects(other.geometry())
    assert pages.page_label.text_fits()
