"""The permission matrix: every URL pattern x role x method, with the expected answer.

The objects in every URL belong to the `participant`'s organisation (tests/security/world.py): the participant is
the owner, `other_participant` an outsider of another organisation. Convention, one for the whole portal:
- anonymous visitors are sent to the login page (302 to /accounts/login/) except on the public pages;
- a page or action only the secretariat may use answers 403 to participants;
- an object a participant may SEE but whose action is not theirs (another organisation's action or activity)
  answers 403; an object a participant may not see at all (draft minutes, another organisation's private data)
  answers 404, so that its existence is not revealed (see test_hidden_objects_are_404_to_participants);
- views that change data refuse GET with 405 and POST without a CSRF token with 403.
A URL pattern missing here fails test_every_url_pattern_is_in_the_matrix: new pages cannot skip the matrix.
Every page it fetches is also checked for inline code, which the Content-Security-Policy would block.
The admin's own URLs are tested separately (staff only).
"""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.security.test_headers import assert_no_inline_code
from tests.security.world import path_kwargs, shared_world, site_urls

BASE_ROLES = ("anonymous", "participant", "other_participant", "secretariat", "admin")
# Derived from the base roles' answers by `row`: logged in without a role (never granted one, with and without a
# contact record), a participant whose contact at the participant's organisation is inactive (they left it), and
# the focal point of the participant's organisation (a participant who also maintains its contacts and answers
# invitations for it: the participant's answers unless `row` is given others).
ROLELESS = ("roleless", "roleless_with_contact")
ROLES = (*BASE_ROLES, *ROLELESS, "inactive_contact", "focal_point")
LOGIN = "login"  # 302 to the login page
NO_ACCESS = "no access"  # 403 with the "no access yet" page, and nothing else
# What a logged-in user without a role may still do (common.access.ROLE_NOT_REQUIRED).
ROLE_NOT_REQUIRED = {"logout", "password_change", "password_change_done", "set_language"}


def row(get, post, focal_point=None, inactive_contact=None):
    """The answers of the base roles; the derived roles follow the access policy:
    - without a role: the "no access yet" page wherever a login is needed, except ROLE_NOT_REQUIRED;
    - an inactive contact: a participant who is a member of no organisation, like a participant of another one;
    - the focal point: the participant's answers, or ``focal_point`` = (GET, POST) where a focal point may do more;
    - ``inactive_contact`` = (GET, POST) where a page is about the person's own contact, which they no longer have.
    """

    def answers(values, focal_point_answer, inactive_answer):
        answers = dict(zip(BASE_ROLES, values, strict=True))
        answers["inactive_contact"] = answers["other_participant"] if inactive_answer is None else inactive_answer
        for role in ROLELESS:
            answers[role] = NO_ACCESS if answers["anonymous"] == LOGIN else answers["participant"]
        answers["focal_point"] = answers["participant"] if focal_point_answer is None else focal_point_answer
        return answers

    get_focal, post_focal = focal_point or (None, None)
    get_inactive, post_inactive = inactive_contact or (None, None)
    return {"GET": answers(get, get_focal, get_inactive), "POST": answers(post, post_focal, post_inactive)}


