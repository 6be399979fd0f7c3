"""Demo step for `manage.py load_demo`: nominations at every stage, the council sessions and the issued decisions.

Most of it happens at huyện Hà Quảng before 07/2025 (communes → district council → Giấy khen of the district
chairman, or forwarded to the province): the 2023 and 2024 rounds decided, a June 2025 session still open.
After 07/2025 the district's files went to Tỉnh Cao Bằng (2025), whose council sends a Bằng khen of the Prime
Minister to the central level, and Xã Trường Hà (2025) proposes to the province directly. Names of people
are made up.

The nominations go through the services, so their events and history are those of the real workflow; the
events are then dated on the day each step happened. Every row is found again by a natural key (a
nomination by its proposer, nominee, award and round) and nothing is replayed for a row that exists, so a
second run changes nothing. Room is left for the walk-through: no nomination of Xã Trường Hà (before
07/2025) or of its villages in the 2024 annual round.
"""

import datetime
from collections import Counter
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile

from awards import services
from awards.catalogue import load_catalogue
from awards.forms_council import legal_basis_for
from awards.models import (
    AwardForm,
    CouncilMember,
    CouncilSession,
    Decision,
    DossierFile,
    Nomination,
    NominationEvent,
    NominationType,
    Nominee,
    NomineeKind,
    Round,
)
from campaigns.demo.data.documents import CAMPAIGN
from campaigns.demo.data.ha_quang import PLAN as HA_QUANG_PLAN
from campaigns.models import Campaign, Plan
from units.demo import demo_unit
from units.models import CodeScheme, User

D = datetime.date
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
LEGACY, Y2025 = CodeScheme.LEGACY, CodeScheme.Y2025
HA_QUANG, CAO_BANG = (LEGACY, "045"), (Y2025, "04")
TRUONG_HA, NGOC_DAO, TRUONG_HA_2025 = (LEGACY, "01399"), (LEGACY, "01438"), (Y2025, "01392")
BAN_DAN_TOC = "Ban Dân tộc tỉnh Cao Bằng"

GIAY_KHEN_HUYEN = "Giấy khen của Chủ tịch UBND huyện"
BANG_KHEN_TINH = "Bằng khen của Chủ tịch UBND tỉnh"
BANG_KHEN_TTG = "Bằng khen của Thủ tướng Chính phủ"
GIAY_KHEN_CO_QUAN = "Giấy khen của Thủ trưởng cơ quan, đơn vị"

# Who acts for a unit: the proposer's officer, or the Home Affairs of the reviewing level.
ACCOUNTS = {
    TRUONG_HA: "xa.truongha",
    NGOC_DAO: "xa.ngocdao",
    HA_QUANG: "noivu.haquang",
    CAO_BANG: "tinh.caobang",
    BAN_DAN_TOC: "bandantoc.caobang",
}

HA_QUANG_MEMBERS = [
    ("Nông Văn Toàn", "Chủ tịch UBND huyện", CouncilMember.Role.CHAIR, None),
    ("Lương Văn Dũng", "Phó Chủ tịch UBND huyện", CouncilMember.Role.VICE_CHAIR, "lanhdao.haquang"),
    ("Bế Thị Nga", "Trưởng phòng Nội vụ", CouncilMember.Role.VICE_CHAIR, None),
    ("Hoàng Văn Quân", "Trưởng phòng Nông nghiệp và PTNT", CouncilMember.Role.MEMBER, None),
    ("Lý Văn Pao", "Chủ tịch Ủy ban MTTQ Việt Nam huyện", CouncilMember.Role.MEMBER, None),
    ("Hoàng Văn Thắng", "Chuyên viên Phòng Nội vụ", CouncilMember.Role.SECRETARY, "noivu.haquang"),
]
CAO_BANG_MEMBERS = [
    ("Đinh Văn Lâm", "Phó Chủ tịch UBND tỉnh", CouncilMember.Role.CHAIR, None),
    ("Bế Văn Thành", "Giám đốc Sở Nội vụ", CouncilMember.Role.VICE_CHAIR, None),
    ("Hoàng Thị Mai", "Trưởng Ban Thi đua - Khen thưởng, Sở Nội vụ", CouncilMember.Role.MEMBER, None),
    ("Lương Văn Chung", "Giám đốc Sở Nông nghiệp và Môi trường", CouncilMember.Role.MEMBER, None),
    ("Nông Thị Hạnh", "Chuyên viên Ban Thi đua - Khen thưởng", CouncilMember.Role.SECRETARY, "tinh.caobang"),
]

