"""The portal's access policy, in one place: every view, search source, export and feed asks it.

- Reading anything needs the role's view permission (`may_read`); a logged-in user without it sees only the
  "no access yet" page (`RoleRequiredMiddleware`), however they reach the portal.
- What draft minutes record (statements, decisions, follow-up actions, their reviews, quarter-review notes, minutes
  documents) is filtered by one queryset method, `MinutesContentQuerySet.visible_to(user)`: only those who may see
  drafts (the secretariat) get rows of meetings whose minutes are not published.
- Each agenda item, statement and document is kept to an audience (`Visibility`: the public, the participants, the
  secretariat); `confidentiality_q(user)` is the one filter. A series is public only when the secretariat says so
  (`public_meeting_q`): then anonymous visitors read its announced meetings and published minutes, and of those only
  what is marked public.
- A person belongs to an organisation through an *active* contact; reporting progress on an organisation's actions
  or activities needs the update permission (`may_report`) and that membership (`stakeholders.models.may_report_for`
  adds the membership, which needs the stakeholders' tables).

This module imports no app and names none: each app registers what it contributes (its permission codenames,
the status of published minutes) in its ``AppConfig.ready()``, and the policy asks the registry.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

# What the policy asks about, by the name an app registers its permission codename under:
# "read" - reads the portal; "draft_minutes" - sees minutes before they are published; "report_own" - reports on
# the actions and activities one's own organisation is responsible for; "secretariat" - edits meetings and
# activities; "focal_point" - maintains one's organisation's contacts and answers invitations for it.
_permissions: dict[str, str] = {}
# "minutes_published": the value of a meeting's minutes status once they are published.
_statuses: dict[str, str] = {}
# "announced": (path to a meeting) -> the condition that it is announced, as the meetings app defines it.
_conditions: dict[str, Callable[[str], Q]] = {}


def register_permission(name: str, codename: str) -> None:
    _permissions[name] = codename


def register_status(name: str, value: str) -> None:
    _statuses[name] = value


def register_condition(name: str, build: Callable[[str], Q]) -> None:
    _conditions[name] = build


def condition(name: str, path: str = "") -> Q:
    try:
        return _conditions[name](path)
    except KeyError:
        raise ImproperlyConfigured(f"No app has registered the {name!r} condition with common.access.") from None


def permission(name: str) -> str:
    try:
        return _permissions[name]
    except KeyError:
        raise ImproperlyConfigured(f"No app has registered the {name!r} permission with common.access.") from None


def status(name: str) -> str:
    try:
        return _statuses[name]
    except KeyError:
        raise ImproperlyConfigured(f"No app has registered the {name!r} status with common.access.") from None


_REGISTERED_CONSTANTS = {
    "VIEW_PERMISSION": "read",
    "DRAFT_MINUTES_PERMISSION": "draft_minutes",
    "UPDATE_OWN_PERMISSION": "report_own",
    "SECRETARIAT_PERMISSION": "secretariat",
    "FOCAL_POINT_PERMISSION": "focal_point",
}


def __getattr__(name: str) -> str:
    """``from common.access import VIEW_PERMISSION`` still reads the registered codename (once the apps are ready)."""
    if name in _REGISTERED_CONSTANTS:
        return permission(_REGISTERED_CONSTANTS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def may_read(user) -> bool:
    """Holds a role that reads the portal (participant, secretariat, superuser)."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(permission("read")))


def may_report(user) -> bool:
    """Holds the permission to record progress on what one's own organisation is responsible for."""
    return may_read(user) and user.has_perm(permission("report_own"))


def may_see_draft_minutes(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(permission("draft_minutes")))


