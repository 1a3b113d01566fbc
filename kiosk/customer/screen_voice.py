"""Saying what the screen shows, in the screen's language, never waiting for it.

A new screen's reading replaces the old one (the customer has moved on): readings share one
channel, so a new one stops and drops the last, and with it what was added after the last
one (`add`: a screen's later news, such as how the printing went). News from outside the
screen cuts in at high priority on channels of its own (a called ticket number, a branch
announcement), between sentences of the reading, and is not lost when the customer moves to
another screen; the reading resumes afterwards where it was. News that changes the screen
itself (`tell`: the help call's) stops the reading instead, which no longer matches the
screen, and says the new text. A customer who turned reading aloud off hears nothing, and
the kiosk works the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kiosk.customer.customer_session import CustomerSession, speech_language
from kiosk.speech.api import Phrase, Priority, Speaker

HELP_CHANNEL = "help"
READING_CHANNEL = "screen"
"""The channel of screen readings: a new reading replaces the one before."""


def _nothing() -> None:
    return None


def _spoken(content: Sequence[str | Phrase]) -> list[str | Phrase]:
    return [item for item in content if isinstance(item, Phrase) or item.strip()]


class ScreenVoice:
    def __init__(self, speaker: Speaker, session: CustomerSession,
                 on_speak: Callable[[], None] = _nothing) -> None:
        """``on_speak`` is called whenever something is given to the speaker: the idle
        clock holds from that moment (not only once sound starts) until speech is idle."""
        self._speaker = speaker
        self._session = session
        self._on_speak = on_speak
        self._added: set[str] = set()
        """Channels `add` used since the last reading: they belong to that reading."""
        self._reading = False
        """A reading was given and not silenced since."""

    @property
    def speaker(self) -> Speaker:
        return self._speaker

    @property
    def on(self) -> bool:
        return self._session.settings.speech_on

    @property
    def language(self) -> str:
        """The voice's language: the screen's (English for the pseudo-language)."""
        return speech_language(self._session.language)

    def read(self, texts: Sequence[str]) -> str | None:
        """Read a screen that has just been shown, from the top, instead of the last one.
        Returns the utterance id, or None when nothing is said."""
        spoken = _spoken(texts)
        if not (self.on and spoken):
            self.stop_reading()  # the screen it was reading is gone
            return None
        self._drop_added()
        self._on_speak()
        self._reading = True
        return self._speaker.say(spoken, self.language, Priority.NORMAL,
                                 channel=READING_CHANNEL)

    def tell(self, texts: Sequence[str | Phrase], channel: str = HELP_CHANNEL) -> str | None:
        """The screen shown has changed with news: stop its reading (which no longer
        matches it) and say the new text now, cutting in, not to be resumed later."""
        self.stop_reading()
        self._added.add(channel)  # it is the screen's now: the next reading replaces it
        return self.announce(texts, channel, resumable=False)

    def announce(self, texts: Sequence[str | Phrase], channel: str = HELP_CHANNEL, *,
                 resumable: bool = True) -> str | None:
        """News the customer must hear now, without losing the screen being read. A newer
        announcement on the same channel replaces an older one."""
        spoken = _spoken(texts)
        if not (self.on and spoken):
            return None
        self._on_speak()
        return self._speaker.say(spoken, self.language, Priority.HIGH, channel=channel,
                                 resumable=resumable)

    def add(self, texts: Sequence[str], channel: str) -> str | None:
        """Say this after the reading under way (same priority, queued behind it), on a
        channel of its own: a screen's later news, such as how the printing went."""
        spoken = _spoken(texts)
        if not (self.on and spoken):
            return None
        self._on_speak()
        self._added.add(channel)
        return self._speaker.say(spoken, self.language, Priority.NORMAL, channel=channel)

    def stop_reading(self) -> None:
        """Stop the screen's reading only ("Stop reading"); news being announced goes on."""
        self._drop_added()
        if self._reading:
            self._reading = False
            self.silence(READING_CHANNEL)

    def _drop_added(self) -> None:
        for channel in sorted(self._added):
            self.silence(channel)
        self._added.clear()

    def silence(self, channel: str) -> None:
        """Stop what is said on ``channel`` only: saying nothing on a channel replaces (stops
        and drops) what was said on it."""
        self._speaker.say([], self.language, Priority.HIGH, channel=channel)

    def stop(self) -> None:
        self._reading = False
        self._added.clear()
        self._speaker.stop()
