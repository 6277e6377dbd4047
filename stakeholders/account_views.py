"""Access to the portal, in the portal: a contact's page with their account, invitations, roles, the accounts page.

The rules are in stakeholders/accounts.py; these views only call them and say what happened.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import DetailView, ListView
from django.views.generic.detail import SingleObjectMixin

from common import auth_backends
from common.formatting import timestamp_text
from common.i18n import open_in_recipients_language
from common.permissions import SecretariatRequiredMixin
from common.roles import ROLE_GROUPS, PortalRole
from stakeholders import accounts
from stakeholders.forms import InviteForm, RoleForm
from stakeholders.models import AccountInvitation, Contact, InvitationState, Organization


def _open_invitation(contact: Contact) -> AccountInvitation | None:
    return (
        AccountInvitation.objects.open().filter(contact=contact).select_related("invited_by").first()
        if contact.user_id is None
        else None
    )


class ContactDetailView(SecretariatRequiredMixin, DetailView):
    """A person's page for the secretariat: their details, their access to the portal and its history."""

    template_name = "stakeholders/contact_detail.html"
    context_object_name = "contact"

    def get_queryset(self):
        return Contact.objects.select_related("organization", "user").prefetch_related("user__groups")

    def get_context_data(self, invite_form=None, role_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        contact, actor = self.object, self.request.user
        access = accounts.access_of(contact, _open_invitation(contact))
        roles = accounts.roles_offered(actor)
        context.update(
            access=access,
            events=contact.account_events.select_related("actor")[:20],
            invite_form=invite_form or InviteForm(roles=roles),
        )
        if contact.user_id is not None:
            current = accounts.role_of_account(contact.user)
            context.update(
                account_role=current,
                may_manage=accounts.may_manage_user(actor, contact.user),
                role_form=role_form or RoleForm(roles=roles, initial={"role": current}),
            )
        return context


class ContactActionMixin(SecretariatRequiredMixin, SingleObjectMixin):
    """POST only, on one contact; refused actions come back to the contact page with the reason."""

    model = Contact
    http_method_names = ["post"]

    def get_queryset(self):
        return Contact.objects.select_related("organization", "user")

    def back(self):
        return redirect("stakeholders:contact-detail", self.object.pk)


class InviteView(ContactActionMixin, View):
    def post(self, request, *args, **kwargs):
        self.object = contact = self.get_object()
        form = InviteForm(request.POST, roles=accounts.roles_offered(request.user))
        if not form.is_valid():
            return self.invalid(form)
        try:
            invitation, _token = accounts.invite_to_portal(
                contact=contact, role=form.cleaned_data["role"], invited_by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.invalid(form)
        messages.success(
            request,
            _("An invitation was sent to %(email)s. The link is valid until %(date)s.")
            % {"email": invitation.email, "date": timestamp_text(invitation.expires_at)},
        )
        return self.back()

    def invalid(self, form):
        view = ContactDetailView()
        view.setup(self.request, **self.kwargs)
        view.object = self.object
        return render(self.request, view.template_name, view.get_context_data(invite_form=form))


class RoleChangeView(ContactActionMixin, View):
    def post(self, request, *args, **kwargs):
        self.object = contact = self.get_object()
        if contact.user is None:
            messages.error(request, _("This contact has no account."))
            return self.back()
        form = RoleForm(request.POST, roles=accounts.roles_offered(request.user))
        if not form.is_valid():
            messages.error(request, _("Choose one of the roles offered."))
            return self.back()
        accounts.change_role(contact=contact, role=form.cleaned_data["role"], by=request.user)
        messages.success(
            request,
            _("%(name)s is now: %(role)s.")
            % {"name": contact.name, "role": PortalRole(form.cleaned_data["role"]).label},
        )
        return self.back()

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            if not request.user.is_authenticated or not accounts.may_manage_accounts(request.user):
                raise
            messages.error(request, _("You may not change this account."))
            return redirect("stakeholders:contact-detail", kwargs["pk"])


class DeactivateAccountView(RoleChangeView):
    def post(self, request, *args, **kwargs):
        self.object = contact = self.get_object()
        if contact.user is None:
            messages.error(request, _("This contact has no account."))
            return self.back()
        accounts.deactivate_account(contact=contact, by=request.user)
        messages.success(request, _("%(name)s can no longer log in.") % {"name": contact.name})
        return self.back()


class ReactivateAccountView(RoleChangeView):
    def post(self, request, *args, **kwargs):
        self.object = contact = self.get_object()
        if contact.user is None:
            messages.error(request, _("This contact has no account."))
            return self.back()
        accounts.reactivate_account(contact=contact, by=request.user)
        messages.success(request, _("%(name)s can log in again.") % {"name": contact.name})
        return self.back()


class InvitationActionMixin(SecretariatRequiredMixin, SingleObjectMixin):
    model = AccountInvitation
    http_method_names = ["post"]

    def get_queryset(self):
        return AccountInvitation.objects.select_related("contact__organization", "contact__user")

    def back(self):
        target = self.request.POST.get("next", "")
        if target == "accounts":
            return redirect("stakeholders:account-list")
        return redirect("stakeholders:contact-detail", self.object.contact_id)


class ResendInvitationView(InvitationActionMixin, View):
    def post(self, request, *args, **kwargs):
        self.object = invitation = self.get_object()
        try:
            new, _token = accounts.resend_invitation(invitation=invitation, by=request.user)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])) or _("Not allowed."))
            return self.back()
        messages.success(
            request,
            _("A new invitation was sent to %(email)s; the previous link no longer works.") % {"email": new.email},
        )
        return self.back()


