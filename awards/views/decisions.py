"""The decision register: issuing a numbered award decision for approved nominations, the register, a decision."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from awards import services
from awards.forms_council import DecisionForm, legal_basis_for
from awards.models import AgendaItem, AwardForm, CouncilSession, Decision, Nomination, Round
from awards.permissions import can_manage, can_print, council_units
from awards.qr import verification_url
from awards.services.grants import bonus_for, regime_label
from awards.views import query_int
from units.models import Unit

PAGE_SIZE = 50


@login_required
def decisions(request: HttpRequest) -> HttpResponse:
    """The register of the decisions the user may see, newest first, by year."""
    visible = Decision.objects.visible_to(request.user)
    # visible_to() joins the awards to find decisions about the user's units; counting over that join would
    # count only those awards, so the count runs on a plain queryset of the same decisions.
    register = Decision.objects.filter(pk__in=visible.values("pk"))
    years = sorted(set(register.values_list("year", flat=True)), reverse=True)
    year = query_int(request.GET.get("year"))
    if year:
        register = register.filter(year=year)
    rows = register.select_related("issuing_unit", "award_form").annotate(awardees=Count("awards"))
    page = Paginator(rows.order_by("-date", "-number"), PAGE_SIZE).get_page(request.GET.get("page"))
    for row in page.object_list:
        row.printable = can_print(request.user, row.issuing_unit)
    # The units whose certificates the user prints: one batch per unit and round (reports' batch print).
    issuers = Unit.objects.filter(pk__in=register.values("issuing_unit")).order_by("path")
    context = {
        "page": page,
        "decisions": page.object_list,
        "years": years,
        "year": year,
        "can_issue": bool(council_units(request.user)),
        "print_units": [unit for unit in issuers if can_print(request.user, unit)],
        "rounds": Round.choices,
    }
    return render(request, "awards/decisions/decision_list.html", context)


@login_required
def decision(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = Decision.objects.visible_to(request.user).select_related(
        "issuing_unit", "award_form", "council_session", "issued_by"
    )
    decision = get_object_or_404(queryset, pk=pk)
    awards = list(decision.awards.select_related("nominee__unit", "nomination__proposing_unit").order_by("order"))
    bonus = bonus_for(decision.award_form, decision.date)
    for award in awards:
        award.verify_url = verification_url(award, request)
        award.bonus = bonus.amount_for(award.nominee.kind) if bonus else None
    context = {
        "decision": decision,
        "awards": awards,
        "bonus": bonus,
        "regime": regime_label(decision.award_form, decision.date),
    }
    return render(request, "awards/decisions/decision_detail.html", context)


def _approved_at(units: list[Unit]) -> QuerySet[Nomination]:
    return Nomination.objects.filter(status=Nomination.Status.APPROVED, reviewer_unit__in=units)


def _groups(units: list[Unit]) -> list[dict]:
    """Approved nominations waiting at `units`, by unit and award form: one decision grants one form."""
    counts = _approved_at(units).values("reviewer_unit", "award_form").annotate(count=Count("pk")).order_by()
    by_unit = {unit.pk: unit for unit in units}
    forms = AwardForm.objects.prefetch_related("rules").in_bulk({row["award_form"] for row in counts})
    groups = [
        {"unit": by_unit[row["reviewer_unit"]], "award_form": forms[row["award_form"]], "count": row["count"]}
        for row in counts
    ]
    for group in groups:
        group["can_decide"] = services.can_decide(group["unit"], group["award_form"])
    return sorted(groups, key=lambda group: (group["unit"].path, -group["award_form"].rank))


def sessions_of(nominations) -> list[CouncilSession]:
    """The council sessions that passed these nominations, oldest first."""
    return list(
        CouncilSession.objects.filter(agenda__nomination__in=nominations, agenda__result=AgendaItem.Result.PASSED)
        .select_related("council_unit")
        .distinct()
        .order_by("date", "pk")
    )


def _default_date(unit: Unit, award_form: AwardForm) -> datetime.date:
    """Today, or the last day the unit and the form existed (a district's decisions end on 30/06/2025)."""
    ends = [day for day in (unit.valid_to, award_form.valid_to) if day is not None]
    return min([datetime.date.today(), *ends])


@login_required
def decision_create(request: HttpRequest) -> HttpResponse:
    units = council_units(request.user)
    if not units:
        raise PermissionDenied
    unit_pk, form_pk = query_int(request.GET.get("unit")), query_int(request.GET.get("award_form"))
    chosen = query_int(request.GET.get("nomination"))
    if chosen:
        nomination = get_object_or_404(Nomination.objects.visible_to(request.user), pk=chosen)
        unit_pk, form_pk = nomination.reviewer_unit_id, nomination.award_form_id
    if not (unit_pk and form_pk):
        return render(request, "awards/decisions/decision_pick.html", {"groups": _groups(units)})

    unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=unit_pk)
    if not can_manage(request.user, unit):
        raise PermissionDenied
    award_form = get_object_or_404(AwardForm, pk=form_pk)
    candidates = (
        _approved_at([unit])
        .filter(award_form=award_form)
        .select_related("nominee", "proposing_unit")
        .order_by("proposing_unit__path", "pk")
    )
    selected = [chosen] if chosen else list(candidates.values_list("pk", flat=True))
    day = _default_date(unit, award_form)
    initial = {
        "nominations": selected,
        "date": day,
        "signer_title": award_form.authority_title,
        "legal_basis": legal_basis_for(day, sessions_of(selected), award_form=award_form),
    }
    form = DecisionForm(request.POST or None, initial=initial, candidates=candidates, sessions_of=sessions_of)
    if request.method == "POST" and form.is_valid():
        issued = _issue(request, form, unit)
        if issued is not None:
            messages.success(request, _("Decision %(reference)s issued") % {"reference": issued.reference})
            return redirect("awards:decision", issued.pk)
    context = {
        "form": form,
        "unit": unit,
        "award_form": award_form,
        "can_decide": services.can_decide(unit, award_form, on=day),
        "has_candidates": candidates.exists(),
    }
    return render(request, "awards/decisions/decision_form.html", context)


def _issue(request: HttpRequest, form: DecisionForm, unit: Unit) -> Decision | None:
    data = form.cleaned_data
    nominations = list(data["nominations"])
    sessions = [session for session in sessions_of(nominations) if session.council_unit_id == unit.pk]
    try:
        return services.issue_decision(
            nominations,
            issuing_unit=unit,
            date=data["date"],
            signer_name=data["signer_name"],
            signer_title=data["signer_title"],
            legal_basis=data["legal_basis"],
            by=request.user,
            # A decision cites one session; the legal basis lists them all when several voted.
            session=sessions[-1] if sessions else None,
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return None
