"""The ticket queue: numbers, events, the day's state, priority interleave and waits."""
