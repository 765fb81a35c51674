"""Meeting tallies (MeetingTally): the counts behind the meeting list's facets, a country's partners and the home
page, kept current as meetings are written so that no page counts every meeting.

A meeting with year ``y``, mode ``f`` and countries C counts once in each of these cells:
("", "", y, f) for all meetings, (c, "", y, f) for each c in C, (c, d, y, f) for each pair of two countries of C
(both orders). So the meetings of one or two countries, in any year and mode, are counted exactly by summing a few
cells; more than two countries, or any other filter, are counted from the meetings themselves.

Every ORM write that changes a meeting's year, mode or countries (save, delete, countries.add/remove/set/clear,
fixtures) updates the cells in the same transaction through the signals below; the ingest's writer
and the admin go through them. Writes that send no signals (bulk_create, QuerySet.update, raw SQL) must call
``refresh_aggregates()`` (or ``manage.py rebuild_aggregates``) afterwards, which recomputes every cell.

Counterpart tallies (CounterpartTally) count, for each ordered pair of officials, the meetings both took part in: an
official's counterparts met most are then read from an index instead of every participant row of their meetings.
The participant signals below keep them current on every ORM write (save, move to another official or meeting,
delete, the cascades of a meeting's or official's deletion, fixtures); the ingest's batch write, which bulk-writes
participants, applies the difference of its meetings' officials before and after (``officials_of`` and
``apply_counterparts``); ``refresh_aggregates()`` recomputes them with the meeting tallies.
"""
from collections import Counter

from django.db import connections, transaction
from django.db.models import Case, CharField, Count, F, Sum, Value, When
from django.db.models.functions import Coalesce, ExtractYear
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from .models import CounterpartTally, Meeting, MeetingTally, Participant

MeetingCountry = Meeting.countries.through
ALL = ""  # the country (or partner) of the cells that count every meeting (every meeting of one country)
# pg_advisory_xact_lock's key for "a transaction is changing the tallies": writers change cells one at a time, so two
# of them never wait on each other's cells in opposite orders (a deadlock).
TALLY_LOCK = 0x54414C4C59  # "TALLY"


