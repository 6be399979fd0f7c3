"""The searchable unit picker's server side: named scopes, the search itself and how a unit is shown.

A form field names the scope it picks from ("plans:issuing-unit") and takes its queryset from the scope's
function; the search endpoint calls the same function for the signed-in user, so it never offers a unit the
form would refuse. The apps above `units` register their scopes (units imports nothing of theirs).
"""

from collections.abc import Callable

from django.core import signing
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _

from units.models import Unit, User
from units.text import clean_name, fold

# At most this many matches a search answers, and this many characters it reads.
MAX_RESULTS = 20
MAX_QUERY = 100
# A field whose scope holds at most this many units is a plain <select>: nothing to search.
SELECT_LIMIT = 25
SALT = "units.picker"

# name -> function(user, **arguments) -> the units that user may choose. Arguments are primary keys
# (a plan, a hub unit, a nomination) that the function loads through the user's own visibility.
Scope = Callable[..., QuerySet[Unit]]
SCOPES: dict[str, Scope] = {}


def unit_scope(name: str) -> Callable[[Scope], Scope]:
    """Register `function(user, **arguments)` as the scope `name` (a decorator)."""

    def register(function: Scope) -> Scope:
        SCOPES[name] = function
        return function

    return register


def scope_units(name: str, user: User, **arguments) -> QuerySet[Unit]:
    return SCOPES[name](user, **arguments)


def scope_token(name: str, arguments: dict) -> str:
    """What the page carries for the search endpoint: the scope and its arguments, signed so that a client
    cannot swap them (the scope function still checks everything against the user)."""
    return signing.dumps([name, {key: getattr(value, "pk", value) for key, value in arguments.items()}], salt=SALT)


def read_token(token: str) -> tuple[str, dict] | None:
    try:
        name, arguments = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if name not in SCOPES or not isinstance(arguments, dict):
        return None
    return name, arguments


def with_parents(units: QuerySet[Unit]) -> QuerySet[Unit]:
    return units.select_related("parent__parent")


def search(units: QuerySet[Unit], text: str) -> QuerySet[Unit]:
    """Units whose name holds every word of `text` (accent- and case-free), or whose code starts with it.

    Current units first, then the higher levels, then by name.
    """
    text = text.strip()
    if text:
        by_name = Q(pk__in=Unit.objects.search(text).values("pk"))
        units = units.filter(by_name | Q(code__startswith=text)) if " " not in text else units.filter(by_name)
    current_first = F("valid_to").desc(nulls_first=True)
    return with_parents(units.order_by(current_first, "depth", "search_name", "pk"))


def parent_line(unit: Unit) -> str:
    """ "Huyện Hà Quảng, Cao Bằng": the parent and the grandparent's short name."""
    parent = unit.parent
    if parent is None:
        return ""
    if parent.parent is None:
        return parent.name
    return f"{parent.name}, {parent.parent.short_name}"


def validity(unit: Unit) -> str:
    return _("until %(date)s") % {"date": f"{unit.valid_to:%d/%m/%Y}"} if unit.valid_to else ""


def label(unit: Unit) -> str:
    """ "Xã Trường Hà — Huyện Hà Quảng, Cao Bằng (until 30/06/2025)": what the picker shows and accepts."""
    text = unit.name
    if parents := parent_line(unit):
        text += f" — {parents}"
    if ended := validity(unit):
        text += f" ({ended})"
    return text


def matches_label(unit: Unit, text: str) -> bool:
    """The text still says this unit: its label, name or code as the picker or the user wrote it."""
    folded = fold(text)
    return folded in {fold(label(unit)), fold(unit.name), fold(unit.code)} - {""}


def find(units: QuerySet[Unit], text: str, limit: int = 6) -> list[Unit]:
    """The units a typed text names: an exact code or name (with its parent line if given), else the search."""
    text = clean_name(text)  # one line, no control characters: PostgreSQL refuses a NUL in a query
    name = text.split(" — ")[0]
    exact = list(with_parents(units.filter(Q(code__iexact=text) | Q(search_name=fold(name))))[: limit + 1])
    if len(exact) > 1:
        exact = [unit for unit in exact if matches_label(unit, text)] or exact
    if exact:
        return exact
    return list(search(units, name)[: limit + 1])


@unit_scope("units:visible")
def visible_units(user: User) -> QuerySet[Unit]:
    """Every unit the user can see: for fields that only need the user's own subtree."""
    return Unit.objects.visible_to(user).order_by("path")
