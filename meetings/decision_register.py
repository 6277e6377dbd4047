"""The register of decisions and follow-up actions across all series: one list, filtered, paged and exported.

Decisions and actions are two tables; the register reads them as one UNION ALL of the same columns, so that one
query orders and pages both kinds together (by meeting date, then number) and one more fetches the page's meetings:
the query count does not grow with the rows, and a page never has to merge two separately paged lists.
"""

import django_filters
from django import forms
from django.db.models import CharField, DateField, Exists, F, IntegerField, OuterRef, TextField, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from common.i18n import content_languages
from common.widgets import bootstrap_filter_form, organization_picker
from meetings.filters import OPEN
from meetings.models import ActionItem, ActionStatus, Decision, Meeting, MeetingSeries
from stakeholders.models import Organization

DECISION = "decision"
ACTION = "action"
# An entry's text in every content language, its original's language and what its translations were made from, so
# that the register shows it as the meeting page does (in the reader's language, or the original with a note).
TEXT_SUFFIXES = ("", *(f"_{language}" for language in content_languages()))
TEXT_COLUMNS = (*(f"entry_text{suffix}" for suffix in TEXT_SUFFIXES), "entry_language", "entry_translated_from")
COLUMNS = (
    *("kind", "entry_id", "meeting_id", "number"),
    *TEXT_COLUMNS,
    *("organization", "due", "entry_status", "starts_at"),
)
ORDERING = ("-starts_at", "-meeting_id", "number", "kind")


class RegisterFilter(django_filters.FilterSet):
    """The register's filters. They apply to two querysets (``register_entries``), so the form is django-filter's
    but the filtering is done per kind: the filters about actions only (status, due dates) leave decisions out."""

    series = django_filters.ModelChoiceFilter(
        queryset=MeetingSeries.objects.order_by("title"), label=_("Series"), empty_label=_("Any series")
    )
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.for_choices(),
        label=_("Organisation"),
        empty_label=_("Any"),
        widget=organization_picker(),
    )
    kind = django_filters.ChoiceFilter(
        choices=[(DECISION, _("Decisions")), (ACTION, _("Follow-up actions"))],
        label=_("Kind"),
        empty_label=_("Decisions and actions"),
    )
    status = django_filters.ChoiceFilter(
        choices=[(OPEN, _("Open or in progress")), *ActionStatus.choices], empty_label=_("Any status")
    )
    due_after = django_filters.DateFilter(label=_("Due from"), widget=forms.DateInput(attrs={"type": "date"}))
    due_before = django_filters.DateFilter(label=_("Due until"), widget=forms.DateInput(attrs={"type": "date"}))
    year = django_filters.NumberFilter(label=_("Year"), min_value=2000, max_value=2100)

    class Meta:
        model = ActionItem
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bootstrap_filter_form(self.form)

    @property
    def criteria(self) -> dict:
        """The valid filters given (an invalid one is shown with its error and not applied)."""
        self.form.is_valid()
        return {name: value for name, value in self.form.cleaned_data.items() if value not in (None, "")}


def _filter_decisions(decisions, criteria):
    if criteria.get("kind") == ACTION or {"status", "due_after", "due_before"} & criteria.keys():
        return decisions.none()
    if "organization" in criteria:
        # An organisation's decisions are those that gave it a follow-up action.
        its_actions = ActionItem.objects.filter(
            decision=OuterRef("pk"), responsible_organization=criteria["organization"]
        )
        decisions = decisions.filter(Exists(its_actions))
    return decisions


def _filter_actions(actions, criteria):
    if criteria.get("kind") == DECISION:
        return actions.none()
    if "organization" in criteria:
        actions = actions.filter(responsible_organization=criteria["organization"])
    if status := criteria.get("status"):
        actions = actions.still_open() if status == OPEN else actions.filter(status=status)
    if "due_after" in criteria:
        actions = actions.filter(due_on__gte=criteria["due_after"])
    if "due_before" in criteria:
        actions = actions.filter(due_on__lte=criteria["due_before"])
    return actions


def _by_meeting(queryset, criteria):
    if "series" in criteria:
        queryset = queryset.filter(meeting__series=criteria["series"])
    if "year" in criteria:
        queryset = queryset.filter(meeting__starts_at__year=criteria["year"])
    return queryset


def _text_columns(field: str) -> dict:
    return {
        **{f"entry_text{suffix}": Cast(f"{field}{suffix}", TextField()) for suffix in TEXT_SUFFIXES},
        "entry_language": Cast("source_language", CharField()),
        "entry_translated_from": F("translated_from"),
    }


def _entry(row) -> Decision | ActionItem:
    """The row's decision or action as far as its text goes (unsaved, never to be saved): what the translation tags
    and ``localized`` read."""
    model, field = (Decision, "text") if row["kind"] == DECISION else (ActionItem, "title")
    texts = {f"{field}{suffix}": row[f"entry_text{suffix}"] or "" for suffix in TEXT_SUFFIXES}
    return model(
        pk=row["entry_id"], source_language=row["entry_language"], translated_from=row["entry_translated_from"], **texts
    )


def register_entries(user, criteria: dict):
    """The decisions and actions ``user`` may see that match ``criteria``, as one ordered queryset of COLUMNS
    values (a UNION ALL: slice it, count it, but filter before, not after)."""
    decisions = _filter_decisions(_by_meeting(Decision.objects.visible_to(user), criteria), criteria)
    actions = _filter_actions(_by_meeting(ActionItem.objects.visible_to(user), criteria), criteria)
    decisions = decisions.order_by().annotate(
        kind=Value(DECISION, output_field=CharField()),
        entry_id=F("pk"),
        number=F("reference_number"),
        **_text_columns("text"),
        organization=Value(None, output_field=IntegerField()),
        due=Value(None, output_field=DateField()),
        entry_status=Value("", output_field=CharField()),
        starts_at=F("meeting__starts_at"),
    )
    actions = actions.order_by().annotate(
        kind=Value(ACTION, output_field=CharField()),
        entry_id=F("pk"),
        number=F("reference_number"),
        **_text_columns("title"),
        organization=F("responsible_organization_id"),
        due=F("due_on"),
        entry_status=Cast("status", CharField()),
        starts_at=F("meeting__starts_at"),
    )
    return decisions.values(*COLUMNS).union(actions.values(*COLUMNS), all=True).order_by(*ORDERING)


def with_meetings(rows) -> list[dict]:
    """The rows with their meetings (and series) and organisations (named in the reader's language), fetched in one
    query each, and their place in the minutes."""
    rows = list(rows)
    meetings = Meeting.objects.select_related("series").in_bulk({row["meeting_id"] for row in rows})
    organizations = Organization.objects.in_bulk({row["organization"] for row in rows if row["organization"]})
    statuses = {value: str(label) for value, label in ActionStatus.choices}
    for row in rows:
        row["meeting"] = meeting = meetings[row["meeting_id"]]
        organization = organizations.get(row["organization"])
        row["organization"] = organization.display_name if organization else ""
        row["reference"] = f"{meeting.number}.{row['number']}" if row["number"] else ""
        row["status_label"] = statuses.get(row["entry_status"], "")
        row["url"] = f"{meeting.get_absolute_url()}#{row['kind']}-{row['entry_id']}"
        row["entry"] = _entry(row)
        row["entry_field"] = "text" if row["kind"] == DECISION else "title"
    return rows