def lock_tallies(using="default"):
    """Take the tallies' lock until the transaction ends (PostgreSQL; SQLite has one writer anyway). Every write of a
    meeting takes it before the meeting's row is written, and the ingest at the start of each source's transaction,
    before it locks a meeting to merge into: so no two writers each hold one of the lock and a meeting's row while
    waiting for the other."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [TALLY_LOCK])


def year_of(day):
    return day.year if day is not None else MeetingTally.UNDATED


def cells(year, mode, countries):
    """The tally cells one meeting counts in."""
    yield ALL, ALL, year, mode
    for country in countries:
        yield country, ALL, year, mode
        for partner in countries:
            if partner != country:
                yield country, partner, year, mode


def snapshot(meeting_ids, using):
    """What the tallies count of these meetings now: {id: (year, mode, countries)}; deleted ones are absent."""
    meeting_ids = [pk for pk in meeting_ids if pk is not None]
    if not meeting_ids:
        return {}
    countries = {}
    for meeting_id, code in MeetingCountry.objects.using(using).filter(meeting_id__in=meeting_ids).values_list(
            "meeting_id", "country_id"):
        countries.setdefault(meeting_id, set()).add(code)
    return {pk: (year_of(day), mode, frozenset(countries.get(pk, ())))
            for pk, day, mode in Meeting.objects.using(using).filter(pk__in=meeting_ids).values_list(
                "pk", "date", "format")}


def apply(before, after, using):
    """Move the tallies from the ``before`` snapshot of some meetings to their ``after`` one."""
    change = Counter()
    for state, sign in ((before, -1), (after, 1)):
        for year, mode, countries in state.values():
            for cell in cells(year, mode, sorted(countries)):
                change[cell] += sign
    change = {cell: n for cell, n in sorted(change.items()) if n}
    if not change:
        return
    connection = connections[using]
    table = MeetingTally._meta.db_table
    lock_tallies(using)
    with connection.cursor() as cursor:
        added = [(cell, n) for cell, n in change.items() if n > 0]
        if added:
            cursor.execute(
                f"INSERT INTO {table} (country, partner, year, format, meetings) VALUES "
                + ", ".join(["(%s, %s, %s, %s, %s)"] * len(added))
                + f" ON CONFLICT (country, partner, year, format) DO UPDATE SET meetings = {table}.meetings "
                  "+ excluded.meetings",
                [value for cell, n in added for value in (*cell, n)])
        taken = {}
        for cell, n in change.items():
            if n < 0:
                taken.setdefault(-n, []).append(cell)
        for n, taken_cells in taken.items():
            where = " OR ".join(["(country = %s AND partner = %s AND year = %s AND format = %s)"] * len(taken_cells))
            params = [value for cell in taken_cells for value in cell]
            cursor.execute(f"UPDATE {table} SET meetings = CASE WHEN meetings > %s THEN meetings - %s ELSE 0 END "
                           f"WHERE {where}", [n, n, *params])
            cursor.execute(f"DELETE FROM {table} WHERE meetings = 0 AND ({where})", params)


def refresh_aggregates(using="default", apps=None) -> int:
    """Recompute every tally cell from the meetings, and the counterpart tallies from the participants (after writes
    that send no signals: bulk_create, QuerySet.update, raw SQL). Returns how many meeting cells there are.
    ``apps``: a migration's models."""
    Meeting_, MeetingTally_ = (Meeting, MeetingTally) if apps is None else (
        apps.get_model("meetings", "Meeting"), apps.get_model("meetings", "MeetingTally"))
    year = Coalesce(ExtractYear("meeting__date"), MeetingTally.UNDATED)
    through = Meeting_.countries.through.objects.using(using).order_by()
    everything = (Meeting_.objects.using(using).order_by()
                  .values(y=Coalesce(ExtractYear("date"), MeetingTally.UNDATED), mode=F("format"))
                  .annotate(n=Count("pk")))
    by_country = through.values("country_id", y=year, mode=F("meeting__format")).annotate(n=Count("pk"))
    by_pair = (through.annotate(partner=F("meeting__countries")).filter(partner__isnull=False)
               .exclude(partner=F("country_id"))  # one join: the annotation's, not a subquery a multi-valued
               .values("country_id", "partner", y=year, mode=F("meeting__format"))  # exclude would make
               .annotate(n=Count("pk")))
    rows = [MeetingTally_(country=ALL, partner=ALL, year=row["y"], format=row["mode"], meetings=row["n"])
            for row in everything]
    rows += [MeetingTally_(country=row["country_id"], partner=ALL, year=row["y"], format=row["mode"],
                           meetings=row["n"]) for row in by_country]
    rows += [MeetingTally_(country=row["country_id"], partner=row["partner"], year=row["y"], format=row["mode"],
                           meetings=row["n"]) for row in by_pair]
    with transaction.atomic(using=using):
        lock_tallies(using)
        MeetingTally_.objects.using(using).all().delete()
        MeetingTally_.objects.using(using).bulk_create(rows, batch_size=1000)
        if apps is None:  # a migration's models (0012's) may predate the counterpart tallies and country keys
            refresh_counterparts(using)
            refresh_country_keys(using)
            # after bulk writes (no signals): what the pages show changed without the version knowing
            from .pagecache import bump_version
            bump_version(using)
    return len(rows)


# Reading ------------------------------------------------------------------------------------


def tallies(countries=(), year=None, mode=None, using="default"):
    """The cells of the meetings of these (at most two) countries, in that year and mode when given."""
    if len(countries) > 2:
        raise ValueError("the tallies count the meetings of at most two countries")
    first, second = (list(countries) + [ALL, ALL])[:2]
    cells_ = MeetingTally.objects.using(using).filter(country=first, partner=second)
    if year is not None:
        cells_ = cells_.filter(year=year)
    if mode:
        cells_ = cells_.filter(format=mode)
    return cells_


