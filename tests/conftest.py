"""Test set-up shared by every layer: Qt renders offscreen, never on a real display."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
