"""Validation rules of the catalogue (min/max, part ≤ total, shares ≈ 100, numerator ≤
denominator) and the check run before a year's data is submitted."""
