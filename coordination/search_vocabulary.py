"""The search's vocabulary: the words of the searchable content, for "Did you mean" when a word finds nothing.

The words are those of what nobody in particular may see (announced meetings, published minutes, statements and
actions in them, activities, organisations), so a suggestion never reveals a draft. They are read from the same texts
as the search documents (common.fulltext.Document), lowercased by PostgreSQL's 'simple' configuration with Uzbek
apostrophes folded as in the documents, into coordination.SearchWord; the task queue refreshes them
(coordination/tasks.py), and the demo loader once it has written the demo.
"""

from django.contrib.postgres.fields import ArrayField
from django.db import connection, transaction
from django.db.models import Func, TextField, Value

from activities.models import Activity
from common.access import published_minutes_q
from common.scripts import FOLD_APOSTROPHES_SQL, WORD, fold_apostrophes
from coordination.models import SearchWord
from meetings.models import ActionItem, AgendaItem, Meeting, Statement
from stakeholders.models import Organization

# Words shorter than this are left as typed: too many words are close to them.
MIN_LENGTH = 3
MAX_LENGTH = 40
# At most this many words of a search are looked up for suggestions (the search's text is already bounded).
MAX_WORDS = 8


def _sources():
    """(queryset, stored document column) pairs: what everyone who may search sees, by the access rules of each."""
    announced_meetings = Meeting.objects.visible_to(None)
    return [
        (announced_meetings, "search_document"),
        (Meeting.objects.with_published_minutes(), "minutes_search_document"),
        (AgendaItem.objects.filter(meeting__in=announced_meetings), "search_document"),
        (AgendaItem.objects.filter(published_minutes_q("meeting__")), "minutes_search_document"),
        (Statement.objects.visible_to(None), "search_document"),
        (ActionItem.objects.visible_to(None), "search_document"),
        (Activity.objects.all(), "search_document"),
        (Organization.objects.all(), "search_document"),
    ]


def _words_sql(queryset, column):
    """SQL for one array of words per row, from the texts of the row's stored document ``column``."""
    texts = queryset.model._meta.get_field(column).expression.texts
    joined = Func(Value(" "), *texts, function="concat_ws", output_field=TextField())
    folded = Func(joined, template=FOLD_APOSTROPHES_SQL.format(text="%(expressions)s"), output_field=TextField())
    words = Func(
        folded,
        template="tsvector_to_array(to_tsvector('simple'::regconfig, %(expressions)s))",
        output_field=ArrayField(TextField()),
    )
    return queryset.order_by().annotate(words=words).values_list("words").query.sql_with_params()


def refresh() -> int:
    """Replace the vocabulary with the words of the content now; return how many words it holds."""
    parts = [_words_sql(queryset, column) for queryset, column in _sources()]
    documents = " UNION ALL ".join(f"({sql})" for sql, _params in parts)
    params = [param for _sql, part_params in parts for param in part_params]
    # The SQL is the ORM's and ours; every value is a parameter.
    insert = (
        "INSERT INTO coordination_searchword (word, occurrences) "  # noqa: S608  # nosec B608
        f"SELECT word, count(*) FROM ({documents}) AS documents(words), unnest(documents.words) AS word "
        "WHERE char_length(word) BETWEEN %s AND %s AND word !~ '[[:digit:]_./@:-]' GROUP BY word"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        SearchWord.objects.all().delete()
        cursor.execute(insert, [*params, MIN_LENGTH, MAX_LENGTH])
        return cursor.rowcount


def suggestion(text: str) -> str:
    """``text`` with each word replaced by the closest word of the vocabulary (by pg_trgm similarity, the commoner
    first among equals), or "" when every word is a word of the content or has nothing close. One query."""
    text = fold_apostrophes(text)
    typed = list(dict.fromkeys(word.casefold() for word in WORD.findall(text)))[:MAX_WORDS]
    looked_up = [word for word in typed if MIN_LENGTH <= len(word) <= MAX_LENGTH]
    if not looked_up:
        return ""
    with connection.cursor() as cursor:
        # A word searched also finds the words it begins, so a word that begins a word of the content stays.
        cursor.execute(
            "SELECT typed.word, best.word FROM unnest(%s::text[]) AS typed(word) CROSS JOIN LATERAL ("
            "  SELECT vocabulary.word FROM coordination_searchword AS vocabulary "
            "   WHERE vocabulary.word %% typed.word OR vocabulary.word LIKE typed.word || '%%'"
            "   ORDER BY starts_with(vocabulary.word, typed.word) DESC, similarity(vocabulary.word, typed.word) DESC,"
            "   vocabulary.occurrences DESC, vocabulary.word LIMIT 1"
            ") AS best",
            [looked_up],
        )
        closest = {word: best for word, best in cursor.fetchall() if not best.startswith(word)}
    if not closest:
        return ""

    def replace(match):
        word = match[0]
        best = closest.get(word.casefold())
        if best is None:
            return word
        return best[0].upper() + best[1:] if word[0].isupper() else best

    return WORD.sub(replace, text)
