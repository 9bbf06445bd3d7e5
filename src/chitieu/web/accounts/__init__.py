"""Who may do what: one membership (user, unit, role) per user and unit, and API tokens."""
