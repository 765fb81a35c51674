"""`manage.py ingest`: dry-run JSON for the scorer, stored sources, summaries, and clear failures."""
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from meetings.models import Meeting, Source

pytestmark = pytest.mark.django_db

ARTICLE = """SEOUL, March 4, 2021 -- South Korean Defense Minister Ana Kimtest and Portuguese Defence Minister
Rui Sampletest held talks in Seoul on Thursday and pledged to expand joint naval training.
"""


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "talks.txt"
    path.write_text(ARTICLE)
    return path


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=out, stderr=err)
        code = 0
    except CommandError as exc:
        err.write(str(exc))
        code = exc.returncode
    return code, out.getvalue(), err.getvalue()


def test_dry_run_prints_the_documents_and_writes_nothing(article):
    code, out, err = run(article, "--dry-run", "--json")
    documents = json.loads(out)["documents"]
    assert code == 0
    assert [d["source"] for d in documents] == [str(article)]
    assert set(documents[0]) >= {"source", "published", "meetings"}
    assert not Source.objects.exists()
    assert "sources:" in err


def test_ingesting_stores_the_source_and_its_meetings(article):
    code, _, err = run(article)
    assert code == 0
    assert Source.objects.get().file_name == str(article)
    assert "new 1" in err


def test_the_same_content_again_is_reported_unchanged(article):
    run(article)
    code, _, err = run(article)
    assert code == 0 and "unchanged 1" in err
    assert Source.objects.count() == 1


def test_force_re_extracts_unchanged_content(article):
    run(article)
    meetings = list(Meeting.objects.values_list("slug", flat=True))
    code, _, err = run(article, "--force")
    assert code == 0 and "updated 1" in err
    assert list(Meeting.objects.values_list("slug", flat=True)) == meetings


def test_a_broken_source_is_recorded_and_does_not_stop_the_run(tmp_path, article):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x00\x00")
    code, _, err = run(broken, article)
    assert code == 1
    assert "failed: " in err and "binary" in err
    assert Source.objects.get(status="failed").failure_reason
    assert Source.objects.filter(file_name=str(article)).exists()
    assert "Traceback" not in err


def test_an_empty_article_is_recorded_as_failed(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    code, _, _ = run(empty)
    assert code == 1
    assert Source.objects.get().status == "failed"


def test_publisher_and_published_apply_to_every_source(article):
    run(article, "--publisher", "Example Wire", "--published", "2021-03-05")
    source = Source.objects.get()
    assert (source.publisher, source.published.isoformat()) == ("Example Wire", "2021-03-05")


def test_a_bad_published_date_is_a_clear_error(article):
    code, _, err = run(article, "--published", "March 5")
    assert code != 0 and "YYYY-MM-DD" in err


class Terminal(StringIO):
    def isatty(self):
        return True


def test_several_sources_show_a_progress_bar_on_a_terminal(tmp_path, article):
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE.replace("Seoul", "Busan"))
    terminal = Terminal()
    call_command("ingest", str(article), str(other), "--dry-run", stdout=StringIO(), stderr=terminal)
    assert "2/2" in terminal.getvalue()


def test_no_progress_bar_when_standard_error_is_not_a_terminal(tmp_path, article):
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE.replace("Seoul", "Busan"))
    code, _, err = run(article, other, "--dry-run")
    assert "2/2" not in err


def test_the_progress_flag_shows_the_bar_on_standard_error_and_keeps_json_output_clean(tmp_path, article):
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE.replace("Seoul", "Busan"))
    code, out, err = run(article, other, "--dry-run", "--json", "--progress")
    assert "2/2" in err
    assert len(json.loads(out)["documents"]) == 2


def test_a_failure_line_on_a_terminal_stands_on_its_own_line(tmp_path, article):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x00")
    terminal = Terminal()
    with pytest.raises(CommandError):
        call_command("ingest", str(broken), str(article), "--dry-run", stdout=StringIO(), stderr=terminal)
    assert any(line.startswith("failed: ") for line in terminal.getvalue().replace("\r", "\n").splitlines())


