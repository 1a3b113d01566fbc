"""Help calls: events, lifecycle rules, state, timers, presence, what a customer is told."""
