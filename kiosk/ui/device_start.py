"""What every program with a window reads before it builds one: the branch's configuration
and its own broker password, from the secrets file that names it."""

from __future__ import annotations

import logging

from kiosk.core.config import BranchConfig, load_config
from kiosk.core.secrets import SecretsError, load_secrets

log = logging.getLogger(__name__)


def branch_and_password(config_path: str, device_id: str,
                        secrets_path: str | None) -> tuple[BranchConfig, str | None]:
    """The configuration, and the password ``device_id`` connects to the broker with (None:
    no secrets file, said in the log). Raises ConfigError or SecretsError, whose message
    says what to fix."""
    config = load_config(config_path)
    if secrets_path is None:
        log.warning("no --secrets file: connecting to the broker without a password")
        return config, None
    secrets = load_secrets(secrets_path)
    if secrets.device_id != device_id:
        raise SecretsError(f"{secrets_path}: device_id = {secrets.device_id!r}, but this is "
                           f"{device_id!r}: that is another device's secrets file")
    return config, secrets.broker_password or None
