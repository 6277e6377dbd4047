"""What the migrations written before pg_trgm (0001, 0008) were built on: the portal's own trigram functions and
the expression of the stored trigram columns. Migration 0009 drops them all; they stay here so that a fresh
database can still run the earlier migrations. Nothing else may use them. (A leading "_" keeps Django's migration
loader from reading this file as a migration.)"""

from django.contrib.postgres.fields import ArrayField
from django.db.models import Func, TextField

TRIGRAM_FUNCTIONS_SQL = [
    "CREATE OR REPLACE FUNCTION portal_trigrams(text) RETURNS text[] "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ "
    "SELECT coalesce(array_agg(DISTINCT substr(padded, position, 3)), '{}') FROM ("
    "SELECT '  ' || word || ' ' AS padded FROM regexp_split_to_table(lower($1), '[^[:alnum:]]+') AS word "
    "WHERE word <> '') AS words, generate_series(1, length(padded) - 2) AS position $$",
    "CREATE OR REPLACE FUNCTION portal_trigram_share(text[], text[]) RETURNS real "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ "
    "SELECT CASE WHEN cardinality($1) = 0 THEN 0 "
    "ELSE (SELECT count(*) FROM unnest($1) AS trigram WHERE trigram = ANY($2))::real / cardinality($1) END $$",
]
DROP_TRIGRAM_FUNCTIONS_SQL = [
    "DROP FUNCTION IF EXISTS portal_trigrams(text)",
    "DROP FUNCTION IF EXISTS portal_trigram_share(text[], text[])",
]


class Trigrams(Func):
    function = "portal_trigrams"
    output_field = ArrayField(TextField())
