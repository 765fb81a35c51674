"""A source's page lists every fact it supports: first found in it, found in it again, and the meeting's others."""
from datetime import date

import pytest

from meetings.models import Participant
from tests.browse.builders import add_commitment, add_evidence, add_participant, add_statement, make_official
from tests.factories import make_meeting, make_source

pytestmark = pytest.mark.django_db

# Invented reports of one invented meeting, by two outlets.
FIRST = ("Defense Minister Ana Costa of Portugal met Spanish Defense Minister Luis Vega in Lisbon on Monday.\n"
         "Costa said the two navies would train together in the Atlantic next spring.\n"
         "The ministers agreed to open a joint maritime surveillance centre by 2026.\n")
SECOND = ("Portugal's Ana Costa and Spain's L. Vega held talks in Lisbon.\n"
          "According to Costa, the two navies will train together in the Atlantic next spring.\n"
          "Vega's chief of staff, Marta Ruiz, also attended.\n")


def line(text, n):
    return text.splitlines()[n]


@pytest.fixture
def shared(db):
    costa = make_official("Ana Costa", "PT")
    vega = make_official("Luis Vega", "ES")
    first = make_source(FIRST, title="Iberian ministers meet", publisher="Example Wire")
    second = make_source(SECOND, title="Lisbon talks, a second report", publisher="Daily Example")
    meeting = make_meeting(["PT", "ES"], date(2024, 3, 4), name="Lisbon defence talks")
    meeting.sources.add(first, second)
    add_participant(meeting, costa, first, line(FIRST, 0))
    add_participant(meeting, vega, first, line(FIRST, 0))
    statement = add_statement(meeting, "The two navies would train together in the Atlantic next spring.", ["PT"],
                              first, line(FIRST, 1))
    commitment = add_commitment(meeting, "Open a joint maritime surveillance centre", ["PT", "ES"], first,
                                line(FIRST, 2))
    ruiz = Participant.objects.create(meeting=meeting, name="Marta Ruiz", role="chief of staff", country_id="ES",
                                      source=second, span_start=SECOND.index(line(SECOND, 2)),
                                      span_end=len(SECOND) - 1)
    staff_note = add_statement(meeting, "Both sides called the talks productive.", ["PT", "ES"])
    for kind, sentence, detail in (("reported", 0, "in person"), ("participant", 0, "Ana Costa"),
                                   ("participant", 0, "L. Vega"), ("participant", 2, "Marta Ruiz"),
                                   ("statement", 1, "")):
        add_evidence(meeting, second, kind, line(SECOND, sentence), detail)
    add_evidence(meeting, first, "reported", line(FIRST, 0), "in person")
    return {"first": first, "second": second, "meeting": meeting, "statement": statement, "commitment": commitment,
            "ruiz": ruiz, "staff_note": staff_note}


def groups(client, source):
    """{group label: [(kind, what)]} for the source's page, from its context."""
    response = client.get(source.get_absolute_url())
    assert response.status_code == 200
    [(meeting, found)] = response.context["facts"]
    return {group.label: [(item.kind, getattr(item.fact, "text", None) or item.fact.name) for item in group.facts]
            for group in found}


def test_a_later_source_lists_what_it_first_found_what_it_found_again_and_the_rest(client, shared):
    assert groups(client, shared["second"]) == {
        "First found in this source": [("participant", "Marta Ruiz")],
        "Found again in this source": [
            ("participant", "Ana Costa"), ("participant", "Luis Vega"),
            ("statement", "The two navies would train together in the Atlantic next spring.")],
        "From the meeting's other sources": [("statement", "Both sides called the talks productive."),
                                             ("commitment", "Open a joint maritime surveillance centre")],
    }


def test_the_first_source_lists_its_own_facts_and_those_a_later_source_added(client, shared):
    found = groups(client, shared["first"])
    assert [what for _, what in found["First found in this source"]] == [
        "Ana Costa", "Luis Vega", "The two navies would train together in the Atlantic next spring.",
        "Open a joint maritime surveillance centre"]
    assert found["From the meeting's other sources"] == [("participant", "Marta Ruiz"),
                                                         ("statement", "Both sides called the talks productive.")]


def test_each_shared_fact_links_to_its_sentence_here_and_to_the_source_it_was_first_found_in(client, shared):
    second, first = shared["second"], shared["first"]
    page = client.get(second.get_absolute_url()).content.decode()
    section = page.split('id="facts-heading"')[1].split("</section>")[0]
    start = SECOND.index(line(SECOND, 1))
    statement = shared["statement"]
    first_sentence = f"/sources/{first.pk}/#span-{statement.span_start}-{statement.span_end}"
    assert (f'<a href="#span-{start}-{start + len(line(SECOND, 1))}">matched here</a> · first found in '
            f'<a href="{first_sentence}">Iberian ministers meet</a>' in section)
    commitment = shared["commitment"]
    assert (f'from <a href="/sources/{first.pk}/#span-{commitment.span_start}-{commitment.span_end}">'
            f"Iberian ministers meet</a>" in section)
    assert f'<blockquote class="other-source-sentence">{line(FIRST, 2)}</blockquote>' in section
    assert "no source recorded (added by staff, or its source was deleted)" in section
    assert "not which later source repeated which fact" in section


def test_a_statement_is_found_again_only_in_a_sentence_with_most_of_its_words(client, shared):
    meeting, second = shared["meeting"], shared["second"]
    add_evidence(meeting, second, "commitment", line(SECOND, 2))  # a sentence about someone else
    found = groups(client, second)
    assert ("commitment", "Open a joint maritime surveillance centre") in found["From the meeting's other sources"]


def test_without_its_text_a_source_matches_participants_only_and_says_so(client, shared):
    second = shared["second"]
    second.cleaned_text = ""
    second.save()
    found = groups(client, second)
    assert found["Found again in this source"] == [("participant", "Ana Costa"), ("participant", "Luis Vega")]
    assert ("statement", "The two navies would train together in the Atlantic next spring.") in \
        found["From the meeting's other sources"]
    assert "this source's text is not stored, so only participants can be matched" in \
        client.get(second.get_absolute_url()).content.decode()


def test_a_family_name_shared_by_two_participants_matches_neither(client, shared):
    meeting = shared["meeting"]
    other_vega = make_official("Rosa Vega", "PT")
    add_participant(meeting, other_vega)
    names = [what for _, what in groups(client, shared["second"])["Found again in this source"]]
    assert "Luis Vega" not in names and "Rosa Vega" not in names


def test_the_shared_facts_keep_the_highlights_of_this_sources_sentences(client, shared):
    page = client.get(shared["second"].get_absolute_url()).content.decode()
    for n in range(3):
        start = SECOND.index(line(SECOND, n))
        assert f'<mark id="span-{start}-{start + len(line(SECOND, n))}"' in page
