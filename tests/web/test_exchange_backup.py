"""Backup and restore: the whole database out to one file and back into an empty database with
the same data; a database that holds data is not overwritten unless told."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from chitieu.cli import main
from chitieu.web.exchange.backup import _models
from chitieu.web.values.actions import do_approve, do_save_values, do_submit
from chitieu.web.values.models import Value


def _snapshot() -> dict[str, list[tuple]]:
    out = {}
    for model in _models():
        fields = [f.attname for f in model._meta.concrete_fields]
        out[model._meta.label] = sorted(tuple(str(v) for v in row) for row in model.objects.values_list(*fields))
    return out


def _round_trip(tmp_path, capsys):
    before = _snapshot()
    assert sum(len(rows) for rows in before.values()) > 20
    path = tmp_path / "chitieu-backup.json.gz"
    assert main(["backup", str(path)]) == 0
    assert path.stat().st_size > 0
    # into the same, non-empty database: refused, nothing changed
    assert main(["restore", str(path)]) == 1
    assert "CSDL đích đã có dữ liệu" in capsys.readouterr().err
    # into an empty database
    call_command("flush", interactive=False, verbosity=0)
    assert not Value.objects.exists()
    assert main(["restore", str(path)]) == 0
    after = _snapshot()
    for label in before:
        assert after[label] == before[label], (label, [r for r in after[label] if r not in before[label]][:3],
                                               [r for r in before[label] if r not in after[label]][:3])
    # --force replaces what is there
    Value.objects.filter(pk=Value.objects.order_by("pk").first().pk).update(note="đã sửa sau sao lưu")
    assert main(["restore", str(path), "--force"]) == 0
    assert _snapshot() == before


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip(ward_plan, places, officer, reviewer, tmp_path, capsys):
    do_save_values(places.ward2, ward_plan, 2023, [{"indicator": "KT01", "value": "262", "note": "ghi chú"},
                                                   {"indicator": "XH09", "value": "91,5"}], acting_user=officer)
    do_approve(do_submit(places.ward2, ward_plan, 2023, acting_user=officer), acting_user=reviewer)
    _round_trip(tmp_path, capsys)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_demo_round_trips(tmp_path, capsys):
    from chitieu.web.demo.build import load_demo

    load_demo("demo-mat-khau")
    _round_trip(tmp_path, capsys)
