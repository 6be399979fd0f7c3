"""Random strings, numbers and dates in every field of the main forms, posted through the real views.

Never a server error, and a refused form saves nothing: no row is added anywhere in the apps, and the
object being edited keeps its values. The fields are read from the page's own form, so a new field is
fuzzed without editing this file. Each example runs in a savepoint rolled back after it.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.urls import reverse
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from awards.models import AwardForm
from campaigns.models import (
    Assessment,
    CriterionResult,
    IndicatorValue,
    Measurement,
    OcopProduct,
    Plan,
    Target,
    TargetYear,
)
from config.tests.security_helpers import FormField, post_form_fields
from units.demo import LEGACY, demo_unit

APPS = ("units", "campaigns", "awards", "reports")
# Inputs that broke forms elsewhere: numbers int() or Decimal() cannot read though str.isdigit() says
# they are digits (superscripts), other scripts' digits, overflows, impossible dates, markup, NUL.
TRICKY = [
    "",
    " ",
    "0",
    "-1",
    "²",
    "١٢",
    "１２",
    "1e309",
    "NaN",
    "Infinity",
    "99999999999999999999999999",
    "-99999999999999999999999999",
    "31/02/2024",
    "2024-13-01",
    "00/00/0000",
    "1.000.000,5",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\x00",
    "x" * 5000,
]


def dates() -> st.SearchStrategy[str]:
    formats = st.sampled_from(["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%m/%d/%Y"])
    return st.builds(lambda day, fmt: day.strftime(fmt), st.dates(datetime.date(1, 1, 1)), formats)


ANYTHING = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=40),
    st.integers(-(10**20), 10**20).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    dates(),
)


def value_of(field: FormField) -> st.SearchStrategy:
    """Mostly a plausible value for the field, often anything at all; None leaves the field out."""
    if field.type in ("checkbox", "radio") and not field.multiple:
        return st.one_of(st.none(), st.sampled_from(field.options), ANYTHING)
    if field.options:
        choice = st.sampled_from(field.options)
        if field.multiple:
            return st.lists(st.one_of(choice, ANYTHING), max_size=4)
        return st.one_of(choice, choice, ANYTHING)
    if field.type == "hidden":
        return st.one_of(st.just(field.value), ANYTHING)
    return st.one_of(st.just(field.value), ANYTHING, ANYTHING)


def form_data(fields: list[FormField]) -> st.SearchStrategy[dict]:
    """Every field fuzzed at once, or the page's own values with one field changed (which gets past the
    first refusal into the form's cross-field checks and the save)."""
    fields = [f for f in fields if f.type not in ("file", "submit")]
    own = {f.name: f.value for f in fields if f.value or f.type not in ("checkbox", "radio")}
    every = st.fixed_dictionaries({f.name: value_of(f) for f in fields})
    one = st.sampled_from(fields).flatmap(lambda f: value_of(f).map(lambda value: {**own, f.name: value}))
    chosen = st.one_of(every, one)
    return chosen.map(lambda data: {name: value for name, value in data.items() if value is not None})


def row_counts() -> dict[str, int]:
    """The number of rows of every table of the apps, in one query (it runs twice per example)."""
    tables = sorted({model._meta.db_table for model in apps.get_models() if model._meta.app_label in APPS})
    quote = connection.ops.quote_name
    # Table names come from the models, never from input.
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        return dict(zip(tables, cursor.fetchone(), strict=True))


def trường_hà():
    return demo_unit((LEGACY, "01399"))


def hà_quảng():
    return demo_unit((LEGACY, "045"))


def hà_quảng_plan() -> Plan:
    return Plan.objects.get(issuing_unit=hà_quảng())


def first_target() -> Target:
    return hà_quảng_plan().targets.order_by("pk").first()


@dataclass
class Page:
    username: str
    url: Callable[[], str]
    # Rows of the object being edited, which a refused form must leave as they were.
    edited: Callable[[], object] = lambda: None


def quảng_trị_ratio() -> Target:
    """The ratio target of the Quảng Trị plan (rural income per head against 2020)."""
    return Target.objects.filter(type=Target.Type.RATIO_TO_BASELINE, plan__issuing_unit__code="45").first()


def measurement_rows():
    target = quảng_trị_ratio()
    return list(Measurement.objects.filter(indicator=target.indicator).order_by("pk").values())


