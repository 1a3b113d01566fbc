"""Every message type on the branch bus, by its wire name.

The message classes live in modules by area (tickets, help, staff, PINs, devices); this is
the one registry the codec decodes with, so adding a type means adding it here and giving it
topics in ``topics.TOPICS``.
"""

from __future__ import annotations

from kiosk.protocol.device_messages import DevicesState, Heartbeat, Presence
from kiosk.protocol.help_messages import (
    Drill,
    EventAck,
    HelpChanges,
    HelpDigest,
    HelpEventMessage,
    HelpState,
    VisitFeedback,
)
from kiosk.protocol.message import Message
from kiosk.protocol.pin_messages import PinReply, PinRequest
from kiosk.protocol.staff_messages import ActionResult, Announcement, StaffAction
from kiosk.protocol.ticket_messages import (
    QueueState,
    TicketCalled,
    TicketPrint,
    TicketReply,
    TicketRequest,
    TicketReturn,
    WaitAlert,
)

MESSAGE_CLASSES: tuple[type[Message], ...] = (
    TicketRequest,
    TicketReply,
    QueueState,
    TicketCalled,
    TicketReturn,
    TicketPrint,
    WaitAlert,
    HelpEventMessage,
    HelpState,
    HelpChanges,
    EventAck,
    HelpDigest,
    Drill,
    VisitFeedback,
    StaffAction,
    ActionResult,
    Announcement,
    PinRequest,
    PinReply,
    Heartbeat,
    Presence,
    DevicesState,
)

MESSAGE_TYPES: dict[str, type[Message]] = {cls.TYPE: cls for cls in MESSAGE_CLASSES}
"""Wire name (the envelope's ``type``) -> message class."""
