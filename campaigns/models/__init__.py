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
from campaigns.models.targets import Target, TargetYear

__all__ = [
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
    "PlanAmendment",
    "PlanAttachment",
    "PlanBasis",
    "PlanSection",
    "Recognition",
    "RecognitionStatus",
    "Target",
    "TargetYear",
]
