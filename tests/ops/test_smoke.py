""".ci/smoke.py, which CI points at gunicorn: it fails on any path that does not answer 200, and on a page's
missing static file."""
import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "smoke.py"

# A live server's test empties the database after it; restoring what the migrations put there (content types
# among it, under their own ids) keeps the transactional tests after it from tripping over new ones.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module")
def smoke():
    spec = importlib.util.spec_from_file_location("smoke", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_it_passes_when_every_path_and_static_file_answers(smoke, live_server, capsys):
    assert smoke.main([live_server.url, "/", "/healthz", "/robots.txt", "--wait", "5"]) == 0
    output = capsys.readouterr().out
    assert "ok   200 /healthz" in output
    assert "/static/css/site.css" in output and "linked from a page" in output  # the page's stylesheet, fetched


def test_it_fails_on_a_path_that_is_not_200(smoke, live_server, capsys):
    assert smoke.main([live_server.url, "/healthz", "/no-such-page/"]) == 1
    assert "FAIL 404 /no-such-page/" in capsys.readouterr().out


def test_it_fails_on_a_missing_static_file(smoke, live_server, monkeypatch, capsys):
    monkeypatch.setattr(smoke.AssetLinks, "handle_starttag", lambda self, tag, attrs: self.found.append(
        "/static/css/missing.css") if tag == "link" else None)
    assert smoke.main([live_server.url, "/"]) == 1
    assert "FAIL 404 /static/css/missing.css" in capsys.readouterr().out


def test_paths_this_codebase_does_not_route_are_skipped_and_routed_ones_required(smoke, live_server, capsys):
    assert smoke.main([live_server.url, "/healthz", "--if-routed", "/not-merged-yet/", "/robots.txt"]) == 0
    output = capsys.readouterr().out
    assert "skip /not-merged-yet/: not routed in this codebase" in output
    assert "ok   200 /robots.txt" in output
    assert smoke.main([live_server.url, "/healthz", "--if-routed", "/meetings/no-such-meeting/"]) == 1
