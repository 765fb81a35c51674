from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from . import views

app_name = "api"

router = SimpleRouter()
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("officials", views.OfficialViewSet, basename="official")
router.register("countries", views.CountryViewSet, basename="country")
router.register("statements", views.StatementViewSet, basename="statement")
router.register("commitments", views.CommitmentViewSet, basename="commitment")
router.register("sources", views.SourceViewSet, basename="source")

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="events"),
    path("pair-years/", views.PairYearListView.as_view(), name="pair_years"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("", include(router.urls)),
]
