"""The meeting search: one weighted search document per meeting, and the queries that read it.

Each meeting has one MeetingSearch row with four parts, strongest first:

  A people     participants' names as written, their officials' names, aliases and family names
  B places     the meeting's countries (names, codes, aliases, demonyms) and its place
  C texts      statements and commitments
  D titles     the meeting's name, its sources' titles and publishers

Every name is also written without accents and with hyphens as spaces and joined
("Song Young-moo" also as "Song Young moo" and "Song Youngmoo"; "Błaszczak" also
as "Blaszczak"), so a query finds it typed either way. Other words that carry an
accent are repeated without it.

PostgreSQL keeps the weighted tsvector in MeetingSearch.document (GIN index,
migration 0007); the query is web-search syntax with its accents folded in
Python. SQLite keeps an FTS5 table (meetings_search_fts, migration 0007) whose
triggers copy every write to MeetingSearch; the query becomes a safe FTS5
expression. Both rank by the same weights and mark what matched.

``refresh(meeting_ids)`` rebuilds the rows of those meetings. Whoever changes what a
document is made of calls it: the ingest after each write, the admin after each
save or delete, ``manage.py rebuild_search`` for everything.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connections, models
from django.db.models import F, Prefetch, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import unaccent as fold

SEARCH_CONFIG = "english"
FTS_TABLE = "meetings_search_fts"
PARTS = ("people", "places", "texts", "titles")  # weights A, B, C, D in this order
WEIGHTS = dict(zip(PARTS, "ABCD"))
BM25_WEIGHTS = (10.0, 4.0, 2.0, 1.0)  # the ratio of PostgreSQL's default weights for A, B, C, D
MARK_START, MARK_END = "\ue000", "\ue001"  # private-use characters around a match, until the HTML is escaped
SNIPPET_WORDS = 18
BATCH = 500
SEPARATOR = " · "

WORD = re.compile(r"\w+(?:['’-]\w+)*")
JOINERS = re.compile(r"(?<=\w)['’-](?=\w)")


# Text variants -------------------------------------------------------------------------------


def clean(text: str) -> str:
    """Text as stored in a document: without the characters that stand for a match's marks."""
    return (text or "").replace(MARK_START, "").replace(MARK_END, "").strip()


def name_variants(name: str) -> list[str]:
    """Other ways to type ``name``: without accents, hyphens (and apostrophes) as spaces, and joined."""
    variants = []
    for form in dict.fromkeys([name, fold(name)]):
        variants += [form, JOINERS.sub(" ", form), JOINERS.sub("", form)]
    return [v for v in dict.fromkeys(variants) if v != name]


def word_variants(text: str) -> list[str]:
    """The words of ``text`` that carry an accent, without it."""
    return list(dict.fromkeys(fold(w) for w in WORD.findall(text) if fold(w) != w))


def with_variants(text: str, variants: list[str]) -> str:
    return f"{text} ({', '.join(variants)})" if variants else text


def contains_words(text: str, words: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(words.lower())}(?!\w)", text.lower()) is not None


# Building documents --------------------------------------------------------------------------


@dataclass
class Document:
    meeting_id: int
    parts: dict[str, list[str]] = field(default_factory=lambda: {part: [] for part in PARTS})

    def add(self, part: str, text: str, variants=word_variants):
        text = clean(text)
        if text and text not in self.parts[part]:
            self.parts[part].append(with_variants(text, variants(text)))

    def values(self) -> dict[str, str]:
        return {part: clean("\n".join(texts)) for part, texts in self.parts.items()}


def person(names: list[str]) -> str:
    """One person's entry: every name they go by, then the other ways to type them."""
    forms = []
    for name in (clean(n) for n in names):
        if name and not any(contains_words(form, name) for form in forms):
            forms.append(name)
    variants = [v for form in forms for v in name_variants(form)]
    return with_variants(", ".join(forms), [v for v in dict.fromkeys(variants) if v not in forms])


def country_entry(country) -> str:
    names = [country.name, country.code, *country.aliases, *country.demonyms]
    return ", ".join(dict.fromkeys(clean(str(n)) for n in names if clean(str(n))))


def document_of(meeting) -> Document:
    """The meeting's search text, in an order its rows' ids and ingest times do not change: the same meeting
    ingested again, or from its reports in another order, has the same document."""
    doc = Document(meeting.pk)
    people = {}
    for participant in meeting.participants.all():
        official = participant.official
        key = ("official", official.pk) if official else ("name", participant.name)
        names = people.setdefault(key, [])
        names.append(participant.name)
        if official:
            names += [official.name, *official.aliases, official.family_name]
    for names in sorted(people.values()):
        doc.add("people", person(names), variants=lambda text: [])
    countries = list(meeting.countries.all())
    if meeting.host_country and meeting.host_country not in countries:
        countries.append(meeting.host_country)
    for participant in sorted(meeting.participants.all(), key=lambda p: p.country_id):
        if participant.country not in countries:
            countries.append(participant.country)
    for country in countries:
        doc.add("places", country_entry(country))
    doc.add("places", meeting.place, variants=lambda text: [v for v in name_variants(text) if v != text])
    for fact in [*meeting.statements.all(), *meeting.commitments.all()]:
        doc.add("texts", fact.text)
    doc.add("titles", meeting.name)
    for source in sorted(meeting.sources.all(), key=lambda s: (s.title, s.publisher)):
        doc.add("titles", SEPARATOR.join(clean(t) for t in (source.title, source.publisher) if clean(t)))
    return doc


