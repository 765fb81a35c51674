"""Settings come from the environment; production settings pass Django's deployment checks."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def clean_environment(**env):
    """The environment without the settings under test, and without test-only switches."""
    unset = ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    return {**{k: v for k, v in os.environ.items() if k not in unset}, **env}


def run_python(code, **env):
    environment = clean_environment(DJANGO_SETTINGS_MODULE="config.settings", **env)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True)


def setting(name, **env):
    result = run_python(f"from django.conf import settings; print(repr(settings.{name}))", **env)
    assert result.returncode == 0, result.stderr
    return eval(result.stdout)  # the repr of a plain value


def test_debug_is_off_unless_set():
    assert setting("DEBUG") is False
    assert setting("DEBUG", DEBUG="1") is True


def test_database_url_selects_the_database():
    assert setting("DATABASES['default']['ENGINE']", DATABASE_URL="postgres://u@db.example:5432/x") \
        == "django.db.backends.postgresql"
    assert setting("DATABASES['default']['ENGINE']", DATABASE_URL="") == "django.db.backends.sqlite3"


def test_sqlite_is_the_embedded_default():
    assert str(setting("DATABASES['default']['NAME']", DATABASE_URL="")).endswith("var/ministerial.sqlite3")


def test_allowed_hosts_and_secret_key_come_from_the_environment():
    assert setting("ALLOWED_HOSTS", ALLOWED_HOSTS="a.example, b.example") == ["a.example", "b.example"]
    assert setting("SECRET_KEY", SECRET_KEY="s" * 60) == "s" * 60


def test_production_settings_pass_the_deploy_check():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], cwd=ROOT,
        env=clean_environment(DEBUG="0", SECRET_KEY="k3y-" + "x7Q9" * 15, ALLOWED_HOSTS="ministerial.example"),
        capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
