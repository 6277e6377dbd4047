"""Every URL pattern of the site, and a small world of real objects to fill their path parameters.

Used by the security-header walk, the permission matrix (tests/test_permission_matrix.py) and the hostile-input
tests. The world has two organisations: `organization` (the `participant` fixture's) and `other_organization`
(the `other_participant`'s); objects named `other_*` belong to the other one.
"""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from activities.models import Place
from api.models import ApiToken, WebhookDelivery, WebhookEndpoint
from common.access import Visibility
from meetings.models import (
    Document,
    DocumentVersion,
    MinutesComment,
    MinutesStatus,
    MinutesVersion,
    ParticipationStatus,
)
from stakeholders.accounts import invite_to_portal
from stakeholders.models import Contact, organization_of
from tests.activities.factories import ActivityFactory, ActivityPlanFactory, ActivityReviewFactory
from tests.meetings.factories import (
    ActionItemFactory,
    ActionUpdateFactory,
    AgendaItemFactory,
    DecisionFactory,
    DocumentFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    ParticipationFactory,
    StatementFactory,
    TopicFactory,
)
from tests.stakeholders.factories import ContactFactory, session_cookie


@dataclass(frozen=True)
class SiteURL:
    name: str  # "namespace:name" when namespaced
    route: str  # the joined route, e.g. "meetings/<int:pk>/"
    callback: object
    params: tuple[str, ...]

    @property
    def view_class(self):
        return getattr(self.callback, "view_class", None)

    @property
    def model(self):
        view_class = self.view_class
        # as_view(model=...) names the model per URL pattern (meetings' MinutesEntryView serves three)
        model = getattr(self.callback, "view_initkwargs", {}).get("model") or getattr(view_class, "model", None)
        queryset = getattr(view_class, "queryset", None)
        return model or (queryset.model if queryset is not None else None)


def site_urls(include_admin=False) -> list[SiteURL]:
    """Every named URL pattern of the project; the admin's internals only when asked."""
    found = []

    def walk(resolver, prefix, namespace):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                if inner == "admin" and not include_admin:
                    continue
                walk(pattern, prefix + str(pattern.pattern), ":".join(filter(None, [namespace, pattern.namespace])))
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                converters = getattr(pattern.pattern, "converters", {})
                params = tuple(converters) or tuple(pattern.pattern.regex.groupindex)
                found.append(SiteURL(name, prefix + str(pattern.pattern), pattern.callback, params))

    walk(get_resolver(), "", "")
    return found


# The logged-in people of the world, by role (anonymous is the only other role).
USER_ROLES = (
    "participant",
    "other_participant",
    "secretariat",
    "admin",
    "roleless",
    "roleless_with_contact",
    "inactive_contact",
    "focal_point",
)


@dataclass
class World:
    organization: object
    other_organization: object
    participant: object
    other_participant: object
    secretariat: object
    admin: object
    objects: dict = field(default_factory=dict)
    # Logged in without a role: never granted one (with or without a contact record), and a participant whose
    # contact at `organization` is marked inactive (they left it).
    roleless: object = None
    roleless_with_contact: object = None
    inactive_contact: object = None
    # The focal point of `organization`: a participant who also maintains its contacts and answers for it.
    focal_point: object = None
    # A session per role, logged in once for the whole world (shared_world): {role: session key}.
    sessions: dict = field(default_factory=dict)
    # The clients' request handlers, one per CSRF setting: a test client loads the middleware chain on its first
    # request, and the world's clients make one request each (a thousandth of a second apiece, ten thousand times).
    handlers: dict = field(default_factory=dict)

    def client_as(self, role: str, **client_options) -> Client:
        """A test client logged in as ``role`` (anonymous: not logged in). The session was made once by Django's
        login() when the world was built; a test that logs out or changes it runs in its own savepoint, rolled back
        after it, so the next test finds it as it was. Logging in per request cost a third of the matrix's time."""
        client = Client(**client_options)
        client.handler = self.handlers.setdefault(client.handler.enforce_csrf_checks, client.handler)
        if role != "anonymous":
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[role]
        return client

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError:
            raise AttributeError(name) from None


