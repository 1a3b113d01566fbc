"""An accessible self-service kiosk for elderly bank customers, and the staff console."""

__version__ = "0.1.0"