def partner_counts(country=None, year=None, mode=None, using="default"):
    """{code: meetings} of every country, or with ``country`` of every other country that met it (its partners)."""
    rows = MeetingTally.objects.using(using).filter(country=country, partner__gt=ALL) if country else \
        MeetingTally.objects.using(using).filter(country__gt=ALL, partner=ALL)
    if year is not None:
        rows = rows.filter(year=year)
    if mode:
        rows = rows.filter(format=mode)
    key = "partner" if country else "country"
    return dict(rows.values_list(key).annotate(n=Sum("meetings")).order_by())


def meeting_total(using="default"):
    return tallies(using=using).aggregate(n=Coalesce(Sum("meetings"), 0))["n"]


# Keeping the tallies current -----------------------------------------------------------------


@receiver(pre_save, sender=Meeting)
def note_tallied_meeting(sender, instance, raw, using, **kwargs):
    """Before a save that may change the meeting's year or mode (one loaded with other values, or never loaded),
    note what the tallies count of it."""
    lock_tallies(using)  # before the row's lock, whatever the save changes (see lock_tallies)
    stored = getattr(instance, "_tallied_as", None)
    instance._tally_before = None if stored == (year_of(instance.date), instance.format) else \
        snapshot([instance.pk], using)


@receiver(post_save, sender=Meeting)
def tally_saved_meeting(sender, instance, created, raw, using, **kwargs):
    before = getattr(instance, "_tally_before", None)
    if before is not None:
        apply(before, snapshot([instance.pk], using), using)
    instance._tallied_as = (year_of(instance.date), instance.format)
    instance._tally_before = None


@receiver(pre_delete, sender=Meeting)
def note_deleted_meeting(sender, instance, using, **kwargs):
    lock_tallies(using)
    instance._tally_before = snapshot([instance.pk], using)


@receiver(post_delete, sender=Meeting)
def untally_deleted_meeting(sender, instance, using, **kwargs):
    apply(getattr(instance, "_tally_before", None) or {}, {}, using)


def changed_meetings(instance, action, reverse, pk_set, using):
    if not reverse:
        return [instance.pk]
    if action.endswith("clear"):
        return list(MeetingCountry.objects.using(using).filter(country=instance).values_list("meeting_id", flat=True))
    return list(pk_set or ())


@receiver(m2m_changed, sender=MeetingCountry)
def tally_meeting_countries(sender, instance, action, reverse, pk_set, using, **kwargs):
    """Countries added to or removed from meetings, from either side (meeting.countries, or country.meetings, which
    the meetings' history tracking refuses for now)."""
    if action in ("pre_add", "pre_remove") and not pk_set:
        instance._tally_countries_before = None
        return
    if action.startswith("pre_"):
        instance._tally_countries_before = snapshot(changed_meetings(instance, action, reverse, pk_set, using), using)
        return
    before = getattr(instance, "_tally_countries_before", None)
    if before is not None:
        after = snapshot(before.keys(), using)
        apply(before, after, using)
        keys = {pk: country_key(countries) for pk, (_, _, countries) in after.items() if countries != before[pk][2]}
        set_country_keys(keys, using)
        if not reverse and instance.pk in keys:
            instance.country_key = keys[instance.pk]
    instance._tally_countries_before = None


# Country keys -------------------------------------------------------------------------------


def country_key(codes) -> str:
    """Meeting.country_key of a meeting of these countries: their codes, sorted, joined by commas."""
    return ",".join(sorted(codes))


def set_country_keys(keys, using="default"):
    """Write Meeting.country_key of these meetings ({id: key}) in one UPDATE (no signal: the key is no page's but
    the neighbours' lookup, and the countries' own change has replaced the page cache's version)."""
    if not keys:
        return
    Meeting.objects.using(using).filter(pk__in=list(keys)).update(country_key=Case(
        *[When(pk=pk, then=Value(key)) for pk, key in keys.items()], default=F("country_key"),
        output_field=CharField()))


