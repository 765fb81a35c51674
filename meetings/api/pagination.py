"""Keyset pages: each page starts after the last row of the one before, named by an opaque cursor.

A list's order is a few keys (the last one unique, the id), each ascending or descending with empty values last on
every database. The cursor holds the previous page's last values of those keys, so the next page is a WHERE on
them, not an OFFSET: page 2,000 costs what page 1 does, and rows added meanwhile neither repeat nor vanish.
"""
import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import F, Q
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


@dataclass(frozen=True)
class Key:
    """One key of an order: a field or annotation (``meeting__date`` follows a relation), its direction, and
    whether it can be empty (empty values come last)."""
    name: str
    descending: bool = False
    nullable: bool = False

    def order(self):
        expression = F(self.name)
        return expression.desc(nulls_last=True) if self.descending else expression.asc(nulls_last=True)

    def value_of(self, row):
        value = row
        for part in self.name.split("__"):
            value = getattr(value, part)
            if value is None:
                return None
        return getattr(value, "pk", value)

    def equal(self, value):
        return Q(**{f"{self.name}__isnull": True}) if value is None else Q(**{self.name: value})

    def beyond(self, value):
        """Rows after ``value`` in this key alone; None when nothing comes after (an empty value is last)."""
        if value is None:
            return None
        after = Q(**{f"{self.name}__{'lt' if self.descending else 'gt'}": value})
        return after | Q(**{f"{self.name}__isnull": True}) if self.nullable else after


def after(keys, values):
    """The rows that come after the row whose keys hold ``values``."""
    condition, equal_so_far = Q(pk__in=[]), Q()
    for key, value in zip(keys, values):
        beyond = key.beyond(value)
        if beyond is not None:
            condition |= equal_so_far & beyond
        equal_so_far &= key.equal(value)
    return condition


def plain(value):
    return value.isoformat() if isinstance(value, (date, datetime)) else value


class KeysetPagination(BasePagination):
    """``?cursor=`` (from the previous page's ``next``) and ``?limit=`` (1 to MAX_PAGE_SIZE). The view names its
    order's keys with ``keyset_keys(request, queryset)``: the same order its HTML page shows."""

    cursor_query_param = "cursor"
    limit_query_param = "limit"

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.limit = self.read_limit(request)
        self.keys = view.keyset_keys(request, queryset)
        self.order_name = "|".join(f"{'-' if k.descending else ''}{k.name}" for k in self.keys)
        queryset = queryset.order_by(*(key.order() for key in self.keys))
        raw = request.query_params.get(self.cursor_query_param)
        if raw:
            queryset = self.after_cursor(queryset, raw)
        rows = list(queryset[:self.limit + 1])
        self.has_next = len(rows) > self.limit
        rows = rows[:self.limit]
        self.last_values = [plain(key.value_of(rows[-1])) for key in self.keys] if rows else None
        return rows

    def read_limit(self, request):
        raw = request.query_params.get(self.limit_query_param)
        if raw is None or raw == "":
            return DEFAULT_PAGE_SIZE
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE_SIZE:
            raise ValidationError({self.limit_query_param: [f"A whole number from 1 to {MAX_PAGE_SIZE}."]})
        return int(raw)

    def after_cursor(self, queryset, raw):
        invalid = ValidationError({self.cursor_query_param: ["Not a cursor of this list in this order: use the "
                                                             "“next” link of the previous page."]})
        try:
            cursor = json.loads(base64.urlsafe_b64decode(raw.encode("ascii")))
        except (ValueError, UnicodeError, binascii.Error):
            raise invalid from None
        if (not isinstance(cursor, dict) or cursor.get("order") != self.order_name
                or not isinstance(cursor.get("after"), list) or len(cursor["after"]) != len(self.keys)
                or not all(isinstance(v, (int, float, type(None))) or isinstance(v, str) and "\x00" not in v
                           for v in cursor["after"])):
            raise invalid
        try:
            return queryset.filter(after(self.keys, cursor["after"]))
        except (DjangoValidationError, ValueError, TypeError, OverflowError):
            raise invalid from None

    def next_link(self):
        if not self.has_next:
            return None
        cursor = json.dumps({"order": self.order_name, "after": self.last_values}, separators=(",", ":"))
        token = base64.urlsafe_b64encode(cursor.encode()).decode("ascii")
        return replace_query_param(self.request.build_absolute_uri(), self.cursor_query_param, token)

    def get_paginated_response(self, data):
        next_url = self.next_link()
        response = Response({"next": next_url, "results": data})
        if next_url:
            response["Link"] = f'<{next_url}>; rel="next"'
        return response

    def get_paginated_response_schema(self, schema):
        return {"type": "object", "required": ["next", "results"], "properties": {
            "next": {"type": "string", "format": "uri", "nullable": True,
                     "description": "The next page, or null on the last"},
            "results": schema}}

    def get_schema_operation_parameters(self, view):
        return [
            {"name": self.cursor_query_param, "in": "query", "required": False, "schema": {"type": "string"},
             "description": "Where the page starts: the cursor in the previous page's “next” link"},
            {"name": self.limit_query_param, "in": "query", "required": False,
             "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
             "description": "Rows on a page"},
        ]
