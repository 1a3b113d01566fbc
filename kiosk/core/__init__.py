"""Qt-free domain: configuration, queue, help calls, audit events."""
