"""The attendance register loses nothing: each row carries its version and the values it was shown with, so a save
writes only what the user changed on their page; a row someone else changed in the same field meanwhile comes back
with both values (keep mine or take theirs); a walk-in recorded on the page carries the rows' unsaved changes; and
with JavaScript each row is saved on its own as it is changed (RegisterRowView).

The pages are read and posted as a browser would: the register's form as rendered (tests/meetings/page_forms.py)."""

import datetime
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from common.roles import FOCAL_POINT
from meetings.models import MeetingStatus, OrganizationReply, Participation
from tests.meetings.factories import MeetingFactory, ParticipationFactory
from tests.meetings.page_forms import register_form
from tests.stakeholders.factories import OrganizationFactory, participant_user, secretariat_user

pytestmark = pytest.mark.django_db


def _session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _prefix(data, row) -> str:
    """The form prefix of ``row`` in the posted register ("participants-3")."""
    return next(key.removesuffix("-id") for key, value in data.items() if key.endswith("-id") and value == str(row.pk))


def _choose(data, row, **values):
    prefix = _prefix(data, row)
    for name, value in values.items():
        data[f"{prefix}-{name}"] = value
    return data


def _status(row) -> str:
    return Participation.objects.get(pk=row.pk).status


@pytest.fixture
def held():
    """A meeting that took place yesterday, with three organisations invited."""
    start = timezone.now() - datetime.timedelta(days=1)
    meeting = MeetingFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    rows = [ParticipationFactory(meeting=meeting, organization=OrganizationFactory(name=f"Body {n}")) for n in "ABC"]
    return meeting, rows


@pytest.fixture
def two_sessions(db):
    return _session(secretariat_user(username="aziza")), _session(secretariat_user(username="bekzod"))


def test_two_sessions_each_keep_their_change(held, two_sessions):
    meeting, (first, second, _third) = held
    session_a, session_b = two_sessions
    url = reverse("meetings:meeting-participants", args=[meeting.pk])
    page_a, page_b = register_form(session_a, url), register_form(session_b, url)  # both opened the page
    assert session_a.post(url, _choose(page_a, first, status="excused")).status_code == 302
    assert session_b.post(url, _choose(page_b, second, status="attended")).status_code == 302
    assert (_status(first), _status(second)) == ("excused", "attended")  # B's page still showed A's row invited