SESSIONS = {
    "hq2023": {
        "unit": HA_QUANG,
        "title": "Phiên họp Hội đồng Thi đua - Khen thưởng huyện xét khen thưởng năm 2023",
        "date": D(2023, 12, 20),
        "place": "Phòng họp UBND huyện Hà Quảng",
        "members": HA_QUANG_MEMBERS,
        "minutes": "Hội đồng họp đủ 5/5 thành viên. Thống nhất đề nghị Chủ tịch UBND huyện tặng Giấy khen cho 03 "
        "tập thể, cá nhân; Xóm Hồng Việt chưa đủ điều kiện (tiêu chí thu nhập chưa đạt).",
    },
    "hq2024": {
        "unit": HA_QUANG,
        "title": "Phiên họp Hội đồng Thi đua - Khen thưởng huyện xét khen thưởng năm 2024",
        "date": D(2024, 12, 18),
        "place": "Phòng họp UBND huyện Hà Quảng",
        "members": HA_QUANG_MEMBERS,
        "minutes": "Hội đồng họp đủ 5/5 thành viên; đồng chí Lý Văn Pao xin không biểu quyết hồ sơ hộ bà Lý Thị Mai "
        "(người thân). Thống nhất tặng Giấy khen cho 03 tập thể, hộ gia đình; đề nghị Chủ tịch UBND tỉnh "
        "tặng Bằng khen cho 01 cá nhân.",
    },
    "hq2025": {  # still open: one file waits for its vote
        "unit": HA_QUANG,
        "title": "Phiên họp Hội đồng Thi đua - Khen thưởng huyện xét khen thưởng tổng kết 2021-2025 (đợt 1)",
        "date": D(2025, 6, 10),
        "place": "Phòng họp UBND huyện Hà Quảng",
        "members": HA_QUANG_MEMBERS,
        "minutes": None,
    },
    "cb2025": {
        "unit": CAO_BANG,
        "title": "Phiên họp Hội đồng Thi đua - Khen thưởng tỉnh xét đề nghị khen thưởng cấp Nhà nước",
        "date": D(2025, 10, 15),
        "place": "Phòng họp số 1, UBND tỉnh Cao Bằng",
        "members": CAO_BANG_MEMBERS,
        "secret_ballot": True,  # a State or Government form: its dossier carries the secret-ballot result
        "minutes": "Hội đồng thống nhất trình Thủ tướng Chính phủ tặng Bằng khen cho Xã Ngọc Đào (nay là Xã Hà "
        "Quảng) vì thành tích tiêu biểu trong phong trào giai đoạn 2021-2025.",
    },
}

# Ballots of the voting members in their order: A agree, X disagree, B abstain, C conflict of interest.
ALL_AGREE = "AAAAA"
VOTES = {"A": "agree", "X": "disagree", "B": "abstain", "C": "conflict"}

GK, BK, TTG = GIAY_KHEN_HUYEN, BANG_KHEN_TINH, BANG_KHEN_TTG
C, P, H, E = NomineeKind.COLLECTIVE, NomineeKind.INDIVIDUAL, NomineeKind.HOUSEHOLD, NomineeKind.ENTERPRISE
MERIT, CAMPAIGN_TYPE = NominationType.MERIT, NominationType.CAMPAIGN

# Steps: (action, argument, date); a date of None takes the default (_default_date).
SUBMIT, APPRAISE = ("submit", None, None), ("appraise", None, None)
PASSED_AT = {key: [SUBMIT, APPRAISE, ("agenda", key, None), ("vote", ALL_AGREE, None)] for key in ("hq2023", "hq2024")}

