"""The domain, in pure Python: numbers, targets, indicators, series, evaluation, roll-up.

Everything else in chitieu depends on this package; it depends on nothing of ours and never
imports Django.
"""
