"""The forms of the minutes' approval loop: circulating the draft, commenting on it, resolving a comment, recording
the approval (meetings.services.approval)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.typed_text import TypedTextForm
from common.versioning import VersionedFormMixin
from common.widgets import DateInput
from meetings.models import AgendaItem

# Two weeks, the usual time an office gives the attending organisations to comment on a draft.
DEFAULT_COMMENT_DAYS = 14


class CirculateMinutesForm(forms.Form):
    """The confirming POST of circulating the draft (``confirm``), with the last day for comments."""

    confirm = forms.BooleanField(widget=forms.HiddenInput, initial=True)
    comments_due = forms.DateField(
        label=_("Comments due by"),
        widget=DateInput,
        help_text=_("The last day on which the attending organisations may comment."),
    )
    # The confirmation screen's fingerprint of who the mail goes to (meetings.notifications.recipients_token).
    recipients = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comments_due"].initial = timezone.localdate() + datetime.timedelta(days=DEFAULT_COMMENT_DAYS)


class MinutesCommentForm(TypedTextForm, forms.Form):
    agenda_item = forms.ModelChoiceField(
        label=_("On the agenda item"),
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label=_("The minutes in general"),
    )
    text = forms.CharField(label=_("Your comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.order_by("position", "id")


class EditCommentForm(TypedTextForm, VersionedFormMixin):
    """The author's new text for their comment, with the version they started from (another tab may have saved)."""

    text = forms.CharField(label=_("Your comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class WithdrawCommentForm(VersionedFormMixin):
    """Withdrawing one's comment, as it was when the page showed it."""


class ResolveCommentForm(TypedTextForm, forms.Form):
    note = forms.CharField(label=_("Resolution note (optional)"), max_length=2000, required=False)
    # The version of the comment the secretariat read: resolving is refused if its author edited it since.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)


class ConfirmForm(forms.Form):
    """A confirming POST that sends mail: ``confirm`` and the token of the recipients the screen showed."""

    confirm = forms.BooleanField(widget=forms.HiddenInput, initial=True)
    recipients = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
