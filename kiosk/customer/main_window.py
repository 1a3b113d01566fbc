"""The kiosk window: one screen at a time, the same Home, Back and Help on each.

Which screen is shown is the core's `Flow` (a table, tested without Qt); this window only
shows `flow.screen` and reads it aloud. Around the screens it keeps the rules that hold
everywhere: Help raises a call from any screen (`HelpLoop`), Escape is Back, the keypad's
keys work on every screen, the idle rule asks before it resets, and the top-left corner,
held, lets staff leave. Taking a ticket and questions and answers are journeys of their own
(`TicketJourney`, `QuestionsJourney`) over more screens in `self.screens`; called ticket
numbers are announced whatever the customer is doing (`CalledAnnouncer`), and a branch
announcement covers every screen but Help's until staff clear it (`AnnouncementTakeover`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk.core.config import BranchConfig
from kiosk.core.customer_settings import CustomerSettings
from kiosk.core.faq_library import FaqLibrary
from kiosk.core.help.events import Category
from kiosk.core.help.view import HelpView
from kiosk.core.kiosk_flow import COVERS, Flow, Screen
from kiosk.core.settings import KioskSection, PrinterSection
from kiosk.customer.announcement_overlay import (
    AnnouncementScreen,
    AnnouncementTakeover,
)
from kiosk.customer.called_announcer import CalledAnnouncer
from kiosk.customer.corner_gesture import CornerHold
from kiosk.customer.customer_session import CustomerSession, data_language
from kiosk.customer.feedback_screen import FeedbackScreen
from kiosk.customer.help_button_words import help_button_text
from kiosk.customer.help_follower import HelpFollower
from kiosk.customer.help_loop import HelpLoop
from kiosk.customer.help_screen import HelpScreen
from kiosk.customer.help_words import staff_name
from kiosk.customer.home_screen import HomeScreen
from kiosk.customer.idle_overlay import IdleScreen
from kiosk.customer.idle_watch import IdleWatch
from kiosk.customer.keypad import Keypad
from kiosk.customer.kiosk_keys import KeyFunction
from kiosk.customer.kiosk_screen import KioskScreen
from kiosk.customer.lost_offer import LostCustomerOffer, LostOfferScreen
from kiosk.customer.magnifier import LENS_SIDE_MM, Magnifier, MagnifierButton
from kiosk.customer.missed_screen import MissedScreen
from kiosk.customer.questions_journey import QuestionsJourney
from kiosk.customer.screen_host import ScreenHost
from kiosk.customer.screen_voice import ScreenVoice
from kiosk.customer.settings_screen import Setting, SettingsScreen
from kiosk.customer.staff_exit_screen import StaffExitScreen
from kiosk.customer.ticket_journey import TicketJourney
from kiosk.net.kiosk_client import PinOutcome, Reachability
from kiosk.net.qt_bridge import KioskBridge
from kiosk.printing.qt_adapter import PrinterEvents
from kiosk.protocol.help_messages import Rating
from kiosk.protocol.pin_messages import PinPurpose
from kiosk.speech.focus_reader import FocusReader
from kiosk.speech.qt_adapter import QtSpeechEvents
from kiosk.ui.physical import size_rules

log = logging.getLogger(__name__)

CORNER_MM = 25.0
"""Side of the top-left square staff hold to open the staff exit."""

SETTLE_PASSES = 3
"""Rounds of a restyled screen's pending re-placements and layout requests run before it
is painted: each round can set off the next (the strip's rows, the screen's layout, then
its scrolled content)."""

NO_STAFF_OFFER = frozenset({Screen.HELP, Screen.STAFF_EXIT, *COVERS})
"""Screens the lost-customer offer never comes over."""


@dataclass(frozen=True)
class KioskScreens:
    """The screens the window shows that no journey of its own makes."""

    home: HomeScreen
    settings: SettingsScreen
    help: HelpScreen
    idle: IdleScreen
    lost: LostOfferScreen
    staff_exit: StaffExitScreen
    missed: MissedScreen
    feedback: FeedbackScreen
    announcement: AnnouncementScreen
    language_names: Mapping[str, str]
    """The name of each language in that language, as the screens show it."""


@dataclass(frozen=True)
class KioskServices:
    """What the window works with and does not show."""

    voice: ScreenVoice
    idle: IdleWatch
    follower: HelpFollower
    keypad: Keypad
    announcer: CalledAnnouncer
    takeover: AnnouncementTakeover
    focus_reader: FocusReader
    printer: PrinterEvents


@dataclass(frozen=True)
class JourneyContent:
    """What the ticket and question journeys are made from."""

    faq: FaqLibrary
    faq_dir: Path
    font_family: str
    paper: PrinterSection


class KioskWindow(QWidget):
    exitApproved = Signal(str)
    """Staff (this id) may leave the kiosk program: the hub accepted their PIN."""

    def __init__(self, config: BranchConfig, kiosk: KioskSection, network: KioskBridge,
                 session: CustomerSession, shown: KioskScreens, services: KioskServices,
                 content: JourneyContent, *, monotonic: Callable[[], float] = time.monotonic,
                 idle_poll_ms: int = 250, parent: QWidget | None = None) -> None:
        """Everything the window shows and works with is made by the composition root
        (`kiosk.customer.app.build_kiosk`); the window builds only what is its own: the
        flow between the screens, the journeys over more screens (which move the flow),
        the host that shows one screen at a time, and the rules that hold on every screen
        (Help, the lost-customer offer, the magnifier, the staff's corner)."""
        super().__init__(parent)
        self.setObjectName("kiosk_window")
        self.config = config
        self.session = session
        self.network = network
        self.voice = services.voice
        self.flow = Flow()
        self._exit_requests: set[str] = set()
        self._keypad_mode = False
        self._allow_close = False
        self._staff_reachable = True
        self._stopped = False
        self._spoken_language = session.language
        self._help_view_of: dict[KioskScreen, HelpView | None] = {}
        """The call as each screen's Help last showed it (absent: never set)."""
        self._look_of: dict[KioskScreen, str] = {}
        """The stylesheet each screen was given last (absent: none yet)."""
        # Staff count as unreachable only after two missed heartbeats: at start-up and
        # after a blip, consoles need a heartbeat interval to be heard from.
        self._unreachable_timer = QTimer(self)
        self._unreachable_timer.setSingleShot(True)
        self._unreachable_timer.setInterval(
            round(2000 * config.presence.heartbeat_interval_s) + 500)
        app = QApplication.instance()
        assert isinstance(app, QApplication), "the kiosk window needs a QApplication"
        self._app = app
        for service in (services.idle, services.follower, services.keypad, services.announcer,
                        services.takeover, services.focus_reader):
            service.setParent(self)  # they live as long as the window

        language = self._language
        self.language_names = dict(shown.language_names)
        self.home = shown.home
        self.settings_screen = shown.settings
        self.help_screen = shown.help
        self.idle_screen = shown.idle
        self.lost_screen = shown.lost
        self.staff_exit = shown.staff_exit
        self.printer_events = services.printer
        self.tickets = TicketJourney(config, network, services.printer, self.voice, language,
                                     self._go, self._is_shown, font_family=content.font_family,
                                     paper=content.paper, parent=self)
        self.missed_screen = shown.missed
        self.services_screen = self.tickets.services
        self.priority_screen = self.tickets.priority
        self.ticket_screen = self.tickets.ticket
        self.faq = content.faq
        self.questions = QuestionsJourney(content.faq, content.faq_dir, self.voice, language,
                                          self._go, parent=self)
        self.categories_screen = self.questions.categories
        self.questions_screen = self.questions.questions
        self.answer_screen = self.questions.answer
        self.feedback_screen = shown.feedback
        self.announcement_screen = shown.announcement
        self.screens: dict[Screen, KioskScreen] = {
            Screen.HOME: self.home, Screen.SETTINGS: self.settings_screen,
            Screen.HELP: self.help_screen, Screen.STAFF_EXIT: self.staff_exit,
            Screen.SERVICES: self.services_screen, Screen.PRIORITY: self.priority_screen,
            Screen.TICKET: self.ticket_screen, Screen.CATEGORIES: self.categories_screen,
            Screen.QUESTIONS: self.questions_screen, Screen.ANSWER: self.answer_screen,
            Screen.FEEDBACK: self.feedback_screen, Screen.MISSED: self.missed_screen,
            Screen.FRAUD_CHECK: self.tickets.fraud_check, Screen.IDLE: self.idle_screen,
            Screen.ANNOUNCEMENT: self.announcement_screen,
        }
        self.host = ScreenHost(self)
        for screen in self.screens.values():
            self.host.park(screen)
        self.host.park(self.lost_screen)
        self.magnifier = Magnifier(config.magnifier, self,
                                   round(size_rules(config.screen).mm(LENS_SIDE_MM)),
                                   self._passes_magnifier, parent=self)
        self.magnifier_buttons = [MagnifierButton() for _ in (*self.screens.values(),
                                                              self.lost_screen)]
        for screen, button in zip((*self.screens.values(), self.lost_screen),
                                  self.magnifier_buttons, strict=True):
            screen.nav.add_tool(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.host)

        self.help = HelpLoop(config, network, services.follower, self.help_screen, self.voice,
                             language, lambda: self.host.current is self.help_screen,
                             paint_now=self._paint_help_news, parent=self)
        self.idle = services.idle
        self.lost = LostCustomerOffer(
            config.lost, self.lost_screen, self, current=lambda: self.host.current,
            home=self.home, may_offer=self._may_offer_staff,
            put=lambda screen: self._put(screen, speak=True),
            restore=self._show,
            accept=lambda: self.help_tapped(Category.GUIDANCE), monotonic=monotonic,
            poll_ms=idle_poll_ms, parent=self)
        self.keypad = services.keypad
        self.announcer = services.announcer
        self.takeover = services.takeover
        rules = size_rules(config.screen)
        self.corner = CornerHold(self, round(rules.mm(CORNER_MM)), kiosk.staff_exit_hold_s,
                                 parent=self)
        self.focus_reader = services.focus_reader
        self._own_reading: dict[KioskScreen, Callable[[], None]] = {
            self.announcement_screen: self.takeover.say,
        }
        """Screens that say themselves their own way (the announcement: on its channel,
        said again after each reading); every other screen is read as it shows."""
        self._connect()
        self._show(speak=False)

    # --- wiring ---------------------------------------------------------------------------

    def _connect(self) -> None:
        for screen in self.screens.values():
            screen.homeRequested.connect(self.go_home)
            screen.backRequested.connect(self.go_back)
            screen.helpRequested.connect(self.help_tapped)
        for changing in self.screens.values():
            changing.contentChanged.connect(lambda screen=changing: self._read_if_shown(screen))
        self.home.ticketRequested.connect(lambda: self._go(Screen.SERVICES))
        self.home.questionsRequested.connect(lambda: self._go(Screen.CATEGORIES))
        self.home.missedRequested.connect(lambda: self._go(Screen.MISSED))
        self.missed_screen.numberEntered.connect(self.tickets.return_missed)
        self.ticket_screen.finished.connect(lambda: self._go(Screen.FEEDBACK))
        self.feedback_screen.rated.connect(self._rated)
        self.feedback_screen.declined.connect(self.go_home)
        self.network.called.connect(self.announcer.called)
        self.network.announcement.connect(self.takeover.announcement)
        self.takeover.takeoverChanged.connect(self._takeover_changed)
        self.home.guidanceRequested.connect(lambda: self.help_tapped(Category.GUIDANCE))
        self.home.settingsRequested.connect(lambda: self._go(Screen.SETTINGS))
        self.home.languageRequested.connect(self._next_language)
        self.home.textSizeRequested.connect(
            lambda: self.session.update(self.session.settings.toggled_size()))
        self.home.contrastRequested.connect(
            lambda: self.session.update(self.session.settings.toggled_contrast()))
        self.settings_screen.changeRequested.connect(self._settings_requested)
        self.session.changed.connect(self._settings_changed)
        self.idle_screen.moreTimeRequested.connect(self.more_time)
        self.staff_exit.pinEntered.connect(self._exit_pin)
        self.network.pin_reply.connect(self._pin_reply)
        self.network.reachability.connect(self._reachability)
        self.help.bringToFront.connect(self._help_to_front)
        self.tickets.concernRaised.connect(self.help.raise_quietly)
        self.lost.watch_navigation(*(widget for screen, widget in self.screens.items()
                                     if screen not in COVERS))
        self.keypad.backPressed.connect(self.lost.went_back_or_home)
        self.lost_screen.homeRequested.connect(self.go_home)
        self.lost_screen.helpRequested.connect(self.help_tapped)
        for button in self.magnifier_buttons:
            button.clicked.connect(self.magnifier.toggle)
        self.magnifier.changed.connect(self._magnifier_changed)
        self.help.openChanged.connect(self.idle.help_open)
        self.help.follower.view_changed.connect(self._help_button_state)
        self.idle.warn.connect(self._idle_warning)
        self.idle.countdown.connect(self._idle_countdown)
        self.idle.reset.connect(self.reset_for_next_customer)
        self.keypad.pressed.connect(self._key_function)
        self.keypad.backPressed.connect(self.go_back)
        self.keypad.navigated.connect(self._keypad_used)
        self.corner.held.connect(self.open_staff_exit)
        self._unreachable_timer.timeout.connect(self._still_unreachable)

    def start(self) -> None:
        """Begin watching input and idleness (after the window is shown)."""
        for watcher in (self.idle, self.keypad, self.corner, self.lost, self.magnifier):
            self._app.installEventFilter(watcher)
        self.idle.start()
        self.lost.start()

    def stop(self) -> None:
        """Stop for good: no timer, filter or late network message touches a screen after."""
        self._stopped = True
        self.help.stop()
        self.tickets.stop()
        self.announcer.stop()
        self.takeover.stop()
        for watcher in (self.idle, self.keypad, self.corner, self.lost, self.magnifier):
            self._app.removeEventFilter(watcher)
        self.idle.stop()
        self.lost.stop()
        self._unreachable_timer.stop()
        self.focus_reader.detach()
        self.host.release()

    def listen_to(self, events: QtSpeechEvents) -> None:
        """Hold the idle clock while the speaker speaks; let the called numbers and the
        branch announcement follow their own utterances' ends."""
        events.utterance_started.connect(self.idle.speech_started)
        events.speech_idle.connect(self.idle.speech_ended)
        for ended in (events.utterance_finished, events.utterance_failed):
            ended.connect(self.announcer.utterance_ended)
            ended.connect(self.takeover.utterance_ended)

    def _language(self) -> str:
        return self.session.language

    # --- showing screens ------------------------------------------------------------------

    @property
    def current(self) -> KioskScreen:
        screen = self.host.current
        assert isinstance(screen, KioskScreen)
        return screen

    @property
    def in_use(self) -> bool:
        """A customer is here, or something of theirs is still on the screen."""
        return (self.help.call_open or not self.idle.at_rest_now
                or self.flow.beneath is not Screen.HOME or not self.session.at_defaults)

    def _show(self, *, speak: bool = True) -> None:
        """Show ``flow.screen``; asked for the screen already shown (Home on Home, Back on
        the announcement), say it again."""
        widget = self.screens[self.flow.screen]
        self._put(widget, speak=False)
        if speak:
            self._say(widget)

    def _say(self, widget: KioskScreen) -> None:
        own = self._own_reading.get(widget)
        if own is not None:
            own()
        else:
            self.voice.read(widget.spoken())

    def _covered(self, screen: Screen, on: bool, *, speak: bool) -> None:
        """A cover (`COVERS`) comes on or goes: show the screen that is now uppermost."""
        before = self.flow.screen
        if on:
            self.flow.cover(screen)
        else:
            self.flow.uncover(screen)
        if self.flow.screen is not before:
            self._show(speak=speak)

    def _passes_magnifier(self, widget: QWidget | None) -> bool:
        """Presses that still work with the magnifier on: its own switch, and Help."""
        return widget is not None and any(
            button is widget or button.isAncestorOf(widget)
            for button in (*self.magnifier_buttons,
                           *(screen.nav.help_button for screen in self.screens.values()),
                           self.lost_screen.nav.help_button))

    def _magnifier_changed(self, on: bool) -> None:
        for button in self.magnifier_buttons:
            button.show_state(on)
        log.info("magnifier %s", "on" if on else "off")

    def _may_offer_staff(self) -> bool:
        """Whether the lost-customer offer may cover the screen shown now."""
        return (self.host.current is self.screens[self.flow.screen]
                and self.flow.screen not in NO_STAFF_OFFER and not self.help.call_open)

    def _is_shown(self, widget: object) -> bool:
        return self.host.current is widget

    def _read_if_shown(self, screen: KioskScreen) -> None:
        """Another page of the screen's choices: read it, and a keypad user starts on it."""
        if self.host.current is not screen:
            return
        if self._keypad_mode:
            target = screen.first_control()
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.voice.read(screen.spoken())

    def _put(self, widget: KioskScreen, *, speak: bool) -> None:
        """Show ``widget`` and paint it at once; only then is its reading queued."""
        if self.host.current is self.help_screen and widget is not self.help_screen:
            self.help.leave()
        changed = self.host.current is not widget
        restyled = self._sync_look(widget)
        restyled = widget.catch_up_language() or restyled
        self._sync_help_button(widget)
        self.host.show_screen(widget)
        if self._keypad_mode:
            target = widget.first_control()
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
        if changed:
            self._paint_now(widget, settle=restyled)
        if speak:
            self._say(widget)

    def _paint_now(self, widget: KioskScreen, *, settle: bool) -> None:
        """Lay the screen out in its place and paint it now, not when the event loop next
        gets round to it: what the touch asked for is on the glass before anything else
        the touch set off (speech, the network, other screens) takes its turn."""
        layout = self.host.layout()
        if layout is not None:
            layout.activate()
        if settle:
            self._settle(widget)
        if widget.isVisible():
            widget.repaint()

    def _go(self, screen: Screen) -> None:
        self.flow.go(screen)
        self._show()

    @Slot()
    def go_home(self) -> None:
        self.flow.home()
        self._show()

    @Slot()
    def go_back(self) -> None:
        if self.host.current is self.help_screen and self.help_screen.staff_close_open:
            self.help_screen.close_staff_close()  # Back leaves the staff's panel first
            self.voice.read(self.help_screen.spoken())
            return
        self.flow.back()
        self._show()

    def help_tapped(self, category: Category = Category.UNSPECIFIED) -> None:
        self.help.tap(category)

    @Slot()
    def _help_to_front(self) -> None:
        if self.host.current is self.help_screen:
            return
        self.flow.help()
        self._show()

    def repeat(self) -> None:
        """Say the screen again (the keypad's Repeat key)."""
        self._say(self.current)

    # --- called numbers, announcements, feedback -----------------------------------------

    @Slot(bool)
    def _takeover_changed(self, on: bool) -> None:
        if self._stopped:
            return
        # On, it says itself; cleared, the customer's screen comes back as they left it.
        self._covered(Screen.ANNOUNCEMENT, on, speak=not on)

    @Slot(object)
    def _rated(self, rating: Rating) -> None:
        self.network.give_visit_feedback(rating, data_language(self.session.language))
        self._read_if_shown(self.feedback_screen)

    # --- the customer's settings ----------------------------------------------------------

    def _next_language(self) -> None:
        self.session.update(self.session.settings.with_language(self.session.next_language()))

    def _settings_requested(self, settings: CustomerSettings, setting: str) -> None:
        self.session.update(settings)
        if setting == Setting.LANGUAGE:
            return  # the whole screen is read again in the new language
        self.voice.announce([self.settings_screen.state_text(Setting(setting))],
                            channel="settings")

    @Slot(object)
    def _help_button_state(self, view: HelpView | None) -> None:
        """Help says what is happening with the call, on every screen: the one shown now,
        and each other screen when it is next shown (re-laying out every screen's
        navigation on each change of the call cost a tap on Help a quarter of its time)."""
        current = self.host.current
        if isinstance(current, KioskScreen):
            self._sync_help_button(current)

    def _paint_help_news(self) -> None:
        """The help screen, shown, has the call's news: its Help takes the call's words and
        the screen is painted now, before the news is said (an update would wait for the
        window's next frame)."""
        self._sync_help_button(self.help_screen)
        self._paint_now(self.help_screen, settle=True)

    def _help_words(self) -> str | None:
        view = self.help.follower.view
        if view is None:
            return None
        name = staff_name(self.config, view.staff_id, self._language())
        return help_button_text(view, name.shown if name else None)

    def _sync_look(self, screen: KioskScreen) -> bool:
        """Give ``screen`` the customer's look (text size, contrast), if it lacks it: only
        the screen shown is restyled when the look changes, each other when it is shown.
        Returns whether it was restyled."""
        sheet = self.session.stylesheet
        if self._look_of.get(screen) is sheet:
            return False
        self._look_of[screen] = sheet
        screen.setPalette(self.session.palette)
        screen.setStyleSheet(sheet)
        return True

    @staticmethod
    def _settle(screen: KioskScreen) -> None:
        """Run now what a restyle left for later in ``screen``: its widgets re-place
        themselves after a restyle (a posted call each), and its inner layouts (the
        scrolled content, the pages of choices) follow through posted requests. What is
        then painted, and read, is the screen as it settles, not a step on the way."""
        widgets = [screen, *screen.findChildren(QWidget)]
        for _ in range(SETTLE_PASSES):
            for widget in widgets:
                QCoreApplication.sendPostedEvents(widget, QEvent.Type.MetaCall)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _sync_help_button(self, screen: KioskScreen) -> None:
        """Give ``screen``'s Help the words for the call as it stands, if it lacks them."""
        view = self.help.follower.view
        if screen in self._help_view_of and self._help_view_of[screen] == view:
            return
        self._help_view_of[screen] = view
        screen.set_help_text(self._help_words if view is not None else None)

    @Slot(object)
    def _settings_changed(self, settings: CustomerSettings) -> None:
        self._sync_look(self.current)
        self.settings_screen.refresh()
        self.home.retranslate()
        self.help.refresh_words()
        if not settings.speech_on:
            self.focus_reader.set_enabled(False)
        elif self._keypad_mode:
            self.focus_reader.set_enabled(True)
        if settings.language != self._spoken_language:
            self._spoken_language = settings.language
            self.repeat()

    def _key_function(self, function: KeyFunction) -> None:
        if function in (KeyFunction.HELP, KeyFunction.HELP_BUTTON):
            self.help_tapped()
        elif function is KeyFunction.REPEAT:
            self.repeat()
        else:
            current = self.session.settings
            louder = function is KeyFunction.VOLUME_UP
            self.session.update(current.louder() if louder else current.quieter())
            self.voice.announce([self.settings_screen.state_text(Setting.VOLUME)],
                                channel="settings")

    @Slot()
    def _keypad_used(self) -> None:
        if not self._keypad_mode:
            self._keypad_mode = True
            self.focus_reader.set_enabled(self.session.settings.speech_on)

    @property
    def keypad_mode(self) -> bool:
        return self._keypad_mode

    # --- idle -----------------------------------------------------------------------------

    @Slot()
    def _idle_warning(self) -> None:
        self._covered(Screen.IDLE, True, speak=True)

    @Slot(int, bool)
    def _idle_countdown(self, seconds: int, say: bool) -> None:
        self.idle_screen.set_seconds_left(seconds)
        if say and self.host.current is self.idle_screen:
            self.voice.read(self.idle_screen.countdown_spoken())

    @Slot()
    def more_time(self) -> None:
        self.idle.activity()
        self._covered(Screen.IDLE, False, speak=True)

    @Slot()
    def reset_for_next_customer(self) -> None:
        """Nothing of the last customer stays: screens, settings, speech, a closed call."""
        log.info("resetting for the next customer")
        self.voice.speaker.reset_to_defaults()
        self.session.reset()
        self.tickets.clear()
        for screen in self.screens.values():
            screen.clear()
        self.questions.reload_if_changed()  # staff's edits show for the next customer
        self.help.dismiss()
        self.lost.reset()
        self.magnifier.turn_off()
        self._keypad_mode = False
        self.focus_reader.set_enabled(False)
        self.flow.reset()
        self._show(speak=False)
        self.idle.at_rest()
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()

    # --- staff ----------------------------------------------------------------------------

    @Slot()
    def open_staff_exit(self) -> None:
        self.flow.home()
        self.flow.go(Screen.STAFF_EXIT)
        self.staff_exit.clear()
        self._show()

    @property
    def pending_pin_requests(self) -> frozenset[str]:
        """Staff-exit PIN requests the hub has not answered yet."""
        return frozenset(self._exit_requests)

    def _exit_pin(self, staff_id: str, pin: str) -> None:
        self._exit_requests.add(self.network.request_pin(staff_id, pin, PinPurpose.KIOSK_EXIT))

    @Slot(object)
    def _pin_reply(self, outcome: PinOutcome) -> None:
        if self._stopped or outcome.request_id not in self._exit_requests:
            return
        self._exit_requests.discard(outcome.request_id)
        self.staff_exit.show_outcome(outcome)
        if outcome.accepted and outcome.staff_id is not None:
            log.info("staff %s closed the kiosk program", outcome.staff_id)
            self._allow_close = True
            self.exitApproved.emit(outcome.staff_id)
        else:
            self.voice.read(self.staff_exit.spoken())

    def allow_close(self) -> None:
        """Closing the window is allowed (windowed development mode)."""
        self._allow_close = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._allow_close:
            super().closeEvent(event)
        else:
            event.ignore()  # full-screen kiosk: only staff with a PIN leave it

    # --- reachability ---------------------------------------------------------------------

    @Slot(object)
    def _reachability(self, reachability: Reachability) -> None:
        if self._stopped:
            return
        self._staff_reachable = reachability.staff_reachable
        if self._staff_reachable:
            self._unreachable_timer.stop()
            self.home.set_staff_unreachable(False)
        elif not self._unreachable_timer.isActive():
            self._unreachable_timer.start()

    @Slot()
    def _still_unreachable(self) -> None:
        if not self._stopped:
            self.home.set_staff_unreachable(not self._staff_reachable)
