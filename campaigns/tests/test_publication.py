"""The public NTM board: only what a province published, frozen at publication, cached, constant queries."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from campaigns.models import Assessment, Campaign, PublishedYear, Recognition, RecognitionStatus
from campaigns.publication import services
from campaigns.publication.tiles import positions
from units.demo import Y2025, demo_unit
from units.models import CodeScheme, Kind, Role, Unit

TODAY = datetime.date(2026, 12, 16)
NEW = {"code_scheme": CodeScheme.Y2025, "valid_from": datetime.date(2025, 7, 1)}


@pytest.fixture(autouse=True)
def fresh_cache(clock):
    cache.clear()
    clock(TODAY)
    yield
    cache.clear()


@pytest.fixture
def programmes(db):
    for first, last in ((2021, 2025), (2026, 2030)):
        Campaign.objects.get_or_create(start_year=first, defaults={"end_year": last, "name": f"NTM {first}"})


@pytest.fixture
def publisher(make_user, tree):
    return make_user("publisher", (tree.new_province, Role.PROVINCE_STAFF))


def approve(unit, year, met, total=19):
    return Assessment.objects.create(
        unit=unit, year=year, criteria_met=met, criteria_total=total, status=Assessment.Status.APPROVED
    )


def recognise(unit, status, decided, number="12/QĐ-UBND"):
    return Recognition.objects.create(unit=unit, status=status, decision_date=decided, decision_number=number)


@pytest.fixture
def published(tree, programmes, publisher):
    """The 2025 province published 2026: its commune at 19/19, recognised NTM then advanced."""
    approve(tree.new_commune, 2026, 19)
    recognise(tree.new_commune, RecognitionStatus.COMMUNE_NTM, datetime.date(2026, 3, 2))
    recognise(tree.new_commune, RecognitionStatus.COMMUNE_ADVANCED, datetime.date(2026, 9, 9), "88/QĐ-UBND")
    return services.publish_year(tree.new_province, year=2026, by=publisher)


def test_anonymous_visitors_open_the_board_a_province_and_a_commune(client, tree, published):
    board = client.get(reverse("public:board"))
    assert board.status_code == 200
    body = board.content.decode()
    assert "<svg" in body and f'data-province="{tree.new_province.pk}"' in body
    assert "100%" in body

    province = client.get(reverse("public:province", args=[tree.new_province.pk]))
    assert province.status_code == 200
    assert "Xã Trường Hà" in province.content.decode()
    assert "19/19" in province.content.decode()
    assert "88/QĐ-UBND" in province.content.decode()  # the higher level wins

    commune = client.get(reverse("public:commune", args=[tree.new_commune.pk]))
    assert commune.status_code == 200
    assert "2026" in commune.content.decode()


def test_the_login_page_links_to_the_public_board(client):
    assert reverse("public:board") in client.get(reverse("login")).content.decode()


def test_what_a_province_has_not_published_is_absent(client, tree, published, make_unit):
    hidden = make_unit("Xã Bí Mật", Kind.COMMUNE, tree.new_province, code="00099", **NEW)
    approve(hidden, 2026, 17)
    other = make_unit("Tỉnh Chưa Công Bố", Kind.PROVINCE, code="03", **NEW)
    unpublished = make_unit("Xã Chưa Công Bố", Kind.COMMUNE, other, code="00098", **NEW)
    approve(unpublished, 2026, 19)
    recognise(unpublished, RecognitionStatus.COMMUNE_NTM, datetime.date(2026, 5, 5))

    board = client.get(reverse("public:board")).content.decode()
    assert "Tỉnh Chưa Công Bố" in board  # every province has a tile…
    assert "Xã Chưa Công Bố" not in board  # …but nothing of what it did not publish
    page = client.get(reverse("public:province", args=[other.pk])).content.decode()
    assert 'id="not-published"' in page and "Xã Chưa Công Bố" not in page
    assert client.get(reverse("public:commune", args=[unpublished.pk])).status_code == 404
    # A commune added after the publication, with its own approved year, waits for the next one.
    assert "Xã Bí Mật" not in client.get(reverse("public:province", args=[tree.new_province.pk])).content.decode()
    assert client.get(reverse("public:commune", args=[hidden.pk])).status_code == 404


def test_only_approved_years_and_decided_recognitions_are_published(tree, programmes, publisher, make_unit):
    submitted = make_unit("Xã Đã Gửi", Kind.COMMUNE, tree.new_province, code="00097", **NEW)
    Assessment.objects.create(
        unit=submitted, year=2026, criteria_met=19, criteria_total=19, status=Assessment.Status.SUBMITTED
    )
    recognise(submitted, RecognitionStatus.COMMUNE_NTM, datetime.date(2027, 1, 5))  # after the year's end
    published = services.publish_year(tree.new_province, year=2026, by=publisher)

    row = published.statuses.get(commune=submitted)
    assert row.criteria_met is None
    assert row.level == ""


def test_a_year_returned_after_publication_shows_the_published_figures_until_republished(
    client, tree, published, publisher
):
    url = reverse("public:province", args=[tree.new_province.pk])
    assert "19/19" in client.get(url).content.decode()
    Assessment.objects.filter(unit=tree.new_commune, year=2026).update(
        status=Assessment.Status.RETURNED, return_reason="Sửa tiêu chí 17", criteria_met=15
    )
    cache.clear()  # even rebuilt from the database, the page shows the published copy

    assert "19/19" in client.get(url).content.decode()

    services.publish_year(tree.new_province, year=2026, by=publisher)
    page = client.get(url).content.decode()
    assert "19/19" not in page and "15/19" not in page  # no longer approved: nothing to show


def test_a_withdrawn_year_leaves_the_board(client, tree, published, publisher):
    services.withdraw_year(published, by=publisher)

    assert client.get(reverse("public:commune", args=[tree.new_commune.pk])).status_code == 404
    page = client.get(reverse("public:province", args=[tree.new_province.pk])).content.decode()
    assert 'id="not-published"' in page


def test_a_year_before_the_reform_is_read_by_old_units_and_can_be_switched(client, tree, programmes, publisher):
    approve(tree.commune, 2025, 18)
    approve(tree.neighbour, 2025, 16)
    approve(tree.new_commune, 2025, 12)
    services.publish_year(tree.new_province, year=2025, by=publisher)
    url = reverse("public:province", args=[tree.new_province.pk])

    by_new = client.get(url, {"year": 2025}).content.decode()
    by_old = client.get(url, {"year": 2025, "units": "old"}).content.decode()

    assert "12/19" in by_new and "18/19" not in by_new
    assert "18/19" in by_old and "16/19" in by_old and "12/19" not in by_old
    assert "Xã Ngọc Đào" in by_old


def test_the_earlier_period_shows_the_years_of_the_earlier_programme(client, tree, programmes, publisher):
    approve(tree.commune, 2024, 19)
    recognise(tree.commune, RecognitionStatus.COMMUNE_NTM, datetime.date(2024, 6, 1))
    services.publish_year(tree.new_province, year=2024, by=publisher)

    current = client.get(reverse("public:board")).content.decode()
    earlier = client.get(reverse("public:board"), {"period": "earlier"}).content.decode()

    row = f'<tr data-province="{tree.new_province.pk}">'
    assert "2024" not in current.split(row)[1].split("</tr>")[0]
    assert "2024" in earlier.split(row)[1].split("</tr>")[0]


def test_the_province_publishes_and_withdraws_on_its_page(client, tree, programmes, publisher):
    approve(tree.new_commune, 2026, 19)
    client.force_login(publisher)
    url = reverse("public:publish")

    response = client.post(url, {"province": tree.new_province.pk, "year": 2026, "action": "publish"}, follow=True)

    entry = PublishedYear.objects.get(province=tree.new_province, year=2026)
    assert entry.is_published and entry.published_by == publisher
    assert 'id="withdraw-2026"' in response.content.decode()
    client.post(url, {"province": tree.new_province.pk, "year": 2026, "action": "withdraw"})
    entry.refresh_from_db()
    assert not entry.is_published and entry.withdrawn_by == publisher


def test_staff_of_one_province_cannot_publish_another(client, tree, programmes, make_user):
    staff = make_user("other_staff", (tree.other_province, Role.PROVINCE_STAFF))
    neighbour = make_user(
        "neighbour_staff", (Unit.objects.create(name="Tỉnh Bên", kind=Kind.PROVINCE, **NEW), Role.PROVINCE_STAFF)
    )
    client.force_login(neighbour)

    client.post(reverse("public:publish"), {"province": tree.new_province.pk, "year": 2026, "action": "publish"})

    assert not PublishedYear.objects.exists()
    client.force_login(staff)  # a province that no longer exists publishes nothing
    assert client.get(reverse("public:publish")).status_code == 403


def test_a_commune_officer_cannot_open_the_publish_page(client, officer):
    client.force_login(officer)
    assert client.get(reverse("public:publish")).status_code == 403


def test_a_future_year_cannot_be_published(tree, programmes, publisher):
    with pytest.raises(ValidationError) as refused:
        services.publish_year(tree.new_province, year=TODAY.year + 1, by=publisher)
    assert refused.value.code == "future_year"
    assert not PublishedYear.objects.exists()


def test_anonymous_pages_may_be_kept_briefly_and_signed_in_pages_are_not(client, tree, published, publisher):
    anonymous = client.get(reverse("public:board"))
    assert "public" in anonymous["Cache-Control"] and "max-age=300" in anonymous["Cache-Control"]
    client.force_login(publisher)
    signed_in = client.get(reverse("public:board"))
    assert "no-store" in signed_in["Cache-Control"] and "public" not in signed_in["Cache-Control"]


def test_the_board_passes_the_content_security_policy(client, published):
    response = client.get(reverse("public:board"))
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "<script>" not in response.content.decode() and " style=" not in response.content.decode()


def test_the_tile_map_places_34_provinces_on_34_different_tiles():
    places = positions(34)
    assert len(set(places)) == 34
    assert places[0][1] == 0 and places[-1][1] == max(row for _column, row in places)  # north first, south last
    assert len(set(positions(40))) == 40  # more provinces than the shape: extra rows


def national(make_unit, publisher, provinces, communes):
    """`provinces` new provinces with `communes` communes each, every one approved, recognised and published."""
    for p in range(provinces):
        province = make_unit(f"Tỉnh Số {p}", Kind.PROVINCE, code=f"{10 + p:02d}", **NEW)
        for c in range(communes):
            commune = make_unit(f"Xã Số {p}-{c}", Kind.COMMUNE, province, code=f"9{p:02d}{c:03d}", **NEW)
            approve(commune, 2026, 10 + c % 10)
            if c % 2:
                recognise(commune, RecognitionStatus.COMMUNE_NTM, datetime.date(2026, 4, 1))
        services.publish_year(province, year=2026, by=publisher)
    return province, commune


@pytest.mark.parametrize("scale", [1, 10])
def test_the_board_pages_run_a_constant_number_of_queries(
    client, programmes, publisher, make_unit, scale, django_assert_max_num_queries
):
    province, commune = national(make_unit, publisher, provinces=3 * scale, communes=2 * scale)
    cache.clear()

    with django_assert_max_num_queries(4):
        assert client.get(reverse("public:board")).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(reverse("public:province", args=[province.pk])).status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get(reverse("public:commune", args=[commune.pk])).status_code == 200
    with django_assert_max_num_queries(1):  # served from the cache
        client.get(reverse("public:board"))
        client.get(reverse("public:province", args=[province.pk]))


def test_the_demo_publishes_cao_bang_and_leaves_quang_tri_unpublished(client, db):
    call_command("load_demo", verbosity=0)
    cao_bang, quang_tri = demo_unit((Y2025, "04")), demo_unit((Y2025, "44"))

    assert set(PublishedYear.objects.values_list("province", "year")) == {(cao_bang.pk, 2023), (cao_bang.pk, 2024)}
    page = client.get(reverse("public:province", args=[cao_bang.pk]), {"year": 2024}).content.decode()
    assert "Xã Trường Hà" in page
    assert 'id="not-published"' in client.get(reverse("public:province", args=[quang_tri.pk])).content.decode()
