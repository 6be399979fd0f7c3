"""Recorded results behind the demo targets: recognitions and the rural income of Quảng Trị.

Baselines come from the seeds (Ngọc Đào, Sóc Hà and Lương Can were NTM before the Hà Quảng plan; the
Lạng Sơn commune keeps its NTM criteria, so it was NTM already). The seeds give no decision numbers or
dates: dates are plausible demo values and every row says so in its note. Later recognitions are
illustrative progress, chosen so that the targets show a mix of achieved, on-track and missed.
"""

import datetime

from campaigns.demo.data.refs import (
    CHI_LANG,
    DA_THONG,
    LUONG_CAN,
    NGOC_DAO,
    QUANG_TRI,
    QUY_QUAN,
    SOC_HA,
    TRUONG_HA,
    legacy,
    local,
)
from campaigns.models import RecognitionStatus
from units.models import Kind

D = datetime.date
R = RecognitionStatus

BASELINE_NOTE = "Demo: decision not recorded in the seed"
PROGRESS_NOTE = "Demo: illustrative recognition, not taken from the seed"

CAO_BANG = "UBND tỉnh Cao Bằng"
HA_QUANG = "UBND huyện Hà Quảng"
LANG_SON = "UBND tỉnh Lạng Sơn"
CHI_LANG_DISTRICT = "UBND huyện Chi Lăng"
QUANG_TRI_ISSUER = "UBND tỉnh Quảng Trị"

# (unit, status, decision date, issuer, note)
RECOGNITIONS = [
    # Hà Quảng: the seed's baseline.
    (NGOC_DAO, R.COMMUNE_NTM, D(2019, 12, 26), CAO_BANG, BASELINE_NOTE),
    (SOC_HA, R.COMMUNE_NTM, D(2020, 12, 29), CAO_BANG, BASELINE_NOTE),
    (LUONG_CAN, R.COMMUNE_NTM, D(2021, 12, 28), CAO_BANG, BASELINE_NOTE),
    # Hà Quảng: progress. Ngọc Đào's nâng cao (due 2024) and Cần Yên (due 2025) stay unrecognised.
    (TRUONG_HA, R.COMMUNE_NTM, D(2023, 12, 27), CAO_BANG, PROGRESS_NOTE),
    (QUY_QUAN, R.COMMUNE_NTM, D(2024, 12, 30), CAO_BANG, PROGRESS_NOTE),
    (DA_THONG, R.COMMUNE_NTM, D(2025, 6, 20), CAO_BANG, PROGRESS_NOTE),
    (local(Kind.VILLAGE, "Xóm Pác Bó"), R.VILLAGE_NTM, D(2023, 11, 10), HA_QUANG, PROGRESS_NOTE),
    (local(Kind.VILLAGE, "Xóm Phù Ngọc"), R.VILLAGE_NTM, D(2023, 11, 10), HA_QUANG, PROGRESS_NOTE),
    (local(Kind.VILLAGE, "Xóm Đào Ngạn"), R.VILLAGE_MODEL, D(2024, 11, 15), HA_QUANG, PROGRESS_NOTE),
    # Lạng Sơn commune: NTM before the plan, nâng cao still to come; one model residential area so far.
    (CHI_LANG, R.COMMUNE_NTM, D(2020, 12, 18), LANG_SON, BASELINE_NOTE),
    (local(Kind.VILLAGE, "Thôn Đồng Bành"), R.VILLAGE_MODEL, D(2024, 10, 30), CHI_LANG_DISTRICT, PROGRESS_NOTE),
    # Quảng Trị: the seed counts 63 of 101 communes in 2022 (kept on the target); the demo holds only a
    # few of its communes, so only those get recognitions.
    (legacy(Kind.COMMUNE, "19504"), R.COMMUNE_NTM, D(2014, 12, 22), QUANG_TRI_ISSUER, BASELINE_NOTE),
    (legacy(Kind.COMMUNE, "19498"), R.COMMUNE_NTM, D(2016, 12, 20), QUANG_TRI_ISSUER, BASELINE_NOTE),
    (legacy(Kind.COMMUNE, "19501"), R.COMMUNE_NTM, D(2017, 12, 19), QUANG_TRI_ISSUER, BASELINE_NOTE),
    (legacy(Kind.COMMUNE, "19441"), R.COMMUNE_NTM, D(2020, 12, 24), QUANG_TRI_ISSUER, BASELINE_NOTE),
    (legacy(Kind.COMMUNE, "19447"), R.COMMUNE_NTM, D(2023, 12, 21), QUANG_TRI_ISSUER, PROGRESS_NOTE),
    (legacy(Kind.COMMUNE, "19498"), R.COMMUNE_ADVANCED, D(2024, 12, 26), QUANG_TRI_ISSUER, PROGRESS_NOTE),
    (local(Kind.VILLAGE, "Thôn A Ngo"), R.VILLAGE_NTM, D(2024, 9, 12), QUANG_TRI_ISSUER, PROGRESS_NOTE),
]

RURAL_INCOME = "rural income per head"
INCOME_SOURCE = "Demo figure, not an official statistic"

# (unit, indicator, year, value, unit of measure, source)
MEASUREMENTS = [
    (QUANG_TRI, RURAL_INCOME, 2020, "33.5", "triệu đồng/người/năm", INCOME_SOURCE),
    (QUANG_TRI, RURAL_INCOME, 2024, "47.2", "triệu đồng/người/năm", INCOME_SOURCE),
]
