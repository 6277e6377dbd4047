"""The calendar message attached to an invitation: an iTIP request or cancellation (RFC 5546)."""

from email.utils import parseaddr

from django.conf import settings
from django.core.mail.message import SafeMIMEText
from icalendar import Calendar, vCalAddress, vText

from meetings.calendar import PRODUCT_ID, add_time_zones, meeting_event
from meetings.models import Meeting, MeetingStatus
from stakeholders.models import Contact


def invitation_calendar(*, meeting: Meeting, contact: Contact, url: str = "") -> bytes:
    """The meeting as an iTIP request (RFC 5546): the feed's event (same UID and SEQUENCE) with organiser and attendee.

    A cancelled meeting goes out as METHOD:CANCEL, which calendar apps use to remove the event.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if meeting.status == MeetingStatus.CANCELLED else "REQUEST")
    event = meeting_event(meeting, url, join_link=True)  # to an invitee
    organizer = vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
    organizer.params["cn"] = vText(meeting.series.convening_organization.display_name)
    event.add("organizer", organizer)
    # Only the recipient is listed: the other invitees' addresses are not theirs to see.
    attendee = vCalAddress(f"mailto:{contact.email}")
    attendee.params["cn"] = vText(contact.name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = vText("NEEDS-ACTION")
    attendee.params["rsvp"] = vText("FALSE")  # replies are not read by the portal
    event.add("attendee", attendee)
    calendar.add_component(event)
    add_time_zones(calendar)
    return calendar.to_ical()


def invitation_attachment(*, meeting: Meeting, contact: Contact, url: str = "") -> SafeMIMEText:
    """``invitation_calendar`` as the e-mail's text/calendar part, with the iTIP method named on it."""
    calendar = invitation_calendar(meeting=meeting, contact=contact, url=url).decode()
    # Django's SafeMIMEText keeps UTF-8 text readable (8bit/quoted-printable) rather than base64.
    ics = SafeMIMEText(calendar, "calendar", "utf-8")
    ics.set_param("method", "CANCEL" if meeting.status == MeetingStatus.CANCELLED else "REQUEST")
    ics.add_header("Content-Disposition", "attachment", filename=meeting.file_name("ics"))
    return ics
