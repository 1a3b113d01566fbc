"""The wall display's side of the network: called numbers, the queue, announcements, and
whether the hub can be heard.

A display only listens (its ACL lets it read calls, the queue state and announcements, and
publish nothing but its own presence and heartbeat), so its client is small: it turns
messages into plain callbacks and keeps track of the hub's liveness from the hub's
heartbeats, as kiosks do. It runs on the display's network worker thread; the Qt bridge
(`display_bridge`) re-emits the callbacks as signals on the GUI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.core.config import BranchConfig
from kiosk.core.settings import Role
from kiosk.net.branch_news import NewsHooks, ignore, pass_on_news
from kiosk.net.device_link import identity_for
from kiosk.net.linked_device import LinkedDevice
from kiosk.net.liveness import PeerLiveness
from kiosk.protocol import Decoded
from kiosk.protocol.device_messages import Heartbeat, Presence


@dataclass(frozen=True)
class DisplayLink:
    """What the display knows about its connection."""

    connected: bool
    """To the broker."""
    hub_online: bool
    """The hub's heartbeats are arriving (so calls will too)."""

    @property
    def live(self) -> bool:
        return self.connected and self.hub_online


@dataclass(slots=True)
class DisplayHooks(NewsHooks):
    """What the display client reports to its owner, on the client's own thread:
    ``display_bridge.DisplayBridge`` gives its signals; tests give plain callables."""

    on_link: Callable[[DisplayLink], None] = ignore
    """What the display knows about its connection changed."""


class DisplayClient:
    def __init__(self, config: BranchConfig, clock: Callable[[], float] = time.time,
                 connected: Callable[[], bool] = lambda: False) -> None:
        self.config = config
        self._clock = clock
        self._connected = connected
        self.peers = PeerLiveness(config.presence.offline_after_s)
        self._last_link: DisplayLink | None = None
        self.listener = DisplayHooks()
        """Set by the owner: the Qt bridge, or ``DisplayHooks`` in a test."""

    def resume(self) -> None:
        """Nothing is kept across restarts: the retained queue state and announcement
        arrive again when the display connects."""
        return None

    def handle(self, decoded: Decoded) -> None:
        message = decoded.message
        if pass_on_news(message, self.listener):
            return
        if isinstance(message, Heartbeat) and decoded.topic.role is Role.HUB:
            self.peers.heard(decoded.sender, Role.HUB, self._clock())
            self._check_link()
        elif isinstance(message, Presence) and decoded.topic.role is Role.HUB:
            if message.online:
                self.peers.heard(decoded.sender, Role.HUB, self._clock())
            else:
                self.peers.gone(decoded.sender)
            self._check_link()

    def connection_changed(self, connected: bool) -> None:
        self._check_link()

    def tick(self) -> None:
        self._check_link()

    def link(self) -> DisplayLink:
        return DisplayLink(self._connected(), bool(self.peers.online(Role.HUB, self._clock())))

    def _check_link(self) -> None:
        current = self.link()
        if current != self._last_link:
            self._last_link = current
            self.listener.on_link(current)


class DisplayDevice(LinkedDevice[DisplayClient]):
    """The display's link to the broker and its one network thread (no local store: a
    display holds nothing that must survive a restart)."""

    def __init__(self, config: BranchConfig, device_id: str, *, password: str | None = None,
                 clock: Callable[[], float] = time.time, tick_s: float = 0.1) -> None:
        identity = identity_for(config, device_id)
        if identity.role is not Role.DISPLAY:
            raise ValueError(f"device {device_id!r} is a {identity.role.value}, not a display")
        super().__init__(config, device_id, f"display-{device_id}", password=password,
                         clock=clock, tick_s=tick_s)
        self.client = DisplayClient(config, clock, lambda: self.link.connected)
