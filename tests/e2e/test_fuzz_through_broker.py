"""10,000 malformed messages through the real broker: hub and console survive, calls unchanged.

Every message sent here is one the codec refuses (checked before sending): random bytes,
random JSON, broken envelopes and bodies, wrong senders, unknown versions, oversized
payloads, on every topic of the tree and on topics outside it. A valid forged message is
not fuzz: keeping strangers from sending valid messages is the broker ACL's job, tested in
``test_broker_setup.py``.
"""

from __future__ import annotations

import json
import random
import sqlite3
import threading
import time
import uuid
from pathlib import Path

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from kiosk.core.config import load_config
from kiosk.core.help.events import Category, Outcome, new_raise
from kiosk.core.settings import Role
from kiosk.net.broker import MosquittoBroker
from kiosk.net.headless import headless_console, headless_kiosk
from kiosk.protocol import Rejection, decode
from kiosk.protocol.help_messages import HelpEventMessage
from kiosk.protocol.subscriptions import subscriptions
from kiosk.protocol.topics import TOPICS, topic_matches
from tests.helpers.headless_sign_in import sign_in
from tests.helpers.hub_process import prepare_hub
from tests.helpers.waiting import wait_until

B = "demo-branch"
COUNT = 10_000
DEVICES = ["kiosk-1", "kiosk-2", "console-1", "console-lobby", "display-1", "hub", "kiosk-9"]


def _topics(rng: random.Random) -> str:
    spec = rng.choice(TOPICS)
    pattern = spec.pattern()
    topic = (pattern.replace("<branch>", rng.choice([B, B, B, "other-branch"]))
             .replace("<kiosk_id>", rng.choice(DEVICES)).replace("<console_id>",
                                                                  rng.choice(DEVICES))
             .replace("<display_id>", rng.choice(DEVICES))
             .replace("<device_id>", rng.choice(DEVICES)))
    if rng.random() < 0.05:
        topic = rng.choice([f"bank/{B}/kiosk", f"bank/{B}/../hub", f"bank/{B}/kiosk/K 1/help",
                            f"bank/{B}/hub/state/queue/x", "bank", f"bank/{B}/kiosk/kiosk-1"])
    return topic


def _valid_help_payload(rng: random.Random) -> dict[str, object]:
    event = new_raise("kiosk-1", time.time(), category=Category.MEDICAL)
    return {"v": 1, "type": "help.event", "id": uuid.uuid4().hex, "sender": "kiosk-1",
            "sent_at": time.time(), "body": HelpEventMessage(event).to_body()}


def _mutate(value: object, rng: random.Random) -> object:
    choices: list[object] = [None, True, -1, 2**64, 1e308, "", "x" * 300, [], {}, [1, 2],
                             "../../etc", "\u202e", {"nested": {"deep": [[[[]]]]}}]
    return rng.choice(choices)


def _payload(rng: random.Random) -> bytes:
    kind = rng.randrange(8)
    if kind == 0:
        return bytes(rng.getrandbits(8) for _ in range(rng.randrange(1, 200)))
    if kind == 1:
        return json.dumps(_mutate(None, rng)).encode()
    if kind == 2:
        return b"{" * rng.randrange(1, 5000)
    if kind == 3:
        return b'{"v": 1, "type": "help.event", "v": 2}'  # duplicate keys
    if kind == 4:
        return b"x" * (17 * 1024 + rng.randrange(300 * 1024))  # oversized
    message = _valid_help_payload(rng)
    if kind == 5:
        message["v"] = rng.choice([0, 2, 99, -1, "1", None])
    elif kind == 6:
        message["sender"] = rng.choice(["kiosk-2", "hub", "console-1", "", "KIOSK"])
    else:
        body = message["body"]
        assert isinstance(body, dict)
        body[rng.choice(list(body) + ["extra"])] = _mutate(None, rng)
    return json.dumps(message).encode()


