"""/sitemap.xml: an index of one sitemap per kind of page, each paged at Django's 50,000 addresses, so a search
engine finds every meeting, official and country however large the database grows."""
from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.urls import reverse

from .models import Country, Meeting, Official, Participant

MeetingCountry = Meeting.countries.through


class SectionSitemap(Sitemap):
    """The site's lists and the coverage page."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["meetings:home", "meetings:meeting_list", "meetings:official_list", "meetings:country_list",
                "meetings:statement_list", "meetings:commitment_list", "meetings:source_list", "meetings:coverage"]

    def location(self, name):
        return reverse(name)


class MeetingSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Meeting.objects.only("slug").order_by("pk")


class OfficialSitemap(Sitemap):
    """Officials who took part in a meeting: the others' pages hold only their offices."""

    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return (Official.objects.filter(Exists(Participant.objects.filter(official=OuterRef("pk"))))
                .only("slug").order_by("pk"))


class CountrySitemap(Sitemap):
    """Countries that took part in a meeting."""

    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Country.objects.filter(Exists(MeetingCountry.objects.filter(country=OuterRef("pk")))).only("code")


SITEMAPS = {"sections": SectionSitemap, "meetings": MeetingSitemap, "officials": OfficialSitemap,
            "countries": CountrySitemap}
