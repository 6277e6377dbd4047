"""The portal's access policy, in one place: every view, search source, export and feed asks it.

- Reading anything needs the role's view permission (`may_read`); a logged-in user without it sees only the
  "no access yet" page (`RoleRequiredMiddleware`), however they reach the portal.
- What draft minutes record (statements, decisions, follow-up actions, their reviews, quarter-review notes, minutes
  documents) is filtered by one queryset method, `MinutesContentQuerySet.visible_to(user)`: only those who may see
  drafts (the secretariat) get rows of meetings whose minutes are not published.
- A person belongs to an organisation through an *active* contact; reporting progress on an organisation's actions
  or activities needs the update permission (`may_report`) and that membership (`stakeholders.models.may_report_for`
  adds the membership, which needs the stakeholders' tables).

This module imports no app, so every app may use it.
"""

from django.db import models
from django.db.models import Q
from django.shortcuts import render

VIEW_PERMISSION = "meetings.view_meeting"
DRAFT_MINUTES_PERMISSION = "meetings.view_draft_minutes"
# Reporting on the actions and the activities one's own organisation is responsible for.
UPDATE_OWN_PERMISSION = "meetings.update_own_action"
SECRETARIAT_PERMISSION = "meetings.change_meeting"
# A focal point maintains their own organisation's contacts and answers meeting invitations for it.
FOCAL_POINT_PERMISSION = "stakeholders.manage_organization_contacts"
PUBLISHED = "published"  # meetings.models.MinutesStatus.PUBLISHED (not imported: meetings imports this module)


def may_read(user) -> bool:
    """Holds a role that reads the portal (participant, secretariat, superuser)."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(VIEW_PERMISSION))


def may_report(user) -> bool:
    """Holds the permission to record progress on what one's own organisation is responsible for."""
    return may_read(user) and user.has_perm(UPDATE_OWN_PERMISSION)


def may_see_draft_minutes(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(DRAFT_MINUTES_PERMISSION))


def is_secretariat(user) -> bool:
    """May edit meetings and activities: Secretariat members and superusers."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(SECRETARIAT_PERMISSION))


class MinutesContentQuerySet(models.QuerySet):
    """Rows that a meeting's minutes record. `minutes_meeting` is the path to that meeting.

    `visible_to(user)` is the one filter every page, search source, export, feed and dashboard applies.
    """

    minutes_meeting = "meeting"

    def in_published_minutes(self):
        return self.filter(self._published_q())

    def _published_q(self) -> Q:
        return Q(**{f"{self.minutes_meeting}__minutes_status": PUBLISHED})

    def visible_to(self, user):
        """All rows for those who may see draft minutes; for everyone else (or `None`, nobody in particular, as
        for a reminder e-mail) only the rows of published minutes."""
        return self if may_see_draft_minutes(user) else self.in_published_minutes()


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
