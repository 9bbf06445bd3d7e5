"""Backup and restore of the whole database, for SQLite and PostgreSQL alike.

The file is Django's JSON fixture format (what ``dumpdata`` writes and ``loaddata`` reads),
gzip-compressed, of every model of the chitieu apps and of the users and groups. Rows keep
their ids (a restore gives the same data, ids included); content types and permissions are
referred to by natural keys, as the target database creates its own when it is migrated.
Times are written to the microsecond (``dumpdata``'s JSON stops at the millisecond, and its XML
strips the spaces around text), so a restore gives back exactly what was stored.

``restore`` migrates the target database first, refuses one that holds data unless ``force``
(then everything is replaced: the tables are flushed before loading) and loads every row with
``loaddata``, in one transaction; on PostgreSQL the id sequences are reset by the loader.
Sessions, login-attempt records and the task queue are not backed up.
"""

from __future__ import annotations

import datetime
import gzip
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder


class RestoreRefused(Exception):
    pass


class _ExactEncoder(DjangoJSONEncoder):
    """Times to the microsecond (DjangoJSONEncoder cuts them to the millisecond)."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


def _models() -> list:
    """The models a backup holds, in an order where a row's foreign keys come before it."""
    chosen = {apps.get_app_config("auth"): [apps.get_model("auth", "Group"), get_user_model()]}
    for config in apps.get_app_configs():
        if config.name.startswith("chitieu."):
            models = [m for m in config.get_models() if not m._meta.proxy and m._meta.managed]
            if models:
                chosen[config] = models
    return serializers.sort_dependencies(chosen.items(), allow_cycles=True)


def holds_data() -> list[str]:
    """The models of a backup that have rows now (empty for an empty database)."""
    return [m._meta.label for m in _models() if m._base_manager.exists()]


def _rows() -> Iterator:
    for model in _models():
        yield from model._base_manager.order_by(model._meta.pk.name).iterator(chunk_size=2000)


def backup(path: str) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        serializers.serialize("json", _rows(), stream=out, use_natural_foreign_keys=True, cls=_ExactEncoder)


def restore(path: str, *, force: bool = False) -> None:
    try:
        with gzip.open(path, "rb") as f:
            head = f.read(64).lstrip()
    except OSError:
        raise RestoreRefused("Tệp không phải bản sao lưu của chitieu (không phải gzip). / "
                             "The file is not a chitieu backup (not gzip).") from None
    if not head.startswith(b"["):
        raise RestoreRefused("Tệp không phải bản sao lưu của chitieu. / The file is not a chitieu backup.")
    call_command("migrate", interactive=False, verbosity=0)
    held = holds_data()
    if held and not force:
        raise RestoreRefused(
            "CSDL đích đã có dữ liệu (" + ", ".join(held[:5]) + ("…" if len(held) > 5 else "") + "); "
            "dùng --force để xóa hết và thay bằng bản sao lưu. / The target database holds data; "
            "use --force to erase it and replace it with the backup.")
    if held:
        call_command("flush", interactive=False, verbosity=0)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "chitieu.json"  # loaddata knows a file's format by its name
        with gzip.open(path, "rb") as src, raw.open("wb") as out:
            shutil.copyfileobj(src, out, 1 << 20)
        call_command("loaddata", str(raw), verbosity=0)
