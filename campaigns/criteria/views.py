"""The criteria-set editor: sets, their criteria, indicators and thresholds per commune group.

National administrators edit every set; province staff edit their province's own versions (404 elsewhere) and may
make one from a national set.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns.criteria.forms import CriterionForm, IndicatorForm, ThresholdForm
from campaigns.criteria.permissions import editable_sets, staff_provinces, uses_editor, visible_sets
from campaigns.criteria.services import make_province_version, province_version_of
from campaigns.models import CriteriaSet, Criterion, GroupThreshold, Indicator


def _require_editor(request: HttpRequest) -> None:
    if not uses_editor(request.user):
        raise PermissionDenied


def set_url(criteria_set: CriteriaSet, anchor: str = "") -> str:
    return reverse("criteria:set", args=[criteria_set.pk]) + anchor


@login_required
def set_list(request: HttpRequest) -> HttpResponse:
    _require_editor(request)
    sets = visible_sets(request.user).annotate(
        criteria_count=Count("criteria", distinct=True), indicator_count=Count("criteria__indicators", distinct=True)
    )
    provinces = staff_provinces(request.user)
    own = {(s.parent_id, s.issuing_unit_id) for s in sets if s.issuing_unit_id}
    rows = [(s, [p for p in provinces if s.issuing_unit_id is None and (s.pk, p.pk) not in own]) for s in sets]
    editable = set(editable_sets(request.user).values_list("pk", flat=True))
    return render(request, "criteria/set_list.html", {"rows": rows, "editable": editable})


@login_required
def set_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_editor(request)
    criteria_set = get_object_or_404(visible_sets(request.user), pk=pk)
    indicators = Indicator.objects.prefetch_related("group_thresholds")
    criteria = criteria_set.criteria.prefetch_related(Prefetch("indicators", queryset=indicators))
    context = {
        "criteria_set": criteria_set,
        "criteria": criteria,
        "may_edit": editable_sets(request.user).filter(pk=pk).exists(),
        "versions": criteria_set.versions.all() if criteria_set.issuing_unit_id is None else [],
    }
    return render(request, "criteria/set_detail.html", context)


@login_required
@require_POST
def province_version(request: HttpRequest, pk: int) -> HttpResponse:
    """Make the user's province its own version of a national set (or open the one it has)."""
    national = get_object_or_404(visible_sets(request.user).filter(issuing_unit__isnull=True), pk=pk)
    provinces = staff_provinces(request.user)
    province = next((p for p in provinces if str(p.pk) == request.POST.get("province")), None)
    if province is None:
        raise PermissionDenied
    version = province_version_of(national, province)
    if version is None:
        version = make_province_version(national, province=province)
        messages.success(request, _("Your province's version is ready to edit; it applies to your communes."))
    return redirect(set_url(version))


def _load(request: HttpRequest, model, pk: int, set_path: str):
    """A criterion, indicator or threshold of a set the user may edit (404 elsewhere)."""
    _require_editor(request)
    return get_object_or_404(model.objects.filter(**{f"{set_path}__in": editable_sets(request.user)}), pk=pk)


def _form_page(request: HttpRequest, form, criteria_set: CriteriaSet, title: str, back: str, saved: str):
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, saved)
        return redirect(back)
    context = {"form": form, "criteria_set": criteria_set, "title": title, "cancel_url": back}
    return render(request, "criteria/part_form.html", context)


@login_required
def criterion_create(request: HttpRequest, pk: int) -> HttpResponse:
    _require_editor(request)
    criteria_set = get_object_or_404(editable_sets(request.user), pk=pk)
    number = (criteria_set.criteria.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    form = CriterionForm(request.POST or None, instance=Criterion(criteria_set=criteria_set, number=number))
    return _form_page(request, form, criteria_set, _("Add criterion"), set_url(criteria_set), _("Criterion added."))


@login_required
def criterion_edit(request: HttpRequest, pk: int) -> HttpResponse:
    criterion = _load(request, Criterion, pk, "criteria_set")
    form = CriterionForm(request.POST or None, instance=criterion)
    back = set_url(criterion.criteria_set, f"#criterion-{criterion.pk}")
    return _form_page(request, form, criterion.criteria_set, _("Edit criterion"), back, _("Criterion saved."))


@login_required
def indicator_create(request: HttpRequest, pk: int) -> HttpResponse:
    criterion = _load(request, Criterion, pk, "criteria_set")
    order = criterion.indicators.count() + 1
    form = IndicatorForm(request.POST or None, instance=Indicator(criterion=criterion, order=order))
    back = set_url(criterion.criteria_set, f"#criterion-{criterion.pk}")
    return _form_page(request, form, criterion.criteria_set, _("Add indicator"), back, _("Indicator added."))


@login_required
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = _load(request, Indicator, pk, "criterion__criteria_set")
    form = IndicatorForm(request.POST or None, instance=indicator)
    criteria_set = indicator.criterion.criteria_set
    back = set_url(criteria_set, f"#indicator-{indicator.pk}")
    return _form_page(request, form, criteria_set, _("Edit indicator"), back, _("Indicator saved."))


@login_required
def thresholds(request: HttpRequest, pk: int) -> HttpResponse:
    """An indicator's thresholds per commune group, and the form to add one."""
    indicator = _load(request, Indicator, pk, "criterion__criteria_set")
    criteria_set = indicator.criterion.criteria_set
    if not criteria_set.uses_commune_groups:
        raise Http404("The thresholds of this set are per region, kept in the administration.")
    threshold = GroupThreshold(indicator=indicator, from_year=criteria_set.start_year)
    form = ThresholdForm(request.POST or None, instance=threshold)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Threshold added."))
        return redirect("criteria:thresholds", pk=indicator.pk)
    context = {
        "indicator": indicator,
        "criteria_set": criteria_set,
        "thresholds": indicator.group_thresholds.all(),
        "form": form,
    }
    return render(request, "criteria/thresholds.html", context)


@login_required
def threshold_edit(request: HttpRequest, pk: int) -> HttpResponse:
    threshold = _load(request, GroupThreshold, pk, "indicator__criterion__criteria_set")
    form = ThresholdForm(request.POST or None, instance=threshold)
    back = reverse("criteria:thresholds", args=[threshold.indicator_id])
    criteria_set = threshold.indicator.criterion.criteria_set
    return _form_page(request, form, criteria_set, _("Edit threshold"), back, _("Threshold saved."))


@login_required
@require_POST
def threshold_delete(request: HttpRequest, pk: int) -> HttpResponse:
    threshold = _load(request, GroupThreshold, pk, "indicator__criterion__criteria_set")
    threshold.delete()
    messages.success(request, _("Threshold deleted."))
    return redirect("criteria:thresholds", pk=threshold.indicator_id)