def build_world(*, participant, other_participant, secretariat, admin, **more_users) -> World:
    organization = organization_of(participant)
    other_organization = organization_of(other_participant)
    # Public, with public pieces: the public pages and the API's anonymous reads answer in the matrix; what is kept
    # from the public is crawled for (tests/security/test_draft_minutes_crawler.py).
    series = MeetingSeriesFactory(convening_organization=organization, is_public=True)
    meeting = MeetingFactory(series=series, published=True)
    draft_meeting = MeetingFactory(series=series, minutes_status=MinutesStatus.DRAFT)
    unannounced_meeting = MeetingFactory(series=series, draft=True)
    # Draft minutes circulated for comment to the organisations that attended: the participant's, not the other one.
    circulated_meeting = MeetingFactory(
        series=series,
        minutes_status=MinutesStatus.CIRCULATED,
        minutes_comments_due=datetime.date.today() + datetime.timedelta(days=14),
    )
    ParticipationFactory(meeting=circulated_meeting, organization=organization, status=ParticipationStatus.ATTENDED)
    ParticipationFactory(
        meeting=circulated_meeting, organization=other_organization, status=ParticipationStatus.EXCUSED
    )
    topic = TopicFactory(name="Recruitment through social media")
    agenda_item = AgendaItemFactory(meeting=meeting, lead_organization=organization)
    contact = ContactFactory(organization=organization)
    account_invitation, invitation_token = invite_to_portal(contact=contact, role="participant", invited_by=secretariat)
    other_contact = ContactFactory(organization=other_organization)
    # Discussed at the published meeting: public.
    plan = ActivityPlanFactory(series=series, year=2023, quarter_number=4, status="discussed", endorsed_at=meeting)
    activity = ActivityFactory(plan=plan, lead_organization=organization, places=["Bukhara"])
    other_activity = ActivityFactory(plan=plan, lead_organization=other_organization)
    action = ActionItemFactory(meeting=meeting, responsible_organization=organization)
    other_action = ActionItemFactory(meeting=meeting, responsible_organization=other_organization)
    objects = {
        "organization": organization,
        "other_organization": other_organization,
        "series": series,
        "meeting": meeting,
        "draft_meeting": draft_meeting,
        "unannounced_meeting": unannounced_meeting,
        "circulated_meeting": circulated_meeting,
        "minutes_comment": MinutesComment.objects.create(
            meeting=circulated_meeting, author=participant, organization=organization, text="Item 2 misses our point."
        ),
        "minutes_version": MinutesVersion.objects.create(meeting=meeting, number=1, reason="Approved", content={}),
        "topic": topic,
        "place": Place.objects.get(name="Bukhara"),  # named by the activity
        "agenda_item": agenda_item,
        "contact": contact,
        "other_contact": other_contact,
        "account_invitation": account_invitation,
        "invitation_token": invitation_token,
        "participation": ParticipationFactory(
            meeting=meeting, organization=organization, status=ParticipationStatus.ATTENDED
        ),
        "other_participation": ParticipationFactory(meeting=meeting, organization=other_organization),
        "statement": StatementFactory(
            meeting=meeting, speaker=contact, agenda_item=agenda_item, visibility=Visibility.PUBLIC
        ),
        "decision": DecisionFactory(meeting=meeting),
        "action": action,
        "other_action": other_action,
        "action_update": ActionUpdateFactory(action=action, meeting=meeting),
        "other_action_update": ActionUpdateFactory(action=other_action, meeting=meeting),
        "document": DocumentFactory(meeting=meeting, visibility=Visibility.PUBLIC),
        "draft_document": DocumentFactory(meeting=draft_meeting),
        "draft_minutes_document": DocumentFactory(meeting=draft_meeting, kind="minutes"),
        "plan": plan,
        "activity": activity,
        "other_activity": other_activity,
        "activity_review": ActivityReviewFactory(activity=activity, meeting=meeting),
        "today": datetime.date.today(),
        "api_token": ApiToken.create_for(owner=participant, name="World script")[0],
    }
    # The world's documents had an earlier file (version 1); they hold version 2.
    for name in ("document", "draft_minutes_document"):
        document = objects[name]
        DocumentVersion.objects.create(
            document=document, number=1, file=document.file.name, size=document.size, uploaded_at=document.created
        )
        Document.objects.filter(pk=document.pk).update(file_version=2)
    # An endpoint on a documentation address (never sent to: no job runs for it) and one delivery, already made.
    objects["webhook_endpoint"] = WebhookEndpoint.objects.create(
        url="https://webhooks.example.org/portal", events=["meeting.announced"], secret="world-secret", created_by=admin
    )
    objects["webhook_delivery"] = WebhookDelivery.objects.create(
        endpoint=objects["webhook_endpoint"], event="meeting.announced", payload={}, status="delivered"
    )
    return World(
        organization=organization,
        other_organization=other_organization,
        participant=participant,
        other_participant=other_participant,
        secretariat=secretariat,
        admin=admin,
        objects=objects,
        **more_users,
    )


