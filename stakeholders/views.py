from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import UserPassesTestMixin
from django.contrib.messages.views import SuccessMessageMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, ProtectedError, Q, RestrictedError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, ListView, UpdateView, View
from django.views.generic.detail import SingleObjectMixin

from common.permissions import SecretariatRequiredMixin
from common.roles import is_secretariat
from stakeholders import accounts
from stakeholders.forms import ContactForm, OrganizationForm
from stakeholders.models import Contact, Organization, OrganizationKind, organization_of
from stakeholders.services import describe_references, left_unreachable_by_deactivating, references_to


class OrganizationListView(ListView):
    template_name = "stakeholders/organization_list.html"
    context_object_name = "organizations"
    paginate_by = settings.PAGE_SIZE

    def get_queryset(self):
        organizations = (
            Organization.objects.select_related("parent")
            .annotate(contact_count=Count("contacts", filter=Q(contacts__is_active=True), distinct=True))
            .order_by("name")
        )
        kind = self.request.GET.get("kind")
        if kind in OrganizationKind.values:
            organizations = organizations.filter(kind=kind)
        return organizations

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kinds"] = OrganizationKind.choices
        context["selected_kind"] = self.request.GET.get("kind", "")
        return context


# Editing by the secretariat (and admins): organisations and their contacts.


class OrganizationCreateView(SecretariatRequiredMixin, SuccessMessageMixin, CreateView):
    model = Organization
    form_class = OrganizationForm
    template_name = "stakeholders/organization_form.html"
    success_message = gettext_lazy("“%(name)s” was added.")


class OrganizationUpdateView(SecretariatRequiredMixin, SuccessMessageMixin, UpdateView):
    model = Organization
    form_class = OrganizationForm
    template_name = "stakeholders/organization_form.html"
    success_message = gettext_lazy("“%(name)s” was saved.")

    def get_queryset(self):
        return Organization.objects.select_related("parent")


class OrganizationDeleteView(SecretariatRequiredMixin, SingleObjectMixin, View):
    """POST only. An organisation that other records refer to is kept, and the message says which records."""

    model = Organization
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        organization = self.get_object()
        references = references_to(organization)
        if not references:
            try:
                with transaction.atomic():
                    organization.delete()
            except (ProtectedError, RestrictedError):
                references = references_to(organization)  # referred to in the meantime
            else:
                messages.success(request, _("“%(name)s” was deleted.") % {"name": organization.name})
                return redirect("stakeholders:organization-list")
        messages.error(
            request,
            _(
                "“%(name)s” cannot be deleted because other records refer to it: %(references)s. "
                "Mark it inactive instead, or remove those references first."
            )
            % {"name": organization.name, "references": describe_references(references) or _("records added just now")},
        )
        return redirect(organization)


class ContactEditingMixin(UserPassesTestMixin):
    """The secretariat edits every contact; a focal point the contacts of their own organisation (403 otherwise)."""

    raise_exception = True

    def test_func(self):
        return accounts.may_maintain_contacts(self.request.user)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["focal_point_of"] = None if is_secretariat(self.request.user) else organization_of(self.request.user)
        return kwargs


class ContactCreateView(ContactEditingMixin, SuccessMessageMixin, CreateView):
    model = Contact
    form_class = ContactForm
    template_name = "stakeholders/contact_form.html"
    success_message = gettext_lazy("%(name)s was added.")

    def get_initial(self):
        initial = super().get_initial()
        organization_id = self.request.GET.get("organization", "")
        if organization_id.isdigit():
            initial["organization"] = int(organization_id)
        return initial


class ContactUpdateView(ContactEditingMixin, SuccessMessageMixin, UpdateView):
    model = Contact
    form_class = ContactForm
    template_name = "stakeholders/contact_form.html"
    success_message = gettext_lazy("%(name)s was saved.")

    def get_queryset(self):
        return Contact.objects.select_related("organization", "user")

    def test_func(self):
        return accounts.may_maintain_contacts(self.request.user, self.get_object().organization)

    def form_valid(self, form):
        if not form.cleaned_data.get("is_active", True) and not self.request.POST.get("deactivation_confirmed"):
            stored = Contact.objects.select_related("organization").get(pk=self.object.pk)
            left_unreachable = left_unreachable_by_deactivating(stored)
            if left_unreachable:  # ask first: say what would have nobody to reach at the organisation
                return self.render_to_response(
                    self.get_context_data(form=form, left_unreachable=left_unreachable, stored=stored)
                )
        with transaction.atomic():
            response = super().form_valid(form)
            if form.account_to_deactivate is not None and is_secretariat(self.request.user):
                try:
                    accounts.deactivate_account(contact=self.object, by=self.request.user)
                except PermissionDenied:
                    messages.warning(self.request, _("Their account was left as it is: only an admin can change it."))
                else:
                    messages.info(self.request, _("Their portal account is deactivated too."))
        return response


class ContactReactivateView(SecretariatRequiredMixin, SingleObjectMixin, View):
    """POST only: an inactive contact comes back (their account, if any, is reactivated on its own page)."""

    model = Contact
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        contact = self.get_object()
        Contact.objects.filter(pk=contact.pk).update(is_active=True)
        messages.success(request, _("%(name)s is active again.") % {"name": contact.name})
        return redirect("stakeholders:contact-detail", contact.pk)