PUBLIC_FORM = row((200,) * 5, (200,) * 5)  # an empty POST re-shows the form with field errors
PUBLIC_PAGE = row((200,) * 5, (405,) * 5)
READ = row((LOGIN, 200, 200, 200, 200), (LOGIN, 405, 405, 405, 405))
SECRETARIAT_READ = row((LOGIN, 403, 403, 200, 200), (LOGIN, 403, 403, 405, 405))
SECRETARIAT_FORM_GET, SECRETARIAT_FORM_POST = (LOGIN, 403, 403, 200, 200), (LOGIN, 403, 403, 200, 200)
SECRETARIAT_FORM = row(SECRETARIAT_FORM_GET, SECRETARIAT_FORM_POST)  # empty POST: field errors
SECRETARIAT_ACTION = row((LOGIN, 403, 403, 405, 405), (LOGIN, 403, 403, 302, 302))  # POST only, then redirect
SECRETARIAT_ACTION_WITH_FORM = row((LOGIN, 403, 403, 405, 405), (LOGIN, 403, 403, 200, 200))  # empty POST: errors
OWN_ORGANISATION_FORM = row((LOGIN, 200, 403, 200, 200), (LOGIN, 200, 403, 200, 200))
OWN_ORGANISATION_ACTION = row((LOGIN, 405, 405, 405, 405), (LOGIN, 200, 403, 200, 200))  # POST only; errors
USER_FORM = row((LOGIN, 200, 200, 200, 200), (LOGIN, 200, 200, 200, 200))
# The read API answers for itself, in problem details: 401 without credentials (never the login page), 403 to an
# account without a role (never the "no access yet" page), 405 to any write. Its data follows the pages' policy
# (tests/api/).
API_READ = {
    method: {
        **dict.fromkeys(ROLES, 200 if method == "GET" else 405),
        "anonymous": 401,
        "roleless": 403,
        "roleless_with_contact": 403,
    }
    for method in ("GET", "POST")
}
# The endpoints that answer anonymous reads with the public series' records (the world's series is public); a write
# is refused before the method is looked at: 401 to anonymous.
API_PUBLIC_READ = {
    "GET": {**API_READ["GET"], "anonymous": 200},
    "POST": API_READ["POST"],
}
PUBLIC_API = ("series", "meeting", "agenda-item", "statement", "decision", "organization", "activity-plan", "activity")

