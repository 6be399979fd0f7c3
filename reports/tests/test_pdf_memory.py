"""The PDF build pauses the cyclic garbage collector while WeasyPrint works, and always gives it back."""

import gc

import pytest

from reports import pdf
from reports.models import Report
from reports.pdf import cyclic_gc_paused, render_pdf


@pytest.fixture
def gc_enabled():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_weasyprint_lays_out_and_writes_with_the_collector_paused_and_it_runs_again_after(
    district_with_plan, gc_enabled, monkeypatch
):
    seen = []
    original_render = pdf.HTML.render

    def render(self, *args, **kwargs):
        seen.append(("render", gc.isenabled()))
        document = original_render(self, *args, **kwargs)
        original_write = document.write_pdf

        def write(*write_args, **write_kwargs):
            seen.append(("write", gc.isenabled()))
            return original_write(*write_args, **write_kwargs)

        document.write_pdf = write
        return document

    monkeypatch.setattr(pdf.HTML, "render", render)
    report = Report(kind=Report.Kind.ANNUAL, unit=district_with_plan.district, year=2024, language="vi")

    rendered = render_pdf(report)

    assert rendered.content.startswith(b"%PDF")
    assert seen == [("render", False), ("write", False)]
    assert gc.isenabled()


def test_the_collector_runs_again_after_a_failed_build(gc_enabled):
    with pytest.raises(ValueError), cyclic_gc_paused():
        assert not gc.isenabled()
        raise ValueError("layout failed")

    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused(gc_enabled):
    gc.disable()

    with cyclic_gc_paused():
        pass

    assert not gc.isenabled()
