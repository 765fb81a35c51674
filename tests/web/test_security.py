"""Production safety: the site will not serve with DEBUG off and the development key; HTTPS redirect, HSTS and
secure cookies follow the environment; every response carries a Content-Security-Policy without inline scripts and
refuses framing; every form that posts carries a CSRF token and is refused without one; admin logins are limited."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.browse.builders import admin_page_paths
from tests.foundation.test_settings import clean_environment, setting

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-password-1"
REAL_KEY = "k3y-" + "x7Q9" * 15


def start_wsgi(**env):
    """Load the WSGI application as gunicorn and runserver do."""
    return subprocess.run([sys.executable, "-c", "import config.wsgi"], cwd=ROOT, capture_output=True, text=True,
                          env=clean_environment(DJANGO_SETTINGS_MODULE="config.settings", **env))


# Starting.

def test_the_site_refuses_to_start_with_debug_off_and_the_development_key():
    result = start_wsgi(DEBUG="0")
    assert result.returncode != 0
    assert "ImproperlyConfigured: DEBUG is off and SECRET_KEY is the development key" in result.stderr


def test_the_site_starts_with_a_real_key_or_with_debug_on():
    assert start_wsgi(DEBUG="0", SECRET_KEY=REAL_KEY).returncode == 0
    assert start_wsgi(DEBUG="1").returncode == 0


def test_management_commands_still_run_with_the_development_key():
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, capture_output=True, text=True,
                            env=clean_environment(DEBUG="0"))
    assert result.returncode == 0, result.stderr


# HTTPS, HSTS and cookies follow the environment.

def test_https_hsts_and_secure_cookies_are_on_unless_debug():
    production = {"DEBUG": "0", "SECRET_KEY": REAL_KEY}
    assert setting("SECURE_SSL_REDIRECT", **production) is True
    assert setting("SECURE_HSTS_SECONDS", **production) == 31536000
    assert setting("SESSION_COOKIE_SECURE", **production) is True
    assert setting("CSRF_COOKIE_SECURE", **production) is True
    assert setting("SECURE_SSL_REDIRECT", DEBUG="1") is False
    assert setting("SECURE_HSTS_SECONDS", DEBUG="1") == 0


def test_https_redirect_and_hsts_are_configurable():
    production = {"DEBUG": "0", "SECRET_KEY": REAL_KEY}
    assert setting("SECURE_SSL_REDIRECT", SECURE_SSL_REDIRECT="0", **production) is False
    assert setting("SECURE_HSTS_SECONDS", SECURE_HSTS_SECONDS="600", **production) == 600
    assert setting("SECURE_HSTS_PRELOAD", SECURE_HSTS_PRELOAD="0", **production) is False
    assert setting("SECURE_PROXY_SSL_HEADER", BEHIND_TLS_PROXY="1", **production) == ("HTTP_X_FORWARDED_PROTO", "https")


def test_plain_http_is_redirected_and_https_answers_with_hsts(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/meetings/?country=KR")
    assert (response.status_code, response["Location"]) == (301, "https://testserver/meetings/?country=KR")
    response = client.get("/meetings/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_the_session_cookie_is_secure_and_hidden_from_scripts(client, db, django_user_model, settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    client.get("/admin/login/", secure=True)
    assert client.cookies["csrftoken"]["secure"] is True
    response = client.post("/admin/login/", {"username": "editor", "password": PASSWORD}, secure=True)
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert (session["secure"], session["httponly"], session["samesite"]) == (True, True, "Lax")


# Headers on every page.

def test_every_answer_carries_the_policy_and_refuses_framing(client, db):
    for path in ("/", "/meetings/", "/no-such-page/", "/admin/login/", "/feeds/meetings/"):
        response = client.get(path)
        policy = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
        assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "an inline script"),
    (re.compile(r"<style\b", re.I), "a style element"),
    (re.compile(r"\sstyle=", re.I), "a style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an event handler attribute"),
    (re.compile(r"javascript:", re.I), "a javascript: address"),
]


def test_no_template_holds_an_inline_script_or_style():
    """What the policy would block, found in the source before a browser finds it."""
    found = []
    for template in sorted((ROOT / "templates").rglob("*.html")) + sorted((ROOT / "meetings").rglob("*.html")):
        text = template.read_text()
        found += [f"{template.relative_to(ROOT)}: {what}" for pattern, what in INLINE if pattern.search(text)]
    assert found == []


# CSRF.

def all_views(resolver=None, prefix=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from all_views(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def test_no_view_that_takes_a_post_is_exempt_from_csrf():
    """Django REST framework marks every API view exempt (it checks CSRF itself, for session-authenticated
    writes); the API takes no write at all, so only reads may be exempt."""
    views = list(all_views())
    assert len(views) > 50  # the admin's too
    exempt = [(route, view) for route, view in views if getattr(view, "csrf_exempt", False)]
    assert [route for route, view in exempt if not route.startswith("api/")] == []
    assert {method for route, view in exempt for method in _handled_methods(view)} <= {"get", "head", "options"}


def _handled_methods(view):
    """The HTTP methods an API view answers: a viewset's routed actions, or the handlers its class defines."""
    if getattr(view, "actions", None):
        return set(view.actions)
    return {method for method in view.cls.http_method_names if hasattr(view.cls, method)}


