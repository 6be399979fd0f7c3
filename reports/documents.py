"""Report kinds as a registry: one DocumentType per kind, listed in REGISTRY.

Adding a kind is one module (its context builder), one template under templates/reports/pdf/ and one
entry here. The request form, the views, the task, the command-line builder, the list page and the
choices of Report.kind all read the registry; none of them branches on a kind's name, and a new kind
needs no migration (its name must fit Report.kind, 12 characters).

Builders are named by dotted path, so that this module imports none of them: the movement builder reads
its kind's period rule and subject from here.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign
from reports.models import Report
from reports.scope import Period, period_of
from units.text import fold

MOVEMENT_TEMPLATE = "reports/pdf/movement_report.html"
MOVEMENT_BUILDER = "reports.content.movement_context"
AWARD_BUILDERS = "reports.documents_awards"


@dataclass(frozen=True)
class DocumentType:
    kind: str  # stored in Report.kind
    label: str | Promise
    template: str
    builder: str  # dotted path of a function Report → template context
    filename: str  # the start of the download's name, ASCII: "bao-cao-nam"
    # How a movement report's period follows from its campaign and year; such kinds are requested on the
    # report form. Award documents have none: their decision or council session dates them.
    period: Callable[[Campaign | None, int | None], Period] | None = None
    needs_year: bool = False  # the form asks for the year (the period rule cannot set it)
    subject: str | Promise = ""  # a movement report's trích yếu: %(title)s, %(year)s, %(period)s

    @property
    def build_context(self) -> Callable[[Report], dict]:
        return import_string(self.builder)

    @property
    def on_form(self) -> bool:
        return self.period is not None


def programme_period(kind: str, campaign: Campaign | None, year: int | None) -> Period:
    """The period rule of the movement reports, as reports.scope states it."""
    return period_of(kind, year, campaign)


REGISTRY: dict[str, DocumentType] = {
    entry.kind: entry
    for entry in (
        DocumentType(
            Report.Kind.ANNUAL,
            _("Annual report"),
            MOVEMENT_TEMPLATE,
            MOVEMENT_BUILDER,
            "bao-cao-nam",
            period=partial(programme_period, Report.Kind.ANNUAL),
            needs_year=True,
            subject=_("Results of the emulation movement “%(title)s” in %(year)s"),
        ),
        DocumentType(
            Report.Kind.MIDTERM,
            _("Mid-term review (sơ kết)"),
            MOVEMENT_TEMPLATE,
            MOVEMENT_BUILDER,
            "bao-cao-so-ket",
            period=partial(programme_period, Report.Kind.MIDTERM),
            subject=_("Mid-term review of the emulation movement “%(title)s”, %(period)s"),
        ),
        DocumentType(
            Report.Kind.FINAL,
            _("Final review (tổng kết)"),
            MOVEMENT_TEMPLATE,
            MOVEMENT_BUILDER,
            "bao-cao-tong-ket",
            period=partial(programme_period, Report.Kind.FINAL),
            subject=_("Final review of the emulation movement “%(title)s”, %(period)s"),
        ),
        DocumentType(
            Report.Kind.DECISION,
            _("Award decision with its annex"),
            "reports/pdf/decision.html",
            f"{AWARD_BUILDERS}.decision_context",
            "quyet-dinh",
        ),
        DocumentType(
            Report.Kind.MINUTES,
            _("Council minutes"),
            "reports/pdf/minutes.html",
            f"{AWARD_BUILDERS}.minutes_context",
            "bien-ban",
        ),
        DocumentType(
            Report.Kind.SUBMISSION,
            _("Submission (tờ trình) with its nominees"),
            "reports/pdf/submission.html",
            f"{AWARD_BUILDERS}.submission_context",
            "to-trinh",
        ),
        DocumentType(
            Report.Kind.CERTIFICATES,
            _("Certificate print sheet"),
            "reports/pdf/certificates.html",
            f"{AWARD_BUILDERS}.certificates_context",
            "giay-khen",
        ),
        DocumentType(
            Report.Kind.CERTIFICATE_BATCH,
            _("Certificates of several decisions"),
            "reports/pdf/certificates_batch.html",
            "reports.documents_certificates.batch_certificates_context",
            "giay-khen-nhieu-quyet-dinh",
        ),
        DocumentType(
            Report.Kind.STATISTICS,
            _("Emulation statistics"),
            "reports/pdf/statistics.html",
            "reports.statistics.document.statistics_context",
            "thong-ke-thi-dua-khen-thuong",
        ),
    )
}


def document_type(report: Report) -> DocumentType:
    try:
        return REGISTRY[report.kind]
    except KeyError:
        raise NotImplementedError(f"No renderer for report kind {report.kind!r} yet.") from None


def form_kinds() -> list[tuple[str, str]]:
    """The kinds the report form offers: those with a period rule, in the registry's order."""
    return [(entry.kind, entry.label) for entry in REGISTRY.values() if entry.on_form]


def title_of(report: Report) -> str:
    """ "Annual report 2024": a movement report names its year, an award document its own number."""
    entry = REGISTRY.get(report.kind)
    if entry is None:
        return report.kind
    return f"{entry.label} {report.year}" if entry.on_form and report.year else str(entry.label)


def filename_of(report: Report, extension: str = "pdf") -> str:
    """ "bao-cao-tong-ket-2025-huyen-ha-quang-v2.pdf": ASCII, so every browser and mail client keeps it."""
    stem = REGISTRY[report.kind].filename if report.kind in REGISTRY else report.kind
    unit = re.sub(r"[^a-z0-9]+", "-", fold(report.unit.name)).strip("-")
    parts = [stem, str(report.year) if report.year else "", unit, f"v{report.version}"]
    return "-".join(part for part in parts if part) + f".{extension}"
