"""Merging two Official records that turn out to be the same person."""
from .models import Official, Participant, Tenure


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
