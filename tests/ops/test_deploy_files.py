"""The compose file, the Dockerfile and gunicorn.conf.py, checked without a Docker engine: every service is built or
pulled, waits on what it needs by condition, and the image installs everything at build time."""
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = ["gunicorn", "-c", "gunicorn.conf.py", "config.wsgi"]


@pytest.fixture(scope="module")
def services():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]


@pytest.fixture(scope="module")
def dockerfile():
    """The Dockerfile's instructions, continuation lines joined, comments left out."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text())
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def commands_of(service):
    return [" ".join(service.get(key) or []) if isinstance(service.get(key), list) else service.get(key) or ""
            for key in ("entrypoint", "command")]


def test_every_service_has_an_image_or_a_build(services):
    assert set(services) == {"db", "migrate", "web", "ingest", "worker"}
    for name, service in services.items():
        assert service.get("image") or service.get("build"), name


def test_every_dependency_waits_on_a_condition(services):
    for name, service in services.items():
        for dependency, wait in (service.get("depends_on") or {}).items():
            assert dependency in services, (name, dependency)
            assert wait["condition"] in ("service_healthy", "service_completed_successfully"), (name, dependency)
    assert services["migrate"]["depends_on"] == {"db": {"condition": "service_healthy"}}
    for name in ("web", "ingest"):
        assert services[name]["depends_on"] == {"db": {"condition": "service_healthy"},
                                                "migrate": {"condition": "service_completed_successfully"}}


def test_the_database_and_the_site_have_health_checks(services):
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])
    for name in ("db", "web"):
        assert services[name]["healthcheck"]["interval"]


def test_the_migrations_run_once_and_the_ingest_runs_on_demand(services):
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--no-input"]
    assert services["migrate"]["restart"] == "no"
    assert services["ingest"]["entrypoint"] == ["python", "manage.py", "ingest"]
    assert services["ingest"]["profiles"] == ["tools"]  # not started by `docker compose up`
    assert any(volume.endswith(":/articles:ro") for volume in services["ingest"]["volumes"])


def test_the_queue_workers_run_on_demand_and_see_the_same_articles(services):
    assert services["worker"]["command"] == ["python", "manage.py", "ingest_worker"]
    assert services["worker"]["profiles"] == ["queue"]  # started with `--profile queue`
    assert services["worker"]["volumes"] == services["ingest"]["volumes"]


def test_the_site_runs_the_images_gunicorn_command(services, dockerfile):
    assert services["web"]["command"] == GUNICORN
    assert f"CMD {GUNICORN}".replace("'", '"') in dockerfile


def test_no_container_installs_anything_when_it_starts(services, dockerfile):
    for name, service in services.items():
        assert not any(re.search(r"\bpip\b|apt-get", command) for command in commands_of(service)), name
    start = [line for line in dockerfile if line.split()[0] in ("CMD", "ENTRYPOINT")]
    assert start and not any("pip" in line for line in start)


def test_the_app_services_share_the_production_environment(services):
    for name in ("migrate", "web", "ingest", "worker"):
        environment = services[name]["environment"]
        assert environment["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in environment["DATABASE_URL"]
        assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")  # compose refuses to start without one
        assert "DEBUG" not in environment  # off unless set


def test_the_image_installs_at_build_time_and_runs_as_a_user(dockerfile):
    runs = [line for line in dockerfile if line.startswith("RUN ")]
    assert any("pip install" in line for line in runs)
    assert any("collectstatic" in line for line in runs)
    users = [line.split()[1] for line in dockerfile if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    assert dockerfile.index(f"USER {users[-1]}") > max(dockerfile.index(line) for line in runs)


def test_the_build_context_leaves_out_local_state():
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "var"} <= set(ignored)


def gunicorn_settings(**env):
    """gunicorn's settings as it reads gunicorn.conf.py, in a fresh process with ``env``."""
    code = ("from gunicorn.app.wsgiapp import WSGIApplication as App; import sys; sys.argv = "
            f"{GUNICORN!r}; app = App(); c = app.cfg; "
            "print(c.workers, c.timeout, c.accesslog, c.bind[0], c.max_requests)")
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("WEB_CONCURRENCY", "GUNICORN_BIND", "GUNICORN_TIMEOUT")}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**environment, **env},
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    workers, timeout, accesslog, bind, max_requests = result.stdout.split()
    return {"workers": int(workers), "timeout": int(timeout), "accesslog": accesslog, "bind": bind,
            "max_requests": int(max_requests)}


def test_gunicorn_takes_its_workers_from_the_cpu_count():
    defaults = gunicorn_settings()
    assert defaults["workers"] == 2 * len(os.sched_getaffinity(0)) + 1
    assert (defaults["timeout"], defaults["accesslog"], defaults["bind"]) == (30, "-", "0.0.0.0:8000")
    assert defaults["max_requests"] > 0


def test_gunicorn_settings_come_from_the_environment():
    chosen = gunicorn_settings(WEB_CONCURRENCY="3", GUNICORN_TIMEOUT="60", GUNICORN_BIND="127.0.0.1:9000")
    assert (chosen["workers"], chosen["timeout"], chosen["bind"]) == (3, 60, "127.0.0.1:9000")


def test_gunicorn_accepts_the_configuration_and_loads_the_site():
    result = subprocess.run([sys.executable, "-m", "gunicorn", *GUNICORN[1:], "--check-config"], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "SECRET_KEY": "k" * 50})
    assert result.returncode == 0, result.stdout + result.stderr


def test_make_serve_and_ci_start_the_same_command():
    assert shlex.join(GUNICORN[1:]) in (ROOT / "Makefile").read_text()
    assert shlex.join(GUNICORN[1:]) in (ROOT / ".ci" / "run").read_text()


@pytest.mark.skipif(not shutil.which("docker-compose"), reason="Debian's docker-compose is not installed "
                                                               "(apt-get install docker-compose; .ci/run does)")
def test_docker_compose_accepts_the_file():
    """Compose's own schema check: it knows every option name, which the YAML checks above do not."""
    result = subprocess.run(["docker-compose", "config", "--quiet"], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "SECRET_KEY": "k" * 50})
    assert result.returncode == 0, result.stderr
    unset = subprocess.run(["docker-compose", "config", "--quiet"], cwd=ROOT, capture_output=True, text=True,
                           env={key: value for key, value in os.environ.items() if key != "SECRET_KEY"})
    assert unset.returncode != 0 and "set SECRET_KEY" in unset.stderr