def run_without_database(tmp_path, *args):
    """The command in a process whose database does not exist yet (a fresh checkout before `migrate`)."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'not-created' / 'db.sqlite3'}"}
    manage = Path(__file__).resolve().parents[2] / "manage.py"
    return subprocess.run([sys.executable, str(manage), "ingest", *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=120)


def test_dry_run_before_migrate_extracts_as_a_new_database_would(tmp_path):
    known = tmp_path / "known.txt"
    known.write_text("SEOUL, March 4, 2021 -- South Korean Defense Minister Suh Wook and Australian Defence Minister "
                     "Peter Dutton held talks in Seoul on Thursday and agreed to expand joint naval training.\n")
    result = run_without_database(tmp_path, known, "--dry-run", "--json")
    assert result.returncode == 0 and "bundled reference data" in result.stderr
    [document] = json.loads(result.stdout)["documents"]
    assert document["meetings"][0]["countries"] == ["AU", "KR"]
    assert document == json.loads(run(known, "--dry-run", "--json")[1])["documents"][0]


def test_storing_before_migrate_is_a_clear_error(article, tmp_path):
    result = run_without_database(tmp_path, article)
    assert result.returncode == 1
    assert "run `python manage.py migrate` first" in result.stderr and "Traceback" not in result.stderr


def sources_table(tmp_path, line="| talks.txt | https://news.example.org/2021/talks |"):
    path = tmp_path / "SOURCES.md"
    path.write_text(f"| file | url |\n| --- | --- |\n{line}\n")
    return path


def test_a_sources_table_records_each_files_original_address(article, tmp_path):
    code, _, _ = run(article, "--sources-table", sources_table(tmp_path))
    source = Source.objects.get()
    assert code == 0
    assert source.url == "https://news.example.org/2021/talks" and source.file_name == str(article)
    assert source.publisher == "news.example.org"


def test_a_stored_file_learns_its_address_from_a_later_sources_table(article, tmp_path):
    run(article)
    code, _, err = run(article, "--sources-table", sources_table(tmp_path))
    assert code == 0 and "unchanged 1" in err
    assert Source.objects.get().url == "https://news.example.org/2021/talks"


def test_a_sources_table_that_cannot_be_read_stops_the_ingest(article, tmp_path):
    code, _, err = run(article, "--sources-table", sources_table(tmp_path, "| talks.txt | not an address |"))
    assert code == 1 and "not an http(s) address" in err
    assert not Source.objects.exists()


@pytest.fixture
def served(tmp_path, settings):
    """A local web server over ``tmp_path``; yields its address, which the fetch limits allow."""
    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_a_feed_entry_without_a_date_on_its_page_takes_the_day_the_feed_gives(tmp_path, served):
    (tmp_path / "talks.txt").write_text(ARTICLE.replace("SEOUL, March 4, 2021 --", "SEOUL --"))
    (tmp_path / "feed.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Talks</title>'
        f"<link>{served}/talks.txt</link><pubDate>Thu, 04 Mar 2021 21:00:00 +0900</pubDate></item></channel></rss>")
    code, out, _ = run(f"{served}/feed.xml", "--dry-run", "--json")
    [document] = json.loads(out)["documents"]
    assert (code, document["source"], document["published"]) == (0, f"{served}/talks.txt", "2021-03-04")


def test_the_progress_bar_counts_each_feed_entry(tmp_path, served):
    (tmp_path / "one.txt").write_text(ARTICLE)
    (tmp_path / "two.txt").write_text(ARTICLE.replace("Seoul", "Busan"))
    (tmp_path / "feed.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><link>{served}/one.txt</link></item><item><link>{served}/two.txt</link></item></channel></rss>")
    code, _, err = run(f"{served}/feed.xml", "--dry-run", "--progress")
    assert code == 0 and "2/2" in err
