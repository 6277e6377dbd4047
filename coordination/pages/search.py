"""One search over the portal: PostgreSQL full-text search on the GIN-indexed documents of common.fulltext.

Each kind of result is one query: it matches the document with ``@@`` (answered from the GIN index),
ranks the first matches with ``ts_rank`` and highlights them with ``ts_headline``. Highlights are
delimited by random markers, the text is escaped, and only then the markers become ``<mark>`` tags,
so no HTML from the data or the query reaches the page.
"""

import secrets
from dataclasses import dataclass, field
from functools import cached_property

from django import forms
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Func, Q, TextField, Value
from django.db.models.functions import Coalesce, Concat, NullIf
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from activities.models import Activity
from common import formatting, fulltext, scripts
from common.access import may_see_draft_minutes, published_minutes_q
from common.i18n import content_languages, localized
from coordination import search_vocabulary
from meetings.models import ActionItem, AgendaItem, Meeting, Statement, sees_draft_meetings
from stakeholders.models import Contact, Organization

MAX_QUERY_LENGTH = 200
PER_KIND = 5
PAGE_SIZE = 20
# For a very common word only this many matches (any of them, as the GIN index yields them) are ranked.
CANDIDATE_LIMIT = 200
# Words at least this long also find the words they begin ("Estonia" finds "Estonian"); shorter ones match whole.
PREFIX_MIN_LENGTH = 3
# "or" between two words in any of the portal's languages.
OR_WORDS = {"or", "или", "yoki"}

KIND_LABELS = {
    "meeting": _("Meetings"),
    "agenda": _("Agenda items"),
    "minutes": _("Minutes"),
    "statement": _("Statements"),
    "action": _("Follow-up actions"),
    "activity": _("Activities"),
    "organization": _("Organisations"),
}


class SearchText(forms.CharField):
    """Search words as typed, minus what PostgreSQL cannot store (NUL) and beyond a sane length."""

    def to_python(self, value):
        text = super().to_python(value).replace("\x00", "")
        return " ".join(text.split())[:MAX_QUERY_LENGTH]


class SearchForm(forms.Form):
    q = SearchText(required=False, label=_("Search"))
    kind = forms.ChoiceField(required=False, choices=[("", _("Everything")), *KIND_LABELS.items()])
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)


_ILLUSTRATIVE_KINDS = {"meeting": "meeting", "actionitem": "action"}


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    snippet: SafeString
    context: str
    rank: float
    illustrative_kind: str = ""  # "meeting" or "action" when the hit is a record flagged illustrative
    illustrative_pk: int | None = None
    matches_words: bool = True  # False when only the name is spelt like the words


@dataclass
class Group:
    kind: str
    label: str
    hits: list = field(default_factory=list)
    has_more: bool = False


def highlight(text: str, start: str, stop: str) -> SafeString:
    escaped = escape(text or "")
    # Safe: everything was escaped above; only our own random markers become tags.
    return mark_safe(escaped.replace(start, "<mark>").replace(stop, "</mark>"))  # noqa: S308  # nosec B308 B703


class PortalQuery(SearchQuery):
    """A tsquery built from the words as typed, for documents in English, Russian and Uzbek.

    Every word is looked up in each language's configuration (common.fulltext.LANGUAGE_CONFIGS), as a prefix
    when long enough, and the distinct alternatives are joined with OR; the words are joined with AND. "or"
    between words and a leading "-" work as in web search; quotes and other punctuation are ignored. A stop word
    of English or Russian is dropped in every configuration (Uzbek's 'simple' has no stop words of its own).

    Uzbek apostrophes are folded as in the documents (common.scripts), and each word is also looked up in the other
    script ("Бобоев" as "boboev", "Boboev" as "бобоев"), as alternatives of it.

    PostgreSQL normalises the words in one query (``to_tsquery`` with the words as parameters, so no input can
    make it fail); the tsquery is then a constant. Alternatives that normalise alike appear once: PostgreSQL
    estimates each prefix term it has no statistics for at 0.5% of the rows, so a rare word written three times
    looked like 1.5% of the rows and the planner read whole tables instead of the GIN index.
    """

    def __init__(self, text: str):
        super().__init__(text, search_type="raw")
        self.tsquery = _tsquery_text(text)

    def as_sql(self, compiler, connection, **extra_context):
        return "%s::tsquery", [self.tsquery]


