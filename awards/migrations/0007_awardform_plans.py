from django.db import migrations, models


class Migration(migrations.Migration):
    """AwardForm.plans takes over campaigns' Plan.award_forms. State only: it names the existing table,
    whose columns (plan_id, awardform_id) are those Django derives for a link declared on this side."""

    dependencies = [
        ("awards", "0006_grant_rules_and_base_salary"),
        ("campaigns", "0012_plan_award_forms_move_to_awards"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="awardform",
                    name="plans",
                    field=models.ManyToManyField(
                        blank=True,
                        db_table="campaigns_plan_award_forms",
                        related_name="award_forms",
                        to="campaigns.plan",
                        verbose_name="plans offering it",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
