"""The mixed run: MIXED_USERS logged-in users of several organisations and roles walk the portal together.

`prepare_mixed` (run in the bench process, against the bench database) makes the users once (bench-user-NN: most
of them participants linked to contacts of different organisations, some secretariat), logs each one in (a
session in the database, as the login form makes), and writes the walk for bench/mixed.lua: a weighted mix of
the main pages (dashboard, meeting lists and meetings, organisations, actions, activities, series, search with
varied words, the calendar feed), each request by one of the users in turn, and one write per WRITE_EVERY reads:
by turns an action's status update (posted with the version its page showed) and the Russian translation of the
title of a meeting that the list's first page and the feed show (so the fragment cache sees the writes that change
its rows and events). Every distinct page of the walk is checked with the test
client first: the run measures only 200 answers.
"""

import random
import re
import secrets
from pathlib import Path
from urllib.parse import urlencode

MIXED_USERS = 40
SECRETARIAT_USERS = 8
WRITE_EVERY = 50
WALK_LENGTH = 4000
PASSWORD = "bench-mixed-password"
WEIGHTS = {
    "dashboard": 4,
    "meeting list": 3,
    "meeting": 5,
    "organisation": 2,
    "organisation list": 1,
    "actions": 3,
    "action": 1,
    "activities": 2,
    "series": 1,
    "search": 3,
    "calendar feed": 1,
}


def _users():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from common.roles import PARTICIPANT, SECRETARIAT
    from stakeholders.models import Contact

    user_model = get_user_model()
    users = list(user_model.objects.filter(username__startswith="bench-user-").order_by("username"))
    if len(users) == MIXED_USERS:
        return users
    participant, secretariat = Group.objects.get(name=PARTICIPANT), Group.objects.get(name=SECRETARIAT)
    # One contact per organisation, the organisations with the most people first: users of many organisations.
    contacts, seen = [], set()
    for contact in Contact.objects.filter(user__isnull=True).order_by("organization_id", "pk"):
        if contact.organization_id not in seen:
            seen.add(contact.organization_id)
            contacts.append(contact)
    random.Random(7).shuffle(contacts)
    users = []
    for index in range(MIXED_USERS):
        user, _ = user_model.objects.get_or_create(username=f"bench-user-{index:02d}")
        user.set_password(PASSWORD)
        user.save()
        user.groups.set([secretariat if index < SECRETARIAT_USERS else participant])
        if index < len(contacts) and not Contact.objects.filter(user=user).exists():
            contacts[index].user = user
            contacts[index].save(update_fields=["user"])
        users.append(user)
    return users


def _vocabulary(rng) -> list[str]:
    from bench.datagen import COMMON_WORD, RARE_WORD
    from meetings.models import AgendaItem

    titles = AgendaItem.objects.order_by("-pk").values_list("title", flat=True)[:2000]
    words = sorted({word.lower() for title in titles for word in re.findall(r"[A-Za-z]{5,}", title)})
    return [COMMON_WORD, RARE_WORD, *rng.sample(words, min(28, len(words)))]


def _candidates(rng, data) -> dict[str, list[str]]:
    from django.urls import reverse

    from meetings.models import ActionItem, Meeting, MeetingSeries
    from stakeholders.models import Organization

    meetings = list(Meeting.objects.order_by("-starts_at").values_list("pk", flat=True)[:300])
    organizations = list(Organization.objects.order_by("?").values_list("pk", flat=True)[:60])
    actions = list(ActionItem.objects.order_by("-pk").values_list("pk", flat=True)[:200])
    series = list(MeetingSeries.objects.values_list("pk", flat=True)[:20])
    years = sorted({when.year for when in Meeting.objects.dates("starts_at", "year")})
    return {
        "dashboard": [reverse("dashboard")],
        "meeting list": [reverse("meetings:meeting-list")]
        + [f"{reverse('meetings:meeting-list')}?year={year}" for year in rng.sample(years, min(10, len(years)))],
        "meeting": [
            reverse("meetings:meeting-detail", args=[pk]) for pk in rng.sample(meetings, min(60, len(meetings)))
        ],
        "organisation": [reverse("organization-detail", args=[pk]) for pk in organizations[:40]],
        "organisation list": [reverse("stakeholders:organization-list")],
        "actions": [reverse("meetings:action-list"), f"{reverse('meetings:action-list')}?status=open"]
        + [f"{reverse('meetings:action-list')}?{urlencode({'organization': pk})}" for pk in organizations[:10]],
        "action": [reverse("meetings:action-detail", args=[pk]) for pk in actions[:30]],
        "activities": [reverse("activities:activity-list")],
        "series": [reverse("meetings:series-list")]
        + [reverse("activities:series-timeline", args=[pk]) + f"?year={data.year}" for pk in series[:5]],
        "search": [f"{reverse('search')}?{urlencode({'q': word})}" for word in _vocabulary(rng)],
        "calendar feed": [reverse("calendar-feed")],
    }