# The world object that a path parameter names, by the model of the view (for `pk`) or the parameter's name.
_OBJECT_FOR_MODEL = {
    "organization": "organization",
    "contact": "contact",
    "accountinvitation": "account_invitation",
    "meetingseries": "series",
    "meeting": "meeting",
    "agendaitem": "agenda_item",
    "participation": "participation",
    "statement": "statement",
    "decision": "decision",
    "actionitem": "action",
    "actionupdate": "action_update",
    "document": "document",
    "topic": "topic",
    "place": "place",
    "activityplan": "plan",
    "activity": "activity",
    "activityreview": "activity_review",
}
_OBJECT_FOR_PARAMETER = {
    "series": "series",
    "meeting": "meeting",
    "item": "agenda_item",
    "agenda_item": "agenda_item",
    "agendaitem": "agenda_item",
    "organization": "organization",
    "org": "organization",
    "contact": "contact",
    "participation": "participation",
    "statement": "statement",
    "decision": "decision",
    "action": "action",
    "update": "action_update",
    "document": "document",
    "doc": "document",
    "topic": "topic",
    "plan": "plan",
    "activity": "activity",
    "review": "activity_review",
}
_OBJECT_FOR_ROUTE_PREFIX = {
    "organizations": "organization",
    "contacts": "contact",
    "series": "series",
    "meetings": "meeting",
    "actions": "action",
    "documents": "document",
    "topics": "topic",
    "plans": "plan",
    "activities": "activity",
    # the read API's routes (after "api/v1/")
    "agenda-items": "agenda_item",
    "statements": "statement",
    "decisions": "decision",
    "activity-plans": "plan",
}
# URL patterns whose `pk` is not the view's model (or whose view has no model attribute).
_PK_OBJECT_FOR_URL = {
    "activities:quarter-review": "meeting",
    "activities:endorse-plan": "meeting",
    "meetings:meeting-rsvp-link": "meeting",
    "api:token-revoke": "api_token",
    "api:webhook-detail": "webhook_endpoint",
    "api:webhook-pause": "webhook_endpoint",
    "api:webhook-resume": "webhook_endpoint",
    "api:webhook-delete": "webhook_endpoint",
    "api:webhook-send-again": "webhook_delivery",
    "meetings:meeting-minutes-circulated": "circulated_meeting",
    "meetings:minutes-comment-resolve": "minutes_comment",
    "meetings:minutes-comment-edit": "minutes_comment",
    "meetings:minutes-comment-withdraw": "minutes_comment",
    "public-series": "series",
    "public-meeting": "meeting",
    "public-document": "document",
}


def object_for(world: World, url: SiteURL, param: str, substitutes: dict | None = None):
    """The world object behind one path parameter; `substitutes` swaps e.g. "action" for "other_action"."""
    substitutes = substitutes or {}
    if param == "pk":
        key = _PK_OBJECT_FOR_URL.get(url.name) or (url.model and _OBJECT_FOR_MODEL.get(url.model._meta.model_name))
        if key is None:
            key = _OBJECT_FOR_ROUTE_PREFIX.get(url.route.removeprefix("api/v1/").split("/")[0])
    else:
        key = _OBJECT_FOR_PARAMETER.get(param.removesuffix("_pk").removesuffix("_id"))
    if key is None:
        raise LookupError(f"{url.name} ({url.route}): no world object for <{param}>; add it to tests/security/world.py")
    return world.objects[substitutes.get(key, key)]


