"""`python -m kiosk demo`: the whole branch on one machine, windowed, ready to click through."""