class FormTokens:
    """The forms of a page: (method, action, whether it carries a CSRF token)."""
    FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.I | re.S)

    @classmethod
    def of(cls, html):
        for attributes, body in cls.FORM.findall(html):
            method = re.search(r'method="(\w+)"', attributes, re.I)
            yield ((method.group(1).lower() if method else "get"), attributes,
                   'name="csrfmiddlewaretoken"' in body)


def test_every_form_that_posts_carries_a_csrf_token(world, staff_client):
    pages = ["/", "/meetings/", world.seoul.get_absolute_url(), "/officials/", "/sources/",
             "/statements/"] + admin_page_paths(staff_client.user)
    posting = 0
    for path in pages:
        response = staff_client.get(path)
        assert response.status_code == 200, path
        for method, attributes, has_token in FormTokens.of(response.content.decode()):
            if method == "post":
                posting += 1
                assert has_token, f"{path}: <form{attributes}> has no CSRF token"
            elif not path.startswith("/admin/"):
                assert method == "get", path
    assert posting > 40


def test_a_post_without_the_token_is_refused(world, django_user_model):
    strict = Client(enforce_csrf_checks=True)
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    assert strict.post("/admin/login/", {"username": "editor", "password": PASSWORD}).status_code == 403
    strict.force_login(django_user_model.objects.get(username="editor"))
    change = f"/admin/meetings/meeting/{world.seoul.pk}/change/"
    assert strict.post(change, {"name": "Renamed"}).status_code == 403
    assert strict.post("/admin/meetings/meeting/", {"action": "mark_verified",
                                                    "_selected_action": [world.seoul.pk]}).status_code == 403
    world.seoul.refresh_from_db()
    assert world.seoul.name == "Security Consultative Meeting"


# Login attempts.

@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def log_in(client, password, **extra):
    return client.post("/admin/login/?next=/admin/", {"username": "editor", "password": password}, **extra)


def test_admin_logins_lock_after_five_failures_even_with_the_right_password(client, editor):
    assert [log_in(client, f"guess-{n}").status_code for n in range(4)] == [200] * 4
    assert log_in(client, "guess-5").status_code == 429
    response = log_in(client, PASSWORD)
    assert response.status_code == 429 and "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still the login page


def test_a_lockout_is_for_that_user_from_that_address(client, editor, django_user_model):
    for n in range(5):
        log_in(client, f"guess-{n}")
    assert log_in(Client(REMOTE_ADDR="203.0.113.9"), PASSWORD).status_code == 302  # the editor elsewhere
    django_user_model.objects.create_superuser("other", "other@example.org", PASSWORD)
    other = client.post("/admin/login/?next=/admin/", {"username": "other", "password": PASSWORD})
    assert other.status_code == 302  # another editor at the same address


def test_a_success_before_the_limit_starts_the_count_again(client, editor):
    for n in range(4):
        log_in(client, f"guess-{n}")
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    assert [log_in(client, f"again-{n}").status_code for n in range(4)] == [200] * 4


def test_behind_the_proxy_attempts_count_against_the_address_the_proxy_saw(client, editor, settings):
    """The proxy appends the client's address to X-Forwarded-For: what a client writes before it is ignored."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    for n in range(5):
        log_in(client, f"guess-{n}", headers={"x-forwarded-for": f"198.51.100.{n}, 203.0.113.7"})
    assert log_in(client, PASSWORD, headers={"x-forwarded-for": "203.0.113.7"}).status_code == 429
    assert log_in(client, PASSWORD, headers={"x-forwarded-for": "203.0.113.8"}).status_code == 302
