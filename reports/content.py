"""Context builders: everything a movement report says, computed from the data for its unit and period.

`movement_context(report)` serves the annual report, the sơ kết and the tổng kết alike; only the
period and the subject differ, and the kind's entry in reports.documents.REGISTRY gives them. The PDF
template and the Excel export both read it, so the workbook holds exactly the tables the document prints.
The report need not be saved (the command builds from an unsaved one). A fixed number of queries whatever
the number of units.
"""

import datetime

from django.utils import timezone

from campaigns.models import Campaign
from campaigns.targets.dates import as_of_text
from reports import sections_awards, sections_plan, sections_records
from reports.documents import document_type
from reports.letterhead import build_letterhead
from reports.models import Report
from reports.scope import GROUP_BY_NEW, GROUP_BY_OLD, Scope, campaign_for
from reports.tables import Table

NARRATIVE_KEYS = ("results", "difficulties", "proposals")


def campaign_of(report: Report) -> Campaign | None:
    chosen = report.parameters.get("campaign")
    if chosen:
        found = Campaign.objects.filter(pk=chosen).first()
        if found:
            return found
    return campaign_for(report.unit, report.year)


def document_date(report: Report) -> datetime.date:
    if report.requested_at:
        return timezone.localdate(report.requested_at)
    return timezone.localdate()


def subject_of(report: Report, title: str, period) -> str:
    """The trích yếu under "BÁO CÁO"."""
    values = {"title": title, "year": period.last_year, "period": period.label}
    return str(document_type(report).subject) % values


def movement_context(report: Report) -> dict:
    campaign = campaign_of(report)
    period = document_type(report).period(campaign, report.year)
    grouping = report.parameters.get("grouping") if report.parameters.get("grouping") == GROUP_BY_NEW else None
    scope = Scope.of(report.unit, period, grouping or GROUP_BY_OLD)

    plans = sections_plan.unit_plans(scope, campaign)
    children = sections_plan.child_plans(plans)
    targets = sections_plan.targets_of(plans)
    # A unit without a plan of its own reports on the plan above it, and on the targets naming it.
    above = None if plans else sections_plan.plan_above(scope, campaign)
    if above is not None:
        targets = sections_plan.targets_naming(above, scope)
    main_plan = plans[-1] if plans else above
    results = sections_plan.evaluate(targets, scope)
    timeline = sections_plan.timeline_items(plans, scope)

    matrix_year = sections_records.matrix_year(scope)
    criteria = sections_records.criteria_of(scope, matrix_year)
    matrix, criteria_summary = sections_records.criteria_matrix(scope, criteria, matrix_year)
    by_year, points = sections_records.criteria_by_year(scope, criteria_summary["criteria_count"])
    ocop_stars, ocop_products = sections_records.ocop_tables(scope)
    resources, resources_by_commune = sections_records.resources_tables(scope)
    awards = sections_awards.awards_in(scope, campaign)

    title = main_plan.title if main_plan else (campaign.name if campaign else "")
    tables = [
        sections_plan.plans_table(plans),
        sections_plan.child_plans_table(children),
        sections_plan.targets_table(targets, results, several_plans=len({t.plan_id for t in targets}) > 1),
        sections_plan.timeline_table(timeline),
        sections_records.recognitions_table(scope),
        sections_records.villages_table(scope),
        ocop_stars,
        ocop_products,
        resources,
        resources_by_commune,
        sections_records.models_table(scope),
        sections_awards.by_form_table(awards),
        sections_awards.by_level_table(awards),
        sections_awards.decisions_table(scope),
        sections_awards.nominations_table(scope, campaign),
        matrix,
        by_year,
    ]
    return {
        "report": report,
        "campaign": campaign,
        "period": period,
        "scope": scope,
        "movement_title": title,
        "letterhead": build_letterhead(
            report.unit,
            parameters=report.parameters,
            doc_type="BÁO CÁO",
            doc_code="BC",
            subject=subject_of(report, title, period),
            day=document_date(report),
            plans=plans,
        ),
        "plans": plans,
        "main_plan": main_plan,
        "plan_above": above,
        "cited_plan": sections_plan.cited(main_plan) if main_plan else "",
        "coverage": sections_plan.coverage(plans),
        "as_of_text": as_of_text(sections_plan.as_of(scope)),
        "target_states": sections_plan.target_states(results),
        "timeline_counts": sections_plan.timeline_counts(timeline),
        "criteria_summary": criteria_summary,
        "award_summary": sections_awards.award_summary(awards),
        "charts": sections_records.criteria_charts(criteria, criteria_summary, points, scope),
        "narrative": {key: (report.narrative or {}).get(key, "").strip() for key in NARRATIVE_KEYS},
        "tables": {table.key: table for table in tables},
        "table_list": tables,
    }


def tables_of(context: dict) -> list[Table]:
    """Every table of a built context, in the document's order (the Excel export's sheets)."""
    return context.get("table_list", [])
