"""What each seed text says, field by field, read by hand from the text (not from the demo plans).

Free text is compared accent-free (an OCR'd text has no diacritics to give back); names, numbers, dates,
types and years exactly. A blank expected value means the text does not hold it: the importer must leave it
blank. `measure()` counts the fields right, asked and wrong for the closing note.
"""

import difflib

from units.text import fold

HA_QUANG = {
    "kind": "KH",
    "number": "3254",
    "symbol": "KH-UBND",
    "date": "2022-11-03",
    "place": "Hà Quảng",
    "issuing_unit": "Huyện Hà Quảng",
    "issuing_body": "UBND huyện Hà Quảng",
    "title": "Cả nước chung sức xây dựng nông thôn mới",
    "subject": "Thực hiện Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021 - 2025 "
    "trên địa bàn huyện Hà Quảng",
    "parent_plan": {
        "number": "2452",
        "symbol": "KH-UBND",
        "date": "2022-09-26",
        "issuer": "UBND tỉnh Cao Bằng",
    },
    "signing_mode": "TM.",
    "signer_title": "Chủ tịch",
    "signer": "Phạm Xuân Tùng",
    "legal_bases": [
        {"kind": "NQ", "number": "12-NQ/TU", "date": "2022-06-09"},
        {"kind": "NQ", "number": "03/2022/NQ-HĐND", "date": "2022-02-25"},
        {"kind": "QD", "number": "867/QĐ-UBND", "date": "2022-07-08"},
        {"kind": "KH", "number": "2683/KH-UBND", "date": "2022-09-13"},
        {"kind": "KH", "number": "2115/KH-UBND", "date": "2022-08-16"},
        {"kind": "QD", "number": "1465/QĐ-UBND", "date": "2022-10-11"},
    ],
    "baselines": [{"value": 3}],
    "targets": [
        {"type": "keep", "year": None, "units": ["Ngọc Đào", "Sóc Hà", "Lương Can"]},
        {
            "type": "share",
            "value": 4,
            "year": 2025,
            "units": ["Trường Hà", "Quý Quân", "Đa Thông", "Cần Yên"],
            "by_year": {"2023": ["Trường Hà"], "2024": ["Quý Quân"], "2025": ["Đa Thông", "Cần Yên"]},
        },
        {"type": "share", "value": 1, "year": 2025, "units": ["Ngọc Đào"], "by_year": {"2024": ["Ngọc Đào"]}},
        {"type": "avg_criteria", "value": 16.5, "year": 2025},
        {"type": "min_criteria", "value": 15, "year": 2025},
        {"type": "criteria_gain", "value": 1},
        {"type": "share", "value": 30},
        {"type": "share", "value": 9},
        {"type": "ocop", "value": 2},
        {"type": "ocop", "value": 2},
    ],
    "timeline": [
        {"year_from": 2022, "year_to": 2022, "recurring": False},
        {"year_from": 2023, "year_to": 2023, "recurring": False},
        {"year_from": 2025, "year_to": 2025, "recurring": False},
        {"year_from": None, "year_to": None, "recurring": True},
    ],
    "subjects": [
        {"name": "Các cơ quan, ban ngành đoàn thể huyện"},
        {"name": "Cấp xã"},
        {"name": "Xóm thuộc các xã đặc biệt khó khăn khu vực biên giới"},
        {"name": "Doanh nghiệp, hợp tác xã"},
        {"name": "Cá nhân"},
        {"name": "Đối tượng khác"},
    ],
    "award_forms": [
        "Huân chương Lao động",
        "Bằng khen của Thủ tướng Chính phủ",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Giấy khen của Chủ tịch UBND huyện",
        "Giấy khen của Thủ trưởng cơ quan, đơn vị",
    ],
    "recipients": [
        "Thường trực Huyện ủy;",
        "Thường trực HĐND huyện;",
        "Chủ tịch, các PCT UBND huyện;",
        "Ủy ban MTTQ Việt Nam huyện;",
        "Các cơ quan, ban ngành, đoàn thể huyện;",
        "UBND các xã;",
        "Lưu: VT, NV (Thương, Hằng, Thuận).",
    ],
}