def path_kwargs(world: World, url: SiteURL, substitutes: dict | None = None) -> dict:
    kwargs = {}
    for param in url.params:
        if param == "uidb64":
            kwargs[param] = urlsafe_base64_encode(force_bytes(world.participant.pk))
        elif param == "token" and url.name == "password_reset_confirm":
            participant = type(world.participant).objects.get(pk=world.participant.pk)  # fresh last_login
            kwargs[param] = default_token_generator.make_token(participant)
        elif param == "token" and url.name == "stakeholders:reminders-unsubscribe":
            from stakeholders.reminders import unsubscribe_token

            kwargs[param] = unsubscribe_token(Contact.objects.get(user=world.participant))
        elif param == "token" and url.name == "stakeholders:account-invitation":
            kwargs[param] = world.invitation_token
        elif param == "token" and url.name == "meetings:meeting-rsvp-link":
            from meetings.rsvp import rsvp_token

            meeting = world.objects[(substitutes or {}).get("meeting", "meeting")]
            kwargs[param] = rsvp_token(meeting=meeting, contact=Contact.objects.get(user=world.participant))
        elif param == "token":  # the participant's personal calendar feed
            kwargs[param] = Contact.objects.get(user=world.participant).calendar_token
        elif param == "provider_id":  # the organisation's sign-in configured in the world
            kwargs[param] = WORLD_IDENTITY_PROVIDER
        elif param == "kind":  # the pickers' JSON: people, picked on the secretariat's forms only
            kwargs[param] = "contacts"
        elif param == "file_format":
            kwargs[param] = "csv"
        elif param == "version":  # the earlier file the world's document keeps
            kwargs[param] = 1
        elif param == "number":  # a version of the minutes, by its number within the meeting
            kwargs[param] = world.objects["minutes_version"].number
        elif param in ("year", "quarter"):
            kwargs[param] = {"year": 2023, "quarter": 4}[param]
        else:
            kwargs[param] = object_for(world, url, param, substitutes).pk
    return kwargs


WORLD_IDENTITY_PROVIDER = "world-idp"


@contextmanager
def shared_world(django_db_blocker):
    """One world for a whole module: built inside a transaction that is rolled back at the end.

    Each test still runs in its own savepoint (pytest-django's `db`), so tests that delete or change
    objects do not affect the next one; building the world once keeps a matrix of hundreds of requests fast.
    """
    from allauth.socialaccount.models import SocialApp
    from django.contrib.auth.models import Group
    from django.db import transaction

    from common.roles import FOCAL_POINT
    from tests.stakeholders.factories import UserFactory, participant_user, secretariat_user

    with django_db_blocker.unblock(), transaction.atomic():
        participant = participant_user(username="matrix-part")
        organization = organization_of(participant)
        roleless_with_contact = UserFactory(username="matrix-norole-contact")
        ContactFactory(user=roleless_with_contact, organization=organization, name="Roleless Contact")
        inactive_contact = participant_user(organization=organization, username="matrix-inactive")
        Contact.objects.filter(user=inactive_contact).update(is_active=False)
        focal_point = participant_user(organization=organization, username="matrix-focal")
        focal_point.groups.set([Group.objects.get(name=FOCAL_POINT)])
        world = build_world(
            participant=participant,
            other_participant=participant_user(username="matrix-other"),
            secretariat=secretariat_user(username="matrix-sec"),
            admin=UserFactory(username="matrix-root", is_staff=True, is_superuser=True),
            roleless=UserFactory(username="matrix-norole"),
            roleless_with_contact=roleless_with_contact,
            inactive_contact=inactive_contact,
            focal_point=focal_point,
        )
        # An identity provider, so the login page offers the organisation's sign-in (nothing listens at its address).
        SocialApp.objects.create(
            provider="openid_connect",
            provider_id=WORLD_IDENTITY_PROVIDER,
            name="World sign-in",
            client_id="world",
            secret="world-secret",
            settings={"server_url": "http://127.0.0.1:9", "domains": ["world.example"]},
        )
        for role in USER_ROLES:
            world.sessions[role] = session_cookie(getattr(world, role)).value
        yield world
        transaction.set_rollback(True)
