"""Plan pages: scoping, editing rights, coverage, amendments and their history, child plans, query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from campaigns.models import Milestone, Plan, PlanAmendment, PlanAttachment, PlanSection, Target
from campaigns.plans.coverage import coverage_of
from campaigns.plans.permissions import can_edit_plan
from campaigns.plans.services import create_child_plan
from campaigns.templatetags.campaigns_tags import plan_text, signature_lines
from campaigns.tests.factories import LEGACY, fill_plan, make_communes, make_plan
from units.models import Kind, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def communes(make_unit, district):
    """Trường Hà and Ngọc Đào with a village each, plus Sóc Hà, merged away before the plan was issued."""
    truong_ha = make_unit("Xã Trường Hà", Kind.COMMUNE, district, **LEGACY)
    ngoc_dao = make_unit("Xã Ngọc Đào", Kind.COMMUNE, district, **LEGACY)
    make_unit("Xóm Nà Mạ", Kind.VILLAGE, truong_ha)
    make_unit("Xóm Cốc Phường", Kind.VILLAGE, ngoc_dao)
    make_unit("Xã Cũ", Kind.COMMUNE, district, valid_to=datetime.date(2020, 1, 1))
    return type("Communes", (), {"truong_ha": truong_ha, "ngoc_dao": ngoc_dao})


@pytest.fixture
def noivu(make_user, district):
    """Home Affairs of the district: writes the district plan."""
    return make_user("noivu", (district, Role.HOME_AFFAIRS))


@pytest.fixture
def commune_officer(make_user, communes):
    return make_user("truongha", (communes.truong_ha, Role.COMMUNE_OFFICER))


@pytest.fixture
def quang_tri(make_user, make_unit):
    """Province staff of another province."""
    return make_user("quangtri", (make_unit("Tỉnh Quảng Trị", Kind.PROVINCE, **LEGACY), Role.PROVINCE_STAFF))


def plan_url(plan, name="campaigns:plan"):
    return reverse(name, args=[plan.pk])


# --- Scoping and rights ---------------------------------------------------------------------------


def test_another_provinces_user_gets_404_on_the_plan_and_its_pages(client, quang_tri, plan):
    client.force_login(quang_tri)
    for name in ("campaigns:plan", "campaigns:plan-edit", "campaigns:plan-history", "campaigns:plan-amend"):
        assert client.get(plan_url(plan, name)).status_code == 404, name


def test_a_draft_is_invisible_below_and_outside_its_issuer(client, commune_officer, quang_tri, noivu, plan):
    plan.status = Plan.Status.DRAFT
    plan.save()
    for user in (commune_officer, quang_tri):
        client.force_login(user)
        assert client.get(plan_url(plan)).status_code == 404
    client.force_login(noivu)
    assert client.get(plan_url(plan)).status_code == 200


def test_a_commune_reads_the_issued_district_plan_but_may_not_edit_it(client, commune_officer, plan):
    client.force_login(commune_officer)
    assert client.get(plan_url(plan)).status_code == 200
    assert client.get(plan_url(plan, "campaigns:plan-edit")).status_code == 403
    assert client.post(plan_url(plan, "campaigns:target-create"), {}).status_code == 403
    assert client.post(plan_url(plan, "campaigns:section-create"), {}).status_code == 403


def test_a_short_record_is_read_only_even_for_its_issuer(noivu, plan):
    assert can_edit_plan(noivu, plan)
    plan.is_summary = True
    assert not can_edit_plan(noivu, plan)


def test_parts_of_an_invisible_plan_are_404(client, quang_tri, plan):
    section = PlanSection.objects.create(plan=plan, heading="Mục đích")
    milestone = Milestone.objects.create(plan=plan, kind=Milestone.Kind.OTHER, title="x", due_year=2023)
    client.force_login(quang_tri)
    assert client.get(reverse("campaigns:section-edit", args=[section.pk])).status_code == 404
    assert client.post(reverse("campaigns:milestone-done", args=[milestone.pk])).status_code == 404


# --- Plan tree and coverage -----------------------------------------------------------------------


def test_coverage_counts_communes_with_an_issued_plan_and_names_the_missing(campaign, plan, communes):
    make_plan(campaign, communes.truong_ha, parent=plan)

    (coverage,) = coverage_of([plan])[plan.pk]

    assert (len(coverage.issued), coverage.total) == (1, 2)  # Xã Cũ ended before the plan
    assert [u.name for u in coverage.missing] == ["Xã Ngọc Đào"]


def test_a_draft_does_not_count_as_issued(campaign, plan, communes):
    make_plan(campaign, communes.truong_ha, parent=plan, status=Plan.Status.DRAFT)
    (coverage,) = coverage_of([plan])[plan.pk]
    assert len(coverage.issued) == 0


def test_the_plan_tree_nests_plans_and_lists_missing_communes(client, noivu, campaign, province, plan, communes):
    province_plan = make_plan(campaign, province, number="2452/KH-UBND")
    plan.parent = province_plan
    plan.save()
    make_plan(campaign, communes.truong_ha, parent=plan, number="12/KH-UBND")
    client.force_login(noivu)

    response = client.get(reverse("campaigns:detail", args=[campaign.pk]))

    (root,) = response.context["tree"]
    assert root.plan == province_plan
    assert [child.plan for child in root.children] == [plan]
    assert root.children[0].children[0].plan.number == "12/KH-UBND"
    assertContains(response, '<span class="app-coverage-missing">Xã Ngọc Đào</span>', html=True)


def test_plan_tree_query_count_does_not_grow_with_units_and_plans(
    client, noivu, campaign, province, district, plan, django_assert_max_num_queries
):
    url = reverse("campaigns:detail", args=[campaign.pk])
    client.force_login(noivu)

    def grow(n):
        communes = make_communes(district, n, start=Plan.objects.count() * 100)
        for commune in communes:
            make_plan(campaign, commune, parent=plan)

    grow(1)
    with CaptureQueriesContext(connection) as once:
        client.get(url)
    grow(10)
    with django_assert_max_num_queries(len(once)):
        response = client.get(url)
    assert len(response.context["tree"][0].children) == 11


# --- Plan detail ----------------------------------------------------------------------------------


def test_plan_detail_shows_targets_with_progress_and_overdue_items(client, noivu, plan, communes, recognise):
    target = Target.objects.create(
        plan=plan,
        type=Target.Type.UNIT_MILESTONE,
        description="Trường Hà đạt chuẩn NTM",
        status="xa_ntm",
        deadline_year=2025,
    )
    target.units.set([communes.truong_ha])
    recognise(communes.truong_ha, "xa_ntm", "2023-12-20")
    late = Milestone.objects.create(plan=plan, kind=Milestone.Kind.MIDTERM_REVIEW, title="Sơ kết", due_year=2023)
    Milestone.objects.create(
        plan=plan, kind=Milestone.Kind.OTHER, title="Xong", due_year=2023, done_date=datetime.date(2023, 12, 1)
    )
    client.force_login(noivu)

    response = client.get(plan_url(plan))

    assertContains(response, f'id="target-{target.pk}" class="app-target" data-state="achieved"')
    assertContains(response, 'aria-valuenow="100"')
    assertContains(response, f'id="milestone-{late.pk}"')
    assert response.context["overdue_count"] == 1
    assertContains(response, "app-overdue-badge", count=1)
    assertContains(response, reverse("campaigns:milestone-done", args=[late.pk]))


def test_plan_detail_query_count_does_not_grow_with_targets_and_units(
    client, noivu, plan, district, django_assert_max_num_queries
):
    client.force_login(noivu)
    fill_plan(plan, make_communes(district, 1), size=1)
    with CaptureQueriesContext(connection) as once:
        client.get(plan_url(plan))
    fill_plan(plan, make_communes(district, 10, start=10), size=10)
    with django_assert_max_num_queries(len(once)):
        response = client.get(plan_url(plan))
    assert len(response.context["rows"]) == 33


def test_a_commune_officer_does_not_see_the_mark_done_button(client, commune_officer, plan):
    milestone = Milestone.objects.create(plan=plan, kind=Milestone.Kind.OTHER, title="x", due_year=2023)
    client.force_login(commune_officer)
    response = client.get(plan_url(plan))
    assertNotContains(response, reverse("campaigns:milestone-done", args=[milestone.pk]))
    assertContains(response, 'id="create-child"')


def test_mark_done_sets_the_date_once(client, noivu, plan):
    milestone = Milestone.objects.create(plan=plan, kind=Milestone.Kind.OTHER, title="x", due_year=2023)
    client.force_login(noivu)
    url = reverse("campaigns:milestone-done", args=[milestone.pk])

    assert client.get(url).status_code == 405
    assertRedirects(client.post(url), plan_url(plan) + "#timeline", fetch_redirect_response=False)

    milestone.refresh_from_db()
    assert milestone.done_date == datetime.date.today()
    assert not milestone.is_overdue()


def test_section_text_is_escaped_and_lists_become_lists():
    html = plan_text("Mục tiêu <b>chung</b>:\n- một\n- hai\n\nĐoạn hai\ncòn tiếp")
    assert html == (
        "<p>Mục tiêu &lt;b&gt;chung&lt;/b&gt;:</p><ul><li>một</li><li>hai</li></ul><p>Đoạn hai<br>còn tiếp</p>"
    )


def test_signature_block_names_the_committee_then_the_title(plan):
    plan.signing_mode, plan.signer_title, plan.signer_name = "TM.", "Chủ tịch", "Phạm Xuân Tùng"
    assert signature_lines(plan) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Phạm Xuân Tùng"]
    plan.issuer_name, plan.signing_mode, plan.signer_title = "Ban Dân tộc tỉnh Cao Bằng", "KT.", "Phó Trưởng ban"
    assert signature_lines(plan) == ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Phạm Xuân Tùng"]


# --- Forms ----------------------------------------------------------------------------------------


def test_target_form_puts_type_errors_next_to_the_field(client, noivu, plan):
    client.force_login(noivu)
    url = plan_url(plan, "campaigns:target-create")

    response = client.post(url, {"type": "milestone", "description": "x", "deadline_year": 2025, "order": 1})
    errors = response.context["form"].errors
    assert set(errors) == {"status", "units"}
    assertContains(response, 'id="error_1_id_units"')

    response = client.post(url, {"type": "ratio", "description": "x", "deadline_year": 2025, "order": 1})
    assert set(response.context["form"].errors) == {"indicator", "baseline_year", "target_value"}

    response = client.post(url, {"type": "share", "description": "x", "deadline_year": 2025, "order": 1})
    assert {"unit_kind", "status", "target_value"} <= set(response.context["form"].errors)
    assert not plan.targets.exists()


def test_target_form_rejects_a_status_the_named_units_cannot_reach(client, noivu, plan, communes):
    client.force_login(noivu)
    data = {"type": "milestone", "description": "x", "deadline_year": 2025, "order": 1, "status": "thon_ntm"}
    response = client.post(plan_url(plan, "campaigns:target-create"), {**data, "units": [communes.truong_ha.pk]})
    assert list(response.context["form"].errors) == ["units"]


def test_target_form_saves_named_units_and_the_yearly_breakdown(client, noivu, plan, communes):
    client.force_login(noivu)
    data = {
        "type": "milestone",
        "description": "Trường Hà NTM 2023, Ngọc Đào 2024",
        "status": "xa_ntm",
        "units": [communes.truong_ha.pk, communes.ngoc_dao.pk],
        "years": "2023: 1\n2024: 1",
        "deadline_year": 2024,
        "order": 1,
        "measure": "count",
    }
    response = client.post(plan_url(plan, "campaigns:target-create"), data)
    assertRedirects(response, plan_url(plan) + "#targets", fetch_redirect_response=False)
    target = plan.targets.get()
    assert set(target.units.all()) == {communes.truong_ha, communes.ngoc_dao}
    assert [(y.year, y.value) for y in target.years.all()] == [(2023, 1), (2024, 1)]


def test_named_units_are_limited_to_the_plans_subtree(client, noivu, plan, communes, quang_tri):
    client.force_login(noivu)
    response = client.get(plan_url(plan, "campaigns:target-create"))
    choices = set(response.context["form"].fields["units"].queryset)
    assert communes.truong_ha in choices
    assert not any(unit.name == "Tỉnh Quảng Trị" for unit in choices)


def test_plan_form_offers_only_units_the_user_may_edit(client, commune_officer, communes):
    client.force_login(commune_officer)
    response = client.get(reverse("campaigns:plan-create"))
    assert list(response.context["form"].fields["issuing_unit"].queryset) == [communes.truong_ha]


def test_milestone_form_needs_a_due_date_or_year(client, noivu, plan):
    client.force_login(noivu)
    response = client.post(plan_url(plan, "campaigns:milestone-create"), {"kind": "other", "title": "x"})
    assert list(response.context["form"].errors) == ["due_date"]


def test_attachment_must_be_a_pdf_or_image_within_the_size_limit(client, noivu, plan, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(noivu)
    url = plan_url(plan, "campaigns:attachment-upload")
    data = {"kind": "signed", "title": "Bản ký"}

    response = client.post(url, {**data, "file": SimpleUploadedFile("plan.pdf", b"MZ not a pdf")})
    assert list(response.context["form"].errors) == ["file"]

    settings.MAX_UPLOAD_SIZE = 10
    response = client.post(url, {**data, "file": SimpleUploadedFile("plan.pdf", b"%PDF-1.7 " + b"x" * 20)})
    assert list(response.context["form"].errors) == ["file"]

    settings.MAX_UPLOAD_SIZE = 1000
    response = client.post(url, {**data, "file": SimpleUploadedFile("plan.pdf", b"%PDF-1.7 ok")})
    assert response.status_code == 302
    attachment = PlanAttachment.objects.get()
    assert b"".join(client.get(reverse("campaigns:attachment", args=[attachment.pk])).streaming_content) == (
        b"%PDF-1.7 ok"
    )


# --- Amendments and history -----------------------------------------------------------------------


def test_amendment_then_edit_shows_old_and_new_values_in_the_history(client, noivu, plan, campaign, district):
    client.force_login(noivu)
    response = client.post(
        plan_url(plan, "campaigns:plan-amend"),
        {"date": "2023-05-02", "document_number": "15/TTr-UBND", "requested_by": "UBND xã Trường Hà", "reason": "Lùi"},
    )
    assertRedirects(response, plan_url(plan, "campaigns:plan-edit"), fetch_redirect_response=False)
    plan.refresh_from_db()
    assert plan.status == Plan.Status.AMENDED
    assert PlanAmendment.objects.get().recorded_by == noivu

    form = client.get(plan_url(plan, "campaigns:plan-edit")).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(title="Hà Quảng chung sức (sửa đổi)", issue_date="2022-11-03")
    assertRedirects(client.post(plan_url(plan, "campaigns:plan-edit"), data), plan_url(plan))

    response = client.get(plan_url(plan, "campaigns:plan-history"))
    entry = response.context["entries"][0]
    (change,) = [c for c in entry.changes if c.field == "title"]
    assert (change.old_text, change.new_text) == (
        "Hà Quảng chung sức xây dựng nông thôn mới",
        "Hà Quảng chung sức (sửa đổi)",
    )
    assert str(change.label) == str(Plan._meta.get_field("title").verbose_name)
    assert entry.who == noivu
    assert entry.amendment.document_number == "15/TTr-UBND"
    assertContains(response, "Hà Quảng chung sức (sửa đổi)")


def test_history_lists_target_unit_changes_by_name(client, noivu, plan, communes):
    target = Target.objects.create(
        plan=plan, type=Target.Type.UNIT_MILESTONE, description="NTM", status="xa_ntm", deadline_year=2025
    )
    target.units.set([communes.truong_ha])
    hour_ago = datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1)
    Target.history.update(history_date=hour_ago)  # a separate edit, not the same form save
    target.units.add(communes.ngoc_dao)
    client.force_login(noivu)

    entries = client.get(plan_url(plan, "campaigns:plan-history")).context["entries"]

    of_target = [e for e in entries if e.key == (Target, target.pk)]
    assert [(e.action, [(c.old_text, c.new_text) for c in e.changes]) for e in of_target] == [
        ("changed", [("Xã Trường Hà", "Xã Ngọc Đào, Xã Trường Hà")]),
        ("created", [("—", "Xã Trường Hà")]),
    ]


# --- Child plan -----------------------------------------------------------------------------------


@pytest.fixture
def district_targets(plan, communes, make_target):
    return {
        "milestone": make_target(
            Target.Type.UNIT_MILESTONE,
            units=[communes.truong_ha, communes.ngoc_dao],
            status="xa_ntm",
            target_value=2,
        ),
        "keep_elsewhere": make_target(Target.Type.KEEP_STATUS, units=[communes.ngoc_dao], status="xa_ntm"),
        "min": make_target(Target.Type.MINIMUM_CRITERIA, target_value=15),
        "gain": make_target(Target.Type.CRITERIA_GAIN, target_value=1, target_value_max=2),
        "share": make_target(
            Target.Type.UNIT_SHARE, unit_kind=Kind.COMMUNE, status="xa_ntm", measure="percent", target_value=80
        ),
        "avg": make_target(Target.Type.AVERAGE_CRITERIA, target_value=16.5),
        "ocop": make_target(Target.Type.OCOP_PRODUCTS, ocop_stars=3, target_value=2),
    }


def test_child_plan_copies_only_the_targets_that_concern_the_commune(plan, communes, commune_officer, district_targets):
    child = create_child_plan(plan, unit=communes.truong_ha, by=commune_officer)

    assert (child.parent, child.campaign, child.title, child.status) == (
        plan,
        plan.campaign,
        plan.title,
        Plan.Status.DRAFT,
    )
    assert child.issuing_unit == communes.truong_ha
    assert "3254/KH-UBND" in child.subject
    copied = {t.type: t for t in child.targets.prefetch_related("units")}
    assert set(copied) == {"milestone", "min_criteria", "criteria_gain"}
    assert list(copied["milestone"].units.all()) == [communes.truong_ha]
    assert copied["milestone"].target_value is None  # "2 communes" was the district's count
    assert copied["min_criteria"].scope_unit == communes.truong_ha
    assert (copied["criteria_gain"].target_value, copied["criteria_gain"].target_value_max) == (1, 2)
    assert child.bases.get().document.number == "3254/KH-UBND"


def test_commune_officer_creates_the_child_plan_from_the_district_plan(
    client, plan, communes, commune_officer, district_targets
):
    client.force_login(commune_officer)
    url = reverse("campaigns:plan-create") + f"?parent={plan.pk}"

    response = client.get(url)
    assert response.context["form"]["unit"].value() == communes.truong_ha.pk

    response = client.post(url, {"unit": communes.truong_ha.pk}, follow=True)

    child = Plan.objects.get(parent=plan)
    assertRedirects(response, plan_url(child, "campaigns:plan-edit"))
    assert child.created_by == commune_officer
    assert child.targets.count() == 3
    assert "3" in [str(m) for m in response.context["messages"]][0]


def test_child_plan_cannot_be_made_for_a_unit_the_user_does_not_edit(client, plan, communes, commune_officer):
    client.force_login(commune_officer)
    url = reverse("campaigns:plan-create") + f"?parent={plan.pk}"
    response = client.post(url, {"unit": communes.ngoc_dao.pk})
    assert list(response.context["form"].errors) == ["unit"]
    assert not Plan.objects.filter(parent=plan).exists()


def test_the_confirmation_page_ticks_the_targets_that_will_be_copied(client, plan, commune_officer, district_targets):
    client.force_login(commune_officer)
    response = client.get(reverse("campaigns:plan-create") + f"?parent={plan.pk}")
    names = {"milestone", "min", "gain"}
    assert response.context["inherited"] == {t.pk for name, t in district_targets.items() if name in names}


def test_child_plan_starts_with_the_parents_coming_reviews_only(plan, communes, commune_officer):
    next_year = datetime.date.today().year + 1
    Milestone.objects.create(plan=plan, kind=Milestone.Kind.MIDTERM_REVIEW, title="Sơ kết", due_year=2023)
    Milestone.objects.create(plan=plan, kind=Milestone.Kind.FINAL_REVIEW, title="Tổng kết", due_year=next_year)
    Milestone.objects.create(plan=plan, kind=Milestone.Kind.LAUNCH, title="Phát động", due_year=next_year)

    child = create_child_plan(plan, unit=communes.truong_ha, by=commune_officer)

    assert [m.title for m in child.milestones.all()] == ["Tổng kết"]


def test_every_form_page_opens_for_an_editor(client, noivu, plan, campaign, communes, make_target):
    target = make_target(Target.Type.UNIT_MILESTONE, units=[communes.truong_ha], status="xa_ntm", years={2023: 1})
    section = PlanSection.objects.create(plan=plan, heading="Mục đích", body="- một")
    milestone = Milestone.objects.create(plan=plan, kind=Milestone.Kind.OTHER, title="x", due_year=2023)
    client.force_login(noivu)
    urls = [
        reverse("campaigns:overview"),
        reverse("campaigns:plan-create") + f"?campaign={campaign.pk}",
        plan_url(plan, "campaigns:plan-edit"),
        plan_url(plan, "campaigns:plan-amend"),
        plan_url(plan, "campaigns:target-create"),
        plan_url(plan, "campaigns:milestone-create"),
        plan_url(plan, "campaigns:section-create"),
        plan_url(plan, "campaigns:attachment-upload"),
        reverse("campaigns:target-edit", args=[target.pk]),
        reverse("campaigns:milestone-edit", args=[milestone.pk]),
        reverse("campaigns:section-edit", args=[section.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    form = client.get(reverse("campaigns:target-edit", args=[target.pk])).context["form"]
    assert form["years"].value() == "2023: 1"


def test_a_user_without_an_editor_role_cannot_start_a_plan(client, make_user, district):
    client.force_login(make_user("leader", (district, Role.LEADER)))
    assert client.get(reverse("campaigns:plan-create")).status_code == 403


def test_target_delete_needs_post_and_an_editor(client, noivu, commune_officer, plan, make_target):
    target = make_target(Target.Type.MINIMUM_CRITERIA, target_value=15)
    url = reverse("campaigns:target-delete", args=[target.pk])
    client.force_login(commune_officer)
    assert client.post(url).status_code == 403
    client.force_login(noivu)
    assert client.get(url).status_code == 405
    assertRedirects(client.post(url), plan_url(plan) + "#targets", fetch_redirect_response=False)
    assert not Target.objects.exists()


def test_a_new_plan_is_saved_with_its_author(client, noivu, campaign, district):
    client.force_login(noivu)
    data = {
        "campaign": campaign.pk,
        "document_kind": "KH",
        "title": "Hà Quảng chung sức",
        "issue_date": "03/11/2022",
        "issuing_unit": district.pk,
        "issuer_name": "UBND huyện Hà Quảng",
        "status": "draft",
    }
    response = client.post(reverse("campaigns:plan-create"), data)
    plan = Plan.objects.get()
    assertRedirects(response, plan_url(plan), fetch_redirect_response=False)
    assert (plan.created_by, plan.issue_date) == (noivu, datetime.date(2022, 11, 3))
