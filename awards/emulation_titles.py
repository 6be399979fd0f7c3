"""The emulation titles (danh hiệu thi đua) in the catalogue, with who grants each in each period and its bonus.

Reference data from domain.md §3.2 and domain-2026.md §4.4 and §4.7, loaded by migration
0009_emulation_titles (and again after a flush by awards.apps). Each rule carries its evidence mark:

- Law 06/2022 Điều 80 (seen in full text) names the commune chairman, the district chairman and heads of units
  for "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở" and "Tập thể lao động tiên tiến": CONFIRMED from
  01/01/2024 to 30/06/2025.
- Before 2024 (old Law + NĐ 91/2017) no text was retrieved: the same levels, UNCONFIRMED.
- After 01/07/2025 the article of NĐ 152/2025 that reassigns the district's powers was not found: the levels
  the Law still names (the commune chairman, heads of units) are kept UNCONFIRMED, and no level is given in
  the district's place. A title without any known authority then (none here) would have no rule, so the app
  says it cannot be granted rather than guessing who grants it.
- The higher titles (Điều 77-79 of the Law, not retrieved) keep the level their own names state, UNCONFIRMED.
- Bonuses: only the NĐ 152/2025 multiples the press reported (S12); none for the earlier periods.
"""

from collections import Counter
from decimal import Decimal

from awards.catalogue import BASIC_PARTS, HIGHER_PARTS, _plain
from awards.grant_rules import (
    COLLECTIVES,
    DECREE_98,
    DECREE_152,
    INDIVIDUALS,
    LAW_2003,
    NOTE_152_END,
    plain,
    rule,
)
from awards.models import AuthorityLevel, AwardForm, Evidence, GrantRule, LegalRegime, NomineeKind

ALL_REGIMES = [LegalRegime.LAW_2013, LegalRegime.DECREE_98, LegalRegime.DECREE_152]

NOTE_OLD_LAW = "The old Law's article was not retrieved; the levels are those of Law 06/2022 Điều 80."
NOTE_LAW_80 = "Luật TĐKT 2022 Điều 80, seen in full text (domain-2026.md §4.4, S16)."
NOTE_AFTER_REFORM = (
    "Who grants it after 01/07/2025 is not found in NĐ 152/2025 (domain-2026.md §4.4); Law 06/2022 Điều 80 {clause} "
    "still names this level. The district chairman's power (khoản 2) has no known successor."
)
NOTE_NAME_ONLY = "Law 06/2022 Điều {article} was not retrieved; the title's own name states the level."
NOTE_BONUS_152 = " Bonus {multiple} × base under NĐ 152/2025 as reported by the press (domain-2026.md §4.7, S12)."

TITLES = [
    {
        "name": "Cờ thi đua của Chính phủ",
        "short_name": "Cờ thi đua CP",
        "category": AwardForm.Category.FLAG,
        "authority_level": AuthorityLevel.GOVERNMENT,
        "authority_title": "Thủ tướng Chính phủ",
        "eligible_nominees": [NomineeKind.COLLECTIVE],
        "required_parts": HIGHER_PARTS,
        "regimes": ALL_REGIMES,
        "rank": 85,
    },
    {
        "name": "Chiến sĩ thi đua toàn quốc",
        "short_name": "CSTĐ toàn quốc",
        "category": AwardForm.Category.TITLE,
        "authority_level": AuthorityLevel.GOVERNMENT,
        "authority_title": "Thủ tướng Chính phủ",
        "eligible_nominees": [NomineeKind.INDIVIDUAL],
        "required_parts": HIGHER_PARTS,
        "regimes": ALL_REGIMES,
        "rank": 82,
    },
    {
        "name": "Chiến sĩ thi đua cấp tỉnh",
        "short_name": "CSTĐ cấp tỉnh",
        "category": AwardForm.Category.TITLE,
        "authority_level": AuthorityLevel.PROVINCE,
        "authority_title": "Chủ tịch UBND tỉnh",
        "eligible_nominees": [NomineeKind.INDIVIDUAL],
        "required_parts": BASIC_PARTS,
        "regimes": ALL_REGIMES,
        "rank": 65,
    },
    {
        "name": "Tập thể lao động xuất sắc",
        "short_name": "TTLĐ xuất sắc",
        "category": AwardForm.Category.TITLE,
        "authority_level": AuthorityLevel.PROVINCE,
        "authority_title": "Chủ tịch UBND tỉnh",
        "eligible_nominees": [NomineeKind.COLLECTIVE],
        "required_parts": BASIC_PARTS,
        "regimes": ALL_REGIMES,
        "rank": 62,
    },
    {
        "name": "Chiến sĩ thi đua cơ sở",
        "short_name": "CSTĐ cơ sở",
        "category": AwardForm.Category.TITLE,
        "authority_level": AuthorityLevel.DISTRICT,
        "authority_title": "Chủ tịch UBND huyện",
        "eligible_nominees": [NomineeKind.INDIVIDUAL],
        "required_parts": BASIC_PARTS,
        "regimes": ALL_REGIMES,
        "rank": 45,
    },
    {
        "name": "Tập thể lao động tiên tiến",
        "short_name": "TTLĐ tiên tiến",
        "category": AwardForm.Category.TITLE,
        "authority_level": AuthorityLevel.DISTRICT,
        "authority_title": "Chủ tịch UBND huyện",
        "eligible_nominees": [NomineeKind.COLLECTIVE],
        "required_parts": BASIC_PARTS,
        "regimes": ALL_REGIMES,
        "rank": 42,
    },
    {
        "name": "Lao động tiên tiến",
        "short_name": "LĐTT",
        "category": AwardForm.Category.TITLE,
        "authority_level": AuthorityLevel.COMMUNE,
        "authority_title": "Chủ tịch UBND xã",
        "eligible_nominees": [NomineeKind.INDIVIDUAL],
        "required_parts": BASIC_PARTS,
        "regimes": ALL_REGIMES,
        "rank": 25,
    },
]

