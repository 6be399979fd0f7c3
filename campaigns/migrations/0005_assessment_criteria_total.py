"""An assessment stores its total of criteria beside the count met, filled here for the rows that exist.

The total is the number of criterion results the assessment holds; a bare tally without results takes the size of
its criteria set, or of the national commune set of its year.
"""

from django.db import migrations, models


def fill_totals(apps, schema_editor):
    Assessment = apps.get_model("campaigns", "Assessment")
    CriteriaSet = apps.get_model("campaigns", "CriteriaSet")
    sizes = dict(CriteriaSet.objects.annotate(n=models.Count("criteria")).values_list("pk", "n"))
    national = CriteriaSet.objects.filter(level="xa_ntm", issuing_unit__isnull=True).order_by("-start_year")
    spans = list(national.values_list("start_year", "end_year", "pk"))

    def size_for(year):
        return next((sizes[pk] for first, last, pk in spans if first <= year <= last), 0)

    by_total = {}
    rows = Assessment.objects.filter(criteria_total=0).annotate(n=models.Count("results"))
    for pk, year, set_id, n in rows.values_list("pk", "year", "criteria_set_id", "n").iterator(chunk_size=5000):
        total = n or (sizes.get(set_id, 0) if set_id else size_for(year))
        if total:
            by_total.setdefault(total, []).append(pk)
    # One UPDATE per total and batch rather than per row: a national import holds hundreds of thousands.
    for total, pks in by_total.items():
        for start in range(0, len(pks), 5000):
            Assessment.objects.filter(pk__in=pks[start : start + 5000]).update(criteria_total=total)


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0004_campaign_review_years")]

    operations = [
        migrations.AddField(
            model_name="assessment",
            name="criteria_total",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="criteria in the set"),
        ),
        migrations.AddField(
            model_name="historicalassessment",
            name="criteria_total",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="criteria in the set"),
        ),
        migrations.RunPython(fill_totals, migrations.RunPython.noop),
    ]
