"""The certificates of several decisions in one PDF: a leader signs a round's certificates at one sitting.

The decisions come in the order they were issued (date, then number) and each decision's certificates in the
order of its annex, so the printed stack matches the annexes the clerk checks it against. A batch names its
decisions, or a round of nominations (its year and kind): then it holds every certificate of that round that
the unit's decisions granted, and only those.
"""

from dataclasses import replace

from django.utils.translation import gettext as _

from awards.models import Decision, Round
from reports.documents_awards import DocumentPeriod, DocumentScope, certificates_context
from reports.models import Report
from reports.tables import Column, Row, Table

# What one request may print: a district's largest round held a few dozen decisions.
MAX_DECISIONS = 200


def batch_decisions(report: Report) -> list[Decision]:
    decisions = Decision.objects.filter(issuing_unit=report.unit)
    chosen = report.parameters.get("decisions")
    if chosen is not None:
        decisions = decisions.filter(pk__in=chosen)
    else:
        round_, year = report.parameters["round"], report.parameters["round_year"]
        decisions = decisions.filter(awards__round=round_, awards__round_year=year).distinct()
    queryset = decisions.select_related("issuing_unit__parent", "award_form", "council_session")
    return list(queryset.order_by("date", "number", "pk")[:MAX_DECISIONS])


def in_round(report: Report, awards: list) -> list:
    """A round's batch leaves out the awards of a decision that came from another round."""
    if "round" not in report.parameters:
        return awards
    round_, year = report.parameters["round"], report.parameters["round_year"]
    return [award for award in awards if (award.round, award.round_year) == (round_, year)]


def certificate_list(sheets: list[dict]) -> Table:
    """The printed stack as a table, in print order: what the clerk ticks off as the leader signs."""
    rows, number = [], 0
    for sheet in sheets:
        for award in sheet["awards"]:
            number += 1
            rows.append(Row([number, award.recipient, sheet["decision"].reference, award.serial]))
    return Table(
        key="certificates",
        title=_("Certificates in print order"),
        columns=[Column(_("No."), css="narrow"), Column(_("Name")), Column(_("Decision")), Column(_("Serial"))],
        rows=rows,
        empty_text=_("No awards."),
    )


def batch_certificates_context(report: Report) -> dict:
    sheets = []
    for decision in batch_decisions(report):
        context = certificates_context(report, decision)
        awards = in_round(report, context["awards"])
        if awards:
            sheets.append({**context, "awards": awards})
    if not sheets:
        raise ValueError("None of the decisions of this batch grants a certificate.")
    table = certificate_list(sheets)
    if "round" in report.parameters:
        period = f"{Round(report.parameters['round']).label} {report.parameters['round_year']}"
    else:
        period = ", ".join(sheet["decision"].reference for sheet in sheets)
    # The export's first sheet names the document: the certificates, not the first decision.
    letterhead = replace(sheets[0]["letterhead"], doc_type=sheets[0]["heading"], subject=str(_("Certificates")))
    return {
        "report": report,
        "letterhead": letterhead,
        "sheets": sheets,
        "count": len(table.rows),
        "scope": DocumentScope(report.unit),
        "period": DocumentPeriod(period),
        "table_list": [table],
    }
