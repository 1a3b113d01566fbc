"""Announcements staff can send with one click, already written in both branch languages.

Every kiosk and display shows (and speaks) an announcement in its customer's language, so a
prepared message must exist in every language at once, whatever language the console is
showing: these are data, like the branch's names, not console words from the catalogue.
The wording follows the kiosk's rules for elderly customers: short, plain, polite, and no
abbreviations a voice would stumble over. A branch that needs others types them.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.settings import LocalText


@dataclass(frozen=True)
class PreparedAnnouncement:
    id: str
    text: LocalText


PREPARED: tuple[PreparedAnnouncement, ...] = (
    PreparedAnnouncement("busy-wait", LocalText({
        "zh_CN": "现在办理业务的客户较多，请您耐心等候，留意叫号。",
        "en": "Many customers are being served now. Please wait, and listen for your number.",
    })),
    PreparedAnnouncement("system-maintenance", LocalText({
        "zh_CN": "系统正在维护，请稍候。需要帮助请按“呼叫工作人员”。",
        "en": "The system is being serviced. Please wait. For help, press \"Call staff\".",
    })),
    PreparedAnnouncement("fraud-warning", LocalText({
        "zh_CN": "温馨提示：工作人员不会向您索要密码。转账前请先问问我们。",
        "en": "Please remember: staff never ask for your PIN. Ask us before any transfer.",
    })),
    PreparedAnnouncement("closing-soon", LocalText({
        "zh_CN": "本网点即将停止营业，已取号的客户请留意叫号。",
        "en": "The branch closes soon. If you have a ticket, please listen for your number.",
    })),
    PreparedAnnouncement("counter-paused", LocalText({
        "zh_CN": "部分窗口暂停服务，请稍候，我们会尽快为您办理。",
        "en": "Some counters are paused for a moment. We will serve you as soon as we can.",
    })),
)


def prepared(announcement_id: str) -> PreparedAnnouncement | None:
    return next((p for p in PREPARED if p.id == announcement_id), None)
