"""The admin shows workflow state but does not change it: publishing goes through meetings.services."""

import pytest
from django.urls import reverse

from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_the_admin_cannot_publish_minutes_by_editing_a_field(client, admin_user):
    meeting = MeetingFactory()
    client.force_login(admin_user)
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = client.get(url).context["adminform"].form
    # Only form fields are ever saved by the admin: without the field, no POST can publish.
    assert not {"minutes_status", "minutes_published_at", "minutes_published_by"} & set(form.fields)
