from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Meetings and knowledge base"

    def ready(self):
        from . import aggregates  # noqa: F401  (its signals keep the meeting tallies current)
        from . import pagecache

        pagecache.connect_signals()  # every write a page shows replaces the data version the page cache keys by
        post_migrate.connect(pagecache.bump_after_migrate, sender=self, dispatch_uid="pagecache-migrate")
