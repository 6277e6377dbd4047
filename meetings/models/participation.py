"""Who is invited to and attends a meeting: participation rows, invitations, replies."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.history import HistoricalRecords
from common.models import TimeStampedModel
from meetings.models.meeting import Meeting


class ParticipationRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    SPEAKER = "speaker", _("Speaker")
    PARTICIPANT = "participant", _("Participant")
    OBSERVER = "observer", _("Observer")


class ParticipationStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    CONFIRMED = "confirmed", _("Confirmed")
    ATTENDED = "attended", _("Attended")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class Participation(TimeStampedModel):
    """An organisation, optionally a named contact of it, invited to or attending a meeting."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="participations", verbose_name=_("meeting")
    )
    organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("organisation"),
    )
    contact = models.ForeignKey(
        "stakeholders.Contact",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("contact"),
    )
    role = models.CharField(
        _("role"),
        max_length=16,
        choices=ParticipationRole.choices,
        default=ParticipationRole.PARTICIPANT,
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ParticipationStatus.choices,
        default=ParticipationStatus.INVITED,
    )
    invitation_sent_at = models.DateTimeField(_("invitation sent at"), null=True, blank=True, editable=False)
    attendee_name = models.CharField(
        _("name of the person who attended"),
        max_length=200,
        blank=True,
        help_text=_("For a walk-in who is not among the contacts."),
    )
    walk_in = models.BooleanField(_("walk-in"), default=False, help_text=_("Came without being invited."))
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("named by"),
        help_text=_("The organisation's focal point who named this person as attending (empty: the secretariat)."),
    )
    # The register sends each row's version with its changes: a row changed by someone else since the page was
    # shown is not overwritten (meetings.services.record_attendance).
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Bumped on every save by the portal.")
    )

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["organization__name", "contact__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organization", "contact", "attendee_name"],
                name="unique_participation",
                nulls_distinct=False,
            ),
        ]

    def __str__(self):
        who = self.contact.name if self.contact_id else self.attendee_name or self.organization.short_name
        return _("%(who)s at the %(meeting)s (%(status)s)") % {
            "who": who,
            "meeting": _("%(ordinal)s meeting") % {"ordinal": self.meeting.ordinal},
            "status": self.get_status_display().lower(),
        }

    def save(self, *args, **kwargs):
        """Every save of an existing row moves it to the next version (in the database, so a stale copy in memory
        cannot hand out a version number twice)."""
        if self._state.adding:
            return super().save(*args, **kwargs)
        self.version = models.F("version") + 1
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)
        self.version = type(self).objects.filter(pk=self.pk).values_list("version", flat=True).get()

    def clean(self):
        if self.contact_id and self.organization_id and self.contact.organization_id != self.organization_id:
            raise ValidationError({"contact": _("This person works for another organisation.")})
        if self.contact_id and self.attendee_name:
            raise ValidationError({"attendee_name": _("A name is given only for a walk-in who is not a contact.")})


class Invitation(TimeStampedModel):
    """The invitation e-mailed to one person for one meeting (meetings/notifications/).

    ``sequence`` is the meeting's ``calendar_sequence`` in the last .ics sent to them: when the meeting has
    changed since (a higher sequence), they are due an update with the same UID.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitations")
    contact = models.ForeignKey("stakeholders.Contact", on_delete=models.CASCADE, related_name="invitations")
    sent_at = models.DateTimeField()
    sequence = models.PositiveIntegerField()
    mail = models.ForeignKey(
        "common.OutgoingMail", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )  # the e-mail of the latest invitation: whether it went out
    # What that e-mail announced (meetings.notifications.changes.announced): time, place and agenda, so that the next
    # update can say what changed since. Empty for invitations sent before it was kept.
    announced = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["meeting", "contact"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "contact"], name="unique_invitation_per_contact"),
        ]

    def __str__(self):
        return f"{self.contact} invited to {self.meeting} (sequence {self.sequence})"


class RsvpAnswer(models.TextChoices):
    ACCEPTED = "accepted", _("Will attend")
    DECLINED = "declined", _("Will not attend")


class Rsvp(TimeStampedModel):
    """One person's answer to a meeting's invitation: by the signed link in the e-mail or on the meeting page."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="rsvps", verbose_name=_("meeting"))
    contact = models.ForeignKey(
        "stakeholders.Contact", on_delete=models.CASCADE, related_name="rsvps", verbose_name=_("contact")
    )
    answer = models.CharField(_("answer"), max_length=16, choices=RsvpAnswer.choices)
    answered_at = models.DateTimeField(_("answered at"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reply to an invitation")
        verbose_name_plural = _("replies to invitations")
        ordering = ["meeting", "contact"]
        constraints = [models.UniqueConstraint(fields=["meeting", "contact"], name="unique_rsvp_per_contact")]

    def __str__(self):
        return f"{self.contact} to {self.meeting}: {self.answer}"


class OrganizationReply(TimeStampedModel):
    """An organisation's answer to a meeting's invitation, given by its focal point, who also names who attends
    (those people are the organisation's Participation rows with ``named_by`` set)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="organization_replies", verbose_name=_("meeting")
    )
    organization = models.ForeignKey(
        "stakeholders.Organization",
        on_delete=models.PROTECT,
        related_name="meeting_replies",
        verbose_name=_("organisation"),
    )
    answer = models.CharField(_("answer"), max_length=16, choices=RsvpAnswer.choices)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered at"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation's reply to an invitation")
        verbose_name_plural = _("organisations' replies to invitations")
        ordering = ["meeting", "organization"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "organization"], name="unique_reply_per_organization")
        ]

    def __str__(self):
        return f"{self.organization} to {self.meeting}: {self.answer}"


class MeetingMailKind(models.TextChoices):
    INVITATION = "invitation", _("Invitation")
    UPDATE = "update", _("Update")
    CANCELLATION = "cancellation", _("Cancellation")
    MINUTES = "minutes", _("Minutes published")
    CORRECTION = "correction", _("Minutes corrected")
    MINUTES_CIRCULATED = "minutes-circulated", _("Draft minutes circulated")
    MINUTES_APPROVED = "minutes-approved", _("Minutes approved")


class MeetingMail(models.Model):
    """One e-mail about a meeting written to one person, with its outbox row: what each person was sent and when,
    shown on the recipient list (the outbox row says whether it went out)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="mails")
    contact = models.ForeignKey("stakeholders.Contact", on_delete=models.CASCADE, related_name="meeting_mails")
    kind = models.CharField(max_length=20, choices=MeetingMailKind)
    mail = models.ForeignKey("common.OutgoingMail", on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "contact", "created", "id"]
        constraints = [models.UniqueConstraint(fields=["mail"], name="one_meeting_mail_per_outgoing_mail")]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.contact_id} about {self.meeting_id}"
