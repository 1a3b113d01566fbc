"""A branch announcement filling the wall display, as large as its words allow.

An announcement ("Please follow the staff to the exit") must be read from across the hall,
in every language, at once. Its length is not known in advance (up to 300 characters per
language), so the view tries the largest type first (the size of the called numbers), then
heading, then body size, and uses the largest at which every language fits whole. When even
body size cannot hold them all together, the languages take turns, one page each.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.display.board_state import BoardNotice
from kiosk.display.board_words import NOTICE_TITLE, BoardWords, speech_language
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import BigLabel, wrapped_text

ROLES = ("huge", "heading", "body")
PAGE_S = 8.0
"""How long each language shows when the languages take turns."""


class NoticeView(QFrame):
    def __init__(self, words: BoardWords, theme: Theme, parent: QWidget | None = None,
                 *, page_s: float = PAGE_S) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self._words = words
        self._theme = theme
        self._texts: list[str] = []
        self._page = 0
        layout = QVBoxLayout(self)
        self.caption = BigLabel(role="heading", parent=self)
        self.caption.setObjectName("notice_caption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.caption)
        self.labels: list[BigLabel] = []
        for language in words.languages:
            label = BigLabel(role="huge", parent=self)
            label.setObjectName(f"notice_text_{language}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label, 1)
            self.labels.append(label)
        self._pages = QTimer(self)
        self._pages.setInterval(int(page_s * 1000))
        self._pages.timeout.connect(self._next_page)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._fit()

    def show_notice(self, notice: BoardNotice) -> None:
        self.caption.setText("  ".join(self._words.each(NOTICE_TITLE)))
        self._texts = []
        for language in self._words.languages:
            self._texts.append(notice.texts.get(language)
                               or notice.texts.get(speech_language(language)) or "")
        for label, text in zip(self.labels, self._texts, strict=True):
            label.setText(text)
        self._page = 0
        self._fit()

    @property
    def role(self) -> str:
        return self.labels[0].role() if self.labels else "body"

    @property
    def paging(self) -> bool:
        return self._pages.isActive()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        texts = [t for t in self._texts if t]
        if not texts or self.width() <= 0:
            return
        margins = self.contentsMargins()
        layout = self.layout()
        spacing = layout.spacing() if layout is not None else 0
        width = self.width() - margins.left() - margins.right() - 4 * self._theme.border_px
        room = (self.height() - margins.top() - margins.bottom()
                - self.caption.heightForWidth(self.caption.width() or width)
                - spacing * len(self.labels) - 4 * self._theme.border_px)
        for role in ROLES:
            font = self._font(role)
            measured = [wrapped_text.measure(text, font, width) for text in texts]
            if all(m.words_fit for m in measured) and sum(m.height for m in measured) <= room:
                self._use(role, paging=False)
                return
        self._use("body", paging=len(texts) > 1)

    def _font(self, role: str) -> QFont:
        font = QFont(self._theme.font_family)
        px = {"huge": self._theme.huge_px, "heading": self._theme.heading_px,
              "body": self._theme.body_px}[role]
        font.setPixelSize(px)
        font.setBold(role != "body")
        return font

    def _use(self, role: str, *, paging: bool) -> None:
        for label in self.labels:
            if label.role() != role:
                label.set_role(role)
        if paging and not self._pages.isActive():
            self._pages.start()
        elif not paging:
            self._pages.stop()
        self._show_page(paging)

    def _show_page(self, paging: bool) -> None:
        for index, (label, text) in enumerate(zip(self.labels, self._texts, strict=True)):
            label.setVisible(bool(text) and (not paging or index == self._page))

    def _next_page(self) -> None:
        shown = [i for i, text in enumerate(self._texts) if text]
        if not shown:
            return
        later = [i for i in shown if i > self._page]
        self._page = later[0] if later else shown[0]
        self._show_page(paging=True)
