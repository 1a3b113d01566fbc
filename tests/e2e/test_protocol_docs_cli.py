"""docs/protocol.md, followed to the letter with nothing but the Mosquitto command-line
clients, against the real hub process: take a ticket, raise a help call, sign in as staff
and acknowledge it.

The shell blocks are taken from the document itself and run as written; only the broker's
port is changed to the test broker's. If the document's commands stop working, this fails.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.net.broker import MosquittoBroker
from tests.helpers.hub_process import running_hub

DOC = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"
SHELL_SECTION = "## Talking to the system from a shell"

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("mosquitto_pub", "mosquitto_sub", "mosquitto_rr")),
    reason="needs mosquitto-clients")]

DOC_BRANCH = {"branch.id": "b001"}
"""The document's branch id; its services are the example configuration's."""


def shell_blocks() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index(SHELL_SECTION):]
    return re.findall(r"```sh\n(.*?)```", section, flags=re.S)


def _block(blocks: list[str], marker: str) -> str:
    found = [b for b in blocks if marker in b]
    assert len(found) == 1, f"one shell block with {marker!r} expected in {DOC.name}"
    return found[0]


def _until(condition: str) -> str:
    """A shell wait-until loop with a liveness limit of 20 s (then the script fails)."""
    return (f"for _ in $(seq 400); do {condition} && break; sleep 0.05; done; {condition}\n")


def _watch(command: str, output: Path) -> str:
    """Run a documented ``mosquitto_sub`` in the background (line-buffered, with debug
    lines, ending itself after 60 s at most) and wait until it has subscribed."""
    assert command.startswith("mosquitto_sub "), command
    return (f"stdbuf -oL {command.strip()} -d -W 60 > {output} 2>&1 &\n"
            + _until(f"grep -q SUBACK {output}"))


def test_the_documented_shell_session_works_against_the_real_hub(
        mosquitto: MosquittoBroker, tmp_path: Path) -> None:
    blocks = shell_blocks()
    setup = blocks[0].replace("-p 1883", f"-p {mosquitto.port}")
    assert f"-p {mosquitto.port}" in setup
    ticket = _block(blocks, "ticket/request")
    raise_call = _block(blocks, "RAISE=")
    sign_in = _block(blocks, "SIGN_IN=")
    acknowledge = _block(blocks, "COMING=")
    watch_calls = _block(blocks, '-t "bank/$B/kiosk/+/help"\n')
    watch_kiosk = _block(blocks, '-t "bank/$B/console/+/help/$K"')
    first_line, rest_of_ticket = ticket.split("\n", 1)
    assert first_line == "REQ=$(msg_id)"
    script = "\n".join([
        "set -eu", "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT", setup,
        _watch(watch_calls, tmp_path / "console.out"),
        _watch(watch_kiosk, tmp_path / "kiosk.out"),
        "echo '--- ticket'", ticket,
        "echo '--- same request again'", rest_of_ticket,
        "echo '--- raise'", raise_call, 'echo "CALL $CALL"',
        "echo '--- sign in'", sign_in,
        "echo '--- acknowledge'", acknowledge,
        _until(f"[ $(grep -c '\"kind\":\"' {tmp_path / 'kiosk.out'}) -ge 2 ]"),
        "echo '--- state'",
        # The hub publishes its retained state at most every half second: read it again
        # until it carries the acknowledgement.
        'for i in $(seq 50); do',
        '  S=$(mosquitto_sub $BROKER -u $C -P "$CPW" -q 1 -C 1 -W 5 -t "bank/$B/hub/state/help")',
        '  case "$S" in *acknowledged*) break;; esac; sleep 0.1',
        'done',
        'echo "$S"',
    ])
    with running_hub(tmp_path, mosquitto.port, **DOC_BRANCH):
        result = subprocess.run(["bash", "-c", script], capture_output=True, text=True,
                                timeout=60, cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    pieces = re.split(r"^--- (.+)$", result.stdout, flags=re.M)
    parts = {name: body.strip() for name, body in zip(pieces[1::2], pieces[2::2], strict=True)}

    assert set(parts) == {"ticket", "same request again", "raise", "sign in", "acknowledge",
                          "state"}, result.stdout
    reply = json.loads(parts["ticket"])
    assert reply["type"] == "ticket.reply" and reply["sender"] == "hub"
    assert reply["body"]["ok"] and reply["body"]["ticket"]["number"] == "A001"
    assert json.loads(parts["same request again"])["body"] == reply["body"]

    raise_lines = parts["raise"].strip().splitlines()
    ack = json.loads(raise_lines[0])
    call_id = raise_lines[1].split()[1]
    assert ack["type"] == "event.ack" and ack["body"]["ids"] == [call_id]
    console_saw = (tmp_path / "console.out").read_text()
    assert "bank/b001/kiosk/kiosk-1/help {" in console_saw and call_id in console_saw

    signed_in = json.loads(parts["sign in"])
    assert signed_in["type"] == "pin.reply" and signed_in["body"]["ok"]
    assert signed_in["body"]["staff_id"] == "wang-fang"

    kiosk_saw = [json.loads(line.split(" ", 1)[1])
                 for line in (tmp_path / "kiosk.out").read_text().splitlines()
                 if line.startswith("bank/b001/console/console-1/help/kiosk-1 ")]
    assert [m["body"]["kind"] for m in kiosk_saw] == ["received", "acknowledged"]

    state = json.loads(parts["state"])
    assert state["type"] == "help.state"
    kinds = {e["kind"] for e in state["body"]["events"] if e["call_id"] == call_id}
    assert kinds == {"raised", "received", "acknowledged"}
