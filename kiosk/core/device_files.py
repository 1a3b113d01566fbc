"""What a device program reads before it starts: the branch configuration and its own
secrets file, checked to be its own.

The kiosk, the staff console and the wall display all start the same way; a secrets file
written for another device is refused with a message naming both ids, and no secrets file
at all is allowed (a development broker without passwords) but logged.
"""

from __future__ import annotations

import logging

from kiosk.core.config import BranchConfig, load_config
from kiosk.core.secrets import SecretsError, load_secrets

log = logging.getLogger(__name__)


def load_device_files(config_path: str, device_id: str,
                      secrets_path: str | None) -> tuple[BranchConfig, str | None]:
    """The branch configuration and the device's broker password (None: no password).

    Raises ConfigError or SecretsError, each with a message naming what to fix."""
    config = load_config(config_path)
    if secrets_path is None:
        log.warning("no --secrets file: connecting to the broker without a password")
        return config, None
    secrets = load_secrets(secrets_path)
    if secrets.device_id != device_id:
        raise SecretsError(f"{secrets_path}: device_id = {secrets.device_id!r}, but this is "
                           f"{device_id!r}: that is another device's secrets file")
    return config, secrets.broker_password or None
