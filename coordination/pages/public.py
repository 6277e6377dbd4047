"""The public pages of the series the secretariat has made public: readable without an account.

Every page reads as the public, whoever is signed in (``PUBLIC``: the same ``visible_to`` rules as the API's
anonymous reads), so a participant or the secretariat sees here exactly what the public sees. A series that is not
public, a draft meeting, a plan in draft and a piece kept to the participants or the secretariat answer 404.

The addresses are by id, never by title, so they survive a renaming: ``/public/``, ``/public/series/<id>/``,
``/public/meetings/<id>/``, ``/public/documents/<id>/``.
"""

import posixpath

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from activities.models import Activity, ActivityPlan
from meetings.models import (
    AgendaItem,
    Decision,
    Document,
    Meeting,
    MeetingSeries,
    Participation,
    ParticipationStatus,
    Statement,
)

# Who the public pages read as: nobody signed in.
PUBLIC = AnonymousUser()
# How long a shared cache may keep an anonymous public page: a piece made private leaves caches within this time.
PUBLIC_MAX_AGE = 300


def public_series():
    return MeetingSeries.objects.filter(is_public=True)


def cacheable(request, response):
    """Proxies may keep a public page only when it is the same for everyone: an anonymous reader's, with no cookie
    set. Signed-in readers get their page (their name is on it) privately."""
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    if request.user.is_authenticated or response.cookies:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


def public_page(request, template, context):
    context["canonical_url"] = request.build_absolute_uri(request.path)
    return cacheable(request, render(request, template, context))


@login_not_required
@require_safe
def index(request):
    return public_page(request, "public/index.html", {"series_list": public_series()})


@login_not_required
@require_safe
def series_detail(request, pk):
    series = get_object_or_404(public_series().select_related("convening_organization"), pk=pk)
    meetings = Meeting.objects.visible_to(PUBLIC).filter(series=series).order_by("-starts_at", "-id")
    activities = Activity.objects.select_related("lead_organization").order_by("starts_on", "id")
    plans = (
        ActivityPlan.objects.visible_to(PUBLIC)
        .filter(series=series)
        .order_by("-year", "-quarter_number")
        .prefetch_related(Prefetch("activities", queryset=activities))
    )
    context = {"series": series, "meetings": meetings, "plans": plans}
    return public_page(request, "public/series.html", context)


def public_meeting_record(pk) -> dict:
    """What the public page of meeting ``pk`` shows, as the public may read it."""
    meeting = get_object_or_404(Meeting.objects.visible_to(PUBLIC).select_related("series"), pk=pk)
    items = list(
        AgendaItem.objects.readable_by(PUBLIC)
        .filter(meeting=meeting)
        .select_related("lead_organization", "presenter__organization")
        .order_by("position", "id")
    )
    record = {"meeting": meeting, "items": items, "minutes_published": meeting.minutes_published}
    if not meeting.minutes_published:
        meeting.withhold_minutes_text()
        for item in items:
            item.withhold_minutes_text()
    else:
        record["statements"] = list(
            Statement.objects.visible_to(PUBLIC).filter(meeting=meeting).select_related("speaker", "organization")
        )
        record["decisions"] = list(Decision.objects.visible_to(PUBLIC).filter(meeting=meeting))
    record["documents"] = list(Document.objects.visible_to(PUBLIC).filter(meeting=meeting).order_by("kind", "title"))
    if meeting.attendance_visible_to(PUBLIC):
        # Organisations only: the names of the people who came are not published.
        attended = Participation.objects.filter(meeting=meeting, status=ParticipationStatus.ATTENDED)
        record["attendance"] = sorted({row.organization for row in attended.select_related("organization")}, key=str)
    return record


@login_not_required
@require_safe
def meeting_detail(request, pk):
    return public_page(request, "public/meeting.html", public_meeting_record(pk))


@login_not_required
@require_safe
def document_download(request, pk):
    document = get_object_or_404(Document.objects.visible_to(PUBLIC), pk=pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file of this document is missing.") from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=posixpath.basename(document.file.name),
        content_type=document.content_type or "application/octet-stream",
    )
    return cacheable(request, response)
