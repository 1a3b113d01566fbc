"""Run inside an installed machine (``/opt/bank-kiosk/bin/python drill_in_root.py ...``):
sign in at a console as a member of staff and ask the hub for a drill call at a kiosk, the
way staff start one, over the branch's TLS broker with the console's own password. Prints
the drill's call id. Only the installed product and this folder are on the path."""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from raw_device import RawDevice  # noqa: E402  (beside this file, not a package here)

from kiosk.core.config import broker_address, load_config  # noqa: E402
from kiosk.core.settings import Role  # noqa: E402
from kiosk.protocol import topics  # noqa: E402
from kiosk.protocol.pin_messages import PinPurpose, PinReply, PinRequest  # noqa: E402
from kiosk.protocol.staff_commands import StartDrill  # noqa: E402
from kiosk.protocol.staff_messages import ActionResult, StaffAction  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument("--console", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--staff", required=True)
    parser.add_argument("--pin", required=True)
    parser.add_argument("--kiosk", required=True)
    parser.add_argument("--patience", type=float, default=60.0)
    args = parser.parse_args()
    config = load_config(args.config)
    host, port, _tls = broker_address(config)
    branch = config.branch.id
    desk = RawDevice(host, port, args.console, branch=branch, role=Role.CONSOLE,
                     password=args.password, ca_file=config.broker.ca_file)
    try:
        request = PinRequest(uuid.uuid4().hex, args.staff, args.pin, PinPurpose.CONSOLE_SIGN_IN)
        desk.publish(topics.pin_request(branch, Role.CONSOLE, args.console), request)
        reply = desk.wait_for(PinReply, lambda r: r.request_id == request.request_id)
        if not reply.ok or reply.session is None:
            print(f"sign-in refused: {reply}", file=sys.stderr)
            return 1
        deadline = time.monotonic() + args.patience
        while True:  # the hub starts drills only on a kiosk it has heard is idle
            action = StaffAction(uuid.uuid4().hex, args.staff, reply.session,
                                 StartDrill(args.kiosk))
            desk.publish(topics.console_action(branch, args.console), action)
            result = desk.wait_for(ActionResult,
                                   lambda r, sent=action.action_id: r.action_id == sent)
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