MATRIX = {
    # coordination
    "dashboard": READ,
    "healthz": PUBLIC_PAGE,
    # The public pages (coordination/pages/public.py): open to everyone, read-only; the world's series is public.
    "public-index": PUBLIC_PAGE,
    "public-series": PUBLIC_PAGE,
    "public-meeting": PUBLIC_PAGE,
    "public-document": PUBLIC_PAGE,
    "favicon": PUBLIC_PAGE,
    "search": READ,
    "picker": SECRETARIAT_READ,  # /pickers/contacts/; organisations are READ (tests/coordination/test_pickers.py)
    # accounts
    "login": PUBLIC_FORM,
    "logout": row((LOGIN, 405, 405, 405, 405), (LOGIN,) * 5),  # POST only; then back to the login page
    "set_language": row((405,) * 5, (302,) * 5),  # public, POST only: stores the language, back to the page
    "password_change": USER_FORM,
    "password_change_done": READ,
    "password_reset": PUBLIC_FORM,
    "password_reset_done": PUBLIC_PAGE,
    "password_reset_confirm": row((302,) * 5, (302,) * 5),  # a valid link moves the token into the session
    "password_reset_complete": PUBLIC_PAGE,
    # admin, and an inactive contact (the person left: the contact record is no longer theirs): nothing to save
    "stakeholders:profile": row((LOGIN, 200, 200, 200, 200), (LOGIN, 302, 302, 302, 200), inactive_contact=(200, 200)),
    "stakeholders:reminders-unsubscribe": PUBLIC_FORM,  # the signed token in the link stands in for the login
    # the organisation's sign-in: the e-mail form (an empty POST: field errors), the provider's callback (without a
    # sign-in started in this session: refused with a page saying so; GET only)
    "single-sign-on": PUBLIC_FORM,
    "openid_connect_callback": row((400,) * 5, (405,) * 5),
    # the second factor: the secretariat's and admins' (the world's have no app yet: verification sends to enrolment)
    "two-factor-setup": SECRETARIAT_FORM,
    "two-factor-verify": row((LOGIN, 403, 403, 302, 302), (LOGIN, 403, 403, 302, 302)),
    # meetings: reading
    "meetings:meeting-list": READ,
    "meetings:meeting-detail": READ,
    "meetings:series-list": READ,
    "meetings:series-detail": READ,
    # whether the series is public: an empty POST keeps it private (nothing to confirm), back to the series
    "meetings:series-publicity": row(SECRETARIAT_FORM_GET, (LOGIN, 403, 403, 302, 302)),
    "meetings:series-create": SECRETARIAT_FORM,
    "meetings:series-update": SECRETARIAT_FORM,
    "meetings:topic-list": SECRETARIAT_READ,
    "meetings:topic-create": SECRETARIAT_FORM,
    "meetings:topic-update": SECRETARIAT_FORM,
    "activities:place-list": SECRETARIAT_READ,
    "activities:place-update": row(SECRETARIAT_FORM_GET, (LOGIN, 403, 403, 302, 302)),  # every name optional
    "meetings:series-minutes": READ,
    "meetings:series-minutes-pdf": READ,
    "meetings:series-participation": READ,
    "activities:series-progress": READ,
    "activities:series-timeline": READ,
    "activities:series-trends": READ,
    "meetings:meeting-agenda-print": READ,
    "meetings:meeting-minutes-print": READ,
    "meetings:meeting-minutes-pdf": READ,
    "meetings:meeting-calendar": READ,
    "calendar-feed": READ,
    "meetings:calendar-subscription": READ,
    # admin and an inactive contact: no contact of their own, so no personal feed
    "meetings:calendar-token-reset": row(
        (LOGIN, 405, 405, 405, 405), (LOGIN, 302, 302, 302, 404), inactive_contact=(405, 404)
    ),
    "personal-calendar-feed": row((200,) * 5, (405,) * 5),  # the secret token stands in for the login
    "meetings:action-list": READ,
    "meetings:action-detail": READ,
    "meetings:decision-detail": READ,
    "meetings:register": READ,
    "meetings:register-export": READ,
    "meetings:action-export": READ,
    "activities:activity-export": READ,
    "meetings:participation-export": READ,
    "meetings:document-download": READ,
    "meetings:document-version-download": READ,
    # meetings: the secretariat's meeting cycle
    "meetings:meeting-new": SECRETARIAT_READ,
    "meetings:meeting-prepare-next": SECRETARIAT_FORM,  # GET: the preview; an empty POST: field errors
    "meetings:meeting-announce": SECRETARIAT_ACTION,
    "meetings:meeting-invitations": SECRETARIAT_READ,
    "meetings:meeting-add-recipient": SECRETARIAT_ACTION_WITH_FORM,  # a contact added from the recipient list
    # Replies: the signed link stands in for the login (an empty POST: "choose"; the world's meeting is over: 400);
    # on the page, any logged-in contact answers for themselves (the meeting is over: a message, back to it).
    "meetings:meeting-rsvp-link": row((200,) * 5, (400,) * 5),
    "meetings:meeting-rsvp": row((LOGIN, 405, 405, 405, 405), (LOGIN, 302, 302, 302, 302)),
    # A focal point answers for their own organisation and names who attends (the world's meeting is over: the page
    # says so; an empty POST: field errors); nobody else, not even the secretariat (they keep the register).
    "meetings:meeting-organization-reply": row(
        (LOGIN, 403, 403, 403, 403), (LOGIN, 403, 403, 403, 403), focal_point=(200, 200)
    ),
    "meetings:meeting-delete": row(
        (LOGIN, 403, 403, 200, 200), (LOGIN, 403, 403, 302, 302)
    ),  # held: refused, back to it
    "meetings:meeting-create": SECRETARIAT_FORM,
    "meetings:meeting-edit": SECRETARIAT_FORM,
    "meetings:meeting-agenda": SECRETARIAT_FORM,
    "meetings:agenda-item-edit": SECRETARIAT_FORM,
    "meetings:agenda-item-move": SECRETARIAT_ACTION,
    "meetings:meeting-agenda-order": SECRETARIAT_ACTION,  # an empty POST: "the new order did not arrive"
    "meetings:agenda-item-delete": SECRETARIAT_ACTION,
    "meetings:meeting-participants": SECRETARIAT_FORM,
    "meetings:meeting-invite": SECRETARIAT_ACTION_WITH_FORM,
    "meetings:meeting-add-participant": SECRETARIAT_ACTION_WITH_FORM,
    "meetings:meeting-walk-in": SECRETARIAT_ACTION_WITH_FORM,
    # one register row saved as it is changed; empty: error
    "meetings:meeting-participant-row": SECRETARIAT_ACTION_WITH_FORM,
    # the room: the door's check-in (a tap without its version: back to the page with the error; a walk-in without
    # a name: the page with the form's errors), the live mode's control and moves (an empty move changes nothing)
    "meetings:meeting-check-in": SECRETARIAT_READ,
    "meetings:meeting-check-in-row": SECRETARIAT_ACTION,
    "meetings:meeting-check-in-contact": SECRETARIAT_ACTION,
    "meetings:meeting-check-in-walk-in": SECRETARIAT_ACTION_WITH_FORM,
    "meetings:meeting-live-control": SECRETARIAT_READ,
    "meetings:meeting-live-move": SECRETARIAT_ACTION,
    # the presentation: the secretariat and the people invited (both organisations of the world are); someone who
    # left their organisation (an inactive contact) is no longer invited
    "meetings:meeting-live": row((LOGIN, 200, 200, 200, 200), (LOGIN, 405, 405, 405, 405), inactive_contact=(403, 405)),
    "meetings:meeting-minutes-edit": SECRETARIAT_FORM,
    "meetings:meeting-translations": SECRETARIAT_FORM,  # an empty POST: "This text is not part of the meeting."
    "meetings:meeting-minutes-publish": SECRETARIAT_FORM,  # GET: the question; only the confirming POST publishes
    "meetings:meeting-minutes-reopen": SECRETARIAT_FORM,  # the reason is required
    # the approval loop: GET the question (with the date for comments); only the confirming POST acts
    "meetings:meeting-minutes-circulate": SECRETARIAT_FORM,
    "meetings:meeting-minutes-approve": SECRETARIAT_FORM,
    "meetings:minutes-comment-resolve": SECRETARIAT_ACTION,
    # the circulated draft (the world's circulated meeting): the attending organisation's people (the participant,
    # its focal point) read it and comment (an empty POST: field errors); the other organisation, excused, and a
    # person who left their organisation get a 404, as for any draft
    "meetings:meeting-minutes-circulated": row(
        (LOGIN, 200, 404, 200, 200), (LOGIN, 200, 404, 200, 200), inactive_contact=(404, 404)
    ),
    # the author's own comment on the circulated draft (the world's comment is the participant's): only they edit it
    # (an empty POST: field errors) or withdraw it (POST only; an empty POST: back to the draft with the error);
    # others who read the draft (the focal point of the same organisation, the secretariat) get a 403, those who
    # may not read it a 404 as for the draft itself
    "meetings:minutes-comment-edit": row(
        (LOGIN, 200, 404, 403, 403),
        (LOGIN, 200, 404, 403, 403),
        focal_point=(403, 403),
        inactive_contact=(404, 404),
    ),
    "meetings:minutes-comment-withdraw": row(
        (LOGIN, 405, 405, 405, 405),
        (LOGIN, 302, 404, 403, 403),
        focal_point=(405, 403),
        inactive_contact=(405, 404),
    ),
    # versions of approved minutes: read like the minutes they are
    "meetings:meeting-minutes-versions": READ,
    "meetings:meeting-minutes-version": READ,
    "meetings:meeting-action-review": SECRETARIAT_ACTION,  # an empty POST: back to the minutes with a message
    # GET without htmx: back to the card in the editor; an empty POST: the editor with the card's errors
    "meetings:meeting-item-minutes": row((LOGIN, 403, 403, 302, 302), (LOGIN, 403, 403, 200, 200)),
    "meetings:statement-create": SECRETARIAT_FORM,
    "meetings:statement-edit": SECRETARIAT_FORM,
    "meetings:statement-delete": SECRETARIAT_ACTION,
    "meetings:decision-create": SECRETARIAT_FORM,
    "meetings:decision-edit": SECRETARIAT_FORM,
    "meetings:decision-delete": SECRETARIAT_ACTION,
    "meetings:action-create": SECRETARIAT_FORM,
    "meetings:action-edit": SECRETARIAT_FORM,
    "meetings:action-delete": SECRETARIAT_ACTION,
    "meetings:action-update": OWN_ORGANISATION_ACTION,
    "meetings:meeting-history": SECRETARIAT_READ,
    "meetings:meeting-send-invitations": SECRETARIAT_FORM,  # GET or a POST without its token: the confirmation
    "meetings:meeting-send-invitation-updates": SECRETARIAT_FORM,
    "meetings:document-upload": SECRETARIAT_FORM,
    "meetings:document-delete": SECRETARIAT_ACTION,
    "meetings:document-replace": SECRETARIAT_FORM,
    # stakeholders
    "stakeholders:organization-list": READ,
    "organization-detail": READ,
    "stakeholders:organization-create": SECRETARIAT_FORM,
    "stakeholders:organization-update": SECRETARIAT_FORM,
    "stakeholders:organization-delete": SECRETARIAT_ACTION,  # refused with a message (the organisation is referenced)
    # A focal point maintains their own organisation's contacts (the world's contact is of that organisation).
    "stakeholders:contact-create": row(SECRETARIAT_FORM_GET, SECRETARIAT_FORM_POST, focal_point=(200, 200)),
    "stakeholders:contact-update": row(SECRETARIAT_FORM_GET, SECRETARIAT_FORM_POST, focal_point=(200, 200)),
    "stakeholders:contact-reactivate": SECRETARIAT_ACTION,
    # access to the portal
    "stakeholders:contact-detail": SECRETARIAT_READ,
    "stakeholders:contact-invite": SECRETARIAT_ACTION_WITH_FORM,  # empty POST: no role chosen, the page with the error
    # the world's contact has no account: back to its page with a message
    "stakeholders:account-role": SECRETARIAT_ACTION,
    "stakeholders:account-deactivate": SECRETARIAT_ACTION,
    "stakeholders:account-reactivate": SECRETARIAT_ACTION,
    "stakeholders:invitation-resend": SECRETARIAT_ACTION,
    "stakeholders:invitation-revoke": SECRETARIAT_ACTION,
    "stakeholders:account-list": SECRETARIAT_READ,
    # the secret in the link stands in for the login; empty POST: errors
    "stakeholders:account-invitation": PUBLIC_FORM,
    # activities
    "activities:activity-list": READ,
    "activities:activity-detail": READ,
    "activities:activity-create": SECRETARIAT_FORM,
    "activities:activity-update": SECRETARIAT_FORM,
    "activities:activity-delete": SECRETARIAT_ACTION,
    "activities:activity-progress": OWN_ORGANISATION_FORM,
    "activities:plan-create": SECRETARIAT_FORM,
    "activities:plan-update": SECRETARIAT_FORM,
    "activities:quarter-review": SECRETARIAT_FORM,
    "activities:endorse-plan": SECRETARIAT_ACTION,
    "activities:carry-activities": SECRETARIAT_ACTION,
    # the read API (api/)
    **{
        f"api:{name}-{kind}": API_PUBLIC_READ if name in PUBLIC_API else API_READ
        for name in (
            "series",
            "meeting",
            "agenda-item",
            "statement",
            "decision",
            "action",
            "organization",
            "contact",
            "activity-plan",
            "activity",
        )
        for kind in ("list", "detail")
    },
    "api:deleted": API_READ,
    "api:schema": API_READ,
    "api:docs": READ,
    # a person's own API tokens: the page (an empty POST: field errors); revoking one's own (anyone else's: 404)
    "api:tokens": USER_FORM,
    "api:token-revoke": row((LOGIN, 405, 405, 405, 405), (LOGIN, 302, 404, 404, 404), focal_point=(405, 404)),
    # the secretariat's webhooks (an empty POST to the list: field errors)
    "api:webhook-list": SECRETARIAT_FORM,
    "api:webhook-detail": SECRETARIAT_READ,
    "api:webhook-pause": SECRETARIAT_ACTION,
    "api:webhook-resume": SECRETARIAT_ACTION,
    "api:webhook-delete": SECRETARIAT_ACTION,
    "api:webhook-send-again": SECRETARIAT_ACTION,
}


