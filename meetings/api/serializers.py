"""What the API gives of each record. Every fact (participant, statement, commitment) names the source it was first
read in, the character span of its sentence in that source's text, and the sentence itself; statements and
commitments also list every source that reports them."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from ..datasets import PLOVER_MODES, ROLES
from ..models import Commitment, CommitmentStatus, Country, Meeting, Official, Participant, Source, Statement, Tenure
from ..views import sentence_url, source_title

COMMITMENT_STATES = ["not_checked", *CommitmentStatus.values]


def absolute(request, path):
    return request.build_absolute_uri(path)


class SourceReferenceSerializer(serializers.ModelSerializer):
    """A source as a fact names it: never its text, never a file path."""

    title = serializers.SerializerMethodField()
    address = serializers.CharField(source="url", help_text="The article's address, when it came from one")
    url = serializers.SerializerMethodField(help_text="This source in the API")

    class Meta:
        model = Source
        fields = ["id", "title", "publisher", "published", "address", "url"]

    def get_title(self, source) -> str:
        return source_title(source)

    def get_url(self, source) -> str:
        return reverse("api:source-detail", args=[source.pk], request=self.context["request"])


class SpanSerializer(serializers.Serializer):
    start = serializers.IntegerField(source="span_start", allow_null=True)
    end = serializers.IntegerField(source="span_end", allow_null=True)


class FactSerializer(serializers.ModelSerializer):
    """What every extracted fact carries: its first source, the span and text of its sentence there."""

    source = SourceReferenceSerializer(allow_null=True, help_text="The source the fact was first read in")
    span = serializers.SerializerMethodField(help_text="Character offsets of the sentence in the source's text")
    sentence = serializers.CharField(default="", help_text="The sentence the fact was read from")
    sentence_page = serializers.SerializerMethodField(help_text="The sentence highlighted on the source's page")

    @extend_schema_field({"type": "object", "nullable": True, "required": ["start", "end"],
                          "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}}})
    def get_span(self, fact):
        if fact.span_start is None or fact.span_end is None:
            return None
        return {"start": fact.span_start, "end": fact.span_end}

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_sentence_page(self, fact):
        url = sentence_url(fact)
        return absolute(self.context["request"], url) if url else None


class ParticipantSerializer(FactSerializer):
    name = serializers.SerializerMethodField(help_text="The official's name once resolved, else as written")
    as_written = serializers.CharField(source="name")
    country = serializers.CharField(source="country_id")
    official = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Participant
        fields = ["name", "as_written", "role", "country", "official", "review_status", "source", "span", "sentence",
                  "sentence_page"]

    def get_name(self, participant) -> str:
        return participant.official.name if participant.official else participant.name


class ReportedSerializer(FactSerializer):
    """A statement or commitment: its meeting, and every source that reports it."""

    meeting = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    meeting_date = serializers.DateField(source="meeting.date", allow_null=True)
    sources = SourceReferenceSerializer(many=True, help_text="Every source that reports it, the first included")


class StatementSerializer(ReportedSerializer):
    speakers = serializers.SerializerMethodField()
    speaker_countries = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Statement
        fields = ["id", "meeting", "meeting_date", "text", "direct", "speakers", "speaker_countries",
                  "review_status", "source", "span", "sentence", "sentence_page", "sources"]

    @extend_schema_field({"type": "array", "items": {"type": "object", "properties": {
        "name": {"type": "string"}, "country": {"type": "string"}, "official": {"type": "string", "nullable": True}}}})
    def get_speakers(self, statement):
        return [{"name": s.official.name if s.official else s.name, "country": s.country_id,
                 "official": s.official.slug if s.official else None} for s in statement.speakers.all()]


class CommitmentSerializer(ReportedSerializer):
    parties = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    status = serializers.SerializerMethodField(help_text="“not_checked” unless staff set it: the ingest reads a "
                                                         "promise, never whether it was kept")

    class Meta:
        model = Commitment
        fields = ["id", "meeting", "meeting_date", "text", "parties", "due", "due_precision", "status",
                  "review_status", "source", "span", "sentence", "sentence_page", "sources"]

    @extend_schema_field(serializers.ChoiceField(choices=COMMITMENT_STATES))
    def get_status(self, commitment):
        return commitment.status if commitment.status_checked else "not_checked"


class MeetingSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:meeting-detail", lookup_field="slug")
    page = serializers.SerializerMethodField(help_text="The meeting's page on the site")
    title = serializers.CharField(help_text="Its name, else its countries and mode")
    mode = serializers.CharField(source="format")
    host_country = serializers.CharField(source="host_country_id", allow_null=True,
                                         help_text="The country the meeting was held in, when recorded")
    countries = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    participants = ParticipantSerializer(many=True)
    statements = serializers.IntegerField(source="statement_count", help_text="How many statements")
    commitments = serializers.IntegerField(source="commitment_count", help_text="How many commitments")
    sources = SourceReferenceSerializer(many=True, help_text="The reports the meeting was read from")

    class Meta:
        model = Meeting
        fields = ["slug", "url", "page", "title", "date", "date_precision", "mode", "place", "host_country",
                  "countries", "participants", "statements", "commitments", "review_status", "sources"]

    def get_page(self, meeting) -> str:
        return absolute(self.context["request"], meeting.get_absolute_url())


class MeetingFactSerializerMixin:
    """A meeting's facts inside the meeting: without their meeting again."""

    def get_fields(self):
        fields = super().get_fields()
        fields.pop("meeting")
        fields.pop("meeting_date")
        return fields


