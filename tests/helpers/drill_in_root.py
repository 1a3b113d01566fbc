"""Run inside an installed machine (``/opt/bank-kiosk/bin/python drill_in_root.py ...``):
sign in at a console as a member of staff and ask the hub for a drill call at a kiosk, the
way staff start one, over the branch's TLS broker with the console's own password. Prints
the drill's call id. Needs only paho and the installed product (no test code is there)."""

from __future__ import annotations

import argparse
import sys
import threading
import time
import uuid

import paho.mqtt.client as mqtt

from kiosk.core.config import broker_address, load_config
from kiosk.core.settings import Role
from kiosk.protocol import Codec, Decoded, Message, topics
from kiosk.protocol.pin_messages import PinPurpose, PinReply, PinRequest
from kiosk.protocol.staff_commands import StartDrill
from kiosk.protocol.staff_messages import ActionResult, StaffAction
from kiosk.protocol.subscriptions import subscriptions

PATIENCE_S = 15.0


class Desk:
    """A console's broker connection: what it receives, decoded by the product's codec."""

    def __init__(self, config_path: str, console: str, password: str) -> None:
        config = load_config(config_path)
        host, port, tls = broker_address(config)
        self.branch, self.console = config.branch.id, console
        self.codec = Codec(self.branch, console, "hub")
        self.received: list[Message] = []
        self.changed = threading.Condition()
        subscribed = threading.Event()
        self.client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=console,
                                  protocol=mqtt.MQTTv311)
        self.client.username_pw_set(console, password)
        if tls:
            self.client.tls_set(ca_certs=config.broker.ca_file or None)
        filters = [(f, 1) for f in subscriptions(Role.CONSOLE, self.branch, console)]
        self.client.on_connect = lambda client, *args: client.subscribe(filters)
        self.client.on_subscribe = lambda *args: subscribed.set()
        self.client.on_message = self._message
        self.client.connect(host, port, keepalive=10)
        self.client.loop_start()
        if not subscribed.wait(PATIENCE_S):
            raise SystemExit(f"{console}: not connected and subscribed")

    def _message(self, client: object, userdata: object, message: mqtt.MQTTMessage) -> None:
        decoded = self.codec.decode(message.topic, bytes(message.payload))
        with self.changed:
            if isinstance(decoded, Decoded):  # a refused message is not for us to judge
                self.received.append(decoded.message)
            self.changed.notify_all()

    def send(self, topic: str, message: Message) -> None:
        out = self.codec.prepare(topic, message, sent_at=time.time())
        self.client.publish(topic, out.payload, qos=out.qos).wait_for_publish(PATIENCE_S)

    def wait_for(self, kind: type, where: object) -> Message:
        deadline = time.monotonic() + PATIENCE_S
        with self.changed:
            while True:
                for message in self.received:
                    if isinstance(message, kind) and where(message):  # type: ignore[operator]
                        return message
                left = deadline - time.monotonic()
                if left <= 0:
                    raise SystemExit(f"no {kind.__name__} as expected within {PATIENCE_S} s")
                self.changed.wait(left)

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


def main() -> int:
    parser = argparse.ArgumentParser()
    for option in ("--config", "--console", "--password", "--staff", "--pin", "--kiosk"):
        parser.add_argument(option, required=True)
    parser.add_argument("--patience", type=float, default=60.0)
    args = parser.parse_args()
    desk = Desk(args.config, args.console, args.password)
    try:
        request = PinRequest(uuid.uuid4().hex, args.staff, args.pin, PinPurpose.CONSOLE_SIGN_IN)
        desk.send(topics.pin_request(desk.branch, Role.CONSOLE, args.console), request)
        reply = desk.wait_for(PinReply, lambda r: r.request_id == request.request_id)
        assert isinstance(reply, PinReply)
        if not reply.ok or reply.session is None:
            print(f"sign-in refused: {reply}", file=sys.stderr)
            return 1
        deadline = time.monotonic() + args.patience
        while True:  # the hub starts drills only on a kiosk it has heard is idle
            action = StaffAction(uuid.uuid4().hex, args.staff, reply.session,
                                 StartDrill(args.kiosk))
            desk.send(topics.console_action(desk.branch, args.console), action)
            result = desk.wait_for(ActionResult,
                                   lambda r, sent=action.action_id: r.action_id == sent)
            assert isinstance(result, ActionResult)
            if result.ok:
                print(result.details["call_id"])
                return 0
            if time.monotonic() > deadline:
                print(f"no drill: {result}", file=sys.stderr)
                return 1
            time.sleep(0.5)  # between attempts at an action
    finally:
        desk.close()


if __name__ == "__main__":
    sys.exit(main())
