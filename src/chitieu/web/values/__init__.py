"""Yearly values of indicators per unit, their history, and the review workflow of a unit's data."""
