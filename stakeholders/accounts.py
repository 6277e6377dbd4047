"""Access to the portal: invitations that let a contact set a password, roles, deactivation and reactivation.

Who may do what: the secretariat and admins invite people and manage participants' and focal points' accounts;
only admins (superusers) give or take the Secretariat role and manage secretariat accounts. Nobody changes their
own account here, and superusers are managed in the Django admin. Every change is recorded as an AccountEvent.
"""

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from common.access import permission
from common.outbox import enqueue_mail
from common.roles import ROLE_GROUPS, PortalRole, is_secretariat, role_from_groups
from stakeholders.models import (
    AccountEvent,
    AccountEventKind,
    AccountInvitation,
    Contact,
    InvitationState,
    InvitedRole,
    organization_of,
)

User = get_user_model()


# Who may do what.


def may_manage_accounts(actor) -> bool:
    return is_secretariat(actor)


def may_maintain_contacts(user, organization=None) -> bool:
    """The secretariat maintains every contact; a focal point those of their own organisation.

    Without ``organization``: whether the user maintains the contacts of some organisation at all.
    """
    if is_secretariat(user):
        return True
    if not user.is_authenticated or not user.has_perm(permission("focal_point")):
        return False
    own = organization_of(user)
    return own is not None and (organization is None or own.pk == organization.pk)


def roles_offered(actor) -> list[tuple[str, str]]:
    """The roles ``actor`` may give: the Secretariat role only by an admin."""
    return [(value, label) for value, label in InvitedRole.choices if actor.is_superuser or value != "secretariat"]


def role_of_account(user) -> PortalRole:
    return role_from_groups(group_names={group.name for group in user.groups.all()}, is_superuser=user.is_superuser)


def may_manage_user(actor, user) -> bool:
    """Whether ``actor`` may change ``user``'s role or deactivate them from the portal."""
    if not may_manage_accounts(actor) or user.pk == actor.pk or user.is_superuser:
        return False
    return actor.is_superuser or role_of_account(user) != PortalRole.SECRETARIAT


def _require_role_allowed(actor, role: str) -> None:
    if role not in dict(roles_offered(actor)):
        raise PermissionDenied(_("You may not give this role."))


# The state of a contact's access, for the contact page and the accounts page.


class AccountState:
    NO_ACCOUNT = "no_account"
    INVITED = "invited"
    ACTIVE = "active"
    DEACTIVATED = "deactivated"


@dataclass
class ContactAccess:
    state: str
    invitation: AccountInvitation | None = None  # the open invitation, if any (it may have expired)

    @property
    def label(self) -> str:
        return str(ACCOUNT_STATE_LABELS[self.state])


def _labels():
    from django.utils.translation import gettext_lazy

    return {
        AccountState.NO_ACCOUNT: gettext_lazy("No account"),
        AccountState.INVITED: gettext_lazy("Invited"),
        AccountState.ACTIVE: gettext_lazy("Active"),
        AccountState.DEACTIVATED: gettext_lazy("Deactivated"),
    }


ACCOUNT_STATE_LABELS = _labels()


def access_of(contact: Contact, open_invitation: AccountInvitation | None) -> ContactAccess:
    if contact.user_id is not None:
        state = AccountState.ACTIVE if contact.user.is_active else AccountState.DEACTIVATED
        return ContactAccess(state=state)
    if open_invitation is not None:
        return ContactAccess(state=AccountState.INVITED, invitation=open_invitation)
    return ContactAccess(state=AccountState.NO_ACCOUNT)


# Invitations.


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_url(token: str) -> str:
    return f"{settings.PORTAL_BASE_URL}{reverse('stakeholders:account-invitation', args=[token])}"


def _record(*, contact: Contact, kind: str, actor=None, role: str = "") -> AccountEvent:
    return AccountEvent.objects.create(contact=contact, kind=kind, actor=actor, role=role)


def send_mail(message: EmailMultiAlternatives, *, key: str = "") -> None:
    """Through the outbox: written in the current transaction, sent once it commits (and retried by send_outbox)."""
    enqueue_mail(message, key=key)


