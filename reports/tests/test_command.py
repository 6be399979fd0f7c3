"""manage.py build_report: resolves the unit, writes the PDF, prints its path and page count."""

import io

import pypdf
import pytest
from django.core.management import CommandError, call_command

from reports.models import Report
from units.models import CodeScheme, Kind

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("build_report", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_writes_a_pdf_and_prints_its_page_count(district_with_plan, tmp_path):
    path = tmp_path / "out" / "bao-cao.pdf"
    reports_before = Report.objects.count()

    out, _err = run("--unit", "R900", "--kind", "annual", "--year", "2024", "--out", str(path))

    pages = len(pypdf.PdfReader(path).pages)
    assert out.strip() == f"{path} ({pages} pages)"
    assert "HUYỆN THỬ NGHIỆM" in pypdf.PdfReader(path).pages[0].extract_text()
    assert Report.objects.count() == reports_before  # an operator's build leaves no record behind


def test_an_ambiguous_code_prefers_the_current_scheme_and_says_so(district_with_plan, make_unit, tmp_path):
    make_unit("Tỉnh Thử", Kind.PROVINCE, code="R90", code_scheme=CodeScheme.Y2025)

    out, err = run("--unit", "R90", "--kind", "final", "--out", str(tmp_path / "a.pdf"))

    assert "Code R90 names 2 units; using Tỉnh Thử [2025-07:R90" in err
    assert "legacy:R90" in err
    assert out.endswith("pages)\n")


def test_a_scheme_prefix_picks_the_legacy_unit(district_with_plan, make_unit, tmp_path):
    make_unit("Tỉnh Thử", Kind.PROVINCE, code="R90", code_scheme=CodeScheme.Y2025)

    _out, err = run("--unit", "legacy:R90", "--kind", "midterm", "--out", str(tmp_path / "b.pdf"))

    assert err == ""
    assert "TỈNH THỬ" in pypdf.PdfReader(tmp_path / "b.pdf").pages[0].extract_text()


def test_an_exact_name_matching_several_units_is_refused_with_the_list(district_with_plan, make_unit, tmp_path):
    make_unit("Huyện Thử Nghiệm", Kind.DISTRICT, code="R901", code_scheme=CodeScheme.LEGACY)

    with pytest.raises(CommandError) as error:
        run("--unit", "Huyện Thử Nghiệm", "--kind", "final", "--out", str(tmp_path / "c.pdf"))

    assert "2 units are named 'Huyện Thử Nghiệm'" in str(error.value)
    assert "legacy:R900" in str(error.value) and "legacy:R901" in str(error.value)
    assert not (tmp_path / "c.pdf").exists()


def test_an_exact_name_finds_the_unit(district_with_plan, tmp_path):
    out, _err = run("--unit", "huyện thử nghiệm", "--kind", "final", "--out", str(tmp_path / "d.pdf"))

    assert "(" in out and (tmp_path / "d.pdf").read_bytes()[:4] == b"%PDF"


def test_an_annual_report_needs_a_year(district_with_plan, tmp_path):
    with pytest.raises(CommandError, match="--year is required"):
        run("--unit", "R900", "--kind", "annual", "--out", str(tmp_path / "e.pdf"))


def test_an_unknown_unit_is_an_error(db, tmp_path):
    with pytest.raises(CommandError, match="No province, district, commune or agency"):
        run("--unit", "Xã Không Có", "--kind", "final", "--out", str(tmp_path / "f.pdf"))
