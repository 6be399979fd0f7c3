"""Reading uploads: a .docx and a PDF with a text layer give the plan's text; bad files get a clear refusal."""

import io
import json
import zipfile

import docx
import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from weasyprint import HTML

from campaigns.plans.importer import looks_like_a_plan, read_plan
from campaigns.plans.importer.files import MAX_UNPACKED, text_of_bytes, text_of_upload
from campaigns.plans.importer.tests.conftest import FIXTURES, seed


def docx_bytes(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(text: str) -> bytes:
    body = "".join(f"<p>{line}</p>" if line else "<br>" for line in text.splitlines())
    return HTML(string=f"<html><body style='font-size:9pt'>{body}</body></html>").write_pdf()


def test_a_word_file_gives_the_same_draft_as_the_pasted_text():
    text = seed("ha-quang-district-plan-2022")
    upload = SimpleUploadedFile("kh-3254.docx", docx_bytes(text))
    draft = read_plan(text_of_upload(upload))
    assert draft.value("number") == "3254" and draft.value("symbol") == "KH-UBND"
    assert len(draft.lists["targets"]) == len(read_plan(text).lists["targets"])


def test_a_word_file_with_its_header_and_signature_in_tables_is_read_in_order():
    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nHUYỆN HÀ QUẢNG\nSố: 12/KH-UBND"
    header.cell(
        0, 1
    ).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Quảng, ngày 05 tháng 3 năm 2023"
    for line in ["KẾ HOẠCH", "Thực hiện phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” năm 2023",
                 "I. MỤC ĐÍCH, YÊU CẦU", "Phấn đấu đến năm 2025 xã Sóc Hà đạt chuẩn nông thôn mới.",
                 "II. TỔ CHỨC THỰC HIỆN", "Các xã thực hiện./."]:  # fmt: skip
        document.add_paragraph(line)
    signature = document.add_table(rows=1, cols=2)
    signature.cell(0, 0).text = "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT."
    signature.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNông Văn Minh"
    buffer = io.BytesIO()
    document.save(buffer)
    draft = read_plan(text_of_bytes(buffer.getvalue()))
    assert (draft.value("number"), draft.value("symbol"), str(draft.date)) == ("12", "KH-UBND", "2023-03-05")
    assert draft.value("issuing_body") == "UBND huyện Hà Quảng" and draft.value("place") == "Hà Quảng"
    assert (draft.value("signing_mode"), draft.value("signer_title"), draft.value("signer")) == (
        "TM.",
        "Chủ tịch",
        "Nông Văn Minh",
    )
    assert [item.value for item in draft.lists["recipients"]] == ["UBND tỉnh;", "Lưu: VT."]
    assert draft.lists["targets"][0].value["units"] == ["Sóc Hà"]


def test_a_pdf_with_a_text_layer_is_read():
    upload = SimpleUploadedFile("kh.pdf", pdf_bytes(seed("cao-bang-ethnic-committee-plan-2022")))
    draft = read_plan(text_of_upload(upload))
    assert draft.value("symbol") == "KH-BDT"
    assert draft.value("signer") == "Hà Văn Vui"


def test_a_pdf_without_text_says_it_needs_ocr():
    scan = HTML(string="<html><body><div style='width:5cm;height:5cm;background:#000'></div></body></html>").write_pdf()
    with pytest.raises(forms.ValidationError, match="OCR"):
        text_of_upload(SimpleUploadedFile("scan.pdf", scan))


def test_a_word_file_over_the_size_limit_is_refused_before_it_is_read():
    big = SimpleUploadedFile("big.docx", b"PK\x03\x04" + b"0" * (20 * 1024 * 1024))
    with pytest.raises(forms.ValidationError, match="10,0"):
        text_of_upload(big)


def test_a_word_file_that_unpacks_too_far_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (MAX_UNPACKED + 10))
    with pytest.raises(forms.ValidationError, match="30,0"):
        text_of_upload(SimpleUploadedFile("bomb.docx", buffer.getvalue()))


def test_a_file_of_another_kind_is_refused():
    with pytest.raises(forms.ValidationError):
        text_of_upload(SimpleUploadedFile("plan.docx", b"GIF89a not a plan"))


def test_a_text_that_is_not_a_plan_is_recognised():
    assert not looks_like_a_plan(read_plan("Danh sách mua sắm văn phòng phẩm tháng 3\nGiấy A4: 10 ram"))
    assert looks_like_a_plan(read_plan(seed("lang-son-commune-plan-2022")))


def test_plain_text_bytes_are_read_as_utf8():
    assert text_of_bytes("KẾ HOẠCH".encode()) == "KẾ HOẠCH"


@pytest.mark.django_db
def test_import_plan_json_prints_exactly_the_documented_keys(capsys):
    call_command("import_plan", str(FIXTURES / "cao-bang-ethnic-committee-plan-2022.txt"), "--json")
    data = json.loads(capsys.readouterr().out)
    assert list(data) == [
        "kind", "number", "symbol", "date", "place", "issuing_unit", "issuing_body", "title", "subject",
        "parent_plan", "signing_mode", "signer_title", "signer", "legal_bases", "baselines", "targets",
        "timeline", "subjects", "award_forms", "recipients",
    ]  # fmt: skip
    assert list(data["parent_plan"]) == ["number", "symbol", "date", "issuer"]
    assert list(data["legal_bases"][0]) == ["kind", "number", "date", "issuer", "subject"]
    assert list(data["timeline"][0]) == ["text", "year_from", "year_to", "recurring"]
    assert list(data["subjects"][0]) == ["name", "criteria"]


@pytest.mark.django_db
def test_import_plan_json_gives_target_keys_and_saves_nothing(capsys):
    from campaigns.models import Plan

    call_command("import_plan", str(FIXTURES / "ha-quang-district-plan-2022.txt"), "--json")
    data = json.loads(capsys.readouterr().out)
    assert list(data["targets"][0]) == ["text", "type", "value", "year", "units", "by_year"]
    assert list(data["baselines"][0]) == ["text", "value", "year"]
    assert not Plan.objects.filter(number__contains="3254").exists()
