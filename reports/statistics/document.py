"""The statistics as a document of the report registry: the Excel export and a Decree 30 PDF with each form as
a landscape annex. The figures are computed when the document is built; entered cells come from the request."""

from reports.content import document_date
from reports.documents_awards import DocumentPeriod, DocumentScope
from reports.letterhead import build_letterhead
from reports.models import Report
from reports.statistics.compute import compute


def statistics_context(report: Report) -> dict:
    tables = compute(report.unit, report.year, report.parameters.get("entered") or {})
    first, last = (tables[0].first, tables[0].last) if tables else (None, None)
    span = f" (từ ngày {first:%d/%m/%Y} đến ngày {last:%d/%m/%Y})" if first else ""
    subject = f"Số liệu thống kê thi đua, khen thưởng năm {report.year}{span}"
    letterhead = build_letterhead(
        report.unit,
        parameters=report.parameters,
        doc_type="BÁO CÁO",
        doc_code="BC",
        subject=subject,
        day=document_date(report),
        plans=[],
    )
    return {
        "report": report,
        "letterhead": letterhead,
        "forms": tables,
        "year": report.year,
        "scope": DocumentScope(report.unit),
        "period": DocumentPeriod(f"{report.year}{span}"),
        "table_list": [table.as_table() for table in tables],
    }
