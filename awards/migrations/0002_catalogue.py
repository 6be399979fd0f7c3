"""Load the award forms the seed plans name, so every installation has a catalogue to pick from."""

from django.db import migrations


def load(apps, schema_editor):
    from awards.catalogue import load_catalogue

    load_catalogue(apps.get_model("awards", "AwardForm"))


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]

    # Reversing keeps the forms: nominations and plans may already point at them.
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
