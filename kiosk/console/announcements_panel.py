"""Announcements to every kiosk and display: a prepared message or a typed one, and clearing.

What is showing is the hub's retained announcement, so every desk shows the same one.
Every announcement shown or cleared is logged here with its time and, when it was sent from
this desk, who sent it (the hub's audit log keeps the same for every desk).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.console.branch_names import BranchNames
from kiosk.console.console_words import time_text
from kiosk.console.controls import Panel, named
from kiosk.console.hub_requests import ActionAnswer
from kiosk.console.journal import AnnouncementRecord
from kiosk.console.prepared_announcements import PREPARED
from kiosk.console.table_model import Column, RowsModel
from kiosk.console.table_view import RowsTable
from kiosk.core.settings import LocalText
from kiosk.protocol.staff_commands import (
    ANNOUNCEMENT_MAX_CHARS,
    Announce,
    ClearAnnouncement,
    Command,
)
from kiosk.protocol.staff_messages import Announcement

PREPARED_ID = Qt.ItemDataRole.UserRole + 1


def _tr(text: object) -> str:
    return QCoreApplication.translate("AnnouncementsPanel", str(text))


def local_text(text: dict[str, str] | LocalText, names: BranchNames) -> str:
    """The text in the console's language, else the branch's default, else any."""
    return LocalText(dict(text)).text(names.language.code, names.config.branch.default_language)


def log_model(names: BranchNames, parent: QWidget | None = None) -> RowsModel:
    timezone = names.config.branch.timezone

    def what(record: AnnouncementRecord) -> str:
        return (_tr(QT_TRANSLATE_NOOP("AnnouncementsPanel", "Shown")) if record.active
                else _tr(QT_TRANSLATE_NOOP("AnnouncementsPanel", "Cleared")))

    def who(record: AnnouncementRecord) -> str:
        return names.staff(record.staff_id) if record.staff_id else _tr(
            QT_TRANSLATE_NOOP("AnnouncementsPanel", "another desk"))

    columns = [
        Column(lambda: _tr(QT_TRANSLATE_NOOP("AnnouncementsPanel", "Time")),
               lambda r: time_text(r.at, timezone, with_date=True)),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("AnnouncementsPanel", "What")), what),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("AnnouncementsPanel", "By")), who),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("AnnouncementsPanel", "Text")),
               lambda r: local_text(r.text, names)),
    ]
    return RowsModel(columns, key=lambda r: r.announcement_id, parent=parent)


class AnnouncementsPanel(Panel):
    def __init__(self, names: BranchNames, act: Callable[[Command], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__("announcementsPanel", names, parent)
        self._act = act
        self._current: Announcement | None = None
        self._message = ""
        self.current = named(QLabel(self), "announcementCurrent", wrap=True)
        self.current.setProperty("role", "heading")
        self.clear = named(QPushButton(self), "announcementClear",
                           text=lambda: self.tr("Clear the announcement"))
        self.prepared = named(QListWidget(self), "announcementPrepared", wrap=True,
                              accessible=lambda: self.tr("Prepared announcements"))
        self.send_prepared = named(QPushButton(self), "announcementSendPrepared", role="primary",
                                   text=lambda: self.tr("Send this announcement"))
        self.typed: dict[str, QLineEdit] = {}
        self.typed_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for language in names.config.branch.languages:
            edit = QLineEdit(self)
            edit.setObjectName(f"announcementTyped_{language}")
            edit.setMaxLength(ANNOUNCEMENT_MAX_CHARS)
            label = QLabel(self)
            label.setBuddy(edit)
            self.typed[language] = edit
            self.typed_labels[language] = label
            form.addRow(label, edit)
        self.send_typed = named(QPushButton(self), "announcementSendTyped",
                                text=lambda: self.tr("Send the typed announcement"))
        self.status = named(QLabel(self), "announcementStatus", wrap=True)
        self.prepared_label = named(QLabel(self))
        self.typed_label = named(QLabel(self), text=lambda: self.tr("Or type one"))
        self.log_label = named(QLabel(self), role="heading",
                               text=lambda: self.tr("Announcements log"))
        self.log = log_model(names, self)
        self.log_table = named(RowsTable(self.log, "announcementLog", self),
                               accessible=lambda: self.tr("Announcements log"))
        top = QHBoxLayout()
        top.addWidget(self.current, 1)
        top.addWidget(self.clear)
        left = QVBoxLayout()
        left.addWidget(self.prepared_label)
        left.addWidget(self.prepared, 1)
        left.addWidget(self.send_prepared, 0, Qt.AlignmentFlag.AlignLeft)
        right = QVBoxLayout()
        right.addWidget(self.typed_label)
        right.addLayout(form)
        right.addWidget(self.send_typed, 0, Qt.AlignmentFlag.AlignLeft)
        right.addStretch(1)
        middle = QHBoxLayout()
        middle.addLayout(left, 1)
        middle.addLayout(right, 1)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.status)
        column.addLayout(middle, 2)
        column.addWidget(self.log_label)
        column.addWidget(self.log_table, 1)
        self.clear.clicked.connect(lambda: self._send(ClearAnnouncement()))
        self.send_prepared.clicked.connect(self._send_prepared)
        self.send_typed.clicked.connect(self._send_typed)
        self.retranslate()

    def show_current(self, announcement: Announcement | None) -> None:
        self._current = announcement if announcement is not None and announcement.active \
            else None
        self.retranslate()

    def show_log(self, records: list[AnnouncementRecord]) -> None:
        self.log.set_rows(sorted(records, key=lambda r: r.at, reverse=True))

    def _send(self, command: Command) -> None:
        if self._act(command) is None:
            self._message = _tr(QT_TRANSLATE_NOOP("AnnouncementsPanel",
                                                  "Sign in (or unlock) to send announcements."))
            self.status.setText(self._message)

    def _send_prepared(self) -> None:
        item = self.prepared.currentItem()
        chosen = next((p for p in PREPARED if item is not None
                       and p.id == item.data(PREPARED_ID)), None)
        if chosen is None:
            return
        languages = self._names.config.branch.languages
        text = LocalText({code: chosen.text[code] for code in languages if code in chosen.text})
        self._send(Announce(text=text))

    def _send_typed(self) -> None:
        text = {code: edit.text().strip() for code, edit in self.typed.items()
                if edit.text().strip()}
        if not text:
            self.status.setText(_tr(QT_TRANSLATE_NOOP(
                "AnnouncementsPanel", "Type the announcement first, in every language you "
                "can.")))
            return
        self._send(Announce(text=LocalText(text)))

    def action_answered(self, answer: ActionAnswer) -> None:
        if not isinstance(answer.command, Announce | ClearAnnouncement):
            return
        if answer.ok:
            self._message = (_tr(QT_TRANSLATE_NOOP("AnnouncementsPanel", "Announcement sent."))
                             if isinstance(answer.command, Announce) else
                             _tr(QT_TRANSLATE_NOOP("AnnouncementsPanel",
                                                   "Announcement cleared.")))
            if isinstance(answer.command, Announce):
                for edit in self.typed.values():
                    edit.clear()
        else:
            self._message = _tr(QT_TRANSLATE_NOOP(
                "AnnouncementsPanel", "The announcement was not sent: the hub refused it or "
                "did not answer."))
        self.status.setText(self._message)

    def retranslate(self) -> None:
        if self._current is None:
            self.current.setText(self.tr("No announcement is showing on kiosks and displays."))
        else:
            self.current.setText(self.tr("Showing on every kiosk and display: {text}").format(
                text=local_text(dict(self._current.text), self._names)))
        self.clear.setEnabled(self._current is not None)
        self.prepared_label.setText(self.tr("Prepared announcements (sent in every language)"))
        for code, label in self.typed_labels.items():
            label.setText(self.tr("Text in {language}").format(language=_language_name(code)))
            self.typed[code].setAccessibleName(label.text())
        chosen = self.prepared.currentRow()
        self.prepared.clear()
        for item in PREPARED:
            entry = QListWidgetItem(local_text(dict(item.text), self._names), self.prepared)
            entry.setData(PREPARED_ID, item.id)
        self.prepared.setCurrentRow(max(0, chosen))
        self.log.retranslate()


_LANGUAGE_NAMES = {
    "zh_CN": QT_TRANSLATE_NOOP("AnnouncementsPanel", "Chinese"),
    "en": QT_TRANSLATE_NOOP("AnnouncementsPanel", "English"),
}


def _language_name(code: str) -> str:
    name = _LANGUAGE_NAMES.get(code)
    return _tr(name) if name is not None else code
