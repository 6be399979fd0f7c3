"""The award catalogue as dated data: award forms and titles, who grants them in each period, and the base
salary. Everyone signed in reads it; national administrators edit it (it is one catalogue for the country)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from awards.catalogue_forms import AwardFormForm, BaseSalaryForm, GrantRuleForm
from awards.models import AwardForm, BaseSalary, GrantRule
from units.models import User


def can_edit_catalogue(user: User) -> bool:
    """National reference data: administrators and superusers only; everyone else reads it."""
    return user.sees_everything


def check_editor(request: HttpRequest) -> None:
    if not can_edit_catalogue(request.user):
        raise PermissionDenied


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    forms = AwardForm.objects.prefetch_related(
        Prefetch("rules", queryset=GrantRule.objects.order_by("authority_level", "valid_from", "pk"))
    )
    context = {
        "award_forms": forms,
        "salaries": BaseSalary.objects.order_by("-valid_from"),
        "can_edit": can_edit_catalogue(request.user),
    }
    return render(request, "awards/catalogue/catalogue.html", context)


def _form_page(request: HttpRequest, form, title: str, saved: str, anchor: str = "") -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        row = form.save()
        messages.success(request, saved)
        return redirect(reverse("awards:catalogue") + (anchor or f"#form-{row.pk}"))
    return render(
        request,
        "awards/catalogue/row_form.html",
        {"form": form, "title": title, "cancel_url": reverse("awards:catalogue") + anchor},
    )


@login_required
def form_create(request: HttpRequest) -> HttpResponse:
    check_editor(request)
    form = AwardFormForm(request.POST or None)
    return _form_page(request, form, _("Add an award form"), _("Award form added."))


@login_required
def form_edit(request: HttpRequest, pk: int) -> HttpResponse:
    check_editor(request)
    award_form = get_object_or_404(AwardForm, pk=pk)
    form = AwardFormForm(request.POST or None, instance=award_form)
    return _form_page(request, form, award_form.name, _("Award form saved."), f"#form-{pk}")


@login_required
def rule_create(request: HttpRequest, pk: int) -> HttpResponse:
    check_editor(request)
    award_form = get_object_or_404(AwardForm, pk=pk)
    rule = GrantRule(
        award_form=award_form,
        authority_level=award_form.authority_level,
        authority_title=award_form.authority_title,
    )
    form = GrantRuleForm(request.POST or None, instance=rule)
    title = _("New grant rule for %(form)s") % {"form": award_form.name}
    return _form_page(request, form, title, _("Grant rule added."), f"#form-{pk}")


@login_required
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    check_editor(request)
    rule = get_object_or_404(GrantRule.objects.select_related("award_form"), pk=pk)
    form = GrantRuleForm(request.POST or None, instance=rule)
    title = _("Grant rule of %(form)s") % {"form": rule.award_form.name}
    return _form_page(request, form, title, _("Grant rule saved."), f"#form-{rule.award_form_id}")


@login_required
def salary_create(request: HttpRequest) -> HttpResponse:
    check_editor(request)
    form = BaseSalaryForm(request.POST or None)
    return _form_page(request, form, _("Add a base salary"), _("Base salary added."), "#base-salary")


@login_required
def salary_edit(request: HttpRequest, pk: int) -> HttpResponse:
    check_editor(request)
    form = BaseSalaryForm(request.POST or None, instance=get_object_or_404(BaseSalary, pk=pk))
    return _form_page(request, form, _("Base salary"), _("Base salary saved."), "#base-salary")