def test_a_row_the_user_left_alone_keeps_the_focal_points_answer(client):
    organization = OrganizationFactory(name="Ministry of Justice")
    start = timezone.now() + datetime.timedelta(days=9)
    meeting = MeetingFactory(status=MeetingStatus.PLANNED, starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    theirs = ParticipationFactory(meeting=meeting, organization=organization)
    other = ParticipationFactory(meeting=meeting, organization=OrganizationFactory(name="Embassy"))
    secretariat = _session(secretariat_user(username="aziza"))
    url = reverse("meetings:meeting-participants", args=[meeting.pk])
    page = register_form(secretariat, url)  # opened before the focal point answers
    focal_point = participant_user(organization=organization, username="focal")
    focal_point.groups.set([Group.objects.get(name=FOCAL_POINT)])
    client.force_login(focal_point)
    reply_url = reverse("meetings:meeting-organization-reply", args=[meeting.pk])
    assert client.post(reply_url, {"answer": "declined"}).status_code == 302
    assert _status(theirs) == "excused"
    assert secretariat.post(url, _choose(page, other, status="confirmed")).status_code == 302
    assert (_status(theirs), _status(other)) == ("excused", "confirmed")
    assert OrganizationReply.objects.get(meeting=meeting, organization=organization).answer == "declined"


def test_a_real_conflict_shows_both_values_and_the_user_decides(held, two_sessions):
    meeting, (first, second, _third) = held
    session_a, session_b = two_sessions
    url = reverse("meetings:meeting-participants", args=[meeting.pk])
    page_a, page_b = register_form(session_a, url), register_form(session_b, url)
    assert session_a.post(url, _choose(page_a, first, status="excused")).status_code == 302
    # B chose otherwise for the same row, and changed another row too.
    _choose(page_b, first, status="attended")
    response = session_b.post(url, _choose(page_b, second, status="absent"))
    assert response.status_code == 200
    assert (_status(first), _status(second)) == ("excused", "absent")  # A's change kept, B's other row saved
    content = response.content.decode()
    assert "1 row was changed by someone else while you had the register open" in content
    row_html = re.search(rf'<tr data-participant="{first.organization.short_name}".*?</tr>', content, re.S).group(0)
    assert "Status: you chose “Attended”; meanwhile “Excused” was recorded by Secretariat aziza." in row_html
    form = next(form for form in response.context["formset"].forms if form.instance.pk == first.pk)
    assert form["status"].value() == "attended"  # B's choice is still on the page
    # Saving again without deciding is still a conflict: nothing is overwritten.
    again = register_form(session_b, url, response=response)
    assert session_b.post(url, again).status_code == 200 and _status(first) == "excused"
    # "Take theirs": the row stays as A saved it, and the page is the register as saved.
    taken = session_b.post(url, again | {"take_theirs": str(first.pk)})
    assert taken.status_code == 302 and _status(first) == "excused"
    # "Keep mine": B's choice replaces A's, now that B has seen it.
    keep_mine = re.search(r'name="keep_mine" value="([^"]+)"', response.content.decode()).group(1)
    assert keep_mine == f"{first.pk}:{Participation.objects.get(pk=first.pk).version}"
    assert session_b.post(url, again | {"keep_mine": keep_mine}).status_code == 302
    assert _status(first) == "attended"


def test_different_fields_of_one_row_are_merged_not_a_conflict(held, two_sessions):
    meeting, (first, *_others) = held
    session_a, session_b = two_sessions
    url = reverse("meetings:meeting-participants", args=[meeting.pk])
    page_a, page_b = register_form(session_a, url), register_form(session_b, url)
    assert session_a.post(url, _choose(page_a, first, role="chair")).status_code == 302
    assert session_b.post(url, _choose(page_b, first, status="attended")).status_code == 302
    row = Participation.objects.get(pk=first.pk)
    assert (row.role, row.status) == ("chair", "attended")


def test_a_walk_in_carries_the_rows_unsaved_changes(held, two_sessions):
    meeting, rows = held
    session, _other = two_sessions
    url = reverse("meetings:meeting-participants", args=[meeting.pk])
    page = register_form(session, url)
    for row in rows:  # "Attended" clicked on each row, without JavaScript: nothing saved yet
        _choose(page, row, status="attended")
    embassy = OrganizationFactory(name="Embassy of Estonia")
    page |= {"walk_in-name": "Kadri Tamm", "walk_in-organization": str(embassy.pk)}
    response = session.post(reverse("meetings:meeting-walk-in", args=[meeting.pk]), page, follow=True)
    assert any("Recorded Kadri Tamm as attended" in str(message) for message in response.context["messages"])
    assert {_status(row) for row in rows} == {"attended"}
    assert meeting.participations.get(attendee_name="Kadri Tamm").walk_in


def test_a_walk_in_with_an_error_still_saves_the_rows(held, two_sessions):
    meeting, (first, *_others) = held
    session, _other = two_sessions
    page = register_form(session, reverse("meetings:meeting-participants", args=[meeting.pk]))
    _choose(page, first, status="attended")
    response = session.post(
        reverse("meetings:meeting-walk-in", args=[meeting.pk]), page | {"walk_in-name": "No Organisation"}
    )
    assert response.status_code == 200 and response.context["walk_in_form"].errors["organization"]
    assert response.context["walk_in_form"]["name"].value() == "No Organisation"  # kept for a second try
    assert _status(first) == "attended"


def test_the_page_names_the_register_form_on_the_walk_in_inputs(held, two_sessions):
    meeting, _rows = held
    session, _other = two_sessions
    content = session.get(reverse("meetings:meeting-participants", args=[meeting.pk])).content.decode()
    walk_in = re.search(r'<div class="mb-4" id="walk-in-form">.*?</div>\s*$', content, re.S | re.M).group(0)
    assert 'name="walk_in-name"' in walk_in and 'form="register-form"' in walk_in
    assert re.search(r'<button type="submit" form="register-form" formaction="[^"]+/walk-in/"', content)


def test_the_walk_in_asks_for_a_persons_name_in_russian_not_an_organisations(held, two_sessions):
    meeting, _rows = held
    session, _other = two_sessions
    session.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    form = session.get(reverse("meetings:meeting-participants", args=[meeting.pk])).context["walk_in_form"]
    assert str(form["name"].label) == "Имя"  # "Название" names a thing


# One row saved as it is changed (the fetch of static/js/register.js)


def _row_data(page, row, **values) -> dict:
    prefix = _prefix(page, row)
    data = {key: value for key, value in page.items() if key.startswith((f"{prefix}-", f"initial-{prefix}-"))}
    data.pop(f"{prefix}-DELETE", None)
    return data | {"prefix": prefix} | {f"{prefix}-{name}": value for name, value in values.items()}


def test_a_row_saved_on_its_own_says_saved_with_its_new_version(held, two_sessions, django_assert_max_num_queries):
    meeting, (first, second, _third) = held
    session, _other = two_sessions
    page = register_form(session, reverse("meetings:meeting-participants", args=[meeting.pk]))
    url = reverse("meetings:meeting-participant-row", args=[meeting.pk, first.pk])
    with django_assert_max_num_queries(12):
        response = session.post(url, _row_data(page, first, status="attended"))
    content = response.content.decode()
    saved = Participation.objects.get(pk=first.pk)
    assert saved.status == "attended" and saved.version == first.version + 1
    assert 'data-state="saved"' in content and f'data-version="{saved.version}"' in content and "Saved" in content
    assert _status(second) == "invited"  # only that row


def test_a_row_saved_on_its_own_over_a_newer_change_is_a_conflict(held, two_sessions):
    meeting, (first, *_others) = held
    session_a, session_b = two_sessions
    page_a = register_form(session_a, reverse("meetings:meeting-participants", args=[meeting.pk]))
    page_b = register_form(session_b, reverse("meetings:meeting-participants", args=[meeting.pk]))
    url = reverse("meetings:meeting-participant-row", args=[meeting.pk, first.pk])
    assert 'data-state="saved"' in session_a.post(url, _row_data(page_a, first, status="excused")).content.decode()
    content = session_b.post(url, _row_data(page_b, first, status="attended")).content.decode()
    assert 'data-state="conflict"' in content and 'data-status="excused"' in content
    assert "you chose “Attended”; meanwhile “Excused” was recorded by Secretariat aziza." in content
    assert _status(first) == "excused"
    # "Keep mine" (the script sends the version now saved, and their values as the ones shown).
    current = Participation.objects.get(pk=first.pk)
    prefix = _prefix(page_b, first)
    keep = _row_data(page_b, first, status="attended") | {
        f"{prefix}-version": current.version,
        f"initial-{prefix}-status": current.status,
    }
    assert 'data-state="saved"' in session_b.post(url, keep).content.decode()
    assert _status(first) == "attended"


def test_a_bad_row_save_is_an_error_not_a_500(held, two_sessions):
    meeting, (first, *_others) = held
    session, _other = two_sessions
    url = reverse("meetings:meeting-participant-row", args=[meeting.pk, first.pk])
    bad = ({}, {"prefix": "x", "x-status": "asleep"}, {"prefix": "participants-0", "participants-0-version": "-"})
    for data in bad:
        response = session.post(url, data)
        assert response.status_code == 200 and 'data-state="error"' in response.content.decode()
    assert _status(first) == "invited"
    other_meetings_row = ParticipationFactory()
    assert (
        session.post(reverse("meetings:meeting-participant-row", args=[meeting.pk, other_meetings_row.pk])).status_code
        == 404
    )


def test_a_walk_in_before_the_start_takes_the_registers_confirmation(two_sessions):
    start = timezone.now() + datetime.timedelta(days=2)
    meeting = MeetingFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    session, _other = two_sessions
    page = register_form(session, reverse("meetings:meeting-participants", args=[meeting.pk]))  # no one invited yet
    page |= {"walk_in-name": "Early Bird", "walk_in-organization": str(OrganizationFactory().pk)}
    walk_in_url = reverse("meetings:meeting-walk-in", args=[meeting.pk])
    response = session.post(walk_in_url, page)
    assert response.status_code == 200 and "has not started yet" in response.content.decode()
    assert response.context["walk_in_form"]["name"].value() == "Early Bird" and not meeting.participations.exists()
    assert session.post(walk_in_url, page | {"confirm_before_start": "on"}).status_code == 302
    assert meeting.participations.get().attendee_name == "Early Bird"


@pytest.mark.parametrize("tampered", [{"role": "<script>"}, {"version": "not a number"}])
def test_a_row_ticked_for_removal_with_a_tampered_value_is_an_error_not_a_500(held, two_sessions, tampered):
    meeting, (first, _second, _third) = held
    session, _ = two_sessions
    url = reverse("meetings:meeting-participants", args=[meeting.pk])
    response = session.post(url, _choose(register_form(session, url), first, DELETE="on", **tampered))
    assert response.status_code == 200  # the page again, with the row's error
    assert Participation.objects.filter(pk=first.pk).exists()