def _refused_fuzz(count: int, seed: int) -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    found: list[tuple[str, bytes]] = []
    while len(found) < count:
        topic, payload = _topics(rng), _payload(rng)
        if isinstance(decode(topic, payload, branch=B, hub_id="hub"), Rejection):
            found.append((topic, payload))
    return found


def _ledger_ids(path: Path) -> set[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return {row[0] for row in db.execute("SELECT id FROM help_events")}


def test_ten_thousand_malformed_messages_change_nothing(mosquitto: MosquittoBroker,
                                                        tmp_path: Path) -> None:
    # Long escalation times: the only changes to stored calls would then come from the fuzz.
    hub = prepare_hub(tmp_path / "hub", mosquitto.port, **{"help.escalate_after_s": 600,
                                                           "help.resignal_after_s": 3600}
                      ).start()
    config = load_config(hub.config_path)
    kiosk = headless_kiosk(config, "kiosk-1", tmp_path / "kiosk").start()
    console = headless_console(config, "console-1", tmp_path / "console").start()
    try:
        wait_until(lambda: kiosk.link.connected and console.link.connected, what="connected")
        sign_in(console, "li-ming")
        call_id = kiosk.call(lambda: kiosk.client.raise_help(Category.MEDICAL).call_id)
        wait_until(lambda: kiosk.client.sender.pending() == 0, what="call stored by the hub")
        wait_until(lambda: call_id in console.client.calls, what="console has the call")
        wait_until(lambda: console.client.sender.pending() == 0,
                   what="the console's confirmation stored by the hub")
        ledger_before = _ledger_ids(hub.db_path)
        console_before = console.client.calls
        before = hub.healthz()
        assert before is not None
        rejected_before = sum(before[1]["rejections"].values())

        fuzz = _refused_fuzz(COUNT, seed=20261127)
        done = threading.Event()
        sender = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="fuzzer",
                             protocol=mqtt.MQTTv311)
        sender.max_inflight_messages_set(100)
        sender.max_queued_messages_set(0)
        sender.on_connect = lambda *args: done.set()
        sender.connect(mosquitto.host, mosquitto.port)
        sender.loop_start()
        assert done.wait(10)
        infos = [sender.publish(topic, payload, qos=1) for topic, payload in fuzz]
        for info in infos:
            info.wait_for_publish(timeout=30)
        sender.loop_stop()
        sender.disconnect()

        hub_filters = subscriptions(Role.HUB, B, None)
        for_hub = sum(1 for topic, _ in fuzz
                      if any(topic_matches(f, topic) for f in hub_filters))
        assert for_hub > COUNT // 4  # a good share of the fuzz is aimed at the hub

        def hub_counted() -> int:
            answer = hub.healthz()
            return 0 if answer is None else sum(answer[1]["rejections"].values()) \
                - rejected_before
        wait_until(lambda: hub_counted() >= for_hub, timeout_s=60,
                   what="the hub refused and counted every message it received")
        status, report = hub.healthz() or (0, {})
        assert status == 200 and report["database"]["ok"]
        assert hub.process is not None and hub.process.poll() is None
        assert _ledger_ids(hub.db_path) == ledger_before
        assert console.client.calls == console_before
        assert sum(console.link.rejections.values()) > 0
        assert all(code.value for code in console.link.rejections)  # counted by reason

        # Still answering: a new call goes through after all that.
        console.call(lambda: console.client.resolve(call_id, "li-ming", Outcome.HELPED))
        wait_until(lambda: not kiosk.client.call.is_open, what="the first call closed")
        kiosk.call(kiosk.client.dismiss_call)
        second = kiosk.call(lambda: kiosk.client.raise_help(Category.OTHER).call_id)
        assert second != call_id
        wait_until(lambda: second in console.client.calls, what="a real call still arrives")
    finally:
        kiosk.stop()
        console.stop()
        hub.stop()
