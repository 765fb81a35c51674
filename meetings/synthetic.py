"""Generated meetings in bulk (``manage.py synthesize``): the volume and skew of real data, for benchmarks.

Countries, offices and officials come from the knowledge base; a country with no official in office on a meeting's
day gets a generated one (slug ``synthetic-...``, with a tenure). Each meeting has the rows an ingest writes: its
countries, participants, statements and commitments (with their sources, speakers and parties), one to three
sources whose text the spans point into, the evidence of each source, the search document and the officials'
meeting counts. Synthetic sources are recognisable by their address (``SYNTHETIC_URL``) and extractor version.
No history rows: generated data has no edits.

Rows are generated in chunks and written with PostgreSQL's COPY (SQLite: executemany), ids assigned here from the
tables' current maximum, so a second run adds meetings after the first.
"""
from __future__ import annotations

import hashlib
import random
from bisect import bisect
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from types import SimpleNamespace

from django.db import connection, models
from django.db.models import Max
from django.core.management.color import no_style
from django.utils import timezone
from django.utils.text import slugify

from . import aggregates, search
from .search import Related
from .models import (
    Commitment, Country, Evidence, Meeting, MeetingSearch, Office, Official, Participant, ReviewStatus, Source,
    Statement, Tenure, count_meetings,
)

SYNTHETIC_URL = "https://synthetic.invalid/"  # a reserved domain (RFC 2606): no real source has this address
SYNTHETIC_VERSION = "synthetic"              # the extractor_version of every synthetic source
GENERATED_SLUG = "synthetic-"                # the slug prefix of generated officials
LEADING = ["US", "CN", "JP", "KR", "GB", "FR", "IN", "AU", "RU", "DE"]  # in most meetings, in this order
YEARS = 25
TERM_YEARS = 3  # a generated official holds the office this long
CHUNK = 5000    # meetings generated and written at a time

TOPICS = [
    "maritime security", "regional stability", "the Korean Peninsula", "missile defense", "joint exercises",
    "defense industry cooperation", "the Indo-Pacific", "counterterrorism", "cyber defense",
    "freedom of navigation in the South China Sea", "intelligence sharing", "peacekeeping operations",
    "humanitarian assistance and disaster relief", "interoperability of their forces", "the war in Ukraine",
    "arms control", "space security", "maritime domain awareness", "logistics cooperation", "nuclear deterrence",
    "military education and training", "border security", "submarine cooperation", "climate security",
    "artificial intelligence in defense", "mine clearance", "defense exchanges", "military medicine",
]
STATEMENT_VERBS = [
    "stressed the importance of", "emphasized the need for closer cooperation on", "expressed concern about",
    "welcomed progress on", "reaffirmed the commitment to cooperation on", "discussed", "underlined the value of",
    "called for dialogue on",
]
QUOTES = ["Our cooperation on {topic} has never been stronger", "We will keep working together on {topic}",
          "{topic_cap} matters to both our nations"]
COMMITMENT_VERBS = [
    "hold regular talks on", "expand cooperation in", "conduct joint exercises focused on",
    "establish a working group on", "sign an agreement on", "increase exchanges on",
    "strengthen information sharing on",
]
MULTILATERAL_NAMES = [
    "ASEAN Defence Ministers' Meeting-Plus", "Shangri-La Dialogue", "NATO Defence Ministers' Meeting",
    "Ukraine Defense Contact Group", "G7 Defence Ministers' Meeting", "South Pacific Defence Ministers' Meeting",
    "Halifax International Security Forum", "Munich Security Conference", "Seoul Defense Dialogue",
    "Beijing Xiangshan Forum",
]

