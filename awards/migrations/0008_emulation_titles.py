"""The emulation titles (danh hiệu thi đua) and who grants each in each period: awards.emulation_titles."""

from django.db import migrations


def load(apps, schema_editor):
    from awards.emulation_titles import load_emulation_titles

    load_emulation_titles(apps.get_model("awards", "AwardForm"), apps.get_model("awards", "GrantRule"))


class Migration(migrations.Migration):
    dependencies = [("awards", "0007_awardform_plans")]

    # Reversing keeps the titles: nominations may already point at them.
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
