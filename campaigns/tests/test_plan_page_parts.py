"""The plan page's cached lists (campaigns.plans.page_parts) show every change on the next request."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from awards.models import AwardForm
from campaigns.models import (
    Document,
    EmulationSubject,
    Milestone,
    Plan,
    PlanAmendment,
    PlanAttachment,
    PlanBasis,
    PlanSection,
)
from units.models import Kind, Role
from units.signals import units_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, make_user, district):
    user = make_user("noivu", (district, Role.HOME_AFFAIRS))
    client.force_login(user)
    return user


def page(client, plan) -> str:
    response = client.get(reverse("campaigns:plan", args=[plan.pk]))
    assert response.status_code == 200
    return response.content.decode()


def shown_twice(client, plan, text) -> bool:
    """Whether `text` is on the page, asked twice so that the second answer comes from the cache."""
    first, second = page(client, plan), page(client, plan)
    assert (text in first) == (text in second)
    return text in second


def test_a_section_added_edited_and_deleted_shows_on_the_next_request(client, editor, plan):
    assert not shown_twice(client, plan, "Mục tiêu chung")
    response = client.post(
        reverse("campaigns:section-create", args=[plan.pk]),
        {"kind": PlanSection.Kind.PURPOSE, "heading": "Mục tiêu chung", "body": "Nội dung", "order": 1},
    )
    assert response.status_code == 302
    assert shown_twice(client, plan, "Mục tiêu chung")
    section = plan.sections.get()
    response = client.post(
        reverse("campaigns:section-edit", args=[section.pk]),
        {"kind": section.kind, "heading": "Mục tiêu cụ thể", "body": "Nội dung", "order": 1},
    )
    assert response.status_code == 302
    assert shown_twice(client, plan, "Mục tiêu cụ thể")
    section.delete()
    assert not shown_twice(client, plan, "Mục tiêu cụ thể")


def test_subjects_attachments_and_amendments_show_when_added(client, editor, plan):
    page(client, plan)
    EmulationSubject.objects.create(plan=plan, kind=EmulationSubject.Kind.COMMUNES, description="Các xã vùng cao")
    PlanAttachment.objects.create(plan=plan, title="Phụ lục kèm theo", file="plans/x.pdf")
    PlanAmendment.objects.create(plan=plan, reason="Điều chỉnh chỉ tiêu", recorded_by=editor)
    second = page(client, plan)
    assert "Các xã vùng cao" in second
    assert "Phụ lục kèm theo" in second
    assert "Điều chỉnh chỉ tiêu" in second


def test_an_edited_legal_basis_document_shows_on_every_plan_citing_it(client, editor, plan, campaign, district):
    other = Plan.objects.create(campaign=campaign, title="Kế hoạch khác", issuing_unit=district, issuer_name="UBND")
    document = Document.objects.create(number="12-NQ/TU", issuer="Tỉnh ủy")
    PlanBasis.objects.create(plan=plan, document=document)
    PlanBasis.objects.create(plan=other, document=document)
    assert shown_twice(client, plan, "12-NQ/TU")
    assert shown_twice(client, other, "12-NQ/TU")
    document.number = "15-NQ/TU"
    document.save()
    assert shown_twice(client, plan, "15-NQ/TU")
    assert shown_twice(client, other, "15-NQ/TU")


def test_a_milestone_marked_done_and_its_renamed_unit_show(client, editor, plan, make_unit, district):
    unit = make_unit("Phòng Nông nghiệp", Kind.AGENCY, district)
    milestone = Milestone.objects.create(
        plan=plan,
        kind=Milestone.Kind.OTHER,
        title="Tổng kết",
        due_date=datetime.date(2099, 12, 1),
        responsible_unit=unit,
    )
    assert not shown_twice(client, plan, "app-done")
    assert client.post(reverse("campaigns:milestone-done", args=[milestone.pk])).status_code == 302
    assert shown_twice(client, plan, "app-done")
    unit.name = "Phòng Kinh tế"
    unit.save()
    assert shown_twice(client, plan, "Phòng Kinh tế")
    # The units importer renames in bulk (no save()) and says so with units_changed.
    type(unit).objects.filter(pk=unit.pk).update(name="Phòng Nông nghiệp và Môi trường")
    units_changed.send(sender=type(unit), pks=[unit.pk])
    assert shown_twice(client, plan, "Phòng Nông nghiệp và Môi trường")


def test_award_forms_ticked_for_a_plan_show_on_it_and_on_the_plans_inheriting_them(client, editor, plan, campaign):
    child = Plan.objects.create(
        campaign=campaign, parent=plan, title="Kế hoạch xã", issuer_name="UBND xã", status=Plan.Status.ISSUED
    )
    merit, flag = AwardForm.objects.order_by("pk")[:2]
    assert not shown_twice(client, child, merit.name)
    response = client.post(reverse("awards:plan-forms", args=[plan.pk]), {"award_forms": [merit.pk]})
    assert response.status_code == 302
    assert shown_twice(client, plan, merit.name)
    assert shown_twice(client, child, merit.name)  # inherited from the plan above
    assert shown_twice(client, child, "3254/KH-UBND")
    plan.number = "4000/KH-UBND"
    plan.save()
    assert shown_twice(client, child, "4000/KH-UBND")  # "As in <the parent's reference>"
    merit.name = "Bằng khen đổi tên"
    merit.save()
    assert shown_twice(client, child, "Bằng khen đổi tên")
    child.award_forms.set([flag])
    assert shown_twice(client, child, flag.name)
    assert not shown_twice(client, child, "Bằng khen đổi tên")


def test_a_plan_saved_from_a_copy_read_before_a_change_still_shows_the_change(client, editor, plan):
    page(client, plan)
    stale = Plan.objects.get(pk=plan.pk)
    PlanSection.objects.create(plan=plan, kind=PlanSection.Kind.PURPOSE, heading="Mục mới", body="x")
    assert shown_twice(client, plan, "Mục mới")
    stale.title = "Tên mới"
    stale.save()  # writes back the parts_version it read
    assert shown_twice(client, plan, "Mục mới")


def test_the_page_does_not_depend_on_the_cache(client, editor, plan, monkeypatch):
    PlanSection.objects.create(plan=plan, kind=PlanSection.Kind.PURPOSE, heading="Mục tiêu chung", body="x")

    def down(*args, **kwargs):
        raise ConnectionError("Redis is away")

    monkeypatch.setattr(cache, "get", down)
    monkeypatch.setattr(cache, "set", down)
    assert "Mục tiêu chung" in page(client, plan)


def test_the_cache_key_changes_when_a_models_fields_change(monkeypatch):
    from django.db import models

    from campaigns.models import PlanSection
    from campaigns.plans import page_parts

    page_parts.models_shape.cache_clear()
    before = page_parts.models_shape()
    extra = models.IntegerField(name="added_in_a_release")
    extra.attname, extra.column, extra.model = "added_in_a_release", "added_in_a_release", PlanSection
    monkeypatch.setattr(PlanSection._meta, "concrete_fields", (*PlanSection._meta.concrete_fields, extra))
    page_parts.models_shape.cache_clear()
    try:
        assert page_parts.models_shape() != before
    finally:
        monkeypatch.undo()
        page_parts.models_shape.cache_clear()
    assert page_parts.models_shape() == before
