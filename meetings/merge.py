"""Merging two Official records that turn out to be the same person, and two Meeting records that are one meeting."""
from .history import one_entry
from .models import Commitment, Evidence, Meeting, Official, Participant, Statement, Tenure
from .text import same_text


def merge_officials(target: Official, duplicates: list[Official]) -> int:
    """Move the duplicates' participations, tenures and names onto ``target``, then delete them.

    Where both already took part in one meeting, the duplicate's participant row is
    folded into the target's (its statements follow). Returns how many
    participations moved. Run inside a transaction; the history keeps every step.
    """
    moved = 0
    aliases = set(target.aliases)
    for duplicate in duplicates:
        for participant in Participant.objects.filter(official=duplicate):
            kept = Participant.objects.filter(meeting_id=participant.meeting_id, official=target).first()
            if kept is None:
                participant.official = target
                participant._change_reason = f"merged {duplicate.slug} into {target.slug}"
                participant.save()
            else:
                for statement in participant.statements.all():
                    statement.speakers.add(kept)
                participant.delete()
            moved += 1
        for tenure in Tenure.objects.filter(official=duplicate):
            if not Tenure.objects.filter(official=target, office_id=tenure.office_id, start=tenure.start).exists():
                tenure.official = target
                tenure.save()
        aliases |= {duplicate.name, *duplicate.aliases}
        duplicate._change_reason = f"merged into {target.slug}"
        duplicate.delete()
    aliases.discard(target.name)
    target.aliases = sorted(aliases)
    target._change_reason = "merged " + ", ".join(d.slug for d in duplicates)
    target.save()
    return moved


# Two meetings that are one ----------------------------------------------------------------------------------------



def _ids(relation) -> set:
    return set(relation.values_list("pk", flat=True))


def merge_meetings(survivor: Meeting, other: Meeting, user=None) -> dict[str, int]:
    """Fold ``other`` into ``survivor``, which keeps its id, its fields (blank ones take the other's) and gains the
    other's sources, countries, participants, statements, commitments and evidence, none twice; then delete
    ``other``. Every record changed, moved or folded gets a History entry naming the merge (and ``user``).

    A participant is the same as one of the survivor's by its official, else by its name and country; a statement
    or commitment by its wording (``same_text``): the survivor's row stays and takes the other's speakers,
    speaker countries or parties. The survivor's countries and sources become curated (staff decided them), so the
    ingest does not take them apart again. Run inside a transaction. Returns how many rows of each kind moved and
    how many were folded.
    """
    if survivor.pk == other.pk:
        raise ValueError("a meeting cannot be merged into itself")
    into = f"merged into meeting {survivor.pk} ({survivor.slug})"[:100]
    counts = {"moved": 0, "folded": 0}

    def stamp(obj, reason):
        obj._change_reason = reason[:100]
        if user is not None:
            obj._history_user = user

    # Participants first: the other's statements name them as speakers.
    same_person = {}
    for participant in other.participants.all():
        kept = (participant.official_id and survivor.participants.filter(official_id=participant.official_id).first()
                or survivor.participants.filter(name=participant.name, country_id=participant.country_id).first())
        if kept is None:
            participant.meeting = survivor
            stamp(participant, f"moved: {into}")
            participant.save()
            counts["moved"] += 1
            continue
        same_person[participant.pk] = kept
        if kept.official_id is None and participant.official_id is not None:
            kept.official_id = participant.official_id
            stamp(kept, f"official from participant {participant.pk} of merged meeting {other.pk}")
            kept.save()
        for statement in participant.statements.all():
            with one_entry(statement, f"speaker {participant.pk} is participant {kept.pk}: {into}"[:100]):
                if user is not None:
                    statement._history_user = user
                statement.speakers.remove(participant)
                statement.speakers.add(kept)
        stamp(participant, f"the same as participant {kept.pk}: {into}")
        participant.delete()
        counts["folded"] += 1

    for model, relations in ((Statement, ("speaker_countries", "speakers")), (Commitment, ("parties",))):
        stored = list(model.objects.filter(meeting=survivor))
        for row in model.objects.filter(meeting=other):
            kept = next((s for s in stored if same_text(s.text, row.text)), None)
            if kept is None:
                row.meeting = survivor
                stamp(row, f"moved: {into}")
                row.save()
                counts["moved"] += 1
                continue
            gained = {name: _ids(getattr(row, name)) - _ids(getattr(kept, name)) for name in relations}
            if any(gained.values()):
                with one_entry(kept, f"took the {', '.join(n for n, ids in gained.items() if ids)} of "
                                     f"{model.__name__.lower()} {row.pk} of merged meeting {other.pk}"[:100]):
                    if user is not None:
                        kept._history_user = user
                    for name, ids in gained.items():
                        if ids:
                            getattr(kept, name).add(*ids)
            if kept.source_id is None and row.source_id is not None:
                kept.source_id, kept.span_start, kept.span_end = row.source_id, row.span_start, row.span_end
                stamp(kept, f"source of {model.__name__.lower()} {row.pk} of merged meeting {other.pk}")
                kept.save()
            stamp(row, f"the same as {model.__name__.lower()} {kept.pk}: {into}")
            row.delete()
            counts["folded"] += 1

    stored = set(Evidence.objects.filter(meeting=survivor).values_list("source_id", "kind", "detail", "span_start",
                                                                       "span_end"))
    for item in Evidence.objects.filter(meeting=other):
        key = (item.source_id, item.kind, item.detail, item.span_start, item.span_end)
        if key in stored:
            item.delete()
        else:
            stored.add(key)
            item.meeting = survivor
            item.save(update_fields=["meeting"])

    with one_entry(survivor, f"merged meeting {other.pk} ({other.slug}) into this one"[:100]):
        if user is not None:
            survivor._history_user = user
        for name in ("date", "name", "place", "host_country_id"):
            if not getattr(survivor, name) and getattr(other, name):
                setattr(survivor, name, getattr(other, name))
                if name == "date":
                    survivor.date_precision = other.date_precision
        survivor.sources.add(*other.sources.all())
        survivor.countries.add(*other.countries.all())
        survivor.mark_curated(user, ["countries", "sources"])
        survivor.save()

    # Unlinking its sources first would drop the evidence that just moved (drop_evidence_of_unlinked_sources).
    stamp(other, into)
    other.delete()
    return counts