class RevokeInvitationView(InvitationActionMixin, View):
    def post(self, request, *args, **kwargs):
        self.object = invitation = self.get_object()
        accounts.revoke_invitation(invitation=invitation, by=request.user)
        messages.success(request, _("The invitation to %(email)s was revoked.") % {"email": invitation.email})
        return self.back()


REFUSALS = {
    "unknown": "unknown",
    InvitationState.ACCEPTED: "used",
    InvitationState.REVOKED: "revoked",
    InvitationState.EXPIRED: "expired",
}


@method_decorator(login_not_required, name="dispatch")
@method_decorator(never_cache, name="dispatch")
@method_decorator(sensitive_post_parameters("new_password1", "new_password2"), name="dispatch")
class AcceptInvitationView(View):
    """The link in the invitation: choose a password, and you are in (on the dashboard)."""

    http_method_names = ["get", "post"]
    template_name = "registration/account_invitation.html"

    def refused(self, request, reason: str):
        status = 404 if reason == "unknown" else 410
        return render(
            request, "registration/account_invitation_refused.html", {"reason": REFUSALS[reason]}, status=status
        )

    def get(self, request, token):
        try:
            invitation = accounts.invitation_for_token(token)
        except accounts.InvitationRefused as refusal:
            return self.refused(request, refusal.reason)
        open_in_recipients_language(request, invitation.contact.preferred_language)
        form = SetPasswordForm(accounts.new_account_for(invitation))
        return self.show(request, invitation, form)

    def show(self, request, invitation, form):
        context = {"invitation": invitation, "form": form, "username": form.user.username}
        return render(request, self.template_name, context)

    def post(self, request, token):
        try:
            invitation = accounts.invitation_for_token(token)
        except accounts.InvitationRefused as refusal:
            return self.refused(request, refusal.reason)
        open_in_recipients_language(request, invitation.contact.preferred_language)
        form = SetPasswordForm(accounts.new_account_for(invitation), request.POST)
        if not form.is_valid():
            return self.show(request, invitation, form)
        try:
            user = accounts.accept_invitation(token=token, password=form.cleaned_data["new_password1"])
        except accounts.InvitationRefused as refusal:
            return self.refused(request, refusal.reason)
        login(request, user, backend=auth_backends.BACKEND)
        messages.success(
            request,
            _("Welcome! Your password is set. Next time, log in with the user name %(username)s.")
            % {"username": user.username},
        )
        return redirect("dashboard")


class AccountListView(SecretariatRequiredMixin, ListView):
    """Everyone with an account, filterable; and the invitations still waiting for an answer."""

    template_name = "stakeholders/account_list.html"
    context_object_name = "people"
    paginate_by = settings.PAGE_SIZE

    def filters(self):
        get = self.request.GET
        organization = get.get("organization", "")
        role = get.get("role", "")
        state = get.get("state", "")
        return {
            "organization": int(organization) if organization.isdigit() and len(organization) < 10 else None,
            "role": role if role in PortalRole.values else "",
            "state": state if state in ("active", "deactivated") else "",
        }

    def get_queryset(self):
        from django.contrib.auth import get_user_model

        people = (
            get_user_model()
            .objects.select_related("contact__organization")
            .prefetch_related("groups")
            .order_by("-is_active", "username")
        )
        chosen = self.filters()
        if chosen["organization"]:
            people = people.filter(contact__organization_id=chosen["organization"])
        if chosen["state"]:
            people = people.filter(is_active=chosen["state"] == "active")
        role = chosen["role"]
        if role == PortalRole.ADMIN:
            people = people.filter(is_superuser=True)
        elif role == PortalRole.NONE:
            people = people.filter(is_superuser=False).exclude(groups__name__in=ROLE_GROUPS.values())
        elif role:
            # The highest role wins (role_from_groups): a secretariat member also in Participant is Secretariat.
            ranked = [PortalRole.SECRETARIAT, PortalRole.FOCAL_POINT, PortalRole.PARTICIPANT]
            higher = [ROLE_GROUPS[higher_role] for higher_role in ranked[: ranked.index(role)]]
            people = people.filter(is_superuser=False, groups__name=ROLE_GROUPS[role]).exclude(groups__name__in=higher)
        return people.distinct()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for person in context["people"]:
            person.portal_role = accounts.role_of_account(person)
        chosen = self.filters()
        invitations = AccountInvitation.objects.open().select_related("contact__organization", "invited_by")
        if chosen["organization"]:
            invitations = invitations.filter(contact__organization_id=chosen["organization"])
        context.update(
            chosen=chosen,
            organizations=Organization.objects.for_choices(),
            roles=PortalRole.choices,
            states=[(state, accounts.ACCOUNT_STATE_LABELS[state]) for state in ("active", "deactivated")],
            invitations=invitations.order_by("expires_at")[: settings.PAGE_SIZE],
        )
        return context
