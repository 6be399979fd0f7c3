"""The public NTM board (no sign-in) and the page where a province publishes its years.

The board reads only what provinces published (campaigns.models.publication), through a cache whose keys name
what the page shows; a signed-out visitor's browser may keep a page a few minutes, a signed-in user's not
(config.middleware.PrivatePagesMiddleware: their pages carry their name in the navigation).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from campaigns.models import Campaign, PublishedYear
from campaigns.publication import board, services
from campaigns.publication.cache import cached
from campaigns.publication.forms import PublishForm
from campaigns.publication.tiles import BUCKETS, tile_map
from units.fields import year_or_none
from units.hierarchy import BY_NEW_UNITS, BY_OLD_UNITS, UNIT_SIDES, default_side
from units.models import Kind, Role, Unit, User

PUBLISHER_ROLES = (Role.PROVINCE_STAFF, Role.HOME_AFFAIRS)
BROWSER_CACHE_SECONDS = 300


def _public(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    response = render(request, template, context)
    if not request.user.is_authenticated:
        patch_cache_control(response, public=True, max_age=BROWSER_CACHE_SECONDS)
    patch_vary_headers(response, ["Cookie"])  # the language is chosen by a cookie
    return response


def _chosen_side(request: HttpRequest) -> str | None:
    side = request.GET.get("units")
    return side if side in UNIT_SIDES else None


def _switch(side: str) -> list[tuple[str, str, bool]]:
    labels = {BY_OLD_UNITS: _("By old units"), BY_NEW_UNITS: _("By new units")}
    return [(value, labels[value], value == side) for value in UNIT_SIDES]


def index(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    current, earlier = cached(("periods", today.year), lambda: board.periods(today))
    chosen = earlier if request.GET.get("period") == "earlier" and earlier else current
    side = _chosen_side(request)
    figures = cached(("national", chosen, side, today), lambda: board.national(chosen, side, today)) if chosen else []
    context = {
        "current": current,
        "earlier": earlier,
        "chosen": chosen,
        "side": side,
        "switch": _switch(side or ""),
        "figures": figures,
        "map": tile_map(figures),
        "buckets": BUCKETS,
        "published_count": sum(entry.year is not None for entry in figures),
    }
    return _public(request, "public/board.html", context)


def province(request: HttpRequest, province: int) -> HttpResponse:
    unit = get_object_or_404(Unit.objects.of_kind(Kind.PROVINCE), pk=province)
    years = cached(("years", unit.pk), lambda: board.published_years(unit))
    wanted = year_or_none(request.GET.get("year"))
    published = next((entry for entry in years if entry.year == wanted), years[0] if years else None)
    side = None
    rows = []
    if published is not None:
        side = _chosen_side(request) or default_side(published.year)
        rows = cached(("province", published.pk, side), lambda: board.province_rows(published, side))
    context = {
        "province": unit,
        "years": years,
        "published": published,
        "side": side,
        "switch": _switch(side) if side else [],
        "year_query": f"year={published.year}" if published else "",
        "rows": rows,
        "at_standard": sum(row.at_standard for row in rows),
        "assessed": [row for row in rows if row.criteria_met is not None],
    }
    return _public(request, "public/province.html", context)


def commune(request: HttpRequest, commune: int) -> HttpResponse:
    unit = get_object_or_404(Unit.objects.of_kind(Kind.COMMUNE), pk=commune)
    rows = cached(("commune", unit.pk), lambda: board.commune_rows(unit))
    if not rows:
        raise Http404  # nothing about it was published: the board does not even confirm it exists
    return _public(request, "public/commune.html", {"commune": unit, "rows": rows})


def publishing_provinces(user: User) -> list[Unit]:
    """The provinces of today whose years `user` may publish: province staff and Home Affairs of the province."""
    today = timezone.localdate()
    if user.sees_everything:
        return board.current_provinces(today)
    found = {
        unit.pk: unit
        for unit, membership in user.scope
        if membership.role in PUBLISHER_ROLES and unit.kind == Kind.PROVINCE and unit.is_valid_on(today)
    }
    return sorted(found.values(), key=lambda unit: unit.name)


@login_required
def publish(request: HttpRequest) -> HttpResponse:
    provinces = publishing_provinces(request.user)
    if not provinces:
        raise PermissionDenied
    chosen = next((unit for unit in provinces if str(unit.pk) == request.GET.get("province")), provinces[0])
    if request.method == "POST":
        form = PublishForm(request.POST, provinces=provinces)
        if form.is_valid():
            _act(request, form.cleaned_data)
            return redirect(f"{request.path}?province={form.cleaned_data['province'].pk}")
        messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
    today = timezone.localdate()
    done = {
        entry.year: entry
        for entry in PublishedYear.objects.filter(province=chosen)
        .select_related("published_by", "withdrawn_by")
        .annotate(communes=Count("statuses"), at_standard=Count("statuses", filter=~Q(statuses__level="")))
    }
    years = [(year, done.get(year)) for year in reversed(Campaign.objects.years(until=today.year))]
    context = {"provinces": provinces, "chosen": chosen, "years": years}
    return render(request, "public/publish.html", context)


def _act(request: HttpRequest, data: dict) -> None:
    province, year = data["province"], data["year"]
    try:
        if data["action"] == PublishForm.PUBLISH:
            published = services.publish_year(province, year=year, by=request.user)
            messages.success(
                request,
                _("%(year)s is published: %(count)s communes are on the public board.")
                % {"year": year, "count": published.statuses.count()},
            )
        else:
            entry = PublishedYear.objects.filter(province=province, year=year).first()
            if entry is None:
                raise ValidationError(_("This year is not published."))
            services.withdraw_year(entry, by=request.user)
            messages.success(request, _("%(year)s is no longer on the public board.") % {"year": year})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
