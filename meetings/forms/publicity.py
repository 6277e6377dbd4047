"""Whether a series is public: the secretariat's choice, confirmed knowing what becomes public."""

from django import forms
from django.utils.translation import gettext_lazy as _

from meetings.models import MeetingSeries


class SeriesPublicityForm(forms.ModelForm):
    confirm = forms.BooleanField(
        label=_("I understand what becomes public"),
        required=False,
        help_text=_(
            "Anyone on the internet, without an account, will read this series' announced meetings (dates, venue, "
            "the agenda items marked public), their published minutes (the summary, the decisions under public "
            "items, the statements and documents marked public) and its activity plans once discussed or endorsed. "
            "Never the join links, drafts, contacts' e-mail addresses, or anything kept to the participants or the "
            "secretariat. Public pages may stay in shared caches for up to five minutes after a change."
        ),
    )

    class Meta:
        model = MeetingSeries
        fields = ["is_public", "attendance_is_public"]

    def clean(self):
        cleaned = super().clean()
        turning_public = (
            cleaned.get("is_public") and not MeetingSeries.objects.filter(pk=self.instance.pk, is_public=True).exists()
        )
        if turning_public and not cleaned.get("confirm"):
            self.add_error("confirm", _("Confirm that you understand what becomes public."))
        return cleaned
