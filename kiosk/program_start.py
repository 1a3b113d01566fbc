"""What every program does before it builds anything: read the branch's configuration and
its own broker password, and, when it cannot start, say why on standard error and end with
``EXIT_STARTUP`` (a service manager does not restart a program that would fail again)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from kiosk.core.config import BranchConfig, ConfigError
from kiosk.core.secrets import SecretsError
from kiosk.ui.device_start import branch_and_password

EXIT_STARTUP = 2


def cannot_start(program: str, problem: Exception) -> int:
    """Say why ``kiosk <program>`` cannot start, for a person to fix; the exit status."""
    print(f"kiosk {program} cannot start. {problem}", file=sys.stderr)
    return EXIT_STARTUP


def device_start(program: str, config_path: str, device_id: str, secrets_path: str | None, *,
                 check: Callable[[BranchConfig], object] = lambda config: None,
                 refusals: tuple[type[Exception], ...] = ()
                 ) -> tuple[BranchConfig, str | None] | None:
    """The configuration and ``device_id``'s broker password, once ``check`` accepts the
    configuration; None, said on standard error, when either cannot be read or ``check``
    raises one of ``refusals``."""
    refused: tuple[type[Exception], ...] = (ConfigError, SecretsError, *refusals)
    try:
        config, password = branch_and_password(config_path, device_id, secrets_path)
        check(config)
    except refused as problem:
        cannot_start(program, problem)
        return None
    return config, password


def data_folder(data_dir: str | None, config_path: str, default_name: str) -> Path:
    """``--data``, or by default the folder ``default_name`` beside the configuration."""
    return Path(data_dir) if data_dir else Path(config_path).resolve().parent / default_name
