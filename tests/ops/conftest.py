"""Meetings added in a known order, so the feeds' newest-first order is the test's to state."""
from datetime import date, datetime, timezone
from types import SimpleNamespace

import pytest

from tests.browse.builders import make_official
from tests.factories import make_meeting


def added_on(meeting, day):
    meeting.created_at = datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)
    meeting.save(update_fields=["created_at"])
    return meeting


@pytest.fixture
def feed_world(db):
    han = make_official("Han Min-jun", "KR", "Minister of National Defense", start=date(2015, 6, 1))
    hale = make_official("Robert Hale", "US", "Secretary of Defense", start=date(2015, 1, 20))
    kato = make_official("Kenji Kato", "JP", "Minister of Defense", start=date(2017, 8, 3))
    return SimpleNamespace(
        han=han, hale=hale, kato=kato,
        seoul=added_on(make_meeting(["KR", "US"], date(2017, 10, 23), name="Security talks in Seoul", place="Seoul",
                                    participants=[("Han Min-jun", "KR", han), ("Robert Hale", "US", hale)]),
                       date(2024, 1, 10)),
        call=added_on(make_meeting(["JP", "US"], date(2017, 10, 24), format="phone",
                                   participants=[("Kenji Kato", "JP", kato), ("Robert Hale", "US", hale)]),
                      date(2024, 1, 11)),
        # An old meeting found late: added last, so it leads the feeds although it is the oldest.
        found_late=added_on(make_meeting(["JP", "KR"], date(2009, 4, 2), name="Talks in Tokyo", place="Tokyo",
                                         participants=[("Kenji Kato", "JP", kato)]),
                            date(2024, 3, 1)),
    )
