"""A per-view cache of the public read pages, never stale after a write.

Each page is cached under its full address (scheme, host, path and query, the query's parameters sorted by name) and
the **data version**: a random token in a one-row table (``DataVersion``) that every write changing what a page shows
replaces, in the writing transaction. A request reads the token (one query), then looks the page up under it; a
page rendered after a write is stored under the new token, so no process on any host that reads the same database
serves a page from before the write once it has committed. The cache itself needs no invalidation and need not be
shared: per process (Django's local-memory cache, the default) or Redis (``REDIS_URL``), old pages simply age out.

Why this is never stale: a request reads the token before the data. A page stored under token T was therefore
rendered from data at least as new as the commit that set T; and a write sets a new token in its own transaction,
so from its commit on every request reads the new token and misses every page stored before. (A sequence would not
do: ``nextval`` is seen by others before the writer commits, and a page rendered meanwhile from the old data would
be stored under the new value.) The token is random rather than counted so that a database restored from a backup,
or a rolled-back test, never meets a token again that once stood for other data.

Who bumps it (the hook points the tallies and the ingest already use): the ORM signals below for every model a page
shows (save, delete, many-to-many changes: the admin, corrections, merges, fixtures); the ingest's writer once per
batch (``ingest.writer.one_writer_at_a_time``); the bulk paths that send no signals (``refresh_aggregates``,
``search.refresh``, ``synthesize`` through them, ``load_reference_data``, ``restore``); and every ``migrate``. A
transaction replaces the token once, whatever it writes, and takes the tallies' advisory lock first, so the order
of locks is the one every writer already follows (no deadlock); writers thus wait for each other's commit, as
meeting writes and the ingest already did.

Only anonymous GET requests answered 200 with a page of at most PAGE_CACHE_MAX_BYTES are stored: never a streamed
CSV, an error, a response that sets a cookie, anything for a signed-in user (who is never served a cached page
either) or the admin (not wrapped). The pages carry no per-request nonce or CSRF token (the Content-Security-Policy
allows only this site's own files, no nonce; the public pages have no POST form), and the headers the middleware
adds (CSP, security, Vary) are added to a cached page on its way out as to a fresh one.

Settings: PAGE_CACHE (on unless ``PAGE_CACHE=0``), PAGE_CACHE_SECONDS (how long a page is kept; 600), PAGE_CACHE_ALIAS
(the cache used; ``default``), PAGE_CACHE_MAX_BYTES (1 MB). A hit carries ``X-Page-Cache: hit``, a stored miss
``X-Page-Cache: miss``.
"""
import hashlib
import logging
import secrets
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.db import connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import urlencode

from . import models
from .aggregates import lock_tallies

logger = logging.getLogger(__name__)
TABLE = models.DataVersion._meta.db_table
HEADER = "X-Page-Cache"


# The data version ----------------------------------------------------------------------------


class _Bumped:
    """Marks, among the transaction's on-commit callbacks, that it has replaced the token: Django drops the marker
    with the transaction (rollback), with a savepoint rolled back (whose UPDATE went too) and at commit, so the next
    write in a new transaction replaces the token again. ``live`` turns false when a page is read inside the same
    transaction (a test, or a request that writes then reads), so that a later write there changes it again."""

    live = True

    def __call__(self):
        pass


def _markers(connection):
    return [func for _sids, func, _robust in connection.run_on_commit if isinstance(func, _Bumped)]


def bump_version(using="default"):
    """Replace the data version, in the current transaction (once per transaction)."""
    connection = connections[using]
    if connection.in_atomic_block and any(marker.live for marker in _markers(connection)):
        return
    lock_tallies(using)  # the writers' lock order: the tallies' advisory lock, then the version row
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE} (id, version) VALUES (1, %s) "
                       f"ON CONFLICT (id) DO UPDATE SET version = excluded.version", [secrets.randbits(62)])
    if connection.in_atomic_block:
        transaction.on_commit(_Bumped(), using=using)


