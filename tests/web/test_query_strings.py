"""Hypothesis-generated query strings on every page the site routes (API routes aside: that branch has its own
schemathesis test): the known parameters and made-up ones, with any text, any bytes (invalid UTF-8 included),
numbers far out of range, dates, search syntax and repeated keys. Never a 500: the test client re-raises any
exception a view lets escape, and an answer of 500 or more fails too.

QUERY_STRING_EXAMPLES sets the examples per route (default 50; README.md gives the figures of a longer run).
"""
import os
from urllib.parse import quote, quote_from_bytes

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetings.filters import CommitmentFilter, MeetingFilter, OfficialFilter, SourceFilter, StatementFilter

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("QUERY_STRING_EXAMPLES", "50"))
SKIPPED_PREFIXES = ("admin:", "api:")  # the admin needs a login; the API is tested by its own branch
ROUTES = ["meetings:home", "meetings:meeting_list", "meetings:meeting_year", "meetings:meeting_month",
          "meetings:meeting_detail", "meetings:statement_list", "meetings:commitment_list", "meetings:official_list",
          "meetings:official_detail", "meetings:country_list", "meetings:country_detail", "meetings:source_list",
          "meetings:source_detail", "meetings:suggest", "meetings:coverage", "meetings:meeting_feed",
          "meetings:country_feed", "meetings:official_feed", "sitemap", "sitemap_section", "robots"]


def route_arguments(world):
    """Arguments for each named route, from the browsing world."""
    return {
        "meetings:home": {}, "meetings:meeting_list": {}, "meetings:statement_list": {},
        "meetings:commitment_list": {}, "meetings:official_list": {}, "meetings:country_list": {},
        "meetings:source_list": {}, "meetings:suggest": {}, "meetings:coverage": {}, "meetings:meeting_feed": {},
        "meetings:meeting_year": {"year": "2017"}, "meetings:meeting_month": {"year": "2017", "month": "10"},
        "meetings:meeting_detail": {"slug": world.seoul.slug},
        "meetings:official_detail": {"slug": world.han.slug}, "meetings:official_feed": {"slug": world.han.slug},
        "meetings:country_detail": {"code": "KR"}, "meetings:country_feed": {"code": "KR"},
        "meetings:source_detail": {"pk": world.seoul.sources.get().pk},
        "sitemap": {}, "sitemap_section": {"section": "meetings"}, "robots": {},
    }


def routed_names(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from routed_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name


KNOWN_KEYS = sorted({name for filterset in (MeetingFilter, StatementFilter, CommitmentFilter, OfficialFilter,
                                            SourceFilter) for name in filterset.base_filters}
                    | {"page", "format", "all_countries", "kind", "q"})
TRICKY_VALUES = [
    "", "0", "-1", "1", "2", "01", "1.5", "1e9", "99999999999999999999", "-99999999999999999999", "9999", "10000",
    "2017", "2017-10-23", "2017-02-30", "0000-00-00", "9999-12-31", "10000-01-01", "KR", "kr", "US", "ZZ", "K",
    "json", "csv", "xml", "JSON", "true", "false", "yes", "no", "1 OR 1=1", "' OR ''='", '"', "\\", "%", "_",
    "*", "NEAR(", "\"unbalanced", "a AND", "OR", "NOT", "(", ")", "^", "-", "col:val", "{}", "[]", "<script>",
    "\x00", "\x7f", "\u202e", "\ufeff", "🙂", "x" * 201, "a" * 5000,
]
keys = st.one_of(st.sampled_from(KNOWN_KEYS), st.text(max_size=12)).map(lambda key: quote(key, safe=""))
values = st.one_of(
    st.sampled_from(TRICKY_VALUES).map(lambda value: quote(value, safe="")),
    st.text(max_size=40).map(lambda value: quote(value, safe="")),
    st.integers().map(str),
    st.dates().map(str),
    st.binary(max_size=20).map(lambda value: quote_from_bytes(value, safe="")),  # invalid UTF-8 too
    st.text(alphabet="&=;%+#?/ ", max_size=8),  # separators and broken escapes, unencoded
)
pairs = st.lists(st.tuples(keys, values), max_size=6)


def query_string(pairs, bare):
    parts = [f"{key}={value}" for key, value in pairs] + bare
    return "&".join(parts)


def test_every_routed_page_but_the_admin_and_the_api_is_tried(world):
    names = {name for name in routed_names() if not name.startswith(SKIPPED_PREFIXES)}
    assert names == set(ROUTES) == set(route_arguments(world))


@pytest.mark.parametrize("name", ROUTES)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                      HealthCheck.too_slow])
@given(pairs=pairs, bare=st.lists(keys, max_size=2))
def test_no_query_string_makes_a_page_fail(client, world, name, pairs, bare):
    path = reverse(name, kwargs=route_arguments(world)[name])
    response = client.get(f"{path}?{query_string(pairs, bare)}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code < 500, (path, body[:500])
