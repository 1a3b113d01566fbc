"""The wall display's settings: the branch's ``[display]`` section, read once.

Until the configuration loader carries the section (``BranchConfig.display``), the
declared defaults are used, exactly as if the section were empty.
"""

from __future__ import annotations

from kiosk.core.config import BranchConfig
from kiosk.core.settings import DisplaySection
from kiosk.display.board_state import BoardTimes


def display_section(config: BranchConfig) -> DisplaySection:
    return config.display


def board_times(section: DisplaySection) -> BoardTimes:
    return BoardTimes(min_show_s=section.min_show_s, announce_times=section.announce_times,
                      notice_repeat_s=section.announcement_repeat_s,
                      recent_count=section.recent_count)
