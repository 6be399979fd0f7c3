"""Who grants each catalogue form in each period, with the texts and the bonus, and the base salary over time.

Reference data from domain-2026.md §4 and §6, loaded by migration 0006_grant_rules_and_base_salary. Each
row says how far it is checked (Evidence): only what that document gives is here, with its mark. A cell
it marks [not found] is left empty (a bonus) or marked UNCONFIRMED (an authority the form's own name
states, such as the province chairman's Bằng khen, whose article was not retrieved).

A new decree is a data change: add rows with its valid_from (an administrator, or a migration like this).
"""

import datetime
from collections import Counter
from decimal import Decimal

from awards.models import AuthorityLevel, BaseSalary, Evidence, GrantRule, LegalRegime, NomineeKind
from awards.models.catalogue import REGIME_BASES

LAW_2003 = "Luật TĐKT 2003 (sửa đổi 2005, 2013) + NĐ 91/2017/NĐ-CP"
DECREE_98 = "Luật TĐKT 06/2022/QH15 + NĐ 98/2023/NĐ-CP"
DECREE_152 = "Luật TĐKT 06/2022/QH15 + NĐ 152/2025/NĐ-CP"

# The three periods: their texts, their dates. NĐ 152/2025's end is only reported (domain-2026.md §4.1).
PERIODS = {
    LAW_2003: {"valid_to": datetime.date(2023, 12, 31), "legal_basis": REGIME_BASES[LegalRegime.LAW_2013]},
    DECREE_98: {
        "valid_from": datetime.date(2024, 1, 1),
        "valid_to": datetime.date(2025, 6, 30),
        "legal_basis": REGIME_BASES[LegalRegime.DECREE_98],
    },
    DECREE_152: {
        "valid_from": datetime.date(2025, 7, 1),
        "reported_end": datetime.date(2027, 3, 1),
        "legal_basis": REGIME_BASES[LegalRegime.DECREE_152],
    },
}
NOTE_152_END = (
    "vbpl.vn metadata of NĐ 152/2025 (id 178327, updated 2026-03-24) gives ngay_het_hieu_luc 2027-03-01 while "
    "its status reads 'Còn hiệu lực': not verified (domain-2026.md §4.1, S17)."
)
NOTE_ARTICLE_80 = "Luật TĐKT 2022 Điều 80, seen in full text (domain-2026.md §4.4, S16)."
NOTE_NOT_RETRIEVED = "The article naming this authority was not retrieved; the form's own name states it."
NOTE_POST_REFORM = "Who grants it after 01/07/2025 is not found in NĐ 152/2025 (domain-2026.md §4.4)."
INDIVIDUALS = [NomineeKind.INDIVIDUAL]
COLLECTIVES = [NomineeKind.COLLECTIVE]


def rule(regime: str, status: str, note: str = "", **bonus) -> dict:
    return {"regime": regime, "status": status, "note": note, **PERIODS[regime], **bonus}


def all_periods(status: str, note: str, **bonus_152) -> list[dict]:
    return [rule(LAW_2003, status, note), rule(DECREE_98, status, note), rule(DECREE_152, status, note, **bonus_152)]


