"""How the staff console looks: a calm desktop application, with alarms that cannot be missed.

The console is used at a desk, at ordinary reading distance, all day: ordinary desktop sizes
(not the kiosk's 20 mm targets), a quiet light palette, and colour kept for what needs a
person. Every text colour is at least 7:1 against its background (checked by a test), and
colour is never the only cue: an escalated call also says "ESCALATED" and is bold, a drill
says "DRILL", a silent console says so in words.

Row colours for help calls:

- unanswered: red, alternating with a pale red at 1 Hz (flashing stays under 2 Hz);
- escalated: a darker red, bold, alternating the same way;
- special attention: a calm blue instead of red (the softer tone of the discreet call);
- someone is coming: pale green, steady.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pair:
    background: str
    text: str


WINDOW = Pair("#F4F1EA", "#1C1A17")
PANEL = Pair("#FFFFFF", "#1C1A17")
MUTED_TEXT = "#4A4540"
FOCUS = "#0B4FA8"
BORDER = "#6B625A"

CALL_NEW = Pair("#A3161B", "#FFFFFF")
CALL_NEW_DIM = Pair("#F6D5D6", "#1C1A17")
CALL_ESCALATED = Pair("#5E0B0F", "#FFFFFF")
CALL_ESCALATED_DIM = Pair("#EFC0C3", "#1C1A17")
CALL_SPECIAL = Pair("#2F4A6D", "#FFFFFF")
CALL_SPECIAL_DIM = Pair("#DCE5F0", "#1C1A17")
CALL_COMING = Pair("#E2F1E4", "#1C1A17")
CALL_DRILL_MARK = Pair("#FFE7A1", "#1C1A17")

BANNER_ALARM = Pair("#A3161B", "#FFFFFF")
BANNER_ESCALATED = Pair("#5E0B0F", "#FFFFFF")
BANNER_SPECIAL = Pair("#2F4A6D", "#FFFFFF")
BANNER_NO_SOUND = Pair("#B00020", "#FFFFFF")
BANNER_SILENT_PEER = Pair("#6E4500", "#FFFFFF")
BANNER_CALM = Pair("#E2F1E4", "#1C1A17")
BANNER_WAIT = Pair("#DCE5F0", "#1C1A17")  # a priority ticket waited long: calm, not an alarm

DEVICE_OFFLINE = Pair("#F6D5D6", "#1C1A17")
DEVICE_PROBLEM = Pair("#FFE7A1", "#1C1A17")

CHART_MEDIAN = "#0B4FA8"
CHART_P90 = "#B35C00"

ALL_PAIRS = {name: value for name, value in globals().items() if isinstance(value, Pair)}

BODY_PX = 15
TABLE_PX = 16
HEADING_PX = 20
BANNER_PX = 20


def stylesheet(font_family: str) -> str:
    return f"""
* {{ font-family: "{font_family}"; font-size: {BODY_PX}px; }}
QMainWindow, QDialog, QWidget#consoleRoot {{ background-color: {WINDOW.background}; }}
QWidget {{ color: {WINDOW.text}; }}
QLabel {{ background: transparent; }}
QLabel[role="heading"] {{ font-size: {HEADING_PX}px; font-weight: bold; }}
QLabel[role="muted"] {{ color: {MUTED_TEXT}; }}
QLabel[role="notice"] {{ background-color: {CALL_DRILL_MARK.background};
    color: {CALL_DRILL_MARK.text}; padding: 6px 10px; border: 1px solid {BORDER}; }}
QTableView, QTreeView, QListWidget, QTextEdit, QPlainTextEdit {{
    background-color: {PANEL.background}; color: {PANEL.text};
    border: 1px solid {BORDER}; gridline-color: #D8D2C8;
    selection-background-color: {FOCUS}; selection-color: #FFFFFF;
}}
QTableView#callsTable {{ font-size: {TABLE_PX}px; }}
QGroupBox {{ font-weight: bold; border: 1px solid {BORDER}; margin-top: 14px;
    padding-top: 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0px 4px; }}
QHeaderView::section {{ background-color: #E6E0D5; color: {WINDOW.text};
    padding: 4px 6px; border: 0px; border-right: 1px solid #CFC7BA; font-weight: bold; }}
QPushButton {{ background-color: #FFFFFF; color: {WINDOW.text};
    border: 1px solid {BORDER}; border-radius: 4px; padding: 6px 14px; min-height: 22px; }}
QPushButton:hover {{ background-color: #EFEAE1; }}
QPushButton:pressed {{ background-color: #E4DDD0; }}
QPushButton:focus {{ border: 2px solid {FOCUS}; padding: 5px 13px; }}
QPushButton:disabled {{ color: #6F6A63; border-style: dashed; }}
QPushButton[role="primary"] {{ background-color: {FOCUS}; color: #FFFFFF;
    font-weight: bold; border-color: #08397A; }}
QPushButton[role="primary"]:disabled {{ background-color: #E4E0D8; color: #4A4540;
    font-weight: normal; border: 1px dashed {BORDER}; }}
QLineEdit, QComboBox, QPlainTextEdit {{ background-color: #FFFFFF; color: {WINDOW.text};
    border: 1px solid {BORDER}; padding: 4px 6px; }}
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus {{ border: 2px solid {FOCUS};
    padding: 3px 5px; }}
QTabWidget::pane {{ border: 1px solid {BORDER}; background-color: {WINDOW.background}; }}
QTabBar::tab {{ background-color: #E6E0D5; color: {WINDOW.text}; padding: 7px 16px;
    border: 1px solid #CFC7BA; border-bottom: 0px; }}
QTabBar::tab:selected {{ background-color: {WINDOW.background}; font-weight: bold; }}
QCheckBox {{ spacing: 8px; }}
QStatusBar {{ background-color: #E6E0D5; }}
QScrollBar:vertical {{ width: 14px; }}
QScrollBar:horizontal {{ height: 14px; }}
QToolButton {{ background-color: #FFFFFF; color: {WINDOW.text}; border: 1px solid {BORDER};
    border-radius: 2px; padding: 2px; font-weight: normal; }}
QToolButton:focus {{ border: 2px solid {FOCUS}; padding: 1px; }}
QToolButton:pressed {{ background-color: #E4DDD0; }}
QSpinBox {{ background-color: #FFFFFF; border: 1px solid {BORDER}; padding: 4px 6px; }}
QSpinBox:focus {{ border: 2px solid {FOCUS}; padding: 3px 5px; }}
"""


def banner_style(pair: Pair) -> str:
    return (f"background-color: {pair.background}; color: {pair.text}; "
            f"font-size: {BANNER_PX}px; font-weight: bold; padding: 8px 14px;")
