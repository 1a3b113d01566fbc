"""docs/protocol.md says what the code does: its topic table and its examples are checked.

Someone with only ``mosquitto_pub`` and this document must be able to talk to the system,
so an example that the codec would refuse is a bug in the product, not in the docs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kiosk.protocol import MESSAGE_TYPES, Decoded, RejectCode, decode, parse_topic
from kiosk.protocol.topics import TOPICS

DOC = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"
TEXT = DOC.read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```json topic=(\S+)\n(.*?)\n```", TEXT, flags=re.S)
TABLE_ROW = re.compile(r"^\| `(bank/[^`]+)` \| (\w+) \| (\d) \| (yes|no) \| ([^|]+) \| "
                       r"(\d+) KiB \|", flags=re.M)


def test_the_topic_table_lists_every_topic_as_the_code_has_it() -> None:
    documented = {
        (pattern, role, int(qos), retained == "yes",
         tuple(re.findall(r"`([^`]+)`", types)), int(kib) * 1024)
        for pattern, role, qos, retained, types, kib in TABLE_ROW.findall(TEXT)
    }
    in_code = {(spec.pattern(), spec.role.value, spec.qos, spec.retain, spec.types,
                spec.max_bytes) for spec in TOPICS}
    assert documented == in_code


@pytest.mark.parametrize(("topic", "payload"), EXAMPLES,
                         ids=[f"{i}-{json.loads(p)['type']}" for i, (_, p) in
                              enumerate(EXAMPLES)])
def test_every_example_payload_decodes(topic: str, payload: str) -> None:
    result = decode(topic, payload.encode(), branch="b001", hub_id="hub")
    assert isinstance(result, Decoded), result


def test_every_message_type_has_an_example() -> None:
    assert {json.loads(payload)["type"] for _, payload in EXAMPLES} == set(MESSAGE_TYPES)


def test_every_rejection_code_is_documented() -> None:
    table = re.findall(r"^\| `([a-z_0-9]+)` \| [^|]+ \| `[^`]+` \|$", TEXT, flags=re.M)
    assert set(table) == {code.value for code in RejectCode}


def test_the_shell_examples_use_real_topics() -> None:
    """The ``-t``/``-e`` arguments in the shell section, with the variables filled in."""
    shell = TEXT[TEXT.index("## Talking to the system from a shell"):]
    used = re.findall(r'-[te] "(bank/[^"]+)"', shell)
    assert len(used) >= 8
    for topic in used:
        concrete = (topic.replace("$B", "b001").replace("$K", "kiosk-1")
                    .replace("$C", "console-1"))
        if "+" in concrete or "#" in concrete:
            continue  # subscription filters
        parse_topic(concrete)
