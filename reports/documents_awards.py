"""Context builders of the award documents: the decision with its annex, the council minutes, the tờ trình
and the certificate print sheet.

The wording of these documents (Điều 1, "Căn cứ …", "Kính gửi", the annex heading) is the form that
Nghị định 30/2020/NĐ-CP and the law on emulation and commendation prescribe, in Vietnamese: it is not
interface text, so it is not translated (as in reports.letterhead). Table column labels are gettext
msgids, since the Excel export shows them too.

QR codes link to the public verification page. The worker has no request to ask for the host, so the
absolute address comes from settings.SITE_URL.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from awards.models import AgendaItem, Award, AwardForm, CouncilMember, CouncilSession, Decision, Nomination, Round
from awards.models.catalogue import NomineeKind
from awards.qr import qr_svg, verification_path
from awards.services.grants import Bonus, addressee_unit, bonus_for, legal_bases
from campaigns.models import Campaign
from reports.content import document_date
from reports.letterhead import ARCHIVE, Letterhead, build_letterhead
from reports.models import Report
from reports.tables import Column, Row, Table, format_number
from units.hierarchy import level_above
from units.models import REFORM_DATE, Kind, Unit
from units.wording import (
    cited,
    council_name,
    head_title,
    header_lines,
    home_affairs_body,
    home_affairs_head,
    in_text,
    issuer_name,
    long_date,
    office_head,
    place_and_date,
    place_name,
    spelled_out,
)

MOVEMENT = "Cả nước chung sức xây dựng nông thôn mới"
ACHIEVEMENTS_LENGTH = 400  # characters of the báo cáo thành tích printed in a table cell
# How a list of awardees is named in the text, by their kinds ("tập thể, cá nhân").
KIND_WORDS = {
    NomineeKind.COLLECTIVE: "tập thể",
    NomineeKind.INDIVIDUAL: "cá nhân",
    NomineeKind.HOUSEHOLD: "hộ gia đình",
    NomineeKind.ENTERPRISE: "doanh nghiệp, hợp tác xã",
    NomineeKind.EXTERNAL: "tổ chức",
}
# Annex groups, in the order the law lists them: collectives first.
GROUP_HEADINGS = {
    NomineeKind.COLLECTIVE: "Tập thể",
    NomineeKind.ENTERPRISE: "Doanh nghiệp, hợp tác xã",
    NomineeKind.EXTERNAL: "Tổ chức",
    NomineeKind.HOUSEHOLD: "Hộ gia đình",
    NomineeKind.INDIVIDUAL: "Cá nhân",
}
ROMAN = ["I", "II", "III", "IV", "V"]
# The units under a province as Điều 3 names them: "xã, phường, đặc khu" since 01/07/2025 (NĐ 161/2026 uses
# the phrase, domain-2026.md §4.4), its districts and towns before.
LOWER_UNITS = {False: "huyện, thị xã, thành phố", True: "xã, phường, đặc khu"}
EXCLUDED_FROM_SUBMISSION = [Nomination.Status.REJECTED, Nomination.Status.CLOSED_DISSOLVED]


# Excel export (reports.excel.build_workbook) reads the unit and the period of a report's context.
@dataclass
class DocumentScope:
    unit: Unit
    formed_from_note: str = ""


@dataclass
class DocumentPeriod:
    label: str


def site_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def verify_url(award: Award) -> str:
    return site_url(verification_path(award))


def two_digits(count: int) -> str:
    """ "03 tập thể": administrative texts write counts below ten with a leading zero."""
    return f"{count:02d}"


def kinds_phrase(kinds) -> str:
    words = [KIND_WORDS[kind] for kind in GROUP_HEADINGS if kind in set(kinds)]
    return ", ".join(words) or "tập thể, cá nhân"


def counted_phrase(kinds: list[str]) -> str:
    """ "02 tập thể, 01 cá nhân"."""
    parts = [f"{two_digits(kinds.count(kind))} {KIND_WORDS[kind]}" for kind in GROUP_HEADINGS if kind in kinds]
    return ", ".join(parts)


def round_phrase(round_: str, year: int | None, campaign: Campaign | None = None) -> str:
    """The period an achievement belongs to, as the text names it; a review's from its campaign's years."""
    if round_ in (Round.MIDTERM, Round.FINAL):
        campaign = campaign or (Campaign.objects.covering(year).order_by("-start_year", "pk").first() if year else None)
        review = "sơ kết" if round_ == Round.MIDTERM else "tổng kết"
        if campaign is None:
            return f"năm {year} ({review})" if year else f"({review})"
        last = campaign.midterm_year if round_ == Round.MIDTERM else campaign.final_year
        return f"giai đoạn {campaign.start_year}-{last} ({review})"
    if round_ == Round.AD_HOC:
        return f"năm {year}" if year else ""
    return f"năm {year}" if year else ""


def achievement_phrase(round_: str, year: int | None, campaign: Campaign | None = None) -> str:
    name = campaign.name if campaign else MOVEMENT
    # "Đã có thành tích xuất sắc …": a campaign name already in quotes is not quoted twice.
    quoted = name if name.startswith("“") else f"“{name}”"
    return " ".join(
        filter(None, ["thành tích xuất sắc trong phong trào thi đua", quoted, round_phrase(round_, year, campaign)])
    )


def form_in_text(award_form: AwardForm) -> str:
    """ "Giấy khen của Chủ tịch UBND huyện" → "Giấy khen của Chủ tịch Ủy ban nhân dân huyện"."""
    return spelled_out(award_form.name)


def executors(unit: Unit, *, on) -> str:
    """Điều 3: the offices that carry the decision out, as the level had them on the decision's date."""
    offices = ", ".join(filter(None, [office_head(unit, on=on), home_affairs_head(unit, on=on)]))
    if unit.kind == Kind.PROVINCE:
        offices += f", Chủ tịch UBND các {LOWER_UNITS[on >= REFORM_DATE]}"
    return f"{offices}, Thủ trưởng các cơ quan, đơn vị có liên quan"


