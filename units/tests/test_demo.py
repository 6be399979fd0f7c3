from io import StringIO

import pytest
from django.core.management import call_command, get_commands

from units.demo import DEMO_PASSWORD, LEGACY, LEGACY_UNITS, LOCAL_UNITS, Y2025, Y2025_UNITS, demo_unit
from units.models import CodeScheme, Kind, Lineage, Membership, Role, Unit, User

pytestmark = pytest.mark.django_db

needs_import = pytest.mark.skipif(
    "import_admin_units" not in get_commands(), reason="the import_admin_units command does not exist yet"
)


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo():
    load_demo()


def dump() -> dict:
    """Every value of every row the demo loader writes, to compare two states of the database."""
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in (Unit, Lineage, User, Membership)}


def user(username: str) -> User:
    return User.objects.get(username=username)


def visible(username: str) -> set[Unit]:
    return set(Unit.objects.visible_to(user(username)))


def official(scheme: str, code: str) -> Unit:
    return demo_unit((scheme, code))


def test_load_demo_gives_each_account_its_role_at_its_unit(demo):
    memberships = {
        m.user.username: (m.role, m.unit.code_scheme, m.unit.code or m.unit.name)
        for m in Membership.objects.select_related("user", "unit")
    }

    assert memberships == {
        "tinh.caobang": (Role.PROVINCE_STAFF, CodeScheme.Y2025, "04"),
        "noivu.haquang": (Role.HOME_AFFAIRS, CodeScheme.LEGACY, "045"),
        "lanhdao.haquang": (Role.LEADER, CodeScheme.LEGACY, "045"),
        "xa.truongha": (Role.COMMUNE_OFFICER, CodeScheme.LEGACY, "01399"),
        "xa.ngocdao": (Role.COMMUNE_OFFICER, CodeScheme.LEGACY, "01438"),
        "bandantoc.caobang": (Role.AGENCY_OFFICER, CodeScheme.LOCAL, "Ban Dân tộc tỉnh Cao Bằng"),
        "tinh.quangtri": (Role.PROVINCE_STAFF, CodeScheme.Y2025, "44"),
        "xa.truongha2025": (Role.COMMUNE_OFFICER, CodeScheme.Y2025, "01392"),
        "noivu.caobang": (Role.HOME_AFFAIRS, CodeScheme.Y2025, "04"),
    }
    admin = user("admin")
    assert admin.is_superuser and admin.is_staff and not admin.memberships.exists()
    assert all(u.check_password(DEMO_PASSWORD) and u.full_name and u.position for u in User.objects.all())


def test_load_demo_keys_official_units_by_scheme_so_reused_codes_stay_apart(demo):
    old_quang_binh, new_quang_tri = official(LEGACY, "44"), official(Y2025, "44")

    assert (old_quang_binh.name, new_quang_tri.name) == ("Tỉnh Quảng Bình", "Tỉnh Quảng Trị")
    assert official(LEGACY, "01438").name == "Xã Ngọc Đào"
    assert official(Y2025, "01438").name == "Xã Hà Quảng"
    assert set(new_quang_tri.predecessor_links.values_list("predecessor__code", flat=True)) == {"44", "45"}
    new_truong_ha = official(Y2025, "01392")
    assert {link.predecessor.name for link in new_truong_ha.predecessor_links.all()} == {
        "Thị trấn Xuân Hòa",
        "Xã Trường Hà",
        "Xã Sóc Hà",
        "Xã Quý Quân",
    }


def test_load_demo_marks_what_it_created_as_demo_and_classifies_ha_quang(demo):
    truong_ha = official(LEGACY, "01399")

    assert not Unit.objects.filter(is_demo=False).exists()
    assert truong_ha.short_name == "Trường Hà" and truong_ha.division_type == "Xã"
    assert truong_ha.is_mountainous and truong_ha.is_ethnic_minority_area and truong_ha.is_border
    assert official(LEGACY, "01392").division_type == "Thị trấn"
    assert official(LEGACY, "045").children.filter(kind=Kind.COMMUNE).count() == 21
    assert truong_ha.children.filter(kind=Kind.VILLAGE, division_type="Xóm").count() == 5


def test_running_load_demo_twice_changes_nothing(demo):
    before = dump()

    output = load_demo()

    assert dump() == before
    steps = [line for line in output.splitlines() if "unchanged" in line]
    assert steps and all(": 0 created, 0 updated," in line for line in steps)


def test_load_demo_dry_run_saves_nothing():
    call_command("load_demo", "--dry-run", stdout=StringIO())

    assert not Unit.objects.exists() and not User.objects.exists()


