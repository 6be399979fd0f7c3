from awards.models.catalogue import (
    AuthorityLevel,
    AwardForm,
    BaseSalary,
    Evidence,
    GrantRule,
    LegalRegime,
    NomineeKind,
)
from awards.models.councils import AgendaItem, Ballot, CouncilMember, CouncilSession
from awards.models.decisions import Award, Decision, DecisionCounter
from awards.models.nominations import (
    DossierFile,
    Nomination,
    NominationComment,
    NominationEvent,
    NominationType,
    Nominee,
    Round,
)
from awards.models.postings import Holiday, PostingComment, PublicPosting

__all__ = [
    "AgendaItem",
    "AuthorityLevel",
    "Award",
    "AwardForm",
    "BaseSalary",
    "Ballot",
    "CouncilMember",
    "CouncilSession",
    "Decision",
    "DecisionCounter",
    "DossierFile",
    "Evidence",
    "GrantRule",
    "Holiday",
    "LegalRegime",
    "Nomination",
    "NominationComment",
    "NominationEvent",
    "NominationType",
    "Nominee",
    "NomineeKind",
    "PostingComment",
    "PublicPosting",
    "Round",
]
