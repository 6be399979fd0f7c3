"""Fixtures for the awards tests: the root `tree` (a legacy district with two communes and a village, and
the 2025 province and commune that succeed them), people with roles, a campaign, the catalogue forms by name,
and factories for nominees and nominations at any stage.

Dates: PRE_REFORM is a submission date under the three-level tree (commune → district → province);
POST_REFORM one under the two-level tree (commune → province).
"""

import datetime
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation

from awards.catalogue import load_catalogue
from awards.models import AwardForm, DossierFile, Nomination, NominationType, Nominee, NomineeKind, Round
from campaigns.models import Campaign
from units.models import Role

PRE_REFORM = datetime.date(2025, 3, 10)
POST_REFORM = datetime.date(2025, 8, 12)

# The catalogue forms (awards/catalogue.py) under short attribute names.
FORM_NAMES = {
    "state_order": "Huân chương Lao động hạng Ba",
    "pm_certificate": "Bằng khen của Thủ tướng Chính phủ",
    "province_flag": "Cờ thi đua của UBND tỉnh",
    "province_merit": "Bằng khen của Chủ tịch UBND tỉnh",
    "district_certificate": "Giấy khen của Chủ tịch UBND huyện",
    "agency_certificate": "Giấy khen của Thủ trưởng cơ quan, đơn vị",
    "commune_certificate": "Giấy khen của Chủ tịch UBND xã",
}


@pytest.fixture
def forms(db):
    """The catalogue forms: forms.district_certificate, forms.province_merit…

    Migration 0002 loads them; loading again (get_or_create by name) keeps them there after a
    transactional test flushed the tables.
    """
    load_catalogue()
    by_name = {form.name: form for form in AwardForm.objects.filter(name__in=FORM_NAMES.values())}
    return SimpleNamespace(**{key: by_name[name] for key, name in FORM_NAMES.items()})


@pytest.fixture
def campaign(db):
    # The migrations enter the movement already: the same row, as the tests expect it.
    return Campaign.objects.update_or_create(
        name="Cả nước chung sức xây dựng nông thôn mới",
        start_year=2021,
        defaults={"end_year": 2025, "national_plan": "587/QĐ-TTg"},
    )[0]


@pytest.fixture
def province_reviewer(make_user, tree):
    """Home Affairs of the 2025 province: its queue receives what the district forwards today."""
    return make_user("province_reviewer", (tree.new_province, Role.HOME_AFFAIRS))


@pytest.fixture
def new_officer(make_user, tree):
    """Officer of the commune formed on 01/07/2025."""
    return make_user("new_officer", (tree.new_commune, Role.COMMUNE_OFFICER))


@pytest.fixture
def make_nominee(tree):
    """Factory: make_nominee(unit=tree.village, kind=NomineeKind.COLLECTIVE, name=...)."""

    def make(unit=None, kind=NomineeKind.COLLECTIVE, **fields):
        unit = unit or tree.village
        fields.setdefault("name", unit.name if kind == NomineeKind.COLLECTIVE else "Nguyễn Văn An")
        return Nominee.objects.create(unit=unit, kind=kind, **fields)

    return make


@pytest.fixture
def attach(db):
    """Factory: attach(nomination, "submission", "achievement_report", …) adds a small file per part."""

    def add(nomination, *parts, by=None):
        for part in parts:
            file = DossierFile(nomination=nomination, part=part, title=part, uploaded_by=by)
            file.file.save(f"{part}.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
            file.save()

    return add


@pytest.fixture
def make_nomination(tree, forms, campaign, make_nominee, attach, officer):
    """Factory for a nomination of the legacy commune, by default a complete draft dated before the reform.

    make_nomination(award_form=forms.province_merit, status=Nomination.Status.APPROVED,
    reviewer_unit=tree.district, parts=()) sets the status directly, bypassing the workflow, to test one step.
    """

    def make(*, parts=("submission", "achievement_report"), **fields):
        fields["nominee"] = fields.get("nominee") or make_nominee()
        fields.setdefault("award_form", forms.district_certificate)
        fields.setdefault("campaign", campaign)
        fields.setdefault("type", NominationType.MERIT)
        fields.setdefault("round", Round.ANNUAL)
        fields.setdefault("round_year", 2024)
        fields.setdefault("achievements", "Đạt chuẩn nông thôn mới; hoàn thành xuất sắc nhiệm vụ năm 2024.")
        fields.setdefault("proposing_unit", tree.commune)
        fields.setdefault("submission_number", "12/TTr-UBND")
        fields.setdefault("submission_date", PRE_REFORM)
        fields.setdefault("created_by", officer)
        nomination = Nomination.objects.create(**fields)
        attach(nomination, *parts)
        return nomination

    return make


@pytest.fixture
def draft(make_nomination):
    """A complete draft of the legacy commune for the district chairman's Giấy khen, dated 10/03/2025."""
    return make_nomination()


@pytest.fixture
def at_district(make_nomination, tree):
    """Factory: a nomination already in the district's queue at `status` (default in appraisal)."""

    def make(status=Nomination.Status.IN_APPRAISAL, **fields):
        return make_nomination(status=status, reviewer_unit=tree.district, **fields)

    return make


@pytest.fixture
def english():
    """Messages in their English msgids, whatever the Vietnamese catalogue says by the time tests run."""
    with translation.override("en"):
        yield


def error_codes(error: ValidationError) -> list[str]:
    """The codes of a ValidationError, whether it holds one message, a list, or messages per field."""
    if hasattr(error, "error_dict"):
        return [e.code for errors in error.error_dict.values() for e in errors]
    return [e.code for e in error.error_list]
