"""What staff do for each kind of help call, from the bank's emergency plan for elderly
customers (``银行老年客户服务应急预案``, in the design folder's ``seed/``).

The plan asks for: a first-aid point and first-aid supplies for customers who feel unwell
(三.3), an emergency contact channel so the right people are reached at once (三.1), watching
accounts for unusual transactions and guarding against fraud (风险识别 2, 应急措施 2), a member
of staff to accompany an elderly customer through their business (应急措施 3), and reading
glasses and magnifiers at hand (服务流程优化 2). The lists below turn that into steps a person
can tick while they act; the ticks stay on this console (they are a memory aid, not a
record), and the outcome and note chosen when closing the call are the record.

The discreet call never says "fraud": the list is worded so it can be read over a
customer's shoulder.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.console.controls import Retranslating
from kiosk.core.help.events import Category

CONTEXT = "CallChecklists"

_MEDICAL = (
    QT_TRANSLATE_NOOP("CallChecklists", "Go at once and bring the first-aid kit."),
    QT_TRANSLATE_NOOP("CallChecklists", "Stay with the customer; keep them seated and calm."),
    QT_TRANSLATE_NOOP("CallChecklists",
                      "If they are seriously unwell, call 120 for an ambulance now."),
    QT_TRANSLATE_NOOP("CallChecklists", "Tell the lobby manager."),
    QT_TRANSLATE_NOOP("CallChecklists",
                      "Tell the customer's family, with the customer's agreement."),
)
_SPECIAL_ATTENTION = (
    QT_TRANSLATE_NOOP("CallChecklists",
                      "Approach calmly; do not say why you came in front of others."),
    QT_TRANSLATE_NOOP("CallChecklists",
                      "Invite the customer to talk privately, away from any companion."),
    QT_TRANSLATE_NOOP("CallChecklists", "Fetch the lobby manager."),
    QT_TRANSLATE_NOOP("CallChecklists",
                      "Hold any large transfer until the customer has talked with you."),
    QT_TRANSLATE_NOOP("CallChecklists",
                      "If someone is pressuring or threatening the customer, call the police "
                      "on 110."),
)
_GENERAL = (
    QT_TRANSLATE_NOOP("CallChecklists", "Go to the kiosk and greet the customer by name if "
                      "you know it."),
    QT_TRANSLATE_NOOP("CallChecklists", "Ask what they need; speak slowly and clearly."),
    QT_TRANSLATE_NOOP("CallChecklists",
                      "Offer reading glasses or a magnifier if reading is hard."),
    QT_TRANSLATE_NOOP("CallChecklists",
                      "Accompany them to the right counter or through the task."),
)

CHECKLISTS: dict[Category, tuple[str, ...]] = {
    Category.MEDICAL: tuple(str(s) for s in _MEDICAL),
    Category.PRIVATE_TALK: tuple(str(s) for s in _SPECIAL_ATTENTION),
    Category.UNSPECIFIED: tuple(str(s) for s in _GENERAL),
    Category.GUIDANCE: tuple(str(s) for s in _GENERAL),
    Category.OTHER: tuple(str(s) for s in _GENERAL),
}
"""Category -> the English source text of each step, in order."""


class _StepText(QLabel):
    """The step's words, wrapped to the column; clicking them ticks the box, as a
    checkbox's own text would (a QCheckBox cannot wrap its text)."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget) -> None:
        super().__init__(text, parent)
        self._box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        self._box.toggle()
        super().mouseReleaseEvent(event)


class _Steps(QWidget):
    """One list of steps, built once: a box and its words for each step."""

    def __init__(self, texts: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[QCheckBox] = []
        for number, text in enumerate(texts):
            line = QHBoxLayout()
            box = QCheckBox(self)
            box.setObjectName(f"checklistStep{number}")
            box.setAccessibleName(text)
            line.addWidget(box, 0)
            line.addWidget(_StepText(text, box, self), 1)
            column.addLayout(line)
            self.boxes.append(box)


class ChecklistBox(Retranslating, QGroupBox):
    """The steps for the selected call, with ticks remembered per call while it is open.

    Every list of steps is built when the language is set, not when a call comes: choosing
    a call shows its list and its ticks, and creates no widgets on the way to the alarm."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callChecklist")
        self._layout = QVBoxLayout(self)
        self._lists: dict[tuple[str, ...], _Steps] = {}
        self._shown: _Steps | None = None
        self._ticks: dict[str, set[int]] = {}
        self._call: tuple[str, Category] | None = None
        self.retranslate()

    def show_call(self, call_id: str | None, category: Category | None) -> None:
        wanted = None if call_id is None or category is None else (call_id, category)
        if wanted == self._call:
            return
        self._call = wanted
        self._show()

    def forget(self, open_call_ids: set[str]) -> None:
        """Closed calls' ticks are not needed any more."""
        for call_id in list(self._ticks):
            if call_id not in open_call_ids:
                del self._ticks[call_id]

    def steps(self) -> list[tuple[str, bool]]:
        boxes = self._shown.boxes if self._shown is not None else []
        return [(box.accessibleName(), box.isChecked()) for box in boxes]

    def _show(self) -> None:
        self.setVisible(self._call is not None)
        if self._call is None:
            self._shown = None
            return  # the list stays laid out in the hidden box, ready for the next call
        shown = self._lists[CHECKLISTS[self._call[1]]]
        for steps in self._lists.values():
            if steps is not shown and steps.isVisibleTo(self):
                steps.hide()
        self._shown = shown
        ticked = self._ticks.setdefault(self._call[0], set())
        for number, box in enumerate(shown.boxes):
            box.blockSignals(True)
            box.setChecked(number in ticked)
            box.blockSignals(False)
        if not shown.isVisibleTo(self):
            shown.show()

    def _ticked(self, number: int, on: bool) -> None:
        if self._call is not None:
            ticked = self._ticks.setdefault(self._call[0], set())
            if on:
                ticked.add(number)
            else:
                ticked.discard(number)

    def retranslate(self) -> None:
        self.setTitle(self.tr("What to do"))
        for steps in self._lists.values():
            self._layout.removeWidget(steps)
            steps.hide()
            steps.deleteLater()
        self._lists = {}
        for sources in dict.fromkeys(CHECKLISTS.values()):
            steps = _Steps([QCoreApplication.translate(CONTEXT, step) for step in sources], self)
            for number, box in enumerate(steps.boxes):
                box.toggled.connect(lambda on, n=number: self._ticked(n, on))
            steps.hide()
            self._layout.addWidget(steps)
            self._lists[sources] = steps
        self._show()