def post_data(world, name):
    """Most POSTs are sent empty (field errors or a plain action); these need a field to reach the action."""
    return {"activities:endorse-plan": {"plan": world.plan.pk}}.get(name, {})


SITE_URLS = site_urls()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with shared_world(django_db_blocker) as shared:
        yield shared


def request_as(world, role, url, method, client_options=None, substitutes=None):
    client = world.client_as(role, **(client_options or {}))
    path = reverse(url.name, kwargs=path_kwargs(world, url, substitutes))
    if method == "GET":
        return client.get(path)
    return client.post(path, post_data(world, url.name))


def test_every_url_pattern_is_in_the_matrix():
    names = {url.name for url in SITE_URLS}
    missing = sorted(names - MATRIX.keys())
    stale = sorted(MATRIX.keys() - names)
    assert not missing, f"URL patterns missing from the permission matrix (tests/test_permission_matrix.py): {missing}"
    assert not stale, f"the matrix names URL patterns that no longer exist: {stale}"


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", SITE_URLS, ids=[url.name for url in SITE_URLS])
def test_permission_matrix(world, db, url, role, method):
    if url.name not in MATRIX:
        pytest.fail(f"{url.name} is missing from the permission matrix")
    expected = MATRIX[url.name][method][role]
    if expected == NO_ACCESS and url.name in ROLE_NOT_REQUIRED:
        expected = MATRIX[url.name][method]["participant"]
    response = request_as(world, role, url, method)
    if method == "GET":
        assert_no_inline_code(response)  # the Content-Security-Policy would block it (tests/security/test_headers.py)
    if expected == NO_ACCESS:
        assert response.status_code == 403, f"{method} {url.route} as {role}"
        assert "You have no access yet" in response.content.decode(), f"{method} {url.route} as {role}"
    elif expected == LOGIN:
        assert response.status_code == 302, f"{method} {url.route} as {role}"
        assert response.url.startswith(reverse("login")), f"{method} {url.route} as {role} -> {response.url}"
    else:
        assert response.status_code == expected, f"{method} {url.route} as {role}"
        if expected == 302 and role != "anonymous":
            assert not response.url.startswith(reverse("login")), "logged-in users are not sent to the login page"


