"""The tap benchmark's figures come from the product's tables: a figure for every screen of
the kiosk's flow, the text-size and contrast switches wherever they are, and screen changes
judged on their own (no speed is asserted: the samples are made up)."""

from __future__ import annotations

from typing import Any

from bench.report import BenchResult
from bench.ui_kiosk import SCREEN_CHANGE_MS, TAP_P95_MS, _taps
from kiosk.core.kiosk_flow import Screen
from kiosk.customer.screen_states import STATES


def _answer(states: dict[str, str], ms: dict[str, list[float]]) -> dict[str, Any]:
    return {"ms": ms, "screens": states, "screen_changes_ms": [10.0, 20.0, 30.0],
            "press_ms": [1.0], "no_paint": {"settings: settings_speed": 1}}


def test_every_screen_of_the_flow_gets_a_figure_even_one_no_state_shows() -> None:
    result = BenchResult("bench.ui_kiosk.taps", "Taps")
    _taps(result, _answer({"home": "home", "settings": "settings"}, {
        "home: home_ticket": [5.0, 7.0], "home: home_text_size": [80.0],
        "settings: settings_text_size": [40.0], "settings: settings_contrast": [30.0]}))
    figures = {f.key: f for f in result.figures}
    for screen in Screen:
        assert f"taps_{screen.value}_p95" in figures
    assert figures["taps_home_p95"].value == 80.0
    assert figures["taps_home_p95"].target is not None
    assert figures["taps_home_p95"].target.limit == TAP_P95_MS
    assert figures["taps_services_p95"].value is None
    assert "not measured" in figures["taps_services_p95"].note
    size = figures["taps_text_size_p95"]
    assert size.value == 80.0 and "home_text_size, settings_text_size" in size.note
    assert figures["taps_contrast_p95"].value == 30.0
    change = figures["screen_change_p50"]
    assert change.value == 20.0 and change.target is not None
    assert change.target.limit == SCREEN_CHANGE_MS
    assert figures["taps_no_paint"].value == 1 and figures["taps_no_paint"].met is False


def test_the_states_the_benchmark_walks_can_key_its_taps() -> None:
    """Taps are keyed "state: control" and grouped by the part before the colon: each
    state's name must be unique and hold no colon."""
    names = [state.name for state in STATES]
    assert len(names) == len(set(names))
    assert all(":" not in name for name in names)
