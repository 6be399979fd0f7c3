"""The emulation titles (danh hiệu thi đua) and who grants each in each period (awards.emulation_titles), and the
Huân chương Lao động as plans name it, without a class (awards.catalogue, awards.grant_rules)."""

from django.db import migrations


def load(apps, schema_editor):
    from awards.catalogue import load_catalogue
    from awards.emulation_titles import load_emulation_titles
    from awards.grant_rules import load_grant_rules

    award_form, grant_rule = apps.get_model("awards", "AwardForm"), apps.get_model("awards", "GrantRule")
    load_catalogue(award_form)
    load_grant_rules(award_form, grant_rule, apps.get_model("awards", "BaseSalary"))
    load_emulation_titles(award_form, grant_rule)


class Migration(migrations.Migration):
    dependencies = [("awards", "0008_public_postings")]

    # Reversing keeps the forms: nominations may already point at them.
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
