"""The bundled reference data is consistent: what the migration loads and the extractor reads."""
from datetime import date

from meetings.reference import read_reference_data


def test_every_tenure_names_an_office_of_the_officials_own_country():
    data = read_reference_data()
    offices = {(o["country"], o["title"]) for o in data["offices"]}
    missing = [(p["name"], t["title"]) for p in data["officials"] for t in p["tenures"]
               if (p["country"], t["title"]) not in offices]
    assert missing == []


def test_every_tenure_ends_after_it_starts():
    data = read_reference_data()
    backwards = [p["name"] for p in data["officials"] for t in p["tenures"]
                 if t.get("start") and t.get("end") and date.fromisoformat(t["end"]) < date.fromisoformat(t["start"])]
    assert backwards == []


def test_every_office_and_official_belongs_to_a_known_country():
    data = read_reference_data()
    codes = {c["code"] for c in data["countries"]}
    assert {o["country"] for o in data["offices"]} - codes == set()
    assert {p["country"] for p in data["officials"]} - codes == set()


def test_one_office_title_is_listed_once_per_country():
    data = read_reference_data()
    keys = [(o["country"], o["title"]) for o in data["offices"]]
    assert len(keys) == len(set(keys))


def test_defense_offices_cover_at_least_120_countries():
    assert len({o["country"] for o in read_reference_data()["offices"]}) >= 120
