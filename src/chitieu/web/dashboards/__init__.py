"""Dashboards: scorecards, indicator pages, comparisons of child units and data-entry progress."""