# (proposer, nominee (kind, unit, name or None for the unit's name, position), award, type, round, year,
#  tờ trình (number, date), achievements, steps). One row a line, as a table: the formatter would stack
#  every field on a line of its own.
# fmt: off
NOMINATIONS = [
    (NGOC_DAO, (H, "Xóm Nà Giàng", "Triệu Văn Páo", ""), GK, CAMPAIGN_TYPE, Round.AD_HOC, 2025, ("", D(2025, 6, 20)),
     "Hộ gia đình tự nguyện hiến 320 m² đất và góp 15 ngày công làm đường bê tông xóm Nà Giàng.",
     []),
    (NGOC_DAO, (P, "Xóm Phù Ngọc", "Hoàng Văn Sình", "Nông dân, xóm Phù Ngọc"), GK, CAMPAIGN_TYPE, Round.AD_HOC, 2025,
     ("45/TTr-UBND", D(2025, 6, 16)),
     "Tự nguyện hiến 450 m² đất nông nghiệp để mở rộng đường liên xóm Phù Ngọc - Bản Sao, không nhận bồi thường.",
     [SUBMIT]),
    (NGOC_DAO, (E, "Công ty TNHH Chè Shan tuyết Ngọc Đào", None, ""), GK, MERIT, Round.ANNUAL, 2024,
     ("21/TTr-UBND", D(2025, 3, 12)),
     "Sản phẩm chè Shan tuyết đạt OCOP 4 sao năm 2024; liên kết bao tiêu cho 120 hộ trồng chè trên địa bàn xã.",
     [SUBMIT, APPRAISE]),
    (TRUONG_HA, (C, "Xóm Pác Bó", None, ""), GK, MERIT, Round.MIDTERM, 2023, ("38/TTr-UBND", D(2023, 10, 5)),
     "Xóm đạt chuẩn nông thôn mới; 100% hộ dùng nước hợp vệ sinh; đường xóm được cứng hóa.",
     [SUBMIT, APPRAISE, ("return", "Báo cáo thành tích chưa nêu số liệu các tiêu chí xóm nông thôn mới đã đạt; "
                                   "đề nghị bổ sung biên bản họp xét của xóm.", None)]),
    (NGOC_DAO, (C, "Xóm Đào Ngạn", None, ""), GK, MERIT, Round.ANNUAL, 2024, ("40/TTr-UBND", D(2025, 5, 28)),
     "Xóm đạt chuẩn nông thôn mới kiểu mẫu năm 2024; thu nhập bình quân 52 triệu đồng/người/năm.",
     [SUBMIT, APPRAISE, ("agenda", "hq2025", None)]),
    (TRUONG_HA, (E, "Hợp tác xã Nông nghiệp Pác Bó", None, ""), GK, MERIT, Round.ANNUAL, 2024,
     ("52/TTr-UBND", D(2024, 11, 25)),
     "Hợp tác xã liên kết 85 hộ trồng lạc đỏ; sản phẩm lạc Pác Bó đạt OCOP 3 sao năm 2024.",
     PASSED_AT["hq2024"]),
    (TRUONG_HA, (C, TRUONG_HA, None, ""), GK, MERIT, Round.ANNUAL, 2023, ("47/TTr-UBND", D(2023, 11, 20)),
     "Xã đạt chuẩn nông thôn mới năm 2023 (19/19 tiêu chí); huy động nhân dân hiến 12.500 m² đất làm đường.",
     PASSED_AT["hq2023"]),
    (TRUONG_HA, (C, "Xóm Nà Mạ", None, ""), GK, MERIT, Round.ANNUAL, 2023, ("47/TTr-UBND", D(2023, 11, 20)),
     "Xóm đạt chuẩn nông thôn mới năm 2023; nhà văn hóa xóm và đường nội xóm hoàn thành bằng sức dân.",
     [SUBMIT, APPRAISE, ("agenda", "hq2023", None), ("vote", "AAAAX", None)]),
    (TRUONG_HA, (P, "Xóm Cốc Sâu", "Nông Văn Thào", "Nông dân, xóm Cốc Sâu"), GK, CAMPAIGN_TYPE, Round.ANNUAL, 2023,
     ("47/TTr-UBND", D(2023, 11, 20)),
     "Tự nguyện hiến 600 m² đất và tháo dỡ tường rào để mở rộng đường vào xóm Cốc Sâu.",
     PASSED_AT["hq2023"]),
    (TRUONG_HA, (C, "Xóm Hồng Việt", None, ""), GK, MERIT, Round.ANNUAL, 2023, ("47/TTr-UBND", D(2023, 11, 20)),
     "Xóm hoàn thành 4/5 chỉ tiêu xóm nông thôn mới năm 2023.",
     [SUBMIT, APPRAISE, ("agenda", "hq2023", None), ("vote", "AAXXB", None)]),
    (NGOC_DAO, (C, NGOC_DAO, None, ""), GK, MERIT, Round.ANNUAL, 2024, ("50/TTr-UBND", D(2024, 11, 28)),
     "Xã đạt chuẩn nông thôn mới nâng cao năm 2024; 3 sản phẩm OCOP; tỷ lệ hộ nghèo còn 4,2%.",
     PASSED_AT["hq2024"]),
    (NGOC_DAO, (H, "Xóm Bản Sao", "Lý Thị Mai", ""), GK, MERIT, Round.ANNUAL, 2024, ("50/TTr-UBND", D(2024, 11, 28)),
     "Hộ gia đình tiêu biểu phát triển kinh tế vườn đồi, chỉnh trang nhà ở và vườn mẫu.",
     [SUBMIT, APPRAISE, ("agenda", "hq2024", None), ("vote", "AAAAC", None)]),
    # Passed in 12/2024, handed over to the province with the district's files after the reform.
    (NGOC_DAO, (P, NGOC_DAO, "Triệu Thị Hồng", "Chủ tịch UBND xã Ngọc Đào"), BK, MERIT, Round.ANNUAL, 2024,
     ("51/TTr-UBND", D(2024, 11, 28)),
     "Chỉ đạo xã đạt chuẩn nông thôn mới nâng cao năm 2024; hoàn thành xuất sắc nhiệm vụ 3 năm liên tục.",
     [*PASSED_AT["hq2024"], ("forward", None, D(2025, 7, 15))]),
    # District council → province council → the central level (outside the app).
    (NGOC_DAO, (C, NGOC_DAO, None, ""), TTG, MERIT, Round.FINAL, 2025, ("42/TTr-UBND", D(2025, 5, 30)),
     "Tổng kết 2021-2025: xã nông thôn mới nâng cao; thu nhập bình quân tăng từ 28 lên 49 triệu đồng/người/năm.",
     [SUBMIT, APPRAISE, ("agenda", "hq2025", None), ("vote", ALL_AGREE, None), ("forward", None, D(2025, 7, 15)),
      ("appraise", None, D(2025, 7, 22)), ("agenda", "cb2025", None), ("vote", "AAAA", None),
      ("forward", None, D(2025, 10, 24))]),
    (HA_QUANG, (P, HA_QUANG, "Nông Văn Khánh", "Trưởng phòng Nông nghiệp và PTNT huyện Hà Quảng"), BK, MERIT,
     Round.FINAL, 2025, ("88/TTr-UBND", D(2025, 6, 25)),
     "Tham mưu tổ chức thực hiện phong trào giai đoạn 2021-2025; huyện có 9 xã đạt chuẩn nông thôn mới.",
     [SUBMIT, ("close_dissolved", "Huyện Hà Quảng chấm dứt hoạt động từ 01/07/2025; không xét khen thưởng theo "
                                  "Thông tư 15/2025/TT-BNV.", D(2025, 7, 10))]),
    (TRUONG_HA_2025, (C, TRUONG_HA_2025, None, ""), BK, MERIT, Round.FINAL, 2025, ("15/TTr-UBND", D(2025, 9, 15)),
     "Tổng kết 2021-2025: các xã cũ Trường Hà, Sóc Hà, Quý Quân và thị trấn Xuân Hòa đều đạt chuẩn nông thôn mới.",
     [SUBMIT, APPRAISE]),
    (BAN_DAN_TOC, (P, "Phòng Chính sách", "Lục Văn Tuấn", "Chuyên viên Phòng Chính sách"), GIAY_KHEN_CO_QUAN, MERIT,
     Round.ANNUAL, 2024, ("", D(2024, 12, 10)),
     "Tham mưu thực hiện chính sách hỗ trợ sản xuất cho đồng bào vùng biên giới năm 2024.",
     []),
]
# fmt: on

