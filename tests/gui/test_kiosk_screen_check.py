"""Every kiosk screen and state passes the accessibility audit on every supported panel,
in Chinese, English and the pseudo-language, with normal and larger text, in the standard
and the high-contrast colours.

The cases are generated from the product's own tables: the states are
`screen_states.STATES` (the list `render-screens` draws) and the panels
`physical.SUPPORTED_PANELS`, so a new state or panel is audited without editing this file.
Each case is one state in one look, and the audit measures the rendered window: glyphs
from their outlines against 0.7 degrees (1.4 times that for larger text), controls at
least 20 x 20 mm and 4 mm apart, text contrast 7:1 (15:1 in high contrast), nothing
beyond the panel, nothing drawn over anything else, no clipped or elided text, no choices
paged while there is room, a translated name on every control, Home, Back and Help where
they are on home, and no text smaller with larger text than without. The focus ring (each
control focused in turn, the slowest check) is audited on the 21.5-inch landscape panel,
whose ring sizes are the same millimetres as every other's. In the pseudo-language (40 %
longer than English) the longest choices outgrow Help on the smaller panels, so "Help is the
largest control" is checked in Chinese and English only (docs/decisions/0022); every other
rule holds in the pseudo-language too, with normal and with larger text.

Findings not yet fixed are listed, case by rule, in `screen_check_known.txt`: a case fails on
any finding of a rule not listed for it, so every other case must pass outright and a listed
case cannot break a new rule. A listed finding that no longer occurs does not fail the case
(a few occur only after the cases before them have run): trim the list from a full run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from _pytest.mark import ParameterSet
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QGridLayout

from kiosk.core.config import load_config
from kiosk.core.kiosk_flow import Screen
from kiosk.customer.app import KioskParts, build_kiosk
from kiosk.customer.screen_states import STATES, KioskStage, ScreenState
from kiosk.net.broker import free_port
from kiosk.ui.physical import SUPPORTED_PANELS, Panel, SizeRules, size_rules
from kiosk.ui.screen_check import CheckOptions, Finding, Rule, check_window, nav_reference
from kiosk.ui.screen_check.colour_checks import Seen
from kiosk.ui.screen_check.text_checks import shrunk_text
from kiosk.ui.theme import COLOURS, Contrast
from kiosk.ui.widgets import NAV_HELP, wrapped_text
from tests.helpers.branch import write_branch_config
from tests.helpers.fake_speaker import FakeSpeaker
from tests.helpers.kiosk_harness import stop_kiosk

LANGUAGES = ("zh_CN", "en", "pseudo")
KNOWN_FILE = Path(__file__).with_name("screen_check_known.txt")


def _known_findings() -> dict[str, frozenset[str]]:
    """Case id -> the rules it is known to break, from `KNOWN_FILE` (`case-id rule ...`)."""
    known: dict[str, frozenset[str]] = {}
    for line in KNOWN_FILE.read_text(encoding="utf-8").splitlines():
        words = line.split("#", 1)[0].split()
        if words:
            known[words[0]] = frozenset(words[1:])
    return known


KNOWN = _known_findings()
FOCUS_PANEL = "21.5in-1920x1080"
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
PSEUDO_MARK = re.compile(r"[\[\]·àçđéîñöüýÀÇĐÉÎÑÖÜÝ]")
NEUTRAL = re.compile(r"[\d\s●.,:;!?()\-]*")
"""Digits, dots and punctuation read the same in every language (the PIN pad's keys)."""


class Audited:
    """One kiosk built for one panel, and what the audit needs to judge it."""

    def __init__(self, parts: KioskParts, panel: Panel) -> None:
        self.parts = parts
        self.panel = panel
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
        self.seen: Seen = {}

    def is_translated(self, text: str, language: str) -> bool:
        if NEUTRAL.fullmatch(text) or text in self.names:
            return True
        if language == "zh_CN":
            return bool(CJK.search(text)) or text in self.data["zh_CN"]
        if language == "en":
            return not CJK.search(text) or text in self.data["zh_CN"]
        return bool(PSEUDO_MARK.search(text)) or text in self.data["en"]

    def set_up(self, language: str, state: ScreenState, *, larger: bool,
               high_contrast: bool) -> None:
        self.parts.window.session.start_language(language)
        self.stage.fresh(language, larger=larger, high_contrast=high_contrast)
        state.set_up(self.stage)
        self.stage.settle()

    def reference(self, language: str, larger: bool, high_contrast: bool) -> dict[str, QRect]:
        """Where Home, Back and Help are on home, in this language and look."""
        key = (language, larger, high_contrast)
        if key not in self.references:
            home = next(s for s in STATES if s.name == "home")
            self.set_up(language, home, larger=larger, high_contrast=high_contrast)
            self.references[key] = nav_reference(self.parts.window, self.rules)
        return self.references[key]

    def options(self, language: str, *, larger: bool, high_contrast: bool,
                heights: dict[str, float] | None = None) -> CheckOptions:
        contrast = COLOURS[Contrast.HIGH if high_contrast
                           else Contrast.STANDARD].min_text_contrast
        return CheckOptions(rules=self.rules, larger_text=larger,
                            min_text_contrast=contrast, language=language,
                            is_translated=self.is_translated,
                            nav_reference=self.reference(language, larger, high_contrast),
                            check_focus=self.panel.name == FOCUS_PANEL,
                            help_largest=language != "pseudo", seen=self.seen,
                            text_heights=heights)

    def audit(self, language: str, state: ScreenState, *, larger: bool,
              high_contrast: bool, heights: dict[str, float] | None = None) -> list[Finding]:
        options = self.options(language, larger=larger, high_contrast=high_contrast,
                               heights=heights)
        self.set_up(language, state, larger=larger, high_contrast=high_contrast)
        look = ("larger" if larger else "normal") + ("-high" if high_contrast else "")
        return check_window(self.parts.window,
                            f"{self.panel.name}/{language}/{look}/{state.name}", options)


class Kiosks:
    """One kiosk at a time, rebuilt when the panel changes (the cases run panel by panel)."""

    def __init__(self, app: QApplication, directory: Path) -> None:
        self._app = app
        self._directory = directory
        self._current: Audited | None = None

    def on(self, panel: Panel) -> Audited:
        if self._current is not None and self._current.panel == panel:
            return self._current
        self.close()
        folder = self._directory / panel.name
        config = load_config(write_branch_config(
            folder / "config", free_port(),
            **{"screen.diagonal_inches": panel.diagonal_inches,
               "screen.width_px": panel.width_px, "screen.height_px": panel.height_px,
               "screen.viewing_distance_mm": panel.viewing_distance_mm}))
        parts = build_kiosk(self._app, config, "kiosk-1", folder / "kiosk",
                            speaker=FakeSpeaker())
        parts.start(windowed=True, connect=False)
        self._current = Audited(parts, panel)
        return self._current

    def close(self) -> None:
        if self._current is not None:
            stop_kiosk(self._current.parts)
            self._current = None


@pytest.fixture(scope="module")
def kiosks(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kiosks]:
    built = Kiosks(qapp, tmp_path_factory.mktemp("kiosk-audit"))
    yield built
    built.close()


@pytest.fixture
def audited(kiosks: Kiosks) -> Audited:
    return kiosks.on(next(p for p in SUPPORTED_PANELS if p.name == FOCUS_PANEL))


NormalHeights = dict[tuple[str, str, bool, str], dict[str, float]]


@pytest.fixture(scope="module")
def normal_heights() -> NormalHeights:
    """Each text's glyph height with normal text, by (panel, language, contrast, state),
    for the same screen's larger-text case to compare with."""
    return {}


def _cases() -> list[ParameterSet]:
    """Panel by panel (one kiosk each), then look by look (the kiosk is re-styled only when
    the look changes), then language by language, every state. Normal text comes before
    larger text, so each larger-text case finds its screen's normal glyph heights. A state
    that sets its own text size or contrast is audited only in that look."""
    cases = []
    for panel in SUPPORTED_PANELS:
        for high in (False, True):
            for larger in (False, True):
                for language in LANGUAGES:
                    for state in STATES:
                        if (state.high_contrast and not high) or (state.larger_text
                                                                  and not larger):
                            continue
                        look = ("larger" if larger else "normal") + ("-high" if high else "")
                        cases.append(pytest.param(
                            panel, language, high, larger, state,
                            id=f"{panel.name}-{look}-{language}-{state.name}"))
    return cases


@pytest.mark.parametrize(("panel", "language", "high_contrast", "larger", "state"), _cases())
def test_every_screen_and_state_is_accessible(kiosks: Kiosks, normal_heights: NormalHeights,
                                              panel: Panel, language: str,
                                              high_contrast: bool, larger: bool,
                                              state: ScreenState,
                                              request: pytest.FixtureRequest) -> None:
    kiosk = kiosks.on(panel)
    key = (panel.name, language, high_contrast, state.name)
    heights: dict[str, float] = {}
    findings = kiosk.audit(language, state, larger=larger, high_contrast=high_contrast,
                           heights=heights)
    if not larger:
        normal_heights[key] = heights
    elif not state.larger_text:
        if key not in normal_heights:  # run on its own: measure the normal size now
            normal_heights[key] = {}
            kiosk.audit(language, state, larger=False, high_contrast=high_contrast,
                        heights=normal_heights[key])
        findings += shrunk_text(f"{panel.name}/{language}/{state.name}",
                                normal_heights[key], heights, kiosk.rules)

    case = request.node.callspec.id
    known = KNOWN.get(case, frozenset())
    new = [finding for finding in findings if finding.rule.value not in known]
    assert not new, "\n".join(str(finding) for finding in new)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_an_answer_read_before_a_larger_text_shows_all_its_text_after(
        kiosks: Kiosks, language: str) -> None:
    """Read with larger text, then with normal text, then opened again after a switch to
    larger text made on another screen: the answer's column was resized while its screen
    was hidden and kept its old height, so each paragraph was cut to its first line (found
    by running the answer cases of one panel alone)."""
    kiosk = kiosks.on(next(p for p in SUPPORTED_PANELS if p.name == "15.6in-1280x800"))
    states = {state.name: state for state in STATES}
    for larger in (True, False):
        kiosk.audit(language, states["answer"], larger=larger, high_contrast=False)
    findings = kiosk.audit(language, states["answer-larger-text"], larger=True,
                           high_contrast=False)
    assert not [f for f in findings if f.rule is Rule.CLIPPED_TEXT], findings


@pytest.mark.parametrize("panel", SUPPORTED_PANELS, ids=lambda panel: panel.name)
def test_the_ticket_number_is_never_broken_across_lines(kiosks: Kiosks, panel: Panel) -> None:
    """"A042号" is read as one word: on a narrow column (a portrait panel at larger text)
    it used to wrap, the "号" alone on the next line."""
    kiosk = kiosks.on(panel)
    ticket = next(state for state in STATES if state.name == "ticket")
    for language in LANGUAGES:
        for larger in (False, True):
            kiosk.set_up(language, ticket, larger=larger, high_contrast=False)
            number = kiosk.parts.window.ticket_screen.number
            width = number.contentsRect().width()
            lines = wrapped_text.measure(number.text(), number.font(), width).lines
            assert number.text() and lines == 1, (language, larger, number.text(), width)


@pytest.mark.parametrize("panel", [p for p in SUPPORTED_PANELS if p.width_px > p.height_px],
                         ids=lambda panel: panel.name)
def test_on_a_landscape_panel_the_strip_keeps_one_row_and_two_thirds_for_the_screen(
        kiosks: Kiosks, panel: Panel) -> None:
    """Home, Back and Help in two rows took 459 of a 1280 x 800 panel's 800 px at larger
    text, and home showed no choice above the strip. In the kiosk's languages the strip
    keeps one row on every landscape panel in both text sizes (Home and Back put their
    symbols above their words where the row is short of width), leaving at least two
    thirds of the panel to the screen. (The pseudo-language, 40 % longer, may take two
    rows: the audit holds it to every other rule.)"""
    kiosk = kiosks.on(panel)
    home = next(state for state in STATES if state.name == "home")
    for language in ("zh_CN", "en"):
        for larger in (False, True):
            kiosk.set_up(language, home, larger=larger, high_contrast=False)
            strip = kiosk.parts.window.home.nav
            tops = {button.objectName(): button.geometry().top() for button in
                    (strip.home_button, strip.back_button, strip.help_button)}
            case = (language, larger, tops, strip.height())
            assert not strip.in_rows() and len(set(tops.values())) == 1, case
            assert strip.height() <= kiosk.rules.height_px / 3, case


def test_the_known_findings_name_real_cases_and_rules() -> None:
    cases = {param.id for param in _cases()}
    rules = {rule.value for rule in Rule}
    assert set(KNOWN) <= cases, sorted(set(KNOWN) - cases)[:5]
    assert all(known and known <= rules for known in KNOWN.values())


def test_the_states_cover_every_screen_and_help_phase() -> None:
    names = {state.name for state in STATES}
    for screen in (Screen.HOME, Screen.SETTINGS, Screen.HELP, Screen.STAFF_EXIT):
        assert any(name.startswith(screen.value.replace("_", "-")) for name in names), screen
    for phase in ("calling", "no-staff", "notified", "waiting-long", "coming", "arrived",
                  "were-you-helped", "drill", "idle-warning", "choice-unwell",
                  "choice-private", "choice-other"):
        assert any(phase in name for name in names), phase


def test_the_panels_include_portrait_and_the_smallest_and_largest() -> None:
    sizes = {(panel.width_px, panel.height_px) for panel in SUPPORTED_PANELS}
    assert {(1280, 800), (1366, 768), (1920, 1080), (1080, 1920), (3840, 2160)} <= sizes


def test_a_kiosk_screen_with_help_moved_fails_the_audit(audited: Audited) -> None:
    settings = next(state for state in STATES if state.name == "settings")
    options = audited.options("zh_CN", larger=False, high_contrast=False)
    audited.set_up("zh_CN", settings, larger=False, high_contrast=False)
    window = audited.parts.window
    strip = window.settings_screen.nav
    help_button = strip.help_button
    layout = strip.layout()
    assert isinstance(layout, QGridLayout)
    # The empty column that keeps Help at the right edge, after Back and the magnifier.
    free = next(column for column in range(layout.columnCount())
                if layout.columnStretch(column) > 0)
    try:
        layout.removeWidget(help_button)
        layout.addWidget(help_button, 0, free, 1, 1, Qt.AlignmentFlag.AlignLeft)

        findings = check_window(window, "zh_CN/settings-help-moved", options)
    finally:
        stacked = bool(strip.property("stacked"))
        strip.setProperty("stacked", not stacked)  # lays the strip out again, as it was
        strip.setProperty("stacked", stacked)
    # Help, and only Help, is out of place (other rules judge the rest of the screen).
    placed = {(f.widget, f.rule) for f in findings
              if f.rule in (Rule.NAV_MOVED, Rule.NAV_MISSING)}
    assert placed == {(NAV_HELP, Rule.NAV_MOVED)}


def test_a_kiosk_choice_larger_than_help_fails_the_audit(audited: Audited) -> None:
    home = next(state for state in STATES if state.name == "home")
    options = audited.options("en", larger=False, high_contrast=False)
    audited.set_up("en", home, larger=False, high_contrast=False)
    tile = audited.parts.window.home.guidance_button
    try:
        tile.setMinimumSize(1000, 300)
        findings = check_window(audited.parts.window, "en/home-huge-tile", options)
    finally:
        tile.setMinimumSize(0, 0)
    assert (("home_guidance", Rule.HELP_NOT_LARGEST)
            in [(f.widget, f.rule) for f in findings])
