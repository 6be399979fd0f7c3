from campaigns.models.assessments import CriterionResult, Evidence, IndicatorValue, Reminder
from campaigns.models.completion import CompletionCondition
from campaigns.models.criteria import (
    CommuneGroup,
    CommuneGroupNumber,
    CriteriaSet,
    Criterion,
    GroupThreshold,
    Indicator,
    Threshold,
    commune_group_of,
)
from campaigns.models.plans import (
    Campaign,
    Document,
    DocumentKind,
    EmulationSubject,
    Milestone,
    Plan,
    PlanAmendment,
    PlanAttachment,
    PlanBasis,
    PlanSection,
)
from campaigns.models.progress import (
    Assessment,
    Measurement,
    OcopProduct,
    OcopRating,
    Recognition,
    RecognitionStatus,
)
from campaigns.models.publication import PublishedStatus, PublishedYear
from campaigns.models.records import ExemplaryModel, ResourceContribution, VillageYear
from campaigns.models.targets import Target, TargetYear

__all__ = [
    "CompletionCondition",
    "CommuneGroup",
    "CommuneGroupNumber",
    "GroupThreshold",
    "commune_group_of",
    "CriteriaSet",
    "Criterion",
    "CriterionResult",
    "Evidence",
    "ExemplaryModel",
    "Indicator",
    "IndicatorValue",
    "Reminder",
    "ResourceContribution",
    "Threshold",
    "VillageYear",
    "Assessment",
    "Campaign",
    "Document",
    "DocumentKind",
    "EmulationSubject",
    "Measurement",
    "Milestone",
    "OcopProduct",
    "OcopRating",
    "Plan",
    "PublishedStatus",
    "PublishedYear",
    "PlanAmendment",
    "PlanAttachment",
    "PlanBasis",
    "PlanSection",
    "Recognition",
    "RecognitionStatus",
    "Target",
    "TargetYear",
]