# Deliberately without CSRF protection, each with its reason.
CSRF_EXEMPT = {
    "stakeholders:reminders-unsubscribe": "RFC 8058 one-click unsubscribe: mail clients POST without cookies; the "
    "signed token authorises, and the worst a forged request does is stop someone's reminders",
}


def _posting_cases():
    """(URL, role) for every URL that accepts a POST from some role: that POST must carry a CSRF token."""
    for url in SITE_URLS:
        if url.name in CSRF_EXEMPT:
            continue
        post = MATRIX.get(url.name, {}).get("POST", {})
        for role in ("admin", "participant", "anonymous", "focal_point"):
            if post.get(role) not in (405, 401, 403, 404, LOGIN, None):
                yield pytest.param(url, role, id=f"{url.name}-{role}")
                break


@pytest.mark.parametrize(("url", "role"), list(_posting_cases()))
def test_post_without_csrf_token_is_refused(world, db, url, role):
    response = request_as(world, role, url, "POST", client_options={"enforce_csrf_checks": True})
    assert response.status_code == 403
    assert b"CSRF" in response.content


# Objects a participant may not see at all answer 404 (not 403), so their existence is not revealed.
HIDDEN = [
    # (URL name, the world object to use, expected for participant and other_participant)
    ("meetings:meeting-minutes-print", {"meeting": "draft_meeting"}, 404),
    ("meetings:meeting-minutes-pdf", {"meeting": "draft_meeting"}, 404),
    ("meetings:document-download", {"document": "draft_minutes_document"}, 404),
    ("meetings:document-version-download", {"document": "draft_minutes_document"}, 404),
    # A meeting not announced yet is the secretariat's draft.
    ("meetings:meeting-detail", {"meeting": "unannounced_meeting"}, 404),
    ("meetings:meeting-calendar", {"meeting": "unannounced_meeting"}, 404),
    ("meetings:meeting-agenda-print", {"meeting": "unannounced_meeting"}, 404),
    ("meetings:meeting-live", {"meeting": "unannounced_meeting"}, 404),
]