def _terms(text: str) -> list[tuple[list[str], bool, bool]]:
    """The typed text as terms: (words, negated, joined to the previous term with OR)."""
    terms = []
    pending_or = False
    for token in scripts.fold_apostrophes(text).split():
        if token.casefold() in OR_WORDS and terms:
            pending_or = True
            continue
        words = [word.casefold() for word in scripts.WORD.findall(token)]
        if words:
            terms.append((words, token.startswith("-"), pending_or))
            pending_or = False
    return terms


def _normalised(typed_words: list[str]) -> dict[str, list[str]]:
    """Each word's tsquery alternatives in the three languages and both scripts, without repeats; none for a stop
    word (as typed)."""
    if not typed_words:
        return {}
    en, ru, uz = (fulltext.LANGUAGE_CONFIGS[language] for language in ("en", "ru", "uz"))
    spelt_as = {typed: scripts.spellings(typed) for typed in typed_words}
    words = list(dict.fromkeys(form for forms in spelt_as.values() for form in forms))
    patterns = [f"{word}:*" if len(word) >= PREFIX_MIN_LENGTH else word for word in words]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word, to_tsquery(%s::regconfig, word)::text, to_tsquery(%s::regconfig, word)::text, "
            "to_tsquery(%s::regconfig, pattern)::text, to_tsquery(%s::regconfig, pattern)::text, "
            "to_tsquery(%s::regconfig, pattern)::text FROM unnest(%s::text[], %s::text[]) AS typed(word, pattern)",
            [en, ru, en, ru, uz, words, patterns],
        )
        rows = cursor.fetchall()
    versions_of = {}
    stop_words = set()
    for word, plain_en, plain_ru, *versions in rows:
        if not plain_en or not plain_ru:
            stop_words.add(word)
        versions_of[word] = [version for version in versions if version]
    return {
        typed: []
        if forms[0] in stop_words
        else list(dict.fromkeys(version for form in forms for version in versions_of[form]))
        for typed, forms in spelt_as.items()
    }


def _tsquery_text(text: str) -> str:
    """``(w1 | w1') & !w2 ...`` for the words of ``text``, as tsquery text (see PortalQuery)."""
    terms = _terms(text)
    alternatives = _normalised(sorted({word for words, _negated, _or in terms for word in words}))
    expressions = []
    for words, negated, or_previous in terms:
        parts = [" | ".join(f"( {version} )" for version in alternatives[word]) for word in words]
        parts = [f"( {part} )" for part in parts if part]
        if not parts:
            continue
        term = " & ".join(parts)
        term = f"!( {term} )" if negated else f"( {term} )"
        if or_previous and expressions:
            expressions[-1] = f"( {expressions[-1]} | {term} )"
        else:
            expressions.append(term)
    return " & ".join(expressions)


