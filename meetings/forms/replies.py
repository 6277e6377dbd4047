"""The reply an organisation gives for its contacts to a meeting's invitation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from meetings.models import RsvpAnswer
from stakeholders.models import Contact


class AttendeeChoiceField(forms.ModelMultipleChoiceField):
    """The organisation's contacts by name and position (the organisation goes without saying)."""

    def label_from_instance(self, contact):
        return f"{contact.name}, {contact.position}" if contact.position else contact.name


class OrganizationReplyForm(forms.Form):
    """A focal point's answer for their organisation, and who attends for it (services.answer_for_organization)."""

    answer = forms.ChoiceField(
        label=_("Will your organisation attend?"),
        choices=[
            (RsvpAnswer.ACCEPTED, _("Yes, we will attend")),
            (RsvpAnswer.DECLINED, _("No, we cannot attend")),
        ],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    attendees = AttendeeChoiceField(
        queryset=Contact.objects.none(),
        label=_("Who attends"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text=_("Tick the people who will come. Someone missing? Add them to your organisation's contacts first."),
    )

    def __init__(self, *args, contacts, **kwargs):
        super().__init__(*args, **kwargs)
        # The contacts are already loaded for the page: the field chooses among them without another query.
        field = self.fields["attendees"]
        field.queryset = Contact.objects.filter(pk__in=[contact.pk for contact in contacts]).order_by("name", "pk")
        field.choices = [(contact.pk, field.label_from_instance(contact)) for contact in contacts]

    @classmethod
    def for_answer(cls, answer, data=None):
        """The form for an organisation's current answer (meetings.services.OrganizationAnswer)."""
        initial = {
            "answer": answer.reply.answer if answer.reply else RsvpAnswer.ACCEPTED,
            "attendees": [contact.pk for contact in answer.attending],
        }
        return cls(data, contacts=answer.contacts, initial=initial)

    def clean_attendees(self):
        return list(self.cleaned_data["attendees"])