class MeetingStatementSerializer(MeetingFactSerializerMixin, StatementSerializer):
    pass


class MeetingCommitmentSerializer(MeetingFactSerializerMixin, CommitmentSerializer):
    pass


class MeetingDetailSerializer(MeetingSerializer):
    statements = MeetingStatementSerializer(many=True)
    commitments = MeetingCommitmentSerializer(many=True)


class TenureSerializer(serializers.ModelSerializer):
    office = serializers.CharField(source="office.title")
    country = serializers.CharField(source="office.country_id")

    class Meta:
        model = Tenure
        fields = ["office", "country", "start", "end", "acting"]


class OfficialSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:official-detail", lookup_field="slug")
    page = serializers.SerializerMethodField()
    country = serializers.CharField(source="country_id")
    meetings = serializers.IntegerField(source="meeting_count", help_text="Meetings the official took part in")
    tenures = TenureSerializer(many=True)

    class Meta:
        model = Official
        fields = ["slug", "url", "page", "name", "family_name", "aliases", "country", "review_status", "meetings",
                  "tenures"]

    def get_page(self, official) -> str:
        return absolute(self.context["request"], official.get_absolute_url())


class CountrySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:country-detail", lookup_field="code")
    page = serializers.SerializerMethodField()
    meetings = serializers.IntegerField(source="meeting_count")
    latest_meeting = serializers.DateField(source="latest", allow_null=True)

    class Meta:
        model = Country
        fields = ["code", "url", "page", "name", "meetings", "latest_meeting"]

    def get_page(self, country) -> str:
        return absolute(self.context["request"], country.get_absolute_url())


class SourceSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:source-detail")
    page = serializers.SerializerMethodField()
    title = serializers.SerializerMethodField()
    address = serializers.CharField(source="url")
    meetings = serializers.IntegerField(source="meeting_count")

    class Meta:
        model = Source
        fields = ["id", "url", "page", "title", "address", "publisher", "published", "status", "failure_reason",
                  "meetings", "ingested_at", "extractor_version"]

    def get_page(self, source) -> str:
        return absolute(self.context["request"], source.get_absolute_url())

    def get_title(self, source) -> str:
        return source_title(source)


class SourceDetailSerializer(SourceSerializer):
    text = serializers.CharField(source="cleaned_text", help_text="The cleaned text the facts' spans point into "
                                                                  "(empty when it is not stored)")

    class Meta(SourceSerializer.Meta):
        fields = SourceSerializer.Meta.fields + ["text"]


class EventSerializer(serializers.Serializer):
    """One ordered pair of a meeting's countries (meetings/datasets.py)."""

    event_id = serializers.CharField()
    meeting = serializers.CharField(source="meeting.slug")
    meeting_url = serializers.SerializerMethodField()
    date = serializers.DateField(source="meeting.date", allow_null=True)
    date_precision = serializers.CharField(source="meeting.date_precision")
    place = serializers.CharField(source="meeting.place")
    host_country = serializers.CharField(source="meeting.host_country_id", allow_null=True)
    meeting_mode = serializers.CharField(source="meeting.format")
    countries = serializers.IntegerField(source="country_count", help_text="How many countries met")
    source_country = serializers.CharField(source="source")
    target_country = serializers.CharField(source="target")
    source_role = serializers.ChoiceField(choices=ROLES)
    target_role = serializers.ChoiceField(choices=ROLES)
    cameo_code = serializers.CharField()
    cameo_label = serializers.CharField()
    plover_event = serializers.CharField()
    plover_mode = serializers.ChoiceField(choices=PLOVER_MODES, help_text="Empty when not known")
    plover_source = serializers.CharField()
    plover_recipient = serializers.CharField()
    sources = serializers.SerializerMethodField(help_text="The ids of the meeting's sources")

    def get_meeting_url(self, event) -> str:
        return reverse("api:meeting-detail", args=[event.meeting.slug], request=self.context["request"])

    def get_sources(self, event) -> list[int]:
        return [source.pk for source in event.meeting.sources.all()]


class PairYearSerializer(serializers.Serializer):
    country_a = serializers.CharField(help_text="The pair's first country (alphabetical by code)")
    country_b = serializers.CharField()
    year = serializers.IntegerField()
    meetings = serializers.IntegerField()
    in_person = serializers.IntegerField()
    phone = serializers.IntegerField()
    video = serializers.IntegerField()
    statements = serializers.IntegerField(help_text="Statements at the pair's meetings that year")
    commitments = serializers.IntegerField(help_text="Commitments made at the pair's meetings that year")