def is_secretariat(user) -> bool:
    """May edit meetings and activities: Secretariat members and superusers."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(permission("secretariat")))


class Visibility(models.TextChoices):
    """Who may read one agenda item, statement or document (besides the secretariat, who reads everything)."""

    PUBLIC = "public", _("Public (also on the public pages, once the series is public)")
    PARTICIPANTS = "participants", _("Participants")
    SECRETARIAT = "secretariat", _("Secretariat only")


def reads_as_public(user) -> bool:
    """Reads what the public pages show: an anonymous visitor, or an account without a role. ``None`` is nobody in
    particular among the participants (a reminder e-mail), not the public."""
    return user is not None and not may_read(user)


def confidentiality_q(user, path: str = "") -> Q:
    """The rows whose `visibility` lets ``user`` read them: everything for the secretariat, all but the
    secretariat's for participants (and ``None``), the public ones for everyone else."""
    if user is not None and is_secretariat(user):
        return Q()
    if reads_as_public(user):
        return Q(**{f"{path}visibility": Visibility.PUBLIC})
    return ~Q(**{f"{path}visibility": Visibility.SECRETARIAT})


def under_readable_item_q(user) -> Q:
    """Rows tied to no agenda item, or to one ``user`` may read: what is said or shown under an item kept to the
    secretariat is kept with it."""
    item_readable = confidentiality_q(user, "agenda_item__")
    if not item_readable:  # everything (an empty Q would be dropped from the OR below)
        return item_readable
    return Q(agenda_item__isnull=True) | item_readable


def public_meeting_q(path: str = "") -> Q:
    """Meetings the public may read: announced, in a series the secretariat has made public. ``path`` leads from
    the rows filtered to their meeting ("meeting__"), or is empty for meetings themselves."""
    return Q(**{f"{path}series__is_public": True}) & condition("announced", path)


def published_minutes_q(path: str = "") -> Q:
    """Published minutes only, the one definition: ``path`` leads from the rows filtered to their meeting
    ("meeting__"), or is empty for meetings themselves."""
    return Q(**{f"{path}minutes_status": status("minutes_published")})


class MinutesContentQuerySet(models.QuerySet):
    """Rows that a meeting's minutes record. `minutes_meeting` is the path to that meeting.

    `visible_to(user)` is the one filter every page, search source, export, feed and dashboard applies.
    """

    minutes_meeting = "meeting"

    def in_published_minutes(self):
        return self.filter(self._published_q())

    def _published_q(self) -> Q:
        return published_minutes_q(f"{self.minutes_meeting}__")

    def visible_to(self, user):
        """All rows for those who may see draft minutes; for everyone else (or `None`, nobody in particular, as
        for a reminder e-mail) only the rows of published minutes; for the public, only those of public meetings."""
        rows = self if may_see_draft_minutes(user) else self.in_published_minutes()
        if reads_as_public(user):
            rows = rows.filter(public_meeting_q(f"{self.minutes_meeting}__"))
        return rows


class ConfidentialMinutesContentQuerySet(MinutesContentQuerySet):
    """Minutes content that is also kept to an audience, row by row (a statement, a document)."""

    def visible_to(self, user):
        return super().visible_to(user).filter(confidentiality_q(user))


class OptionalMinutesContentQuerySet(MinutesContentQuerySet):
    """Rows that may or may not be recorded at a meeting (an action update posted outside any meeting)."""

    def _published_q(self) -> Q:
        return Q(**{f"{self.minutes_meeting}__isnull": True}) | super()._published_q()


def no_access_response(request):
    return render(request, "no_access.html", status=403)


# What a logged-in user without a role may still do: leave, change their password, choose the language. The admin
# checks staff status itself. Public views (login_not_required) are open to everyone anyway.
ROLE_NOT_REQUIRED = {"logout", "password_change", "password_change_done", "set_language"}
ROLE_NOT_REQUIRED_NAMESPACES = {"admin"}


class RoleRequiredMiddleware:
    """After LoginRequiredMiddleware: a logged-in user without the view permission gets the "no access yet" page
    (403) on every view except the public ones and those in ROLE_NOT_REQUIRED."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(view_func, "login_required", True):  # public: login_not_required
            return None
        match = request.resolver_match
        if match is not None and (
            match.url_name in ROLE_NOT_REQUIRED or ROLE_NOT_REQUIRED_NAMESPACES.intersection(match.namespaces)
        ):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or may_read(user):
            return None
        return no_access_response(request)
