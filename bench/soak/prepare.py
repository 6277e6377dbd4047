"""Soak data: the demo platform plus soak users, a draft-minutes meeting and one action per wrk thread.

Run with the soak database's environment (see bench/soak/soak.py); prints a JSON description on stdout.
"""

import datetime
import json
import os
import sys

import django

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coordination.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from common.roles import PARTICIPANT, SECRETARIAT  # noqa: E402
from coordination.operations.demo import load_demo  # noqa: E402
from meetings.models import ActionItem, Meeting, MeetingSeries, MinutesStatus  # noqa: E402
from stakeholders.models import Contact, Organization  # noqa: E402


def main(threads: int, password: str):
    load_demo(with_users=False)
    series = MeetingSeries.objects.order_by("pk").first()
    published = Meeting.objects.filter(minutes_status=MinutesStatus.PUBLISHED).order_by("pk").first() or (
        Meeting.objects.order_by("pk").first()
    )
    last = Meeting.objects.filter(series=series).order_by("-number").first()
    starts_at = timezone.now() - datetime.timedelta(days=1)
    soak_meeting = Meeting.objects.create(
        series=series,
        number=last.number + 1,
        title="Soak test meeting",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=3),
        venue="Tashkent",
        announced_at=starts_at,
        minutes_status=MinutesStatus.DRAFT,
    )
    users = []
    User = get_user_model()
    for index in range(threads):
        secretariat = User.objects.create_user(f"soak-secretariat-{index}", f"soak-s{index}@example.org", password)
        secretariat.groups.add(Group.objects.get(name=SECRETARIAT))
        organization = Organization.objects.create(name=f"Soak organisation {index}", acronym=f"SOAK{index}")
        participant = User.objects.create_user(f"soak-participant-{index}", f"soak-p{index}@example.org", password)
        participant.groups.add(Group.objects.get(name=PARTICIPANT))
        Contact.objects.create(organization=organization, name=f"Soak participant {index}", user=participant)
        action = ActionItem.objects.create(
            meeting=soak_meeting,
            title=f"Soak follow-up {index}",
            responsible_organization=organization,
            due_on=timezone.localdate() + datetime.timedelta(days=30),
        )
        users.append(
            {
                "secretariat": secretariat.username,
                "participant": participant.username,
                "action": action.pk,
                "action_version": action.version,
                "action_update_path": reverse("meetings:action-update", args=[action.pk]),
                "action_path": reverse("meetings:action-detail", args=[action.pk]),
            }
        )

    def path(name, *args, query=""):
        try:
            return reverse(name, args=args) + query
        except NoReverseMatch:
            return None

    reads = [
        path("dashboard"),
        path("meetings:meeting-list"),
        path("meetings:meeting-detail", published.pk),
        path("meetings:series-detail", series.pk),
        path("meetings:action-list"),
        path("activities:activity-list"),
        path("stakeholders:organization-list"),
        path("search", query="?q=trafficking"),
        path("meetings:series-list"),
        path("calendar-feed"),
        path("healthz"),
    ]
    print(
        json.dumps(
            {
                "meeting": soak_meeting.pk,
                "decision_path": reverse("meetings:decision-create", args=[soak_meeting.pk]),
                "reads": [read for read in reads if read],
                "threads": users,
            }
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
