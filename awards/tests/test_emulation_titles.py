"""The emulation titles in the catalogue: who grants each in each period, marked as far as it is checked."""

import datetime
from decimal import Decimal

import pytest

from awards.emulation_titles import TITLES, load_emulation_titles
from awards.models import AuthorityLevel, AwardForm, Evidence, GrantRule
from awards.services.grants import addressee_unit, bonus_for, granted_on
from awards.services.routing import can_decide

pytestmark = pytest.mark.django_db

DAY_2022 = datetime.date(2022, 12, 1)
DAY_98 = datetime.date(2024, 12, 1)
DAY_152 = datetime.date(2026, 7, 1)
REFORM = datetime.date(2025, 7, 1)


def title(name: str) -> AwardForm:
    return AwardForm.objects.get(name=name)


def test_the_catalogue_holds_the_emulation_titles_with_rules_for_each_period():
    names = {entry["name"] for entry in TITLES}

    assert {"Cờ thi đua của Chính phủ", "Tập thể lao động xuất sắc", "Chiến sĩ thi đua cơ sở"} <= names
    for form in AwardForm.objects.filter(name__in=names):
        assert form.category in (AwardForm.Category.TITLE, AwardForm.Category.FLAG)
        assert granted_on(form, DAY_2022) and granted_on(form, DAY_98), form.name
        assert form.rules.filter(valid_from=REFORM).exists(), form.name


def test_law_2022_article_80_is_confirmed_and_every_rule_after_the_reform_is_marked_not_confirmed():
    advanced = title("Lao động tiên tiến")

    assert set(advanced.rules.filter(valid_to=datetime.date(2025, 6, 30)).values_list("status", flat=True)) == {
        Evidence.CONFIRMED
    }
    after = GrantRule.objects.filter(award_form__name__in=[entry["name"] for entry in TITLES], valid_from=REFORM)
    assert after.exists()
    assert set(after.values_list("status", flat=True)) == {Evidence.UNCONFIRMED}
    assert all("not found" in note or "not retrieved" in note for note in after.values_list("note", flat=True))


def test_no_title_is_granted_by_a_district_after_june_2025():
    assert not GrantRule.objects.filter(
        award_form__name__in=[entry["name"] for entry in TITLES],
        authority_level=AuthorityLevel.DISTRICT,
        valid_to__isnull=True,
    ).exists()


def test_a_title_granted_at_several_levels_is_decided_by_each_of_them(tree):
    advanced = title("Lao động tiên tiến")

    assert can_decide(tree.commune, advanced, on=DAY_98)
    assert can_decide(tree.district, advanced, on=DAY_98)
    assert not can_decide(tree.province, advanced, on=DAY_98)
    assert can_decide(tree.new_commune, advanced, on=DAY_152)  # Điều 80 khoản 3 still names it, not confirmed
    assert addressee_unit(tree.commune, [advanced], DAY_98) == tree.commune


def test_who_grants_the_grassroots_fighter_after_the_reform_is_not_guessed(tree):
    fighter = title("Chiến sĩ thi đua cơ sở")

    assert can_decide(tree.district, fighter, on=DAY_98)
    assert not can_decide(tree.new_commune, fighter, on=DAY_152)
    assert not can_decide(tree.new_province, fighter, on=DAY_152)
    assert set(fighter.rules.filter(valid_from=REFORM).values_list("authority_level", flat=True)) == {
        AuthorityLevel.AGENCY
    }


def test_the_reported_decree_152_bonuses_follow_the_base_salary():
    assert bonus_for(title("Lao động tiên tiến"), DAY_152).amount == Decimal(759_000)
    assert bonus_for(title("Cờ thi đua của Chính phủ"), DAY_152).amount == Decimal(30_360_000)
    assert bonus_for(title("Tập thể lao động xuất sắc"), DAY_152).recipients == ["collective"]
    assert bonus_for(title("Chiến sĩ thi đua cơ sở"), DAY_98) is None  # no figure for NĐ 98/2023 in our sources


def test_loading_again_keeps_what_an_administrator_edited():
    rule = title("Chiến sĩ thi đua cấp tỉnh").rules.get(valid_from=REFORM)
    GrantRule.objects.filter(pk=rule.pk).update(status=Evidence.CONFIRMED)

    tally = load_emulation_titles()

    assert tally["created"] == 0
    rule.refresh_from_db()
    assert rule.status == Evidence.CONFIRMED
