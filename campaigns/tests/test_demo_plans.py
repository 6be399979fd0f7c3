import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from awards.models import AwardForm
from campaigns.demo.plans import load_plans
from campaigns.models import (
    Campaign,
    Document,
    EmulationSubject,
    Measurement,
    Milestone,
    Plan,
    PlanBasis,
    PlanSection,
    Recognition,
    RecognitionStatus,
    Target,
    TargetYear,
)
from units.models import CodeScheme, Kind, Unit, User
from units.text import fold

pytestmark = pytest.mark.django_db

HA_QUANG = {"number": "3254/KH-UBND"}
LANG_SON = {"issuer_name": "UBND xã Chi Lăng", "number": ""}
CAO_BANG_ETHNIC = {"number": "/KH-BDT"}
QUANG_TRI = {"number": "1872/QĐ-UBND"}
SEED_PLANS = {"ha-quang": HA_QUANG, "lang-son": LANG_SON, "cao-bang-ethnic": CAO_BANG_ETHNIC, "quang-tri": QUANG_TRI}
AFTER_THE_MOVEMENT = datetime.date(2026, 1, 1)


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """load_demo once for the tests here, rolled back at the end; each test runs in a savepoint inside, so what one
    test changes is gone for the next."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


def plan(key: str) -> Plan:
    return Plan.objects.get(**SEED_PLANS[key])


def legacy(kind: str, code: str) -> Unit:
    return Unit.objects.get(code_scheme=CodeScheme.LEGACY, kind=kind, code=code)


def named(target: Target) -> set[str]:
    return {unit.code for unit in target.units.all()}


def dump() -> dict:
    """Every row the plans step writes, history and many-to-many links included."""
    models = [
        AwardForm,
        Campaign,
        Document,
        Plan,
        PlanBasis,
        PlanSection,
        EmulationSubject,
        Milestone,
        Target,
        TargetYear,
        Recognition,
        Measurement,
        Plan.award_forms.through,
        Target.units.through,
        Plan.history.model,
        PlanSection.history.model,
        Milestone.history.model,
        Target.history.model,
        PlanBasis.history.model,
        EmulationSubject.history.model,
    ]
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in models}


def test_plan_3254_hangs_under_the_cao_bang_plan_and_the_national_plan(demo):
    ha_quang = plan("ha-quang")
    province = ha_quang.parent
    national = province.parent

    assert ha_quang.issuing_unit == legacy(Kind.DISTRICT, "045")
    assert (ha_quang.issue_date, ha_quang.place, ha_quang.status) == (
        datetime.date(2022, 11, 3),
        "Hà Quảng",
        Plan.Status.ISSUED,
    )
    assert (ha_quang.signing_mode, ha_quang.signer_title, ha_quang.signer_name) == ("TM.", "Chủ tịch", "Phạm Xuân Tùng")
    assert (province.number, province.issue_date, province.is_summary) == (
        "2452/KH-UBND",
        datetime.date(2022, 9, 26),
        True,
    )
    assert province.issuing_unit == legacy(Kind.PROVINCE, "04")
    assert (national.number, national.issuer_name, national.issuing_unit) == ("587/QĐ-TTg", "Thủ tướng Chính phủ", None)
    assert ha_quang.campaign == national.campaign
    assert ha_quang.campaign.national_plan == "Quyết định 587/QĐ-TTg ngày 18/5/2022"


def test_the_other_seed_plans_hang_under_the_plans_they_cite(demo):
    assert plan("cao-bang-ethnic").parent.number == "2452/KH-UBND"
    assert plan("cao-bang-ethnic").issuing_unit.name == "Ban Dân tộc tỉnh Cao Bằng"
    assert plan("lang-son").parent.number == "219/KH-UBND"
    assert plan("lang-son").parent.issuing_unit == legacy(Kind.DISTRICT, "187")
    assert plan("lang-son").issuing_unit == legacy(Kind.COMMUNE, "06523")
    assert plan("quang-tri").parent.number == "587/QĐ-TTg"
    assert plan("quang-tri").document_kind == "QD"


def test_ha_quang_targets_name_their_communes_and_years(demo):
    targets = list(plan("ha-quang").targets.all())
    milestones = {
        (frozenset(named(target)), target.status, target.deadline_year)
        for target in targets
        if target.type == Target.Type.UNIT_MILESTONE
    }

    assert len(targets) >= 10
    assert len({target.type for target in targets}) >= 6
    assert milestones == {
        (frozenset({"01399"}), RecognitionStatus.COMMUNE_NTM, 2023),
        (frozenset({"01438"}), RecognitionStatus.COMMUNE_ADVANCED, 2024),
        (frozenset({"01432"}), RecognitionStatus.COMMUNE_NTM, 2024),
        (frozenset({"01375", "01366"}), RecognitionStatus.COMMUNE_NTM, 2025),
    }
    keep = next(target for target in targets if target.type == Target.Type.KEEP_STATUS)
    assert named(keep) == {"01438", "01417", "01384"}


def test_ha_quang_count_criteria_village_and_ocop_targets_carry_their_numbers(demo):
    targets = plan("ha-quang").targets.all()
    by_type = {}
    for target in targets:
        by_type.setdefault(target.type, []).append(target)

    more_ntm = next(t for t in by_type["share"] if t.status == RecognitionStatus.COMMUNE_NTM)
    assert (more_ntm.baseline_value, more_ntm.baseline_year, more_ntm.target_value) == (3, 2022, 7)
    assert {year.year: year.value for year in more_ntm.years.all()} == {2023: 4, 2024: 5, 2025: 7}
    assert by_type["avg_criteria"][0].target_value == Decimal("16.5")
    assert by_type["min_criteria"][0].target_value == 15
    gain = by_type["criteria_gain"][0]
    assert (gain.target_value, gain.target_value_max) == (1, 2)
    villages = {(t.status, t.measure, t.target_value) for t in by_type["share"] if t.unit_kind == Kind.VILLAGE}
    assert villages == {
        (RecognitionStatus.VILLAGE_NTM, Target.Measure.PERCENT, 30),
        (RecognitionStatus.VILLAGE_MODEL, Target.Measure.COUNT, 9),
    }
    ocop = {(t.ocop_stars, t.ocop_level, t.target_value, t.target_value_max) for t in by_type["ocop"]}
    assert ocop == {(3, "province", 2, 3), (2, "district", 2, None)}


def test_quang_tri_targets_keep_the_2022_baseline_and_their_filters(demo):
    targets = list(plan("quang-tri").targets.all())
    communes = next(t for t in targets if t.measure == "percent" and t.status == RecognitionStatus.COMMUNE_NTM)
    villages = next(t for t in targets if t.unit_kind == Kind.VILLAGE)
    income = next(t for t in targets if t.type == Target.Type.RATIO_TO_BASELINE)
    districts = {t.status: (t.baseline_value, t.target_value) for t in targets if t.unit_kind == Kind.DISTRICT}

    assert (communes.baseline_value, communes.baseline_year, communes.target_value) == (Decimal("62.4"), 2022, 80)
    assert villages.only_especially_difficult and villages.only_ethnic_minority and villages.target_value == 40
    assert (income.indicator, income.baseline_year, income.target_value) == ("rural income per head", 2020, 1.5)
    # The text gives no 2022 figure for model districts: no baseline is made up.
    assert districts == {RecognitionStatus.DISTRICT_NTM: (1, 5), RecognitionStatus.DISTRICT_MODEL: (None, 1)}
    assert any(t.type == Target.Type.MINIMUM_CRITERIA and t.target_value == 13 for t in targets)
    assert any(t.only_mountainous and t.unit_kind == Kind.COMMUNE and t.target_value == 9 for t in targets)


def test_the_lang_son_commune_aims_at_advanced_ntm_and_two_to_three_model_areas(demo):
    milestone, model_areas = plan("lang-son").targets.all()

    assert named(milestone) == {"06523"}
    assert (milestone.status, milestone.deadline_year) == (RecognitionStatus.COMMUNE_ADVANCED, 2025)
    assert (model_areas.status, model_areas.target_value, model_areas.target_value_max) == (
        RecognitionStatus.VILLAGE_MODEL,
        2,
        3,
    )


def test_the_ethnic_committee_plan_has_no_targets_and_ties_emulation_to_its_assigned_communes(demo):
    ethnic = plan("cao-bang-ethnic")

    assert not ethnic.targets.exists()
    assert "1177/QĐ-UBND" in ethnic.sections.get(kind=PlanSection.Kind.PURPOSE).body
    # Its subjects (III.1) carry only their own criteria: the assignment is the purpose's, not theirs.
    assert not any("1177/QĐ-UBND" in subject.criteria for subject in ethnic.subjects.all())
    assert (ethnic.signing_mode, ethnic.signer_name) == ("KT.", "Hà Văn Vui")


@pytest.mark.parametrize("key", SEED_PLANS)
def test_every_seed_plan_has_sections_recipients_subjects_award_forms_and_a_timeline(demo, key):
    seed = plan(key)

    assert seed.is_demo and not seed.is_summary
    assert seed.sections.count() >= 6
    assert all(section.body for section in seed.sections.all())
    assert len(seed.recipient_list) >= 2
    assert seed.subjects.exists() == (key != "quang-tri")  # the Quảng Trị plan has no subjects section
    assert seed.award_forms.exists()
    assert seed.milestones.count() >= 3


def test_the_ha_quang_text_has_its_diacritics_back(demo):
    text = "\n".join(seed.body for seed in plan("ha-quang").sections.all())

    assert "nông thôn mới" in text
    assert "Ngọc Đào, Sóc Hà và Lương Can" in text
    assert "nong thon moi" not in text
    assert "\n- Phấn đấu mỗi xã đạt từ 1-2 tiêu chí/xã/năm." in text  # list items keep their "- "


def test_legal_bases_are_shared_documents_in_the_order_the_plan_cites_them(demo):
    resolution = Document.objects.get(number="12-NQ/TU")
    ha_quang_bases = [basis.document.number for basis in plan("ha-quang").bases.select_related("document")]

    assert set(resolution.plans.all()) == {plan("ha-quang"), plan("cao-bang-ethnic")}
    assert ha_quang_bases == [
        "12-NQ/TU",
        "03/2022/NQ-HĐND",
        "867/QĐ-UBND",
        "2683/KH-UBND",
        "2115/KH-UBND",
        "1465/QĐ-UBND",
    ]
    assert plan("quang-tri").legal_bases.count() == 9


def test_each_plan_offers_the_award_forms_it_names(demo):
    def offered(key):
        return set(plan(key).award_forms.values_list("name", flat=True))

    assert "Giấy khen của Chủ tịch UBND huyện" in offered("ha-quang")
    assert "Giấy khen của Chủ tịch UBND xã" in offered("lang-son")
    assert offered("cao-bang-ethnic") >= {"Giấy khen của Thủ trưởng cơ quan, đơn vị"}
    assert "Bằng khen của Chủ tịch UBND tỉnh" in offered("quang-tri")


def test_the_timelines_have_done_items_and_a_few_overdue_ones(demo):
    milestones = Milestone.objects.filter(plan__is_demo=True)
    overdue = [m for m in milestones if m.is_overdue(AFTER_THE_MOVEMENT)]
    reports = plan("quang-tri").milestones.filter(kind=Milestone.Kind.ANNUAL_REPORT)

    assert milestones.filter(done_date__isnull=False).count() > len(overdue) >= 2
    assert {report.due_date for report in reports} == {datetime.date(year, 11, 30) for year in range(2022, 2026)}
    assert plan("quang-tri").milestones.filter(kind=Milestone.Kind.PLEDGE, due_year=2022, due_quarter=3).exists()


def test_the_seed_baselines_are_demo_recognitions_without_decision_numbers(demo):
    before_the_plan = Recognition.objects.filter(
        status=RecognitionStatus.COMMUNE_NTM, decision_date__lt=datetime.date(2022, 11, 3), unit__parent__code="045"
    )

    assert {r.unit.code for r in before_the_plan} == {"01438", "01417", "01384"}
    assert all(r.is_demo and r.decision_number == "" and "Demo" in r.note for r in before_the_plan)


def test_quang_tri_rural_income_is_measured_in_2020_and_later(demo):
    income = Measurement.objects.filter(unit=legacy(Kind.PROVINCE, "45"), indicator="rural income per head")

    assert [m.year for m in income] == [2020, 2024]
    assert all(m.is_demo and "Demo" in m.source for m in income)


def test_a_second_load_demo_changes_nothing(demo):
    before = dump()
    output = load_demo()

    assert dump() == before
    assert "campaigns.demo.plans.load_plans: 0 created, 0 updated" in output


def test_the_loader_leaves_a_real_plan_under_the_same_number_alone():
    load_demo()
    real = plan("ha-quang")
    Plan.objects.filter(pk=real.pk).update(is_demo=False, subject="Entered for real")
    PlanSection.objects.filter(plan=real, order=0).update(body="Edited")

    load_plans()

    real.refresh_from_db()
    assert real.subject == "Entered for real"
    assert real.sections.get(order=0).body == "Edited"


# The demo plans say only what their texts say (issue "Plans from their text", item 6).


def folded(text: str) -> str:
    """Accent- and case-free, one space, "Ủy ban nhân dân" as "UBND": how a name is found in a text."""
    return fold(text).replace("uy ban nhan dan", "ubnd")


def plan_text(seed: Plan) -> str:
    return "\n".join(section.body for section in seed.sections.all())


def every_shown_text(seed: Plan) -> list[str]:
    texts = [seed.number, seed.subject, seed.title, seed.issuer_name, seed.place, seed.recipients, seed.signer_name]
    texts += [f"{section.heading}\n{section.body}" for section in seed.sections.all()]
    texts += [f"{subject.description}\n{subject.criteria}" for subject in seed.subjects.all()]
    texts += [f"{target.description}\n{target.note}" for target in seed.targets.all()]
    texts += [f"{milestone.title}\n{milestone.responsible}" for milestone in seed.milestones.all()]
    return texts


@pytest.mark.parametrize("key", SEED_PLANS)
def test_no_demo_plan_shows_a_mark_of_doubt(demo, key):
    shown = every_shown_text(plan(key))

    assert not [text for text in shown if "(?)" in text]
    assert "Ngọc Đồ" not in "\n".join(shown)


@pytest.mark.parametrize("key", SEED_PLANS)
def test_each_award_form_a_demo_plan_offers_is_named_in_its_text(demo, key):
    seed = plan(key)
    lines = [folded(line) for line in plan_text(seed).splitlines()]

    for name in seed.award_forms.values_list("name", flat=True):
        # "Giấy khen của Chủ tịch UBND huyện, thủ trưởng cơ quan, đơn vị": the form, then who grants it.
        form, _, granted_by = name.partition(" của ")
        by = folded(granted_by.split(",")[0])
        assert any(folded(form) in line and by in line for line in lines), name


def test_no_demo_plan_offers_a_class_of_order_its_text_does_not_name(demo):
    offered = AwardForm.objects.filter(plans__is_demo=True, plans__is_summary=False).values_list("name", flat=True)

    assert "Huân chương Lao động hạng Ba" not in set(offered)
    assert {"Huân chương Lao động"} <= set(plan("ha-quang").award_forms.values_list("name", flat=True))
    assert set(plan("quang-tri").award_forms.values_list("name", flat=True)) == {"Bằng khen của Chủ tịch UBND tỉnh"}
    assert set(plan("cao-bang-ethnic").award_forms.values_list("name", flat=True)) == {
        "Giấy khen của Thủ trưởng cơ quan, đơn vị"
    }


@pytest.mark.parametrize("key", SEED_PLANS)
def test_each_target_description_is_the_plans_own_words(demo, key):
    seed = plan(key)
    text = folded(plan_text(seed))

    for target in seed.targets.all():
        assert folded(target.description) in text, target.description


def test_the_maintain_status_target_of_quang_tri_covers_every_ntm_commune_not_a_list(demo):
    keep = plan("quang-tri").targets.get(type=Target.Type.KEEP_STATUS)

    assert not keep.units.exists()  # evaluation counts every commune NTM when the plan was issued


def test_the_quang_tri_minimum_criteria_target_keeps_both_baselines_as_an_interpretation(demo):
    minimum = plan("quang-tri").targets.get(type=Target.Type.MINIMUM_CRITERIA)

    assert minimum.baseline_value is None  # two regional figures, not one
    assert "đồng bằng đạt dưới 16 tiêu chí" in minimum.note and "miền núi đạt dưới 8 tiêu chí" in minimum.note


def test_the_plan_page_shows_interpretations_apart_and_the_number_as_so(client, demo, settings):
    settings.LANGUAGE_CODE = "vi"
    client.force_login(User.objects.get(username="admin"))
    seed = plan("quang-tri")

    page = client.get(reverse("campaigns:plan", args=[seed.pk]), HTTP_ACCEPT_LANGUAGE="vi").content.decode()

    header = page.split('id="plan-number"')[1].split("</span>")[0]
    assert "Số 1872/QĐ-UBND" in header and "STT" not in header
    assert page.count('class="small fst-italic target-note"') == seed.targets.exclude(note="").count() > 0
    assert "Diễn giải" in page


def test_loading_again_takes_away_what_the_old_demo_added(demo):
    seed = plan("quang-tri")
    EmulationSubject.objects.create(plan=seed, kind=EmulationSubject.Kind.AGENCIES, description="x", criteria="y")
    seed.award_forms.add(AwardForm.objects.get(name="Huân chương Lao động hạng Ba"))

    load_demo()

    assert not seed.subjects.exists()
    assert set(seed.award_forms.values_list("name", flat=True)) == {"Bằng khen của Chủ tịch UBND tỉnh"}
