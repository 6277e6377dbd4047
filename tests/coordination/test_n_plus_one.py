"""django-zeal runs with every request of the test suite: a page that loads a relation per row fails."""

import pytest
from zeal import NPlusOneError

from tests.meetings.factories import MeetingFactory, MeetingSeriesFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.coordination.n_plus_one_urls")]


@pytest.fixture
def meetings_of_two_series():
    for _ in range(2):
        series = MeetingSeriesFactory()
        MeetingFactory(series=series)
        MeetingFactory(series=series)


def test_a_page_loading_the_series_of_each_meeting_fails(client, admin_user, meetings_of_two_series):
    client.force_login(admin_user)
    with pytest.raises(NPlusOneError):
        client.get("/n-plus-one/")


def test_the_same_page_with_select_related_passes(client, admin_user, meetings_of_two_series):
    client.force_login(admin_user)
    assert client.get("/joined/").status_code == 200
