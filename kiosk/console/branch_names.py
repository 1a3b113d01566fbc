"""Names from the branch configuration (kiosks, places, staff, services) in the language the
console shows now, and switching that language while the console runs.

The configuration holds every name in every branch language; the catalogue holds the
console's own words. Both must follow a language switch, so the widgets ask for names at
the moment they draw, through one ``BranchNames``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kiosk.core.config import BranchConfig
from kiosk.ui.i18n import load_language


class CurrentLanguage:
    def __init__(self, code: str) -> None:
        self.code = code

    def switch(self, app: QApplication, code: str) -> bool:
        """Load ``code``'s catalogue; Qt then tells every widget to translate itself."""
        self.code = code
        return load_language(app, code)


class BranchNames:
    def __init__(self, config: BranchConfig, language: CurrentLanguage) -> None:
        self.config = config
        self.language = language

    def _text_language(self) -> str:
        # The pseudo-language has no configured names: show the default language's.
        code = self.language.code
        return code if code in self.config.branch.languages else \
            self.config.branch.default_language

    def device(self, device_id: str) -> str:
        device = self.config.device(device_id)
        return device.name.text(self._text_language()) if device else device_id

    def place(self, device_id: str) -> str:
        device = self.config.device(device_id)
        return device.place.text(self._text_language()) if device and device.place else ""

    def staff(self, staff_id: str | None) -> str:
        if staff_id is None:
            return ""
        member = self.config.staff_member(staff_id)
        return member.name.text(self._text_language()) if member else staff_id

    def service(self, service_id: str) -> str:
        service = self.config.service(service_id)
        return service.name.text(self._text_language()) if service else service_id

    def services(self) -> list[tuple[str, str]]:
        """Every service of the branch: its name in the current language, and its id."""
        return [(self.service(service.id), service.id) for service in self.config.services]

    def branch(self) -> str:
        return self.config.branch.name.text(self._text_language())
