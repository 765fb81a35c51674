"""The data model: who met whom, when and where, what they said and promised, and from which source.

Reference data (countries, groups, offices, officials) is what the ingest resolves
names against. Extracted records (meetings, participants, statements,
commitments) keep their source and character span, and remember which of their
fields staff curated, so a later ingest never overwrites a human correction.
"""
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify

from .history import TrackedHistory


class DatePrecision(models.TextChoices):
    DAY = "day", "day"
    MONTH = "month", "month"
    YEAR = "year", "year"


class ReviewStatus(models.TextChoices):
    NEEDS_REVIEW = "needs_review", "needs review"
    VERIFIED = "verified", "verified"


def precision_matches(field, allow_null=True):
    """A date stored with month precision is the 1st of its month, with year precision January 1st."""
    day, month, year = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
    rule = (
        Q(**{f"{field}__isnull": False, f"{field}_precision": day})
        | Q(**{f"{field}__isnull": False, f"{field}_precision": month, f"{field}__day": 1})
        | Q(**{f"{field}__isnull": False, f"{field}_precision": year, f"{field}__day": 1, f"{field}__month": 1})
    )
    if allow_null:
        rule |= Q(**{f"{field}__isnull": True, f"{field}_precision": ""})
    return rule


class NaturalKeyManager(models.Manager):
    """Finds a row by its natural key, so fixtures can name rows instead of numbering them."""

    def __init__(self, *key_fields):
        super().__init__()
        self.key_fields = key_fields

    def get_by_natural_key(self, *values):
        return self.get(**dict(zip(self.key_fields, values)))


# Reference data ------------------------------------------------------------------------------


class Country(models.Model):
    code = models.CharField("ISO 3166-1 alpha-2", max_length=2, primary_key=True)
    name = models.CharField(max_length=100, db_index=True)
    aliases = models.JSONField(default=list, blank=True, help_text="Official names and abbreviations: ROK, U.S.")
    demonyms = models.JSONField(default=list, blank=True, help_text="South Korean, American")
    places = models.JSONField(default=list, blank=True, help_text="Capital and cities where meetings are held")

    objects = NaturalKeyManager("code")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [models.CheckConstraint(condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_alpha2")]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)

    def get_absolute_url(self):
        return reverse("meetings:country_detail", args=[self.code])


class CountryGroup(models.Model):
    """ASEAN, NATO, the Quad...: "his ten ASEAN counterparts" expands to the members on that day."""

    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    aliases = models.JSONField(default=list, blank=True)
    members = models.ManyToManyField(Country, through="GroupMembership", related_name="groups")

    objects = NaturalKeyManager("code")

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return self.code

    def natural_key(self):
        return (self.code,)

    def members_on(self, day):
        return Country.objects.filter(memberships__in=GroupMembership.objects.filter(group=self).on_date(day))


class InForceQuerySet(models.QuerySet):
    """Rows with a start and an end date (either open): memberships, tenures."""

    def on_date(self, day):
        """The rows in force on ``day``: "who held this office on this date"."""
        return self.filter(Q(start__isnull=True) | Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day))


def ends_after_start(name):
    return models.CheckConstraint(condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=models.F("start")),
                                  name=name)


