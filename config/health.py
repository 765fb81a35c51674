"""/healthz for load balancers and the compose health check: 200 when the database answers ``SELECT 1``, 503 when not.

A middleware placed first, so it answers before the host check (a load balancer probes by IP address, which
ALLOWED_HOSTS need not list), the HTTPS redirect (probes come over plain HTTP from inside the network) and the
session middleware (a probe needs no session).
"""
import logging

from django.db import DatabaseError, connections
from django.http import JsonResponse

HEALTH_PATH = "/healthz"
logger = logging.getLogger(__name__)


def database_answers(alias="default"):
    """Whether the database answers a trivial query; the reason is logged, never sent to the prober."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("health check: the database did not answer")
        return False


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != HEALTH_PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = JsonResponse({"error": "use GET or HEAD"}, status=405)
            response["Allow"] = "GET, HEAD"
            return response
        healthy = database_answers()
        response = JsonResponse({"status": "ok" if healthy else "unavailable",
                                 "database": "ok" if healthy else "unreachable"}, status=200 if healthy else 503)
        response["Cache-Control"] = "no-store"
        return response
