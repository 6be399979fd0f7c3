"""Every record kind keeps who changed what and when, shown in words: names of the objects, never their ids."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from campaigns.assessments.audit import audit_trail, changes_since_return
from campaigns.assessments.services import delete_evidence
from campaigns.models import (
    Assessment,
    Campaign,
    Evidence,
    ExemplaryModel,
    OcopProduct,
    OcopRating,
    Recognition,
    ResourceContribution,
    VillageYear,
)
from units.models import Kind, Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def saved(obj, by):
    """Save as `by` would through a page (the history middleware sets the same attribute)."""
    obj._history_user = by
    obj.save()
    return obj


def product_of(unit, name):
    return OcopProduct(unit=unit, name=name, owner_name="HTX Pác Bó", owner_kind="cooperative", group="food")


def lines(entry) -> list[tuple[str, str, str]]:
    return [(str(change.label), change.old_text, change.new_text) for change in entry.changes]


# Each kind: how to make one in a commune, and the foreign key whose change must read as names.
KINDS = {
    "recognitions": (
        lambda tree: Recognition(unit=tree.commune, status="xa_ntm", decision_date=datetime.date(2023, 12, 27)),
        "unit",
        lambda tree: (tree.commune, tree.neighbour),
    ),
    "villages": (
        lambda tree: VillageYear(unit=tree.village, year=2024, status="ntm"),
        "unit",
        lambda tree: (tree.village, tree.second_village),
    ),
    "ocop": (
        lambda tree: product_of(tree.commune, "Gạo nếp Pác Bó"),
        "unit",
        lambda tree: (tree.commune, tree.neighbour),
    ),
    "ratings": (
        lambda tree: OcopRating(
            product=tree.product,
            stars=3,
            rules_version="148/2023",
            level="province",
            decision_date=datetime.date(2024, 5, 2),
        ),
        "product",
        lambda tree: (tree.product, tree.second_product),
    ),
    "resources": (
        lambda tree: ResourceContribution(unit=tree.commune, year=2024, state_budget=1_250_000_000),
        "unit",
        lambda tree: (tree.commune, tree.neighbour),
    ),
    "models": (
        lambda tree: ExemplaryModel(unit=tree.commune, year=2024, kind="practice", title="Đường hoa", description="…"),
        "unit",
        lambda tree: (tree.commune, tree.neighbour),
    ),
}


@pytest.fixture
def world(tree, make_unit):
    tree.second_village = make_unit("Xóm Hai", Kind.VILLAGE, tree.commune)
    tree.product = OcopProduct.objects.create(**_fields(product_of(tree.commune, "Miến dong")))
    tree.second_product = OcopProduct.objects.create(**_fields(product_of(tree.commune, "Chè Shan tuyết")))
    return tree


def _fields(obj):
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if not f.primary_key}


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_records_creation_and_change_read_in_words_on_the_history_page(client, world, reviewer, officer, kind):
    make, key, pair = KINDS[kind]
    before, after = pair(world)
    record = saved(make(world), officer)
    setattr(record, key, after)
    saved(record, reviewer)
    client.force_login(reviewer)

    response = client.get(reverse("records:history", args=[world.district.pk]) + f"?kind={kind}")

    changed, created = [e for e in response.context["entries"] if e.key[1] == record.pk]
    label = str(type(record)._meta.get_field(key).verbose_name)
    assert (created.action, created.who, changed.action, changed.who) == ("created", officer, "changed", reviewer)
    assert (label, "—", before.name) in lines(created)
    assert lines(changed) == [(label, before.name, after.name)]
    html = response.content.decode()
    assert f"{before.name}</del>" in html and after.name in html
    assert f"#{before.pk}" not in html  # no raw ids


def test_the_history_page_keeps_a_deleted_record_and_is_404_outside(client, world, reviewer, outsider, officer):
    item = saved(KINDS["models"][0](world), officer)
    ExemplaryModel.history.update(history_date=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    item.delete()
    client.force_login(reviewer)

    entries = client.get(reverse("records:history", args=[world.commune.pk]) + "?kind=models").context["entries"]

    assert [(e.action, e.name) for e in entries] == [("deleted", "Đường hoa"), ("created", "Đường hoa")]
    client.force_login(outsider)
    assert client.get(reverse("records:history", args=[world.commune.pk])).status_code == 404


def test_history_page_query_count_does_not_grow_with_the_changes(
    client, world, reviewer, officer, django_assert_max_num_queries
):
    client.force_login(reviewer)
    path = reverse("records:history", args=[world.district.pk])

    def grow(times):
        for _round in range(times):
            for make, key, pair in KINDS.values():
                record = saved(make(world), officer)
                setattr(record, key, pair(world)[1])
                saved(record, reviewer)
                record.delete()  # unique (unit, year) rows make room for the next round

    grow(1)
    with CaptureQueriesContext(connection) as once:
        few = len(client.get(path).context["entries"])
    grow(9)
    with django_assert_max_num_queries(len(once)):
        assert len(client.get(path).context["entries"]) > 5 * few  # the page grew, its queries did not


def test_a_units_history_names_its_parent(client, tree, make_unit, make_user):
    admin = make_user("admin", (tree.province, Role.ADMINISTRATOR))
    other = make_unit("Huyện Ba", Kind.DISTRICT, tree.province)
    tree.neighbour.parent = other
    saved(tree.neighbour, admin)
    client.force_login(admin)

    response = client.get(reverse("units:detail", args=[tree.neighbour.pk]))

    changed = response.context["history"][0]
    assert (changed.who, lines(changed)) == (admin, [("parent", "Huyện Hai", "Huyện Ba")])
    assert "Huyện Ba" in response.content.decode()


def test_the_plan_history_names_the_campaign_instead_of_its_id(client, plan, make_user, district):
    other = Campaign.objects.create(name="Phong trào khác", start_year=2026, end_year=2030)
    noivu = make_user("noivu", (district, Role.HOME_AFFAIRS))
    plan.campaign = other
    saved(plan, noivu)
    client.force_login(noivu)

    response = client.get(reverse("campaigns:plan-history", args=[plan.pk]))

    (change,) = [c for c in response.context["entries"][0].changes if c.field == "campaign"]
    assert (change.old_text, change.new_text) == (
        str(plan.__class__.campaign.field.related_model.objects.exclude(pk=other.pk).get(pk=change.old).name),
        "Phong trào khác",
    )
    assert f"#{other.pk}" not in response.content.decode()


@pytest.fixture
def returned_year(tree, officer):
    assessment = Assessment.objects.create(unit=tree.commune, year=2024, reviewer_unit=tree.district)
    kept = Evidence(assessment=assessment, title="Biên bản cũ", uploaded_by=officer)
    kept.file.save("cu.pdf", ContentFile(b"%PDF-1.4 a"), save=False)
    saved(kept, officer)
    Evidence.history.update(history_date=datetime.datetime(2024, 11, 1, tzinfo=datetime.UTC))
    assessment.status = Assessment.Status.RETURNED
    assessment.return_reason = "Thiếu biên bản"
    assessment.returned_at = datetime.datetime(2024, 11, 2, tzinfo=datetime.UTC)
    assessment.save()
    return assessment, kept


def test_the_resubmission_diff_lists_evidence_added_and_removed_after_a_return(returned_year, officer):
    assessment, kept = returned_year
    added = Evidence(assessment=assessment, title="Biên bản mới", uploaded_by=officer)
    added.file.save("moi.pdf", ContentFile(b"%PDF-1.4 b"), save=False)
    saved(added, officer)
    kept._history_user = officer
    delete_evidence(kept)

    changes = [(c.label, c.old, c.new) for c in changes_since_return(assessment)]

    assert ("Evidence for the year", "—", "Biên bản mới") in changes
    assert ("Evidence for the year", "Biên bản cũ", "—") in changes
    assert ("Evidence for the year", "—", "Biên bản cũ") not in changes  # added before the return


def test_the_years_history_page_lists_its_evidence_files(client, returned_year, reviewer):
    assessment, _kept = returned_year
    client.force_login(reviewer)

    response = client.get(reverse("progress:history", args=[assessment.pk]))

    assert ("Evidence for the year", "—", "Biên bản cũ") in [(c.label, c.old, c.new) for c in audit_trail(assessment)]
    assert "Biên bản cũ" in response.content.decode()