class GroupMembership(models.Model):
    group = models.ForeignKey(CountryGroup, on_delete=models.CASCADE, related_name="memberships")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="memberships")
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)

    objects = InForceQuerySet.as_manager()

    class Meta:
        ordering = ["group", "country"]
        constraints = [
            models.UniqueConstraint(fields=["group", "country", "start"], name="membership_unique_start"),
            ends_after_start("membership_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.country_id} in {self.group}"


class Office(models.Model):
    """A country's defense office: "Secretary of Defense" (US), "Minister of National Defense" (KR)."""

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="offices")
    title = models.CharField(max_length=200)
    aliases = models.JSONField(default=list, blank=True, help_text="Defense Secretary, Pentagon chief")

    objects = NaturalKeyManager("country_id", "title")
    history = TrackedHistory()

    class Meta:
        ordering = ["country", "title"]
        constraints = [models.UniqueConstraint(fields=["country", "title"], name="office_unique_title")]

    def __str__(self):
        return f"{self.title} ({self.country_id})"

    def natural_key(self):
        return (self.country_id, self.title)

    natural_key.dependencies = ["meetings.country"]

    def holders_on(self, day):
        return Official.objects.filter(tenures__in=self.tenures.on_date(day)).distinct()


class Official(models.Model):
    """One person across meetings; a raw name in a source resolves to one of these."""

    name = models.CharField(max_length=200, db_index=True)
    slug = models.SlugField(max_length=200, unique=True, blank=True, help_text="Made from the name when empty")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="officials")
    family_name = models.CharField(max_length=100, db_index=True)
    aliases = models.JSONField(default=list, blank=True, help_text="Other spellings and name orders")
    review_status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.VERIFIED,
                                     db_index=True)
    meeting_count = models.PositiveIntegerField(default=0, editable=False,
                                                help_text="How many meetings they took part in, kept current on every "
                                                          "write of a participant (count_meetings)")

    objects = NaturalKeyManager("slug")
    history = TrackedHistory(excluded_fields=["meeting_count"])

    class Meta:
        ordering = ["name"]
        # /officials/ lists most meetings first: a page reads this index in order instead of counting every
        # official's participations and sorting them all.
        indexes = [models.Index(fields=["-meeting_count", "name", "id"], name="official_most_meetings")]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return reverse("meetings:official_detail", args=[self.slug])

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Official, self.name)
        super().save(*args, **kwargs)


class Tenure(models.Model):
    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="tenures")
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="tenures")
    start = models.DateField(null=True, blank=True, db_index=True)
    end = models.DateField(null=True, blank=True, db_index=True, help_text="Empty while in office")
    acting = models.BooleanField(default=False)

    objects = InForceQuerySet.as_manager()
    history = TrackedHistory()

    class Meta:
        ordering = ["start"]
        constraints = [
            ends_after_start("tenure_ends_after_start"),
            models.UniqueConstraint(fields=["official", "office", "start"], name="tenure_unique_start"),
        ]

    def __str__(self):
        return f"{self.official} — {self.office.title} ({self.start or '?'}–{self.end or ''})"


def unique_slug(model, text, max_length=190):
    base = slugify(text)[:max_length] or "item"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


# Sources -------------------------------------------------------------------------------------


class SourceStatus(models.TextChoices):
    OK = "ok", "ok"
    NO_MEETINGS = "no_meetings", "no meetings"
    FAILED = "failed", "failed"


class Source(models.Model):
    """One ingested article, kept whole: the raw content and the cleaned text the spans point into."""

    url = models.URLField(max_length=2000, blank=True)
    file_name = models.CharField(max_length=500, blank=True)
    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=200, blank=True, db_index=True)
    published = models.DateField(null=True, blank=True, db_index=True)
    content_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the raw content")
    content_type = models.CharField(max_length=50, blank=True)
    raw_content = models.TextField(blank=True)
    cleaned_text = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=SourceStatus.choices, db_index=True)
    failure_reason = models.TextField(blank=True)
    extractor_version = models.CharField(max_length=20, blank=True)
    ingested_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = NaturalKeyManager("content_hash")

    class Meta:
        ordering = ["-ingested_at"]
        # /sources/ filters on status, publisher, published and ingested_at (each indexed above) and sorts by
        # ingested_at or published, each with the id to break ties, so a page needs no sort.
        # Migration 0006 adds, on PostgreSQL only, newest published first with undated sources last, and trigram
        # indexes for its ?q= (icontains) over the title, address, file name and publisher.
        indexes = [models.Index(fields=["-ingested_at", "-id"], name="source_stored_order"),
                   models.Index(fields=["status", "-ingested_at", "-id"], name="source_status_stored"),
                   models.Index(fields=["published", "id"], name="source_published_order")]

    def __str__(self):
        return self.title or self.url or self.file_name or self.content_hash[:12]

    def natural_key(self):
        return (self.content_hash,)

    def get_absolute_url(self):
        return reverse("meetings:source_detail", args=[self.pk])

    @property
    def location(self):
        return self.url or self.file_name