CAO_BANG_ETHNIC = {
    "kind": "KH",
    "number": "",  # printed blank: "Số: /KH-BDT"
    "symbol": "KH-BDT",
    "date": "2022-09-30",
    "place": "Cao Bằng",
    "issuing_unit": "Ban Dân tộc tỉnh Cao Bằng",
    "issuing_body": "Ban Dân tộc tỉnh Cao Bằng",
    "title": "Cả nước chung sức xây dựng nông thôn mới",
    "subject": "Thực hiện Phong trào thi đua “Cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021 - 2025",
    "parent_plan": {"number": "2452", "symbol": "KH-UBND", "date": "2022-09-26", "issuer": "UBND tỉnh Cao Bằng"},
    "signing_mode": "KT.",
    "signer_title": "Phó Trưởng ban",
    "signer": "Hà Văn Vui",
    "legal_bases": [
        {"kind": "NQ", "number": "12-NQ/TU", "date": "2022-06-09"},
        {"kind": "QD", "number": "1177/QĐ-UBND", "date": "2022-09-12"},
    ],
    "baselines": [],
    "targets": [],
    "timeline": [
        {"year_from": 2022, "year_to": 2022, "recurring": False},
        {"year_from": 2023, "year_to": 2023, "recurring": False},
        {"year_from": 2025, "year_to": 2025, "recurring": False},
    ],
    "subjects": [{"name": "Tập thể"}, {"name": "Cá nhân"}],
    "award_forms": ["Khen thưởng từ cấp tỉnh trở lên", "Giấy khen của Thủ trưởng cơ quan, đơn vị"],
    "recipients": [
        "UBND tỉnh;",
        "Ban Thi đua Khen thưởng tỉnh, Sở Nội vụ;",
        "Khối thi đua các cơ quan TMTH;",
        "Lãnh đạo Ban;",
        "Các phòng chuyên môn;",
        "Lưu: VT, TĐKT.",
    ],
}

LANG_SON = {
    "kind": "KH",
    "number": "",
    "symbol": "",
    "date": None,
    "place": "",
    "issuing_unit": "Xã Chi Lăng",  # the text names no commune: given with --unit
    "issuing_body": "UBND xã Chi Lăng",
    "title": "Lạng Sơn cùng cả nước chung sức xây dựng nông thôn mới",
    "subject": "Tổ chức thực hiện Phong trào thi đua “Lạng Sơn cùng cả nước chung sức xây dựng nông thôn mới” "
    "giai đoạn 2021 - 2025",
    "parent_plan": {
        "number": "219",
        "symbol": "KH-UBND",
        "date": "2022-08-03",
        "issuer": "UBND huyện Chi Lăng",
    },
    "signing_mode": "TM.",
    "signer_title": "Chủ tịch",
    "signer": "Vương Văn Sơn",
    "legal_bases": [],
    "baselines": [],
    "targets": [
        {"type": "milestone", "year": 2025},
        {"type": "share", "value": 2, "year": 2025},
    ],
    "timeline": [
        {"year_from": 2023, "year_to": 2023, "recurring": False},
        {"year_from": 2025, "year_to": 2025, "recurring": False},
        {"year_from": None, "year_to": None, "recurring": True},
        {"year_from": 2025, "year_to": 2025, "recurring": False},
    ],
    "subjects": [
        {"name": "Các đơn vị, Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội xã"},
        {"name": "Cấp xã"},
        {"name": "Các thôn"},
        {"name": "Doanh nghiệp, hợp tác xã"},
        {"name": "Cá nhân"},
    ],
    "award_forms": [
        "Huân chương Lao động",
        "Bằng khen của Thủ tướng Chính phủ",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Giấy khen của Chủ tịch UBND huyện",
        "Giấy khen của Chủ tịch UBND xã",
    ],
    "recipients": [
        "Hội đồng TĐKT huyện;",
        "Thường trực Đảng ủy xã;",
        "Thường trực HĐND xã;",
        "Chủ tịch, Phó Chủ tịch UBND xã;",
        "Thành viên Hội đồng TĐKT xã;",
        "Lưu: VT.",
    ],
}