def models_of(apps=None):
    if apps is None:
        from .models import Meeting, MeetingSearch
        return Meeting, MeetingSearch
    return apps.get_model("meetings", "Meeting"), apps.get_model("meetings", "MeetingSearch")


def refresh(meeting_ids, *, apps=None, using="default") -> int:
    """Rebuild the search documents of these meetings (ids of deleted meetings are ignored). Returns how many."""
    Meeting, MeetingSearch = models_of(apps)
    ids = sorted({int(pk) for pk in meeting_ids if pk is not None})
    done = 0
    if ids and apps is None:
        from .pagecache import bump_version
        bump_version(using)  # bulk writes send no signal: the search pages' data version changes here
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        meetings = (Meeting.objects.using(using).filter(pk__in=chunk).select_related("host_country")
                    .prefetch_related(Prefetch("participants", queryset=meeting_participants(Meeting)),
                                      "countries", "statements", "commitments",
                                      Prefetch("sources", queryset=Meeting.sources.field.related_model.objects
                                               .only("pk", "title", "publisher"))))
        done += store(chunk, list(map(document_of, meetings)), apps=apps, using=using)
    return done


def store(meeting_ids, documents: list[Document], *, apps=None, using="default") -> int:
    """Replace the search rows of these meetings with ``documents`` (built by ``document_of``; a meeting without one
    loses its row). Returns how many were written."""
    _, MeetingSearch = models_of(apps)
    MeetingSearch.objects.using(using).filter(meeting_id__in=meeting_ids).delete()
    MeetingSearch.objects.using(using).bulk_create([MeetingSearch(meeting_id=doc.meeting_id, **doc.values())
                                                    for doc in documents])
    if connections[using].vendor == "postgresql":
        MeetingSearch.objects.using(using).filter(meeting_id__in=meeting_ids).update(document=weighted_vector())
    return len(documents)


class Related(list):
    """A list read like a related manager (``.all()``): ``document_of`` reads a meeting not read from the database
    (the ingest's unit of work, a generated meeting) through it."""

    def all(self):
        return self


def meeting_participants(Meeting):
    Participant = Meeting.participants.rel.related_model
    return Participant.objects.select_related("official", "country").order_by("id")


def refresh_all(*, apps=None, using="default") -> int:
    """Rebuild every meeting's search document."""
    Meeting, MeetingSearch = models_of(apps)
    MeetingSearch.objects.using(using).exclude(meeting_id__in=Meeting.objects.using(using).values("pk")).delete()
    count = refresh(Meeting.objects.using(using).values_list("pk", flat=True), apps=apps, using=using)
    if connections[using].vendor == "sqlite":
        with connections[using].cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    return count


def weighted_vector():
    vector = None
    for part in PARTS:
        part_vector = SearchVector(part, weight=WEIGHTS[part], config=SEARCH_CONFIG)
        vector = part_vector if vector is None else vector + part_vector
    return vector


# Which meetings a change touches -------------------------------------------------------------


def meetings_touched_by(obj) -> set[int]:
    """The meetings whose documents include ``obj`` (a meeting, a fact, an official, a source or a country)."""
    from .models import Commitment, Country, Meeting, Official, Participant, Source, Statement
    if isinstance(obj, Meeting):
        return {obj.pk}
    if isinstance(obj, (Participant, Statement, Commitment)):
        return {obj.meeting_id}
    if isinstance(obj, Official):
        return set(Participant.objects.filter(official=obj).values_list("meeting_id", flat=True))
    if isinstance(obj, Source):
        return set(obj.meetings.values_list("pk", flat=True)) if obj.pk else set()
    if isinstance(obj, Country):
        return (set(Meeting.objects.filter(countries=obj).values_list("pk", flat=True))
                | set(Meeting.objects.filter(host_country=obj).values_list("pk", flat=True))
                | set(Participant.objects.filter(country=obj).values_list("meeting_id", flat=True)))
    return set()


# Queries -------------------------------------------------------------------------------------


@dataclass
class ParsedQuery:
    """A web-search style query: words and "phrases" (all needed), `or` between them, -exclusions."""
    groups: list[list[str]]   # each group: alternatives joined by `or`; every group must match
    excluded: list[str]

    @property
    def empty(self):
        return not self.groups and not self.excluded