# Extracted records ---------------------------------------------------------------------------


class Curated(models.Model):
    """Remembers which fields staff set by hand; the ingest leaves those fields (and the record) alone."""

    curated_fields = models.JSONField(default=list, blank=True, editable=False)
    curated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, editable=False,
                                   on_delete=models.SET_NULL, related_name="+")
    curated_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_curated(self):
        return bool(self.curated_fields)

    def mark_curated(self, user, fields):
        self.curated_fields = sorted(set(self.curated_fields) | set(fields))
        self.curated_by = user if user and user.is_authenticated else None
        self.curated_at = timezone.now()

    def apply_extracted(self, **values):
        """Set the extracted values of the fields staff have not curated; say whether anything changed.

        A foreign key is named by its column ("host_country_id") or its field ("host_country"): staff curate the field.
        """
        changed = False
        for name, value in values.items():
            if name.removesuffix("_id") not in self.curated_fields and getattr(self, name) != value:
                setattr(self, name, value)
                changed = True
        return changed


class Extracted(Curated):
    """A fact drawn from a source: the source and the character span of the sentence it came from."""

    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="extracted_%(class)ss")
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    review_status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.NEEDS_REVIEW,
                                     db_index=True, help_text="Set by the admin's actions; verifying a fact also "
                                                              "curates all its fields")

    class Meta:
        abstract = True

    @property
    def source_sentence(self):
        if self.source_id is None or self.span_start is None or self.span_end is None:
            return ""
        return self.source.cleaned_text[self.span_start:self.span_end]


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", "in person"
    PHONE = "phone", "phone call"
    VIDEO = "video", "video call"


