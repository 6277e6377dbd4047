"""The approval loop of the minutes: circulated to the attending organisations, commented on per item, resolved by
the secretariat, approved at the next meeting (whose agenda gets the item by itself), locked, and corrected only
as a new version; mail only after a confirmation naming how many people it reaches, each in their language."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from common.formatting import date_text
from common.models import OutgoingMail
from common.roles import FOCAL_POINT
from meetings import services
from meetings.models import (
    AgendaItem,
    MeetingMail,
    MeetingMailKind,
    MeetingStatus,
    MinutesStatus,
    ParticipationStatus,
)
from tests.meetings.factories import (
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    ParticipationFactory,
    StatementFactory,
)
from tests.stakeholders.factories import OrganizationFactory, participant_user

pytestmark = pytest.mark.django_db

IN_TWO_WEEKS = datetime.date.today() + datetime.timedelta(days=14)


@pytest.fixture
def loop(organization, participant):
    """A held 4th meeting the participant's organisation attended (and another did not), with a planned 5th."""
    fourth = MeetingFactory(number=4)
    item = AgendaItemFactory(meeting=fourth, position=1, discussion_summary="Partners shared figures.")
    ParticipationFactory(meeting=fourth, organization=organization, status=ParticipationStatus.ATTENDED)
    absent = OrganizationFactory(name="Absent Agency")
    ParticipationFactory(meeting=fourth, organization=absent, status=ParticipationStatus.EXCUSED)
    outsider = participant_user(organization=absent)
    now = timezone.now()
    fifth = MeetingFactory(
        series=fourth.series,
        number=5,
        status=MeetingStatus.PLANNED,
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=2),
    )
    AgendaItemFactory(meeting=fifth, position=1, title="Opening")
    return {"fourth": fourth, "item": item, "fifth": fifth, "outsider": outsider}


def test_circulating_changes_the_state_mails_the_attending_people_and_adds_the_item_to_the_next_agenda(
    loop, secretariat, participant
):
    circulation = services.circulate_minutes(meeting=loop["fourth"], user=secretariat, comments_due=IN_TWO_WEEKS)
    fourth = circulation.meeting
    assert fourth.minutes_status == MinutesStatus.CIRCULATED and fourth.minutes_comments_due == IN_TWO_WEEKS
    mails = OutgoingMail.objects.filter(key__contains="minutes-circulated")
    assert circulation.announced_to == 1 and [mail.to for mail in mails] == [[participant.contact.email]]
    agenda = list(loop["fifth"].agenda_items.order_by("position"))
    assert [item.title for item in agenda] == ["Approval of the minutes of the 4th meeting", "Opening"]
    assert agenda[0].title_ru and agenda[0].title_ru != agenda[0].title  # its Russian version is stored too
    services.publish_minutes(meeting=fourth, user=secretariat)  # publishing adds no second item
    assert loop["fifth"].agenda_items.count() == 2


def test_circulation_mail_is_written_in_each_recipients_language(loop, secretariat, participant):
    participant.contact.preferred_language = "ru"
    participant.contact.save()
    services.circulate_minutes(meeting=loop["fourth"], user=secretariat, comments_due=IN_TWO_WEEKS)
    mail = OutgoingMail.objects.get(key__contains="minutes-circulated")
    assert "Проект протокола" in mail.subject
    with translation.override("ru"):  # the comment deadline in the portal's one Russian date style
        assert date_text(IN_TWO_WEEKS) in mail.body


def test_only_attending_organisations_comment_and_only_while_comments_are_open(loop, secretariat, participant):
    fourth = loop["fourth"]
    with pytest.raises(ValidationError):  # not circulated yet
        services.add_minutes_comment(meeting=fourth, user=participant, text="Too early")
    services.circulate_minutes(meeting=fourth, user=secretariat, comments_due=IN_TWO_WEEKS)
    fourth.refresh_from_db()
    comment = services.add_minutes_comment(
        meeting=fourth, user=participant, text="Add our figure", agenda_item=loop["item"]
    )
    assert comment.organization == participant.contact.organization
    assert not services.may_comment_on_minutes(loop["outsider"], fourth)
    fourth.minutes_comments_due = datetime.date.today() - datetime.timedelta(days=1)
    assert "ended" in services.comment_refusal(fourth, participant)


