"""common.history: the history of a tracked model, with its manager class made once per model."""

import pytest

from meetings.models import Meeting
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_the_history_manager_class_is_made_once_and_each_read_is_bound_to_its_record():
    first, second = MeetingFactory(), MeetingFactory()
    first.title = "Renamed"
    first.save()

    assert type(first.history) is type(second.history) is type(Meeting.history)
    assert first.history.count() == 2
    assert second.history.count() == 1
    assert first.history.first().title == "Renamed"
    assert Meeting.history.filter(id__in=[first.pk, second.pk]).count() == 3