class MeetingQuerySet(models.QuerySet):
    def with_all_countries(self, codes):
        qs = self
        for code in codes:
            qs = qs.filter(countries=code)
        return qs

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Meeting(Curated):
    slug = models.SlugField(max_length=200, unique=True, blank=True, help_text="Made from the date and name when empty")
    date = models.DateField(null=True, blank=True, db_index=True)
    date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    format = models.CharField(max_length=10, choices=MeetingFormat.choices, default=MeetingFormat.IN_PERSON,
                              db_index=True)
    name = models.CharField(max_length=300, blank=True)
    place = models.CharField(max_length=300, blank=True)
    host_country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="hosted_meetings")
    countries = models.ManyToManyField(Country, related_name="meetings")
    review_status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.NEEDS_REVIEW,
                                     db_index=True)
    sources = models.ManyToManyField(Source, related_name="meetings", blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    country_key = models.CharField(max_length=1000, blank=True, default="", editable=False,
                                   help_text="Its countries' codes, sorted, joined by commas (\"KR,US\"): the "
                                             "meetings of exactly the same countries are found by one index. Kept "
                                             "current with the countries (meetings/aggregates.py)")

    objects = MeetingQuerySet.as_manager()
    history = TrackedHistory(m2m_fields=[countries], excluded_fields=["country_key"])

    class Meta:
        ordering = ["-date", "-id"]
        # Newest-first with undated meetings last has a PostgreSQL-only index: migration 0004. A meeting's page finds
        # the previous and next meeting of the same countries by meeting_same_countries.
        indexes = [models.Index(fields=["-date", "-id"], name="meeting_date_order"),
                   models.Index(fields=["country_key", "date", "id"], name="meeting_same_countries")]
        constraints = [models.CheckConstraint(condition=precision_matches("date"), name="meeting_date_precision")]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.slug,)

    @classmethod
    def from_db(cls, db, field_names, values):
        """A meeting read with its date and mode remembers them: saving it unchanged leaves the tallies alone."""
        meeting = super().from_db(db, field_names, values)
        if "date" in meeting.__dict__ and "format" in meeting.__dict__:
            meeting._tallied_as = (meeting.date.year if meeting.date else MeetingTally.UNDATED, meeting.format)
        return meeting

    @property
    def title(self):
        if self.name:
            return self.name
        names = " – ".join(c.name for c in self.countries.all()) if self.pk else ""
        kind = "meeting" if self.format == MeetingFormat.IN_PERSON else self.get_format_display()
        return f"{names} {kind}".strip()

    @property
    def date_display(self):
        if self.date is None:
            return "date unknown"
        return {DatePrecision.YEAR: self.date.strftime("%Y"),
                DatePrecision.MONTH: self.date.strftime("%B %Y")}.get(self.date_precision,
                                                                       self.date.strftime("%-d %B %Y"))

    def get_absolute_url(self):
        return reverse("meetings:meeting_detail", args=[self.slug])

    @cached_property
    def fact_reports(self):
        """Every source of each of its statements and commitments, by ("statement" or "commitment", id): two
        queries for the whole page, without the sources' texts."""
        reports = {}
        for model in (Statement, Commitment):
            name = model._meta.model_name
            links = (model.sources.through.objects.filter(**{f"{name}__meeting": self})
                     .select_related("source").only(f"{name}_id", "source__id", "source__title", "source__url",
                                                    "source__file_name").order_by("source_id"))
            for link in links:
                reports.setdefault((name, getattr(link, f"{name}_id")), []).append(link.source)
        return reports

    @cached_property
    def report_versions(self):
        """What each source says of the day, the place and who took part (from its evidence), and where they
        disagree: the meeting page shows them side by side instead of keeping one silently."""
        from .support import SourceSupport

        sources = sorted(self.sources.all(), key=lambda source: source.pk)  # prefetched by the meeting page
        if len(sources) < 2:
            return ReportVersions([], set())
        participants = list(self.participants.all())
        evidence = {}
        for item in Evidence.objects.filter(meeting=self).order_by("span_start", "id"):
            evidence.setdefault(item.source_id, []).append(item)
        rows = []
        for source in sources:
            items = evidence.get(source.pk, [])
            support = SourceSupport(items, "", participants)  # names only: no article text is read
            days = list(dict.fromkeys(item.detail for item in items if item.kind == EvidenceKind.DATED and item.detail))
            places = list(dict.fromkeys(item.detail for item in items if item.kind == EvidenceKind.PLACED and item.detail))
            named = [p for p in participants if p.source_id == source.pk or support.participant(p) is not None]
            rows.append(SourceVersion(source, [_day_label(day) for day in days], places,
                                      [p.official.name if p.official else p.name for p in named]))
        differs = set()
        for aspect in ("days", "places", "participants"):
            given = {tuple(sorted(value.casefold() for value in getattr(row, aspect)))
                     for row in rows if getattr(row, aspect)}
            if len(given) > 1:
                differs.add(aspect)
        # The readouts: what each report has the participants say and promise, and what only it reports (the
        # host's ministry and the visitor's often tell one meeting in different claims).
        by_source = {row.source.pk: row for row in rows}
        for (kind, _), reporting in self.fact_reports.items():
            for source in reporting:
                row = by_source.get(source.pk)
                if row is not None:
                    row.facts[kind] += 1
                    row.only_here += len(reporting) == 1
        if sum(1 for row in rows if row.claims) > 1 and any(row.only_here for row in rows):
            differs.add("readouts")
        return ReportVersions(rows, differs)

    def save(self, *args, **kwargs):
        if not self.slug:
            stem = self.date.isoformat() if self.date else "undated"
            self.slug = unique_slug(Meeting, f"{stem} {self.name or self.format}")
        if not self._state.adding and self.pk is not None and not args and kwargs.get("update_fields") is None \
                and not kwargs.get("force_insert"):
            # The country key follows the countries (written by their own change): an instance read before them
            # must not write its copy back. (Deferred fields are left out, as Django's own save does.)
            deferred = self.get_deferred_fields()
            kwargs["update_fields"] = [f.attname for f in self._meta.concrete_fields if not f.primary_key
                                       and f.name != "country_key" and f.attname not in deferred]
        super().save(*args, **kwargs)


