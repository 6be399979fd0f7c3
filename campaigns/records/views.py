"""Records a unit keeps besides its yearly assessment: recognitions, village statuses, OCOP products and ratings,
resources mobilised and exemplary models. Every page hangs off a hub unit (a commune, district or province the
user can see) and lists the records of its subtree.

Commune officers write their commune's records; recognitions are decisions of the level above, entered by home
affairs or province staff. Everyone who sees a unit reads its records.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Max, Model, Q, QuerySet, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns.models import (
    Campaign,
    ExemplaryModel,
    OcopProduct,
    OcopRating,
    Recognition,
    ResourceContribution,
    VillageYear,
)
from campaigns.records.baseline import baseline_of
from campaigns.records.forms import (
    ExemplaryModelForm,
    OcopProductForm,
    OcopRatingForm,
    RecognitionForm,
    ResourceForm,
    VillageGridForm,
)
from units.hierarchy import ADMINISTRATIONS, LOCALITIES, TERRITORIES, predecessors
from units.models import Kind, Role, Unit, User
from units.picker import unit_scope

HUB_KINDS = ADMINISTRATIONS
# has_role_over() also lets administrators through.
COMMUNE_WRITERS = (Role.COMMUNE_OFFICER,)
RECOGNITION_WRITERS = (Role.HOME_AFFAIRS, Role.PROVINCE_STAFF)
RECOGNISED_KINDS = TERRITORIES


def load_hub(request: HttpRequest, pk: int) -> Unit:
    return get_object_or_404(Unit.objects.visible_to(request.user).of_kind(*HUB_KINDS), pk=pk)


def load_record(request: HttpRequest, model: type[Model], pk: int, roles: tuple[str, ...]) -> Model:
    """A record the user may read (404 otherwise) and write (403 otherwise)."""
    record = get_object_or_404(model.objects.visible_to(request.user).select_related("unit"), pk=pk)
    if not request.user.has_role_over(record.unit, *roles):
        raise PermissionDenied
    return record


def writable_units(user: User, hub: Unit, roles: tuple[str, ...], kinds: tuple[str, ...]) -> QuerySet[Unit]:
    """Units of `kinds` within the hub for which the user holds one of `roles` (at the unit or above it)."""
    units = Unit.objects.within(hub).of_kind(*kinds)
    if not user.sees_everything:
        roots = [root for root, membership in user.scope if membership.role in roles]
        units = units.within(*roots) if roots else units.none()
    return units.order_by("path")


def _scope(roles: tuple[str, ...], kinds: tuple[str, ...]):
    """A picker scope: the units of `kinds` the user may write for under a hub the user can see."""

    def units(user: User, *, hub: Unit | int) -> QuerySet[Unit]:
        if not isinstance(hub, Unit):
            hub = Unit.objects.visible_to(user).of_kind(*HUB_KINDS).filter(pk=hub).first()
        return writable_units(user, hub, roles, kinds) if hub is not None else Unit.objects.none()

    return units


unit_scope("records:recognition")(_scope(RECOGNITION_WRITERS, RECOGNISED_KINDS))
unit_scope("records:commune")(_scope(COMMUNE_WRITERS, (Kind.COMMUNE,)))
unit_scope("records:model")(_scope(COMMUNE_WRITERS, LOCALITIES))


def units_or_403(user: User, hub: Unit, roles: tuple[str, ...], kinds: tuple[str, ...]) -> QuerySet[Unit]:
    units = writable_units(user, hub, roles, kinds)
    if not units.exists():
        raise PermissionDenied
    return units


def hub_of(unit: Unit) -> Unit:
    """The page a record belongs on: its own unit, or the commune of a village."""
    return unit.parent if unit.kind == Kind.VILLAGE and unit.parent_id else unit


def list_url(name: str, unit: Unit) -> str:
    return reverse(f"records:{name}", args=[hub_of(unit).pk])


def years_until_now() -> list[int]:
    """From the first programme year to this year; earlier years can still be typed into the forms."""
    return list(range(Campaign.objects.first_year(), datetime.date.today().year + 1))


def page(request: HttpRequest, template: str, hub: Unit, section: str, **context) -> HttpResponse:
    user = request.user
    # Units above the user's scope are named in the breadcrumb but not linked: their pages would 404.
    crumbs = [
        (unit, user.sees_everything or any(unit.is_within(root) for root in user.scope_roots))
        for unit in hub.ancestors()
        if unit.kind in HUB_KINDS
    ]
    context |= {"hub": hub, "section": section, "crumbs": crumbs}
    return render(request, template, context)


def form_page(request: HttpRequest, form, hub: Unit, section: str, title: str, cancel: str) -> HttpResponse:
    return page(request, "records/record_form.html", hub, section, form=form, title=title, cancel_url=cancel)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The records of the user's own unit."""
    membership = request.user.primary_membership
    if membership is None or hub_of(membership.unit).kind not in HUB_KINDS:
        return redirect("units:browse")
    return redirect("records:unit", hub_of(membership.unit).pk)


