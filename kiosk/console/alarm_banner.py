"""What an alarm looks like: a strip across the console, a banner above every other window,
and a red strip when this console cannot make its alarm heard.

The strip says in words what is wrong and where (escalation and drills in words, not only
colour), and offers "Silence", which stops the sound and nothing else: the rows stay and
keep flashing until someone is coming. The floating banner stays on top of other programs
(stealing focus is blocked on Windows and Wayland, so the console asks the window system
for attention and puts this banner where staff will see it) and brings the console forward.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.console import console_style as style
from kiosk.console.alarm_policy import Alarm, AlarmKind
from kiosk.console.branch_names import BranchNames
from kiosk.console.console_words import category_text
from kiosk.console.controls import Retranslating, named
from kiosk.core.help.state import CallState

translate = QCoreApplication.translate

BANNER_WIDTH = 720
BANNER_MARGIN = 8
"""The floating banner's width, and its distance from the top of its area."""


def alarm_summary(alarms: Sequence[Alarm], calls: Mapping[str, CallState],
                  names: BranchNames) -> str:
    """One or two sentences for the banner: the most urgent alarm first."""
    helps = [a for a in alarms if a.kind is AlarmKind.HELP]
    helps.sort(key=lambda a: -a.level)
    offline = [a for a in alarms if a.kind is AlarmKind.KIOSK_OFFLINE]
    parts = []
    if helps:
        first = helps[0]
        call = calls.get(first.key)
        what = category_text(call.category) if call is not None else ""
        kiosk, place = names.device(first.subject), names.place(first.subject)
        if first.level > 0:
            text = translate("AlarmBanner",
                             "ESCALATED: nobody is coming to {kiosk}, {place} ({what}).")
        else:
            text = translate("AlarmBanner", "Help call at {kiosk}, {place}: {what}.")
        text = text.format(kiosk=kiosk, place=place, what=what)
        if first.drill:
            text = translate("AlarmBanner", "DRILL: {alarm}").format(alarm=text)
        parts.append(text)
        if len(helps) > 1:
            parts.append(translate("AlarmBanner", "{count} calls are waiting for someone to "
                                   "come.").format(count=len(helps)))
    for alarm in offline:
        parts.append(translate("AlarmBanner", "{kiosk} ({place}) has gone silent: customers "
                               "there cannot call for help.").format(
            kiosk=names.device(alarm.subject), place=names.place(alarm.subject)))
    return " ".join(parts)


def alarm_colours(alarms: Sequence[Alarm]) -> style.Pair:
    helps = [a for a in alarms if a.kind is AlarmKind.HELP]
    if any(a.level > 0 for a in helps):
        return style.BANNER_ESCALATED
    if helps and all(a.discreet for a in helps):
        return style.BANNER_SPECIAL
    if helps:
        return style.BANNER_ALARM
    return style.BANNER_SILENT_PEER


def _shown(alarms: Sequence[Alarm]) -> list[Alarm]:
    return [a for a in alarms if a.kind is not AlarmKind.RESIGNAL]


class _AlarmWords(Retranslating, QWidget):
    """The alarms in words and in their colours, with one button beside them."""

    def __init__(self, names: BranchNames, name: str, text_name: str, button_name: str,
                 parent: QWidget | None = None,
                 flags: Qt.WindowType = Qt.WindowType.Widget, *, frame: str = "",
                 base_style: str = "") -> None:
        super().__init__(parent, flags)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._names = names
        self._alarms: list[Alarm] = []
        self._calls: dict[str, CallState] = {}
        self._frame = frame
        self._base_style = base_style
        self._pair: style.Pair | None = None
        self.text = named(QLabel(self), text_name, wrap=True)
        self.button = named(QPushButton(self), button_name)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        # Styled for a plain call before any comes: the first call of the day then finds the
        # banner at its size and in its colours, and nothing is restyled or laid out again.
        self._colour(style.BANNER_ALARM)

    def _take(self, alarms: Sequence[Alarm], calls: Mapping[str, CallState]) -> None:
        self._alarms = _shown(alarms)
        self._calls = dict(calls)

    def _colour(self, pair: style.Pair) -> None:
        """Restyled only when the colours change, not on every call: a style sheet set
        again is parsed again and every child restyled."""
        if pair != self._pair:
            self._pair = pair
            self.setStyleSheet(
                f"{self._base_style}#{self.objectName()} {{ background-color: "
                f"{pair.background}; {self._frame}}} "
                f"#{self.text.objectName()} {{ {style.banner_style(pair)} }}")


