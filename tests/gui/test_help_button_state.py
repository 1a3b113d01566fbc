"""The Help button says what is happening with the call, on every screen, in the screen's
language, and goes back to "Call staff" when the call is over; it stays where it was."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.customer.screen_states import K
from kiosk.ui.widgets import NAV_HELP
from tests.gui.test_kiosk_shell import start_kiosk


def _help_texts(kiosk) -> set[str]:  # type: ignore[no-untyped-def]
    return {screen.nav.help_button.text() for screen in kiosk.window.screens.values()}


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
