"""Precomputed evaluations: the one evaluation (``chitieu.core.evaluate``) of a plan for a unit,
stored per (plan, unit, as-of year, approved-only) and kept current by a version counter per plan
(docs/precomputed.md)."""
