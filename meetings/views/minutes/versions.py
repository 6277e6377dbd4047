"""The versions of approved minutes: the list (number, reason, who, when), one version's text as kept, and what
changed in the items' texts between two versions."""

import difflib
from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from meetings.models import Meeting, MinutesVersion
from meetings.services.approval import version_record, version_summary


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
        user = self.request.user
        context.update(
            meeting=meeting,
            version=version,
            summary=version_summary(version.content),
            record=version_record(version.content, user),
            other=other,
            differences=text_differences(other, version, user) if other else [],
            versions=list(meeting.minutes_versions.values_list("number", flat=True)),
        )
        return context


@dataclass(frozen=True)
class VersionText:
    """One text of a version, compared as a whole with the same text of another version."""

    kind: str  # "summary", "item" (an item's text), "statements" (an item's statements), "entry" (a decision...)
    label: str  # the item's number and title, or the decision's or action's reference
    text: str


def version_texts(version: MinutesVersion, user) -> list[VersionText]:
    """What a version says as ``user`` may read it, in order: the summary, then per item its text, its statements
    (one line each: who said what) and its decisions and actions (by their numbers)."""
    texts = [VersionText("summary", "", version_summary(version.content))]
    for item in version_record(version.content, user):
        heading = f"{item.number}. {item.title}" if item.number else ""
        if item.number:
            texts.append(VersionText("item", heading, item.discussion_summary))
        statements = [f"{entry['speaker']} ({entry['organization']}): {entry['text']}" for entry in item.statements]
        if statements:
            texts.append(VersionText("statements", heading, "\n".join(statements)))
        for entry in [*item.decisions, *item.actions]:
            texts.append(VersionText("entry", entry.get("reference", ""), entry.get("text", "")))
    return texts


def text_differences(older: MinutesVersion, newer: MinutesVersion, user) -> list[dict]:
    """Per text that differs between the versions: its kind, label and the unified diff of its lines."""
    before = {(text.kind, text.label): text.text for text in version_texts(older, user)}
    after = {(text.kind, text.label): text.text for text in version_texts(newer, user)}
    differences = []
    for kind, label in dict.fromkeys([*before, *after]):
        old, new = before.get((kind, label), ""), after.get((kind, label), "")
        if old != new:
            lines = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=1)
            differences.append(
                {"kind": kind, "label": label, "lines": [line for line in lines if not line.startswith(("---", "+++"))]}
            )
    return differences
