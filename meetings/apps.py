from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Meetings and knowledge base"

    def ready(self):
        from . import aggregates  # noqa: F401  (its signals keep the meeting tallies current)
