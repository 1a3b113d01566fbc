"""Translation catalogue upkeep: `python -m tools.i18n update|build|check|pseudo|add`.

The kiosk's text goes through Qt Linguist: English source text in `tr()` and
`QT_TRANSLATE_NOOP` in `kiosk/`, one `.ts` per language in `translations/`, and the
compiled `.qm` committed beside it so the product runs without the Linguist tools.
This package wraps `pyside6-lupdate` / `pyside6-lrelease` and checks that the committed
catalogues are complete, consistent and freshly compiled. It never imports Qt, so the
check runs on a machine without a display.
"""
