"""The signed accept/decline links in an invitation: a token names the meeting and the person, and expires."""

import datetime

from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from meetings.models import Meeting, RsvpAnswer
from stakeholders.models import Contact

RSVP_SALT = "meetings.rsvp"
RSVP_MAX_AGE = datetime.timedelta(days=180)


def rsvp_token(*, meeting: Meeting, contact: Contact) -> str:
    """The signed part of the accept/decline links in one person's invitation: it names the meeting and the person."""
    return signing.dumps({"m": meeting.pk, "c": contact.pk}, salt=RSVP_SALT, compress=True)


def contact_for_rsvp_token(*, meeting: Meeting, token: str) -> Contact:
    """The person a link was made for, or ValidationError saying why the link is refused."""
    try:
        data = signing.loads(token, salt=RSVP_SALT, max_age=RSVP_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ValidationError(_("This link has expired. Answer on the meeting page after logging in.")) from error
    except signing.BadSignature as error:
        raise ValidationError(_("This link is not valid: copy the whole link from the e-mail.")) from error
    if not isinstance(data, dict) or data.get("m") != meeting.pk:
        raise ValidationError(_("This link was made for another meeting."))
    contact = Contact.objects.filter(pk=data.get("c"), is_active=True).select_related("organization").first()
    if contact is None:
        raise ValidationError(_("This link is not valid: copy the whole link from the e-mail."))
    return contact


def rsvp_links(*, meeting: Meeting, contact: Contact) -> dict[str, str]:
    """The site-relative accept and decline links for one person's invitation."""
    path = reverse("meetings:meeting-rsvp-link", args=[meeting.pk, rsvp_token(meeting=meeting, contact=contact)])
    return {answer: f"{path}?answer={answer}" for answer in RsvpAnswer.values}
