"""Keeps calendar feeds honest: a meeting whose time, place, title or status changes gets a new SEQUENCE."""

from django.db.models import F
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from meetings.models import Meeting

CALENDAR_FIELDS = ("title", "starts_at", "ends_at", "time_zone", "venue", "format", "status", "number")


@receiver(pre_save, sender=Meeting, dispatch_uid="meeting_calendar_change")
def note_calendar_change(sender, instance, raw=False, update_fields=None, **kwargs):
    instance._calendar_changed = False
    if raw or instance.pk is None:
        return
    fields = CALENDAR_FIELDS if update_fields is None else [name for name in CALENDAR_FIELDS if name in update_fields]
    if not fields:
        return
    stored = Meeting.objects.filter(pk=instance.pk).values(*fields).first()
    if stored is not None:
        instance._calendar_changed = any(stored[name] != getattr(instance, name) for name in fields)


@receiver(post_save, sender=Meeting, dispatch_uid="meeting_calendar_sequence")
def bump_calendar_sequence(sender, instance, created=False, raw=False, **kwargs):
    # Done with an UPDATE rather than on the instance so that saves with update_fields bump it too.
    if raw or created or not getattr(instance, "_calendar_changed", False):
        return
    Meeting.objects.filter(pk=instance.pk).update(calendar_sequence=F("calendar_sequence") + 1)
    instance.calendar_sequence += 1
    instance._calendar_changed = False
