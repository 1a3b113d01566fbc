"""How a command of the command line is declared: its name, the function that runs it, its
help, and whether it reads the branch configuration. ``kiosk.cli`` and
``kiosk.deploy.branch_commands`` build theirs with it."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

Handler = Callable[[argparse.Namespace], int]
"""Runs a command with its parsed options; returns the exit status."""


def add_command(commands: Any, name: str, handler: Handler | None, help: str,
                description: str | None = None, *, config: bool = False
                ) -> argparse.ArgumentParser:
    """The parser of command ``name`` in ``commands`` (``add_subparsers()``), run by
    ``handler`` (None: a group whose own subcommands say what runs). With ``config`` its
    first option is the branch configuration every program and set-up reads."""
    parser: argparse.ArgumentParser = commands.add_parser(name, help=help,
                                                          description=description)
    if handler is not None:
        parser.set_defaults(handler=handler)
    if config:
        parser.add_argument("--config", required=True, help="branch configuration (TOML)")
    return parser
