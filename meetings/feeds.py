"""Atom feeds of the latest meetings: all of them, one country's, one official's.

Entries come in the order meetings were added to the database, newest first, and are dated by that moment: a
reader subscribed to a country is told of every new meeting, including an old one found late (ordering by the
meeting's own date would bury it below the window). The entry's title gives the meeting's date.
"""
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .models import Country, Meeting, Official, Participant

FEED_ENTRIES = 30


def feed_entries(meetings):
    """The newest-added meetings with what an entry shows, in a fixed number of queries."""
    return (meetings.select_related("host_country")
            .prefetch_related("countries", Prefetch("participants",
                                                    queryset=Participant.objects.select_related("official")))
            .order_by("-created_at", "-id")[:FEED_ENTRIES])


class MeetingFeed(Feed):
    """/feeds/meetings/: every meeting. Subclasses narrow it to one country's or one official's."""

    feed_type = Atom1Feed
    description_template = "meetings/feeds/meeting_entry.html"

    def title(self, obj):
        return "Defense ministers' meetings · Ministerial"

    def subtitle(self, obj):
        return "The latest meetings added to the database, from news reports"

    def link(self, obj):
        return reverse("meetings:meeting_list")

    def feed_url(self, obj):
        return reverse("meetings:meeting_feed")

    def items(self, obj):
        return feed_entries(Meeting.objects.all())

    def item_title(self, meeting):
        return f"{meeting.title} — {meeting.date_display}"

    def item_pubdate(self, meeting):
        return meeting.created_at

    def item_updateddate(self, meeting):
        return meeting.created_at

    def item_categories(self, meeting):
        return [country.code for country in meeting.countries.all()]


class CountryMeetingFeed(MeetingFeed):
    """/feeds/countries/<code>/ (any letter case): the meetings a country took part in."""

    def get_object(self, request, code):
        return get_object_or_404(Country, code=code.upper())

    def title(self, country):
        return f"{country.name}: defense ministers' meetings · Ministerial"

    def subtitle(self, country):
        return f"The latest meetings with {country.name} added to the database"

    def link(self, country):
        return country.get_absolute_url()

    def feed_url(self, country):
        return reverse("meetings:country_feed", args=[country.code])

    def items(self, country):
        return feed_entries(Meeting.objects.filter(countries=country))


class OfficialMeetingFeed(MeetingFeed):
    """/feeds/officials/<slug>/: the meetings an official took part in."""

    def get_object(self, request, slug):
        return get_object_or_404(Official, slug=slug)

    def title(self, official):
        return f"{official.name}: meetings · Ministerial"

    def subtitle(self, official):
        return f"The latest meetings of {official.name} added to the database"

    def link(self, official):
        return official.get_absolute_url()

    def feed_url(self, official):
        return reverse("meetings:official_feed", args=[official.slug])

    def items(self, official):
        return feed_entries(Meeting.objects.filter(participants__official=official))  # one participant per official