class MeetingTally(models.Model):
    """How many meetings have a year and mode, among all meetings (``country`` and ``partner`` empty), those of one
    country (``partner`` empty), or those of two countries: the meeting list's facets and a country's partners read
    these few thousand rows instead of counting every meeting. Kept current in the writing transaction by
    meetings/aggregates.py (signals of every ORM write); ``refresh_aggregates()`` recomputes them after bulk writes."""

    UNDATED = 0  # the year of meetings without a date

    country = models.CharField(max_length=2, blank=True)
    partner = models.CharField(max_length=2, blank=True)
    year = models.PositiveSmallIntegerField()
    format = models.CharField(max_length=10, choices=MeetingFormat.choices)
    meetings = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["country", "partner", "year", "format"],
                                               name="tally_one_per_cell")]

    def __str__(self):
        return f"{self.country or 'all'}{'+' + self.partner if self.partner else ''} {self.year} {self.format}: " \
               f"{self.meetings}"


class CounterpartTally(models.Model):
    """How many meetings ``official`` and ``counterpart`` took part in together: one row per ordered pair of officials
    who met (both orders), so an official's counterparts met most are read from the index on (official, meetings)
    instead of counting every participant row of their meetings. Kept current in the writing transaction by
    meetings/aggregates.py (signals of every ORM write of a participant, and the ingest's batch write);
    ``refresh_aggregates()`` recomputes them after bulk writes."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="counterpart_tallies",
                                 db_index=False)  # the constraint's and the index's first column
    counterpart = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="+")
    meetings = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["official", "counterpart"], name="counterpart_one_per_pair")]
        indexes = [models.Index(fields=["official", "-meetings"], name="counterpart_most_met")]

    def __str__(self):
        return f"{self.official_id} with {self.counterpart_id}: {self.meetings}"


class DataVersion(models.Model):
    """One row: a token that changes, in the writing transaction, with every write that changes what a public page
    shows. The page cache (meetings/pagecache.py) keys each page by it, so a page cached before a write is never
    served after it, by any process on any host that reads this database. The token is random, not a counter, so a
    database restored from a backup or a test's rolled-back transaction never meets again a token that stood for
    other data."""

    version = models.BigIntegerField()

    def __str__(self):
        return f"data version {self.version}"


@dataclass
class SourceVersion:
    """One source's report of a meeting: the days, places and participants its sentences give."""
    source: "Source"
    days: list
    places: list
    participants: list
    facts: dict = field(default_factory=lambda: {"statement": 0, "commitment": 0})
    only_here: int = 0    # its statements and commitments no other source of the meeting reports

    @property
    def claims(self):
        return self.facts["statement"] + self.facts["commitment"]


@dataclass
class ReportVersions:
    rows: list
    differs: set  # of "days", "places", "participants", "readouts"

    @property
    def day_differs(self):
        return "days" in self.differs

    @property
    def place_differs(self):
        return "places" in self.differs

    @property
    def participants_differ(self):
        return "participants" in self.differs

    @property
    def readouts_differ(self):
        return "readouts" in self.differs

    @property
    def what_differs(self):
        """ "day, place or participants": the aspects the reports do not agree on, as the page names them."""
        names = [name for aspect, name in (("days", "day"), ("places", "place"), ("participants", "participants"),
                                           ("readouts", "statements and commitments")) if aspect in self.differs]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _day_label(value: str) -> str:
    """An evidence day ("2017-10-23", "2017-10", "2017") as the page writes it."""
    try:
        parts = [int(part) for part in value.split("-")]
        if len(parts) == 3:
            return date(*parts).strftime("%-d %B %Y")
        if len(parts) == 2:
            return date(parts[0], parts[1], 1).strftime("%B %Y")
    except ValueError:
        pass
    return value


class MeetingSearch(models.Model):
    """A meeting's search document (meetings/search.py builds it): four weighted parts of text.

    On PostgreSQL ``document`` holds their weighted tsvector (GIN-indexed); on SQLite an
    FTS5 table mirrors the four parts (migration 0007). Rebuilt by meetings.search.refresh.
    """

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, primary_key=True, related_name="search")
    people = models.TextField(blank=True, help_text="A: participants' and officials' names, aliases, family names")
    places = models.TextField(blank=True, help_text="B: countries (names, codes, aliases, demonyms) and the place")
    texts = models.TextField(blank=True, help_text="C: statements and commitments")
    titles = models.TextField(blank=True, help_text="D: the meeting's name, its sources' titles and publishers")
    document = SearchVectorField(null=True, editable=False, help_text="PostgreSQL only: the weighted tsvector")

    class Meta:
        verbose_name = "meeting search document"

    def __str__(self):
        return f"search document of meeting {self.meeting_id}"


