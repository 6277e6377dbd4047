from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from common.i18n import written_in_fields
from common.outbox import enqueue_mail
from common.widgets import (
    PortalModelForm,
    QuickSelect,
    WrittenInLanguageForm,
    organization_picker,
    translations_folded,
)
from stakeholders.models import Contact, Organization
from stakeholders.services import suggested_name_spellings


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    return helper


class OrganizationForm(WrittenInLanguageForm, PortalModelForm):
    website = forms.URLField(label=_("Website"), required=False, max_length=200, assume_scheme="https")

    class Meta(PortalModelForm.Meta):
        model = Organization
        fields = [
            "name",
            "acronym",
            "kind",
            "country",
            "parent",
            "website",
            "is_active",
            *written_in_fields("name", "acronym", "country"),
        ]
        widgets = {"parent": organization_picker()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = translations_folded(self)
        parents = Organization.objects.for_choices()
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if Organization.objects.filter(name__iexact=name).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("An organisation with this name already exists."), code="unique")
        return name

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        if parent is None or self.instance.pk is None:
            return parent
        # Walk up from the chosen parent: meeting this organisation again would make a loop.
        ancestor, seen = parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if ancestor.pk == self.instance.pk:
                raise forms.ValidationError(
                    _("%(parent)s is itself part of %(name)s, so it cannot be its parent.")
                    % {"parent": parent, "name": self.instance.name},
                    code="cycle",
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
        return parent


class ContactForm(WrittenInLanguageForm, PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Contact
        fields = [
            "organization",
            "name",
            "position",
            "email",
            "phone",
            "preferred_language",
            "receives_reminders",
            "is_active",
            "user",
            *written_in_fields("name", "position"),
        ]
        widgets = {"organization": organization_picker()}
        labels = {
            "user": _("Portal account"),
            "preferred_language": _("E-mail language"),
            "receives_reminders": _("Sends reminders about their organisation's follow-up actions"),
        }

    deactivate_account = forms.BooleanField(
        label=_("Also deactivate their portal account"),
        required=False,
        initial=True,
        help_text=_("Only when the contact is marked inactive: they can no longer log in."),
    )

    def __init__(self, *args, focal_point_of=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = translations_folded(self)
        self._suggest_name_spellings()
        self.fields["organization"].queryset = Organization.objects.for_choices()
        unlinked = Q(contact__isnull=True)
        if self.instance.pk:
            unlinked |= Q(contact=self.instance)
        self.fields["user"].queryset = get_user_model().objects.filter(unlinked, is_active=True).order_by("username")
        self.fields["user"].label_from_instance = lambda user: (
            f"{user.username} ({user.get_full_name()})" if user.get_full_name() else user.username
        )
        self.fields["user"].help_text = _("Links the person to an account, so they act for this organisation.")
        if not (self.instance.pk and self.instance.user_id and self.instance.user.is_active):
            del self.fields["deactivate_account"]
        if focal_point_of is not None:  # a focal point: their own organisation's contacts
            self.fields["organization"].widget = QuickSelect()  # one organisation: nothing to search
            self.fields["organization"].widget.is_required = self.fields["organization"].required
            self.fields["organization"].queryset = Organization.objects.filter(pk=focal_point_of.pk)
            self.fields["organization"].initial = focal_point_of.pk
            # Accounts are the secretariat's, reminders the person's own (or the secretariat's), and only the
            # secretariat brings back someone who left. A field left out of the form is left as it is whatever
            # the POST holds (an unticked box and a missing one look the same).
            for name in ("user", "deactivate_account", "receives_reminders"):
                self.fields.pop(name, None)
            if self.instance.pk and not self.instance.is_active:
                del self.fields["is_active"]
        self.fields["preferred_language"].required = False  # left out: the one the contact has, or the default

    def _suggest_name_spellings(self) -> None:
        """The name in each reader's script it is not written in yet, shown beside that field (its placeholder and
        help) for the person to type in or correct; nothing is stored unless they write it there."""
        if self.is_bound:
            value = lambda name: self.data.get(self.add_prefix(name), "")  # noqa: E731
        else:
            value = lambda name: self.initial.get(name) or ""  # noqa: E731
        versions = {name: value(name) for name in self.fields if name.startswith("name_")}
        self.name_suggestions = suggested_name_spellings(value("name"), versions)
        for name, spelling in self.name_suggestions.items():
            field = self.fields[name]
            field.widget.attrs["placeholder"] = spelling
            field.help_text = _(
                "Suggested: %(spelling)s. Type it here, corrected if need be; only what is typed is saved."
            ) % {"spelling": spelling}
        self.translations_open = bool(self.name_suggestions)

    def clean_preferred_language(self):
        return self.cleaned_data.get("preferred_language") or self.instance.preferred_language or "en"

    @property
    def account_to_deactivate(self):
        """The account to deactivate with the contact, when the contact is marked inactive and the box is ticked."""
        if "deactivate_account" not in self.fields or self.cleaned_data.get("is_active"):
            return None
        return self.instance.user if self.cleaned_data.get("deactivate_account") else None


class InviteForm(forms.Form):
    role = forms.ChoiceField(label=_("Role in the portal"), choices=())

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = roles
        self.fields["role"].initial = roles[0][0] if roles else None
        self.helper = _helper()


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=())

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = roles
        self.helper = _helper()


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's reset form, whose mail goes through the outbox like every other: the task queue's worker sends it
    after commit, so the response never waits on the mail server (nor tells by its time whether an address exists).
    """

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        subject = " ".join(render_to_string(subject_template_name, context).split())
        message = EmailMultiAlternatives(
            subject, render_to_string(email_template_name, context), from_email, [to_email]
        )
        if html_email_template_name is not None:
            message.attach_alternative(render_to_string(html_email_template_name, context), "text/html")
        enqueue_mail(message)
