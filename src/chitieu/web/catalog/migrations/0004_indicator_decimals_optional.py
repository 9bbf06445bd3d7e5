"""``Indicator.decimals`` becomes optional: None when the definition declares nothing (issue 14).

Until now every indicator had 1 whether it was declared or not, and the report read 1 as "not
declared" (values printed as entered); a stored 1 therefore becomes None, which keeps every
report as it was, and a 1 entered from now on is a declared 1. Reversing stores 1 again."""

import django.core.validators
from django.db import migrations, models


def unset_the_default(apps, schema_editor):
    apps.get_model("catalog", "Indicator").objects.filter(decimals=1).update(decimals=None)


def restore_the_default(apps, schema_editor):
    apps.get_model("catalog", "Indicator").objects.filter(decimals__isnull=True).update(decimals=1)


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0003_indicator_options_and_ordinal_kinds"),
    ]

    operations = [
        migrations.AlterField(
            model_name="indicator",
            name="decimals",
            field=models.PositiveSmallIntegerField(
                blank=True, default=None, null=True,
                help_text="Để trống: số liệu in đúng như khi nhập (0,58 vẫn là 0,58).",
                validators=[django.core.validators.MaxValueValidator(6)],
                verbose_name="số chữ số thập phân",
            ),
        ),
        migrations.RunPython(unset_the_default, restore_the_default),
    ]
