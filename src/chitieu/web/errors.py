"""``ActionError``: bad input refused by an action, with messages keyed by the field they concern
(``"__all__"`` for the whole form). Nothing has been written when it is raised."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied  # noqa: F401 - re-exported for actions


class ActionError(Exception):
    def __init__(self, errors: dict[str, list[str]] | str) -> None:
        if isinstance(errors, str):
            errors = {"__all__": [errors]}
        self.errors = {k: [str(m) for m in v] for k, v in errors.items()}
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in self.errors.items()))

    def for_field(self, key: str) -> list[str]:
        return self.errors.get(key, [])
