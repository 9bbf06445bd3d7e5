"""The chitieu web application (Django): units, catalogue, plans, data entry, review, API.

Apps: ``accounts`` (membership, roles, API tokens), ``units`` (administrative units and their
lineage), ``catalog`` (indicators), ``plans`` (plans and targets), ``values`` (yearly values and
their review workflow), ``audit`` (who changed what), ``demo`` (the demo data), and
``dashboards``. Domain logic lives in ``chitieu.core``; views stay thin.
"""