LEVEL_TITLES = {
    AuthorityLevel.GOVERNMENT: "Thủ tướng Chính phủ",
    AuthorityLevel.PROVINCE: "Chủ tịch UBND tỉnh",
    AuthorityLevel.DISTRICT: "Chủ tịch UBND huyện",
    AuthorityLevel.COMMUNE: "Chủ tịch UBND xã",
    AuthorityLevel.AGENCY: "Thủ trưởng cơ quan, đơn vị",
}
# The levels of Law 06/2022 Điều 80 for each title, with the clause naming them.
ARTICLE_80 = {
    "Lao động tiên tiến": [
        (AuthorityLevel.COMMUNE, "khoản 3"),
        (AuthorityLevel.DISTRICT, "khoản 2"),
        (AuthorityLevel.AGENCY, "khoản 1"),
    ],
    "Chiến sĩ thi đua cơ sở": [(AuthorityLevel.DISTRICT, "khoản 2"), (AuthorityLevel.AGENCY, "khoản 1")],
    "Tập thể lao động tiên tiến": [(AuthorityLevel.DISTRICT, "khoản 2"), (AuthorityLevel.AGENCY, "khoản 1")],
}
# Titles of the higher levels: (level, article of the Law that names it, not retrieved).
NAMED_LEVEL = {
    "Cờ thi đua của Chính phủ": (AuthorityLevel.GOVERNMENT, "77/78"),
    "Chiến sĩ thi đua toàn quốc": (AuthorityLevel.GOVERNMENT, "77/78"),
    "Chiến sĩ thi đua cấp tỉnh": (AuthorityLevel.PROVINCE, "79"),
    "Tập thể lao động xuất sắc": (AuthorityLevel.PROVINCE, "79"),
}
# NĐ 152/2025 bonuses as reported (domain-2026.md §4.7): (multiple, for whom).
BONUS_152 = {
    "Cờ thi đua của Chính phủ": (Decimal(12), COLLECTIVES),
    "Chiến sĩ thi đua toàn quốc": (Decimal("4.5"), INDIVIDUALS),
    "Chiến sĩ thi đua cấp tỉnh": (Decimal(3), INDIVIDUALS),
    "Tập thể lao động xuất sắc": (Decimal("1.5"), COLLECTIVES),
    "Chiến sĩ thi đua cơ sở": (Decimal(1), INDIVIDUALS),
    "Tập thể lao động tiên tiến": (Decimal("0.8"), COLLECTIVES),
    "Lao động tiên tiến": (Decimal("0.3"), INDIVIDUALS),
}


def _bonus_152(name: str) -> tuple[dict, str]:
    multiple, recipients = BONUS_152[name]
    bonus = {"bonus_multiple": multiple, "bonus_recipients": recipients, "bonus_status": Evidence.REPORTED}
    return bonus, NOTE_BONUS_152.format(multiple=multiple.normalize())


def title_rules(name: str) -> list[tuple[str, dict]]:
    """(level, rule) pairs of one title over the three periods."""
    bonus, bonus_note = _bonus_152(name)
    if name in NAMED_LEVEL:
        level, article = NAMED_LEVEL[name]
        note = NOTE_NAME_ONLY.format(article=article)
        return [
            (level, rule(LAW_2003, Evidence.UNCONFIRMED, note)),
            (level, rule(DECREE_98, Evidence.UNCONFIRMED, note)),
            (level, rule(DECREE_152, Evidence.UNCONFIRMED, note + bonus_note, **bonus)),
        ]
    rows = []
    for level, clause in ARTICLE_80[name]:
        rows.append((level, rule(LAW_2003, Evidence.UNCONFIRMED, NOTE_OLD_LAW)))
        rows.append((level, rule(DECREE_98, Evidence.CONFIRMED, f"{NOTE_LAW_80} {clause.capitalize()}.")))
        if level != AuthorityLevel.DISTRICT:  # the district level ends on 30/06/2025
            note = NOTE_AFTER_REFORM.format(clause=clause) + bonus_note
            rows.append((level, rule(DECREE_152, Evidence.UNCONFIRMED, note, **bonus)))
    return rows


def load_emulation_titles(award_form=None, grant_rule=None) -> Counter:
    """Create the titles and their rules that are missing; rows already there stay as someone may have edited them.

    The models are the historical ones when a migration calls this.
    """
    award_form, grant_rule = award_form or AwardForm, grant_rule or GrantRule
    fields = {field.name for field in award_form._meta.get_fields()}
    tally = Counter()
    for entry in TITLES:
        values = {key: _plain(value) for key, value in entry.items() if key in fields}
        form, created = award_form.objects.get_or_create(name=values.pop("name"), defaults=values)
        tally["created" if created else "unchanged"] += 1
        for level, row in title_rules(form.name):
            values = {key: plain(value) for key, value in row.items()}
            values["legal_basis"] = "\n".join(values["legal_basis"])
            values["note"] = " ".join(filter(None, [values["note"], NOTE_152_END if "reported_end" in row else ""]))
            _, created = grant_rule.objects.get_or_create(
                award_form=form,
                authority_level=str(level),
                valid_from=values.pop("valid_from", None),
                defaults={"authority_title": LEVEL_TITLES[level], **values},
            )
            tally["created" if created else "unchanged"] += 1
    return tally
