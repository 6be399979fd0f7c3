"""Fixtures for the council, decision and verification pages: a test module loads them with
`pytest_plugins = ["awards.tests.factories_council"]` and `usefixtures("in_english")`.

They build on awards/tests/conftest.py: `tree`, `reviewer` (Home Affairs of the district), `at_district`
(a nomination waiting at the district), `forms`.
"""

import datetime

import pytest
from django.utils import translation

from awards import services
from awards.models import AgendaItem, CouncilMember, CouncilSession, Nomination
from units.models import Role

SESSION_DATE = datetime.date(2025, 4, 15)
DECISION_DATE = datetime.date(2025, 4, 20)

MEMBERS = [
    {"name": "Lương Văn Dũng", "position": "Phó Chủ tịch UBND huyện", "role": CouncilMember.Role.CHAIR},
    {"name": "Hoàng Văn Thắng", "position": "Trưởng phòng Nội vụ", "role": CouncilMember.Role.VICE_CHAIR},
    {"name": "Nông Văn Bình", "position": "Trưởng phòng NN&PTNT", "role": CouncilMember.Role.MEMBER},
    {"name": "Đàm Thị Hoa", "position": "Chuyên viên Phòng Nội vụ", "role": CouncilMember.Role.SECRETARY},
]


@pytest.fixture
def in_english(settings):
    """Messages are asserted in English (the msgids), whatever the Vietnamese catalogue says."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def council_leader(make_user, tree):
    return make_user("leader", (tree.district, Role.LEADER))


@pytest.fixture
def council_reader(make_user, tree):
    return make_user("member", (tree.district, Role.COUNCIL_MEMBER))


@pytest.fixture
def district_clerk(make_user, tree):
    """Sees the district (a membership there) but holds no council role."""
    return make_user("clerk", (tree.district, Role.AGENCY_OFFICER))


@pytest.fixture
def make_council_session(tree, reviewer):
    """Factory: make_council_session(secret_ballot=False, unit=tree.district) with three voters and a secretary."""

    def make(*, unit=None, secret_ballot=False, date=SESSION_DATE, members=MEMBERS, **fields):
        return services.create_council_session(
            council_unit=unit or tree.district,
            title=fields.pop("title", "Phiên họp Hội đồng Thi đua - Khen thưởng huyện"),
            date=date,
            members=[dict(member) for member in members],
            secret_ballot=secret_ballot,
            by=reviewer,
            **fields,
        )

    return make


@pytest.fixture
def council_session(make_council_session):
    return make_council_session()


@pytest.fixture
def on_agenda(at_district, council_session, reviewer):
    """Factory: a nomination of the district's queue put on `session`'s agenda; returns its AgendaItem."""

    def make(target=None, **fields):
        nomination = at_district(**fields)
        return services.put_on_agenda(nomination, session=target or council_session, by=reviewer)

    return make


def vote_everyone(item: AgendaItem, vote: str, *, by) -> AgendaItem:
    voters = [member for member in item.session.members.all() if member.votes]
    return services.record_votes(item, votes={member.pk: vote for member in voters}, by=by)


@pytest.fixture
def passed_nomination(on_agenda, reviewer):
    """Factory: a nomination the district council passed (status approved, waiting for the decision)."""

    def make(**fields) -> Nomination:
        item = vote_everyone(on_agenda(**fields), "agree", by=reviewer)
        item.nomination.refresh_from_db()
        return item.nomination

    return make


@pytest.fixture
def issued_decision(passed_nomination, reviewer, tree):
    """An issued decision of the district granting its Giấy khen to one nomination."""
    nomination = passed_nomination()
    return services.issue_decision(
        [nomination],
        issuing_unit=tree.district,
        date=DECISION_DATE,
        signer_name="Lương Văn Dũng",
        signer_title="Phó Chủ tịch",
        legal_basis="Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;",
        by=reviewer,
        session=CouncilSession.objects.first(),
    )