# Form name → (level, title) and its rules. Bonuses: domain-2026.md §4.7, with its marks.
RULES = {
    "Huân chương Lao động": (
        AuthorityLevel.STATE,
        "Chủ tịch nước",
        all_periods(Evidence.UNCONFIRMED, NOTE_NOT_RETRIEVED),
    ),
    "Huân chương Lao động hạng Ba": (
        AuthorityLevel.STATE,
        "Chủ tịch nước",
        all_periods(Evidence.UNCONFIRMED, NOTE_NOT_RETRIEVED),
    ),
    "Bằng khen của Thủ tướng Chính phủ": (
        AuthorityLevel.GOVERNMENT,
        "Thủ tướng Chính phủ",
        all_periods(
            Evidence.UNCONFIRMED,
            NOTE_NOT_RETRIEVED,
            bonus_multiple=Decimal("3.5"),
            bonus_recipients=INDIVIDUALS,
            bonus_status=Evidence.REPORTED,
        ),
    ),
    "Cờ thi đua của UBND tỉnh": (
        AuthorityLevel.PROVINCE,
        "Chủ tịch UBND tỉnh",
        [
            rule(LAW_2003, Evidence.UNCONFIRMED, NOTE_NOT_RETRIEVED),
            rule(
                DECREE_98,
                Evidence.UNCONFIRMED,
                NOTE_NOT_RETRIEVED + " Bonus 8.0 × base under NĐ 98/2023 as reported (domain-2026.md §4.7, S12).",
                bonus_multiple=Decimal("8.0"),
                bonus_recipients=COLLECTIVES,
                bonus_status=Evidence.REPORTED,
            ),
            # The NĐ 152 figure is cut off in the only source: no bonus until it is read.
            rule(DECREE_152, Evidence.UNCONFIRMED, NOTE_NOT_RETRIEVED + " NĐ 152/2025 bonus: not found."),
        ],
    ),
    "Bằng khen của Chủ tịch UBND tỉnh": (
        AuthorityLevel.PROVINCE,
        "Chủ tịch UBND tỉnh",
        all_periods(
            Evidence.UNCONFIRMED,
            NOTE_NOT_RETRIEVED,
            bonus_multiple=Decimal("1.5"),
            bonus_recipients=INDIVIDUALS,
            bonus_status=Evidence.REPORTED,
        ),
    ),
    "Giấy khen của Chủ tịch UBND huyện": (
        AuthorityLevel.DISTRICT,
        "Chủ tịch UBND huyện",
        # The district level ends on 30/06/2025: no rule after it.
        [rule(LAW_2003, Evidence.UNCONFIRMED), rule(DECREE_98, Evidence.CONFIRMED, NOTE_ARTICLE_80 + " Khoản 2.")],
    ),
    "Giấy khen của Thủ trưởng cơ quan, đơn vị": (
        AuthorityLevel.AGENCY,
        "Thủ trưởng cơ quan, đơn vị",
        [
            rule(LAW_2003, Evidence.UNCONFIRMED),
            rule(DECREE_98, Evidence.CONFIRMED, NOTE_ARTICLE_80 + " Khoản 1."),
            rule(
                DECREE_152,
                Evidence.UNCONFIRMED,
                NOTE_POST_REFORM + " Bonus 0.3 read only in a machine translation (S14).",
                bonus_multiple=Decimal("0.3"),
                bonus_recipients=INDIVIDUALS,
                bonus_status=Evidence.TRANSLATION,
            ),
        ],
    ),
    "Giấy khen của Chủ tịch UBND xã": (
        AuthorityLevel.COMMUNE,
        "Chủ tịch UBND xã",
        [
            rule(LAW_2003, Evidence.UNCONFIRMED),
            rule(DECREE_98, Evidence.CONFIRMED, NOTE_ARTICLE_80 + " Khoản 3."),
            rule(
                DECREE_152,
                Evidence.REPORTED,
                "Observed in practice, Gia Lai, 9/2025 (domain-2026.md §4.4). "
                "Bonus 0.3 read only in a machine translation (S14).",
                bonus_multiple=Decimal("0.3"),
                bonus_recipients=INDIVIDUALS,
                bonus_status=Evidence.TRANSLATION,
            ),
        ],
    ),
}

BASE_SALARIES = [
    {
        # NĐ 73/2024 took effect on 01/07/2024; domain-2026.md gives the amount, not the date.
        "valid_from": datetime.date(2024, 7, 1),
        "amount": Decimal(2_340_000),
        "legal_basis": "Nghị định số 73/2024/NĐ-CP",
        "status": Evidence.REPORTED,
        "note": "Amount reported by the press (domain-2026.md §4.7, S14); check the start date.",
    },
    {
        "valid_from": datetime.date(2026, 7, 1),
        "amount": Decimal(2_530_000),
        "legal_basis": "Nghị định số 161/2026/NĐ-CP ngày 15/5/2026",
        "status": Evidence.CONFIRMED,
        "note": "Seen in full text; its Điều 6 ends NĐ 73/2024 from that date (domain-2026.md §4.7, S18).",
    },
]


def load_grant_rules(award_form=None, grant_rule=None, base_salary=None) -> Counter:
    """Create the rules and base salaries that are missing; rows already there stay as someone may have edited them.

    The models are the historical ones when a migration calls this. A form missing from the catalogue
    (renamed by an administrator) is skipped.
    """
    from awards.models import AwardForm

    award_form, grant_rule, base_salary = award_form or AwardForm, grant_rule or GrantRule, base_salary or BaseSalary
    tally = Counter()
    forms = {form.name: form for form in award_form.objects.filter(name__in=RULES)}
    for name, (level, title, rows) in RULES.items():
        if name not in forms:
            tally["skipped"] += 1
            continue
        for row in rows:
            values = {key: plain(value) for key, value in row.items()}
            values["legal_basis"] = "\n".join(values["legal_basis"])
            values["note"] = " ".join(filter(None, [values["note"], NOTE_152_END if "reported_end" in row else ""]))
            _, created = grant_rule.objects.get_or_create(
                award_form=forms[name],
                authority_level=str(level),
                valid_from=values.pop("valid_from", None),
                defaults={"authority_title": title, **values},
            )
            tally["created" if created else "unchanged"] += 1
    for row in BASE_SALARIES:
        values = {key: plain(value) for key, value in row.items()}
        _, created = base_salary.objects.get_or_create(valid_from=values.pop("valid_from"), defaults=values)
        tally["created" if created else "unchanged"] += 1
    return tally


def plain(value):
    # A historical model should not depend on today's enum classes.
    if isinstance(value, list):
        return [str(item) for item in value]
    if isinstance(value, str):
        return str(value)
    return value
