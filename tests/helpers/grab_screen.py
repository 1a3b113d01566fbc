"""Save what an X screen shows as a PNG: ``python -m tests.helpers.grab_screen OUT.png``.

Runs as its own process on the X display in ``DISPLAY`` (the program being looked at is
another process, as it is on a kiosk).
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication


def main() -> int:
    app = QGuiApplication(["grab", "-platform", "xcb"])
    screen = app.primaryScreen()
    picture = screen.grabWindow(0)
    return 0 if picture.save(sys.argv[1], "PNG") else 1


if __name__ == "__main__":
    sys.exit(main())