class AlarmStrip(_AlarmWords):
    """Across the top of the console while anything alarms."""

    silence_requested = Signal()

    def __init__(self, names: BranchNames, parent: QWidget | None = None) -> None:
        super().__init__(names, "alarmStrip", "alarmText", "alarmSilence", parent)
        self.silence = self.button
        self._silenced = False
        self.silence.clicked.connect(self.silence_requested.emit)
        self.hide()
        self.retranslate()

    def show_alarms(self, alarms: Sequence[Alarm], calls: Mapping[str, CallState],
                    silenced: bool) -> None:
        self._take(alarms, calls)
        self._silenced = silenced
        self.retranslate()

    def retranslate(self) -> None:
        self.silence.setText(self.tr("Silence"))
        self.silence.setAccessibleName(self.tr("Silence the alarm sound (the calls stay)"))
        if not self._alarms:
            self.hide()
            return
        text = alarm_summary(self._alarms, self._calls, self._names)
        if self._silenced:
            text += " " + self.tr("Sound silenced: the alarm still needs someone.")
        self.text.setText(text)
        self._colour(alarm_colours(self._alarms))
        self.silence.setVisible(not self._silenced)
        self.show()


class SoundBanner(Retranslating, QWidget):
    """Red when this console cannot sound its alarm; amber when another one cannot."""

    def __init__(self, names: BranchNames, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("soundBanner")
        self._names = names
        self._problem: str | None = None
        self._silent_consoles: list[str] = []
        self.own = named(QLabel(self), "noSoundHere", wrap=True)
        self.own.setStyleSheet(style.banner_style(style.BANNER_NO_SOUND))
        self.peers = named(QLabel(self), "silentConsoles", wrap=True)
        self.peers.setStyleSheet(style.banner_style(style.BANNER_SILENT_PEER))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.own, 1)
        row.addWidget(self.peers, 1)
        self.retranslate()

    def show_problem(self, problem: str | None) -> None:
        """None: this console's alarm can be heard; otherwise why not."""
        self._problem = problem
        self.retranslate()

    def show_silent_consoles(self, console_ids: list[str]) -> None:
        self._silent_consoles = console_ids
        self.retranslate()

    def retranslate(self) -> None:
        if self._problem is not None:
            self.own.setText(self.tr("This desk cannot sound the alarm ({problem}). Watch this "
                                     "screen for help calls and tell IT.").format(
                problem=self._problem))
        if self._silent_consoles:
            desks = ", ".join(self._names.device(c) for c in self._silent_consoles)
            self.peers.setText(self.tr("Cannot sound the alarm: {desks}. Staff there see "
                                       "calls on screen only.").format(desks=desks))
        self.own.setVisible(self._problem is not None)
        self.peers.setVisible(bool(self._silent_consoles))
        self.setVisible(self._problem is not None or bool(self._silent_consoles))


class FloatingAlarm(_AlarmWords):
    """A small banner above every other window while a help call waits for someone."""

    open_console = Signal()

    def __init__(self, names: BranchNames, base_style: str = "") -> None:
        """``base_style``: the console's style sheet; this window has no parent to inherit
        it from."""
        super().__init__(names, "floatingAlarm", "floatingAlarmText", "floatingAlarmOpen", None,
                         Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint,
                         frame="border: 3px solid #FFFFFF; ", base_style=base_style)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.open = self.button
        self.open.clicked.connect(self.open_console.emit)
        self.setFixedWidth(BANNER_WIDTH)
        self._column: QRect | None = None
        self.retranslate()

    def keep_within(self, column: QRect) -> None:
        """Show the banner in this part of the screen (the console's own column, where
        other windows share the screen) instead of the screen's top centre."""
        self._column = QRect(column)
        self.setFixedWidth(max(200, min(BANNER_WIDTH, column.width() - 2 * BANNER_MARGIN)))
        self.adjustSize()
        if self.isVisible():
            self._place()

    def show_alarms(self, alarms: Sequence[Alarm], calls: Mapping[str, CallState]) -> None:
        self._take(alarms, calls)
        self.retranslate()
        if self._alarms and not self.isVisible():
            self._place()
            self.show()
            self.raise_()
        elif not self._alarms:
            self.hide()

    def _place(self) -> None:
        area = self._column
        if area is None:
            screen = QGuiApplication.primaryScreen()
            if screen is None:
                return
            area = screen.availableGeometry()
        self.move(area.x() + (area.width() - self.width()) // 2, area.y() + BANNER_MARGIN)

    def retranslate(self) -> None:
        self.open.setText(self.tr("Open the console"))
        if not self._alarms:
            return
        self._colour(alarm_colours(self._alarms))
        text = alarm_summary(self._alarms, self._calls, self._names)
        if text != self.text.text():
            self.text.setText(text)
            self.adjustSize()
