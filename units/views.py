import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.vary import vary_on_headers

from units import excel
from units.forms import ImportForm, UnitFilterForm, UnitForm
from units.history import Entry, Source, history_entries
from units.models import CodeScheme, Kind, Lineage, Unit, User
from units.permissions import can_see, creatable_kinds, may_edit
from units.picker import MAX_QUERY, MAX_RESULTS, read_token, scope_units
from units.picker import search as search_units
from units.widgets import option

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@vary_on_headers("HX-Request")  # the same URL serves the page and the result fragment
def browse(request: HttpRequest) -> HttpResponse:
    units = Unit.objects.visible_to(request.user).select_related("parent")
    form = UnitFilterForm(request.GET)
    if form.is_valid():
        if form.cleaned_data["q"]:
            units = units.search(form.cleaned_data["q"])
        if form.cleaned_data["kind"]:
            units = units.of_kind(form.cleaned_data["kind"])
        today = datetime.date.today()
        if form.cleaned_data["validity"] == UnitFilterForm.CURRENT:
            units = units.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        elif form.cleaned_data["validity"] == UnitFilterForm.HISTORICAL:
            units = units.filter(valid_to__lt=today)
    page = Paginator(units.order_by("depth", "search_name", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))

    context = {"page": page, "form": form}
    if request.htmx:
        return render(request, "units/_unit_rows.html", context)
    context["roots"] = _roots(request.user)
    return render(request, "units/unit_list.html", context)


def _roots(user: User) -> list[Unit]:
    if user.sees_everything:
        return list(Unit.objects.filter(parent=None).order_by("-valid_from", "search_name")[:100])
    return list({m.unit.pk: m.unit for m in user.active_memberships}.values())


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_object_or_404(Unit.objects.visible_to(request.user).select_related("parent"), pk=pk)
    user = request.user

    counts = dict(unit.children.order_by().values_list("kind").annotate(n=Count("pk")))
    kind = request.GET.get("kind", "")
    children = unit.children.order_by("kind", "search_name", "pk")
    if kind in counts:
        children = children.filter(kind=kind)
    page = Paginator(children, PAGE_SIZE).get_page(request.GET.get("page"))

    context = {
        "unit": unit,
        "breadcrumb": [(ancestor, can_see(user, ancestor)) for ancestor in unit.ancestors()],
        "kind_counts": [(k, Kind(k).label, counts[k]) for k in Kind.values if k in counts],
        "kind": kind if kind in counts else "",
        "page": page,
        "lineage": lineage_sentences(unit, user),
        "code_scheme": CodeScheme(unit.code_scheme).label,
        "can_create": bool(creatable_kinds(user, unit)),
        "can_edit": may_edit(user, unit),
        "history": unit_history(unit),
    }
    return render(request, "units/unit_detail.html", context)


# A unit changes a few times in its life; a page of its latest changes is enough.
HISTORY_LIMIT = 50


def unit_history(unit: Unit) -> list[Entry]:
    """The unit's recorded changes, newest first, with the parent named (two queries)."""
    latest = Unit.history.filter(id=unit.pk).order_by("-history_date", "-history_id").values("history_id")
    records = Unit.history.filter(history_id__in=latest[:HISTORY_LIMIT])
    source = Source(Unit, _("Unit"), records, lambda record, names: record.name)
    return history_entries([source])[::-1]


@dataclass
class Sentence:
    """One line of a unit's lineage: what happened, when, and with which units (as links when visible)."""

    event: str  # "merged", "split", "replaced" or "formed"
    date: datetime.date
    units: SafeString
    default: SafeString | None = None
    legal_basis: str = ""


def lineage_sentences(unit: Unit, user: User) -> list[Sentence]:
    """How `unit` ended and how it began, in two queries whatever the number of edges."""
    successors = (
        Lineage.objects.filter(predecessor=unit)
        .select_related("successor")
        .annotate(merged_with=Count("successor__predecessor_links"))
        .order_by("effective_date", "-is_default", "successor__search_name")
    )
    predecessors = (
        Lineage.objects.filter(successor=unit)
        .select_related("predecessor")
        .order_by("effective_date", "predecessor__search_name")
    )
    sentences = []
    for date, edges in _by_date(successors):
        targets = [edge.successor for edge in edges]
        if len(edges) > 1:
            default = next((edge.successor for edge in edges if edge.is_default), None)
            sentence = Sentence("split", date, _links(targets, user), _links([default], user) if default else None)
        else:
            event = "merged" if edges[0].merged_with > 1 else "replaced"
            sentence = Sentence(event, date, _links(targets, user))
        sentence.legal_basis = _legal_basis(edges)
        sentences.append(sentence)
    for date, edges in _by_date(predecessors):
        links = _links([edge.predecessor for edge in edges], user)
        sentences.append(Sentence("formed", date, links, legal_basis=_legal_basis(edges)))
    return sentences


