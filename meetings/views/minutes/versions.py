"""The versions of approved minutes: the list (number, reason, who, when), one version's text as kept, and what
changed in the items' texts between two versions."""

import difflib

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from meetings.models import Meeting, MinutesVersion


class MeetingVersionsMixin:
    """Versions are approved (and published) text: whoever may read the meeting reads them."""

    def get_meeting(self) -> Meeting:
        return get_object_or_404(
            Meeting.objects.visible_to(self.request.user).select_related("series"), pk=self.kwargs["pk"]
        )


class MinutesVersionListView(MeetingVersionsMixin, TemplateView):
    template_name = "meetings/minutes_versions.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.get_meeting()
        context.update(meeting=meeting, versions=list(meeting.minutes_versions.select_related("created_by")))
        return context


class MinutesVersionView(MeetingVersionsMixin, TemplateView):
    """One version's text; with ``?compare=<number>``, the lines of each text that differ from that version."""

    template_name = "meetings/minutes_version.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.get_meeting()
        version = get_object_or_404(MinutesVersion, meeting=meeting, number=self.kwargs["number"])
        compare = self.request.GET.get("compare", "")
        other = None
        if compare:
            if not compare.isdigit():
                raise Http404("No such version.")
            other = get_object_or_404(MinutesVersion, meeting=meeting, number=int(compare))
        context.update(
            meeting=meeting,
            version=version,
            other=other,
            differences=text_differences(other, version) if other else [],
            versions=list(meeting.minutes_versions.values_list("number", flat=True)),
        )
        return context


def version_texts(version: MinutesVersion) -> list[tuple[str, str]]:
    """(label, text) of what a version says, in order: the summary, each item, each decision and action."""
    content = version.content
    texts = [("summary", content.get("summary", {}).get("minutes_summary", ""))]
    for item in content.get("items", []):
        texts.append((f"{item['number']}. {item['title']}", item.get("discussion_summary", "")))
    for kind in ("decisions", "actions"):
        for entry in content.get(kind, []):
            texts.append((entry.get("reference", ""), entry.get("text", "")))
    return texts


def text_differences(older: MinutesVersion, newer: MinutesVersion) -> list[dict]:
    """Per label whose text differs between the versions: the label and the unified diff of its lines."""
    before = dict(version_texts(older))
    after = dict(version_texts(newer))
    differences = []
    for label in dict.fromkeys([*before, *after]):
        old, new = before.get(label, ""), after.get(label, "")
        if old != new:
            lines = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=1)
            differences.append(
                {"label": label, "lines": [line for line in lines if not line.startswith(("---", "+++"))]}
            )
    return differences
