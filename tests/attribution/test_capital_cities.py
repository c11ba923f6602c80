"""A capital standing for its government may speak (``Damascus declared``), but it is a
place: ``he`` never resolves to it. Invented text."""

from __future__ import annotations

import pytest

from spinscope.attribution import analyse
from spinscope.attribution.mentions import is_place_name
from spinscope.document import Document


@pytest.mark.parametrize("city", ["Damascus", "Ankara", "Kabul", "Tel Aviv", "New Delhi"])
def test_a_capital_speaks_but_is_no_he(city: str) -> None:
    text = (
        f"{city} declared that the plan was “a blatant attack on our sovereignty.” "
        "The troops stayed. The commitment, he said, is now open-ended."
    )
    _, speakers, links, _ = analyse(Document(text))
    names = [speakers[s].name if s is not None else None for s in links]
    assert names[0] == city
    assert names[-1] is None
    assert is_place_name(city)


@pytest.mark.parametrize("name", ["Jordan Peele", "Sydney Lee", "Austin Reed"])
def test_people_named_like_places_stay_people(name: str) -> None:
    assert not is_place_name(name)