@login_required
def unit(request: HttpRequest, pk: int) -> HttpResponse:
    """The hub: what the unit has recorded, one aggregate query per kind of record."""
    hub = load_hub(request, pk)
    counts = {
        "recognitions": Recognition.objects.within(hub).aggregate(
            total=Count("pk"), in_force=Count("pk", filter=Q(revoked_on__isnull=True))
        ),
        "villages": VillageYear.objects.within(hub).aggregate(
            total=Count("pk"), villages=Count("unit", distinct=True), latest=Max("year")
        ),
        "ocop": OcopProduct.objects.within(hub).aggregate(total=Count("pk", distinct=True), ratings=Count("ratings")),
        "resources": ResourceContribution.objects.within(hub).aggregate(
            total=Count("pk"), state=Sum("state_budget"), people=Sum("people"), enterprises=Sum("enterprises")
        ),
        "models": ExemplaryModel.objects.within(hub).aggregate(total=Count("pk")),
    }
    money = counts["resources"]
    money["money"] = sum(money[key] or 0 for key in ("state", "people", "enterprises"))
    visible = Unit.objects.visible_to(request.user)
    below = sorted(visible.filter(parent=hub).of_kind(*HUB_KINDS), key=lambda unit: unit.search_name)
    earlier = predecessors(hub).filter(pk__in=visible.values("pk"))
    context = {"counts": counts, "below": below, "earlier": earlier, "baseline": baseline_of(hub, request.user)}
    return page(request, "records/unit.html", hub, "unit", **context)


# ---------------------------------------------------------------------------------------------------------
# Recognitions


@login_required
def recognition_list(request: HttpRequest, pk: int) -> HttpResponse:
    hub = load_hub(request, pk)
    recognitions = list(Recognition.objects.within(hub).select_related("unit").order_by("-decision_date", "unit__name"))
    for recognition in recognitions:
        recognition.can_write = request.user.has_role_over(recognition.unit, *RECOGNITION_WRITERS)
    can_add = writable_units(request.user, hub, RECOGNITION_WRITERS, RECOGNISED_KINDS).exists()
    context = {"recognitions": recognitions, "can_add": can_add}
    return page(request, "records/recognition_list.html", hub, "recognitions", **context)


