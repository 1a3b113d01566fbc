"""The kiosk's screens and how a customer moves between them: a table, not scattered code.

Home, Back and Help work the same on every screen: Home returns to the start, Back to the
screen before, Help opens the help screen from anywhere (and raising the call is the
caller's job, done at the same tap). The Qt layer only shows ``flow.screen``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Screen(StrEnum):
    HOME = "home"
    SERVICES = "services"  # take a ticket: choose a service
    PRIORITY = "priority"  # "I would like priority service"
    TICKET = "ticket"  # the ticket, large, spoken, printed
    CATEGORIES = "categories"  # questions: categories
    QUESTIONS = "questions"
    ANSWER = "answer"
    HELP = "help"  # the help call, following its state
    SETTINGS = "settings"  # the customer's own settings
    FEEDBACK = "feedback"  # "How was your visit today?"
    STAFF_EXIT = "staff_exit"  # staff PIN to leave full-screen
    MISSED = "missed"  # "I missed my number": type it, go back in line
    FRAUD_CHECK = "fraud_check"  # yes/no questions before a risky service's ticket


S = Screen

NEXT: dict[Screen, frozenset[Screen]] = {
    S.HOME: frozenset({S.SERVICES, S.CATEGORIES, S.SETTINGS, S.FEEDBACK, S.STAFF_EXIT,
                       S.MISSED}),
    S.SERVICES: frozenset({S.PRIORITY, S.TICKET, S.FRAUD_CHECK}),
    S.FRAUD_CHECK: frozenset({S.PRIORITY, S.TICKET}),
    S.PRIORITY: frozenset({S.TICKET}),
    S.TICKET: frozenset({S.FEEDBACK}),
    S.CATEGORIES: frozenset({S.QUESTIONS}),
    S.QUESTIONS: frozenset({S.ANSWER}),
    S.ANSWER: frozenset({S.QUESTIONS}),
    S.HELP: frozenset({S.FEEDBACK}),
    S.SETTINGS: frozenset(),
    S.FEEDBACK: frozenset(),
    S.STAFF_EXIT: frozenset(),
    S.MISSED: frozenset({S.TICKET}),
}
"""Where each screen's own buttons lead; Home, Back and Help are allowed everywhere."""


class FlowError(ValueError):
    """A move the table does not allow: a bug in the screen that asked for it."""


@dataclass
class Flow:
    _stack: list[Screen] = field(default_factory=lambda: [Screen.HOME])

    @property
    def screen(self) -> Screen:
        return self._stack[-1]

    @property
    def can_go_back(self) -> bool:
        return len(self._stack) > 1

    def go(self, screen: Screen) -> Screen:
        if screen not in NEXT[self.screen]:
            raise FlowError(f"{self.screen} does not lead to {screen}")
        self._stack.append(screen)
        return screen

    def back(self) -> Screen:
        if len(self._stack) > 1:
            self._stack.pop()
        return self.screen

    def home(self) -> Screen:
        del self._stack[1:]
        return self.screen

    def help(self) -> Screen:
        """Open the help screen from anywhere; Back then returns to where the customer was."""
        if Screen.HELP in self._stack:
            del self._stack[self._stack.index(Screen.HELP) + 1:]
        else:
            self._stack.append(Screen.HELP)
        return self.screen

    def reset(self) -> Screen:
        """Idle reset: home, with nothing of the last customer's path kept."""
        self._stack = [Screen.HOME]
        return self.screen
