"""What the customer at the kiosk is told about their help call, from the facts alone.

The kiosk never tells a customer more than it knows. "Staff have been told" needs a console's
confirmation; "<name> is coming" needs an acknowledgement. When nobody can be reached (no
broker, no console online, or no confirmation within a short grace time) the customer is
told plainly to go to the counter, while the call keeps being re-sent in the background.
The call's state has presence applied (``help_presence``): a desk that confirmed and went
silent, or staff who signed out on the way, are no longer promised to the customer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.core.help.events import Category
from kiosk.core.help.state import CallState, CallStatus


class HelpPhase(StrEnum):
    CALLING = "calling"  # raised; no console has confirmed yet
    NO_STAFF = "no_staff"  # nobody can be reached: go to the counter (still retrying)
    NOTIFIED = "notified"  # a console confirmed; staff have been told
    WAITING_LONG = "waiting_long"  # escalated: still nobody coming; what to do meanwhile
    COMING = "coming"  # a named member of staff is on the way
    ARRIVED = "arrived"
    CLOSED = "closed"  # staff closed it: ask "were you helped?"


@dataclass(frozen=True)
class HelpView:
    phase: HelpPhase
    call_id: str
    category: Category
    staff_id: str | None  # who is coming / came
    drill: bool
    customer_fine: bool
    feedback_given: bool

    @property
    def can_say_fine(self) -> bool:
        return self.phase not in (HelpPhase.CLOSED,) and not self.customer_fine


def help_view(call: CallState, *, now: float, connected: bool, consoles_online: int,
              confirm_grace_s: float = 5.0) -> HelpView:
    """The customer's view of ``call`` at ``now``.

    ``confirm_grace_s``: how long a call may wait for a console's confirmation, with the
    broker and a console apparently reachable, before the customer is sent to the counter.
    """
    status = call.status
    if status is CallStatus.RESOLVED:
        phase = HelpPhase.CLOSED
    elif status is CallStatus.ARRIVED:
        phase = HelpPhase.ARRIVED
    elif status is CallStatus.ACKNOWLEDGED:
        phase = HelpPhase.COMING
    elif status is CallStatus.NOTIFIED:
        phase = HelpPhase.WAITING_LONG if call.escalation_level > 0 else HelpPhase.NOTIFIED
    else:
        raised = call.raised_at if call.raised_at is not None else call.earliest_at
        unreachable = not connected or consoles_online == 0
        # The desk that had confirmed it went silent: the customer is told at once.
        lost = bool(call.silent_desks or call.gone_staff)
        if unreachable or lost or now - raised >= confirm_grace_s:
            phase = HelpPhase.NO_STAFF
        else:
            phase = HelpPhase.CALLING
    staff = call.arrived_by if phase is HelpPhase.ARRIVED and call.arrived_by else (
        call.acknowledged_by)
    return HelpView(phase=phase, call_id=call.call_id, category=call.category,
                    staff_id=staff, drill=call.drill, customer_fine=call.customer_fine,
                    feedback_given=call.helped is not None)