@login_required
def recognition_create(request: HttpRequest, pk: int) -> HttpResponse:
    hub = load_hub(request, pk)
    units_or_403(request.user, hub, RECOGNITION_WRITERS, RECOGNISED_KINDS)
    form = RecognitionForm(
        request.POST or None,
        instance=Recognition(recorded_by=request.user),
        user=request.user,
        hub=hub,
        initial={"unit": hub.pk},
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Recognition recorded."))
        return redirect("records:recognitions", hub.pk)
    cancel = reverse("records:recognitions", args=[hub.pk])
    return form_page(request, form, hub, "recognitions", _("Record a recognition"), cancel)


@login_required
def recognition_edit(request: HttpRequest, pk: int) -> HttpResponse:
    recognition = load_record(request, Recognition, pk, RECOGNITION_WRITERS)
    form = RecognitionForm(request.POST or None, instance=recognition)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Recognition saved."))
        return redirect(list_url("recognitions", recognition.unit))
    hub = hub_of(recognition.unit)
    cancel = list_url("recognitions", recognition.unit)
    return form_page(request, form, hub, "recognitions", _("Edit recognition"), cancel)


# ---------------------------------------------------------------------------------------------------------
# Village status per year


@login_required
def villages(request: HttpRequest, pk: int) -> HttpResponse:
    """A commune: one select per village for the chosen year. Above a commune: the statuses counted per commune."""
    hub = load_hub(request, pk)
    years = years_until_now()
    if hub.kind != Kind.COMMUNE:
        return _village_summary(request, hub, years)
    village_units = list(Unit.objects.within(hub).of_kind(Kind.VILLAGE).order_by("name"))
    rows = VillageYear.objects.filter(unit__in=village_units).values_list("unit_id", "year", "status", "is_demo")
    by_village: dict[int, dict[int, str]] = {}
    demo = set()
    for unit_id, year, status, is_demo in rows:
        by_village.setdefault(unit_id, {})[year] = status
        if is_demo:
            demo.add(unit_id)
    year = _chosen_year(request, years, max((y for v in by_village.values() for y in v), default=years[-1]))
    # A village carried over to a new commune (units.villages) is a row of the commune it belonged to that year.
    village_units = [village for village in village_units if village.is_valid_in(year)]
    can_write = request.user.has_role_over(hub, *COMMUNE_WRITERS)
    current = {unit_id: statuses[year] for unit_id, statuses in by_village.items() if year in statuses}
    if request.method == "POST":
        if not can_write:
            raise PermissionDenied
        form = VillageGridForm(request.POST, villages=village_units, current=current)
        if form.is_valid():
            changed = _save_village_year(form.statuses(), year, current)
            messages.success(
                request,
                _("Village statuses for %(year)s saved (%(count)s changed).") % {"year": year, "count": changed},
            )
            return redirect(reverse("records:villages", args=[hub.pk]) + f"?year={year}")
    else:
        form = VillageGridForm(villages=village_units, current=current)
    labels = dict(VillageYear.Status.choices)
    grid = [
        (
            village,
            form[form.key(village)],
            [(y, labels.get(by_village.get(village.pk, {}).get(y))) for y in years],
            village.pk in demo,  # a demo village's statuses are demo data
        )
        for village in village_units
    ]
    context = {"grid": grid, "form": form, "year": year, "years": years, "can_write": can_write}
    return page(request, "records/village_grid.html", hub, "villages", **context)


def _chosen_year(request: HttpRequest, years: list[int], default: int) -> int:
    try:
        year = int(request.GET.get("year", default))
    except ValueError:
        raise Http404 from None
    if year not in years:
        raise Http404
    return year


@transaction.atomic
def _save_village_year(statuses: dict[Unit, str], year: int, current: dict[int, str]) -> int:
    """Write only what changed, so the history shows real changes; a blank choice removes the record.
    One transaction: a grid saves whole or not at all."""
    changed = 0
    for village, status in statuses.items():
        if status == current.get(village.pk, ""):
            continue
        changed += 1
        if not status:
            VillageYear.objects.get(unit=village, year=year).delete()
            continue
        record = VillageYear.objects.filter(unit=village, year=year).first() or VillageYear(unit=village, year=year)
        record.status = status
        record.save()
    return changed


def _village_summary(request: HttpRequest, hub: Unit, years: list[int]) -> HttpResponse:
    counts = VillageYear.objects.within(hub).values("year", "unit__parent_id", "status").annotate(n=Count("pk"))
    counts = list(counts)
    year = _chosen_year(request, years, max((row["year"] for row in counts), default=years[-1]))
    per_commune = Unit.objects.within(hub).of_kind(Kind.VILLAGE).values("parent_id").annotate(n=Count("pk")).order_by()
    villages_in = {row["parent_id"]: row["n"] for row in per_commune}
    communes = Unit.objects.filter(pk__in=villages_in).order_by("path")
    statuses = VillageYear.Status.choices
    table = {}
    for row in counts:
        if row["year"] == year:
            table.setdefault(row["unit__parent_id"], {})[row["status"]] = row["n"]
    rows = [
        (commune, villages_in[commune.pk], [table.get(commune.pk, {}).get(value, 0) for value, _label in statuses])
        for commune in communes
    ]
    totals = [sum(row[2][i] for row in rows) for i in range(len(statuses))]
    context = {"rows": rows, "statuses": statuses, "totals": totals, "year": year, "years": years}
    return page(request, "records/village_summary.html", hub, "villages", **context)


# ---------------------------------------------------------------------------------------------------------
# OCOP products and ratings


@login_required
def ocop_list(request: HttpRequest, pk: int) -> HttpResponse:
    hub = load_hub(request, pk)
    products = list(
        OcopProduct.objects.within(hub)
        .select_related("unit")
        .prefetch_related("ratings")
        .order_by("unit__name", "name")
    )
    today = datetime.date.today()
    for product in products:
        product.can_write = request.user.has_role_over(product.unit, *COMMUNE_WRITERS)
        for rating in product.ratings.all():
            rating.expired = rating.valid_until < today
    can_add = writable_units(request.user, hub, COMMUNE_WRITERS, (Kind.COMMUNE,)).exists()
    return page(request, "records/ocop_list.html", hub, "ocop", products=products, can_add=can_add)


@login_required
def ocop_create(request: HttpRequest, pk: int) -> HttpResponse:
    hub = load_hub(request, pk)
    units_or_403(request.user, hub, COMMUNE_WRITERS, (Kind.COMMUNE,))
    form = OcopProductForm(request.POST or None, user=request.user, hub=hub, initial={"unit": hub.pk})
    if request.method == "POST" and form.is_valid():
        product = form.save()
        messages.success(request, _("Product added. Now record its rating."))
        return redirect("records:rating-create", product.pk)
    cancel = reverse("records:ocop", args=[hub.pk])
    return form_page(request, form, hub, "ocop", _("Add an OCOP product"), cancel)


@login_required
def ocop_edit(request: HttpRequest, pk: int) -> HttpResponse:
    product = load_record(request, OcopProduct, pk, COMMUNE_WRITERS)
    form = OcopProductForm(request.POST or None, instance=product)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Product saved."))
        return redirect(list_url("ocop", product.unit))
    return form_page(request, form, product.unit, "ocop", _("Edit OCOP product"), list_url("ocop", product.unit))


def load_rating(request: HttpRequest, pk: int) -> OcopRating:
    products = OcopProduct.objects.visible_to(request.user)
    rating = get_object_or_404(OcopRating.objects.filter(product__in=products).select_related("product__unit"), pk=pk)
    if not request.user.has_role_over(rating.product.unit, *COMMUNE_WRITERS):
        raise PermissionDenied
    return rating


@login_required
def rating_create(request: HttpRequest, pk: int) -> HttpResponse:
    product = load_record(request, OcopProduct, pk, COMMUNE_WRITERS)
    return _rating_form(request, OcopRating(product=product), _("Record a rating of %(product)s"))


@login_required
def rating_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _rating_form(request, load_rating(request, pk), _("Edit a rating of %(product)s"))


def _rating_form(request: HttpRequest, rating: OcopRating, title: str) -> HttpResponse:
    product = rating.product
    form = OcopRatingForm(request.POST or None, instance=rating)
    if request.method == "POST" and form.is_valid():
        rating = form.save()
        messages.success(request, _("Rating saved: valid until %(date)s.") % {"date": f"{rating.valid_until:%d/%m/%Y}"})
        return redirect(list_url("ocop", product.unit))
    title = title % {"product": product.name}
    return form_page(request, form, product.unit, "ocop", title, list_url("ocop", product.unit))


@login_required
@require_POST
def rating_delete(request: HttpRequest, pk: int) -> HttpResponse:
    rating = load_rating(request, pk)
    rating.delete()
    messages.success(request, _("Rating deleted."))
    return redirect(list_url("ocop", rating.product.unit))


# ---------------------------------------------------------------------------------------------------------
# Resources mobilised


@login_required
def resource_list(request: HttpRequest, pk: int) -> HttpResponse:
    """Per year: the commune's own rows, or above a commune the sums over its communes in one query."""
    hub = load_hub(request, pk)
    records = ResourceContribution.objects.within(hub)
    totals = list(
        records.values("year")
        .annotate(
            communes=Count("unit", distinct=True),
            state_budget=Sum("state_budget"),
            people=Sum("people"),
            enterprises=Sum("enterprises"),
            land_donated_m2=Sum("land_donated_m2"),
            labour_days=Sum("labour_days"),
        )
        .order_by("-year")
    )
    for row in totals:
        row["money"] = row["state_budget"] + row["people"] + row["enterprises"]
    year = None
    if hub.kind == Kind.COMMUNE:
        rows = records.select_related("unit").order_by("-year")
    else:
        years = [row["year"] for row in totals] or [datetime.date.today().year]
        year = _chosen_year(request, years_until_now() + years, years[0])
        rows = records.filter(year=year).select_related("unit").order_by("unit__name")
    rows = list(rows)
    for row in rows:
        row.can_write = request.user.has_role_over(row.unit, *COMMUNE_WRITERS)
    can_add = writable_units(request.user, hub, COMMUNE_WRITERS, (Kind.COMMUNE,)).exists()
    context = {"totals": totals, "rows": rows, "year": year, "can_add": can_add}
    return page(request, "records/resource_list.html", hub, "resources", **context)


@login_required
def resource_create(request: HttpRequest, pk: int) -> HttpResponse:
    hub = load_hub(request, pk)
    units_or_403(request.user, hub, COMMUNE_WRITERS, (Kind.COMMUNE,))
    form = ResourceForm(
        request.POST or None, user=request.user, hub=hub, initial={"unit": hub.pk, "year": datetime.date.today().year}
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Resources recorded."))
        return redirect("records:resources", hub.pk)
    cancel = reverse("records:resources", args=[hub.pk])
    return form_page(request, form, hub, "resources", _("Record resources mobilised"), cancel)


@login_required
def resource_edit(request: HttpRequest, pk: int) -> HttpResponse:
    record = load_record(request, ResourceContribution, pk, COMMUNE_WRITERS)
    form = ResourceForm(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Resources saved."))
        return redirect(list_url("resources", record.unit))
    cancel = list_url("resources", record.unit)
    return form_page(request, form, record.unit, "resources", _("Edit resources mobilised"), cancel)


# ---------------------------------------------------------------------------------------------------------
# Exemplary models and good practices


@login_required
def model_list(request: HttpRequest, pk: int) -> HttpResponse:
    hub = load_hub(request, pk)
    items = list(ExemplaryModel.objects.within(hub).select_related("unit").order_by("-year", "title"))
    for item in items:
        item.can_write = request.user.has_role_over(item.unit, *COMMUNE_WRITERS)
    can_add = writable_units(request.user, hub, COMMUNE_WRITERS, LOCALITIES).exists()
    return page(request, "records/model_list.html", hub, "models", items=items, can_add=can_add)


@login_required
def model_create(request: HttpRequest, pk: int) -> HttpResponse:
    hub = load_hub(request, pk)
    units_or_403(request.user, hub, COMMUNE_WRITERS, LOCALITIES)
    instance = ExemplaryModel(recorded_by=request.user)
    form = ExemplaryModelForm(
        request.POST or None, instance=instance, user=request.user, hub=hub, initial={"unit": hub.pk}
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Exemplary model recorded."))
        return redirect("records:models", hub.pk)
    cancel = reverse("records:models", args=[hub.pk])
    return form_page(request, form, hub, "models", _("Record an exemplary model"), cancel)


@login_required
def model_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = load_record(request, ExemplaryModel, pk, COMMUNE_WRITERS)
    form = ExemplaryModelForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Exemplary model saved."))
        return redirect(list_url("models", item.unit))
    hub = hub_of(item.unit)
    return form_page(request, form, hub, "models", _("Edit exemplary model"), list_url("models", item.unit))


@login_required
@require_POST
def model_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = load_record(request, ExemplaryModel, pk, COMMUNE_WRITERS)
    item.delete()
    messages.success(request, _("Exemplary model deleted."))
    return redirect(list_url("models", item.unit))