def read_version(using="default"):
    """The current data version, or None when there is none (a database just flushed): nothing is cached then."""
    connection = connections[using]
    if connection.in_atomic_block:
        for marker in _markers(connection):
            marker.live = False
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {TABLE} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else None


def _written(sender, using, raw=False, **kwargs):
    bump_version(using)


def _m2m_changed(sender, action, using, **kwargs):
    if action.startswith("post_"):
        bump_version(using)


# What public pages show. Evidence is written only by the ingest (which bumps once per batch) and deleted with its
# meeting or source (whose own delete bumps): no signal of its own, so its cascades stay fast deletes.
WATCHED = [models.Country, models.CountryGroup, models.GroupMembership, models.Office, models.Official, models.Tenure,
           models.Source, models.Meeting, models.Participant, models.Statement, models.Commitment]


def connect_signals():
    through = set()
    for model in WATCHED:
        post_save.connect(_written, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
        post_delete.connect(_written, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}")
        for field in model._meta.local_many_to_many:
            through.add(field.remote_field.through)
    for model in through:
        m2m_changed.connect(_m2m_changed, sender=model, dispatch_uid=f"pagecache-m2m-{model._meta.db_table}")


def bump_if_present(using="default"):
    """Replace the version in a transaction of its own, if the database has the table (it may predate it)."""
    if TABLE in connections[using].introspection.table_names():
        with transaction.atomic(using=using):
            bump_version(using)


def bump_after_migrate(sender, using, **kwargs):
    """Every migrate (a deploy) replaces the version: a migration may change the data, a deploy the templates."""
    bump_if_present(using)


# Serving pages -------------------------------------------------------------------------------


def cacheable(request):
    if not getattr(settings, "PAGE_CACHE", False) or request.method != "GET":
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def page_key(request, version):
    """The page's address with its query's parameters sorted by name (the values of one name keep their order:
    the views read them in order), the data version and today's date (pages say what is overdue or in office)."""
    query = urlencode(sorted(request.GET.lists(), key=lambda item: item[0]), doseq=True)
    address = "\n".join([request.scheme, request.get_host(), request.path, query, str(version),
                         timezone.localdate().isoformat()])
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _store(key, response):
    if (response.status_code != 200 or response.streaming or response.cookies
            or len(response.content) > getattr(settings, "PAGE_CACHE_MAX_BYTES", 1_000_000)):
        return
    headers = [(name, value) for name, value in response.headers.items() if name != HEADER]
    try:
        _cache().set(key, (response.content, headers), getattr(settings, "PAGE_CACHE_SECONDS", 600))
    except Exception:  # a cache that does not answer (Redis down) costs the cache, not the page
        logger.warning("page cache: could not store a page", exc_info=True)
        return
    response[HEADER] = "miss"


def serve(request, render):
    """The page from the cache when it holds it for the current data version, else ``render()``'s, stored."""
    if not cacheable(request):
        return render()
    version = read_version()
    if version is None:
        return render()
    key = page_key(request, version)
    try:
        cached = _cache().get(key)
    except Exception:
        logger.warning("page cache: could not read a page", exc_info=True)
        cached = None
    if cached is not None:
        content, headers = cached
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response[HEADER] = "hit"
        return response
    response = render()
    if getattr(response, "is_rendered", True):
        _store(key, response)
    else:  # a TemplateResponse (or DRF's Response): stored once rendered, after the view returns
        response.add_post_render_callback(lambda rendered: _store(key, rendered))
    return response


class CachedPageMixin:
    """For a class-based view of a public read page: served from the page cache (see the module's docstring)."""

    def dispatch(self, request, *args, **kwargs):
        return serve(request, lambda: super(CachedPageMixin, self).dispatch(request, *args, **kwargs))


def cached_page(view):
    """The same for a function view (or any callable view: a feed, the sitemaps)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return serve(request, lambda: view(request, *args, **kwargs))

    return wrapped
