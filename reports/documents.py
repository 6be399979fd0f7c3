"""The document kinds the renderer knows: a template and a context builder each, registered in DOCUMENTS.

Adding a kind (the award decision with its annex, the council minutes, the tờ trình, the certificate
sheet) means writing its template under templates/reports/pdf/ and its builder, then one entry here.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from reports import content, documents_awards
from reports.models import Report
from units.text import fold


@dataclass(frozen=True)
class DocumentType:
    template: str
    build_context: Callable[[Report], dict]
    filename: str  # the start of the download's name, ASCII: "bao-cao-nam"


DOCUMENTS: dict[str, DocumentType] = {
    Report.Kind.ANNUAL: DocumentType("reports/pdf/movement_report.html", content.movement_context, "bao-cao-nam"),
    Report.Kind.MIDTERM: DocumentType("reports/pdf/movement_report.html", content.movement_context, "bao-cao-so-ket"),
    Report.Kind.FINAL: DocumentType("reports/pdf/movement_report.html", content.movement_context, "bao-cao-tong-ket"),
    Report.Kind.DECISION: DocumentType("reports/pdf/decision.html", documents_awards.decision_context, "quyet-dinh"),
    Report.Kind.MINUTES: DocumentType("reports/pdf/minutes.html", documents_awards.minutes_context, "bien-ban"),
    Report.Kind.SUBMISSION: DocumentType(
        "reports/pdf/submission.html", documents_awards.submission_context, "to-trinh"
    ),
    Report.Kind.CERTIFICATES: DocumentType(
        "reports/pdf/certificates.html", documents_awards.certificates_context, "giay-khen"
    ),
}


def document_type(report: Report) -> DocumentType:
    try:
        return DOCUMENTS[report.kind]
    except KeyError:
        raise NotImplementedError(f"No renderer for report kind {report.kind!r} yet.") from None


def filename_of(report: Report, extension: str = "pdf") -> str:
    """ "bao-cao-tong-ket-2025-huyen-ha-quang-v2.pdf": ASCII, so every browser and mail client keeps it."""
    stem = DOCUMENTS[report.kind].filename if report.kind in DOCUMENTS else report.kind
    unit = re.sub(r"[^a-z0-9]+", "-", fold(report.unit.name)).strip("-")
    parts = [stem, str(report.year) if report.year else "", unit, f"v{report.version}"]
    return "-".join(part for part in parts if part) + f".{extension}"
