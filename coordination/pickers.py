"""The JSON behind the search-as-you-type pickers (common.widgets.SearchSelect, static/js/pickers.js).

`GET /pickers/<kind>/?q=words` answers `{"results": [{"id": 12, "text": "..."}]}` with at most PICKER_LIMIT
matches, in one query whatever the size of the list. Each kind asks the permission of the forms that use it:
people and plans are picked on the secretariat's forms only; organisations also in every reader's list filters.
The labels are the ones the forms' fields show, so a picked row reads the same before and after saving.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.utils.cache import patch_cache_control

from common.access import is_secretariat, may_read
from common.i18n import text_versions, with_translations
from common.typed_text import without_invisible_characters

PICKER_LIMIT = 20
MAX_QUERY_LENGTH = 100
YEAR = re.compile(r"^(\d{4})$")
QUARTER = re.compile(r"^q([1-4])$", re.IGNORECASE)
YEAR_AND_QUARTER = re.compile(r"^(\d{4})-?q([1-4])$", re.IGNORECASE)


WORD = re.compile(r"[\w-]+")


def _words(query: str) -> list[str]:
    """Up to 5 words; punctuation is dropped, so a label typed in full ("Name, MIA", "Ministry (MIA)") matches."""
    return WORD.findall(without_invisible_characters(query[:MAX_QUERY_LENGTH]))[:5]


def _any_version_contains(fields, word: str, prefix: str = "") -> Q:
    """A word in any language's version of the fields: a Russian reader types the Russian name."""
    condition = Q()
    for name in text_versions(*fields, prefix=prefix):
        condition |= Q(**{f"{name}__icontains": word})
    return condition


def organizations(words: list[str], params) -> QuerySet:
    from stakeholders.models import Organization

    rows = Organization.objects.for_choices()  # the label's columns in every language
    if params.get("active"):
        rows = rows.filter(is_active=True)
    for word in words:
        rows = rows.filter(_any_version_contains(("name", "acronym"), word))
    return rows


def contacts(words: list[str], params) -> QuerySet:
    from stakeholders.models import Contact

    rows = (
        Contact.objects.filter(is_active=True)
        .select_related("organization")
        .only("name", *with_translations("name", "acronym", prefix="organization__"))
        .order_by("name", "id")
    )
    for word in words:
        rows = rows.filter(
            Q(name__icontains=word) | _any_version_contains(("name", "acronym"), word, prefix="organization__")
        )
    return rows


def plans(words: list[str], params) -> QuerySet:
    from activities.models import ActivityPlan

    rows = (
        ActivityPlan.objects.select_related("series")
        .only("year", "quarter_number", *with_translations("title", prefix="series__"))
        .order_by("-year", "-quarter_number", "series__title", "id")
    )
    for word in words:
        if match := YEAR_AND_QUARTER.match(word):
            rows = rows.filter(year=int(match[1]), quarter_number=int(match[2]))
        elif match := YEAR.match(word):
            rows = rows.filter(year=int(match[1]))
        elif match := QUARTER.match(word):
            rows = rows.filter(quarter_number=int(match[1]))
        else:
            rows = rows.filter(series__title__icontains=word)
    return rows


@dataclass(frozen=True)
class Picker:
    rows: Callable[[list[str], object], QuerySet]
    may_use: Callable[[object], bool]
    label: Callable[[object], str] = str


PICKERS = {
    "contacts": Picker(contacts, is_secretariat),
    "organizations": Picker(organizations, may_read),
    "plans": Picker(plans, is_secretariat, lambda plan: plan.choice_label),
}


def picker(request, kind):
    try:
        found = PICKERS[kind]
    except KeyError:
        raise Http404 from None
    if not found.may_use(request.user):
        raise PermissionDenied  # before the method: whoever may not use it gets 403 for any method
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    rows = found.rows(_words(request.GET.get("q", "")), request.GET)[:PICKER_LIMIT]
    response = JsonResponse({"results": [{"id": row.pk, "text": found.label(row)} for row in rows]})
    patch_cache_control(response, private=True, no_store=True)
    return response