class EvidenceKind(models.TextChoices):
    """What one sentence of a source established about a meeting (ingest/evidence.py)."""
    REPORTED = "reported", "reported"
    HEADLINE = "headline", "headline"
    DATED = "dated by", "dated by"
    PLACED = "placed", "placed"
    PARTICIPANT = "participant", "participant"
    STATEMENT = "statement", "statement"
    COMMITMENT = "commitment", "commitment"


class Evidence(models.Model):
    """One sentence a meeting was built from, in one of its sources: part of the meeting's link to that source.

    The ingest brings a source's evidence up to date each time it extracts the source (rows it finds again stay),
    and a meeting's evidence from a source goes when the meeting loses that source.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="evidence")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=20, choices=EvidenceKind.choices)
    detail = models.CharField(max_length=300, blank=True, help_text="What it established: a day, a place, a name")
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["meeting", "source", "span_start", "id"]
        indexes = [models.Index(fields=["source", "meeting"], name="evidence_source_meeting")]

    def __str__(self):
        return f"{self.kind}: {self.detail}" if self.detail else self.kind


@receiver(m2m_changed, sender=Meeting.sources.through)
def drop_evidence_of_unlinked_sources(sender, instance, action, reverse, pk_set, **kwargs):
    """A meeting no longer linked to a source (staff removed it, or a re-extraction dropped it) keeps no evidence
    from it."""
    if action not in ("post_remove", "pre_clear"):
        return
    owner = {"source": instance} if reverse else {"meeting": instance}
    if action == "post_remove":
        owner["meeting__in" if reverse else "source__in"] = pk_set
    Evidence.objects.filter(**owner).delete()


class Participant(Extracted):
    """One official's part in one meeting: the name as written, and the Official once resolved."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    official = models.ForeignKey(Official, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="participations")
    name = models.CharField("name as written", max_length=200)
    role = models.CharField("role as written", max_length=200, blank=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="participants")

    history = TrackedHistory()

    class Meta:
        ordering = ["meeting", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "official"], condition=Q(official__isnull=False),
                                    name="participant_one_per_official"),
            models.UniqueConstraint(fields=["meeting", "name", "country"], name="participant_one_per_name"),
        ]

    def __str__(self):
        return f"{self.name} ({self.country_id})"

    @classmethod
    def from_db(cls, db, field_names, values):
        participant = super().from_db(db, field_names, values)
        participant._stored_official_id = participant.__dict__.get("official_id")
        if "meeting_id" in participant.__dict__ and "official_id" in participant.__dict__:
            participant._stored_meeting_id = participant.__dict__["meeting_id"]  # the counterpart tallies' "before"
        return participant


def rows_naming(model, field: str):
    """How many rows of ``model`` point at the outer row through ``field`` (0 when none): a subquery on that
    indexed column, not a join, so it can be filtered, ordered by and written by an update."""
    rows = model.objects.filter(**{field: models.OuterRef("pk")}).order_by().values(field).annotate(
        n=models.Count("pk"))
    return Coalesce(models.Subquery(rows.values("n"), output_field=models.IntegerField()), 0)


def count_meetings(official_ids) -> None:
    """Set each official's meeting_count from their participant rows (one per meeting, by constraint)."""
    official_ids = {pk for pk in official_ids if pk is not None}
    if not official_ids:
        return
    Official.objects.filter(pk__in=official_ids).update(meeting_count=rows_naming(Participant, "official"))


@receiver(models.signals.post_save, sender=Participant)
def count_meetings_of_saved_participant(sender, instance, created, raw, **kwargs):
    """A participant added, or moved from one official to another, changes the counts of both."""
    before = getattr(instance, "_stored_official_id", None)
    if created or raw or before != instance.official_id:
        count_meetings({before, instance.official_id})
    instance._stored_official_id = instance.official_id