def _legal_basis(edges: list[Lineage]) -> str:
    return "; ".join(dict.fromkeys(edge.legal_basis for edge in edges if edge.legal_basis))


def _by_date(edges) -> list[tuple[datetime.date, list[Lineage]]]:
    groups: dict[datetime.date, list[Lineage]] = {}
    for edge in edges:
        groups.setdefault(edge.effective_date, []).append(edge)
    return list(groups.items())


def _links(units: list[Unit], user: User) -> SafeString:
    parts = [
        format_html('<a href="{}">{}</a>', reverse("units:detail", args=[u.pk]), u.name)
        if can_see(user, u)
        else format_html("{}", u.name)
        for u in units
    ]
    return format_html_join(", ", "{}", ((part,) for part in parts))


@login_required
def create(request: HttpRequest, parent_pk: int) -> HttpResponse:
    parent = get_object_or_404(Unit.objects.visible_to(request.user), pk=parent_pk)
    kinds = creatable_kinds(request.user, parent)
    if not kinds:
        raise PermissionDenied
    unit = Unit(parent=parent, code_scheme=CodeScheme.LOCAL)

    if request.method == "POST":
        form = UnitForm(request.POST, instance=unit, kinds=kinds)
        if form.is_valid():
            form.save()  # a plain save: Unit.save keeps the path and search name
            messages.success(request, _("Unit added."))
            return redirect("units:detail", unit.pk)
    else:
        form = UnitForm(instance=unit, kinds=kinds, initial={"kind": kinds[0]})
    return render(request, "units/unit_form.html", {"form": form, "parent": parent, "unit": None})


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_object_or_404(Unit.objects.visible_to(request.user).select_related("parent"), pk=pk)
    if not may_edit(request.user, unit):
        raise PermissionDenied
    kinds = creatable_kinds(request.user, unit.parent)

    if request.method == "POST":
        form = UnitForm(request.POST, instance=unit, kinds=kinds)
        if form.is_valid():
            form.save()
            messages.success(request, _("Unit saved."))
            return redirect("units:detail", unit.pk)
    else:
        form = UnitForm(instance=unit, kinds=kinds)
    return render(request, "units/unit_form.html", {"form": form, "parent": unit.parent, "unit": unit})


@login_required
def import_units(request: HttpRequest, parent_pk: int) -> HttpResponse:
    parent = get_object_or_404(Unit.objects.visible_to(request.user), pk=parent_pk)
    if not creatable_kinds(request.user, parent):
        raise PermissionDenied
    row_errors: list[excel.RowError] = []

    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            rows = excel.read_workbook(form.cleaned_data["file"])
        except excel.WorkbookError as error:
            form.add_error("file", str(error))
        else:
            row_errors = excel.check_rows(rows, root=parent, user=request.user)
            if not row_errors:
                try:
                    units = excel.import_units(rows, root=parent)
                # Someone took a code between the check and the write, or a row the check let through
                # failed the model's validation: the transaction rolled every unit back.
                except (IntegrityError, ValidationError):
                    form.add_error(None, _("The import failed and nothing was imported; please try again."))
                else:
                    count = len(units)
                    messages.success(
                        request,
                        ngettext("Imported %(count)d unit.", "Imported %(count)d units.", count) % {"count": count},
                    )
                    return redirect("units:detail", parent.pk)

    context = {"form": form, "parent": parent, "row_errors": row_errors, "max_rows": excel.MAX_ROWS}
    return render(request, "units/unit_import.html", context)


@login_required
def import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(excel.build_template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="units-template.xlsx"'
    return response


@login_required
def search(request: HttpRequest) -> HttpResponse:
    """The unit picker's matches: at most MAX_RESULTS units of the field's scope, as <li role="option">."""
    scope = read_token(request.GET.get("scope", ""))
    if scope is None:
        return HttpResponseBadRequest(_("This search is not available; reload the page."))
    query = request.GET.get("q", "")
    if len(query) > MAX_QUERY:
        return HttpResponseBadRequest(_("Type at most %(count)d characters to search.") % {"count": MAX_QUERY})
    name, arguments = scope
    try:
        units = scope_units(name, request.user, **arguments)
    except TypeError:  # arguments the scope does not take: not a token this code signed
        return HttpResponseBadRequest(_("This search is not available; reload the page."))
    matches = [option(unit) for unit in search_units(units, query)[:MAX_RESULTS]]
    return render(request, "units/_unit_picker_results.html", {"matches": matches, "query": query})