# (issuing unit, session, date, signer, signer's title, nominees by name): issued once their votes are in.
DECISIONS = [
    (HA_QUANG, "hq2023", D(2023, 12, 28), "Nông Văn Toàn", "Chủ tịch", ["Xã Trường Hà", "Xóm Nà Mạ", "Nông Văn Thào"]),
    (
        HA_QUANG,
        "hq2024",
        D(2024, 12, 26),
        "Lương Văn Dũng",
        "KT. Chủ tịch - Phó Chủ tịch",
        ["Xã Ngọc Đào", "Lý Thị Mai"],
    ),
]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"  # placeholder dossier files
DOSSIER = [("submission", "Tờ trình đề nghị khen thưởng"), ("achievement_report", "Báo cáo thành tích")]


def load_awards() -> Counter:
    tally = load_catalogue()
    context = {
        "campaign": Campaign.objects.get(name=CAMPAIGN["name"]),
        "plan": Plan.objects.filter(number=HA_QUANG_PLAN["number"]).first(),
        "forms": {form.name: form for form in AwardForm.objects.all()},
        "accounts": {user.username: user for user in User.objects.filter(username__in=_usernames())},
    }
    sessions = {key: _session(tally, key, data, context) for key, data in SESSIONS.items()}
    for row in NOMINATIONS:
        _nomination(tally, row, sessions, context)
    for key, session in sessions.items():
        minutes = SESSIONS[key]["minutes"]
        if session.is_new and minutes:
            services.close_session(session, minutes=minutes, by=_account(context, SESSIONS[key]["unit"]))
    for row in DECISIONS:
        _decision(tally, row, sessions, context)
    return tally