def test_approval_locks_the_minutes_and_a_correction_is_a_new_version(loop, secretariat):
    fourth, fifth = loop["fourth"], loop["fifth"]
    DecisionFactory(meeting=fourth, text="The plan is endorsed.")
    services.circulate_minutes(meeting=fourth, user=secretariat, comments_due=IN_TWO_WEEKS)
    approval = services.approve_minutes(meeting=fourth, at_meeting=fifth, user=secretariat)
    fourth = approval.meeting
    assert fourth.minutes_published and fourth.minutes_locked  # the circulated draft is published by the approval
    assert fourth.minutes_document_status == "Approved, version 1"
    with pytest.raises(ValidationError, match="approved at the 5th meeting and are locked"):
        services.save_item_minutes(
            item=AgendaItem.objects.get(pk=loop["item"].pk),
            expected_version=loop["item"].version,
            texts={"discussion_summary": "Changed after approval"},
            user=secretariat,
        )
    services.reopen_minutes(meeting=fourth, user=secretariat, reason="Correct the date in item 1")
    item = AgendaItem.objects.get(pk=loop["item"].pk)
    services.save_item_minutes(
        item=item, expected_version=item.version, texts={"discussion_summary": "Corrected."}, user=secretariat
    )
    services.publish_minutes(meeting=fourth, user=secretariat)
    versions = list(fourth.minutes_versions.order_by("number"))
    assert [(version.number, version.reason) for version in versions] == [
        (1, "Approved at the 5th meeting"),
        (2, "Correct the date in item 1"),
    ]
    assert versions[0].content["items"][0]["discussion_summary"] == "Partners shared figures."  # as approved
    assert versions[1].content["items"][0]["discussion_summary"] == "Corrected."
    assert versions[0].content["decisions"][0]["reference"].startswith("4.")


def test_approval_is_refused_before_circulation_and_at_a_meeting_not_begun(loop, secretariat):
    fourth, fifth = loop["fourth"], loop["fifth"]
    assert "Circulate or publish" in services.approval_refusal(fourth, fifth)
    services.circulate_minutes(meeting=fourth, user=secretariat, comments_due=IN_TWO_WEEKS)
    fourth.refresh_from_db()
    fifth.starts_at = timezone.now() + datetime.timedelta(days=3)
    fifth.ends_at = fifth.starts_at + datetime.timedelta(hours=2)
    assert "once it has begun" in services.approval_refusal(fourth, fifth)


def test_preparing_the_next_meeting_adds_the_approval_of_circulated_minutes(secretariat):
    fourth = MeetingFactory(number=4)
    AgendaItemFactory(meeting=fourth, position=1)
    organization = OrganizationFactory()
    ParticipationFactory(meeting=fourth, organization=organization, status=ParticipationStatus.ATTENDED)
    services.circulate_minutes(meeting=fourth, user=secretariat, comments_due=IN_TWO_WEEKS)
    fifth = services.prepare_next_meeting(series=fourth.series, user=secretariat)
    first = fifth.agenda_items.order_by("position").first()
    assert first.title == "Approval of the minutes of the 4th meeting"
    fourth.refresh_from_db()
    assert fourth.minutes_approval_item == first


# Over HTTP, per role


def test_circulating_asks_first_naming_the_number_of_recipients(client, loop, secretariat, participant):
    client.force_login(secretariat)
    url = reverse("meetings:meeting-minutes-circulate", args=[loop["fourth"].pk])
    question = client.get(url)
    page = question.content.decode()
    assert "1 person will be e-mailed a link to the draft" in page
    assert "Draft minutes for your comments" in page  # the message itself, as its recipient will read it
    loop["fourth"].refresh_from_db()
    assert loop["fourth"].minutes_status == MinutesStatus.DRAFT  # the question changes nothing
    data = {"confirm": "True", "comments_due": IN_TWO_WEEKS.isoformat()}
    # Without the token of the recipients the screen showed, nothing is sent: the screen is shown again.
    assert client.post(url, data).url == url
    loop["fourth"].refresh_from_db()
    assert not loop["fourth"].minutes_circulated
    response = client.post(url, {**data, "recipients": question.context["form"].initial["recipients"]})
    assert response.status_code == 302
    loop["fourth"].refresh_from_db()
    assert loop["fourth"].minutes_circulated


