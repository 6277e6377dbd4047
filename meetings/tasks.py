"""The worker's scheduled meeting jobs (procrastinate; see common/queue.py)."""

import datetime

from django.conf import settings
from django.utils import timezone
from procrastinate.contrib.django import app

from meetings.notifications.delivery import send_action_reminders

# procrastinate reads a periodic task's cron in UTC: the reminders' job is deferred every quarter of an hour and
# works at the first quarter of ACTION_REMINDERS_HOUR in the portal's time zone (TIME_ZONE), daylight saving or not.
REMINDERS_CRON = "*/15 * * * *"


def is_reminder_time(moment: datetime.datetime) -> bool:
    local = timezone.localtime(moment)
    return local.hour == settings.ACTION_REMINDERS_HOUR and local.minute < 15


@app.periodic(cron=REMINDERS_CRON, periodic_id="every-15-minutes")
@app.task(name="meetings.send_action_reminders", queueing_lock="meetings.send_action_reminders")
def send_daily_action_reminders(timestamp: int) -> None:
    """E-mail the day's follow-up action reminders, at ACTION_REMINDERS_HOUR (08:00 by default) local time. Safe to
    run twice (a retried job): a reminder is written once per day and person, an action mentioned once a week."""
    scheduled = datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC)
    if is_reminder_time(scheduled):
        send_action_reminders(today=timezone.localdate(scheduled))