def _usernames() -> set[str]:
    people = [row[3] for row in HA_QUANG_MEMBERS + CAO_BANG_MEMBERS if row[3]]
    return {*ACCOUNTS.values(), *people}


def _account(context, ref) -> User | None:
    return context["accounts"].get(ACCOUNTS.get(ref, ""))


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(9), tzinfo=TZ)


def _session(tally, key, data, context) -> CouncilSession:
    unit = demo_unit(data["unit"])
    session = CouncilSession.objects.filter(council_unit=unit, date=data["date"], title=data["title"]).first()
    if session is not None:
        tally["unchanged"] += 1
        session.is_new = False
        return session
    people = [
        {"name": name, "position": position, "role": role, "user": context["accounts"].get(username)}
        for name, position, role, username in data["members"]
    ]
    session = services.create_council_session(
        council_unit=unit,
        title=data["title"],
        date=data["date"],
        place=data["place"],
        members=people,
        secret_ballot=data.get("secret_ballot", False),
        by=_account(context, data["unit"]),
    )
    CouncilSession.objects.filter(pk=session.pk).update(is_demo=True)
    session.is_new = True
    tally["created"] += 1
    return session


def _nominee(tally, kind, unit_ref, name, position) -> Nominee:
    unit = demo_unit(unit_ref)
    nominee, created = Nominee.objects.get_or_create(
        kind=kind, unit=unit, name=name or unit.name, defaults={"position": position, "is_demo": True}
    )
    tally["created" if created else "unchanged"] += 1
    return nominee


def _nomination(tally, row, sessions, context) -> None:
    proposer_ref, nominee_row, form_name, type_, round_, year, (number, day), achievements, steps = row
    proposer = demo_unit(proposer_ref)
    nominee = _nominee(tally, *nominee_row)
    award_form = context["forms"][form_name]
    key = {
        "proposing_unit": proposer,
        "nominee": nominee,
        "award_form": award_form,
        "round": round_,
        "round_year": year,
    }
    if Nomination.objects.filter(**key).exists():
        tally["unchanged"] += 1
        return
    by = _account(context, proposer_ref)
    nomination = Nomination.objects.create(
        **key,
        campaign=context["campaign"],
        plan=context["plan"] if proposer.path.startswith(demo_unit(HA_QUANG).path) else None,
        type=type_,
        achievements=achievements,
        submission_number=number,
        submission_date=day,
        created_by=by,
        is_demo=True,
    )
    created_at = _at(day - datetime.timedelta(days=3))
    for part, title in DOSSIER:
        file = DossierFile(nomination=nomination, part=part, title=title, uploaded_by=by)
        file.file.save(f"{part}.pdf", ContentFile(PDF), save=False)
        file.save()
    nomination.files.update(uploaded_at=created_at)
    Nomination.objects.filter(pk=nomination.pk).update(created_at=created_at)
    nomination.history.all().update(history_date=created_at)
    tally["created"] += 1

    when = day
    for action, argument, date in steps:
        when = date or _default_date(action, argument, when, day)
        _step(nomination, action, argument, sessions, context, proposer_ref, by)
        _backdate(nomination, _at(when))