QUANG_TRI = {
    "kind": "QD",
    "number": "1872",
    "symbol": "QĐ-UBND",
    "date": "2022-07-15",
    "place": "",  # the text lacks the header line with the place
    "issuing_unit": "Tỉnh Quảng Trị",
    "issuing_body": "UBND tỉnh Quảng Trị",
    "title": "Quảng Trị chung sức xây dựng nông thôn mới",
    "subject": "Ban hành kế hoạch tổ chức thực hiện phong trào thi đua “Quảng Trị chung sức xây dựng nông thôn mới” "
    "giai đoạn 2021 - 2025",
    "parent_plan": {"number": "587", "symbol": "QĐ-TTg", "date": "2022-05-18", "issuer": "Thủ tướng Chính phủ"},
    "signing_mode": "",
    "signer_title": "",
    "signer": "",
    "legal_bases": [
        {"kind": "LUAT", "number": "", "date": "2015-06-19"},
        {"kind": "LUAT", "number": "", "date": "2019-11-22"},
        {"kind": "NQ", "number": "25/2021/QH15", "date": "2021-07-28"},
        {"kind": "QD", "number": "263/QĐ-TTg", "date": "2022-02-22"},
        {"kind": "NQ", "number": "03-NQ/TU", "date": "2021-11-04"},
        {"kind": "TTR", "number": "96/TTr-VPĐP", "date": "2022-06-29"},
        {"kind": "QD", "number": "29/2018/QĐ-UBND", "date": "2018-11-21"},
        {"kind": "NQ", "number": "21/NQ-HĐND", "date": "2022-05-31"},
    ],
    "baselines": [{"value": 63}, {"value": 1}, {"value": 16}, {"value": 8}],
    "targets": [
        {"type": "share", "value": 4, "year": 2025},
        {"type": "share", "value": 1, "year": 2025},
        {"type": "share", "value": 80, "year": 2025},
        {"type": "share", "value": 9, "year": 2025},
        {"type": "share", "value": 25, "year": 2025},
        {"type": "min_criteria", "value": 13, "year": 2025},
        {"type": "share", "value": 40, "year": 2025},
        {"type": "ratio", "value": 1.5, "year": 2025},
        {"type": "keep", "year": 2025, "units": []},
    ],
    "timeline": [
        {"year_from": None, "year_to": None, "recurring": True},
        {"year_from": None, "year_to": None, "recurring": True},
        {"year_from": 2022, "year_to": 2022, "recurring": False},
        {"year_from": 2022, "year_to": 2022, "recurring": False},
        {"year_from": 2023, "year_to": 2023, "recurring": False},
        {"year_from": 2025, "year_to": 2025, "recurring": False},
        {"year_from": 2023, "year_to": 2023, "recurring": False},
        {"year_from": 2025, "year_to": 2025, "recurring": False},
    ],
    "subjects": [],  # the text has no "Đối tượng, tiêu chí thi đua" part
    "award_forms": ["Bằng khen của Chủ tịch UBND tỉnh", "Khen thưởng cấp Nhà nước"],
    "recipients": ["Như Điều 2;", "Văn phòng điều phối NTM TW;"],
}

SEEDS = {
    "ha-quang-district-plan-2022": HA_QUANG,
    "cao-bang-ethnic-committee-plan-2022": CAO_BANG_ETHNIC,
    "lang-son-commune-plan-2022": LANG_SON,
    "quang-tri-province-plan-2022": QUANG_TRI,
}


def _same_text(actual, expected) -> bool:
    a, b = fold(str(actual or "")), fold(str(expected or ""))
    if not b:
        return not a
    if len(b) < 30:
        return a == b
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def _same(actual, expected) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(_same(actual.get(key), value) for key, value in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and len(actual) == len(expected) and all(map(_same, actual, expected))
    if isinstance(expected, str) or isinstance(actual, str):
        return _same_text(actual, expected)
    return actual == expected


def measure(data: dict, expected: dict, asked: list[str]) -> dict:
    """Fields right / fields asked / the rest (wrong or blank), one header field or list item at a time."""
    right, wrong = 0, []
    for key, value in expected.items():
        if isinstance(value, list):
            found = data[key]
            for i, item in enumerate(value):
                if i < len(found) and _same(found[i], item):
                    right += 1
                else:
                    wrong.append(f"{key}[{i}]: {str(found[i]) if i < len(found) else 'missing'}"[:160])
            wrong += [
                f"{key}[{i}] not in the text: {str(item)[:120]}"
                for i, item in enumerate(found[len(value) :], len(value))
            ]
        elif _same(data[key], value):
            right += 1
        else:
            wrong.append(f"{key}: {str(data[key])[:120]!s}")
    total = sum(len(v) if isinstance(v, list) else 1 for v in expected.values()) + sum(
        max(0, len(data[k]) - len(v)) for k, v in expected.items() if isinstance(v, list)
    )
    return {"fields": total, "right": right, "asked": len(asked), "wrong": wrong}
