"""The one command line: ``python -m kiosk <command>`` (also installed as ``kiosk``).

Each program has its own composition root, imported only when its command runs, so that
``check-config`` never loads Qt and the hub never loads the GUI.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence

from kiosk import __version__

NOT_BUILT = ("run", "console", "hub", "display", "demo")
_NOT_BUILT_HELP = {
    "run": "the customer kiosk (full-screen touch app)",
    "console": "the staff console",
    "hub": "the branch hub service (ticket numbers, help-call ledger, status page)",
    "display": "the wall display board for called numbers",
    "demo": "hub, broker, kiosk, console and display on one machine",
}


def _check_config(args: argparse.Namespace) -> int:
    from kiosk.core.config import ConfigError, describe, load_config
    from kiosk.core.secrets import SecretsError, load_secrets

    try:
        config = load_config(args.file)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{args.file}: OK: {describe(config)}")
    if args.secrets:
        try:
            secrets = load_secrets(args.secrets)
        except SecretsError as error:
            print(error, file=sys.stderr)
            return 1
        if config.device(secrets.device_id) is None:
            print(f"{args.secrets}: device_id = {secrets.device_id!r}: no such device in "
                  f"{args.file}", file=sys.stderr)
            return 1
        unknown = sorted(set(secrets.staff_pin_hashes) - {s.id for s in config.staff})
        if unknown:
            print(f"{args.secrets}: staff_pins.{unknown[0]}: no such staff member in "
                  f"{args.file}", file=sys.stderr)
            return 1
        print(f"{args.secrets}: OK: secrets for {secrets.device_id}, "
              f"{len(secrets.staff_pin_hashes)} staff PIN hashes")
    return 0


def _hash_pin(args: argparse.Namespace) -> int:
    from kiosk.core.pins import PIN_PATTERN, hash_pin

    if sys.stdin.isatty():
        pin = getpass.getpass("PIN (4-8 digits): ")
        again = getpass.getpass("PIN again: ")
        if pin != again:
            print("The two PINs differ; nothing written.", file=sys.stderr)
            return 1
    else:
        pin = sys.stdin.readline().strip()
    if not PIN_PATTERN.fullmatch(pin):
        print("A PIN is 4 to 8 digits; nothing written.", file=sys.stderr)
        return 1
    print(hash_pin(pin))
    return 0


def _not_built(name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        print(f"kiosk {name}: {_NOT_BUILT_HELP[name]} is not part of version {__version__} "
              f"yet. Available now: check-config, hash-pin.", file=sys.stderr)
        return 3

    return run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Accessible bank kiosk for elderly customers, staff console "
        "and branch hub.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check-config", help="check a branch configuration file "
                                "(and optionally a device's secrets file)")
    check.add_argument("file", help="branch configuration (TOML)")
    check.add_argument("--secrets", help="a device's secrets file (TOML, mode 0600)")
    check.set_defaults(handler=_check_config)

    pin = commands.add_parser("hash-pin", help="read a staff PIN and print its hash for the "
                              "hub's secrets file")
    pin.set_defaults(handler=_hash_pin)

    for name in NOT_BUILT:
        sub = commands.add_parser(name, help=_NOT_BUILT_HELP[name])
        sub.set_defaults(handler=_not_built(name))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    return handler(args)
