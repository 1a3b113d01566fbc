"""Where the product's data files live, in a source checkout and in an installed package."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def assets_dir() -> Path:
    """The `assets/` folder: FAQ content, fonts, sounds, recorded voice files."""
    return _first_existing(_CHECKOUT / "assets", _PACKAGE / "assets")


def translations_dir() -> Path:
    """The folder holding the `.ts` sources and the compiled `.qm` catalogues."""
    return _first_existing(_CHECKOUT / "translations", _PACKAGE / "translations")


def example_config() -> Path:
    """The example branch configuration (used by the demo)."""
    in_checkout = _CHECKOUT / "deploy" / "example-branch.toml"
    return in_checkout if in_checkout.is_file() else _PACKAGE / "example-branch.toml"
