"""Saying what the screen shows, in the screen's language, never waiting for it.

A new screen interrupts whatever was being read (the customer has moved on); news about a
help call cuts in at high priority on its own channel, so the latest news replaces older
news but a screen being read resumes afterwards. A customer who turned reading aloud off
hears nothing, and the kiosk works the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kiosk.customer.customer_session import CustomerSession, speech_language
from kiosk.speech.api import Priority, Speaker

HELP_CHANNEL = "help"


def _nothing() -> None:
    return None


class ScreenVoice:
    def __init__(self, speaker: Speaker, session: CustomerSession,
                 on_speak: Callable[[], None] = _nothing) -> None:
        """``on_speak`` is called whenever something is given to the speaker: the idle
        clock holds from that moment (not only once sound starts) until speech is idle."""
        self._speaker = speaker
        self._session = session
        self._on_speak = on_speak

    @property
    def speaker(self) -> Speaker:
        return self._speaker

    @property
    def on(self) -> bool:
        return self._session.settings.speech_on

    def read(self, texts: Sequence[str]) -> None:
        """Read a screen that has just been shown, from the top."""
        spoken = [text for text in texts if text.strip()]
        if self.on and spoken:
            self._on_speak()
            self._speaker.say(spoken, speech_language(self._session.language),
                              Priority.NORMAL, interrupt=True)

    def announce(self, texts: Sequence[str], channel: str = HELP_CHANNEL) -> None:
        """News the customer must hear now, without losing the screen being read."""
        spoken = [text for text in texts if text.strip()]
        if self.on and spoken:
            self._on_speak()
            self._speaker.say(spoken, speech_language(self._session.language),
                              Priority.HIGH, channel=channel)

    def stop(self) -> None:
        self._speaker.stop()
