"""Turning a branch configuration into what a branch installs: broker set-up, secrets."""
