"""Names are stored as people see them: no bidi overrides, zero-width or control characters, always NFC."""

import io
import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from units.models import Kind, Role, Unit, User
from units.text import clean_name

pytestmark = pytest.mark.django_db

NAME = "Xã Trường Hà"
NFD = unicodedata.normalize("NFD", NAME)
# A right-to-left override makes the rest of the line display reversed; the others are invisible.
HIDDEN = ["\u202e", "\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069"]
HIDDEN += ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


def spoiled(name: str, control: str = "\x07") -> str:
    """`name` with every hidden character spread through it, a control character and doubled spaces."""
    head, tail = name.split(" ", 1)
    return "".join(HIDDEN[:7]) + head + control + "  " + "".join(HIDDEN[7:]) + tail + "\u202c"


def test_decomposed_vietnamese_is_composed_and_keeps_its_diacritics():
    assert NFD != NAME
    assert clean_name(NFD) == NAME


def test_bidi_overrides_zero_width_and_control_characters_are_removed():
    assert clean_name(spoiled(NAME)) == NAME
    assert clean_name("Thôn\tNà\nPồng\x00") == "Thôn Nà Pồng"


def test_a_unit_saved_from_code_stores_the_clean_name_and_searches_by_it(make_unit):
    unit = make_unit(spoiled(NFD), Kind.COMMUNE)

    unit.refresh_from_db()
    assert unit.name == NAME
    assert unit.short_name == NAME
    assert unit.search_name == "xa truong ha"


def test_the_unit_form_stores_the_clean_name(client, make_user, tree):
    officer = make_user("officer", (tree.new_commune, Role.COMMUNE_OFFICER))
    client.force_login(officer)

    client.post(
        reverse("units:create", args=[tree.new_commune.pk]),
        {"kind": Kind.VILLAGE, "division_type": "Thôn", "name": spoiled(unicodedata.normalize("NFD", "Thôn Nà Pồng"))},
    )

    assert Unit.objects.filter(parent=tree.new_commune, name="Thôn Nà Pồng").exists()


def test_a_name_of_invisible_characters_only_is_refused_as_blank(client, make_user, tree):
    officer = make_user("officer", (tree.commune, Role.COMMUNE_OFFICER))
    client.force_login(officer)
    before = Unit.objects.count()

    response = client.post(
        reverse("units:create", args=[tree.commune.pk]),
        {"kind": Kind.VILLAGE, "division_type": "Thôn", "name": "\u202e\u200b\u2066"},
    )

    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert Unit.objects.count() == before


def test_the_excel_import_stores_the_clean_name(client, make_user, tree):
    staff = make_user("staff", (tree.new_province, Role.PROVINCE_STAFF))
    workbook = Workbook()
    workbook.active.append(["Kind", "Type", "Name", "Code", "Parent", "Valid from"])
    # No control character: openpyxl refuses them in a cell.
    name = spoiled(unicodedata.normalize("NFD", "Thôn Bó Mạ"), control="")
    workbook.active.append(["thôn", "Thôn", name, "", "", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.force_login(staff)

    client.post(
        reverse("units:import", args=[tree.new_commune.pk]),
        {"file": SimpleUploadedFile("units.xlsx", buffer.getvalue())},
    )

    assert Unit.objects.filter(parent=tree.new_commune, name="Thôn Bó Mạ").exists()


def test_a_users_full_name_is_stored_clean(make_user):
    user = make_user("named", full_name=spoiled("Nguyễn Văn An"))

    assert User.objects.get(pk=user.pk).full_name == "Nguyễn Văn An"