@needs_import
def test_import_admin_units_after_load_demo_neither_copies_nor_rewrites_the_demo_units(demo):
    demo_units = {unit.pk: unit for unit in Unit.objects.all()}
    edges = set(Lineage.objects.values_list("predecessor_id", "successor_id", "legal_basis"))

    call_command("import_admin_units", "--no-progress", stdout=StringIO())

    for scheme, rows in ((LEGACY, LEGACY_UNITS), (Y2025, Y2025_UNITS)):
        for kind, code, *_rest in rows:
            assert Unit.objects.filter(code_scheme=scheme, kind=kind, code=code).count() == 1
    # Same names, short names, parents and paths: the demo wrote what the national data says.
    after = {unit.pk: unit for unit in Unit.objects.filter(pk__in=demo_units)}
    for pk, unit in demo_units.items():
        assert (after[pk].name, after[pk].short_name, after[pk].path, after[pk].is_demo) == (
            unit.name,
            unit.short_name,
            unit.path,
            True,
        )
    demo_successors = Lineage.objects.filter(successor__in=demo_units, predecessor__in=demo_units)
    assert set(demo_successors.values_list("predecessor_id", "successor_id", "legal_basis")) == edges
    assert "0 created, 0 updated" in load_demo()


@needs_import
def test_load_demo_after_the_import_classifies_the_imported_units_without_copying_them():
    from units.importers import Source, import_admin_units, read_source

    source = read_source()
    provinces = {(LEGACY, Kind.PROVINCE, code) for code in ("04", "20", "44", "45")}
    provinces |= {(Y2025, Kind.PROVINCE, code) for code in ("04", "20", "44")}
    units = {
        scheme: [[row for row in level if row.province in provinces] for level in levels]
        for scheme, levels in source.units.items()
    }
    import_admin_units(source=Source(units, source.edges))
    imported = Unit.objects.count()

    load_demo()

    truong_ha = official(LEGACY, "01399")
    # Villages of merged communes get a second version under the new commune (units.villages).
    carried = Lineage.objects.filter(predecessor__kind=Kind.VILLAGE).count()
    assert carried > 0
    assert Unit.objects.count() == imported + len(LOCAL_UNITS) + carried
    assert truong_ha.is_border and truong_ha.is_especially_difficult and not truong_ha.is_demo
    assert Unit.objects.filter(code_scheme=CodeScheme.LOCAL, is_demo=True).count() == len(LOCAL_UNITS) + carried


def test_a_commune_officer_sees_their_commune_and_its_villages_only(demo):
    truong_ha = official(LEGACY, "01399")
    seen = visible("xa.truongha")

    assert truong_ha in seen
    assert {u.name for u in truong_ha.children.filter(kind=Kind.VILLAGE)} <= {u.name for u in seen}
    assert official(LEGACY, "01438") not in seen
    assert not any(u.path.startswith(official(LEGACY, "45").path) for u in seen)
    assert not any(u.path.startswith(official(Y2025, "44").path) for u in seen)
    assert all(u.is_within(truong_ha) for u in seen)


def test_quang_tri_province_staff_sees_old_quang_tri_and_quang_binh_but_nothing_of_cao_bang(demo):
    seen = visible("tinh.quangtri")

    assert {official(LEGACY, "44"), official(LEGACY, "45"), official(Y2025, "44")} <= seen
    assert official(LEGACY, "19594") in seen
    cao_bang = [official(LEGACY, "04"), official(Y2025, "04")]
    assert not any(u.is_within(root) for u in seen for root in cao_bang)


def test_cao_bang_province_staff_sees_the_old_ha_quang_communes_and_the_2025_communes(demo):
    seen = visible("tinh.caobang")

    legacy_communes = set(official(LEGACY, "045").children.filter(kind=Kind.COMMUNE))
    new_communes = set(official(Y2025, "04").children.all())
    assert len(legacy_communes) == 21 and len(new_communes) == 7
    assert legacy_communes | new_communes <= seen
    assert official(LEGACY, "06523") not in seen and official(Y2025, "44") not in seen


def test_the_ethnic_committee_officer_sees_the_committee_and_its_departments_only(demo):
    seen = visible("bandantoc.caobang")

    assert {u.name for u in seen} == {
        "Ban Dân tộc tỉnh Cao Bằng",
        "Văn phòng Ban",
        "Phòng Chính sách",
        "Phòng Kế hoạch - Tổng hợp",
    }


def test_demo_accounts_prints_each_account_with_its_role_unit_and_password(demo):
    out = StringIO()
    call_command("demo_accounts", stdout=out)

    lines = out.getvalue().splitlines()
    truong_ha = next(line for line in lines if line.startswith("xa.truongha "))
    assert str(Role.COMMUNE_OFFICER.label) in truong_ha and "Xã Trường Hà" in truong_ha and DEMO_PASSWORD in truong_ha
    assert len(lines) == 2 + User.objects.count()


def test_demo_accounts_says_how_to_load_them_when_there_are_none():
    out = StringIO()
    call_command("demo_accounts", stdout=out)

    assert "load_demo" in out.getvalue()
