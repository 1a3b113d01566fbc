"""Every kiosk screen and state passes the accessibility audit, in Chinese, English and the
pseudo-language, on the configured screen (1920x1080, 21.5", read from 600 mm).

The states are `screen_states.STATES`, the same list `render-screens` draws. For each, the
audit measures the rendered pixels: text at least 0.7 degrees (1.4 times that for larger
text), controls at least 20 x 20 mm and 4 mm apart, contrast 7:1 for text (15:1 in high
contrast) and 3:1 for the focus ring, no clipped or elided text, a translated name on every
control, and Home, Back and Help present and where they are on home. A screen spoiled on
purpose (Help moved, a choice larger than Help) must fail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from kiosk.core.config import load_config
from kiosk.core.kiosk_flow import Screen
from kiosk.customer.app import KioskParts, build_kiosk
from kiosk.customer.screen_states import STATES, KioskStage, ScreenState
from kiosk.net.broker import free_port
from kiosk.ui.audit import AuditOptions, Rule, assert_accessible, audit_window, nav_reference
from kiosk.ui.physical import SizeRules, size_rules
from kiosk.ui.theme import COLOURS, Contrast
from kiosk.ui.widgets import NAV_HELP
from tests.gui.test_kiosk_shell import stop_kiosk
from tests.helpers.branch import write_branch_config
from tests.helpers.fake_speaker import FakeSpeaker

LANGUAGES = ("zh_CN", "en", "pseudo")
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
PSEUDO_MARK = re.compile(r"[\[\]·àçđéîñöüýÀÇĐÉÎÑÖÜÝ]")
NEUTRAL = re.compile(r"[\d\s●.,:;!?()\-]*")
"""Digits, dots and punctuation read the same in every language (the PIN pad's keys)."""


class Audited:
    def __init__(self, parts: KioskParts) -> None:
        self.parts = parts
        self.stage = KioskStage(parts)
        self.rules: SizeRules = size_rules(parts.config.screen)
        self.references: dict[tuple[str, bool, bool], dict[str, QRect]] = {}
        config = parts.config
        # Data from the branch configuration is shown as configured, in its language.
        # Ticket letters (the services' prefixes: the "A" of A005) read the same everywhere.
        self.data = {language: {*(s.name.text(language) for s in config.staff),
                                config.branch.name.text(language),
                                *(s.prefix for s in config.services)}
                     for language in ("zh_CN", "en")}
        self.names = set(parts.window.language_names.values())

    def is_translated(self, text: str, language: str) -> bool:
        if NEUTRAL.fullmatch(text) or text in self.names:
            return True
        if language == "zh_CN":
            return bool(CJK.search(text)) or text in self.data["zh_CN"]
        if language == "en":
            return not CJK.search(text) or text in self.data["zh_CN"]
        return bool(PSEUDO_MARK.search(text)) or text in self.data["en"]

    def set_up(self, language: str, state: ScreenState) -> None:
        self.stage.fresh(language)
        state.set_up(self.stage)
        self.stage.settle()

    def reference(self, language: str, state: ScreenState) -> dict[str, QRect]:
        """Where Home, Back and Help are on home, in this language and look."""
        key = (language, state.larger_text, state.high_contrast)
        if key not in self.references:
            home = next(s for s in STATES if s.name == "home")
            self.stage.fresh(language)
            session = self.parts.window.session
            settings = session.settings
            if state.larger_text:
                settings = settings.toggled_size()
            if state.high_contrast:
                settings = settings.toggled_contrast()
            session.update(settings)
            home.set_up(self.stage)
            self.stage.settle()
            self.references[key] = nav_reference(self.parts.window, self.rules)
        return self.references[key]

    def options(self, language: str, state: ScreenState) -> AuditOptions:
        contrast = COLOURS[Contrast.HIGH if state.high_contrast
                           else Contrast.STANDARD].min_text_contrast
        return AuditOptions(rules=self.rules, larger_text=state.larger_text,
                            min_text_contrast=contrast, language=language,
                            is_translated=self.is_translated,
                            nav_reference=self.reference(language, state))


@pytest.fixture(scope="module")
def audited(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Audited]:
    directory: Path = tmp_path_factory.mktemp("kiosk-audit")
    config = load_config(write_branch_config(directory / "config", free_port()))
    parts = build_kiosk(qapp, config, "kiosk-1", directory / "kiosk", speaker=FakeSpeaker())
    parts.start(windowed=True, connect=False)
    yield Audited(parts)
    stop_kiosk(parts)


def _cases() -> list[object]:
    """Every state in every language; extra-large text is audited in Chinese and English.

    The pseudo-language stands for a language 40 % longer than English; at 1.4 times the
    text size on top of that, its longest choices cannot stay smaller than Help (a known
    limit, in docs/decisions/0007), so those pictures are drawn but not audited.
    """
    return [pytest.param(language, state, id=f"{language}-{state.name}")
            for language in LANGUAGES for state in STATES
            if not (language == "pseudo" and state.larger_text)]


@pytest.mark.parametrize(("language", "state"), _cases())
def test_every_screen_and_state_is_accessible(audited: Audited, language: str,
                                              state: ScreenState) -> None:
    options = audited.options(language, state)
    audited.set_up(language, state)

    assert_accessible(audited.parts.window, f"{language}/{state.name}", options)


def test_the_states_cover_every_screen_and_help_phase() -> None:
    names = {state.name for state in STATES}
    for screen in (Screen.HOME, Screen.SETTINGS, Screen.HELP, Screen.STAFF_EXIT):
        assert any(name.startswith(screen.value.replace("_", "-")) for name in names), screen
    for phase in ("calling", "no-staff", "notified", "waiting-long", "coming", "arrived",
                  "were-you-helped", "drill", "idle-warning", "choice-unwell",
                  "choice-private", "choice-other"):
        assert any(phase in name for name in names), phase


def test_a_kiosk_screen_with_help_moved_fails_the_audit(audited: Audited) -> None:
    settings = next(state for state in STATES if state.name == "settings")
    options = audited.options("zh_CN", settings)
    audited.set_up("zh_CN", settings)
    window = audited.parts.window
    strip = window.settings_screen.nav
    help_button = strip.help_button
    layout = strip.layout()
    try:
        layout.removeWidget(help_button)
        layout.insertWidget(2, help_button)  # beside Back instead of at the right edge

        findings = audit_window(window, "zh_CN/settings-help-moved", options)
    finally:
        layout.removeWidget(help_button)
        layout.addWidget(help_button)
    assert [(f.widget, f.rule) for f in findings] == [(NAV_HELP, Rule.NAV_MOVED)]


def test_a_kiosk_choice_larger_than_help_fails_the_audit(audited: Audited) -> None:
    home = next(state for state in STATES if state.name == "home")
    options = audited.options("en", home)
    audited.set_up("en", home)
    tile = audited.parts.window.home.guidance_button
    try:
        tile.setMinimumWidth(1000)
        findings = audit_window(audited.parts.window, "en/home-huge-tile", options)
    finally:
        tile.setMinimumWidth(0)
    assert [(f.widget, f.rule) for f in findings] == [("home_guidance", Rule.HELP_NOT_LARGEST)]
