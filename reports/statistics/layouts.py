"""The statistics forms of TT 02/2023/TT-BNV (in force 10/05/2023), loaded by migration reports 0005.

Source: the layouts of forms 0601-0605.N/BNV-TĐKT as a vendor implemented them (domain-2026.md §5.2, S22), not
the official text; TT 18/2025/TT-BNV replaced the reporting rules, and its forms could not be read, so these stay
in force (no end date) until its forms are entered as new rows.

Filters name dimensions of reports.statistics.dimensions. A line marked "entered" holds a figure the app does
not record (a person's rank, the staff of the emulation office): the reporting unit types it on the request form.
"""

SOURCE = (
    "TT 02/2023/TT-BNV, biểu mẫu theo bản triển khai của nhà cung cấp phần mềm (chưa đối chiếu văn bản gốc); "
    "TT 18/2025/TT-BNV chưa có biểu mẫu."
)
VALID_FROM = "2023-05-10"

TOTAL = {"code": "01", "label": "Tổng số"}
COLLECTIVES = ["collective", "enterprise", "external"]
PERSONS = [
    ("Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên", "Người"),
    ("Lãnh đạo cấp vụ, sở, ngành và tương đương", "Người"),
    ("Doanh nhân", "Người"),
    ("Các cấp lãnh đạo khác từ phó phòng trở lên", "Người"),
    ("Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, nông dân,...)", "Người"),
]
METHODS = [
    ("Thường xuyên", {"method": ["merit"]}),
    ("Chuyên đề", {"method": ["campaign"]}),
    ("Đột xuất", {"method": ["sudden"]}),
    ("Đối ngoại", None),
    ("Cống hiến", {"method": ["service"]}),
    ("Niên hạn", None),
    ("Kháng chiến", None),
]


def heading(label: str) -> dict:
    return {"label": label, "heading": True}


def numbered(first: int, lines: list[tuple[str, dict | None]], measure: str = "") -> list[dict]:
    """Lines coded from `first`; a line without filters is one the unit enters."""
    out = []
    for number, (label, filters) in enumerate(lines, start=first):
        line = {"code": f"{number:02d}", "label": label, "measure": measure}
        if filters is None:
            line["entered"] = True
        else:
            line["filters"] = filters
        out.append(line)
    return out


def by_nominee(first: int) -> list[dict]:
    return numbered(
        first,
        [
            ("Tập thể", {"nominee": COLLECTIVES}),
            ("Trong đó: Doanh nghiệp", {"nominee": ["enterprise"]}),
            ("Hộ gia đình", {"nominee": ["household"]}),
            ("Cá nhân", {"nominee": ["individual"]}),
        ],
    ) + numbered(first + 4, [(label, None) for label, _measure in PERSONS], "Người")