TERM = re.compile(r'(-?)(?:"([^"]*)"?|(\S+))')


def parse(value: str) -> ParsedQuery:
    """Words (runs of letters and digits) and phrases of ``value``; punctuation alone means nothing."""
    groups, excluded, join_next = [], [], False
    for minus, phrase, word in TERM.findall(value):
        text = phrase if phrase or word == "" else word
        if not minus and not phrase and word.lower() == "or":
            join_next = bool(groups)
            continue
        words = " ".join(re.findall(r"\w+", text))
        if not words:
            continue
        if minus:
            excluded.append(words)
        elif join_next:
            groups[-1].append(words)
        else:
            groups.append([words])
        join_next = False
    return ParsedQuery(groups, excluded)


def fts5_expression(terms: list[list[str]]) -> str:
    """An FTS5 query where every term is a quoted phrase: nothing the user types is read as FTS5 syntax."""
    return " AND ".join("(" + " OR ".join(f'"{words}"' for words in group) + ")" for group in terms)


def is_postgresql(queryset) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def search(queryset, value: str):
    """The meetings of ``queryset`` whose documents match ``value``, best match first, each with
    ``search_snippet`` (the matched words between MARK_START and MARK_END; see ``marked``)."""
    if is_postgresql(queryset):
        return search_postgresql(queryset, value)
    return search_sqlite(queryset, value)


def postgresql_query(value):
    # "Young-moo" is one token and its parts to PostgreSQL: as two words it also finds "Young Moo".
    return SearchQuery(JOINERS.sub(" ", fold(value)), search_type="websearch", config=SEARCH_CONFIG)


def search_postgresql(queryset, value):
    return ranked(queryset.filter(search__document=postgresql_query(value)), value)


def search_sqlite(queryset, value):
    parsed = parse(fold(value))  # FTS5 folds most accents itself, but not the letters text.LETTERS lists
    if parsed.empty:
        return queryset.none()
    if parsed.excluded:
        queryset = queryset.exclude(pk__in=RawSQL(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
            [fts5_expression([[words] for words in parsed.excluded])]))
    if not parsed.groups:
        return ranked(queryset.filter(search__isnull=False), value)
    return ranked(queryset.filter(pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                                                [fts5_expression(parsed.groups)])), value)


def ranked(queryset, value):
    """Meetings known to match ``value``, best match first, each with ``search_rank`` and ``search_snippet`` (the
    matched words between MARK_START and MARK_END); a query of exclusions alone ranks nothing."""
    postgresql = is_postgresql(queryset)
    parsed = parse(value if postgresql else fold(value))
    if not parsed.groups:
        return queryset.annotate(search_snippet=Value("", output_field=models.TextField()))
    if postgresql:
        query = postgresql_query(value)
        everything = Concat(*[item for part in PARTS for item in (F(f"search__{part}"), Value(SEPARATOR))][:-1],
                            output_field=models.TextField())
        rank = SearchRank(F("search__document"), query)
        snippet = SearchHeadline(everything, query, config=SEARCH_CONFIG, start_sel=MARK_START, stop_sel=MARK_END,
                                 max_fragments=2, max_words=SNIPPET_WORDS, min_words=5, fragment_delimiter=" … ")
    else:
        expression = fts5_expression(parsed.groups)
        meeting = f'"{queryset.model._meta.db_table}"."id"'
        matching = f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid = {meeting}"
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        rank = RawSQL(f"(SELECT -bm25({FTS_TABLE}, {weights}) {matching})", [expression],
                      output_field=models.FloatField())
        snippet = RawSQL(f"(SELECT snippet({FTS_TABLE}, -1, %s, %s, ' … ', {SNIPPET_WORDS}) {matching})",
                         [MARK_START, MARK_END, expression], output_field=models.TextField())
    return queryset.annotate(search_rank=rank, search_snippet=snippet).order_by(
        "-search_rank", F("date").desc(nulls_last=True), "-id")


def first_matches(queryset, cap: int, oldest_first: bool = False):
    """The ids of the first ``cap`` meetings of a search's ``queryset`` in date order (newest first, or oldest
    first), read from the meetings' date index without ranking them, and whether more than ``cap`` matched: a search
    that matches half the database then ranks, marks and counts at most ``cap`` meetings, found by id (see
    MeetingFilter.filter_queryset). One query."""
    order = (F("date").asc(nulls_last=True), "id") if oldest_first else (F("date").desc(nulls_last=True), "-id")
    ids = list(queryset.order_by(*order).values_list("pk", flat=True)[:cap + 1])
    return ids[:cap], len(ids) > cap


def marked(snippet: str | None) -> str:
    """A snippet as HTML: every character escaped, the matched words in <mark>."""
    if not snippet:
        return ""
    return mark_safe(escape(snippet).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