def refresh_country_keys(using="default", apps=None) -> int:
    """Recompute every meeting's country key from its countries (after bulk writes); returns how many changed."""
    Meeting_ = Meeting if apps is None else apps.get_model("meetings", "Meeting")
    meetings, through = Meeting_._meta.db_table, Meeting_.countries.through._meta.db_table
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {meetings} m SET country_key = COALESCE(k.key, '') FROM {meetings} m2 LEFT JOIN "
                f"(SELECT meeting_id, string_agg(country_id, ',' ORDER BY country_id) AS key FROM {through} "
                "GROUP BY meeting_id) k ON k.meeting_id = m2.id "
                "WHERE m2.id = m.id AND m.country_key IS DISTINCT FROM COALESCE(k.key, '')")
            return cursor.rowcount
    codes = {}
    for meeting_id, code in Meeting_.countries.through.objects.using(using).values_list("meeting_id", "country_id"):
        codes.setdefault(meeting_id, []).append(code)
    changed = [Meeting_(pk=pk, country_key=country_key(codes.get(pk, ())))
               for pk, key in Meeting_.objects.using(using).values_list("pk", "country_key")
               if key != country_key(codes.get(pk, ()))]
    Meeting_.objects.using(using).bulk_update(changed, ["country_key"], batch_size=500)
    return len(changed)


def years(using="default"):
    """The years that have meetings, latest first."""
    return list(tallies(using=using).exclude(year=MeetingTally.UNDATED).order_by("-year")
                .values_list("year", flat=True).distinct())


# Counterpart tallies -------------------------------------------------------------------------


def refresh_counterparts(using="default", apps=None) -> int:
    """Recompute every counterpart tally from the participants, in one INSERT ... SELECT (no row passes through
    Python). Returns how many pairs there are. ``apps``: a migration's models."""
    Participant_, CounterpartTally_ = (Participant, CounterpartTally) if apps is None else (
        apps.get_model("meetings", "Participant"), apps.get_model("meetings", "CounterpartTally"))
    participants, table = Participant_._meta.db_table, CounterpartTally_._meta.db_table
    with transaction.atomic(using=using):
        lock_tallies(using)
        CounterpartTally_.objects.using(using).all().delete()
        with connections[using].cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (official_id, counterpart_id, meetings) "
                f"SELECT a.official_id, b.official_id, COUNT(*) FROM {participants} a "
                f"JOIN {participants} b ON b.meeting_id = a.meeting_id AND b.official_id <> a.official_id "
                "WHERE a.official_id IS NOT NULL GROUP BY a.official_id, b.official_id")
            return cursor.rowcount


def officials_of(meeting_ids, using="default", excluding=None):
    """{meeting id: set of official ids} of these meetings' participants (``excluding`` one participant)."""
    rows = Participant.objects.using(using).filter(meeting_id__in=[pk for pk in meeting_ids if pk is not None],
                                                   official__isnull=False)
    if excluding is not None:
        rows = rows.exclude(pk=excluding)
    found = {}
    for meeting_id, official_id in rows.values_list("meeting_id", "official_id").order_by():
        found.setdefault(meeting_id, set()).add(official_id)
    return found


def pairs_change(before, after):
    """How the counterpart cells move when meetings' officials go from ``before`` to ``after`` ({meeting: ids})."""
    change = Counter()
    for state, sign in ((before, -1), (after, 1)):
        for officials in state.values():
            for official in officials:
                for other in officials:
                    if other != official:
                        change[official, other] += sign
    return change


