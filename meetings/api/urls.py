from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from . import views

app_name = "api"

# Swagger UI and ReDoc set their own styles from their scripts (both served from this site; Swagger UI's start-up
# script too, by the split view): on these two pages only, the policy lets scripts set style attributes and tags,
# and ReDoc run its search in a worker it builds from a blob.
documentation_policy = csp_update({"style-src": ["'unsafe-inline'"], "style-src-attr": ["'unsafe-inline'"],
                                   "worker-src": ["'self'", "blob:"]})

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
    path("docs/", documentation_policy(SpectacularSwaggerSplitView.as_view(url_name="api:schema")), name="docs"),
    path("redoc/", documentation_policy(SpectacularRedocView.as_view(url_name="api:schema")), name="redoc"),
    path("", include(router.urls)),
]
