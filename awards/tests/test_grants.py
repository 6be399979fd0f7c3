"""Grant rules and base salaries as data (domain-2026.md §4): the periods, their marks, and a change by data only."""

import datetime
from decimal import Decimal

import pytest

from awards.grant_rules import load_grant_rules
from awards.models import AwardForm, BaseSalary, Evidence, GrantRule
from awards.services.checks import check_nomination
from awards.services.grants import addressee_unit, bonus_for, granted_on, legal_bases, rule_for

pytestmark = pytest.mark.django_db

DAY_98 = datetime.date(2025, 6, 20)
DAY_152 = datetime.date(2025, 7, 1)


def test_the_catalogue_cites_decree_98_until_june_2025_and_decree_152_after(forms):
    assert any("98/2023/NĐ-CP" in line for line in legal_bases([forms.province_merit], DAY_98))
    assert not any("152/2025" in line for line in legal_bases([forms.province_merit], DAY_98))
    assert any("152/2025/NĐ-CP" in line for line in legal_bases([forms.province_merit], DAY_152))


def test_the_end_of_decree_152_is_stored_as_reported_not_applied(forms):
    rule = rule_for(forms.province_merit, datetime.date(2027, 6, 1))

    assert rule.regime.endswith("NĐ 152/2025/NĐ-CP")
    assert rule.valid_to is None and rule.reported_end == datetime.date(2027, 3, 1)
    assert "not verified" in rule.note


def test_each_rule_carries_the_mark_the_domain_notes_give_it(forms):
    district_98 = rule_for(forms.district_certificate, DAY_98)
    commune_152 = rule_for(forms.commune_certificate, DAY_152)

    assert district_98.status == Evidence.CONFIRMED  # Luật 2022 Điều 80, seen in full text
    assert rule_for(forms.district_certificate, DAY_152) is None  # no district after 30/06/2025
    assert commune_152.status == Evidence.REPORTED
    assert (commune_152.bonus_multiple, commune_152.bonus_status) == (Decimal("0.3"), Evidence.TRANSLATION)
    assert BaseSalary.on(datetime.date(2026, 7, 1)).status == Evidence.CONFIRMED


def test_the_provincial_flag_has_no_decree_152_bonus_as_its_figure_is_not_found(forms):
    flag = AwardForm.objects.get(name="Cờ thi đua của UBND tỉnh")

    assert bonus_for(flag, DAY_98).multiple == Decimal("8.0")
    assert bonus_for(flag, DAY_152) is None


def test_the_bonus_follows_the_base_salary_of_the_day(forms):
    assert bonus_for(forms.province_merit, datetime.date(2026, 6, 30)).amount == Decimal(3_510_000)
    assert bonus_for(forms.province_merit, datetime.date(2026, 7, 1)).amount == Decimal(3_795_000)


def test_loading_again_keeps_what_an_administrator_edited(forms):
    rule = rule_for(forms.province_merit, DAY_152)
    GrantRule.objects.filter(pk=rule.pk).update(bonus_multiple=Decimal("1.6"))

    tally = load_grant_rules()

    assert tally["created"] == 0
    assert rule_for(forms.province_merit, DAY_152).bonus_multiple == Decimal("1.6")


def test_a_rule_that_ends_makes_the_form_unavailable_after_it_without_code(forms, make_nomination, tree):
    GrantRule.objects.filter(award_form=forms.province_merit, valid_from=DAY_152).update(
        valid_to=datetime.date(2025, 12, 31)
    )
    nomination = make_nomination(award_form=forms.province_merit, submission_date=datetime.date(2026, 1, 5))

    assert not granted_on(forms.province_merit, datetime.date(2026, 1, 5))
    assert "form_unavailable" in {finding.code for finding in check_nomination(nomination)}


def test_a_unit_that_grants_the_form_itself_is_its_own_addressee(forms, tree):
    assert addressee_unit(tree.commune, [forms.commune_certificate], DAY_98) == tree.commune
    assert addressee_unit(tree.commune, [forms.province_merit], DAY_98) == tree.district
