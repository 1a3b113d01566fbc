"""The staged screen states (`screen_states.STATES`, which the screen check, the pictures
and the tap benchmark walk) leave nothing behind: after any of them, `KioskStage.fresh`
gives a kiosk nobody has used, so each state is judged as itself whatever ran before it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.core.config import load_config
from kiosk.core.kiosk_flow import Screen
from kiosk.customer.app import KioskParts, build_kiosk
from kiosk.customer.screen_states import STATES, KioskStage, ScreenState
from kiosk.net.broker import free_port
from tests.helpers.branch import write_branch_config
from tests.helpers.fake_speaker import FakeSpeaker
from tests.helpers.kiosk_harness import stop_kiosk

HELP_SHOWN = next(state for state in STATES if state.name == "help-coming")
"""A state that shows the customer their call: a call left hidden by an earlier state
would keep it off the screen."""


@pytest.fixture(scope="module")
def parts(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KioskParts]:
    directory: Path = tmp_path_factory.mktemp("staged")
    config = load_config(write_branch_config(directory / "config", free_port()))
    built = build_kiosk(qapp, config, "kiosk-1", directory / "kiosk", speaker=FakeSpeaker())
    built.start(windowed=True, connect=False)
    yield built
    stop_kiosk(built)


def _shown(parts: KioskParts) -> QWidget | None:
    return parts.window.host.current


@pytest.mark.parametrize("state", STATES, ids=[state.name for state in STATES])
def test_a_fresh_kiosk_follows_any_state_as_if_nobody_had_used_it(
    parts: KioskParts, state: ScreenState
) -> None:
    stage, window = KioskStage(parts), parts.window
    stage.fresh("zh_CN")
    state.set_up(stage)
    stage.settle()

    stage.fresh("en")
    stage.settle()

    assert window.flow.screen is Screen.HOME
    assert window.host.current is window.home
    assert not window.help.quiet
    assert not window.help.call_open
    assert not window.magnifier.on
    assert not window.takeover.active

    HELP_SHOWN.set_up(stage)
    stage.settle()

    assert _shown(parts) is window.help_screen
    assert window.help.call_open and not window.help.quiet
