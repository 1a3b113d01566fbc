"""The one command line: ``python -m kiosk <command>`` (also installed as ``kiosk``).

Each program has its own composition root, imported only when its command runs, so that
``check-config`` never loads Qt and the hub never loads the GUI.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from kiosk import __version__
from kiosk.subcommands import Handler, add_command

if TYPE_CHECKING:
    from kiosk.core.config import BranchConfig

_PROGRAM_HELP = {
    "run": "the customer kiosk (full-screen touch app)",
    "console": "the staff console",
    "hub": "the branch hub service (ticket numbers, help-call ledger, status page)",
    "display": "the wall display board for called numbers",
    "demo": "hub, broker, kiosk, console and display on one machine",
}


def _refused(error: Exception | str) -> int:
    """Say why a command did nothing; its exit status."""
    print(error, file=sys.stderr)
    return 1


def _load_config(path: str) -> BranchConfig | None:
    """The branch configuration at ``path``, or None when refused (after saying why)."""
    from kiosk.core.config import ConfigError, load_config

    try:
        return load_config(path)
    except ConfigError as error:
        _refused(error)
        return None


def _check_config(args: argparse.Namespace) -> int:
    from kiosk.core.config import describe
    from kiosk.core.secrets import SecretsError, load_secrets

    config = _load_config(args.file)
    if config is None:
        return 1
    print(f"{args.file}: OK: {describe(config)}")
    if args.secrets:
        try:
            secrets = load_secrets(args.secrets)
        except SecretsError as error:
            return _refused(error)
        if config.device(secrets.device_id) is None:
            return _refused(f"{args.secrets}: device_id = {secrets.device_id!r}: no such "
                            f"device in {args.file}")
        unknown = sorted(set(secrets.staff_pin_hashes) - {s.id for s in config.staff})
        if unknown:
            return _refused(f"{args.secrets}: staff_pins.{unknown[0]}: no such staff member "
                            f"in {args.file}")
        print(f"{args.secrets}: OK: secrets for {secrets.device_id}, "
              f"{len(secrets.staff_pin_hashes)} staff PIN hashes")
    return 0


def _hash_pin(args: argparse.Namespace) -> int:
    from kiosk.core.pins import PIN_PATTERN, hash_pin

    if sys.stdin.isatty():
        pin = getpass.getpass("PIN (4-8 digits): ")
        again = getpass.getpass("PIN again: ")
        if pin != again:
            return _refused("The two PINs differ; nothing written.")
    else:
        pin = sys.stdin.readline().strip()
    if not PIN_PATTERN.fullmatch(pin):
        return _refused("A PIN is 4 to 8 digits; nothing written.")
    print(hash_pin(pin))
    return 0


def _setup_broker(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kiosk.core.config import ConfigError, load_config
    from kiosk.deploy.broker_setup import setup_broker
    from kiosk.deploy.certificates import CertificateError

    try:
        config = load_config(args.config)
        made = setup_broker(config, Path(args.out), hosts=args.host or None, user=args.user,
                            local_port=None if args.no_local else args.local_port,
                            rotate=args.rotate)
    except (ConfigError, CertificateError, OSError, ValueError) as error:
        return _refused(error)
    print(f"Mosquitto set-up written to {made.folder}:")
    print(f"  start it with: mosquitto -c {made.config_file}")
    print(f"  TLS on port {made.tls_port}" + (f", loopback on {made.local_port}"
                                             if made.local_port else ""))
    print("  copy each device's secrets file (mode 0600) to that device only:")
    for device, path in sorted(made.secrets.items()):
        print(f"    {device}: {path}")
    print(f"  devices need the CA certificate: {made.folder / 'certs' / 'ca.crt'} "
          "(broker.ca_file in the branch configuration)")
    return 0


def _setup_bridge(args: argparse.Namespace) -> int:
    from kiosk.core.config import parse_listen
    from kiosk.deploy.bridge import bridge_config

    config = _load_config(args.config)
    if config is None:
        return 1
    central = parse_listen(args.central)
    if central is None:
        return _refused(f"--central {args.central!r}: must be host:port")
    print(bridge_config(config, central[0], central[1], username=args.username,
                        password=args.password, cafile=args.cafile, both_ways=args.both_ways),
          end="")
    return 0


def _support_bundle(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kiosk.deploy.support_bundle import make_bundle

    try:
        out = make_bundle(Path(args.config), Path(args.out), [Path(d) for d in args.logs or []],
                          [Path(s) for s in args.scrub_secrets or []])
    except OSError as error:
        return _refused(f"support bundle not written: {error}")
    print(f"wrote {out}: configuration, recent logs, versions, health; no secrets")
    return 0


def _audit_verify(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kiosk.hub.audit_check import verify_ledger_file

    report = verify_ledger_file(Path(args.ledger))
    for event_id, why in report.damaged_events:
        print(f"{args.ledger}: help event {event_id} cannot be read ({why}); the hub leaves "
              "it out (quarantined)", file=sys.stderr)
    if report.intact:
        print(f"{args.ledger}: audit log intact: {report.rows} rows, head {report.head_hash}")
        return 1 if report.damaged_events else 0
    print(f"{args.ledger}: AUDIT LOG NOT INTACT: {report.problem}", file=sys.stderr)
    return 1


def _hub(args: argparse.Namespace) -> int:
    from kiosk.hub.app import run_hub

    return run_hub(args.config, args.secrets, args.data, args.log_dir)


def _run(args: argparse.Namespace) -> int:
    from kiosk.customer.app import run_kiosk

    return run_kiosk(args.config, args.device, args.secrets, args.data, args.windowed,
                     args.log_dir)


def _names(text: str | None) -> list[str]:
    """A comma-separated option as a list of names (none given: empty)."""
    return [name.strip() for name in (text or "").split(",") if name.strip()]


def _render_screens(args: argparse.Namespace) -> int:
    from kiosk.customer.render_screens import render_screens

    return render_screens(args.config, args.out, _names(args.languages), _names(args.states),
                          sizes=_names(args.sizes), contrasts=_names(args.contrasts),
                          panel=args.panel)


def _console(args: argparse.Namespace) -> int:
    from kiosk.console.app import run_console

    return run_console(args.config, args.device, args.secrets, args.data)


def _render_console(args: argparse.Namespace) -> int:
    from kiosk.console.render_console import render_console

    return render_console(args.config, args.out, _names(args.languages), _names(args.screens),
                          flat=args.flat)


def _display(args: argparse.Namespace) -> int:
    if args.render_to:
        from kiosk.display.render_board import render_board

        return render_board(args.config, args.device, args.render_to)
    from kiosk.display.app import run_display

    return run_display(args.config, args.device, args.secrets, args.windowed)


def _demo(args: argparse.Namespace) -> int:
    from kiosk.demo.app import run_demo

    return run_demo(args.dir, args.tour, args.screenshot, with_display=not args.no_display)


def _program_options(parser: argparse.ArgumentParser, device: str | None, *,
                     secrets: str | None = None, data: str | None = None,
                     windowed: bool = False, log_dir: str | None = None) -> None:
    """The options of a command that runs a program, after ``--config``: which device this
    is (``device`` names its kind: "kiosk"), its secrets, and the optional ones whose help
    is given."""
    if device is not None:
        parser.add_argument("--device", required=True, metavar=f"{device.upper()}_ID",
                            help=f"this {device}'s device id in the configuration")
    parser.add_argument("--secrets", help=secrets or f"this {device}'s secrets file: its "
                        "broker password (TOML, mode 0600)")
    if data is not None:
        parser.add_argument("--data", help=data)
    if windowed:
        parser.add_argument("--windowed", action="store_true",
                            help="an ordinary window, for development and the demo")
    if log_dir is not None:
        parser.add_argument("--log-dir", help=log_dir)


def _render_command(commands: Any, name: str, handler: Handler, drawn: str, out: str,
                    languages: str, subset: str, what: str) -> argparse.ArgumentParser:
    """A command that draws every one of ``drawn`` to PNG files, with its options: where
    (``out`` says how the files are named), in which languages, and which of them."""
    parser = add_command(commands, name, handler, f"draw every {drawn} to PNG files "
                         "(offscreen), to look at them", config=True)
    parser.add_argument("--out", required=True, help=f"folder for the pictures ({out})")
    parser.add_argument("--languages", default=languages,
                        help=f"comma-separated languages (default: {languages})")
    parser.add_argument(subset, help=f"comma-separated {what} names (default: all)")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Accessible bank kiosk for elderly customers, staff console "
        "and branch hub.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = add_command(commands, "check-config", _check_config, "check a branch configuration "
                        "file (and optionally a device's secrets file)")
    check.add_argument("file", help="branch configuration (TOML)")
    check.add_argument("--secrets", help="a device's secrets file (TOML, mode 0600)")

    add_command(commands, "hash-pin", _hash_pin, "read a staff PIN and print its hash for the "
                "hub's secrets file")

    broker = add_command(commands, "setup-broker", _setup_broker, "write a branch's Mosquitto "
                         "set-up: CA and TLS certificate, per-device passwords and secrets files, "
                         "ACL, mosquitto.conf", config=True)
    broker.add_argument("--out", required=True, help="folder to write the set-up into")
    broker.add_argument("--host", action="append", help="a name or address the broker is "
                        "reached at (repeat; default: the host of broker.url)")
    broker.add_argument("--user", default="mosquitto", help="user the broker runs as "
                        "(default: mosquitto)")
    broker.add_argument("--local-port", type=int, default=1883, help="plain loopback "
                        "listener for programs on the broker's machine (default: 1883)")
    broker.add_argument("--no-local", action="store_true", help="no loopback listener")
    broker.add_argument("--rotate", action="store_true", help="new passwords for every "
                        "device (otherwise existing ones are kept)")

    bridge = add_command(commands, "setup-bridge", _setup_bridge, "print the Mosquitto bridge "
                         "block that forwards this branch to the bank's central broker (append it "
                         "to the branch's mosquitto.conf)", config=True)
    bridge.add_argument("--central", required=True, help="central broker host:port")
    bridge.add_argument("--username", help="this branch's user name at the central broker")
    bridge.add_argument("--password", help="its password at the central broker")
    bridge.add_argument("--cafile", help="CA certificate of the central broker (TLS)")
    bridge.add_argument("--both-ways", action="store_true", help="also accept messages "
                        "from the centre (by default the centre can only watch)")

    bundle = add_command(commands, "support-bundle", _support_bundle,
                         "collect configuration, recent logs, versions and health into one zip "
                         "for support (never secrets)", config=True)
    bundle.add_argument("--out", required=True, help="the zip file to write")
    bundle.add_argument("--logs", action="append", help="a log folder (repeat)")
    bundle.add_argument("--scrub-secrets", action="append", metavar="SECRETS_FILE",
                        help="a secrets file whose passwords and PIN hashes must not appear "
                        "(read, never copied; repeat)")

    from kiosk.deploy.branch_commands import add_branch_parser

    add_branch_parser(commands)

    audit = add_command(commands, "audit", None, "check the hub's audit log")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    verify = add_command(audit_commands, "verify", _audit_verify, "prove no audit row was changed "
                         "or removed (reads the ledger without changing it)")
    verify.add_argument("ledger", help="the hub's ledger file (hub.db in its data folder)")

    hub = add_command(commands, "hub", _hub, _PROGRAM_HELP["hub"],
                      description="Run the branch hub until SIGTERM or Ctrl-C.", config=True)
    _program_options(hub, None, secrets="the hub's secrets file: broker password and staff "
                     "PIN hashes (TOML, mode 0600)",
                     data="folder for the hub's ledger (hub.db); default: hub-data beside "
                     "the configuration file",
                     log_dir="also write rotating JSON-lines logs here (default: standard "
                     "error only, e.g. to the journal)")

    run = add_command(commands, "run", _run, _PROGRAM_HELP["run"],
                      description="Run the customer kiosk: full-screen and frameless (leaving it "
                      "needs a staff PIN), or in a window with --windowed.", config=True)
    _program_options(run, "kiosk", windowed=True,
                     data="folder for the kiosk's own store (its help calls and outbox); "
                     "default: kiosk-data beside the configuration file",
                     log_dir="also write rotating JSON-lines logs here "
                     "(e.g. /var/log/bank-kiosk)")

    render = _render_command(commands, "render-screens", _render_screens,
                             "kiosk screen and state", "OUT/<language>/<state>.png",
                             "zh_CN,en,pseudo", "--states", "state")
    render.add_argument("--sizes", default="normal",
                        help="comma-separated text sizes: normal, larger (default: normal); "
                        "larger goes to OUT/larger/...")
    render.add_argument("--contrasts", default="standard",
                        help="comma-separated colours: standard, high (default: standard); "
                        "high goes to OUT/high/...")
    render.add_argument("--panel", help="draw for this panel instead of the configured "
                        "screen: a supported panel's name or WIDTHxHEIGHT@DIAGONAL "
                        "(e.g. 1080x1920@21.5)")

    console = add_command(commands, "console", _console, _PROGRAM_HELP["console"],
                          description="Run the staff console: help calls, kiosks, the queue, "
                          "announcements, history, reports and drills.", config=True)
    _program_options(console, "console",
                     data="folder for the console's own store (every help event it has "
                     "seen, its journal); default: console-data beside the configuration "
                     "file")

    render_desk = _render_command(commands, "render-console", _render_console,
                                  "staff console screen", "OUT/<language>/<screen>.png",
                                  "zh_CN,en", "--screens", "screen")
    render_desk.add_argument("--flat", action="store_true", help="write "
                             "OUT/console-<screen>-<language>.png instead, as in docs/screens")

    display = add_command(commands, "display", _display, _PROGRAM_HELP["display"],
                          description="Run the wall display: called numbers in huge type, "
                          "announced with a chime and speech, and branch announcements; "
                          "full-screen, or in a window with --windowed.", config=True)
    _program_options(display, "display", windowed=True)
    display.add_argument("--render-to", metavar="OUT",
                         help="draw every state of the display to OUT/display-<state>.png "
                         "(offscreen) and exit, to look at them")

    demo = add_command(commands, "demo", _demo, _PROGRAM_HELP["demo"],
                       description="Start a broker, the hub, a kiosk, a staff console and the "
                       "wall display on this machine, windowed, with the example branch. The "
                       "staff PINs are printed.")
    demo.add_argument("--dir", help="folder for the demo's configuration and data (default: "
                      "a temporary folder, removed afterwards)")
    demo.add_argument("--tour", action="store_true", help="click through the queue and the "
                      "help loop by itself, then quit (exit status 0 when every step worked)")
    demo.add_argument("--screenshot", help="with --tour: save a picture of the whole screen "
                      "here at the end")
    demo.add_argument("--no-display", action="store_true", help="leave out the wall display")

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    return handler(args)