def _default_date(action, argument, previous: datetime.date, submitted: datetime.date) -> datetime.date:
    if action == "submit":
        return submitted
    if action == "agenda":
        return SESSIONS[argument]["date"]
    if action == "vote":
        return previous
    return previous + datetime.timedelta(days=4)


def _step(nomination, action, argument, sessions, context, proposer_ref, by) -> None:
    nomination.refresh_from_db()
    reviewer = context["accounts"].get(_reviewer_username(nomination))
    if action == "submit":
        services.submit_nomination(nomination, by=by)
    elif action == "appraise":
        services.start_appraisal(nomination, by=reviewer)
    elif action == "return":
        services.return_nomination(nomination, by=reviewer, reason=argument)
    elif action == "agenda":
        services.put_on_agenda(nomination, session=sessions[argument], by=reviewer)
    elif action == "vote":
        item = nomination.agenda_items.select_related("session").order_by("-pk").first()
        if item.session.secret_ballot:  # only the totals are known
            agree, disagree, abstain, conflicts = (argument.count(letter) for letter in "AXBC")
            services.record_tally(
                item, agree=agree, disagree=disagree, abstain=abstain, conflicts=conflicts, by=reviewer
            )
        else:
            voters = [member for member in item.session.members.order_by("pk") if member.votes]
            votes = {member.pk: VOTES[letter] for member, letter in zip(voters, argument, strict=True)}
            services.record_votes(item, votes=votes, by=reviewer)
    elif action == "forward":
        services.forward_nomination(nomination, by=reviewer)
    elif action == "close_dissolved":
        services.close_dissolved(nomination, by=_account(context, proposer_ref), note=argument)
    else:
        raise ValueError(action)


def _reviewer_username(nomination) -> str:
    unit = nomination.reviewer_unit
    refs = {demo_unit(ref).pk: username for ref, username in ACCOUNTS.items() if ref in (HA_QUANG, CAO_BANG)}
    return refs.get(unit.pk, "") if unit else ""


def _backdate(nomination, at: datetime.datetime) -> None:
    """Date the step just taken on the day it happened: its event, its history record, a return."""
    event = NominationEvent.objects.filter(nomination=nomination).order_by("-pk").first()
    NominationEvent.objects.filter(pk=event.pk).update(at=at)
    record = nomination.history.order_by("-history_id").first()
    nomination.history.filter(history_id=record.history_id).update(history_date=at)
    Nomination.objects.filter(pk=nomination.pk, status=Nomination.Status.RETURNED).update(returned_at=at)
    Nomination.objects.filter(pk=nomination.pk).update(updated_at=at)


def _decision(tally, row, sessions, context) -> None:
    unit_ref, session_key, day, signer_name, signer_title, names = row
    unit, session = demo_unit(unit_ref), sessions[session_key]
    nominations = list(
        Nomination.objects.filter(agenda_items__session=session, nominee__name__in=names, is_demo=True).distinct()
    )
    if len(nominations) != len(names) or any(n.status != Nomination.Status.APPROVED for n in nominations):
        tally["unchanged"] += 1  # issued by an earlier run, or someone moved a file on since
        return
    decision = services.issue_decision(
        nominations,
        issuing_unit=unit,
        date=day,
        signer_name=signer_name,
        signer_title=signer_title,
        # the text the issuing page pre-fills
        legal_basis=legal_basis_for(day, [session], award_form=nominations[0].award_form),
        by=_account(context, unit_ref),
        session=session,
    )
    Decision.objects.filter(pk=decision.pk).update(is_demo=True)
    decision.awards.update(is_demo=True)
    for nomination in nominations:
        _backdate(nomination, _at(day))
    tally["created"] += 1