def _name_of(user) -> str:
    """How a person is named to others: their contact's name, else their full name, else their user name."""
    if user is None:
        return ""
    contact_name = Contact.objects.filter(user=user).values_list("name", flat=True).first()
    return contact_name or user.get_full_name() or user.username


def _invitation_message(*, invitation: AccountInvitation, token: str) -> EmailMultiAlternatives:
    contact = invitation.contact
    with translation.override(contact.mail_language):
        context = {
            "contact": contact,
            "invitation": invitation,
            "role": InvitedRole(invitation.role).label,
            "url": invitation_url(token),
            "inviter": _name_of(invitation.invited_by),
            "portal_url": settings.PORTAL_BASE_URL,
        }
        subject = _("Your access to the coordination portal")
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("emails/account_invitation.txt", context),
            to=[invitation.email],
        )
        message.attach_alternative(render_to_string("emails/account_invitation.html", context), "text/html")
    return message


@transaction.atomic
def invite_to_portal(*, contact: Contact, role: str, invited_by) -> tuple[AccountInvitation, str]:
    """Create an invitation for ``contact`` and e-mail its link; an earlier open invitation stops working.

    Returns the invitation and the secret in its link (only its hash is stored).
    """
    if not may_manage_accounts(invited_by):
        raise PermissionDenied
    _require_role_allowed(invited_by, role)
    contact = Contact.objects.select_for_update().select_related("organization").get(pk=contact.pk)
    if not contact.is_active:
        raise ValidationError(_("This contact is inactive: reactivate them before inviting them."))
    if not contact.email:
        raise ValidationError(_("This contact has no e-mail address: add one before inviting them."))
    if contact.user_id is not None:
        raise ValidationError(_("This contact already has an account."))
    now = timezone.now()
    AccountInvitation.objects.open().filter(contact=contact).update(revoked_at=now, updated=now)
    token = secrets.token_urlsafe(32)
    invitation = AccountInvitation.objects.create(
        contact=contact,
        role=role,
        email=contact.email,
        token_hash=_hash(token),
        invited_by=invited_by,
        expires_at=now + datetime.timedelta(days=settings.ACCOUNT_INVITATION_DAYS),
    )
    _record(contact=contact, kind=AccountEventKind.INVITED, actor=invited_by, role=role)
    send_mail(_invitation_message(invitation=invitation, token=token), key=f"account-invitation-{invitation.pk}")
    return invitation, token


@transaction.atomic
def resend_invitation(*, invitation: AccountInvitation, by) -> tuple[AccountInvitation, str]:
    """A new link for the same contact and role (the old link stops working)."""
    if invitation.state not in (InvitationState.PENDING, InvitationState.EXPIRED):
        raise ValidationError(_("This invitation has already been accepted or revoked."))
    return invite_to_portal(contact=invitation.contact, role=invitation.role, invited_by=by)


@transaction.atomic
def revoke_invitation(*, invitation: AccountInvitation, by) -> None:
    if not may_manage_accounts(by):
        raise PermissionDenied
    updated = AccountInvitation.objects.open().filter(pk=invitation.pk).update(revoked_at=timezone.now())
    if updated:
        _record(contact=invitation.contact, kind=AccountEventKind.INVITATION_REVOKED, actor=by)


