"""Printing queue tickets: drawn by Qt to a receipt-sized PDF, printed through CUPS.

`printer` is the interface the kiosk uses (`TicketPrinter`, `PrintResult`, `PrinterState`)
and the "no printer" mode; `cups_printer` prints through a CUPS queue with a deadline per
ticket (`cups_commands` runs and reads `lp`, `lpstat`, `cancel`); `ticket_content`,
`ticket_words` and `ticket_pdf` work out, translate and draw what the ticket says;
`qt_adapter` brings results to the GUI thread; `options` builds the configured printer.
See docs/decisions/0010-printing.md.
"""