def proposal_line(unit: Unit, *, on) -> str:
    """ "Xét đề nghị của Trưởng phòng Nội vụ huyện Hà Quảng.": the level's Home Affairs body proposes."""
    head = home_affairs_head(unit, on=on)
    if unit.kind == Kind.DISTRICT and head:
        return f"Xét đề nghị của {head} {in_text(unit.name)}."
    if head:
        return f"Xét đề nghị của {head}."
    return "Xét đề nghị của cơ quan thường trực Hội đồng Thi đua - Khen thưởng."


def position_of(award_or_nominee) -> str:
    """The annex's "position, unit" column: where the awardee belongs (its village and commune)."""
    nominee = getattr(award_or_nominee, "nominee", award_or_nominee)
    unit = nominee.unit
    places = [unit.parent] if nominee.kind == NomineeKind.COLLECTIVE else [unit]
    if places[0] is not None and places[0].kind == Kind.VILLAGE:
        places.append(places[0].parent)
    lead = {NomineeKind.HOUSEHOLD: "Chủ hộ", NomineeKind.INDIVIDUAL: nominee.position}.get(nominee.kind, "")
    parts = [lead] if lead else []
    # A person's position often names the unit already ("Chủ tịch UBND xã Ngọc Đào").
    for place in places:
        if place is not None and place.name != nominee.name and in_text(place.name) not in lead:
            parts.append(place.name)
    return ", ".join(parts)


def shortened(text: str, length: int = ACHIEVEMENTS_LENGTH) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + "…"


# ---------------------------------------------------------------------------------------------------------
# Decision and its annex; the certificate sheet


def load_decision(report: Report) -> Decision:
    return Decision.objects.select_related("issuing_unit__parent", "award_form", "council_session").get(
        pk=report.decision_id
    )


def decision_awards(decision: Decision) -> list[Award]:
    awards = list(
        decision.awards.select_related(
            "nominee__unit__parent__parent", "nomination__campaign", "nomination__proposing_unit"
        ).order_by("order", "pk")
    )
    order = list(GROUP_HEADINGS)
    awards.sort(key=lambda award: (order.index(award.nominee.kind), award.order, award.pk))
    for award in awards:
        award.group_heading = GROUP_HEADINGS[award.nominee.kind]
        award.verify_url = verify_url(award)
        award.qr = mark_safe(qr_svg(award.verify_url, scale=2))  # noqa: S308 - segno's own SVG markup
        award.position_text = position_of(award)
        award.achievements = shortened(award.nomination.achievements if award.nomination else "")
    return awards


