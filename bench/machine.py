"""The machine a report was measured on: without it a figure means little."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

from kiosk.net.broker import mosquitto_binary


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return "unknown"


def _os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return platform.platform()


def mosquitto_version() -> str:
    binary = mosquitto_binary()
    if binary is None:
        return "not installed"
    try:
        shown = subprocess.run([binary, "-h"], capture_output=True, text=True, timeout=5,
                               check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unknown ({error})"
    first = (shown.stdout or shown.stderr).splitlines()
    return first[0].replace("mosquitto version ", "") if first else "unknown"


def _package(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def describe_machine() -> dict[str, str]:
    return {
        "CPU": _cpu_model(),
        "cores": str(os.cpu_count()),
        "RAM": _ram_gib(),
        "OS": f"{_os_name()}, Linux {platform.release()}",
        "Python": platform.python_version(),
        "Mosquitto": mosquitto_version(),
        "paho-mqtt": _package("paho-mqtt"),
        "amqtt": _package("amqtt"),
        "PySide6": _package("PySide6-Essentials"),
        "psutil": _package("psutil"),
    }
