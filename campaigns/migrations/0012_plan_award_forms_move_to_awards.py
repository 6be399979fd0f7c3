from django.db import migrations


class Migration(migrations.Migration):
    """The plan ↔ award form link moves to awards (AwardForm.plans). State only: the table
    campaigns_plan_award_forms and its rows stay; awards 0006 declares the same table from its side."""

    dependencies = [
        ("campaigns", "0011_indicators_thresholds_commune_groups"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.RemoveField(model_name="plan", name="award_forms")],
            database_operations=[],
        ),
    ]
