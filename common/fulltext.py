"""The full-text search documents of the portal's models.

Each searchable model stores its documents in generated columns (`stored`), kept by PostgreSQL on every write,
with a GIN index on each. The search page (coordination/pages/search.py) matches and ranks on those columns, so
neither finding nor ranking parses a row's text again (ranking a common word over long minutes used to parse
each candidate's text on every search). Change a document here and a migration follows.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchVectorField
from django.db import connection
from django.db.models import Case, F, Func, GeneratedField, Manager, Q, TextField, Value, When
from django.db.models.functions import Cast

from common.i18n import content_languages
from common.scripts import FOLD_APOSTROPHES_SQL

SEARCH_CONFIG = "english"
# The text search configuration of each content language: the original text is English; the optional
# ``<field>_ru`` versions are Russian (stemmed by PostgreSQL's Snowball Russian stemmer) and the ``<field>_uz``
# versions Uzbek in Latin script, for which PostgreSQL has no stemmer: 'simple' only lowercases the words.
LANGUAGE_CONFIGS = {"en": "english", "ru": "russian", "uz": "simple"}
# The configuration of a part that is a record's original text: the one of the language it was written in
# (``source_language``), so a statement written in Russian is stemmed as Russian.
ORIGINAL = "original"


def config_of(language: str) -> str:
    """The text search configuration of a content language: one PostgreSQL has no stemmer for (a content language
    added in settings) only lowercases its words."""
    return LANGUAGE_CONFIGS.get(language, "simple")


def _original_config():
    return Case(
        *(When(source_language=language, then=Value(config_of(language))) for language in content_languages()),
        default=Value(SEARCH_CONFIG),
        output_field=TextField(),
    )


# A place list joined into one string. PostgreSQL's own array_to_string() is only STABLE,
# which an index expression may not use; this wrapper (created by activities migration 0002)
# is IMMUTABLE because joining text never depends on settings.
IMMUTABLE_ARRAY_TO_TEXT_SQL = (
    "CREATE OR REPLACE FUNCTION portal_array_to_text(text[]) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string($1, ' ') $$"
)


# Typo tolerance for names, from pg_trgm: a name is similar to the words searched when their trigrams and those of
# the best-matching stretch of the name mostly coincide (word similarity), both with accents folded by unaccent
# ("Fedorov" finds "Fëdorov", "Федоров" finds "Фёдоров"). The `<%` operator compares at the session's
# pg_trgm.word_similarity_threshold and is answered from a GIN trigram index on the folded name
# (name_trigram_index). The threshold is lower than pg_trgm's default 0.6: the shared trigrams are divided by
# those of the words and of the stretch together, so one letter changed in a seven-letter name ("Boboyev",
# "Boboev") scores 0.5, "Salihov"/"Salikhov" 0.55 and "Istikbolli"/"Istiqbolli" 0.57.
NAME_SIMILARITY_THRESHOLD = 0.5


def create_immutable_unaccent(apps, schema_editor):
    """Create portal_unaccent(text): unaccent() is only STABLE (it reads a dictionary that could change), which an
    index expression may not use. The wrapper names the extension's schema and dictionary outright, so it gives
    the same answer whatever the search_path (pg_restore runs with an empty one), which makes IMMUTABLE true."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'unaccent'"
        )
        schema = cursor.fetchone()[0]
    schema_editor.execute(
        "CREATE OR REPLACE FUNCTION portal_unaccent(text) RETURNS text "
        f"LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT {schema}.unaccent('{schema}.unaccent', $1) $$"
    )


def drop_immutable_unaccent(apps, schema_editor):
    schema_editor.execute("DROP FUNCTION IF EXISTS portal_unaccent(text)")


class FoldedAccents(Func):
    """The text without its accents (unaccent, through the IMMUTABLE wrapper an index can use)."""

    function = "portal_unaccent"
    output_field = TextField()


def name_trigram_index(field_name, name):
    """A GIN trigram index on the accent-folded name, which answers similar_name()."""
    return GinIndex(OpClass(FoldedAccents(field_name), name="gin_trgm_ops"), name=name)