def test_circulated_draft_is_read_by_attending_people_only_and_comments_reach_the_editor(
    client, loop, secretariat, participant
):
    fourth = loop["fourth"]
    services.circulate_minutes(meeting=fourth, user=secretariat, comments_due=IN_TWO_WEEKS)
    url = reverse("meetings:meeting-minutes-circulated", args=[fourth.pk])
    client.force_login(loop["outsider"])
    assert client.get(url).status_code == 404
    assert "Partners shared figures" not in client.get(fourth.get_absolute_url()).content.decode()
    focal_point = participant_user(organization=participant.contact.organization)
    focal_point.groups.add(Group.objects.get(name=FOCAL_POINT))
    client.force_login(focal_point)
    assert "Partners shared figures" in client.get(url).content.decode()
    response = client.post(url, {"agenda_item": loop["item"].pk, "text": "Please add the 2023 figure."})
    assert response.status_code == 302
    client.force_login(secretariat)
    editor = client.get(reverse("meetings:meeting-minutes-edit", args=[fourth.pk])).content.decode()
    assert "Please add the 2023 figure." in editor and "Resolve" in editor
    comment = fourth.minutes_comments.get()
    client.post(reverse("meetings:minutes-comment-resolve", args=[comment.pk]), {"note": "Added to item 1."})
    comment.refresh_from_db()
    assert comment.is_resolved and comment.resolution_note == "Added to item 1."


def test_approval_over_http_confirms_locks_and_refuses_an_edit_with_a_clear_message(client, loop, secretariat):
    fourth = loop["fourth"]
    services.circulate_minutes(meeting=fourth, user=secretariat, comments_due=IN_TWO_WEEKS)
    client.force_login(secretariat)
    fifth_page = client.get(loop["fifth"].get_absolute_url()).content.decode()
    assert "Approved at the 5th meeting" in fifth_page
    url = reverse("meetings:meeting-minutes-approve", args=[fourth.pk])
    question = client.get(url)
    assert "will be e-mailed that the minutes are approved" in question.content.decode()
    client.post(url, {"confirm": "True"})  # without the recipients' token: asked again, nothing done
    fourth.refresh_from_db()
    assert not fourth.minutes_approved
    client.post(url, {"confirm": "True", "recipients": question.context["form"].initial["recipients"]})
    fourth.refresh_from_db()
    assert fourth.minutes_locked
    item = loop["item"]
    response = client.post(
        reverse("meetings:meeting-item-minutes", args=[fourth.pk, item.pk]),
        {"discussion_summary": "Edited", "outcome": "", "version": item.version},
        follow=True,
    )
    assert "approved at the 5th meeting and are locked" in response.content.decode()
    assert AgendaItem.objects.get(pk=item.pk).discussion_summary == "Partners shared figures."
    versions = client.get(reverse("meetings:meeting-minutes-versions", args=[fourth.pk])).content.decode()
    assert "Approved at the 5th meeting" in versions
    pdf_footer = client.get(reverse("meetings:meeting-minutes-print", args=[fourth.pk])).content.decode()
    assert "Approved, version 1" in pdf_footer


# Comments beside each item; the author edits or withdraws their own, until it is resolved


def _circulated(loop, secretariat):
    services.circulate_minutes(meeting=loop["fourth"], user=secretariat, comments_due=IN_TWO_WEEKS)
    loop["fourth"].refresh_from_db()
    return loop["fourth"]


def _comments_of(page: str, key) -> str:
    """The block of the circulated draft's page that holds the comments on one item (or "general")."""
    start = page.index(f'id="comments-{key}"')
    following = page.find('id="comments-', start + 1)
    return page[start : following if following != -1 else len(page)]


def _focal_point_of(organization):
    focal_point = participant_user(organization=organization)
    focal_point.groups.add(Group.objects.get(name=FOCAL_POINT))
    return focal_point


