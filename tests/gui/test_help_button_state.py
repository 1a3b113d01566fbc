"""The Help button says what is happening with the call, on every screen, in the screen's
language, and goes back to "Call staff" when the call is over; it stays where it was. The
staff-only button on the help screen looks and behaves staff-only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.customer.screen_states import K
from kiosk.ui.widgets import NAV_HELP
from kiosk.ui.widgets.symbols import lock_symbol
from tests.helpers.kiosk_harness import start_kiosk


def _help_texts(kiosk) -> set[str]:  # type: ignore[no-untyped-def]
    """What Help says on each screen when that screen is shown (a hidden screen takes the
    call's words when it is next shown); the screen shown before is shown again after."""
    window = kiosk.window
    shown = window.current
    texts = set()
    for screen in window.screens.values():
        window._put(screen, speak=False)
        texts.add(screen.nav.help_button.text())
    window._put(shown, speak=False)
    return texts


def test_help_says_the_call_is_being_made_then_who_is_coming(qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    kiosk = start_kiosk(qtbot, tmp_path)
    try:
        stage = kiosk.stage
        stage.fresh("zh_CN")
        member = kiosk.config.staff_member(stage.staff_id)
        assert member is not None
        name = member.name.text("zh_CN")
        where = kiosk.nav(NAV_HELP).geometry()

        stage.raise_call()
        assert _help_texts(kiosk) == {"正在呼叫工作人员"}

        stage.notified()
        assert _help_texts(kiosk) == {"已通知工作人员"}

        stage.follow(K.ACKNOWLEDGED, staff_id=stage.staff_id)
        assert _help_texts(kiosk) == {f"{name}正在过来"}
        assert kiosk.nav(NAV_HELP).accessibleName() == f"{name}正在过来"
        assert kiosk.nav(NAV_HELP).geometry() == where

        kiosk.window.session.update(kiosk.window.session.settings.with_language("en"))
        assert _help_texts(kiosk) == {f"{member.name.text('en')} is on the way"}

        stage.follow(K.ARRIVED, staff_id=stage.staff_id)
        assert _help_texts(kiosk) == {"Staff are here"}

        stage.fresh("zh_CN")
        assert _help_texts(kiosk) == {"呼叫工作人员"}
    finally:
        kiosk.stop()


def test_the_staff_only_button_has_a_padlock_is_not_read_and_comes_after_the_customers(
        qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = start_kiosk(qtbot, tmp_path)
    try:
        kiosk.stage.fresh("zh_CN")
        kiosk.stage.raise_call()
        kiosk.stage.settle()
        screen = kiosk.window.help_screen
        close = screen.close_button
        assert close.isVisible()
        assert close._symbol is lock_symbol
        assert close.text() not in screen.spoken()
        order = []
        widget = screen.nav.help_button.nextInFocusChain()
        for _ in range(len(kiosk.window.findChildren(QWidget)) + 1):
            if widget is screen.nav.home_button:
                break
            if widget.isVisible() and screen.content.isAncestorOf(widget) \
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                order.append(widget)
            widget = widget.nextInFocusChain()
        assert order[-1] is close, [w.objectName() for w in order]
    finally:
        kiosk.stop()
