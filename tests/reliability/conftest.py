"""A knowledge base prepared once (as the ingest command does before it forks workers), and a migrated SQLite
database and a clean ingest of the shared corpora, made once for the tests that compare whole runs."""
import pytest

from ingest.guard import warm_up
from ingest.knowledge import KnowledgeBase
from tests.reliability import corpus


@pytest.fixture(scope="session")
def knowledge():
    kb = KnowledgeBase.from_data_files()
    warm_up(kb)
    return kb


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory):
    """A migrated SQLite file: copy it for each run."""
    return corpus.migrated(tmp_path_factory.mktemp("template") / "empty.sqlite3")


@pytest.fixture(scope="session")
def clean_run(empty_database, tmp_path_factory):
    """The corpora ingested once, uninterrupted, in the usual order: (its database, its dump)."""
    if not corpus.AVAILABLE:
        pytest.skip(f"the shared corpora are not at {corpus.SHARED}")
    database = corpus.copy_of(empty_database, tmp_path_factory.mktemp("clean") / "clean.sqlite3")
    corpus.ingest(database, corpus.corpus_files())
    return database, corpus.dump(database)
