from awards.models.catalogue import AuthorityLevel, AwardForm, LegalRegime, NomineeKind
from awards.models.councils import AgendaItem, Ballot, CouncilMember, CouncilSession
from awards.models.decisions import Award, Decision, DecisionCounter
from awards.models.nominations import DossierFile, Nomination, NominationEvent, NominationType, Nominee, Round

__all__ = [
    "AgendaItem",
    "AuthorityLevel",
    "Award",
    "AwardForm",
    "Ballot",
    "CouncilMember",
    "CouncilSession",
    "Decision",
    "DecisionCounter",
    "DossierFile",
    "LegalRegime",
    "Nomination",
    "NominationEvent",
    "NominationType",
    "Nominee",
    "NomineeKind",
    "Round",
]
