"""A knowledge base prepared once, as the ingest command does before it forks workers."""
import pytest

from ingest.guard import warm_up
from ingest.knowledge import KnowledgeBase


@pytest.fixture(scope="session")
def knowledge():
    kb = KnowledgeBase.from_data_files()
    warm_up(kb)
    return kb
