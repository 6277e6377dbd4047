"""A meeting's change history (the meeting, its agenda, participation, statements, decisions and actions)."""

import datetime
import decimal
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from common.formatting import date_text, number_text, timestamp_text, zone_choice_label
from common.permissions import SecretariatRequiredMixin
from meetings.models import ActionItem, AgendaItem, Decision, Meeting, Participation, Statement
from stakeholders.models import Contact, Organization

HISTORY_KINDS = [
    (Meeting, _("Meeting"), "id"),
    (AgendaItem, _("Agenda item"), "meeting_id"),
    (Participation, _("Participation"), "meeting_id"),
    (Statement, _("Statement"), "meeting_id"),
    (Decision, _("Decision"), "meeting_id"),
    (ActionItem, _("Follow-up action"), "meeting_id"),
]
ACTION_WORDS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
IGNORED_FIELDS = {"created", "updated"}


def _describe(record) -> str:
    for attribute in ("title", "text", "summary"):
        value = getattr(record, attribute, "")
        if value:
            return value if len(value) <= 80 else value[:77] + "..."
    return ""


def meeting_history(meeting: Meeting) -> list[dict]:
    """Every historical record of the meeting and its parts, newest first, each with its field changes.

    One query per kind of record plus one per kind of referenced object, however long the history is.
    """
    records = []
    for model, label, meeting_field in HISTORY_KINDS:
        rows = list(
            model.history.filter(**{meeting_field: meeting.pk}).select_related("history_user").order_by("history_id")
        )
        previous_by_object = {}
        for record in rows:
            previous = previous_by_object.get(record.id)
            changes = []
            if previous is not None and record.history_type == "~":
                delta = record.diff_against(previous, excluded_fields=IGNORED_FIELDS)
                changes = [(model._meta.get_field(change.field), change.old, change.new) for change in delta.changes]
            previous_by_object[record.id] = record
            records.append({"record": record, "kind": label, "model": model, "changes": changes})

    # Show referenced objects (people, organisations, users) by name: one query per referenced model.
    wanted = defaultdict(set)
    for entry in records:
        if entry["model"] is Participation:
            wanted[Organization].add(entry["record"].organization_id)
            if entry["record"].contact_id:
                wanted[Contact].add(entry["record"].contact_id)
    for entry in records:
        for field, old, new in entry["changes"]:
            if isinstance(field, models.ForeignKey):
                wanted[field.related_model].update(value for value in (old, new) if value is not None)
    names = {model: model._default_manager.in_bulk(ids) for model, ids in wanted.items()}

    for entry in records:
        entry["changes"] = [
            {
                "field": field.verbose_name,
                "old": _display(field, old, names),
                "new": _display(field, new, names),
            }
            for field, old, new in entry["changes"]
            if field.name not in IGNORED_FIELDS
        ]
        record = entry["record"]
        entry["action"] = ACTION_WORDS.get(record.history_type, record.history_type)
        if entry["model"] is Participation:
            who = [names[Organization].get(record.organization_id), names.get(Contact, {}).get(record.contact_id)]
            entry["description"] = " · ".join(str(part.name) for part in who if part is not None)
        else:
            entry["description"] = _describe(record) if entry["model"] is not Meeting else ""
        entry["reason"] = record.history_change_reason or ""
        entry["user"] = record.history_user
        entry["date"] = record.history_date
    records.sort(key=lambda entry: entry["date"], reverse=True)
    return records


def _display(field, value, names) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(field, models.ForeignKey):
        related = names.get(field.related_model, {}).get(value)
        if related is None:
            return "(deleted)"
        if isinstance(related, get_user_model()):
            return related.get_full_name() or related.get_username()
        # Contacts and organisations by name: their str() would reach for further rows.
        return str(getattr(related, "name", related))
    if field.name == "time_zone":
        return zone_choice_label(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, datetime.datetime):
        return timestamp_text(value)
    if isinstance(value, datetime.date):
        return date_text(value)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, int | decimal.Decimal):
        return number_text(value)
    text = str(value)
    return text if len(text) <= 200 else text[:197] + "..."


class MeetingHistoryView(SecretariatRequiredMixin, TemplateView):
    template_name = "meetings/meeting_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = get_object_or_404(Meeting.objects.select_related("series"), pk=self.kwargs["pk"])
        page = Paginator(meeting_history(meeting), settings.PAGE_SIZE * 2).get_page(self.request.GET.get("page"))
        context.update(meeting=meeting, page_obj=page, entries=page.object_list)
        return context
