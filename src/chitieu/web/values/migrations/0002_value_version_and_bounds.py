"""Value.version (optimistic locking), the reading that never raises, and the bound on Value.value.

A row outside the bound cannot stay under the new constraint (SQLite copies the table, PostgreSQL
validates existing rows), and no page can use it: before the constraint is added each such row is
written to the audit log with the text stored (so nothing is lost without a trace) and removed.
"""

from decimal import Decimal

from django.conf import settings
from django.db import migrations, models

import chitieu.web.values.models

BOUND = 10**15


def remove_out_of_bounds(apps, schema_editor):
    Value = apps.get_model("values", "Value")
    AuditLog = apps.get_model("audit", "AuditLog")
    table = schema_editor.connection.ops.quote_name(Value._meta.db_table)
    with schema_editor.connection.cursor() as cursor:
        # raw SQL: the ORM cannot read these rows back on SQLite, which is the point
        cursor.execute(
            f"SELECT id, unit_id, indicator_id, year, status, CAST(value AS TEXT) FROM {table} "
            f"WHERE NOT (value > %s AND value < %s)", [-BOUND, BOUND])
        rows = cursor.fetchall()
    for pk, unit_id, indicator_id, year, status, raw in rows:
        AuditLog.objects.create(
            actor=None, action="value.delete", unit_id=unit_id, object_type="values.value", object_id=str(pk),
            object_repr=f"{year} {status}: {raw}"[:300], field="value", old=str(raw), new="",
            detail={"indicator_id": indicator_id, "year": year, "status": status,
                    "reason": "ngoài giới hạn lưu trữ (|x| < 10^15) / out of the stored bounds"})
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table} WHERE id = %s", [pk])


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0001_initial'),
        ('catalog', '0001_initial'),
        ('units', '0001_initial'),
        ('values', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='value',
            name='version',
            field=models.PositiveIntegerField(default=1, verbose_name='phiên bản'),
        ),
        migrations.AlterField(
            model_name='value',
            name='value',
            field=chitieu.web.values.models.StoredDecimalField(decimal_places=4, max_digits=20, verbose_name='giá trị'),
        ),
        migrations.RunPython(remove_out_of_bounds, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='value',
            constraint=models.CheckConstraint(condition=models.Q(('value__gt', Decimal('-1000000000000000')), ('value__lt', Decimal('1000000000000000'))), name='value_within_bounds'),
        ),
    ]
