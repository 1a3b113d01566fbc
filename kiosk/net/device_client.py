"""What the kiosk's and the console's clients share: the outbox, who is alive, and the
hub's digest, kept on the client's own thread (see :mod:`kiosk.net.qt_bridge`).

Both originate help events through an :class:`EventSender`, follow the liveness of the
devices they hear (:class:`PeerLiveness`), answer the hub's digest of their own events
(:class:`DigestAnswer`), and give the hub everything it has not acknowledged when it speaks
again after a silence. The clients add what only they do.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from kiosk.core.config import BranchConfig
from kiosk.core.help.events import HelpEvent
from kiosk.core.settings import Role
from kiosk.net.event_sender import EventSender
from kiosk.net.liveness import PeerLiveness
from kiosk.net.local_store import LocalStore
from kiosk.net.resync import DigestAnswer
from kiosk.net.transport import Transport
from kiosk.protocol import Decoded


class DeviceClient:
    def __init__(self, config: BranchConfig, device_id: str, transport: Transport,
                 store: LocalStore, clock: Callable[[], float],
                 topic_for: Callable[[HelpEvent], str], *,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        """``clock`` stamps events (the record); re-sending and who is online are timed on
        ``monotonic``, which a wall clock set back or forward does not move. ``topic_for``:
        where this device publishes one of its events."""
        self.config = config
        self._branch = config.branch.id
        self._transport = transport
        self._store = store
        self._clock = clock
        self._timer = monotonic
        self.sender = EventSender(store, transport, clock, config.help.resend_after_s,
                                  config.help.held_resend_after_s, monotonic=monotonic)
        self.peers = PeerLiveness(config.presence.offline_after_s)
        self.resync = DigestAnswer(device_id, self.sender, topic_for)

    def __setattr__(self, name: str, value: object) -> None:
        if name.startswith("on_"):  # a hook set the old way would silently never be called
            raise AttributeError(f"{type(self).__name__} has no {name!r}: give it a listener")
        super().__setattr__(name, value)

    def resume_sending(self) -> None:
        """After a restart: send what the store holds unacknowledged."""
        self.sender.resend_due()

    def _hub_may_be_back(self, decoded: Decoded) -> None:
        """The hub was silent and speaks again: give it everything it has not acked."""
        if decoded.topic.role is Role.HUB and not self.peers.online(Role.HUB, self._timer()):
            self.sender.resend_all()

    def _connection_changed(self, connected: bool) -> None:
        """Listening from now (and send what is due), or deaf until reconnected."""
        if connected:
            self.peers.listening(self._timer())
            self.sender.resend_due()
        else:
            self.peers.deaf()
