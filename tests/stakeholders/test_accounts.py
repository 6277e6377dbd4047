"""Access to the portal without the Django admin: invitations, roles, deactivation, the accounts page."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from common.roles import FOCAL_POINT, PortalRole, role_of
from stakeholders import accounts
from stakeholders.models import AccountEvent, AccountEventKind, AccountInvitation
from tests.stakeholders.factories import ContactFactory, UserFactory, participant_user, secretariat_user

pytestmark = pytest.mark.django_db

PASSWORD = "a quiet harbour at dawn 42"


@pytest.fixture
def invitee(organization):
    return ContactFactory(organization=organization, name="Dilnoza Karimova", email="dilnoza@example.org")


def _invite(client, contact, role="participant", capture=None):
    with capture(execute=True):
        return client.post(reverse("stakeholders:contact-invite", args=[contact.pk]), {"role": role})


def _link_in(message) -> str:
    return re.search(r"http://\S+/accounts/invitation/(\S+)/", message.body).group(0)


def _path(url: str) -> str:
    return url.split("127.0.0.1:8000", 1)[-1] if "127.0.0.1:8000" in url else url


def test_secretariat_invites_and_the_person_sets_a_password_and_lands_on_the_dashboard(
    client, secretariat, invitee, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    response = _invite(client, invitee, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response.url == reverse("stakeholders:contact-detail", args=[invitee.pk])
    [message] = mail.outbox
    assert message.to == ["dilnoza@example.org"]
    link = _path(_link_in(message))

    client.logout()
    page = client.get(link)
    assert page.status_code == 200
    assert b"dilnoza@example.org" in page.content  # the user name to log in with next time
    response = client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("dashboard")
    user = response.context["user"]
    assert user.is_authenticated and user.username == "dilnoza@example.org"
    invitee.refresh_from_db()
    assert invitee.user == user
    assert role_of(user) == PortalRole.PARTICIPANT
    assert user.check_password(PASSWORD)
    assert list(AccountEvent.objects.filter(contact=invitee).values_list("kind", flat=True)) == [
        AccountEventKind.JOINED,
        AccountEventKind.INVITED,
    ]

    # The link works once.
    client.logout()
    again = client.get(link)
    assert again.status_code == 410
    assert again.context["reason"] == "used"


def test_the_mail_is_in_the_contacts_language(client, secretariat, invitee, django_capture_on_commit_callbacks):
    invitee.preferred_language = "ru"
    invitee.save()
    client.force_login(secretariat)
    _invite(client, invitee, capture=django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert "портал" in message.subject.lower()
    assert "Secretariat sec" in message.body  # the inviter by their contact's name
    assert "г.." not in message.body  # a date at the end of a sentence gets one full stop


def test_password_validators_apply_and_nothing_is_created(client, secretariat, invitee):
    _invitation, token = accounts.invite_to_portal(contact=invitee, role="participant", invited_by=secretariat)
    link = reverse("stakeholders:account-invitation", args=[token])
    response = client.post(link, {"new_password1": "dilnoza", "new_password2": "dilnoza"})
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    invitee.refresh_from_db()
    assert invitee.user is None
    assert not get_user_model().objects.filter(email="dilnoza@example.org").exists()


@pytest.mark.parametrize(
    ("spoil", "status", "reason"),
    [
        ("tamper", 404, "unknown"),
        ("expire", 410, "expired"),
        ("revoke", 410, "revoked"),
        ("resend", 410, "revoked"),
    ],
)
def test_a_link_that_cannot_be_used_gets_a_clear_page(client, secretariat, invitee, spoil, status, reason):
    invitation, token = accounts.invite_to_portal(contact=invitee, role="participant", invited_by=secretariat)
    if spoil == "tamper":
        token = token[:-3] + "xyz"
    elif spoil == "expire":
        AccountInvitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    elif spoil == "revoke":
        accounts.revoke_invitation(invitation=invitation, by=secretariat)
    else:
        accounts.resend_invitation(invitation=invitation, by=secretariat)
    link = reverse("stakeholders:account-invitation", args=[token])
    for response in (
        client.get(link),
        client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD}),
    ):
        assert response.status_code == status
        assert response.context["reason"] == reason
        assert b"cannot be used" in response.content
    invitee.refresh_from_db()
    assert invitee.user is None


@pytest.mark.parametrize("token", ["x", "a" * 500, "%00", "../../etc"])
def test_nonsense_links_are_refused_not_crashed(client, token):
    assert client.get(f"/accounts/invitation/{token}/").status_code == 404


def test_the_link_expires_after_a_week_by_default(secretariat, invitee):
    invitation, _token = accounts.invite_to_portal(contact=invitee, role="participant", invited_by=secretariat)
    assert invitation.expires_at - invitation.created == pytest.approx(
        datetime.timedelta(days=7), abs=datetime.timedelta(seconds=5)
    )


def test_resending_invalidates_the_previous_link(client, secretariat, invitee):
    first, old_token = accounts.invite_to_portal(contact=invitee, role="participant", invited_by=secretariat)
    _second, new_token = accounts.resend_invitation(invitation=first, by=secretariat)
    assert client.get(reverse("stakeholders:account-invitation", args=[old_token])).status_code == 410
    assert client.get(reverse("stakeholders:account-invitation", args=[new_token])).status_code == 200
    assert AccountInvitation.objects.open().filter(contact=invitee).count() == 1


def test_the_contact_page_shows_each_state_of_the_account(client, secretariat, invitee, django_assert_max_num_queries):
    client.force_login(secretariat)
    page = reverse("stakeholders:contact-detail", args=[invitee.pk])

    def state():
        with django_assert_max_num_queries(12):
            response = client.get(page)
        return response.context["access"].state, response.content.decode()

    assert state()[0] == "no_account"
    accounts.invite_to_portal(contact=invitee, role="focal_point", invited_by=secretariat)
    current, html = state()
    assert current == "invited"
    assert "Focal point of the organisation" in html and "By sec." in html  # role, and who invited
    user = UserFactory(username="dk", last_login=timezone.now())
    AccountInvitation.objects.update(accepted_at=timezone.now())
    invitee.user = user
    invitee.save()
    assert state()[0] == "active"
    accounts.deactivate_account(contact=invitee, by=secretariat)
    current, html = state()
    assert current == "deactivated"
    assert "Account deactivated" in html


def test_a_participant_cannot_invite(client, participant, invitee):
    client.force_login(participant)
    response = client.post(reverse("stakeholders:contact-invite", args=[invitee.pk]), {"role": "participant"})
    assert response.status_code == 403
    assert not AccountInvitation.objects.exists()


def test_only_an_admin_may_give_the_secretariat_role(client, secretariat, admin_user, invitee):
    client.force_login(secretariat)
    response = client.post(reverse("stakeholders:contact-invite", args=[invitee.pk]), {"role": "secretariat"})
    assert response.status_code == 200
    assert response.context["invite_form"].errors["role"]
    assert not AccountInvitation.objects.exists()

    client.force_login(admin_user)
    response = client.post(reverse("stakeholders:contact-invite", args=[invitee.pk]), {"role": "secretariat"})
    assert response.status_code == 302
    assert AccountInvitation.objects.get().role == "secretariat"


def test_a_contact_without_email_is_not_invited_and_told_why(client, secretariat, organization):
    contact = ContactFactory(organization=organization, email="")
    client.force_login(secretariat)
    response = client.post(reverse("stakeholders:contact-invite", args=[contact.pk]), {"role": "participant"})
    assert response.status_code == 200
    assert "no e-mail address" in response.content.decode()


def test_deactivation_ends_an_open_session_at_once(client, secretariat, participant):
    client.force_login(participant)
    assert client.get(reverse("meetings:meeting-list")).status_code == 200
    accounts.deactivate_account(contact=participant.contact, by=secretariat)
    response = client.get(reverse("meetings:meeting-list"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    accounts.reactivate_account(contact=participant.contact, by=secretariat)
    participant.refresh_from_db()
    assert participant.is_active


def test_a_role_taken_away_is_lost_by_an_open_session(client, admin_user):
    colleague = secretariat_user(username="colleague")
    client.force_login(colleague)
    assert client.get(reverse("stakeholders:organization-create")).status_code == 200
    accounts.change_role(contact=colleague.contact, role="participant", by=admin_user)
    assert client.get(reverse("stakeholders:organization-create")).status_code == 403
    assert AccountEvent.objects.filter(contact=colleague.contact, kind=AccountEventKind.ROLE_CHANGED).exists()


def test_role_change_in_the_portal(client, secretariat, participant):
    client.force_login(secretariat)
    response = client.post(reverse("stakeholders:account-role", args=[participant.contact.pk]), {"role": "focal_point"})
    assert response.status_code == 302
    participant.refresh_from_db()
    assert list(participant.groups.values_list("name", flat=True)) == [FOCAL_POINT]


def test_the_secretariat_cannot_manage_a_secretariat_account_or_its_own(client, secretariat):
    colleague = secretariat_user(username="colleague")
    client.force_login(secretariat)
    for contact in (colleague.contact, secretariat.contact):
        response = client.post(reverse("stakeholders:account-deactivate", args=[contact.pk]))
        assert response.status_code == 302
        contact.user.refresh_from_db()
        assert contact.user.is_active


def test_the_user_menu_names_the_real_role(client, admin_user, secretariat, participant):
    for user, label in ((admin_user, "Admin"), (secretariat, "Secretariat"), (participant, "Participant")):
        client.force_login(user)
        html = client.get(reverse("dashboard")).content.decode()
        assert f"Role: {label}" in html


def test_the_accounts_page_filters_and_stays_constant_in_queries(
    client, secretariat, organization, django_assert_max_num_queries
):
    for number in range(3):
        participant_user(organization=organization, username=f"p{number}")
    deactivated = participant_user(username="gone")
    deactivated.is_active = False
    deactivated.save()
    accounts.invite_to_portal(
        contact=ContactFactory(organization=organization), role="participant", invited_by=secretariat
    )
    client.force_login(secretariat)
    url = reverse("stakeholders:account-list")
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert {person.username for person in response.context["people"]} >= {"p0", "p1", "p2", "gone", "sec"}
    assert len(response.context["invitations"]) == 1

    response = client.get(url, {"organization": organization.pk, "role": "participant", "state": "active"})
    assert {person.username for person in response.context["people"]} == {"p0", "p1", "p2"}
    response = client.get(url, {"state": "deactivated"})
    assert [person.username for person in response.context["people"]] == ["gone"]
    response = client.get(url, {"role": "secretariat"})
    assert [person.username for person in response.context["people"]] == ["sec"]
    # Nonsense in the filters is ignored, not a 500.
    assert client.get(url, {"organization": "9" * 40, "role": "x", "state": "<b>", "page": "zz"}).status_code in (
        200,
        404,
    )

    for number in range(3, 8):
        participant_user(organization=organization, username=f"p{number}")
    with django_assert_max_num_queries(12):
        client.get(url)


def test_revoke_and_resend_from_the_accounts_page(client, secretariat, invitee, django_capture_on_commit_callbacks):
    invitation, _token = accounts.invite_to_portal(contact=invitee, role="participant", invited_by=secretariat)
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("stakeholders:invitation-resend", args=[invitation.pk]), {"next": "accounts"})
    assert response.url == reverse("stakeholders:account-list")
    assert len(mail.outbox) == 1
    new = AccountInvitation.objects.open().get()
    response = client.post(reverse("stakeholders:invitation-revoke", args=[new.pk]), {"next": "accounts"})
    assert response.url == reverse("stakeholders:account-list")
    assert not AccountInvitation.objects.open().exists()


def test_the_invitation_is_written_to_the_outbox_with_a_key(secretariat, invitee):
    from common.models import OutgoingMail

    invitation, _token = accounts.invite_to_portal(contact=invitee, role="participant", invited_by=secretariat)
    mail_row = OutgoingMail.objects.get()
    assert mail_row.key == f"account-invitation-{invitation.pk}"
    assert mail_row.to == ["dilnoza@example.org"]