def annex_table(decision: Decision, awards: list[Award], title: str, bonus: Bonus | None = None) -> Table:
    rows: list[Row] = []
    current, number, group = None, 0, 0
    several = len({award.nominee.kind for award in awards}) > 1
    for award in awards:
        if several and award.nominee.kind != current:
            current = award.nominee.kind
            rows.append(Row([f"{ROMAN[group]}. {GROUP_HEADINGS[current]}"], css="group"))
            group, number = group + 1, 0
        number += 1
        cells = [number, award.nominee.name, award.position_text, award.achievements, award.serial]
        rows.append(Row(cells + ([award.bonus_text] if bonus else [])))
    return Table(
        key="annex",
        title=title,
        columns=[
            Column(_("No."), css="narrow"),
            Column(_("Name")),
            Column(_("Position and unit")),
            Column(_("Achievements"), css="wide"),
            Column(_("Serial")),
            *([Column(_("Bonus (VND)"), numeric=True)] if bonus else []),
        ],
        rows=rows,
        empty_text=_("No awards."),
    )


def prize_sentence(award_form: AwardForm, bonus: Bonus | None = None) -> str:
    """The bonus under Điều 1: the rule's multiple of the base salary on the decision date, else a fixed amount."""
    kind = award_form.name.split(" của ")[0]
    if bonus is not None and bonus.amount is not None:
        recipients = ", ".join(KIND_WORDS[recipient] for recipient in bonus.recipients if recipient in KIND_WORDS)
        return (
            f"Kèm theo {kind} là tiền thưởng bằng {format_number(bonus.multiple_shown)} lần mức lương cơ sở "
            f"({format_number(int(bonus.base_salary.amount))} đồng), tức {format_number(int(bonus.amount))} đồng "
            f"cho mỗi {recipients or 'tập thể, cá nhân'}, trích từ Quỹ thi đua, khen thưởng."
        )
    if not award_form.prize_amount:
        return ""
    amount = format_number(int(award_form.prize_amount))
    return f"Kèm theo {kind} là tiền thưởng {amount} đồng theo quy định, trích từ Quỹ thi đua, khen thưởng."


def with_bonus(awards: list[Award], bonus: Bonus | None) -> None:
    for award in awards:
        amount = bonus.amount_for(award.nominee.kind) if bonus else None
        award.bonus_text = format_number(int(amount)) if amount is not None else "—"


def decision_letterhead(report: Report, decision: Decision, subject: str) -> Letterhead:
    unit = decision.issuing_unit
    superior, issuer = header_lines(unit)
    above = level_above(unit, on=decision.date) if unit.is_territory else None
    recipients = ["Như Điều 3", *([f"TT. HĐND, {issuer_name(above)} (b/c)"] if above else []), ARCHIVE + ", NV"]
    return Letterhead(
        superior=superior,
        issuer=issuer,
        number=f"Số: {decision.number}/{decision.symbol}",
        place_date=place_and_date(report.parameters.get("place") or place_name(unit), decision.date),
        doc_type="QUYẾT ĐỊNH",
        subject=subject,
        recipients=recipients,
        signing=decision.signature_lines,
        signer_name=decision.signer_name,
        issuer_title=head_title(unit),
        day=decision.date,
    )


def decision_context(report: Report, decision: Decision | None = None) -> dict:
    """The decision of the report, or `decision` (one of the several a batch of certificates prints)."""
    decision = decision or load_decision(report)
    awards = decision_awards(decision)
    first = next((award.nomination for award in awards if award.nomination), None)
    campaign = first.campaign if first else None
    round_, year = (first.round, first.round_year) if first else ("", decision.year)
    kinds = [award.nominee.kind for award in awards]
    achievement = achievement_phrase(round_, year, campaign)
    form = form_in_text(decision.award_form)
    subject = f"Về việc tặng {form.split(' của ')[0]} cho các {kinds_phrase(kinds)} đã có {achievement}"
    letterhead = decision_letterhead(report, decision, subject)
    annex_title = f"Danh sách {kinds_phrase(kinds)} được tặng {form}"
    reference = f"(Kèm theo Quyết định số {decision.reference} {long_date(decision.date)}"
    reference += f" của {letterhead.issuer_title})"
    bonus = bonus_for(decision.award_form, decision.date)
    with_bonus(awards, bonus)
    table = annex_table(decision, awards, annex_title, bonus)
    # A decision typed without its bases prints those of the rule in force on its date.
    bases = [line.strip() for line in decision.legal_basis.splitlines() if line.strip()]
    return {
        "report": report,
        "decision": decision,
        "awards": awards,
        "letterhead": letterhead,
        "authority": head_title(decision.issuing_unit).upper(),
        "bases": bases or legal_bases([decision.award_form], decision.date),
        "proposal": proposal_line(decision.issuing_unit, on=decision.date),
        "form_text": form,
        "counted": counted_phrase(kinds),
        "achievement": achievement,
        "prize": prize_sentence(decision.award_form, bonus),
        "bonus": bonus,
        "executors": executors(decision.issuing_unit, on=decision.date),
        "annex_title": annex_title,
        "annex_reference": reference,
        "annex": table,
        "scope": DocumentScope(decision.issuing_unit),
        "period": DocumentPeriod(f"{decision.reference} ({decision.date:%d/%m/%Y})"),
        "table_list": [table],
    }