@pytest.mark.parametrize(("name", "substitutes", "expected"), HIDDEN, ids=[case[0] for case in HIDDEN])
@pytest.mark.parametrize("role", ["participant", "other_participant", "focal_point"])
def test_hidden_objects_are_404_to_participants(world, db, name, substitutes, expected, role):
    url = next(url for url in SITE_URLS if url.name == name)
    assert request_as(world, role, url, "GET", substitutes=substitutes).status_code == expected
    assert request_as(world, "secretariat", url, "GET", substitutes=substitutes).status_code == 200


def _admin_urls():
    urls = [("admin:index", [])]
    for model in admin.site._registry:
        opts = model._meta
        urls.append((f"admin:{opts.app_label}_{opts.model_name}_changelist", []))
    return urls


@pytest.mark.parametrize(
    ("role", "expected"), [("anonymous", 302), ("participant", 302), ("secretariat", 302), ("admin", 200)]
)
def test_the_admin_is_for_staff_only(world, db, role, expected):
    client = world.client_as(role)
    for name, args in _admin_urls():
        response = client.get(reverse(name, args=args))
        assert response.status_code == expected, f"{name} as {role}"
        if expected == 302:  # the admin's login, or the portal's for anonymous visitors
            assert response.url.startswith((reverse("admin:login"), reverse("login")))
