"""Who changed which record of a hub's subtree, and how: recognitions, village statuses, OCOP products and
ratings, resources and exemplary models, read from their simple-history records and shown in words."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from campaigns.models import ExemplaryModel, OcopProduct, OcopRating, Recognition, ResourceContribution, VillageYear
from campaigns.records.views import load_hub, page
from units.history import Names, Source, history_entries, name_in
from units.models import Unit

# The latest records of each kind: a page of changes, not an archive (older ones stay in the database).
LIMIT = 200

KINDS = {
    "recognitions": _("Recognitions"),
    "villages": _("Villages"),
    "ocop": _("OCOP products"),
    "ratings": _("OCOP ratings"),
    "resources": _("Resources"),
    "models": _("Exemplary models"),
}


def _unit_and(field: str):
    def name(record, names: Names) -> str:
        return f"{name_in(names, Unit, record.unit_id)} · {getattr(record, field)}"

    return name


def _recognition(record, names: Names) -> str:
    return f"{name_in(names, Unit, record.unit_id)} · {record.get_status_display()}"


def _rating(record, names: Names) -> str:
    return f"{name_in(names, OcopProduct, record.product_id)} · {record.stars}★"


def sources(hub: Unit, kind: str) -> list[Source]:
    """Each kind's latest history within the hub; rows deleted since are kept (their history names the unit)."""
    units = Unit.objects.within(hub).values("pk")
    products = OcopProduct.history.filter(unit_id__in=units).values("id")
    found = {
        "recognitions": (Recognition, Recognition.history.filter(unit_id__in=units), _recognition),
        "villages": (VillageYear, VillageYear.history.filter(unit_id__in=units), _unit_and("year")),
        "ocop": (OcopProduct, OcopProduct.history.filter(unit_id__in=units), lambda record, names: record.name),
        "ratings": (OcopRating, OcopRating.history.filter(product_id__in=products), _rating),
        "resources": (ResourceContribution, ResourceContribution.history.filter(unit_id__in=units), _unit_and("year")),
        "models": (
            ExemplaryModel,
            ExemplaryModel.history.filter(unit_id__in=units),
            lambda record, names: record.title,
        ),
    }
    chosen = [kind] if kind in found else list(found)
    result = []
    for key in chosen:
        model, records, name_of = found[key]
        latest = records.order_by("-history_date", "-history_id").values("history_id")[:LIMIT]
        result.append(Source(model, KINDS[key], records.filter(history_id__in=latest), name_of))
    return result


@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    hub = load_hub(request, pk)
    kind = request.GET.get("kind", "")
    kind = kind if kind in KINDS else ""
    entries = history_entries(sources(hub, kind))[::-1]
    context = {"entries": entries, "kinds": KINDS.items(), "kind": kind, "limit": LIMIT}
    return page(request, "records/history.html", hub, "history", **context)