def test_each_item_of_the_circulated_draft_has_its_own_comment_form_and_its_comments_beside_it(
    client, loop, secretariat, participant
):
    second = AgendaItemFactory(meeting=loop["fourth"], position=2, title="Border data")  # no text yet: still open
    fourth = _circulated(loop, secretariat)
    url = reverse("meetings:meeting-minutes-circulated", args=[fourth.pk])
    client.force_login(participant)
    page = client.get(url).content.decode()
    for key in ("general", loop["item"].pk, second.pk):
        assert 'class="comment-form"' in _comments_of(page, key)
    assert f'name="agenda_item" value="{second.pk}"' in _comments_of(page, second.pk)
    assert client.post(url, {"agenda_item": second.pk, "text": "Border data is missing."}).status_code == 302
    page = client.get(url).content.decode()
    assert "Border data is missing." in _comments_of(page, second.pk)
    assert "Border data is missing." not in _comments_of(page, loop["item"].pk)
    # With htmx the item's block comes back alone, with the new comment and an empty form.
    response = client.post(url, {"agenda_item": loop["item"].pk, "text": "Add 2023."}, HTTP_HX_REQUEST="true")
    fragment = response.content.decode()
    assert response.status_code == 200 and "<html" not in fragment
    assert f'id="comments-{loop["item"].pk}"' in fragment and "Add 2023." in fragment
    # An empty comment: the item's form says what is missing, and nothing is recorded.
    response = client.post(url, {"agenda_item": loop["item"].pk, "text": "  "}, HTTP_HX_REQUEST="true")
    assert "This field is required." in response.content.decode()
    response = client.post(url, {"agenda_item": second.pk, "text": ""})
    assert "This field is required." in _comments_of(response.content.decode(), second.pk)
    assert fourth.minutes_comments.count() == 2


def test_the_author_edits_their_comment_and_the_secretariat_sees_it_was_edited(client, loop, secretariat, participant):
    fourth = _circulated(loop, secretariat)
    comment = services.add_minutes_comment(meeting=fourth, user=participant, text="Add 2022.", agenda_item=loop["item"])
    url = reverse("meetings:minutes-comment-edit", args=[comment.pk])
    client.force_login(participant)
    page = client.get(reverse("meetings:meeting-minutes-circulated", args=[fourth.pk])).content.decode()
    assert url in page  # the author's comment offers its edit
    form = client.get(url)
    assert form.status_code == 200 and "Add 2022." in form.content.decode()
    assert "<html" not in client.get(url, HTTP_HX_REQUEST="true").content.decode()  # in place with htmx
    response = client.post(url, {"text": "Add 2023.", "version": comment.version})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.text == "Add 2023." and comment.is_edited
    fragment = client.post(url, {"text": "Add 2023 and 2024.", "version": comment.version}, HTTP_HX_REQUEST="true")
    assert "Add 2023 and 2024." in fragment.content.decode() and "<html" not in fragment.content.decode()
    client.force_login(secretariat)
    editor = client.get(reverse("meetings:meeting-minutes-edit", args=[fourth.pk])).content.decode()
    assert "Add 2023 and 2024." in editor and "edited by its author" in editor


def test_a_second_tab_does_not_overwrite_the_first(client, loop, secretariat, participant):
    fourth = _circulated(loop, secretariat)
    comment = services.add_minutes_comment(meeting=fourth, user=participant, text="Add 2022.", agenda_item=loop["item"])
    url = reverse("meetings:minutes-comment-edit", args=[comment.pk])
    client.force_login(participant)
    opened_at = comment.version  # both tabs opened the form at this version
    assert client.post(url, {"text": "First tab.", "version": opened_at}).status_code == 302
    response = client.post(url, {"text": "Second tab.", "version": opened_at})
    page = response.content.decode()
    assert response.status_code == 200 and "were NOT saved" in page and "First tab." in page
    assert "Second tab." in page  # the user's own text is kept in the form
    comment.refresh_from_db()
    assert comment.text == "First tab."
    withdrawn = client.post(reverse("meetings:minutes-comment-withdraw", args=[comment.pk]), {"version": opened_at})
    assert withdrawn.status_code == 302 and fourth.minutes_comments.filter(pk=comment.pk).exists()