def certificate_heading(award_form: AwardForm) -> str:
    if award_form.category == AwardForm.Category.CERTIFICATE_OF_MERIT:
        return "BẰNG KHEN"
    if award_form.category == AwardForm.Category.CERTIFICATE:
        return "GIẤY KHEN"
    return award_form.name.split(" của ")[0].upper()


def certificates_context(report: Report, decision: Decision | None = None) -> dict:
    context = decision_context(report, decision)
    decision = context["decision"]
    for award in context["awards"]:
        nomination = award.nomination
        award.citation = "Đã có " + (
            achievement_phrase(nomination.round, nomination.round_year, nomination.campaign)
            if nomination
            else context["achievement"]
        )
        award.recipient = award.nominee.name
        if award.nominee.kind == NomineeKind.HOUSEHOLD:
            award.recipient = f"Hộ gia đình {award.nominee.name}"
        award.qr = mark_safe(qr_svg(award.verify_url, scale=3))  # noqa: S308 - segno's own SVG markup
    return {
        **context,
        "heading": certificate_heading(decision.award_form),
        "decision_line": f"Quyết định số {cited(decision.reference, decision.date)}",
    }


# ---------------------------------------------------------------------------------------------------------
# Council minutes


def tally_table(items: list[AgendaItem]) -> Table:
    rows = []
    for number, item in enumerate(items, start=1):
        nomination = item.nomination
        rows.append(
            Row(
                [
                    number,
                    nomination.nominee.name,
                    nomination.award_form.short_name or nomination.award_form.name,
                    nomination.proposing_unit.name,
                    item.agree,
                    item.disagree,
                    item.abstain,
                    item.conflicts,
                    item.share,
                    item.get_result_display(),
                ]
            )
        )
    return Table(
        key="tally",
        title=_("Votes on the agenda"),
        columns=[
            Column(_("No."), css="narrow"),
            Column(_("Nominee")),
            Column(_("Award")),
            Column(_("Proposed by")),
            Column(_("Agree"), numeric=True),
            Column(_("Disagree"), numeric=True),
            Column(_("Abstain"), numeric=True),
            Column(_("Conflict of interest"), numeric=True),
            Column(_("Agree (%)"), numeric=True),
            Column(_("Result")),
        ],
        rows=rows,
        empty_text=_("The agenda is empty."),
    )


def minutes_context(report: Report) -> dict:
    session = CouncilSession.objects.select_related("council_unit__parent").get(pk=report.session_id)
    unit = session.council_unit
    members = list(session.members.order_by("pk"))
    items = list(
        session.agenda.select_related("nomination__nominee", "nomination__award_form", "nomination__proposing_unit")
    )
    for item in items:
        cast = item.agree + item.disagree + item.abstain
        item.cast = cast
        item.share = round(100 * item.agree / cast, 1) if cast else None
    chair = next((m for m in members if m.role == CouncilMember.Role.CHAIR), None)
    secretary = next((m for m in members if m.role == CouncilMember.Role.SECRETARY), None)
    letterhead = build_letterhead(
        unit, parameters={}, doc_type="BIÊN BẢN", doc_code="BB", subject=session.title, day=session.date, plans=[]
    )
    letterhead.superior, letterhead.issuer = issuer_name(unit).upper(), ["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"]
    letterhead.number = f"Số:{' ' * 8}/BB-HĐTĐKT"
    table = tally_table(items)
    return {
        "report": report,
        "session": session,
        "letterhead": letterhead,
        "council": council_name(unit),
        "day": long_date(session.date),
        "present": [m for m in members if m.present],
        "absent": [m for m in members if not m.present],
        "members_total": len(members),
        "voters": sum(1 for m in members if m.votes),
        "chair": chair,
        "secretary": secretary,
        "items": items,
        "threshold": round(session.threshold * 100),
        "tally": table,
        "minutes_lines": [line.strip() for line in session.minutes.splitlines() if line.strip()],
        "bases": legal_bases(dict.fromkeys(item.nomination.award_form for item in items), session.date),
        "passed": sum(1 for item in items if item.result == AgendaItem.Result.PASSED),
        "failed": sum(1 for item in items if item.result == AgendaItem.Result.FAILED),
        "scope": DocumentScope(unit),
        "period": DocumentPeriod(f"{session.date:%d/%m/%Y}"),
        "table_list": [table],
    }


