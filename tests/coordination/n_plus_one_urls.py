"""A deliberately N+1 page, to show that the test settings make such a page fail (see test_n_plus_one.py)."""

from django.http import HttpResponse
from django.urls import path

from meetings.models import Meeting


def meetings_with_their_series_one_by_one(request):
    return HttpResponse(", ".join(meeting.series.title for meeting in Meeting.objects.all()))


def meetings_with_their_series_joined(request):
    meetings = Meeting.objects.select_related("series")
    return HttpResponse(", ".join(meeting.series.title for meeting in meetings))


urlpatterns = [
    path("n-plus-one/", meetings_with_their_series_one_by_one),
    path("joined/", meetings_with_their_series_joined),
]