def test_only_the_author_edits_or_withdraws_and_only_until_the_comment_is_resolved(
    client, loop, secretariat, participant
):
    fourth = _circulated(loop, secretariat)
    comment = services.add_minutes_comment(meeting=fourth, user=participant, text="Add 2022.", agenda_item=loop["item"])
    edit = reverse("meetings:minutes-comment-edit", args=[comment.pk])
    withdraw = reverse("meetings:minutes-comment-withdraw", args=[comment.pk])
    colleague = _focal_point_of(participant.contact.organization)
    for user, answer in ((colleague, 403), (secretariat, 403), (loop["outsider"], 404)):
        client.force_login(user)
        assert client.get(edit).status_code == answer
        assert client.post(edit, {"text": "Hijacked", "version": comment.version}).status_code == answer
        assert client.post(withdraw, {"version": comment.version}).status_code == answer
    client.force_login(colleague)
    page = client.get(reverse("meetings:meeting-minutes-circulated", args=[fourth.pk])).content.decode()
    assert edit not in page and withdraw not in page  # not offered to anyone but the author
    comment.refresh_from_db()
    assert comment.text == "Add 2022."
    services.resolve_minutes_comment(comment=comment, user=secretariat, note="Added.")
    client.force_login(participant)
    response = client.post(edit, {"text": "Changed after resolution", "version": comment.version})
    assert "it can no longer be changed" in response.content.decode()
    response = client.post(withdraw, {"version": comment.version}, follow=True)
    assert "it can no longer be changed" in response.content.decode()
    comment.refresh_from_db()
    assert comment.text == "Add 2022."
    assert client.get(withdraw).status_code == 405


