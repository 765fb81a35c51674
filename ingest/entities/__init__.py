"""Countries, groups, places and officials named in an article.

All names the KnowledgeBase knows (countries with their aliases, demonyms and places, the groups, officials in either
name order) go into one trie-shaped regular expression built once per KnowledgeBase, so a document is scanned in one
pass. People the KB does not know are found by a title in front of a capitalized name, later short mentions by the
family names already introduced. A titled name resolves against the KB by country and day first, then by name; an
official nothing else places takes a government from his delegation, his sentence, the headline and lead, or the
dateline. `eval/without_officials.py` measures these text-only rules with the KB's people removed.

Each module answers one question: ``vocabulary`` how news English writes offices, ranks, forms of address and names;
``names`` what shape a name has (its lookup key, its family name, where it ends); ``offices`` which office a title
names and which known official holds it that day, with his role; ``index`` where the KB's names stand in a text
(``EntityIndex``), and the dataclasses of what an article names; ``datelines`` which place a wire dateline names;
``governments`` which government an official belongs to when no word beside his title says it; ``attendance`` whom a
list of attendees names; ``people`` what the article names, and who its people are (``find_entities``).
"""
from .datelines import dateline_place, match_dateline
from .index import DocumentEntities, EntityIndex, Person, trie_regex
from .names import fold
from .offices import in_other_office
from .people import find_entities
from .vocabulary import LEADER_TITLES, PLURAL_REFERENCE

__all__ = [
    "LEADER_TITLES", "PLURAL_REFERENCE", "DocumentEntities", "EntityIndex", "Person", "dateline_place", "find_entities",
    "fold", "in_other_office", "match_dateline", "trie_regex",
]
