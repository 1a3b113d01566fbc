"""The ``kiosk branch`` command line: ``create`` on the hub machine, ``install-bundle`` on
each device (see :mod:`kiosk.deploy.branch_setup`)."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from kiosk.subcommands import add_command

if TYPE_CHECKING:  # the command line is built on every start: the work is imported on use
    from kiosk.deploy.branch_plan import BranchAnswers

DEFAULT_DIR = "/etc/bank-kiosk/branch"


class _Answer(NamedTuple):
    """An answer of ``create``: its option, and the question asked when it is not given."""

    key: str
    kind: Callable[[str], Any]
    option_help: str
    question: str


_QUESTIONS = (
    _Answer("branch_id", str, "the branch's id",
            "Branch id (lower-case letters, digits, '-'), e.g. gulou-branch"),
    _Answer("name_zh", str, "the branch's name in Chinese",
            "Branch name in Chinese, e.g. 鼓楼支行"),
    _Answer("name_en", str, "the branch's name in English",
            "Branch name in English, e.g. Gulou Branch"),
    _Answer("broker_host", str, "this machine's host name on the branch LAN",
            "Host name (or IP address) of this hub machine on the branch LAN"),
    _Answer("kiosks", int, "number of kiosks (kiosk-1, kiosk-2...)", "How many kiosks"),
    _Answer("consoles", int, "number of staff consoles (console-1...)",
            "How many staff consoles (one per counter or desk)"),
    _Answer("displays", int, "number of wall displays (display-1...)",
            "How many wall displays (0 for none)"),
)


def add_branch_parser(commands: Any) -> None:
    branch = add_command(commands, "branch", None, "set up a branch in a few commands: 'create' "
                         "on the hub machine, 'install-bundle' on each device")
    actions = branch.add_subparsers(dest="branch_command", required=True, metavar="ACTION")
    create = add_command(
        actions, "create", create_command, "write the branch configuration, the broker set-up, "
        "the staff PIN hashes and one bundle per device (run again at any time: it changes "
        "only what differs)",
        description="Run as root on the hub machine. Without --config and without a "
        "configuration in --dir yet, the missing answers are asked for. PINs are asked once "
        "per member of staff (twice on a terminal); without a terminal, standard input gives "
        "one 'staff-id PIN' per line.")
    create.add_argument("--dir", default=DEFAULT_DIR, help="the branch folder: branch.toml, "
                        f"broker/, bundles/ (default: {DEFAULT_DIR})")
    create.add_argument("--config", help="use this branch configuration instead of answers")
    for answer in _QUESTIONS:
        create.add_argument(f"--{answer.key.replace('_', '-')}", type=answer.kind,
                            help=answer.option_help)
    create.add_argument("--staff", action="append", metavar="ID:ROLE:中文名:ENGLISH NAME",
                        help="a member of staff (repeat; role staff or manager)")
    create.add_argument("--host", action="append", help="another name or address the broker "
                        "is reached at, for its TLS certificate (repeat)")

    install = add_command(
        actions, "install-bundle", install_command, "install a device's bundle: configuration, "
        "CA certificate, its own secrets (owner bank-kiosk, mode 0600), its device id, its "
        "systemd units")
    install.add_argument("bundle", help="the device's bundle (bundles/<device id>.tar)")
    install.add_argument("--root", default="/", help="install into this root folder instead "
                         "of the machine itself (units are enabled, not started)")
    install.add_argument("--desk-user", help="console only: the desk's user account, which "
                         "owns the console's secrets")


def _answers(args: argparse.Namespace, ask: Callable[[str], str] | None) -> BranchAnswers:
    from kiosk.deploy.branch_plan import BranchAnswers, PlanError, StaffAnswer

    values: dict[str, Any] = {}
    for key, kind, _, question in _QUESTIONS:
        value = getattr(args, key)
        if value is None:
            if ask is None:
                raise PlanError(f"--{key.replace('_', '-')} is needed (no terminal to ask on)")
            while True:
                try:
                    value = kind(ask(f"{question}: ").strip())
                    break
                except ValueError:
                    print("  a whole number, please", file=sys.stderr)
        values[key] = value
    staff = [StaffAnswer.parse(text) for text in args.staff or []]
    while not staff and ask is not None:
        print("Staff, one per line as id:role:中文名:English name (role: staff or manager); "
              "an empty line ends the list.")
        while line := ask("  member of staff: ").strip():
            try:
                staff.append(StaffAnswer.parse(line))
            except PlanError as error:
                print(f"  {error}", file=sys.stderr)
    return BranchAnswers(staff=tuple(staff), **values)


def _pin_reader(stdin: TextIO) -> Callable[[str, str], str | None]:
    from kiosk.core.pins import PIN_PATTERN
    from kiosk.deploy.branch_plan import PlanError

    if stdin.isatty():
        def ask_on_terminal(staff_id: str, name: str) -> str | None:
            while True:
                pin = getpass.getpass(f"PIN for {name} ({staff_id}), 4-8 digits: ")
                if not PIN_PATTERN.fullmatch(pin):
                    print("  a PIN is 4 to 8 digits", file=sys.stderr)
                elif getpass.getpass("  the same PIN again: ") != pin:
                    print("  the two PINs differ", file=sys.stderr)
                else:
                    return pin
        return ask_on_terminal
    given: dict[str, str] = {}
    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        parts = line.split()
        if len(parts) != 2 or not PIN_PATTERN.fullmatch(parts[1]):
            raise PlanError(f"standard input, line {number}: must be 'staff-id PIN' "
                            "(4-8 digits)")
        given[parts[0]] = parts[1]
    return lambda staff_id, name: given.get(staff_id)


def create_command(args: argparse.Namespace) -> int:
    from kiosk.core.config import ConfigError
    from kiosk.core.pins import hash_pin
    from kiosk.deploy.branch_plan import PlanError, branch_toml
    from kiosk.deploy.branch_setup import BranchFolder, create_branch
    from kiosk.deploy.certificates import CertificateError
    from kiosk.deploy.install_steps import Changes, InstallError

    folder = BranchFolder(Path(args.dir))
    changes = Changes()
    answered = any(getattr(args, answer.key) is not None for answer in _QUESTIONS) or args.staff
    try:
        if args.config:
            config_text: str | None = Path(args.config).read_text(encoding="utf-8")
        elif answered or not folder.config.exists():
            ask = input if sys.stdin.isatty() else None
            config_text = branch_toml(_answers(args, ask))
        else:
            config_text = None
        config, bundles, missing = create_branch(
            folder, config_text=config_text, hosts=args.host or [], ask_pin=_pin_reader(sys.stdin),
            hash_pin=hash_pin, changes=changes)
    except (PlanError, ConfigError, InstallError, CertificateError, OSError) as error:
        print(f"kiosk branch create: nothing more done: {error}", file=sys.stderr)
        for line in changes.lines:
            print(f"  {line}", file=sys.stderr)
        return 1
    print(f"branch {config.branch.id} in {folder.path}:")
    for line in changes.lines:
        print(f"  {line}")
    print(f"  {changes.summary()}")
    for staff_id in missing:
        print(f"  no PIN yet for {staff_id}: they cannot sign in until 'kiosk branch create' "
              "runs again with one")
    print("Copy each bundle to its device only (it holds that device's secrets) and run there, "
          "as root: kiosk branch install-bundle FILE")
    for device_id, path in sorted(bundles.items()):
        print(f"  {device_id}: {path}")
    return 0


def install_command(args: argparse.Namespace) -> int:
    from kiosk.deploy.branch_setup import install_bundle, read_bundle
    from kiosk.deploy.install_steps import Changes, InstallError

    changes = Changes(root=Path(args.root).resolve())
    try:
        bundle = read_bundle(Path(args.bundle))
        install_bundle(bundle, changes, desk_user=args.desk_user)
    except (InstallError, OSError) as error:
        print(f"kiosk branch install-bundle: stopped: {error}", file=sys.stderr)
        for line in changes.lines:
            print(f"  done before: {line}", file=sys.stderr)
        return 1
    where = "" if changes.root == Path("/") else f" into {changes.root}"
    print(f"{bundle.device_id} ({bundle.role.value}) of branch {bundle.branch_id}{where}:")
    for line in changes.lines:
        print(f"  {line}")
    print(f"  {changes.summary()}")
    return 0
