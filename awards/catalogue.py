"""The award forms every installation starts with: those the four seed plans name (domain.md §3.2, S4).

Reference data, not demo data: migration 0002_catalogue loads it, and the campaigns demo picks the forms
each plan offers from it by name. The awards issue extends the list with a migration of its own.
"""

import datetime
from collections import Counter

from django.utils.translation import gettext_lazy as _

from awards.models import AuthorityLevel, AwardForm, LegalRegime, NomineeKind

# The parts of a nomination dossier (domain.md §3.4); required_parts holds these keys.
DOSSIER_PARTS = {
    "submission": _("Submission letter with the list of nominees (tờ trình)"),
    "achievement_report": _("Achievement report, one per nominee (báo cáo thành tích)"),
    "council_minutes": _("Minutes of the emulation and commendation council meeting (biên bản họp Hội đồng TĐKT)"),
    "secret_ballot": _("Secret ballot result (kết quả bỏ phiếu kín)"),
    "related_documents": _("Related documents: earlier award decisions, confirmed initiatives"),
    "electronic_copy": _("Electronic copy of the dossier"),
}

ALL_REGIMES = [LegalRegime.LAW_2013, LegalRegime.DECREE_98, LegalRegime.DECREE_152]
BASIC_PARTS = ["submission", "achievement_report", "council_minutes"]
# State and Government forms go up with the ballot result and the related documents (domain.md §3.4).
HIGHER_PARTS = [*BASIC_PARTS, "secret_ballot", "related_documents", "electronic_copy"]
ANYONE = [
    NomineeKind.INDIVIDUAL,
    NomineeKind.COLLECTIVE,
    NomineeKind.HOUSEHOLD,
    NomineeKind.ENTERPRISE,
    NomineeKind.EXTERNAL,
]