def test_the_author_withdraws_their_comment(client, loop, secretariat, participant):
    fourth = _circulated(loop, secretariat)
    first = services.add_minutes_comment(meeting=fourth, user=participant, text="Add 2022.", agenda_item=loop["item"])
    second = services.add_minutes_comment(meeting=fourth, user=participant, text="Typo in the title.")
    client.force_login(participant)
    url = reverse("meetings:minutes-comment-withdraw", args=[first.pk])
    assert client.post(url, {"version": first.version}).status_code == 302
    url = reverse("meetings:minutes-comment-withdraw", args=[second.pk])
    response = client.post(url, {"version": second.version}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and response.content == b""  # htmx removes it from the page
    assert not fourth.minutes_comments.exists()


def test_the_secretariat_resolves_in_place_and_not_a_comment_edited_since_it_was_read(
    client, loop, secretariat, participant
):
    fourth = _circulated(loop, secretariat)
    comment = services.add_minutes_comment(meeting=fourth, user=participant, text="Add 2022.", agenda_item=loop["item"])
    read_at = comment.version
    services.edit_minutes_comment(comment=comment, user=participant, text="Add 2023.", expected_version=read_at)
    client.force_login(secretariat)
    url = reverse("meetings:minutes-comment-resolve", args=[comment.pk])
    response = client.post(url, {"note": "Done", "version": read_at}, HTTP_HX_REQUEST="true")
    assert "edited this comment after you loaded the page" in response.content.decode()
    comment.refresh_from_db()
    assert not comment.is_resolved
    response = client.post(url, {"note": "Done", "version": comment.version}, HTTP_HX_REQUEST="true")
    assert "comment-resolution" in response.content.decode() and "<html" not in response.content.decode()
    comment.refresh_from_db()
    assert comment.is_resolved and comment.resolution_note == "Done"


def test_resolving_a_comment_its_author_withdrew_meanwhile_says_so_instead_of_not_found(
    client, loop, secretariat, participant
):
    """The secretariat's editor still shows the comment with its Resolve button; the author withdraws it meanwhile."""
    fourth = _circulated(loop, secretariat)
    gone = services.add_minutes_comment(meeting=fourth, user=participant, text="Add 2022.", agenda_item=loop["item"])
    kept = services.add_minutes_comment(meeting=fourth, user=participant, text="Typo.", agenda_item=loop["item"])
    client.force_login(secretariat)
    editor = client.get(reverse("meetings:meeting-minutes-edit", args=[fourth.pk])).content.decode()
    url = reverse("meetings:minutes-comment-resolve", args=[gone.pk])
    form = re.search(rf'<form[^>]*action="{url}".*?</form>', editor, re.S)
    posted = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.group(0)))
    posted["note"] = "Done"
    services.withdraw_minutes_comment(comment=gone, user=participant, expected_version=gone.version)

    response = client.post(url, posted, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200 and "withdrawn by its author" in page
    assert "Typo." in page and "Add 2022." not in page  # the item's comments as they are now
    response = client.post(url, posted, follow=True)
    assert response.redirect_chain[-1][0].endswith(f"#item-{loop['item'].pk}")
    assert "withdrawn by its author" in response.content.decode()
    kept.refresh_from_db()
    assert not kept.is_resolved


# Mail in each person's history


def test_circulation_and_approval_mails_are_recorded_in_each_persons_history(client, loop, secretariat, participant):
    fourth = _circulated(loop, secretariat)
    services.approve_minutes(meeting=fourth, at_meeting=loop["fifth"], user=secretariat)
    kinds = set(MeetingMail.objects.filter(meeting=fourth, contact=participant.contact).values_list("kind", flat=True))
    assert kinds == {MeetingMailKind.MINUTES_CIRCULATED, MeetingMailKind.MINUTES_APPROVED}
    client.force_login(secretariat)
    recipients = client.get(reverse("meetings:meeting-invitations", args=[fourth.pk])).content.decode()
    assert "Draft minutes circulated" in recipients and "Minutes approved" in recipients


def test_the_approval_mail_is_confirmed_on_the_screen_of_every_mail_to_many(client, loop, secretariat, participant):
    fourth = _circulated(loop, secretariat)
    client.force_login(secretariat)
    page = client.get(reverse("meetings:meeting-minutes-approve", args=[fourth.pk])).content.decode()
    assert 'id="preview-recipients"' in page and participant.contact.name in page  # who, by name
    assert "Minutes approved:" in page  # the message as its recipient reads it
    assert 'name="recipients"' in page  # the fingerprint the confirming POST carries


# A version's page: the record per item, with its statements


def test_a_version_shows_its_statements_per_item_and_the_comparison_includes_them(
    client, loop, secretariat, participant
):
    fourth, item = loop["fourth"], loop["item"]
    speaker = participant.contact
    StatementFactory(
        meeting=fourth,
        agenda_item=item,
        speaker=speaker,
        summary="We can share the figures.",
        summary_ru="Мы можем поделиться цифрами.",
    )
    StatementFactory(
        meeting=fourth, agenda_item=item, speaker=speaker, summary="Kept to the office.", visibility="secretariat"
    )
    DecisionFactory(meeting=fourth, agenda_item=item, text="The figures are shared.")
    services.publish_minutes(meeting=fourth, user=secretariat)
    services.approve_minutes(meeting=fourth, at_meeting=loop["fifth"], user=secretariat)
    services.reopen_minutes(meeting=fourth, user=secretariat, reason="A statement was misquoted")
    statement = fourth.statements.get(summary="We can share the figures.")
    statement.summary = "We will share the figures by March."
    statement.save()
    services.publish_minutes(meeting=fourth, user=secretariat)
    client.force_login(participant)
    first = client.get(reverse("meetings:meeting-minutes-version", args=[fourth.pk, 1])).content.decode()
    item_block = first[first.index("1. " + item.title) :]
    assert "We can share the figures." in item_block and speaker.name in item_block
    assert item_block.index("We can share the figures.") < item_block.index("The figures are shared.")
    assert "Kept to the office." not in first  # a statement kept to the secretariat stays with it
    url = reverse("meetings:meeting-minutes-version", args=[fourth.pk, 2])
    comparison = client.get(url, {"compare": 1}).content.decode()
    assert "Statements under 1." in comparison
    assert "-" + speaker.name in comparison and "We will share the figures by March." in comparison
    client.cookies["django_language"] = "ru"  # a reader in Russian reads the Russian text that was approved
    first_in_russian = client.get(reverse("meetings:meeting-minutes-version", args=[fourth.pk, 1])).content.decode()
    assert "Мы можем поделиться цифрами." in first_in_russian and "We can share the figures." not in first_in_russian
    client.force_login(secretariat)
    assert "Kept to the office." in client.get(url).content.decode()
