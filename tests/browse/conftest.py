"""A small world of meetings the browsing tests read: three allies, five years, every mode."""
from datetime import date
from types import SimpleNamespace

import pytest

from tests.browse.builders import make_official, make_seoul_talks
from tests.factories import make_meeting


@pytest.fixture
def world(db):
    han = make_official("Han Min-jun", "KR", "Minister of National Defense", start=date(2015, 6, 1))
    hale = make_official("Robert Hale", "US", "Secretary of Defense", start=date(2015, 1, 20), end=date(2019, 1, 1))
    kato = make_official("Kenji Kato", "JP", "Minister of Defense", start=date(2017, 8, 3))
    return SimpleNamespace(
        han=han, hale=hale, kato=kato,
        washington=make_meeting(["KR", "US"], date(2016, 2, 10), name="Alliance talks in Washington",
                                place="Washington", participants=[("Han Min-jun", "KR", han),
                                                                  ("Robert Hale", "US", hale)]),
        seoul=make_seoul_talks(date(2017, 10, 23), han, hale),
        call=make_meeting(["JP", "US"], date(2017, 10, 24), format="phone",
                          participants=[("Kenji Kato", "JP", kato), ("Robert Hale", "US", hale)]),
        trilateral=make_meeting(["JP", "KR", "US"], date(2018, 3, 5), format="video",
                                name="Trilateral ministerial video call",
                                participants=[("Kenji Kato", "JP", kato), ("Han Min-jun", "KR", han),
                                              ("Robert Hale", "US", hale)]),
        busan=make_meeting(["KR", "US"], date(2019, 6, 1), name="Alliance talks in Busan", place="Busan"),
        sydney=make_meeting(["AU", "US"], date(2019, 6, 3), name="Defense talks in Sydney", place="Sydney"),
    )
