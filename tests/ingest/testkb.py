"""A small hand-built KnowledgeBase for the extraction tests.

The tests must not depend on the bundled data files, which other work keeps
changing: this snapshot holds just the countries, groups, offices and officials the
test articles name, with real terms of office.
"""
from datetime import date

from ingest.knowledge import CountryNames, Group, KnowledgeBase, Membership, Office, OfficialRecord, Tenure


def _official(name, country, family, title, start, end=None, aliases=()):
    return OfficialRecord(name, country, family, tuple(aliases),
                          (Tenure(country, title, date.fromisoformat(start), end and date.fromisoformat(end)),))


COUNTRIES = [
    CountryNames("US", "United States", ("U.S.", "US", "USA", "America", "United States of America"), ("American",),
                 ("Washington", "Pentagon", "the Pentagon", "Hawaii")),
    CountryNames("KR", "South Korea", ("ROK", "Republic of Korea", "Korea"), ("South Korean",), ("Seoul", "Busan")),
    CountryNames("KP", "North Korea", ("DPRK", "Democratic People's Republic of Korea"), ("North Korean",), ("Pyongyang",)),
    CountryNames("JP", "Japan", (), ("Japanese",), ("Tokyo", "Okinawa")),
    CountryNames("CN", "China", ("People's Republic of China",), ("Chinese",), ("Beijing",)),
    CountryNames("AU", "Australia", (), ("Australian",), ("Canberra", "Brisbane", "Darwin")),
    CountryNames("IN", "India", (), ("Indian",), ("New Delhi", "Mumbai")),
    CountryNames("FR", "France", (), ("French",), ("Paris",)),
    CountryNames("GB", "United Kingdom", ("UK", "U.K.", "Britain"), ("British",), ("London",)),
    CountryNames("PL", "Poland", (), ("Polish",), ("Warsaw",)),
    CountryNames("UA", "Ukraine", (), ("Ukrainian",), ("Kyiv",)),
    CountryNames("EE", "Estonia", (), ("Estonian",), ("Tallinn",)),
    CountryNames("ID", "Indonesia", (), ("Indonesian",), ("Jakarta",)),
    CountryNames("PH", "Philippines", ("the Philippines",), ("Philippine", "Filipino"), ("Manila", "Clark")),
    CountryNames("LA", "Laos", ("Lao PDR",), ("Lao", "Laotian"), ("Vientiane",)),
    CountryNames("BN", "Brunei", (), ("Bruneian",), ("Bandar Seri Begawan",)),
    CountryNames("KH", "Cambodia", (), ("Cambodian",), ("Phnom Penh",)),
    CountryNames("MM", "Myanmar", ("Burma",), (), ("Naypyitaw",)),
    CountryNames("MY", "Malaysia", (), ("Malaysian",), ("Kuala Lumpur",)),
    CountryNames("SG", "Singapore", (), ("Singaporean",), ("Singapore",)),
    CountryNames("TH", "Thailand", (), ("Thai",), ("Bangkok",)),
    CountryNames("VN", "Vietnam", ("Viet Nam",), ("Vietnamese",), ("Hanoi",)),
    CountryNames("TL", "Timor-Leste", ("East Timor",), ("Timorese",), ("Dili",)),
]

ASEAN = Group("ASEAN", "Association of Southeast Asian Nations", ("ASEAN",), tuple(
    [Membership(code) for code in ("BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN")]
    + [Membership("TL", date(2025, 10, 26))]))
NATO = Group("NATO", "North Atlantic Treaty Organization", ("NATO",), tuple(
    Membership(code) for code in ("US", "GB", "FR", "PL", "EE")))

OFFICES = [
    Office("US", "Secretary of Defense", ("Defense Secretary", "Pentagon chief")),
    Office("KR", "Minister of National Defense", ("Defense Minister", "Defence Minister")),
    Office("JP", "Minister of Defense", ("Defense Minister", "Defence Minister")),
    Office("AU", "Minister for Defence", ("Defence Minister", "Deputy Prime Minister and Minister for Defence")),
    Office("IN", "Minister of Defence", ("Defence Minister", "Raksha Mantri")),
    Office("FR", "Minister of the Armed Forces", ("Armed Forces Minister", "Defence Minister")),
    Office("GB", "Secretary of State for Defence", ("Defence Secretary",)),
    Office("PL", "Minister of National Defence", ("Defence Minister", "Defense Minister")),
    Office("ID", "Minister of Defense", ("Defense Minister",)),
    Office("CN", "Minister of National Defense", ("Defense Minister",)),
    Office("PH", "Secretary of National Defense", ("Defense Secretary",)),
]

OFFICIALS = [
    _official("Jim Mattis", "US", "Mattis", "Secretary of Defense", "2017-01-20", "2019-01-01", ("James Mattis",)),
    _official("Lloyd Austin", "US", "Austin", "Secretary of Defense", "2021-01-22", "2025-01-20",
              ("Lloyd J. Austin III", "Lloyd J. Austin")),
    _official("Pete Hegseth", "US", "Hegseth", "Secretary of Defense", "2025-01-25"),
    _official("Shin Won-sik", "KR", "Shin", "Minister of National Defense", "2023-10-07", "2024-09-06"),
    _official("Kim Yong-hyun", "KR", "Kim", "Minister of National Defense", "2024-09-06", "2024-12-05"),
    _official("Lee Jong-sup", "KR", "Lee", "Minister of National Defense", "2022-05-10", "2023-10-07"),
    _official("Yasukazu Hamada", "JP", "Hamada", "Minister of Defense", "2022-08-10", "2023-09-13"),
    _official("Minoru Kihara", "JP", "Kihara", "Minister of Defense", "2023-09-13", "2024-10-01"),
    _official("Gen Nakatani", "JP", "Nakatani", "Minister of Defense", "2024-10-01", "2025-10-21"),
    _official("Richard Marles", "AU", "Marles", "Minister for Defence", "2022-06-01"),
    _official("Rajnath Singh", "IN", "Singh", "Minister of Defence", "2019-05-31"),
    _official("Sébastien Lecornu", "FR", "Lecornu", "Minister of the Armed Forces", "2022-05-20", "2025-10-05"),
    _official("John Healey", "GB", "Healey", "Secretary of State for Defence", "2024-07-05"),
    _official("Władysław Kosiniak-Kamysz", "PL", "Kosiniak-Kamysz", "Minister of National Defence", "2023-12-13",
              aliases=("Wladyslaw Kosiniak-Kamysz",)),
    _official("Prabowo Subianto", "ID", "Prabowo", "Minister of Defense", "2019-10-23", "2024-10-20"),
    _official("Dong Jun", "CN", "Dong", "Minister of National Defense", "2023-12-29"),
    _official("Gilberto Teodoro", "PH", "Teodoro", "Secretary of National Defense", "2023-06-05",
              aliases=("Gilberto Teodoro Jr.", "Gibo Teodoro")),
]


def small_kb() -> KnowledgeBase:
    return KnowledgeBase(countries=list(COUNTRIES), groups=[ASEAN, NATO], offices=list(OFFICES),
                         officials=list(OFFICIALS))
