"""Invented articles for the load bench: each invented meeting of two defense ministers reported twice.

The ministers are real (read from meetings/data/officials, the project's own reference data) and in office on the
meeting's day; the sentences, topics, quotes and pledges are invented here, never taken from an article. Every meeting
has its own day, two days or more from any other (the ingest takes a report a day off for the same meeting), so the
bench knows exactly which meetings the ingest must end with: one per pair of reports.
"""
import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "meetings" / "data"

# Each country's adjective and the defense office as the articles name it (an alias of the office in the data).
COUNTRIES = {
    "US": ("U.S.", "Defense Secretary"), "KR": ("South Korean", "Defense Minister"),
    "JP": ("Japanese", "Defense Minister"), "AU": ("Australian", "Defence Minister"),
    "IN": ("Indian", "Defence Minister"), "GB": ("British", "Defence Secretary"),
    "FR": ("French", "Defence Minister"), "DE": ("German", "Defence Minister"),
    "CA": ("Canadian", "Defence Minister"), "IT": ("Italian", "Defence Minister"),
    "PL": ("Polish", "Defence Minister"), "NL": ("Dutch", "Defence Minister"),
    "SG": ("Singaporean", "Defence Minister"), "PH": ("Philippine", "Defense Secretary"),
}
FIRST_DAY, LAST_DAY = date(2008, 1, 1), date(2024, 12, 31)

TOPICS = ["maritime security in the region", "missile defense cooperation", "cyber defense",
          "joint training of their armed forces", "defense industry cooperation", "counterterrorism",
          "military medicine and disaster relief", "space security", "the supply of ammunition",
          "information sharing on regional threats"]
PLEDGES = ["hold a joint naval exercise next year", "set up a working group on cyber defense",
           "expand exchanges between their military academies", "meet again before the end of the year",
           "sign an agreement on logistics support", "increase joint patrols at sea",
           "launch annual talks between their defense staffs", "share satellite data on maritime traffic"]
QUOTES = ["Our partnership has never been stronger", "We face common challenges and we will meet them together",
          "This meeting opens a new chapter for our two armed forces", "Cooperation between our forces keeps the peace",
          "We agreed on concrete steps, not only words"]


@dataclass(frozen=True)
class Minister:
    name: str
    family_name: str
    country: str


@dataclass(frozen=True)
class InventedMeeting:
    day: date
    host: Minister
    guest: Minister
    city: str

    @property
    def countries(self) -> frozenset:
        return frozenset({self.host.country, self.guest.country})


def defense_ministers() -> dict[str, list[tuple[Minister, date, date]]]:
    """Each chosen country's holders of the office the articles name, with their (non-acting) tenures."""
    offices, tenures = {}, {code: [] for code in COUNTRIES}
    files = sorted((DATA / "officials").glob("*.json"))
    for path in files:
        for office in json.loads(path.read_text())["offices"]:
            if office["country"] in COUNTRIES and COUNTRIES[office["country"]][1] in office["aliases"]:
                offices.setdefault(office["country"], set()).add(office["title"])
    for path in files:
        for official in json.loads(path.read_text())["officials"]:
            code = official["country"]
            for tenure in official.get("tenures", []):
                if code in COUNTRIES and tenure["title"] in offices.get(code, ()) and not tenure["acting"]:
                    minister = Minister(official["name"], official["family_name"], code)
                    end = date.fromisoformat(tenure["end"]) if tenure["end"] else LAST_DAY
                    tenures[code].append((minister, date.fromisoformat(tenure["start"]), end))
    return tenures


def minister_on(tenures, code: str, day: date) -> Minister | None:
    """The one minister in office that day, or None on a day of handover (two) or vacancy (none)."""
    holders = {minister for minister, start, end in tenures[code] if start < day < end}
    return holders.pop() if len(holders) == 1 else None


def invent_meetings(count: int, seed: int = 13) -> list[InventedMeeting]:
    rng = random.Random(seed)
    tenures = defense_ministers()
    places = {entry["code"]: entry["places"][0] for entry in json.loads((DATA / "countries.json").read_text())
              if entry["code"] in COUNTRIES}
    codes, span = sorted(COUNTRIES), (LAST_DAY - FIRST_DAY).days
    meetings, days_taken = [], set()
    while len(meetings) < count:
        day = FIRST_DAY + timedelta(days=rng.randrange(span))
        host_code, guest_code = rng.sample(codes, 2)
        host, guest = minister_on(tenures, host_code, day), minister_on(tenures, guest_code, day)
        if day in days_taken or host is None or guest is None:
            continue
        days_taken.update(day + timedelta(days=shift) for shift in range(-2, 3))
        meetings.append(InventedMeeting(day, host, guest, places[host_code]))
    return meetings


def long_date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def host_report(meeting: InventedMeeting, rng: random.Random) -> str:
    host, guest = meeting.host, meeting.guest
    host_adjective, host_title = COUNTRIES[host.country]
    guest_adjective, guest_title = COUNTRIES[guest.country]
    return (f"{meeting.city.upper()}, {long_date(meeting.day)} -- {host_adjective} {host_title} {host.name} met "
            f"{guest_adjective} {guest_title} {guest.name} in {meeting.city} on {long_date(meeting.day)}, "
            f"the ministry said.\n"
            f"The two ministers discussed {rng.choice(TOPICS)} and agreed to {rng.choice(PLEDGES)}.\n"
            f"\"{rng.choice(QUOTES)},\" {host.family_name} told reporters after the talks.\n")


def guest_report(meeting: InventedMeeting, rng: random.Random) -> str:
    host, guest = meeting.host, meeting.guest
    host_adjective, host_title = COUNTRIES[host.country]
    guest_adjective, guest_title = COUNTRIES[guest.country]
    published = meeting.day + timedelta(days=1)
    return (f"{meeting.city.upper()}, {long_date(published)} -- {guest_adjective} {guest_title} {guest.name} held "
            f"talks with {host_adjective} {host_title} {host.name} in {meeting.city} on {long_date(meeting.day)}.\n"
            f"{guest.family_name} and {host.family_name} discussed {rng.choice(TOPICS)}, according to a statement "
            f"released after the meeting.\n"
            f"The two sides pledged to {rng.choice(PLEDGES)}.\n")


def write_articles(target: Path, count: int, seed: int = 13) -> list[InventedMeeting]:
    """COUNT article files in TARGET (two a meeting, the host's and the guest's); the meetings they report."""
    rng = random.Random(seed)
    meetings = invent_meetings(count // 2, seed)
    for number, meeting in enumerate(meetings):
        (target / f"load-{number:04d}-host.txt").write_text(host_report(meeting, rng))
        (target / f"load-{number:04d}-guest.txt").write_text(guest_report(meeting, rng))
    return meetings
