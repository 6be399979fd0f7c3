"""Demo placeholders for the completion conditions of the 2026-2030 programme (Phụ lục III of QĐ 51/2025/QĐ-TTg).

The annex text was not available: these rows only show how the dashboard judges a condition. Their thresholds are
illustrations, marked as such in the label and the source, never confirmed; a national administrator replaces
them from the text.
"""

from collections import Counter
from decimal import Decimal

from campaigns.demo.plans import _upsert
from campaigns.models import Campaign, CompletionCondition, RecognitionStatus

QD51_SET = "qd51-2025-xa-2026"
PLACEHOLDER_SOURCE = (
    "Chưa xác nhận — nhập khi có văn bản (Phụ lục III, QĐ 51/2025/QĐ-TTg). "
    "Ngưỡng minh họa cho bản demo, không phải quy định."
)
CONDITIONS = [
    {
        "order": 1,
        "label": "[Demo] Tỷ lệ xã đạt chuẩn nông thôn mới (ngưỡng minh họa)",
        "kind": CompletionCondition.Kind.SHARE,
        "level": RecognitionStatus.COMMUNE_NTM,
        "threshold": Decimal(100),
        "division_types": ["Xã"],
    },
    {
        "order": 2,
        "label": "[Demo] Tỷ lệ xã đạt nông thôn mới hiện đại (ngưỡng minh họa)",
        "kind": CompletionCondition.Kind.SHARE,
        "level": RecognitionStatus.COMMUNE_MODERN,
        "threshold": Decimal(10),
        "division_types": ["Xã"],
    },
]


def load_completion() -> Counter:
    tally = Counter(created=0, updated=0, unchanged=0)
    # The programme that applies QĐ 51/2025 (its criteria set), whatever its name.
    programme = Campaign.objects.filter(criteria_sets__code=QD51_SET).order_by("is_demo", "pk").first()
    if programme is None:
        return tally
    for data in CONDITIONS:
        key = {"campaign": programme, "label": data["label"]}
        _upsert(tally, CompletionCondition, key, {**data, "source": PLACEHOLDER_SOURCE, "confirmed": False})
    return tally
