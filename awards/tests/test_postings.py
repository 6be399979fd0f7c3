"""Public posting of nominations: opened by the reviewer, commented on by anyone, and no council vote before
it has ended."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import services
from awards.models import AwardForm, Holiday, PostingComment, PublicPosting
from awards.services.postings import COMMENTS_PER_WINDOW, last_working_day
from awards.tests.factories_council import vote_everyone

pytest_plugins = ["awards.tests.factories_council"]
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

MONDAY = datetime.date(2025, 4, 7)


@pytest.fixture(autouse=True)
def today(clock):
    cache.clear()  # the comment throttle counts in the cache
    clock(MONDAY)
    yield
    cache.clear()


@pytest.fixture
def merit(at_district, forms):
    """A Bằng khen nomination in appraisal at the district."""
    return at_district(award_form=forms.province_merit)


@pytest.fixture
def posting(merit, reviewer):
    return services.open_posting(merit, starts_on=MONDAY, working_days=10, by=reviewer)


def comment(client, posting, text="Ông An thường xuyên giúp đỡ bà con.", address="203.0.113.7"):
    data = {"name": "Trần Thị Bình", "contact": "0912 345 678", "text": text}
    return client.post(reverse("postings:detail", args=[posting.pk]), data, REMOTE_ADDR=address)


def test_the_catalogue_marks_orders_and_bang_khen_for_public_posting(forms):
    assert forms.province_merit.needs_public_posting and forms.pm_certificate.needs_public_posting
    assert forms.state_order.needs_public_posting
    assert not forms.district_certificate.needs_public_posting
    assert set(AwardForm.objects.filter(needs_public_posting=True).values_list("category", flat=True)) <= {
        AwardForm.Category.ORDER,
        AwardForm.Category.CERTIFICATE_OF_MERIT,
    }


def test_working_days_skip_weekends_and_holidays():
    friday = datetime.date(2025, 4, 4)
    assert last_working_day(friday, 3) == datetime.date(2025, 4, 8)  # Fri, Mon, Tue
    Holiday.objects.create(date=datetime.date(2025, 4, 7), name="Giỗ Tổ Hùng Vương")
    assert last_working_day(friday, 3) == datetime.date(2025, 4, 9)
    assert last_working_day(datetime.date(2025, 4, 5), 1) == datetime.date(2025, 4, 8)  # a Saturday start


def test_a_posting_for_a_bang_khen_nomination_collects_a_comment_shown_in_the_appraisal(client, posting, reviewer):
    assert posting.ends_on == datetime.date(2025, 4, 18)
    public = client.get(reverse("postings:detail", args=[posting.pk]))
    assert public.status_code == 200 and "Đạt chuẩn nông thôn mới" in public.content.decode()

    response = comment(client, posting)

    assert response.status_code == 302
    client.force_login(reviewer)
    appraisal = client.get(reverse("awards:appraise", args=[posting.nomination_id])).content.decode()
    assert "Ông An thường xuyên giúp đỡ bà con." in appraisal and "0912 345 678" in appraisal


def test_comments_are_not_shown_on_the_public_page(client, posting):
    comment(client, posting)
    assert "0912 345 678" not in client.get(reverse("postings:detail", args=[posting.pk])).content.decode()


def test_the_public_list_shows_running_postings_only(client, posting, at_district, forms, reviewer, clock):
    ended = services.open_posting(
        at_district(award_form=forms.pm_certificate), starts_on=MONDAY, working_days=1, by=reviewer
    )
    clock(datetime.date(2025, 4, 9))
    page = client.get(reverse("postings:list")).content.decode()
    assert reverse("postings:detail", args=[posting.pk]) in page
    assert reverse("postings:detail", args=[ended.pk]) not in page


def test_a_comment_on_a_closed_posting_is_refused(client, posting, clock):
    clock(datetime.date(2025, 4, 19))

    response = comment(client, posting)

    assert response.status_code == 400
    assert not PostingComment.objects.exists()
    assert "The posting has ended" in response.content.decode()


def test_a_comment_before_the_posting_opens_is_refused(client, merit, reviewer):
    later = services.open_posting(merit, starts_on=datetime.date(2025, 4, 14), working_days=5, by=reviewer)
    with pytest.raises(ValidationError, match="opens on 14/04/2025"):
        services.add_comment(later, name="A", contact="B", text="C", address="203.0.113.7")


def test_a_flood_of_comments_from_one_address_is_throttled(client, posting):
    for number in range(COMMENTS_PER_WINDOW):
        assert comment(client, posting, text=f"Ý kiến {number}").status_code == 302

    flooded = comment(client, posting, text="Một lần nữa")

    assert flooded.status_code == 429
    assert "Too many comments" in flooded.content.decode()
    assert PostingComment.objects.count() == COMMENTS_PER_WINDOW
    assert comment(client, posting, address="198.51.100.2").status_code == 302  # another address is not held up


def test_comment_fields_are_bounded(client, posting):
    response = comment(client, posting, text="x" * 2001)
    assert response.status_code == 400
    assert not PostingComment.objects.exists()
    assert "at most 2000 characters" in response.content.decode()


def test_the_council_cannot_vote_before_the_posting_ends(client, posting, council_session, reviewer, clock):
    clock(datetime.date(2025, 4, 15))
    item = services.put_on_agenda(posting.nomination, session=council_session, by=reviewer)

    with pytest.raises(ValidationError, match="runs until 18/04/2025"):
        vote_everyone(item, "agree", by=reviewer)
    client.force_login(reviewer)
    page = client.get(reverse("awards:session", args=[council_session.pk])).content.decode()
    assert f'id="vote-blocked-{item.pk}"' in page and "18/04/2025" in page

    clock(datetime.date(2025, 4, 21))
    item = vote_everyone(item, "agree", by=reviewer)
    assert item.result == item.Result.PASSED


def test_a_secret_ballot_tally_is_refused_too_while_the_posting_runs(posting, make_council_session, reviewer):
    session = make_council_session(secret_ballot=True)
    item = services.put_on_agenda(posting.nomination, session=session, by=reviewer)
    with pytest.raises(ValidationError, match="public posting runs"):
        services.record_tally(item, agree=3, disagree=0, abstain=0, by=reviewer)


def test_the_reviewer_opens_a_posting_from_the_appraisal_page(client, merit, reviewer):
    client.force_login(reviewer)
    url = reverse("awards:open-posting", args=[merit.pk])

    response = client.post(url, {"posting-starts_on": "07/04/2025", "posting-working_days": "10"})

    assert response.status_code == 302
    merit.refresh_from_db()
    assert merit.posting.ends_on == datetime.date(2025, 4, 18)


@pytest.mark.parametrize(
    ("starts_on", "days", "message"),
    [
        ("07/04/2025", "0", "from 1 to 60"),
        ("07/04/2025", "61", "from 1 to 60"),
        ("01/04/2025", "10", "starts today or on a later day"),
        ("not a date", "10", "Enter a valid date"),
    ],
)
def test_bad_posting_input_is_refused_next_to_the_field(client, merit, reviewer, starts_on, days, message):
    client.force_login(reviewer)
    response = client.post(
        reverse("awards:open-posting", args=[merit.pk]), {"posting-starts_on": starts_on, "posting-working_days": days}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PublicPosting.objects.exists()


def test_a_giay_khen_is_not_posted(at_district, reviewer):
    with pytest.raises(ValidationError, match="not posted publicly"):
        services.open_posting(at_district(), starts_on=MONDAY, working_days=10, by=reviewer)


def test_a_nomination_is_posted_once(posting, reviewer):
    with pytest.raises(ValidationError, match="already posted"):
        services.open_posting(posting.nomination, starts_on=MONDAY, working_days=10, by=reviewer)


def test_another_units_reviewer_cannot_open_a_posting(client, merit, outsider):
    client.force_login(outsider)
    url = reverse("awards:open-posting", args=[merit.pk])
    assert client.post(url, {"posting-starts_on": "07/04/2025", "posting-working_days": "10"}).status_code == 404


@pytest.mark.parametrize("scale", [1, 10])
def test_the_public_list_runs_a_constant_number_of_queries(
    client, at_district, forms, reviewer, scale, django_assert_max_num_queries
):
    for _ in range(3 * scale):
        services.open_posting(
            at_district(award_form=forms.province_merit), starts_on=MONDAY, working_days=10, by=reviewer
        )
    with django_assert_max_num_queries(4):
        assert client.get(reverse("postings:list")).status_code == 200