# ---------------------------------------------------------------------------------------------------------
# Tờ trình


def submission_nominations(report: Report) -> list[Nomination]:
    """The chosen nominations (parameters["nominations"]) or every live one the unit proposed in the round."""
    params = report.parameters
    queryset = Nomination.objects.filter(proposing_unit__in=Unit.objects.within(report.unit))
    if params.get("nominations"):
        queryset = queryset.filter(pk__in=params["nominations"])
    else:
        queryset = queryset.filter(
            proposing_unit=report.unit, round=params.get("round"), round_year=params.get("round_year")
        ).exclude(status__in=EXCLUDED_FROM_SUBMISSION)
    ordered = queryset.select_related("nominee__unit__parent__parent", "award_form", "campaign").order_by(
        "-award_form__rank", "nominee__kind", "pk"
    )
    # A nominee is proposed once on a tờ trình: for the highest form asked, then the earliest nomination.
    first: dict[int, Nomination] = {}
    for nomination in ordered:
        first.setdefault(nomination.nominee_id, nomination)
    return list(first.values())


def submission_table(nominations: list[Nomination]) -> Table:
    rows = [
        Row(
            [
                number,
                nomination.nominee.name,
                position_of(nomination),
                nomination.award_form.short_name or nomination.award_form.name,
                shortened(nomination.achievements),
            ]
        )
        for number, nomination in enumerate(nominations, start=1)
    ]
    return Table(
        key="nominees",
        title=_("Nominees"),
        columns=[
            Column(_("No."), css="narrow"),
            Column(_("Name"), css="name"),
            Column(_("Position and unit")),
            Column(_("Award")),
            Column(_("Achievements"), css="wide"),
        ],
        rows=rows,
        empty_text=_("No nominations."),
    )


def shared(values) -> object | None:
    values = set(values)
    return values.pop() if len(values) == 1 else None


def submission_context(report: Report) -> dict:
    unit = report.unit
    nominations = submission_nominations(report)
    number = shared(n.submission_number for n in nominations if n.submission_number) or ""
    # The dossier's date decides the texts and the addressee: a dossier of 20/06/2025 printed today still
    # cites NĐ 98/2023 and goes to the district.
    day = shared(n.submission_date for n in nominations if n.submission_number == number and n.submission_date)
    day = day or document_date(report)
    forms = list(dict.fromkeys(n.award_form for n in nominations))
    round_ = shared(n.round for n in nominations) or report.parameters.get("round", "")
    year = shared(n.round_year for n in nominations) or report.parameters.get("round_year") or report.year
    campaign = shared(n.campaign for n in nominations)
    kinds = [n.nominee.kind for n in nominations]
    achievement = achievement_phrase(round_, year, campaign)
    form_names = " và ".join(form_in_text(form) for form in forms) or "khen thưởng"
    # To the level above on the dossier's date (a commune's to its district before 01/07/2025, to the province
    # after), or to the unit's own chairman when it grants every form asked itself.
    above = addressee_unit(unit, forms, day) if unit.is_territory else unit.parent
    addressee = head_title(above) if above else ""
    letterhead = build_letterhead(
        unit,
        parameters={"number": number.split("/")[0] if number else ""},
        doc_type="TỜ TRÌNH",
        doc_code="TTr",
        subject=f"Về việc đề nghị tặng {form_names} cho các {kinds_phrase(kinds)} đã có {achievement}",
        day=day,
        plans=[],
    )
    if number and "/" in number:
        letterhead.number = f"Số: {number}"
    letterhead.recipients = [
        "Như trên",
        *([home_affairs_body(above, on=day)] if above and home_affairs_body(above, on=day) else []),
        ARCHIVE,
    ]
    table = submission_table(nominations)
    return {
        "report": report,
        "nominations": nominations,
        "letterhead": letterhead,
        "addressee": addressee,
        "bases": legal_bases(forms, day),
        "day": day,
        "form_text": form_names,
        "counted": counted_phrase(kinds),
        "achievement": achievement,
        "table": table,
        "scope": DocumentScope(unit),
        "period": DocumentPeriod(round_phrase(round_, year, campaign)),
        "table_list": [table],
    }
