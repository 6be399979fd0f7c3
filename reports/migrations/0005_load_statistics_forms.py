"""The statistics forms of TT 02/2023/TT-BNV (reports.statistics.layouts)."""

from django.db import migrations

from reports.statistics.layouts import load


class Migration(migrations.Migration):
    dependencies = [("reports", "0004_statistics_forms")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
