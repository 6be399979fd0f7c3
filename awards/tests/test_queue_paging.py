"""The appraisal queue 25 files a page: status order across pages, counts and links of the whole queue."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from awards.models import Nomination
from awards.views.queue import QUEUE_PAGE_SIZE

pytestmark = pytest.mark.django_db
Status = Nomination.Status
QUEUE = reverse("awards:queue")


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def queued(response) -> dict[str, list[int]]:
    return {group["status"]: [n.pk for n in group["rows"]] for group in response.context["groups"] if group["rows"]}


@pytest.fixture
def long_queue(client, reviewer, at_district):
    """30 files at the district: 10 approved made first, then 12 in appraisal, then 8 submitted."""
    approved = [at_district(status=Status.APPROVED) for _ in range(10)]
    appraising = [at_district(status=Status.IN_APPRAISAL) for _ in range(12)]
    submitted = [at_district(status=Status.SUBMITTED) for _ in range(8)]
    client.force_login(reviewer)
    return {"approved": approved, "appraising": appraising, "submitted": submitted}


def pks(nominations):
    return [n.pk for n in nominations]


def test_the_queue_shows_25_files_a_page_in_status_order_and_counts_the_whole_queue(client, long_queue):
    first = client.get(QUEUE)
    second = client.get(QUEUE, {"page": 2})

    assert QUEUE_PAGE_SIZE == 25
    assert queued(first) == {
        Status.SUBMITTED: pks(long_queue["submitted"]),
        Status.IN_APPRAISAL: pks(long_queue["appraising"]),
        Status.APPROVED: pks(long_queue["approved"][:5]),
    }
    assert queued(second) == {Status.APPROVED: pks(long_queue["approved"][5:])}
    for response in (first, second):
        counts = {group["status"]: group["count"] for group in response.context["groups"]}
        assert counts == {Status.SUBMITTED: 8, Status.IN_APPRAISAL: 12, Status.COUNCIL: 0, Status.APPROVED: 10}
        assert response.context["total"] == 30
    assertContains(first, "Page 1 of 2")
    assertContains(first, 'href="?page=2"')
    assertContains(second, 'href="?page=1"')


def test_a_status_beginning_on_another_page_links_to_that_page(client, at_district, reviewer):
    for _ in range(26):
        at_district(status=Status.SUBMITTED)
    at_district(status=Status.APPROVED)
    client.force_login(reviewer)

    first = client.get(QUEUE).content.decode()
    second = client.get(QUEUE, {"page": 2}).content.decode()

    assert re.search(r'href="#group-submitted" data-status="submitted"', first)
    assert re.search(r'href="\?page=2#group-approved" data-status="approved"', first)
    assert re.search(r'href="\?page=1#group-submitted" data-status="submitted"', second)
    assert re.search(r'href="#group-approved" data-status="approved"', second)


def test_the_submission_to_print_lists_every_approved_file_not_only_this_pages(client, long_queue):
    page = client.get(QUEUE).content.decode()
    form = page[page.index('id="print-submission"') :]
    form = form[: form.index("</form>")]

    printed = [int(pk) for pk in re.findall(r'name="nominations" value="(\d+)"', form)]
    assert printed == pks(long_queue["approved"])


def test_paging_keeps_the_filters_and_answers_htmx_with_the_table(client, long_queue):
    response = client.get(QUEUE, {"year": 2024, "page": 2}, headers={"HX-Request": "true"})

    assertTemplateUsed(response, "awards/_queue_table.html")
    assertNotContains(response, "<html")
    assert queued(response) == {Status.APPROVED: pks(long_queue["approved"][5:])}
    assertContains(response, 'hx-get="?year=2024&amp;page=1"')


def test_a_page_past_the_end_shows_the_last_one(client, long_queue):
    response = client.get(QUEUE, {"page": 99})
    assert response.context["page"].number == 2
    assert queued(response) == {Status.APPROVED: pks(long_queue["approved"][5:])}


def test_a_short_queue_has_no_pager(client, reviewer, at_district):
    at_district()
    client.force_login(reviewer)
    assertNotContains(client.get(QUEUE), 'aria-label="Pages"')


def test_the_rows_escape_the_names_and_mark_a_resubmitted_file(client, reviewer, at_district, make_nominee):
    nomination = at_district(
        status=Status.SUBMITTED, nominee=make_nominee(name='Ông <A> & "B"'), returned_at=timezone.now()
    )
    client.force_login(reviewer)
    page = client.get(QUEUE).content.decode()
    row = page[page.index(f'<tr id="queue-{nomination.pk}"') :]
    row = row[: row.index("</tr>")]

    assert "Ông &lt;A&gt; &amp; &quot;B&quot;" in row and "<A>" not in row
    assert 'aria-label="Ông &lt;A&gt; &amp; &quot;B&quot;"' in row  # the tick box says whose file it is
    assert "Annual 2024 · " in row and "resubmitted" in row
    assert reverse("awards:appraise", args=[nomination.pk]) in row
