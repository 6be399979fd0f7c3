"""A campaign's review years and criteria sets are fields; existing rows get the review years of their period."""

from django.db import migrations, models


def fill_review_years(apps, schema_editor):
    Campaign = apps.get_model("campaigns", "Campaign")
    for campaign in Campaign.objects.filter(models.Q(midterm_year__isnull=True) | models.Q(final_year__isnull=True)):
        # Sơ kết after the third year of five, tổng kết in the last year, as the 2021-2025 movement did.
        campaign.midterm_year = campaign.midterm_year or campaign.start_year + (campaign.end_year - campaign.start_year) // 2
        campaign.final_year = campaign.final_year or campaign.end_year
        campaign.save(update_fields=["midterm_year", "final_year"])


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0003_criteria_catalogue")]

    operations = [
        migrations.AddField(
            model_name="campaign",
            name="criteria_sets",
            field=models.ManyToManyField(
                blank=True, related_name="campaigns", to="campaigns.criteriaset", verbose_name="criteria sets"
            ),
        ),
        migrations.AddField(
            model_name="campaign",
            name="final_year",
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="final review year (tổng kết)"),
        ),
        migrations.AddField(
            model_name="campaign",
            name="midterm_year",
            field=models.PositiveSmallIntegerField(
                blank=True, null=True, verbose_name="mid-term review year (sơ kết)"
            ),
        ),
        migrations.AddConstraint(
            model_name="campaign",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("midterm_year__isnull", True),
                    models.Q(("midterm_year__gte", models.F("start_year")), ("midterm_year__lte", models.F("end_year"))),
                    _connector="OR",
                ),
                name="campaign_midterm_in_period",
            ),
        ),
        migrations.AddConstraint(
            model_name="campaign",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("final_year__isnull", True),
                    models.Q(("final_year__gte", models.F("start_year")), ("final_year__lte", models.F("end_year"))),
                    _connector="OR",
                ),
                name="campaign_final_in_period",
            ),
        ),
        migrations.RunPython(fill_review_years, migrations.RunPython.noop),
    ]
