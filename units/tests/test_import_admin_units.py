"""The national unit import: counts, lineage, reused codes, idempotence and units that existed before it."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, Q

from units.importers import SourceError, read_regions
from units.models import CodeScheme, Kind, Lineage, NtmRegion, Unit

LEGACY, Y2025 = CodeScheme.LEGACY, CodeScheme.Y2025


def run_import(*args: str) -> str:
    out = StringIO()
    call_command("import_admin_units", "--no-progress", *args, stdout=out)
    return out.getvalue()


def make_units_before_the_import() -> dict[str, Unit]:
    """What the demo loader or an administrator may have created with the import's keys."""
    legacy = {"code_scheme": LEGACY, "valid_to": datetime.date(2025, 6, 30)}
    province = Unit.objects.create(
        name="Tỉnh Cao Bằng",
        kind=Kind.PROVINCE,
        division_type="Tỉnh",
        code="04",
        is_demo=True,
        is_border=True,
        is_mountainous=True,
        **legacy,
    )
    # Misspelt, hung directly under the province and with a region set by hand.
    commune = Unit.objects.create(
        name="Xã Soc Ha",
        kind=Kind.COMMUNE,
        division_type="Xã",
        code="01417",
        parent=province,
        is_ethnic_minority_area=True,
        ntm_region=NtmRegion.RED_RIVER_DELTA,
        **legacy,
    )
    village = Unit.objects.create(name="Xóm Nà Mạ", kind=Kind.VILLAGE, division_type="Xóm", parent=commune)
    return {"province": province, "commune": commune, "village": village}


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker):
    """One full import shared by the module (it takes seconds), rolled back when the module ends.

    Each test runs in its own savepoint inside this transaction, so what a test changes is undone.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        before = make_units_before_the_import()
        output = run_import()
        yield type("Imported", (), {"output": output, **before})
        transaction.set_rollback(True)


def unit(scheme: str, kind: str, code: str) -> Unit:
    return Unit.objects.get(code_scheme=scheme, kind=kind, code=code)


def predecessor_names(successor: Unit) -> set[str]:
    return set(Lineage.objects.filter(successor=successor).values_list("predecessor__name", flat=True))


def row_counts() -> dict:
    units = Unit.objects.values_list("code_scheme", "kind").annotate(n=Count("pk"))
    return {"units": {(scheme, kind): n for scheme, kind, n in units}, "lineage": Lineage.objects.count()}


@pytest.mark.django_db
def test_full_import_loads_every_province_district_and_commune_of_both_schemes(imported):
    counts = row_counts()["units"]

    assert counts[LEGACY, Kind.PROVINCE] == 63
    assert counts[LEGACY, Kind.DISTRICT] == 696
    # The package's 10,040 legacy rows include five island districts without any commune.
    assert counts[LEGACY, Kind.COMMUNE] == 10_035
    assert counts[Y2025, Kind.PROVINCE] == 34
    assert counts[Y2025, Kind.COMMUNE] == 3_321
    assert (Y2025, Kind.DISTRICT) not in counts
    assert "Units before 07/2025: 10792 created, 2 updated, 0 unchanged." in imported.output


@pytest.mark.django_db
def test_imported_units_carry_names_types_validity_path_and_region(imported):
    commune = unit(LEGACY, Kind.COMMUNE, "01399")
    district = unit(LEGACY, Kind.DISTRICT, "045")

    assert (commune.name, commune.short_name, commune.division_type) == ("Xã Trường Hà", "Trường Hà", "Xã")
    assert (district.name, district.division_type, district.parent) == ("Huyện Hà Quảng", "Huyện", imported.province)
    assert commune.parent == district
    assert commune.path == f"{district.path}{commune.pk}/" and commune.depth == 2
    assert (commune.valid_from, commune.valid_to) == (None, datetime.date(2025, 6, 30))
    assert unit(Y2025, Kind.PROVINCE, "01").division_type == "Thành phố"
    truong_ha_2025 = unit(Y2025, Kind.COMMUNE, "01392")
    assert (truong_ha_2025.valid_from, truong_ha_2025.valid_to) == (datetime.date(2025, 7, 1), None)
    assert truong_ha_2025 in Unit.objects.search("truong ha").filter(code_scheme=Y2025)
    old_quang_tri_communes = Unit.objects.filter(parent__parent=unit(LEGACY, Kind.PROVINCE, "45"))
    assert set(old_quang_tri_communes.values_list("ntm_region", flat=True)) == {NtmRegion.NORTH_CENTRAL}
    assert unit(Y2025, Kind.PROVINCE, "52").ntm_region == NtmRegion.CENTRAL_HIGHLANDS
    assert not Unit.objects.filter(code_scheme__in=[LEGACY, Y2025], ntm_region="").exists()


@pytest.mark.django_db
def test_ha_quang_communes_merge_into_the_new_truong_ha_and_ha_quang(imported):
    truong_ha = unit(Y2025, Kind.COMMUNE, "01392")
    ha_quang = unit(Y2025, Kind.COMMUNE, "01438")

    assert truong_ha.name == "Xã Trường Hà"
    assert predecessor_names(truong_ha) == {"Xã Sóc Hà", "Xã Trường Hà", "Xã Quý Quân", "Thị trấn Xuân Hòa"}
    assert ha_quang.name == "Xã Hà Quảng"
    assert "Xã Ngọc Đào" in predecessor_names(ha_quang)


@pytest.mark.django_db
def test_old_quang_tri_and_quang_binh_become_the_new_quang_tri_with_code_44(imported):
    new_quang_tri = unit(Y2025, Kind.PROVINCE, "44")
    links = Lineage.objects.filter(successor=new_quang_tri)

    assert new_quang_tri.name == "Tỉnh Quảng Trị"
    assert unit(LEGACY, Kind.PROVINCE, "45").name == "Tỉnh Quảng Trị"
    assert set(links.values_list("predecessor__code_scheme", "predecessor__code")) == {(LEGACY, "44"), (LEGACY, "45")}
    assert set(links.values_list("legal_basis", "is_default")) == {("NQ 202/2025/QH15", True)}


@pytest.mark.django_db
def test_the_bare_code_01392_names_two_different_units_in_the_two_schemes(imported):
    units = Unit.objects.filter(kind=Kind.COMMUNE, code="01392")

    assert {(u.code_scheme, u.name) for u in units} == {(LEGACY, "Thị trấn Xuân Hòa"), (Y2025, "Xã Trường Hà")}


@pytest.mark.django_db
def test_every_old_unit_has_exactly_one_default_successor_even_when_split(imported):
    per_predecessor = Lineage.objects.values("predecessor").annotate(
        successors=Count("pk"), defaults=Count("pk", filter=Q(is_default=True))
    )

    assert per_predecessor.filter(successors__gt=1).count() == 471
    assert not per_predecessor.exclude(defaults=1).exists()
    assert per_predecessor.count() == 63 + 10_035 + 5  # the island districts map straight to a đặc khu


@pytest.mark.django_db
def test_a_unit_that_existed_before_is_updated_in_place_and_keeps_its_edited_fields(imported):
    province = unit(LEGACY, Kind.PROVINCE, "04")
    commune = unit(LEGACY, Kind.COMMUNE, "01417")
    village = Unit.objects.get(pk=imported.village.pk)

    assert province.pk == imported.province.pk
    assert (province.is_demo, province.is_border, province.is_mountainous) == (True, True, True)
    assert province.ntm_region == NtmRegion.NORTHERN_MOUNTAINS  # was blank, so the import filled it
    assert commune.pk == imported.commune.pk
    assert (commune.name, commune.parent.name) == ("Xã Sóc Hà", "Huyện Hà Quảng")
    assert commune.is_ethnic_minority_area
    assert commune.ntm_region == NtmRegion.RED_RIVER_DELTA
    assert (village.path, village.depth) == (f"{commune.path}{village.pk}/", 3)
    assert Unit.objects.filter(code__in=["04", "01417"], code_scheme=LEGACY).count() == 2


@pytest.mark.django_db
def test_a_second_run_changes_nothing(imported):
    before = row_counts()

    output = run_import()

    assert row_counts() == before
    assert output.count(" 0 created, 0 updated,") == 3
    assert "Lineage edges: 0 created, 0 updated, 10665 unchanged." in output


@pytest.mark.django_db
def test_a_dry_run_reports_the_change_but_saves_nothing(imported):
    Unit.objects.filter(code_scheme=Y2025, kind=Kind.COMMUNE, code="01392").update(name="Xã Đổi Tên")

    output = run_import("--dry-run", "--scheme", "2025-07")

    assert "Units from 07/2025: 0 created, 1 updated, 3354 unchanged." in output
    assert "Units before 07/2025" not in output
    assert unit(Y2025, Kind.COMMUNE, "01392").name == "Xã Đổi Tên"


def test_the_region_file_rejects_an_unknown_region(tmp_path):
    path = tmp_path / "regions.csv"
    path.write_text("# comment, with a comma\ncode_scheme,code,province,ntm_region\nlegacy,04,Tỉnh Cao Bằng,north\n")

    with pytest.raises(SourceError, match="unknown region 'north'"):
        read_regions(path)


def test_the_region_file_covers_all_63_old_and_34_new_provinces():
    regions = read_regions()

    assert sum(scheme == LEGACY for scheme, _kind, _code in regions) == 63
    assert sum(scheme == Y2025 for scheme, _kind, _code in regions) == 34
    assert set(regions.values()) == set(NtmRegion.values)
