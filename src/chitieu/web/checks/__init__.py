"""Checking a draft report on a unit's page: its figures that contradict each other or the stored data."""
