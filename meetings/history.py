"""History that reads true: one entry per change, with its reason, and none when nothing changed.

``TrackedHistory`` is django-simple-history's ``HistoricalRecords`` with three differences:

- adding or removing nothing from a tracked many-to-many field (``add()`` of rows already there) records nothing;
- a row ``loaddata`` writes (a raw save) is recorded once, as created (or changed) "loaded from a fixture", with
  its many-to-many values, instead of no creation and one unexplained "Changed" per relation; loading it again
  unchanged records nothing;
- ``one_entry(obj, reason)`` records what a block of saves and many-to-many changes did to ``obj`` as one entry.
"""
from contextlib import contextmanager

from simple_history.models import HistoricalRecords

FIXTURE_REASON = "loaded from a fixture"


class TrackedHistory(HistoricalRecords):
    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if sender is self.cls:
            sender._tracked_history = self

    def post_save(self, instance, created, using=None, **kwargs):
        if kwargs.get("raw", False) and not hasattr(instance, "skip_history_when_saving"):
            instance._change_reason = FIXTURE_REASON
            if created or self._differs_from_latest(instance):
                instance._loaded_from_fixture = True
                self.create_historical_record(instance, "+" if created else "~", using=using)
            return
        super().post_save(instance, created, using=using, **kwargs)

    def _differs_from_latest(self, instance) -> bool:
        """Whether a row loaded again differs from its latest History entry (loading a fixture twice adds none)."""
        latest = getattr(instance, self.manager_name).order_by("-history_id").first()
        return latest is None or any(getattr(latest, field.attname) != getattr(instance, field.attname)
                                     for field in self.fields_included(instance))

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        if action in ("post_add", "post_remove") and not pk_set:
            return
        if getattr(instance, "_loaded_from_fixture", False):
            if action in ("post_add", "post_remove", "post_clear"):
                self._retake_m2ms(instance)
            return
        super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)

    def _retake_m2ms(self, instance):
        """The fixture's entry for ``instance`` takes its many-to-many values as loaddata sets them."""
        entry = getattr(instance, self.manager_name).order_by("-history_id").first()
        if entry is None:
            return
        for field in entry._history_m2m_fields:
            self.m2m_models[field].objects.filter(history=entry).delete()
        self.create_historical_record_m2ms(entry, instance)


def record(obj, history_type: str, reason: str) -> None:
    """Add one history entry for ``obj`` as it stands ("+" created, "~" changed), with ``reason``."""
    obj._change_reason = reason
    type(obj)._tracked_history.create_historical_record(obj, history_type)


@contextmanager
def one_entry(obj, reason: str, history_type: str = "~"):
    """What the block saves of ``obj`` and changes in its many-to-many fields is one history entry, taken at its end.

    Only for a block that changes something: deciding that is the caller's part.
    """
    obj.skip_history_when_saving = True
    try:
        yield obj
    finally:
        del obj.skip_history_when_saving
    record(obj, history_type, reason)
