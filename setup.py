"""Build step only: put the top-level assets/ and compiled translations inside the package.

Everything else about the package is in pyproject.toml. In a checkout the program reads
assets/ and translations/ where they are; an installed wheel carries them as kiosk/assets
and kiosk/translations (see kiosk/paths.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "kiosk"
        shutil.copytree(HERE / "assets", target / "assets", dirs_exist_ok=True)
        translations = target / "translations"
        translations.mkdir(parents=True, exist_ok=True)
        for catalogue in (HERE / "translations").glob("*.qm"):
            shutil.copy2(catalogue, translations / catalogue.name)
        shutil.copy2(HERE / "deploy" / "example-branch.toml", target / "example-branch.toml")


setup(cmdclass={"build_py": BuildWithData})
