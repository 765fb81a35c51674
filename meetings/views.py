"""Pages analysts browse; every view reads the database only, never parses articles."""
from django.views.generic import TemplateView

from .models import Commitment, Country, Meeting, Official, Source, Statement


class HomeView(TemplateView):
    template_name = "meetings/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            counts={
                "meetings": Meeting.objects.count(),
                "officials": Official.objects.filter(participations__isnull=False).distinct().count(),
                "countries": Country.objects.filter(meetings__isnull=False).distinct().count(),
                "statements": Statement.objects.count(),
                "commitments": Commitment.objects.count(),
                "sources": Source.objects.count(),
            },
            latest=Meeting.objects.prefetch_related("countries").select_related("host_country")[:10],
            **kwargs,
        )