# Name pools for generated officials (common names; no pairing is meant to be a real minister's name):
# (given names, family names, family name first).
NAME_POOLS = {
    "en": (["James", "Robert", "Michael", "David", "Richard", "Helen", "Peter", "Andrew", "Sarah", "Claire",
            "Catherine", "Anne", "Linda", "Graham", "Philip"],
           ["Harris", "Walker", "Bennett", "Morgan", "Clarke", "Hughes", "Turner", "Fraser", "Campbell", "Reid",
            "Lawson", "Mitchell"], False),
    "ja": (["Hiroshi", "Takeshi", "Kenji", "Satoshi", "Kazuo", "Akira", "Yuko", "Makoto", "Haruki", "Naoki"],
           ["Sato", "Suzuki", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Kobayashi", "Yoshida", "Matsumoto"],
           False),
    "ko": (["Min-jun", "Ji-hoon", "Sung-min", "Dong-hyun", "Jae-won", "Hyun-soo", "Eun-ji", "Tae-hoon"],
           ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Yoon", "Jang", "Lim"], True),
    "zh": (["Wei", "Jianguo", "Lei", "Ming", "Hua", "Xiaoming", "Haitao", "Zhiqiang"],
           ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou"], True),
    "slavic": (["Sergei", "Andrei", "Dmitry", "Alexei", "Viktor", "Oleksandr", "Tomasz", "Pavel", "Jan", "Katarzyna"],
               ["Ivanov", "Petrov", "Volkov", "Kuznetsov", "Sokolov", "Novák", "Kowalski", "Horvat", "Wiśniewski"],
               False),
    "europe": (["Jean", "Pierre", "Claire", "Klaus", "Sabine", "Thomas", "Carlos", "María", "Giulia", "Luca",
                "Elena", "Sébastien"],
               ["Dupont", "Lefèvre", "Schmidt", "Weber", "Fischer", "García", "Fernández", "Rossi", "Bianchi", "Müller",
                "Lambert"], False),
    "south_asia": (["Rajesh", "Amit", "Sunita", "Vikram", "Priya", "Anil", "Imran", "Farhan", "Ravi"],
                   ["Singh", "Sharma", "Kumar", "Patel", "Rao", "Khan", "Ahmed", "Verma"], False),
    "arabic": (["Mohammed", "Ahmed", "Khalid", "Abdullah", "Ali", "Omar", "Hassan", "Yousef"],
               ["Al-Hashimi", "Al-Mansouri", "Haddad", "Nasser", "Al-Amiri", "Mahmoud", "Saleh"], False),
    "southeast_asia": (["Budi", "Agus", "Siti", "Eduardo", "Ramon", "Aziz", "Minh", "Somchai"],
                       ["Santoso", "Wijaya", "Nguyen", "Tran", "Pham", "Lim", "Tan", "Cruz", "Reyes", "Ismail"],
                       False),
    "africa": (["Kwame", "Thandi", "Ibrahim", "Amina", "Joseph", "Grace", "Samuel", "Fatou"],
               ["Mensah", "Okafor", "Dlamini", "Diallo", "Banda", "Mwangi", "Abubakar"], False),
}
POOL_OF = {
    **dict.fromkeys("US GB AU NZ CA IE".split(), "en"), "JP": "ja", "KR": "ko",
    **dict.fromkeys("CN TW SG".split(), "zh"),
    **dict.fromkeys("RU UA PL CZ SK BY RS HR SI BG MK ME BA".split(), "slavic"),
    **dict.fromkeys("FR DE ES IT PT NL BE AT CH LU SE NO DK FI GR MX AR BR CL CO PE".split(), "europe"),
    **dict.fromkeys("IN PK BD LK NP".split(), "south_asia"),
    **dict.fromkeys("SA AE QA KW BH OM JO EG IQ LB MA TN DZ LY".split(), "arabic"),
    **dict.fromkeys("ID MY PH VN TH KH LA MM BN".split(), "southeast_asia"),
    **dict.fromkeys("ZA NG KE GH ET SN TZ UG RW".split(), "africa"),
}


@dataclass
class Holder:
    """An official in office, as a participant row and the search document need them."""
    pk: int
    name: str
    role: str
    family_name: str
    aliases: list


@dataclass
class Rows:
    """The rows of one chunk, by model (or many-to-many table) and fields, ready to write."""
    tables: dict = field(default_factory=dict)

    def add(self, model, fields, row):
        self.tables.setdefault((model, fields), []).append(row)


class Ids:
    """The next free id of each table, read once: rows are numbered here so that they can point at each other."""

    def __init__(self):
        self.next = {}

    def peek(self, model):
        if model not in self.next:
            self.next[model] = (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        return self.next[model]

    def take(self, model):
        value = self.peek(model)
        self.next[model] += 1
        return value


DEPUTY_WORDS = ("deputy", "vice", "of state", "delegate", "defence secretary", "industry")


def minister(tenure) -> bool:
    """Whether the tenure is the defense minister's own, not a deputy's or a civil servant's: preferred when both
    held office on a meeting's day."""
    title = tenure.office.title.lower()
    return not tenure.acting and not any(word in title for word in DEPUTY_WORDS)


def real_sources():
    """Sources an ingest or staff stored: what synthesize must not mix generated data into unless forced."""
    return Source.objects.exclude(url__startswith=SYNTHETIC_URL)


def zipf_weights(count, exponent=1.0):
    return [1 / rank ** exponent for rank in range(1, count + 1)]


class Generator:
    """Meetings drawn from the knowledge base with a seeded random source; see the module's docstring."""

    def __init__(self, seed: int):
        self.ids = Ids()
        self.rng = random.Random(f"{seed}:{self.ids.peek(Meeting)}")  # a second run continues differently
        self.today = date.today()
        self.first_day = self.today - timedelta(days=round(YEARS * 365.25))
        self.now = timezone.now()
        self.offices = {}
        for office in Office.objects.order_by("id"):
            self.offices.setdefault(office.country_id, office)
        countries = {c.code: c for c in Country.objects.filter(code__in=self.offices)}
        self.countries = countries
        others = sorted(code for code in countries if code not in LEADING)
        random.Random(seed).shuffle(others)
        self.order = [code for code in LEADING if code in countries] + others
        self.cumulative = list(accumulate(zipf_weights(len(self.order))))
        self.topic_weights = list(accumulate(zipf_weights(len(TOPICS), 0.8)))
        self.tenures = {}
        for tenure in Tenure.objects.filter(start__isnull=False).select_related("official", "office").order_by(
                "start", "id"):
            official = tenure.official
            self.tenures.setdefault(tenure.office.country_id, []).append(
                (tenure.start, tenure.end or self.today, minister(tenure),
                 Holder(official.pk, official.name, tenure.office.title, official.family_name, official.aliases)))
        self.holders = {}
        self.generated = {o.slug: o for o in Official.objects.filter(slug__startswith=GENERATED_SLUG)}
        self.slugs = set(Meeting.objects.values_list("slug", flat=True))
        self.officials_used = set()

    # Choices -------------------------------------------------------------------------------

    def countries_of_meeting(self):
        roll = self.rng.random()
        size = 2 if roll < 0.78 else 3 if roll < 0.86 else 4 if roll < 0.90 else self.rng.randint(5, 12)
        chosen = []
        while len(chosen) < size:
            code = self.order[bisect(self.cumulative, self.rng.random() * self.cumulative[-1])]
            if code not in chosen:
                chosen.append(code)
        return chosen

    def day(self):
        """More meetings in recent years: the share of the span elapsed is u ** 0.6."""
        span = (self.today - self.first_day).days
        return self.first_day + timedelta(days=int(span * self.rng.random() ** 0.6))

    def topic(self):
        return TOPICS[bisect(self.topic_weights, self.rng.random() * self.topic_weights[-1])]

    def holder(self, code, day, rows):
        """Who held the country's defense office on that day: from the knowledge base, else a generated official."""
        key = (code, day.year, day.month)
        if key not in self.holders:
            # the minister before a deputy in office the same day
            found = sorted(((not chief, index), holder) for index, (start, end, chief, holder)
                           in enumerate(self.tenures.get(code, ())) if start <= day <= end)
            self.holders[key] = found[0][1] if found else self.generated_holder(code, day, rows)
        return self.holders[key]

    def generated_holder(self, code, day, rows):
        term = (day.year - 2000) // TERM_YEARS
        start = date(2000 + term * TERM_YEARS, 1, 1)
        names = random.Random(f"{code}:{term}")  # the same name for this country and term in every run
        given, families, family_first = NAME_POOLS[POOL_OF.get(code, "en")]
        first, family = names.choice(given), names.choice(families)
        name = f"{family} {first}" if family_first else f"{first} {family}"
        slug = f"{GENERATED_SLUG}{code.lower()}-{start.year}-{slugify(name)}"
        office = self.offices[code]
        official = self.generated.get(slug)
        if official is None:
            official = self.generated[slug] = Official(id=self.ids.take(Official), slug=slug, name=name,
                                                       family_name=family, country_id=code, aliases=[])
            rows.add(Official, ("id", "name", "slug", "country", "family_name", "aliases", "review_status",
                                "meeting_count"),
                     (official.id, name, slug, code, family, "[]", ReviewStatus.NEEDS_REVIEW, 0))
            rows.add(Tenure, ("official", "office", "start", "end", "acting"),
                     (official.id, office.id, start, date(start.year + TERM_YEARS, 1, 1) - timedelta(days=1), False))
        return Holder(official.pk, official.name, office.title, official.family_name, official.aliases or [])

    def slug(self, day, mode, name, codes):
        names = sorted(self.countries[code].name for code in codes)
        if len(names) > 4:
            names = [*names[:3], f"and {len(names) - 3} more"]
        parts = [day.isoformat() if day else "undated", *([mode] if mode != "in_person" else []),
                 name or " ".join(names)]
        base = slugify(" ".join(parts))[:190]
        slug, n = base, 2
        while slug in self.slugs:
            slug, n = f"{base}-{n}", n + 1
        self.slugs.add(slug)
        return slug

    # One meeting -----------------------------------------------------------------------------

    def meeting(self, rows):
        rng = self.rng
        codes = self.countries_of_meeting()
        day = self.day()
        roll = rng.random()
        precision = "day" if roll < 0.95 else "month" if roll < 0.99 else "year"
        if precision == "month":
            day = day.replace(day=1)
        elif precision == "year":
            day = day.replace(month=1, day=1)
        roll = rng.random()
        mode = "in_person" if roll < 0.85 or len(codes) > 4 else "phone" if roll < 0.94 else "video"
        name = ""
        if len(codes) > 4 or (len(codes) > 2 and rng.random() < 0.3):
            name = rng.choice(MULTILATERAL_NAMES)
        host = rng.choice(codes)
        places = self.countries[host].places
        place = rng.choice(places) if mode == "in_person" and places and rng.random() < 0.65 else ""
        meeting_id = self.ids.take(Meeting)
        rows.add(Meeting, ("id", "slug", "date", "date_precision", "format", "name", "place", "host_country",
                           "review_status", "created_at", "curated_fields", "country_key"),
                 (meeting_id, self.slug(day, mode, name, codes), day, precision, mode, name, place,
                  host if place else None,
                  ReviewStatus.VERIFIED if rng.random() < 0.15 else ReviewStatus.NEEDS_REVIEW, self.now, "[]",
                  ",".join(sorted(codes))))
        for code in codes:
            rows.add(Meeting.countries.through, ("meeting", "country"), (meeting_id, code))
        people = [(code, self.holder(code, day, rows)) for code in codes]
        topics = [self.topic() for _ in range(rng.randint(1, 5))]
        promises = [self.topic() for _ in range(rng.randint(0, 3))]
        reports = 1 if (roll := rng.random()) < 0.75 else 2 if roll < 0.97 else 3
        articles = [Article(self, k, day, precision, mode, name, place, host, people, topics, promises)
                    for k in range(reports)]
        source_ids = []
        for article in articles:
            source_id = self.ids.take(Source)
            source_ids.append(source_id)
            reporter = article.reporter
            text = article.text
            rows.add(Source, ("id", "url", "file_name", "title", "publisher", "published", "content_hash",
                              "content_type", "raw_content", "cleaned_text", "status", "failure_reason",
                              "extractor_version", "ingested_at"),
                     (source_id, f"{SYNTHETIC_URL}{reporter.lower()}/{source_id}", "", article.title,
                      article.publisher,
                      day + timedelta(days=rng.randint(0, 2)),
                      hashlib.sha256(f"{SYNTHETIC_URL}{source_id}\n{text}".encode()).hexdigest(), "text/plain",
                      text, text, "ok", "", SYNTHETIC_VERSION, self.now))
            rows.add(Meeting.sources.through, ("meeting", "source"), (meeting_id, source_id))
            for kind, detail, (start, end) in article.evidence:
                rows.add(Evidence, ("meeting", "source", "kind", "detail", "span_start", "span_end"),
                         (meeting_id, source_id, kind, detail[:300], start, end))
        first = articles[0]
        sources = Related(SimpleNamespace(title=article.title, publisher=article.publisher) for article in articles)
        participant_ids = {}
        for code, holder in people:
            participant_id = participant_ids[code] = self.ids.take(Participant)
            self.officials_used.add(holder.pk)
            start, end = first.spans[("participant", code)]
            rows.add(Participant, ("id", "meeting", "official", "name", "role", "country", "source", "span_start",
                                   "span_end", "review_status", "curated_fields"),
                     (participant_id, meeting_id, holder.pk, holder.name, holder.role, code, source_ids[0],
                      start, end, ReviewStatus.NEEDS_REVIEW, "[]"))
        for number, topic in enumerate(topics):
            statement_id = self.ids.take(Statement)
            speaker = first.speakers[number]
            text, direct = first.statements[number]
            start, end = first.spans[("statement", number)]
            rows.add(Statement, ("id", "meeting", "text", "direct", "source", "span_start", "span_end",
                                 "review_status", "curated_fields"),
                     (statement_id, meeting_id, text, direct, source_ids[0], start, end, ReviewStatus.NEEDS_REVIEW,
                      "[]"))
            rows.add(Statement.speaker_countries.through, ("statement", "country"), (statement_id, speaker))
            rows.add(Statement.speakers.through, ("statement", "participant"),
                     (statement_id, participant_ids[speaker]))
            for k, article in enumerate(articles):
                if ("statement", number) in article.spans:
                    rows.add(Statement.sources.through, ("statement", "source"), (statement_id, source_ids[k]))
        for number, topic in enumerate(promises):
            commitment_id = self.ids.take(Commitment)
            start, end = first.spans[("commitment", number)]
            due = date(day.year + rng.randint(1, 3), 1, 1) if rng.random() < 0.2 else None
            rows.add(Commitment, ("id", "meeting", "text", "due", "due_precision", "status", "status_checked",
                                  "source", "span_start", "span_end", "review_status", "curated_fields"),
                     (commitment_id, meeting_id, first.commitments[number], due, "year" if due else "", "open",
                      False, source_ids[0], start, end, ReviewStatus.NEEDS_REVIEW, "[]"))
            for code in codes[:2]:
                rows.add(Commitment.parties.through, ("commitment", "country"), (commitment_id, code))
            for k, article in enumerate(articles):
                if ("commitment", number) in article.spans:
                    rows.add(Commitment.sources.through, ("commitment", "source"), (commitment_id, source_ids[k]))
        document = search.document_of(SimpleNamespace(
            pk=meeting_id, name=name, place=place, host_country=self.countries[host] if place else None,
            countries=Related(sorted((self.countries[code] for code in codes), key=lambda country: country.name)),
            participants=Related(SimpleNamespace(official=holder, name=holder.name, country=self.countries[code],
                                                 country_id=code) for code, holder in people),
            statements=Related(SimpleNamespace(text=text) for text, direct in first.statements),
            commitments=Related(SimpleNamespace(text=text) for text in first.commitments),
            sources=sources))
        rows.add(MeetingSearch, ("meeting", *search.PARTS), (meeting_id, *document.values().values()))
        return meeting_id


class Article:
    """One report of a meeting: its text, and the span of each sentence a fact or an evidence row points to.

    The first report gives every fact; a further report (``number`` > 0) gives the meeting, its participants and
    the first statement and commitment, in other words."""

    def __init__(self, generator, number, day, precision, mode, name, place, host, people, topics, promises):
        rng = generator.rng
        countries = generator.countries
        self.parts, self.length = [], 0
        self.spans, self.evidence = {}, []
        self.reporter = people[number % len(people)][0]
        self.publisher = f"Synthetic {countries[self.reporter].name} defence ministry"
        lead, other = people[number % len(people)][1], people[(number + 1) % len(people)][1]
        when = {"day": f"{day.day} {day:%B %Y}", "month": f"{day:%B %Y}", "year": str(day.year)}[precision]
        talk = {"in_person": "met", "phone": "held a phone call with", "video": "held a video call with"}[mode]
        where = f" in {place}" if place else ""
        other_country = countries[people[(number + 1) % len(people)][0]]
        if name:
            self.title = f"{lead.name} attends the {name}{where}"
        else:
            adjective = other_country.demonyms[0] if other_country.demonyms else other_country.name
            self.title = f"{lead.name} {talk} {adjective} counterpart {other.name}"
        self.sentence(self.title, ("headline", ""))
        opening = (f"{lead.role} {lead.name} {talk} {other.role} {other.name}{where} on {when}"
                   + (f" at the {name}" if name else "") + ".")
        span = self.sentence(opening, ("reported", ""), ("dated by", day.isoformat()[:{"day": 10, "month": 7,
                                                                                            "year": 4}[precision]]))
        if place:
            self.evidence.append(("placed", place, span))
        self.spans[("participant", people[number % len(people)][0])] = span
        self.spans[("participant", people[(number + 1) % len(people)][0])] = span
        self.evidence += [("participant", lead.name, span), ("participant", other.name, span)]
        for code, holder in people:
            if ("participant", code) not in self.spans:
                span = self.sentence(f"{holder.role} {holder.name} of {countries[code].name} also took part.",
                                     ("participant", holder.name))
                self.spans[("participant", code)] = span
        self.statements, self.speakers, self.commitments = [], [], []
        for k, topic in enumerate(topics if number == 0 else topics[:1]):
            code, speaker = people[rng.randrange(len(people))] if number == 0 else people[0]
            if rng.random() < 0.2:
                quote = rng.choice(QUOTES).format(topic=topic, topic_cap=topic[:1].upper() + topic[1:])
                text, direct = quote, True
                sentence = f"\u201c{quote},\u201d {speaker.name} said."
            else:
                text, direct = f"{rng.choice(STATEMENT_VERBS)} {topic}", False
                sentence = f"{speaker.name} {text}."
            self.statements.append((text, direct))
            self.speakers.append(code)
            self.spans[("statement", k)] = self.sentence(sentence, ("statement", ""))
        for k, topic in enumerate(promises if number == 0 else promises[:1]):
            text = f"{rng.choice(COMMITMENT_VERBS)} {topic}"
            self.commitments.append(text)
            self.spans[("commitment", k)] = self.sentence(f"The ministers agreed to {text}.", ("commitment", ""))
        self.text = "\n".join(self.parts)

    def sentence(self, text, *evidence):
        start = self.length + (1 if self.parts else 0)
        self.parts.append(text)
        self.length = start + len(text)
        span = (start, self.length)
        self.evidence += [(kind, detail, span) for kind, detail in evidence]
        return span


# Writing -------------------------------------------------------------------------------------


def write(rows: Rows) -> None:
    """The chunk's rows, table by table in the order their foreign keys need: COPY on PostgreSQL."""
    order = [Official, Tenure, Source, Meeting, MeetingSearch, Meeting.countries.through, Meeting.sources.through,
             Participant, Statement, Statement.speaker_countries.through, Statement.speakers.through,
             Statement.sources.through, Commitment, Commitment.parties.through, Commitment.sources.through, Evidence]
    tables = sorted(rows.tables.items(), key=lambda item: order.index(item[0][0]))
    with connection.cursor() as cursor:
        for (model, fields), values in tables:
            columns = [model._meta.get_field(name).column for name in fields]
            table = connection.ops.quote_name(model._meta.db_table)
            names = ", ".join(connection.ops.quote_name(column) for column in columns)
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row(row)
            else:
                adapters = [sqlite_adapter(model._meta.get_field(name)) for name in fields]
                cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})",
                                   [[adapt(value) for adapt, value in zip(adapters, row)] for row in values])


def sqlite_adapter(model_field):
    if isinstance(model_field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    if isinstance(model_field, models.DateField):
        return connection.ops.adapt_datefield_value
    return lambda value: value


def reset_sequences() -> None:
    """PostgreSQL's id sequences continue after the ids given here (SQLite's autoincrement follows by itself)."""
    statements = connection.ops.sequence_reset_sql(no_style(), [Official, Source, Meeting, Participant, Statement,
                                                                Commitment])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def synthesize(count: int, seed: int = 0, progress=None) -> list[int]:
    """Add ``count`` generated meetings (call inside a transaction); returns their ids. ``progress(n)`` is told
    as each chunk of n meetings is written."""
    generator = Generator(seed)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # foreign keys checked as each table is copied: deferred to the commit, a million meetings' checks
            # would queue tens of millions of trigger events in memory
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    meeting_ids = []
    while len(meeting_ids) < count:
        rows = Rows()
        chunk = [generator.meeting(rows) for _ in range(min(CHUNK, count - len(meeting_ids)))]
        write(rows)
        if connection.vendor == "postgresql":  # SQLite's full-text table is filled by its triggers
            MeetingSearch.objects.filter(pk__gte=chunk[0], pk__lte=chunk[-1]).update(
                document=search.weighted_vector())
        meeting_ids += chunk
        if progress:
            progress(len(chunk))
    reset_sequences()
    count_meetings(generator.officials_used)
    aggregates.refresh_aggregates()    # bulk writes send no signals: the facet tallies are recounted once
    return meeting_ids