FORMS = [
    {
        "code": "0601.N/BNV-TĐKT",
        "title": "Số phong trào thi đua",
        "subject": "movements",
        "measure": "Phong trào",
        "columns": [
            {"code": "1", "label": "Tổng số"},
            {
                "code": "2",
                "label": "Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)",
                "filters": {"launcher": ["central"]},
            },
            {
                "code": "3",
                "label": "Cấp bộ, ban ngành đoàn thể trung ương, tỉnh, thành phố trực thuộc Trung ương",
                "filters": {"launcher": ["province"]},
            },
            {"code": "4", "label": "Cơ quan, tổ chức, đơn vị", "filters": {"launcher": ["unit"]}},
        ],
        "rows": [
            TOTAL,
            heading("1. Chia theo phạm vi tổ chức thi đua"),
            *numbered(
                2,
                [
                    ("Toàn quốc", {"scope": ["national"]}),
                    ("Bộ, ban, ngành đoàn thể, địa phương", {"scope": ["local"]}),
                    ("Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức", {"scope": ["cluster"]}),
                    ("Cơ quan, tổ chức, đơn vị", {"scope": ["unit"]}),
                ],
            ),
            heading("2. Chia theo thời hạn thi đua"),
            *numbered(
                6,
                [
                    ("Dưới 1 năm", {"duration": ["under_1"]}),
                    ("1 năm", {"duration": ["1"]}),
                    ("Từ 1 năm đến dưới 3 năm", {"duration": ["1_3"]}),
                    ("Từ 3 năm đến dưới 5 năm", {"duration": ["3_5"]}),
                    ("Từ 5 năm trở lên", {"duration": ["5_plus"]}),
                ],
            ),
            heading("3. Chia theo phương thức tổ chức phong trào thi đua"),
            *numbered(
                11,
                [
                    ("Thi đua theo chuyên đề", {"method": ["thematic"]}),
                    ("Thi đua thường xuyên hàng năm", {"method": ["regular"]}),
                ],
            ),
        ],
    },
    {
        "code": "0602.N/BNV-TĐKT",
        "title": "Số lượng khen thưởng cấp Nhà nước",
        "subject": "awards",
        "filters": {"level": ["state", "government"]},
        "columns": [
            {"code": "1", "label": "Tổng số"},
            {"code": "2", "label": "Các loại huân chương, huy chương", "filters": {"category": ["order"]}},
            {"code": "3", "label": "Giải thưởng Hồ Chí Minh", "entered": True},
            {"code": "4", "label": "Giải thưởng Nhà nước", "entered": True},
            {"code": "5", "label": "Danh hiệu vinh dự nhà nước", "entered": True},
            {"code": "6", "label": "Cờ thi đua của Chính phủ", "filters": {"category": ["flag"]}},
            {"code": "7", "label": "Bằng khen của Thủ tướng Chính phủ", "filters": {"category": ["merit"]}},
            {"code": "8", "label": "Chiến sĩ thi đua toàn quốc", "filters": {"category": ["title"]}},
            {"code": "9", "label": "Các hình thức khen thưởng khác", "filters": {"category": ["certificate", "other"]}},
        ],
        "rows": [
            TOTAL,
            heading("1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng"),
            *numbered(
                2, [("Bộ, ban, ngành, đoàn thể Trung ương", None), ("Tỉnh, thành phố trực thuộc Trung ương", None)]
            ),
            heading("2. Chia theo đối tượng khen thưởng"),
            *by_nominee(6),
            heading("3. Chia theo phương thức khen thưởng"),
            *numbered(15, METHODS),
        ],
    },
    {
        "code": "0603.N/BNV-TĐKT",
        "title": "Số lượng khen thưởng cấp bộ, ban, ngành, đoàn thể Trung ương và tỉnh, thành phố trực thuộc Trung ương",
        "subject": "awards",
        "filters": {"level": ["province"]},
        "columns": [
            {"code": "1", "label": "Tổng số"},
            {"code": "2", "label": "Bằng khen", "filters": {"category": ["merit"]}},
            {"code": "3", "label": "Chiến sĩ thi đua cấp bộ, cấp tỉnh", "filters": {"category": ["title"]}},
            {
                "code": "4",
                "label": "Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương",
                "filters": {"category": ["flag"]},
            },
            {
                "code": "5",
                "label": "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố",
                "filters": {"category": ["other"]},
            },
        ],
        "rows": [
            TOTAL,
            heading("1. Chia theo đối tượng khen thưởng"),
            *by_nominee(2),
            heading("3. Chia theo phương thức khen thưởng"),
            *numbered(11, METHODS),
        ],
    },
    {
        "code": "0604.N/BNV-TĐKT",
        "title": "Số lượng tổ chức làm công tác thi đua, khen thưởng của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, "
        "thành phố trực thuộc Trung ương",
        "subject": "entered",
        "columns": [{"code": "1", "label": "Số lượng"}],
        "rows": [
            {"code": "01", "label": "Tổng số", "measure": "Tổ chức", "entered": True},
            heading("Chia theo cơ cấu tổ chức bộ máy"),
            *numbered(
                2,
                [
                    ("Cấp Vụ thuộc bộ, ban, ngành, đoàn thể Trung ương", None),
                    ("Cấp phòng, ban hoặc bộ phận thuộc Vụ", None),
                    ("Cấp ban thuộc Sở Nội vụ", None),
                    ("Cấp phòng thuộc Sở Nội vụ", None),
                ],
            ),
        ],
    },
    {
        "code": "0605.N/BNV-TĐKT",
        "title": "Số lượng công chức làm công tác thi đua, khen thưởng của bộ, ban, ngành đoàn thể Trung ương, tỉnh, "
        "thành phố trực thuộc Trung ương",
        "subject": "entered",
        "measure": "Người",
        "columns": [{"code": "1", "label": "Tổng số"}, {"code": "2", "label": "Trong đó: Nữ"}],
        "rows": [
            {"code": "01", "label": "Tổng số", "entered": True},
            heading("1. Chia theo độ tuổi"),
            *numbered(
                2,
                [
                    (label, None)
                    for label in [
                        "Từ 30 trở xuống",
                        "Từ 31 đến 40",
                        "Từ 41 đến 50",
                        "Từ 51 đến 55",
                        "Từ 56 đến 60",
                        "Trên 60 tuổi",
                    ]
                ],
            ),
            heading("2. Chia theo trình độ đào tạo"),
            *numbered(8, [(label, None) for label in ["Sơ cấp", "Trung cấp", "Cao đẳng", "Đại học", "Trên đại học"]]),
            heading("3. Chia theo thâm niên công tác trong lĩnh vực thi đua, khen thưởng"),
            *numbered(13, [(label, None) for label in ["Dưới 5 năm", "Từ 5 đến 10 năm", "Từ 10 năm trở lên"]]),
        ],
    },
]


def load(apps, schema_editor=None) -> None:
    """Create or update the forms above (by code and start date): a data migration calls it."""
    form_model = apps.get_model("reports", "StatisticsForm")
    line_model = apps.get_model("reports", "StatisticsLine")
    for order, spec in enumerate(FORMS):
        form, _created = form_model.objects.update_or_create(
            code=spec["code"],
            valid_from=VALID_FROM,
            defaults={
                "title": spec["title"],
                "circular": "TT 02/2023/TT-BNV",
                "subject": spec["subject"],
                "measure": spec.get("measure", ""),
                "filters": spec.get("filters", {}),
                "order": order,
                "source": SOURCE,
            },
        )
        form.lines.all().delete()
        for axis, key in (("row", "rows"), ("column", "columns")):
            line_model.objects.bulk_create(
                line_model(
                    form=form,
                    axis=axis,
                    order=index,
                    code=line.get("code", ""),
                    label=line["label"],
                    measure=line.get("measure", ""),
                    is_heading=line.get("heading", False),
                    is_entered=line.get("entered", False),
                    filters=line.get("filters", {}),
                )
                for index, line in enumerate(spec[key])
            )