class Search:
    def __init__(self, text: str, user, *, year: int | None = None):
        self.text = text
        self.user = user
        self.year = year
        self.query = PortalQuery(text)
        token = secrets.token_hex(6)
        self._start, self._stop = f"hlstart{token}", f"hlstop{token}"

    # -- one query per source -------------------------------------------------
    def _matching(self, queryset, document, snippet_texts, *, similar_name=None):
        """Rows whose stored `document` column (see common.fulltext) matches, best first.

        ``snippet_texts`` maps a language ("en", "ru", "uz") to the text its snippet is taken from: the matching
        text besides the title, which the hit shows anyway. ``similar_name``, a condition on the rows, adds the
        rows whose name is spelt like the words searched (common.fulltext.similar_name), ranked after
        the full-text matches.
        """
        # No ORDER BY: sorted candidates (e.g. a model's default newest-first) would make PostgreSQL walk that
        # order and test every row instead of reading the matches from the GIN index.
        candidates = queryset.filter(**{document: self.query}).order_by().values("pk")[:CANDIDATE_LIMIT]
        if similar_name is not None and self.text:
            # UNION ALL: each half is read from its own index (an OR across them would test every row, and a
            # plain UNION would sort both halves by key to drop duplicates, which IN does anyway).
            similar = queryset.filter(similar_name).order_by().values("pk")[:CANDIDATE_LIMIT]
            candidates = candidates.union(similar, all=True)
        if not isinstance(snippet_texts, dict):
            snippet_texts = {"en": snippet_texts}
        headlines = {
            f"snippet_{language}": SearchHeadline(
                # Highlighted as the document reads it: with oʻ and gʻ as one letter.
                Func(
                    text, template=scripts.FOLD_APOSTROPHES_SQL.format(text="%(expressions)s"), output_field=TextField()
                ),
                self.query,
                config=fulltext.config_of(language),
                start_sel=self._start,
                stop_sel=self._stop,
                max_words=30,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
            for language, text in snippet_texts.items()
        }
        return (
            queryset.filter(pk__in=candidates)
            .annotate(
                rank=SearchRank(F(document), self.query),
                # False for a row found only by its name's spelling, which leaves the words unknown (see suggestion()).
                matches_words=ExpressionWrapper(Q(**{document: self.query}), output_field=BooleanField()),
                **headlines,
            )
            .order_by("-rank", "-pk")
        )

    def _snippet(self, obj) -> SafeString:
        """The snippet with highlights, in the reader's language first; else the first text there is."""
        reader = (get_language() or "en").split("-")[0]
        languages = sorted(content_languages(), key=lambda language: language != reader)
        texts = [text for language in languages if (text := getattr(obj, f"snippet_{language}", ""))]
        matching = [text for text in texts if self._start in text]
        return highlight((matching or texts or [""])[0], self._start, self._stop)

    def _minutes_visible(self) -> bool:
        return may_see_draft_minutes(self.user)

    def _draft_meeting_ids(self) -> list[int]:
        return list(Meeting.objects.drafts().values_list("pk", flat=True))

    def _similar_contact_ids(self) -> list[int]:
        """The people whose name is spelt like the words searched, as numbers: PostgreSQL cannot estimate the
        name condition and, given it as a subquery, tested every statement's speaker against it."""
        return list(Contact.objects.filter(self._similar_name).values_list("pk", flat=True))

    @cached_property
    def _similar_name(self):
        """The condition on a name spelt like the words searched, in either script (the session's threshold is set
        once per search)."""
        fulltext.use_name_similarity_threshold()
        condition = Q(pk__in=[])
        for text in scripts.in_each_script(self.text):
            condition |= fulltext.similar_name("name", text)
        return condition

    def _by_meeting_year(self, queryset, prefix="meeting__"):
        return queryset.filter(**{f"{prefix}starts_at__year": self.year}) if self.year else queryset

    def sources(self, kind):
        """(queryset, to_hit) pairs whose hits make up one kind of result."""
        if kind == "meeting":
            meetings = self._by_meeting_year(Meeting.objects.visible_to(self.user).select_related("series"), prefix="")
            return [
                (
                    self._matching(meetings, "search_document", "venue"),
                    lambda m: (
                        str(m),
                        m.get_absolute_url(),
                        f"{m.series} · {formatting.date_text(m.local_start)}",
                    ),
                )
            ]
        if kind == "agenda":
            items = AgendaItem.objects.readable_by(self.user).select_related("meeting")
            if not sees_draft_meetings(self.user):
                # NOT IN (the few drafts, as numbers) keeps the plan on the GIN index; a join on the meeting's flag
                # did not, and a subquery made PostgreSQL read every agenda item to join the ranked ones.
                items = items.exclude(meeting_id__in=self._draft_meeting_ids())
            items = self._by_meeting_year(items)
            return [
                (
                    self._matching(items, "search_document", "description"),
                    lambda i: (
                        localized(i, "title"),
                        i.meeting.get_absolute_url() + "#agenda",
                        _meeting_label(i.meeting),
                    ),
                )
            ]
        if kind == "minutes":
            meetings = Meeting.objects.select_related("series")
            items = AgendaItem.objects.readable_by(self.user).select_related("meeting")
            if not self._minutes_visible():
                meetings = meetings.with_published_minutes()
                items = items.filter(published_minutes_q("meeting__"))
            return [
                (
                    self._matching(
                        self._by_meeting_year(meetings, prefix=""),
                        "minutes_search_document",
                        _translated("minutes_summary"),
                    ),
                    lambda m: (
                        _("Minutes of the %(meeting)s") % {"meeting": m},
                        m.get_absolute_url() + "#minutes",
                        _meeting_label(m),
                    ),
                ),
                (
                    self._matching(
                        self._by_meeting_year(items), "minutes_search_document", _translated("discussion_summary")
                    ),
                    lambda i: (
                        _("Minutes: %(title)s") % {"title": localized(i, "title")},
                        i.meeting.get_absolute_url() + "#minutes",
                        _meeting_label(i.meeting),
                    ),
                ),
            ]
        if kind == "statement":
            statements = self._by_meeting_year(
                Statement.objects.visible_to(self.user).select_related("speaker", "organization", "meeting")
            )
            return [
                (
                    self._matching(
                        statements,
                        "search_document",
                        _translated("summary"),
                        similar_name=Q(speaker_id__in=self._similar_contact_ids()),
                    ),
                    lambda s: (
                        f"{localized(s.speaker, 'name')} ({s.organization.short_name})",
                        f"{s.meeting.get_absolute_url()}#statement-{s.pk}",
                        _meeting_label(s.meeting),
                    ),
                )
            ]
        if kind == "action":
            actions = self._by_meeting_year(
                ActionItem.objects.visible_to(self.user).select_related("meeting", "responsible_organization")
            )
            return [
                (
                    self._matching(actions, "search_document", "description"),
                    lambda a: (
                        f"{a.reference} {localized(a, 'title')}".strip(),
                        a.get_absolute_url(),
                        f"{a.responsible_organization.short_name} · {a.get_status_display()}",
                    ),
                )
            ]
        if kind == "activity":
            activities = Activity.objects.select_related("lead_organization", "plan")
            if self.year:
                activities = activities.filter(plan__year=self.year)
            snippet = {
                **_translated("description"),
                "en": _joined(
                    _translated("description")["en"], Value(" "), fulltext.ArrayToText("places"), Value(" "), "outcome"
                ),
            }
            return [
                (
                    self._matching(activities, "search_document", snippet),
                    lambda a: (
                        str(a),
                        a.get_absolute_url(),
                        f"{a.get_kind_display()} · {a.plan.quarter.label} · {a.lead_organization.short_name}",
                    ),
                )
            ]
        if kind == "organization":
            organizations = Organization.objects.all()
            return [
                (
                    self._matching(organizations, "search_document", "country", similar_name=self._similar_name),
                    lambda o: (str(o), o.get_absolute_url(), o.get_kind_display()),
                )
            ]
        raise ValueError(kind)

    def _hits(self, kind, limit, offset=0):
        hits = []
        for queryset, describe in self.sources(kind):
            for obj in queryset[: offset + limit]:
                title, url, context = describe(obj)
                snippet = self._snippet(obj)
                hit = Hit(kind, title, url, snippet, context, obj.rank, matches_words=obj.matches_words)
                if getattr(obj, "is_illustrative", False):
                    hit.illustrative_kind, hit.illustrative_pk = _ILLUSTRATIVE_KINDS[obj._meta.model_name], obj.pk
                hits.append(hit)
        hits.sort(key=lambda hit: -hit.rank)
        return hits[offset : offset + limit]

    def grouped(self, kinds=None) -> list[Group]:
        """The best few hits of every kind (or of the given kinds)."""
        groups = []
        for kind in kinds or KIND_LABELS:
            hits = self._hits(kind, PER_KIND + 1)
            if hits:
                groups.append(Group(kind, KIND_LABELS[kind], hits[:PER_KIND], has_more=len(hits) > PER_KIND))
        return groups

    def suggestion(self, groups: list[Group]) -> str:
        """The words searched, each replaced by the closest word of the content, when the words found nothing:
        no results, or only names spelt like them ("traficking" finds no text but organisations named
        "…Trafficking…"). One query, and only then."""
        if any(hit.matches_words for group in groups for hit in group.hits):
            return ""
        return search_vocabulary.suggestion(self.text)

    def page(self, kind, number: int) -> tuple[Group, bool]:
        """One page of hits of one kind, and whether there is a next page."""
        hits = self._hits(kind, PAGE_SIZE + 1, offset=(number - 1) * PAGE_SIZE)
        return Group(kind, KIND_LABELS[kind], hits[:PAGE_SIZE]), len(hits) > PAGE_SIZE


def _translated(field_name):
    """Per content language, the text its snippet is taken from: the translation into it, else the original."""
    return {
        language: Coalesce(
            NullIf(F(f"{field_name}_{language}"), Value(""), output_field=TextField()),
            F(field_name),
            output_field=TextField(),
        )
        for language in content_languages()
    }


def _joined(*parts):
    return Concat(*parts, output_field=TextField())


def _meeting_label(meeting) -> str:
    return _("%(ordinal)s meeting") % {"ordinal": meeting.ordinal} + f" · {formatting.date_text(meeting.local_start)}"