def _shown_meetings() -> list:
    """The meetings the list's first page and the calendar feed show: a translation of one of their titles changes
    a row and an event that readers ask for (their fragments' keys move)."""
    from django.utils import timezone

    from meetings.models import Meeting

    now = timezone.now()
    announced = Meeting.objects.announced()
    past = announced.filter(ends_at__lt=now).order_by("-starts_at")[:25]
    upcoming = announced.filter(ends_at__gte=now).order_by("starts_at")[:20]
    return [*past, *upcoming]


def _translation_write(meeting, number: int) -> str:
    """The POST of the Russian translation of ``meeting``'s title, as the secretariat's translations page sends it."""
    from django.urls import reverse

    from common.i18n import fingerprint

    form = {
        "text": f"meeting:{meeting.pk}:title",
        "language": "ru",
        "translation": f"Заседание по координации (перевод {number})",
        "original": fingerprint(meeting.title),
    }
    return f"{reverse('meetings:meeting-translations', args=[meeting.pk])}\t{urlencode(form)}"


def _logged_in(client, user):
    """Log ``client`` in as ``user``; staff who need a second factor have passed it in that session (an enrolled
    authenticator app), as they would in a browser, so the second-factor middleware runs as in production."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from coordination.two_factor import second_factor_required

    client.force_login(user, backend="common.auth_backends.PortalModelBackend")
    if second_factor_required(user):
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def _session_cookie(user, csrf: str) -> str:
    from django.conf import settings
    from django.test import Client

    client = _logged_in(Client(), user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    return f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={csrf}"


def prepare_mixed(path: Path, data) -> dict:
    """Write the walk for bench/mixed.lua to ``path``; returns what the report says about it."""
    from django.test import Client

    from meetings.models import ActionItem, ActionStatus

    rng = random.Random(13)
    users = _users()
    secretariat = users[:SECRETARIAT_USERS]
    csrf = {user.pk: secrets.token_hex(16) for user in users}  # 32 characters, as Django's CSRF secret
    cookies = {user.pk: _session_cookie(user, csrf[user.pk]) for user in users}
    candidates = _candidates(rng, data)
    # Each distinct page answers 200 to a participant and to the secretariat, or it is left out.
    checkers = [Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")]
    _logged_in(checkers[0], users[-1])
    _logged_in(checkers[1], secretariat[0])
    for kind, paths in candidates.items():
        candidates[kind] = [p for p in paths if all(c.get(p).status_code == 200 for c in checkers)] or paths[:0]
    kinds = [kind for kind in WEIGHTS if candidates[kind]]
    weights = [WEIGHTS[kind] for kind in kinds]
    open_actions = list(
        ActionItem.objects.exclude(status=ActionStatus.DONE).order_by("-pk").values_list("pk", flat=True)[:500]
    )
    shown_meetings = _shown_meetings()
    lines, writes, translations = [], 0, 0
    for index in range(1, WALK_LENGTH + 1):
        if index % WRITE_EVERY == 0 and (open_actions or shown_meetings):
            user = rng.choice(secretariat)
            # Every other write translates the title of a meeting that the list and the feed show.
            if shown_meetings and (writes % 2 or not open_actions):
                write = _translation_write(rng.choice(shown_meetings), index)
                lines.append(f"POST\t{write}\t{cookies[user.pk]}\t{csrf[user.pk]}")
                translations += 1
            else:
                lines.append(f"WRITE\t{rng.choice(open_actions)}\t{cookies[user.pk]}\t{csrf[user.pk]}")
            writes += 1
            continue
        user = users[index % len(users)]
        kind = rng.choices(kinds, weights)[0]
        lines.append(f"GET\t{rng.choice(candidates[kind])}\t{cookies[user.pk]}")
    path.write_text("\n".join(lines) + "\n")
    return {
        "users": len(users),
        "secretariat": len(secretariat),
        "organizations": len({u.contact.organization_id for u in users if hasattr(u, "contact")}),
        "pages": sum(len(paths) for paths in candidates.values()),
        "mix": ", ".join(f"{kind} {WEIGHTS[kind]}" for kind in kinds),
        "words": len(candidates["search"]),
        "writes": writes,
        "translations": translations,
        "lines": len(lines),
    }
