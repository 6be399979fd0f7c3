"""Word pools for the synthetic national data: people, signers, OCOP product kinds, achievement lines."""

SURNAMES = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Nông", "Lương", "Bế", "Hà", "Đinh", "Triệu", "Lò", "Quàng", "Mai", "Trịnh",
]  # fmt: skip
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Công", "Xuân", "Ngọc", "Tiến"]
MIDDLE_FEMALE = ["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng", "Kim", "Phương"]
GIVEN_MALE = [
    "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phong", "Quân", "Sơn", "Thắng",
    "Toàn", "Trung", "Tuấn", "Việt", "Vinh", "Hiếu", "Lâm", "Pao", "Chung", "Thành", "Đạt",
]  # fmt: skip
GIVEN_FEMALE = [
    "Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Nhung", "Oanh",
    "Phượng", "Thảo", "Thủy", "Trang", "Vân", "Yến", "Huyền", "Mỷ", "Sim",
]  # fmt: skip

POSITIONS = [
    "Trưởng thôn", "Bí thư chi bộ thôn", "Chủ tịch Hội Nông dân xã", "Công chức Văn phòng - Thống kê",
    "Công chức Địa chính - Nông nghiệp", "Chủ tịch Hội Liên hiệp Phụ nữ xã", "Bí thư Đoàn xã",
    "Chủ nhiệm hợp tác xã", "Nông dân sản xuất kinh doanh giỏi", "Trưởng ban công tác Mặt trận thôn",
]  # fmt: skip

OCOP_GROUPS = ["food", "drinks", "herbs", "handicrafts", "ornamental", "tourism"]
OCOP_OWNER_KINDS = ["enterprise", "cooperative", "group", "household"]

ACHIEVEMENTS = [
    "vận động nhân dân hiến đất, góp công làm đường giao thông nông thôn",
    "hoàn thành vượt mức các tiêu chí xã nông thôn mới",
    "xây dựng thôn đạt chuẩn nông thôn mới kiểu mẫu",
    "phát triển sản phẩm OCOP và liên kết chuỗi giá trị",
    "giữ gìn cảnh quan, môi trường xanh - sạch - đẹp",
    "giảm nghèo bền vững, nâng cao thu nhập người dân",
    "đóng góp kinh phí, ngày công xây dựng công trình phúc lợi",
]  # fmt: skip

RETURN_REASONS = [
    "Thiếu báo cáo thành tích có xác nhận của cấp trình.",
    "Tờ trình chưa ghi rõ số lượng và danh sách đề nghị.",
    "Biên bản họp Hội đồng chưa có kết quả bỏ phiếu.",
]
REJECT_REASONS = [
    "Thành tích chưa đủ tiêu chuẩn theo quy định.",
    "Thành tích đã được khen thưởng ở hình thức khác.",
]


def person(rng, *, female: bool | None = None) -> str:
    female = rng.random() < 0.5 if female is None else female
    middle = MIDDLE_FEMALE if female else MIDDLE_MALE
    given = GIVEN_FEMALE if female else GIVEN_MALE
    return f"{rng.choice(SURNAMES)} {rng.choice(middle)} {rng.choice(given)}"
