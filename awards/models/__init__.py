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
    "LegalRegime",
    "Nomination",
    "NominationComment",
    "NominationEvent",
    "NominationType",
    "Nominee",
    "NomineeKind",
    "Round",
]