def target_rows():
    target = first_target()
    return (
        list(Target.objects.filter(pk=target.pk).values()),
        list(TargetYear.objects.filter(target=target).values()),
        sorted(target.units.values_list("pk", flat=True)),
    )


def year_rows():
    assessments = Assessment.objects.filter(unit=trường_hà())
    return (
        list(assessments.values()),
        list(CriterionResult.objects.filter(assessment__in=assessments).values()),
        list(IndicatorValue.objects.filter(assessment__in=assessments).values()),
    )


PAGES = {
    "unit create": Page("xa.truongha", lambda: reverse("units:create", args=[trường_hà().pk])),
    "plan create": Page("noivu.haquang", lambda: reverse("campaigns:plan-create")),
    "plan edit": Page(
        "noivu.haquang",
        lambda: reverse("campaigns:plan-edit", args=[hà_quảng_plan().pk]),
        edited=lambda: list(Plan.objects.filter(pk=hà_quảng_plan().pk).values()),
    ),
    "target create": Page("noivu.haquang", lambda: reverse("campaigns:target-create", args=[hà_quảng_plan().pk])),
    "target edit": Page(
        "noivu.haquang", lambda: reverse("campaigns:target-edit", args=[first_target().pk]), edited=target_rows
    ),
    "my year": Page("xa.truongha", lambda: reverse("progress:my-year", args=[trường_hà().pk, 2024]), year_rows),
    "nomination create": Page("xa.truongha", lambda: reverse("awards:create") + f"?unit={trường_hà().pk}"),
    "recognition create": Page("noivu.haquang", lambda: reverse("records:recognition-create", args=[hà_quảng().pk])),
    "ocop create": Page("xa.truongha", lambda: reverse("records:ocop-create", args=[trường_hà().pk])),
    "ocop rating create": Page(
        "xa.truongha",
        lambda: reverse("records:rating-create", args=[OcopProduct.objects.filter(unit=trường_hà()).first().pk]),
    ),
    "resource create": Page("xa.truongha", lambda: reverse("records:resource-create", args=[trường_hà().pk])),
    "exemplary model create": Page("xa.truongha", lambda: reverse("records:model-create", args=[trường_hà().pk])),
    "legal basis create": Page("noivu.haquang", lambda: reverse("campaigns:basis-create", args=[hà_quảng_plan().pk])),
    "emulation subject create": Page(
        "noivu.haquang", lambda: reverse("campaigns:subject-create", args=[hà_quảng_plan().pk])
    ),
    "target data": Page(
        "tinh.quangtri", lambda: reverse("campaigns:target-data", args=[quảng_trị_ratio().pk]), measurement_rows
    ),
    "grant rule create": Page(
        "admin", lambda: reverse("awards:catalogue-rule-create", args=[AwardForm.objects.order_by("pk").first().pk])
    ),
    "base salary create": Page("admin", lambda: reverse("awards:catalogue-salary-create")),
    "account create": Page("tinh.caobang", lambda: reverse("people:create")),
    "historical unit create": Page("tinh.caobang", lambda: reverse("units:historical-create")),
    "campaign create": Page("admin", lambda: reverse("campaigns:campaign-create")),
}


@pytest.fixture
def page_form(request, demo, client):
    """Signed in as the page's user: (url, fields of the page's form), read once per test."""
    page = PAGES[request.param]
    client.force_login(demo.users[page.username])
    url = page.url()
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return page, url, post_form_fields(response.content.decode(), url.split("?")[0])


@pytest.mark.parametrize("page_form", PAGES, indirect=True)
@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI stays deterministic
    database=None,  # and nothing written to .hypothesis/
    # A failure is reported as drawn: shrinking through the real views takes minutes.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_random_input_in_a_main_form_never_fails_and_a_refused_form_saves_nothing(page_form, client, data):
    page, url, fields = page_form
    posted = data.draw(form_data(fields), label="posted")
    with transaction.atomic():
        counts, edited = row_counts(), page.edited()
        try:
            response = client.post(url, posted)
        except Exception as error:  # the test client re-raises what the view raised: a 500
            pytest.fail(f"{type(error).__name__}: {error}")
        event(f"HTTP {response.status_code}")  # shown by --hypothesis-show-statistics
        if response.status_code != 302:
            assert response.status_code < 500
            assert row_counts() == counts
            assert page.edited() == edited
        transaction.set_rollback(True)


