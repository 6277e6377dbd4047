"""The full-text search documents of the portal's models.

Each searchable model declares a GIN expression index on one of these documents; the search
page (coordination/search.py) filters on the very same expression, so PostgreSQL answers from
the index instead of scanning the table. Change a document here and a migration follows.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVector
from django.db.models import F, Func, TextField
from django.db.models.functions import Cast

SEARCH_CONFIG = "english"

# A place list joined into one string. PostgreSQL's own array_to_string() is only STABLE,
# which an index expression may not use; this wrapper (created by activities migration 0002)
# is IMMUTABLE because joining text never depends on settings.
IMMUTABLE_ARRAY_TO_TEXT_SQL = (
    "CREATE OR REPLACE FUNCTION portal_array_to_text(text[]) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string($1, ' ') $$"
)


class ArrayToText(Func):
    function = "portal_array_to_text"
    output_field = TextField()

    def __init__(self, field_name, **extra):
        super().__init__(Cast(F(field_name), ArrayField(TextField())), **extra)


def document(*weighted_parts):
    """A weighted search vector over ``(field name or expression, weight)`` pairs, in order."""
    vector = None
    for part, weight in weighted_parts:
        piece = SearchVector(part, weight=weight, config=SEARCH_CONFIG)
        vector = piece if vector is None else vector + piece
    return vector


def meeting_document():
    return document(("title", "A"), ("venue", "B"))


def meeting_minutes_document():
    return document(("minutes_summary", "B"))


def agenda_item_document():
    return document(("title", "A"), ("description", "B"))


def agenda_item_minutes_document():
    return document(("discussion_summary", "B"))


def statement_document():
    return document(("summary", "B"))


def action_document():
    return document(("title", "A"), ("description", "B"))


def activity_document():
    return document(
        ("title", "A"),
        ("description", "B"),
        (ArrayToText("places"), "B"),
        ("target_group", "C"),
        ("outcome", "C"),
    )


def organization_document():
    return document(("name", "A"), ("acronym", "A"), ("country", "C"))