class InvitationRefused(Exception):
    """The link cannot be used; ``reason`` is one of the InvitationState values, or "unknown"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def invitation_for_token(token: str, *, lock: bool = False) -> AccountInvitation:
    """The usable invitation behind a link, or InvitationRefused saying why not."""
    invitations = AccountInvitation.objects.select_related("contact__organization")
    if lock:
        invitations = invitations.select_for_update(of=("self",))
    invitation = invitations.filter(token_hash=_hash(token)).first() if 20 <= len(token) <= 100 else None
    if invitation is None:
        raise InvitationRefused("unknown")
    state = invitation.state
    if state != InvitationState.PENDING:
        raise InvitationRefused(state)
    if invitation.contact.user_id is not None or not invitation.contact.is_active:
        raise InvitationRefused(InvitationState.REVOKED)
    return invitation


def new_account_for(invitation: AccountInvitation):
    """The account an invitation will create (unsaved), so password validators can compare it with the password."""
    contact = invitation.contact
    return User(username=_free_username(invitation.email), email=invitation.email, first_name=contact.name[:150])


def _free_username(email: str) -> str:
    base = email.lower()[:140]
    username, number = base, 1
    while User.objects.filter(username__iexact=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username


def accept_invitation(*, token: str, password: str):
    """Create the account, link it to the contact, give it the invited role; the link is used up.

    Raises InvitationRefused when the link is no longer usable (for instance used a moment ago in another tab).
    """
    with transaction.atomic():
        invitation = invitation_for_token(token, lock=True)
        return _take_up(invitation, password=password, kind=AccountEventKind.JOINED)


def _take_up(invitation: AccountInvitation, *, password: str | None, kind: str):
    """The account an invitation gives (with ``password``, or none usable: it signs in through its organisation)."""
    user = new_account_for(invitation)
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:  # the same name taken in the meantime
        user.username = _free_username(f"{invitation.email}-{secrets.token_hex(2)}")
        user.save()
    user.groups.add(Group.objects.get(name=ROLE_GROUPS[invitation.role]))
    contact = invitation.contact
    contact.user = user
    contact.save(update_fields=["user", "updated"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at", "updated"])
    _record(contact=contact, kind=kind, actor=user, role=invitation.role)
    return user


# Signing in with the organisation's accounts: a verified e-mail address finds the account, or the open invitation.


class NoAccountForEmail(Exception):
    """No active portal account, nor a pending invitation, uses this e-mail address (``reason`` says which case:
    "none", "several" accounts, or the one account is "deactivated")."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def account_for_verified_email(email: str):
    """The account of the person whose e-mail address the organisation's sign-in has verified.

    The account with that address (its own, or its contact's); failing that, the contact's pending invitation to
    that address is taken up now, with the invited role and no password. Nothing else is ever created: raises
    NoAccountForEmail when neither exists, when several accounts share the address, or when the account is
    deactivated.
    """
    email = email.strip()
    users = list(User.objects.filter(Q(email__iexact=email) | Q(contact__email__iexact=email)).distinct()[:2])
    if len(users) > 1:
        raise NoAccountForEmail("several")
    if users:
        if not users[0].is_active:
            raise NoAccountForEmail("deactivated")
        return users[0]
    with transaction.atomic():
        invitations = AccountInvitation.objects.pending().select_for_update(of=("self",))
        invitations = invitations.select_related("contact").filter(
            email__iexact=email, contact__user__isnull=True, contact__is_active=True
        )
        invitation = invitations.order_by("-created").first()
        if invitation is None:
            raise NoAccountForEmail("none")
        return _take_up(invitation, password=None, kind=AccountEventKind.JOINED_BY_SINGLE_SIGN_ON)


# Roles and deactivation.


def _require_may_manage(actor, user) -> None:
    if not may_manage_user(actor, user):
        raise PermissionDenied(_("You may not change this account."))


@transaction.atomic
def change_role(*, contact: Contact, role: str, by) -> None:
    """Give the contact's account ``role`` in place of its current one; effective on its next request."""
    user = contact.user
    _require_may_manage(by, user)
    _require_role_allowed(by, role)
    role_groups = Group.objects.filter(name__in=ROLE_GROUPS.values())
    user.groups.remove(*role_groups)
    user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
    _record(contact=contact, kind=AccountEventKind.ROLE_CHANGED, actor=by, role=role)


@transaction.atomic
def deactivate_account(*, contact: Contact, by) -> None:
    """The account can no longer log in, and a session already open stops working at its next request."""
    user = contact.user
    _require_may_manage(by, user)
    if user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
        _record(contact=contact, kind=AccountEventKind.DEACTIVATED, actor=by)


@transaction.atomic
def reactivate_account(*, contact: Contact, by) -> None:
    user = contact.user
    _require_may_manage(by, user)
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
        _record(contact=contact, kind=AccountEventKind.REACTIVATED, actor=by)
