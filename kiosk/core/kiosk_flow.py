"""The kiosk's screens and how a customer moves between them: a table, not scattered code.

Home, Back and Help work the same on every screen: Home returns to the start, Back to the
screen before, Help opens the help screen from anywhere (and raising the call is the
caller's job, done at the same tap). The Qt layer only shows ``flow.screen``.

Two screens come over the customer's screen rather than after it, and are in the table too
(`COVERS`): the idle warning, which any move of the customer's takes away (Back returns to
the screen under it), and a branch announcement, which stays over every screen but Help
and the staff exit until staff clear it, while Home and Back still move the customer's own
screen underneath. Which screen is shown is always ``flow.screen``; the customer's own
screen, under any cover, is ``flow.beneath``.
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
    IDLE = "idle"  # "Do you need more time?", over the customer's screen
    ANNOUNCEMENT = "announcement"  # a branch announcement, over every screen but Help's


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
    S.IDLE: frozenset(),
    S.ANNOUNCEMENT: frozenset(),
}
"""Where each screen's own buttons lead; Home, Back and Help are allowed everywhere."""


@dataclass(frozen=True)
class Cover:
    """How a screen that comes over the customer's screen behaves."""

    dismissed_by_customer: bool
    """Any move of the customer's (Back, Home, Help, a button) takes it away."""
    kept_on_reset: bool
    """It stays when the kiosk is reset for the next customer (it is not theirs)."""
    not_over: frozenset[Screen]
    """Screens it does not come over: they are shown, it waits beneath them."""


COVERS: dict[Screen, Cover] = {
    S.IDLE: Cover(dismissed_by_customer=True, kept_on_reset=False,
                  not_over=frozenset({S.ANNOUNCEMENT})),
    S.ANNOUNCEMENT: Cover(dismissed_by_customer=False, kept_on_reset=True,
                          not_over=frozenset({S.HELP, S.STAFF_EXIT})),
}
"""The screens shown over the customer's own; the latest on is the uppermost."""


class FlowError(ValueError):
    """A move the table does not allow: a bug in the screen that asked for it."""


@dataclass
class Flow:
    _stack: list[Screen] = field(default_factory=lambda: [Screen.HOME])
    _covers: list[Screen] = field(default_factory=list)

    @property
    def screen(self) -> Screen:
        """The screen shown: the customer's own, or a cover over it."""
        shown = self.beneath
        for cover in self._covers:
            if shown not in COVERS[cover].not_over:
                shown = cover
        return shown

    @property
    def beneath(self) -> Screen:
        """The customer's own screen, whatever covers it."""
        return self._stack[-1]

    @property
    def can_go_back(self) -> bool:
        return len(self._stack) > 1

    def go(self, screen: Screen) -> Screen:
        if screen not in NEXT[self.beneath]:
            raise FlowError(f"{self.beneath} does not lead to {screen}")
        self._customer_moved()
        self._stack.append(screen)
        return self.screen

    def back(self) -> Screen:
        """Back from the screen shown: a cover the customer may dismiss goes, otherwise
        the customer's own screen goes back one (under any cover that stays)."""
        shown = self.screen
        if shown in COVERS and COVERS[shown].dismissed_by_customer:
            self._covers.remove(shown)
        elif len(self._stack) > 1:
            self._stack.pop()
        return self.screen

    def home(self) -> Screen:
        self._customer_moved()
        del self._stack[1:]
        return self.screen

    def help(self) -> Screen:
        """Open the help screen from anywhere; Back then returns to where the customer was."""
        self._customer_moved()
        if Screen.HELP in self._stack:
            del self._stack[self._stack.index(Screen.HELP) + 1:]
        else:
            self._stack.append(Screen.HELP)
        return self.screen

    def cover(self, screen: Screen) -> Screen:
        """``screen`` (one of `COVERS`) comes over the customer's; returns what is shown."""
        if screen not in COVERS:
            raise FlowError(f"{screen} is not a screen that covers others")
        if screen in self._covers:
            self._covers.remove(screen)
        self._covers.append(screen)
        return self.screen

    def uncover(self, screen: Screen) -> Screen:
        """``screen`` is taken away (if it was on); returns what is shown."""
        if screen in self._covers:
            self._covers.remove(screen)
        return self.screen

    def is_on(self, screen: Screen) -> bool:
        """Whether ``screen`` is the customer's own or a cover that is on (shown or not)."""
        return screen in self._covers or screen in self._stack

    def reset(self) -> Screen:
        """Idle reset: home, with nothing of the last customer's path kept."""
        self._stack = [Screen.HOME]
        self._covers = [cover for cover in self._covers if COVERS[cover].kept_on_reset]
        return self.screen

    def _customer_moved(self) -> None:
        self._covers = [cover for cover in self._covers
                        if not COVERS[cover].dismissed_by_customer]
