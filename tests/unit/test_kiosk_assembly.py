"""The kiosk is assembled in one place: `kiosk.customer.app.build_kiosk` makes the screens
and services, and the window receives them (it makes only its own flow, journeys, host and
the rules that hold on every screen)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MADE_BY_THE_ROOT = ("ScreenVoice", "IdleWatch", "HelpFollower", "Keypad", "CalledAnnouncer",
                    "AnnouncementTakeover", "FocusReader", "DeskPrints", "HomeScreen",
                    "SettingsScreen", "HelpScreen", "IdleScreen", "LostOfferScreen",
                    "StaffExitScreen", "MissedScreen", "FeedbackScreen", "AnnouncementScreen")


def called_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.func.id for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}


@pytest.mark.parametrize("name", MADE_BY_THE_ROOT)
def test_the_composition_root_makes_it_and_the_window_does_not(name: str) -> None:
    assert name not in called_names(ROOT / "kiosk" / "customer" / "main_window.py")
    assert name in called_names(ROOT / "kiosk" / "customer" / "app.py")
