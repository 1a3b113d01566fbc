"""The wall display (`python -m kiosk display`): called numbers in huge type, announced with
a chime and speech, and branch announcements over everything.

`board_state` is the order of things (Qt-free); `calls_view`, `notice_view` and
`display_window` show it; `board_voice` and `chime` make it heard; `board_words` holds its
texts in every branch language at once; `app` builds it; `render_board` draws its states to
pictures. See docs/decisions/0011-display.md.
"""