def apply_counterparts(change, using="default"):
    """Move the counterpart cells by ``change`` ({(official, counterpart): n}), in the writing transaction."""
    change = {cell: n for cell, n in sorted(change.items()) if n}
    if not change:
        return
    table = CounterpartTally._meta.db_table
    lock_tallies(using)
    with connections[using].cursor() as cursor:
        added = [(cell, n) for cell, n in change.items() if n > 0]
        for start in range(0, len(added), 300):
            chunk = added[start:start + 300]
            cursor.execute(
                f"INSERT INTO {table} (official_id, counterpart_id, meetings) VALUES "
                + ", ".join(["(%s, %s, %s)"] * len(chunk))
                + f" ON CONFLICT (official_id, counterpart_id) DO UPDATE SET meetings = {table}.meetings "
                  "+ excluded.meetings",
                [value for cell, n in chunk for value in (*cell, n)])
        taken = {}
        for cell, n in change.items():
            if n < 0:
                taken.setdefault(-n, []).append(cell)
        for n, cells_ in taken.items():
            for start in range(0, len(cells_), 300):
                chunk = cells_[start:start + 300]
                where = " OR ".join(["(official_id = %s AND counterpart_id = %s)"] * len(chunk))
                params = [value for cell in chunk for value in cell]
                cursor.execute(f"UPDATE {table} SET meetings = CASE WHEN meetings > %s THEN meetings - %s ELSE 0 "
                               f"END WHERE {where}", [n, n, *params])
                cursor.execute(f"DELETE FROM {table} WHERE meetings = 0 AND ({where})", params)


def _with_others(official, others, sign, change):
    for other in others:
        if other != official:
            change[official, other] += sign
            change[other, official] += sign


def _stored_place(instance, using):
    """(meeting id, official id) of the participant as stored, or None when it is not stored yet."""
    if instance.pk is None:
        return None
    if not instance._state.adding and hasattr(instance, "_stored_meeting_id"):
        return instance._stored_meeting_id, instance._stored_official_id
    return Participant.objects.using(using).filter(pk=instance.pk).values_list("meeting_id", "official_id").first()


@receiver(pre_save, sender=Participant)
def note_counted_participant(sender, instance, raw, using, **kwargs):
    lock_tallies(using)  # before the participant's row is locked (see lock_tallies)
    instance._counterparts_before = _stored_place(instance, using)


@receiver(post_save, sender=Participant)
def count_saved_participant(sender, instance, created, raw, using, **kwargs):
    """A participant added, moved to another official or meeting: the pairs it made go, those it makes come."""
    before = getattr(instance, "_counterparts_before", None)
    after = (instance.meeting_id, instance.official_id)
    instance._stored_meeting_id, instance._stored_official_id = after
    if before == after or not ((before and before[1]) or after[1]):
        return
    others = officials_of({before[0] if before else None, after[0]}, using, excluding=instance.pk)
    change = Counter()
    if before and before[1]:
        _with_others(before[1], others.get(before[0], ()), -1, change)
    if after[1]:
        _with_others(after[1], others.get(after[0], ()), 1, change)
    apply_counterparts(change, using)


@receiver(pre_delete, sender=Participant)
def note_deleted_participant(sender, instance, using, **kwargs):
    """Before any row of the deletion goes (a meeting's deletion deletes all its participants in one query): the
    participant as stored and the others of its meeting."""
    lock_tallies(using)
    stored = Participant.objects.using(using).filter(pk=instance.pk).values_list("meeting_id", "official_id").first()
    instance._counterparts_deleted = stored
    instance._counterparts_peers = (officials_of([stored[0]], using, excluding=instance.pk).get(stored[0], set())
                                    if stored and stored[1] else set())


@receiver(post_delete, sender=Participant)
def uncount_deleted_participant(sender, instance, using, **kwargs):
    """The pairs with the others still there go; a pair with another participant deleted in the same query goes
    once, with the lower official id's deletion."""
    stored = getattr(instance, "_counterparts_deleted", None)
    if not stored or not stored[1]:
        return
    meeting_id, official = stored
    remaining = officials_of([meeting_id], using).get(meeting_id, set())
    change = Counter()
    _with_others(official, remaining, -1, change)
    _with_others(official, {other for other in instance._counterparts_peers - remaining if other > official}, -1,
                 change)
    apply_counterparts(change, using)