# Prize amounts are left out: the bonus is a multiple of the base salary in each grant rule (awards.grant_rules).
CATALOGUE = [
    {
        # As the Hà Quảng and Lạng Sơn plans name it, without a class (hạng Nhất, Nhì, Ba): the plan offers
        # the order, the class is the proposing level's choice.
        "name": "Huân chương Lao động",
        "short_name": "HCLĐ",
        "category": AwardForm.Category.ORDER,
        "authority_level": AuthorityLevel.STATE,
        "authority_title": "Chủ tịch nước",
        "eligible_nominees": [NomineeKind.INDIVIDUAL, NomineeKind.COLLECTIVE, NomineeKind.ENTERPRISE],
        "required_parts": HIGHER_PARTS,
        "regimes": ALL_REGIMES,
        "rank": 90,
    },
    {
        "name": "Huân chương Lao động hạng Ba",
        "short_name": "HCLĐ hạng Ba",
        "category": AwardForm.Category.ORDER,
        "authority_level": AuthorityLevel.STATE,
        "authority_title": "Chủ tịch nước",
        "eligible_nominees": [NomineeKind.INDIVIDUAL, NomineeKind.COLLECTIVE, NomineeKind.ENTERPRISE],
        "required_parts": HIGHER_PARTS,
        "regimes": ALL_REGIMES,
        "rank": 90,
        "needs_public_posting": True,
    },
    {
        "name": "Bằng khen của Thủ tướng Chính phủ",
        "short_name": "Bằng khen TTg",
        "category": AwardForm.Category.CERTIFICATE_OF_MERIT,
        "authority_level": AuthorityLevel.GOVERNMENT,
        "authority_title": "Thủ tướng Chính phủ",
        "eligible_nominees": ANYONE,
        "required_parts": HIGHER_PARTS,
        "regimes": ALL_REGIMES,
        "rank": 80,
        "needs_public_posting": True,
    },
    {
        # An emulation title rather than a commendation form (domain.md §3.2); collectives only.
        "name": "Cờ thi đua của UBND tỉnh",
        "short_name": "Cờ thi đua UBND tỉnh",
        "category": AwardForm.Category.FLAG,
        "authority_level": AuthorityLevel.PROVINCE,
        "authority_title": "Chủ tịch UBND tỉnh",
        "eligible_nominees": [NomineeKind.COLLECTIVE],
        "required_parts": [*BASIC_PARTS, "secret_ballot"],
        "regimes": ALL_REGIMES,
        "rank": 70,
    },
    {
        "name": "Bằng khen của Chủ tịch UBND tỉnh",
        "short_name": "Bằng khen Chủ tịch UBND tỉnh",
        "category": AwardForm.Category.CERTIFICATE_OF_MERIT,
        "authority_level": AuthorityLevel.PROVINCE,
        "authority_title": "Chủ tịch UBND tỉnh",
        "eligible_nominees": ANYONE,
        "required_parts": BASIC_PARTS,
        "regimes": ALL_REGIMES,
        "rank": 60,
        "needs_public_posting": True,
    },
    {
        "name": "Giấy khen của Chủ tịch UBND huyện",
        "short_name": "Giấy khen Chủ tịch UBND huyện",
        "category": AwardForm.Category.CERTIFICATE,
        "authority_level": AuthorityLevel.DISTRICT,
        "authority_title": "Chủ tịch UBND huyện",
        "eligible_nominees": [
            NomineeKind.INDIVIDUAL,
            NomineeKind.COLLECTIVE,
            NomineeKind.HOUSEHOLD,
            NomineeKind.ENTERPRISE,
        ],
        "required_parts": BASIC_PARTS,
        # The district level ends on 30/06/2025 (domain.md §5): no form under NĐ 152/2025.
        "regimes": [LegalRegime.LAW_2013, LegalRegime.DECREE_98],
        "valid_to": datetime.date(2025, 6, 30),
        "rank": 40,
    },
    {
        "name": "Giấy khen của Thủ trưởng cơ quan, đơn vị",
        "short_name": "Giấy khen Thủ trưởng cơ quan",
        "category": AwardForm.Category.CERTIFICATE,
        "authority_level": AuthorityLevel.AGENCY,
        "authority_title": "Thủ trưởng cơ quan, đơn vị",
        "eligible_nominees": [NomineeKind.INDIVIDUAL, NomineeKind.COLLECTIVE],
        "required_parts": BASIC_PARTS,
        "regimes": ALL_REGIMES,
        "rank": 35,
    },
    {
        "name": "Giấy khen của Chủ tịch UBND xã",
        "short_name": "Giấy khen Chủ tịch UBND xã",
        "category": AwardForm.Category.CERTIFICATE,
        "authority_level": AuthorityLevel.COMMUNE,
        "authority_title": "Chủ tịch UBND xã",
        "eligible_nominees": [NomineeKind.INDIVIDUAL, NomineeKind.COLLECTIVE, NomineeKind.HOUSEHOLD],
        # The commune procedure asks for a request letter, the reports and the review minutes (domain.md §3.4).
        "required_parts": BASIC_PARTS,
        "regimes": ALL_REGIMES,
        "rank": 30,
    },
]


def mark_public_posting(model=AwardForm) -> int:
    """Set needs_public_posting on the catalogue's forms that the law posts publicly (orders and Bằng khen)."""
    names = [entry["name"] for entry in CATALOGUE if entry.get("needs_public_posting")]
    return model.objects.filter(name__in=names).update(needs_public_posting=True)


def load_catalogue(model=AwardForm) -> Counter:
    """Create the forms that are missing, by name; forms already there are left as someone may have edited them.

    `model` is the historical model when a migration calls this. Only the fields it has are set, so this
    list can grow fields after the migration was written.
    """
    fields = {field.name for field in model._meta.get_fields()}
    tally = Counter()
    for entry in CATALOGUE:
        values = {key: _plain(value) for key, value in entry.items() if key in fields}
        _, created = model.objects.get_or_create(name=values.pop("name"), defaults=values)
        tally["created" if created else "unchanged"] += 1
    return tally


def _plain(value):
    # JSONField stores plain strings; a TextChoices member would serialise the same, but a historical
    # model in a migration should not depend on today's enum classes.
    if isinstance(value, list):
        return [str(item) for item in value]
    if isinstance(value, str):
        return str(value)
    return value
