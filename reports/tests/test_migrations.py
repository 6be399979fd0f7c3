"""The migration that makes report versions unique keeps the data it finds: duplicates from the race get new numbers."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("reports", "0002_report_kind_choices_from_registry")]
AFTER = [("reports", "0003_one_report_per_version")]


def migrate(targets):
    """Migrate to `targets`; the models as they stand there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_the_latest(transactional_db):
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_versions_duplicated_by_the_race_are_renumbered_after_the_last(back_to_the_latest, tree):
    Report = migrate(BEFORE).get_model("reports", "Report")
    start = timezone.now()

    def add(version, minute, unit=tree.district):
        report = Report.objects.create(kind="annual", unit_id=unit.pk, year=2024, version=version)
        Report.objects.filter(pk=report.pk).update(requested_at=start + datetime.timedelta(minutes=minute))
        return report.pk

    first_one, second_one, four, second_four = add(1, 0), add(1, 1), add(4, 2), add(4, 3)
    other_unit = add(1, 4, unit=tree.commune)

    versions = dict(migrate(AFTER).get_model("reports", "Report").objects.values_list("pk", "version"))

    assert versions == {first_one: 1, second_one: 5, four: 4, second_four: 6, other_unit: 1}
