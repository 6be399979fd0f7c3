"""The parts of a plan edited on their own pages: targets, timeline items, sections and attachments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Model
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns.models import Milestone, Plan, PlanAttachment, PlanSection, Target
from campaigns.plans.forms import AttachmentForm, MilestoneForm, SectionForm
from campaigns.plans.permissions import can_edit_plan
from campaigns.plans.services import mark_milestone_done
from campaigns.plans.target_forms import TargetForm
from campaigns.plans.views.plans import load_plan
from units.fields import year_or_none
from units.files import stored_file_response


def load_part(request: HttpRequest, model: type[Model], pk: int, *, edit: bool = True) -> Model:
    """A target, milestone, section or attachment of a plan the user may read (404) and edit (403)."""
    part = get_object_or_404(
        model.objects.filter(plan__in=Plan.objects.visible_to(request.user)).select_related(
            "plan__campaign", "plan__issuing_unit"
        ),
        pk=pk,
    )
    if edit and not can_edit_plan(request.user, part.plan):
        raise PermissionDenied
    return part


def plan_url(plan: Plan, anchor: str) -> str:
    return reverse("campaigns:plan", args=[plan.pk]) + anchor


def _save(request: HttpRequest, form, template: str, plan: Plan, anchor: str, saved: str) -> HttpResponse:
    """The shared tail of every part form: save (the row, its history and related rows, or nothing) and go back
    to the plan, or show the errors."""
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, saved)
        return redirect(plan_url(plan, anchor))
    return render(request, template, {"form": form, "plan": plan, "part": form.instance})


@login_required
def target_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = load_plan(request, pk, edit=True)
    target = Target(plan=plan, deadline_year=plan.campaign.end_year, order=plan.targets.count() + 1)
    form = TargetForm(request.POST or None, instance=target, user=request.user)
    return _save(request, form, "plans/target_form.html", plan, "#targets", _("Target added."))


@login_required
def target_edit(request: HttpRequest, pk: int) -> HttpResponse:
    target = load_part(request, Target, pk)
    form = TargetForm(request.POST or None, instance=target, user=request.user)
    return _save(request, form, "plans/target_form.html", target.plan, "#targets", _("Target saved."))


@login_required
@require_POST
def target_delete(request: HttpRequest, pk: int) -> HttpResponse:
    target = load_part(request, Target, pk)
    target.delete()
    messages.success(request, _("Target deleted."))
    return redirect(plan_url(target.plan, "#targets"))


@login_required
def milestone_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = load_plan(request, pk, edit=True)
    form = MilestoneForm(request.POST or None, instance=Milestone(plan=plan), user=request.user)
    return _save(request, form, "plans/milestone_form.html", plan, "#timeline", _("Timeline item added."))


@login_required
def milestone_edit(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = load_part(request, Milestone, pk)
    form = MilestoneForm(request.POST or None, instance=milestone, user=request.user)
    return _save(request, form, "plans/milestone_form.html", milestone.plan, "#timeline", _("Timeline item saved."))


@login_required
@require_POST
def milestone_done(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = load_part(request, Milestone, pk)
    if mark_milestone_done(milestone, year=year_or_none(request.POST.get("year"))):
        messages.success(request, _("Marked as done."))
    else:
        messages.info(request, _("This item was already done."))
    return redirect(plan_url(milestone.plan, "#timeline"))


@login_required
def section_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = load_plan(request, pk, edit=True)
    section = PlanSection(plan=plan, order=plan.sections.count() + 1)
    form = SectionForm(request.POST or None, instance=section)
    return _save(request, form, "plans/section_form.html", plan, "#sections", _("Section added."))


@login_required
def section_edit(request: HttpRequest, pk: int) -> HttpResponse:
    section = load_part(request, PlanSection, pk)
    form = SectionForm(request.POST or None, instance=section)
    return _save(request, form, "plans/section_form.html", section.plan, "#sections", _("Section saved."))


@login_required
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    plan = load_plan(request, pk, edit=True)
    form = AttachmentForm(request.POST or None, request.FILES or None, instance=PlanAttachment(plan=plan))
    if request.method == "POST" and form.is_valid():
        form.instance.uploaded_by = request.user
        form.save()
        messages.success(request, _("File attached."))
        return redirect(plan_url(plan, "#attachments"))
    return render(request, "plans/attachment_form.html", {"form": form, "plan": plan})


@login_required
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """Served through the plan's scoping: a draft's signed original is no public media file."""
    attachment = load_part(request, PlanAttachment, pk, edit=False)
    return stored_file_response(attachment.file)
