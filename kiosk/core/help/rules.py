"""Which *new* commands a help call accepts in each status: the lifecycle's transition table.

The table guards commands a person or a timer is about to issue (a button on the console,
"I'm fine" on the kiosk, an escalation). It never filters events that are already facts:
an event received from another node is merged whatever the table says, because refusing a
fact would make two nodes disagree about the same call. A late "I'm coming" after the call
was closed is recorded and shown in reports, but the status only ever moves forward.
"""

from __future__ import annotations

from kiosk.core.help.events import HelpEvent, HelpEventKind, Outcome
from kiosk.core.help.state import CallState, CallStatus

K = HelpEventKind
S = CallStatus

# Staff actions possible on any open call. "Arrived" without "I'm coming" first is allowed:
# arriving implies coming. Resolving is allowed from any open state: staff who find the
# customer on the way close the call then.
_WHILE_OPEN = frozenset({K.CATEGORY_SET, K.CUSTOMER_FINE, K.ACKNOWLEDGED, K.ARRIVED, K.RESOLVED})

ALLOWED_COMMANDS: dict[CallStatus, frozenset[HelpEventKind]] = {
    S.RAISED: _WHILE_OPEN | {K.RECEIVED, K.ESCALATED},
    S.NOTIFIED: _WHILE_OPEN | {K.RECEIVED, K.ESCALATED},
    # Once someone is coming there is nobody left to escalate to; the call is re-signalled
    # instead until staff close it. Another console coming online late has nothing to alarm
    # about, so it sends no "received".
    S.ACKNOWLEDGED: _WHILE_OPEN | {K.RESIGNALLED},
    S.ARRIVED: _WHILE_OPEN | {K.RESIGNALLED},
    # Only the customer's answer to "were you helped?" comes after the close.
    S.RESOLVED: frozenset({K.FEEDBACK}),
}
# A command for a call nobody has seen: only raising it.
ALLOWED_WITHOUT_CALL = frozenset({K.RAISED})


def allowed_commands(state: CallState | None) -> frozenset[HelpEventKind]:
    """The kinds the table allows now: what a console may offer as buttons."""
    return ALLOWED_WITHOUT_CALL if state is None else ALLOWED_COMMANDS[state.status]


def check_command(
    state: CallState | None,
    kind: HelpEventKind,
    *,
    staff_id: str | None = None,
    console_id: str | None = None,
    outcome: Outcome | None = None,
    level: int | None = None,
) -> str | None:
    """Why a new command of ``kind`` would be wrong now, or None if it may be issued.

    The keyword arguments are the details of the command where a rule depends on them;
    leave them out to ask only whether the kind fits the status.
    """
    if state is None:
        if kind in ALLOWED_WITHOUT_CALL:
            return None
        return f"no call is known to {kind}"
    if kind is K.RAISED:
        return "a call with this id already exists"
    if kind not in ALLOWED_COMMANDS[state.status]:
        return f"cannot {kind} a call that is {state.status}"
    return _check_details(state, kind, staff_id, console_id, outcome, level)


def check_belongs(state: CallState | None, event: HelpEvent) -> str | None:
    """Why a received event cannot be part of the call it names, or None.

    A call happens at one kiosk, and every event of it names that kiosk. The checks of each
    topic (``kiosk.protocol.topic_rules``) already tie a kiosk's events to the kiosk itself
    and a console's to the kiosk it addresses, so an event naming another kiosk than the
    call's is a device writing into a call that is not its own (a kiosk setting the
    category of a call at the next kiosk), and every receiver refuses it. Until the raise
    has arrived, the call's kiosk is only what the events seen so far claim: the raise
    itself is then accepted, since a customer's call is never refused.
    """
    if state is None or event.kiosk_id == state.kiosk_id:
        return None
    if event.kind is K.RAISED and not state.complete:
        return None
    return (f"call {event.call_id} is at kiosk {state.kiosk_id!r}; this {event.kind} event "
            f"names kiosk {event.kiosk_id!r}")


def check_new_event(state: CallState | None, event: HelpEvent) -> str | None:
    """``check_command`` for an event built but not yet stored or sent."""
    if state is not None and event.call_id != state.call_id:
        return "the event belongs to another call"
    return check_command(
        state,
        event.kind,
        staff_id=event.staff_id,
        console_id=event.console_id,
        outcome=event.outcome,
        level=event.level if event.kind in (K.ESCALATED, K.RESIGNALLED) else None,
    )


def _check_details(
    state: CallState,
    kind: HelpEventKind,
    staff_id: str | None,
    console_id: str | None,
    outcome: Outcome | None,
    level: int | None,
) -> str | None:
    if kind is K.RESOLVED:
        return _check_outcome(state, outcome)
    if kind is K.CUSTOMER_FINE and state.customer_fine:
        return "the customer has already said they are fine"
    if kind is K.FEEDBACK and state.helped is not None:
        return "the customer has already answered"
    if kind is K.ACKNOWLEDGED and staff_id is not None and staff_id in state.acknowledgers:
        return f"{staff_id} is already coming"
    if kind is K.RECEIVED and console_id is not None and console_id in state.received_by:
        return f"console {console_id} has already confirmed this call"
    if kind is K.ESCALATED and level is not None and level <= state.escalation_level:
        return f"the call is already escalated to level {state.escalation_level}"
    if kind is K.RESIGNALLED and level is not None and level <= state.resignal_level:
        return f"the call has already been signalled again at level {state.resignal_level}"
    return None


def _check_outcome(state: CallState, outcome: Outcome | None) -> str | None:
    """A drill closes as a drill and a real call never does, so reports cannot mix them.

    Until the raise has arrived nobody knows whether the call is a drill; the outcome is
    then taken on trust rather than blocking the close.
    """
    if outcome is None:
        return "closing a call needs an outcome"
    if not state.complete:
        return None
    if state.drill and outcome is not Outcome.DRILL:
        return "a drill call is closed with the drill outcome"
    if not state.drill and outcome is Outcome.DRILL:
        return "a real call cannot be closed as a drill"
    return None
