from django.urls import path, re_path

from . import views
from .coverage import CoverageView
from .pagecache import cached_page
from .feeds import CountryMeetingFeed, MeetingFeed, OfficialMeetingFeed

app_name = "meetings"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("meetings/", views.MeetingListView.as_view(), name="meeting_list"),
    re_path(r"^meetings/(?P<year>[0-9]{4})/$", views.MeetingYearView.as_view(), name="meeting_year"),
    re_path(r"^meetings/(?P<year>[0-9]{4})/(?P<month>0[1-9]|1[0-2])/$", views.MeetingMonthView.as_view(),
            name="meeting_month"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("statements/", views.StatementListView.as_view(), name="statement_list"),
    path("commitments/", views.CommitmentListView.as_view(), name="commitment_list"),
    path("officials/", views.OfficialListView.as_view(), name="official_list"),
    path("officials/<slug:slug>/", views.OfficialDetailView.as_view(), name="official_detail"),
    path("countries/", views.CountryListView.as_view(), name="country_list"),
    re_path(r"^countries/(?P<code>[A-Za-z]{2})/$", views.CountryDetailView.as_view(), name="country_detail"),
    path("sources/", views.SourceListView.as_view(), name="source_list"),
    path("sources/<int:pk>/", views.SourceDetailView.as_view(), name="source_detail"),
    path("suggest/", views.suggest, name="suggest"),
    path("coverage/", CoverageView.as_view(), name="coverage"),
    path("feeds/meetings/", cached_page(MeetingFeed()), name="meeting_feed"),
    re_path(r"^feeds/countries/(?P<code>[A-Za-z]{2})/$", cached_page(CountryMeetingFeed()), name="country_feed"),
    path("feeds/officials/<slug:slug>/", cached_page(OfficialMeetingFeed()), name="official_feed"),
]