def use_name_similarity_threshold() -> None:
    """Make this database session's similar_name() conditions compare at NAME_SIMILARITY_THRESHOLD."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)", [str(NAME_SIMILARITY_THRESHOLD)]
        )


def similar_name(field_name, text: str):
    """A condition: the name is spelt like the words of ``text``, at the session's threshold (run
    use_name_similarity_threshold() first in the session)."""
    if not text.strip():
        return Q(pk__in=[])
    # name %> words is words <% name, the form a trigram index on the name answers.
    return TrigramWordSimilar(FoldedAccents(field_name), FoldedAccents(Value(text, output_field=TextField())))


class ArrayToText(Func):
    function = "portal_array_to_text"
    output_field = TextField()

    def __init__(self, field_name, **extra):
        super().__init__(Cast(F(field_name), ArrayField(TextField())), **extra)


# A tsvector holds at most 1 MB of words and positions, and a generated column whose expression raises fails the
# whole INSERT or UPDATE. So a document indexes at most the first INDEXED_CHARACTERS of each text, and when the
# words of those still do not fit (tens of thousands of distinct long words), fewer: half as many characters until
# they do. The common case (the texts together no longer than INDEXED_CHARACTERS, which cannot reach 1 MB) takes
# no exception block. Uzbek apostrophes are folded to one form first (common.scripts), as in the words searched.
# Created by stakeholders migration 0010, changed by coordination migration 0003; change it with a new migration
# that also recomputes the stored documents (as 0003 does).
INDEXED_CHARACTERS = 100_000
DOCUMENT_FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION portal_document(configs text[], weights text, texts text[]) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    indexed_characters integer := {INDEXED_CHARACTERS};
    total_characters integer := 0;
    vector tsvector;
BEGIN
    FOR part IN 1 .. cardinality(texts) LOOP
        total_characters := total_characters + coalesce(length(texts[part]), 0);
    END LOOP;
    IF total_characters <= indexed_characters THEN
        vector := ''::tsvector;
        FOR part IN 1 .. cardinality(texts) LOOP
            vector := vector || setweight(
                to_tsvector(configs[part]::regconfig, {FOLD_APOSTROPHES_SQL.format(text="coalesce(texts[part], '')")}),
                substr(weights, part, 1)::"char"
            );
        END LOOP;
        RETURN vector;
    END IF;
    LOOP
        BEGIN
            vector := ''::tsvector;
            FOR part IN 1 .. cardinality(texts) LOOP
                vector := vector || setweight(
                    to_tsvector(
                        configs[part]::regconfig,
                        {FOLD_APOSTROPHES_SQL.format(text="left(coalesce(texts[part], ''), indexed_characters)")}
                    ),
                    substr(weights, part, 1)::"char"
                );
            END LOOP;
            RETURN vector;
        EXCEPTION WHEN program_limit_exceeded THEN
            indexed_characters := indexed_characters / 2;  -- reaches 0 (nothing indexed) at worst
        END;
    END LOOP;
END $$
"""
DROP_DOCUMENT_FUNCTION_SQL = "DROP FUNCTION IF EXISTS portal_document(text[], text, text[])"


class Document(Func):
    """A weighted search vector over ``(field name or expression, weight[, configuration])`` parts, in order, that
    never fails to fit in a tsvector (portal_document, above)."""

    function = "portal_document"
    output_field = SearchVectorField()

    def __init__(self, *weighted_parts):
        configs, weights, texts = [], "", []
        for part, weight, *config in weighted_parts:
            config = config[0] if config else SEARCH_CONFIG
            configs.append(_original_config() if config == ORIGINAL else Value(config))
            weights += weight
            texts.append(Cast(F(part) if isinstance(part, str) else part, TextField()))
        super().__init__(_array(configs), Value(weights), _array(texts))
        self.texts = texts  # what the search's vocabulary of words is read from (coordination.search_vocabulary)


def _array(expressions):
    return Func(*expressions, template="ARRAY[%(expressions)s]", output_field=ArrayField(TextField()))


def document(*weighted_parts):
    """A weighted search vector over ``(field name or expression, weight[, configuration])`` parts, in order."""
    return Document(*weighted_parts)


def translated(field_name, weight):
    """A field, in the configuration of the language it was written in, and its translations in every content
    language (``<field>_en``, ``<field>_ru``, ``<field>_uz``, ...), each in its language's: a word of any of them
    finds the record. Only for fields of common.i18n.TranslatedContent models (they have ``source_language``)."""
    return [
        (field_name, weight, ORIGINAL),
        *((f"{field_name}_{language}", weight, config_of(language)) for language in content_languages()),
    ]


# The generated columns' names, read only inside SQL. History tables leave them out too (each model names its own:
# simple-history looks up every name it is given on the model).
STORED_FIELDS = ["search_document", "minutes_search_document"]


class WithoutStoredDocuments(Manager):
    """Reads rows without their stored documents: only the search page needs them, and only inside SQL.

    A select_related() join from another model still reads them (about as many bytes as the text they index).
    """

    def get_queryset(self):
        stored_here = [field.name for field in self.model._meta.concrete_fields if field.name in STORED_FIELDS]
        return super().get_queryset().defer(*stored_here)


def stored(vector):
    """A tsvector column PostgreSQL computes from the row on every insert and update."""
    return GeneratedField(expression=vector, output_field=SearchVectorField(), db_persist=True)


def meeting_document():
    return document(*translated("title", "A"), ("venue", "B"))


def meeting_minutes_document():
    return document(*translated("minutes_summary", "B"))


def agenda_item_document():
    return document(*translated("title", "A"), *translated("description", "B"))


def agenda_item_minutes_document():
    return document(*translated("discussion_summary", "B"))


def statement_document():
    return document(*translated("summary", "B"))


def action_document():
    return document(*translated("title", "A"), *translated("description", "B"))


def activity_document():
    return document(
        *translated("title", "A"),
        *translated("description", "B"),
        (ArrayToText("places"), "B"),
        *translated("target_group", "C"),
        ("outcome", "C"),
    )


def organization_document():
    return document(*translated("name", "A"), *translated("acronym", "A"), ("country", "C"))