@receiver(models.signals.post_delete, sender=Participant)
def count_meetings_of_deleted_participant(sender, instance, **kwargs):
    count_meetings({instance.official_id})


@receiver(models.signals.post_save, sender=Official)
def recount_saved_official(sender, instance, created, raw, **kwargs):
    """A save writes the count the instance held, which may be stale (loaded before its participants moved) or a
    fixture's: count again. A new official created by hand has no participations yet."""
    if raw or not created:
        count_meetings({instance.pk})


class Reported(Extracted):
    """A statement or commitment: one fact however many reports of its meeting give it. ``source`` is the first
    report (its sentence is the one shown); ``sources`` is every report that gives it, that one included."""

    sources = models.ManyToManyField(Source, related_name="reported_%(class)ss", blank=True,
                                     help_text="Every source that reports it, in any wording")

    class Meta:
        abstract = True

    @property
    def other_sources(self):
        """The reports besides the first, in the order they were stored (read for all the meeting's facts at once)."""
        return [s for s in self.meeting.fact_reports.get((self._meta.model_name, self.pk), ())
                if s.pk != self.source_id]


class Statement(Reported):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="statements")
    speaker_countries = models.ManyToManyField(Country, related_name="statements")
    speakers = models.ManyToManyField(Participant, related_name="statements", blank=True)
    text = models.TextField()
    direct = models.BooleanField("direct quote", default=False, db_index=True)

    history = TrackedHistory(m2m_fields=[speaker_countries, speakers, "sources"])

    class Meta:
        ordering = ["meeting", "span_start", "id"]
        constraints = [models.CheckConstraint(condition=~Q(text=""), name="statement_has_text")]

    def __str__(self):
        return self.text[:80]


class CommitmentStatus(models.TextChoices):
    OPEN = "open", "open"
    FULFILLED = "fulfilled", "fulfilled"
    LAPSED = "lapsed", "lapsed"
    UNKNOWN = "unknown", "unknown"


class Commitment(Reported):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="commitments")
    parties = models.ManyToManyField(Country, related_name="commitments")
    text = models.TextField()
    due = models.DateField(null=True, blank=True, db_index=True)
    due_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    status = models.CharField(max_length=10, choices=CommitmentStatus.choices, default=CommitmentStatus.OPEN,
                              db_index=True)
    status_checked = models.BooleanField(default=False, editable=False,
                                         help_text="Whether staff set the status (\"status\" is in its curated "
                                                   "fields): the ingest only reads a promise, never whether it was kept")

    history = TrackedHistory(m2m_fields=[parties, "sources"], excluded_fields=["status_checked"])

    class Meta:
        ordering = ["meeting", "span_start", "id"]
        # /commitments/?status= filters on the status staff set: a column kept from the curated fields on every
        # save (a JSON match could use no index on either database). The status comes first: SQLite compares a bare
        # boolean column (Django's WHERE "status_checked") without an index, but reads it from this one.
        indexes = [models.Index(fields=["status", "status_checked"], name="commitment_checked_status")]
        constraints = [
            models.CheckConstraint(condition=precision_matches("due"), name="commitment_due_precision"),
            models.CheckConstraint(condition=~Q(text=""), name="commitment_has_text"),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def due_display(self):
        if self.due is None:
            return ""
        return {DatePrecision.YEAR: self.due.strftime("%Y"),
                DatePrecision.MONTH: self.due.strftime("%B %Y")}.get(self.due_precision, self.due.isoformat())

    @property
    def past_due(self):
        return self.due is not None and self.due < date.today()

    @property
    def is_overdue(self):
        """Past its due day and, as staff recorded, still open."""
        return self.status_checked and self.status == CommitmentStatus.OPEN and self.past_due


@receiver(models.signals.pre_save, sender=Commitment)
def keep_status_checked(sender, instance, **kwargs):
    """status_checked follows the curated fields on every save, a fixture's (raw) included."""
    instance.status_checked = "status" in instance.curated_fields
