"""Award history per nominee across the user's subtree, and the candidates suggested from recorded results."""

import datetime
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from awards import services
from awards.models import Award, Nomination, Nominee
from awards.permissions import proposing_units
from campaigns.models import Campaign
from units.text import fold

# Enough to find someone; a longer list means the search needs another word.
MAX_RESULTS = 100


def matching_ids(nominees, text: str) -> tuple[list[int], int]:
    """Ids of the nominees whose name or unit contains every word of `text`, accents and case ignored.

    Nominee has no folded copy of its name (Unit has `search_name`), and SQLite cannot strip accents, so
    the names of the scoped set are folded here: one query fetching two short columns, then Python. A
    subtree holds a few thousand nominees at most, which folds in milliseconds; a folded column would be
    the next step if that ever stops being true.
    """
    words = fold(text).split()
    rows = nominees.values_list("pk", "name", "unit__name")
    ids = [pk for pk, name, unit in rows if all(word in fold(f"{name} {unit}") for word in words)]
    return ids[:MAX_RESULTS], len(ids)


@login_required
def history(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    nominees = Nominee.objects.visible_to(request.user)
    if query:
        ids, found = matching_ids(nominees, query)
        nominees = nominees.filter(pk__in=ids)
    else:
        # Without a search, the most recently awarded: the page opens on something useful.
        nominees = nominees.filter(awards__isnull=False).distinct()
        found = None
    awards = Award.objects.select_related("decision", "award_form").order_by("-decision__date", "-decision__number")
    open_nominations = Nomination.objects.open().select_related("award_form").order_by("-created_at")
    nominees = nominees.select_related("unit").prefetch_related(
        Prefetch("awards", queryset=awards),
        Prefetch("nominations", queryset=open_nominations, to_attr="open_nominations"),
    )
    results = list(nominees.order_by("name", "pk")[:MAX_RESULTS])
    context = {"query": query, "results": results, "found": found, "limit": MAX_RESULTS}
    return render(request, "awards/history.html", context)


@login_required
def suggestions(request: HttpRequest) -> HttpResponse:
    units = proposing_units(request.user)
    if not units:
        raise PermissionDenied
    unit = next((u for u in units if str(u.pk) == request.GET.get("unit")), units[0])
    this_year = datetime.date.today().year
    years = range(this_year, Campaign.objects.first_year() - 1, -1)
    # Only a year the page offers: int() refuses "²" (isdigit accepts it), and the date arithmetic a year
    # past 9999.
    chosen = request.GET.get("year", "")
    year = int(chosen) if chosen.isdecimal() and int(chosen) in years else this_year - 1
    candidates = services.suggest_candidates(unit, year=year, by=request.user)
    rows = [(candidate, propose_url(candidate, unit=unit, year=year)) for candidate in candidates]
    context = {"units": units, "unit": unit, "year": year, "years": years, "rows": rows}
    return render(request, "awards/suggestions.html", context)


def propose_url(candidate: services.Suggestion, *, unit, year: int) -> str:
    """awards:create pre-filled with the candidate (its nominee record if it has one), form and achievements."""
    params = {"unit": unit.pk, "round_year": candidate.round_year or year, "round": candidate.round}
    if candidate.nominee is not None:
        params["nominee"] = candidate.nominee.pk
    else:
        params["collective"] = candidate.unit.pk
    if candidate.award_form is not None:
        params["award_form"] = candidate.award_form.pk
    if candidate.campaign is not None:
        params["campaign"] = candidate.campaign.pk
    if candidate.plan is not None:
        params["plan"] = candidate.plan.pk
    if candidate.achievements:
        params["achievements"] = candidate.achievements
    return reverse("awards:create") + "?" + urlencode(params)
