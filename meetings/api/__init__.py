"""The read-only JSON API under /api/ (Django REST framework, schema by drf-spectacular).

The lists filter with the FilterSets of the HTML pages (meetings/filters.py), so a query string means the same thing
on /meetings/ and /api/meetings/, and page by keyset (pagination.py), so a deep page costs what the first does.
"""