# The random examples above may miss a value that breaks one field: each of these goes into every typed
# field at once (choices keep a valid option, so that the other fields' checks run too).
SWEEP = ["²", "99999999999999999999999", "1e309", "\x00", "31/02/2024"]


@pytest.mark.parametrize("page_form", PAGES, indirect=True)
def test_each_tricky_value_in_every_field_of_a_main_form_never_fails(page_form, client):
    page, url, fields = page_form
    for value in SWEEP:
        posted = {
            f.name: (f.value or f.options[0]) if f.options else value
            for f in fields
            if f.type not in ("file", "submit", "checkbox", "radio")
        }
        with transaction.atomic():
            counts = row_counts()
            try:
                response = client.post(url, posted)
            except Exception as error:
                pytest.fail(f"{value!r}: {type(error).__name__}: {error}")
            assert response.status_code < 500, value
            if response.status_code != 302:
                assert row_counts() == counts, value
            transaction.set_rollback(True)


def test_the_fuzzed_forms_have_the_fields_they_are_known_for(demo, client):
    """The form parser reads the real forms: a fuzz test of an empty field list would prove nothing."""
    expected = {"plan create": {"title", "issuer_name"}, "my year": {"version", "note"}, "unit create": {"name"}}
    for name, names in expected.items():
        page = PAGES[name]
        client.force_login(demo.users[page.username])
        html = client.get(page.url()).content.decode()
        assert names <= {f.name for f in post_form_fields(html, page.url())}, name


def test_a_multiple_choice_with_a_number_too_big_for_the_database_is_refused_not_a_500(demo, client):
    client.force_login(demo.users["noivu.haquang"])
    url = reverse("awards:plan-forms", args=[hà_quảng_plan().pk])
    fields = post_form_fields(client.get(url).content.decode(), url)
    posted = {f.name: f.value for f in fields if f.type != "file"} | {"award_forms": ["99999999999999999999999"]}

    response = client.post(url, posted)

    assert response.status_code == 200
    assert "award_forms" in response.context["form"].errors


# Query parameters the list and form pages read as numbers.
QUERY_PAGES = [
    ("noivu.haquang", "campaigns:plan-create", {}, ["campaign", "parent"]),
    ("noivu.haquang", "dashboards:overview", {"unit_pk": "045"}, ["year"]),
    ("noivu.haquang", "awards:queue", {}, ["year", "form"]),
    ("noivu.haquang", "awards:decisions", {}, ["year"]),
    ("noivu.haquang", "awards:decision-create", {}, ["unit", "award_form", "nomination"]),
    ("xa.truongha", "awards:list", {}, ["year", "form"]),
    ("xa.truongha", "awards:create", {}, ["nominee", "collective", "unit"]),
    ("noivu.haquang", "awards:history", {}, ["year"]),
    ("xa.truongha", "awards:suggestions", {}, ["year", "unit"]),
]


@pytest.mark.parametrize(("username", "name", "kwargs", "params"), QUERY_PAGES, ids=[page[1] for page in QUERY_PAGES])
def test_a_number_in_the_query_string_that_is_no_number_is_ignored(username, name, kwargs, params, demo, client):
    kwargs = {key: demo_unit((LEGACY, code)).pk for key, code in kwargs.items()}
    client.force_login(demo.users[username])
    for value in ["²", "99999999999999999999999", "x"]:
        try:
            response = client.get(reverse(name, kwargs=kwargs), dict.fromkeys(params, value))
        except Exception as error:
            pytest.fail(f"{value!r}: {type(error).__name__}: {error}")
        assert response.status_code in (200, 302, 403, 404), value


@pytest.mark.parametrize("value", ["²", "99999999999999999999999"])
def test_a_batch_approval_with_a_pk_that_is_no_number_approves_nothing(value, demo, client):
    client.force_login(demo.users["noivu.haquang"])
    approved = Assessment.objects.filter(status=Assessment.Status.APPROVED).count()
    try:
        response = client.post(reverse("progress:approve-batch"), {"pk": [value]})
    except Exception as error:
        pytest.fail(f"{type(error).__name__}: {error}")
    assert response.status_code == 302
    assert Assessment.objects.filter(status=Assessment.Status.APPROVED).count() == approved
