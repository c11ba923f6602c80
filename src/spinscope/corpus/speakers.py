"""Speaker names over a corpus: one row per person or organisation.

The attribution component names each article's speakers (it already resolves "Trump"
and "he" to the article's "Donald Trump" when the article gives the full name), but
across a corpus the same person still appears as "Donald Trump", "Trump" and
"President Trump", and some resolved names are not names at all: a pronoun left
unresolved, "an unnamed source", a sentence fragment ("Trump and Clinton went").
This module cleans a name (:func:`clean_name`), drops what is not one, and merges a
bare surname into the full name it stands for — first within the article that
mentions both, then over the corpus when one full name clearly dominates
(:func:`corpus_aliases`).

>>> clean_name("President Trump"), clean_name("John Hawkins John Hawkins's")
('Trump', 'John Hawkins')
>>> clean_name("he"), clean_name("an unnamed source"), clean_name("Trump and Clinton went")
(None, None, None)
>>> merge_in_document([("Donald Trump", 3), ("Trump", 2), ("Mr. Trump", 1)])
[('Donald Trump', 6)]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

__all__ = [
    "DOMINANCE",
    "apply_aliases",
    "clean_name",
    "corpus_aliases",
    "merge_in_document",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Share of the statements of a surname's full names that one full name must have for
#: a bare surname elsewhere in the corpus to be taken as that person ("Clinton" as
#: "Hillary Clinton" when "Bill Clinton" is rarely quoted).
DOMINANCE = 2 / 3

#: Longest name kept: longer "names" are clauses the extractor took for a source.
MAX_WORDS = 6

#: Words that say who someone is rather than name them; dropped from the front.
TITLES = _words(
    """
    president vice sen senator rep representative congressman congresswoman gov governor
    mr mrs ms miss dr prof professor former pope chancellor secretary gen general judge
    justice mayor minister prime sir lady lord king queen prince princess sheikh rev
    reverend chief ceo attorney ambassador speaker leader candidate nominee u.s
    """
)

#: Pronouns: a speaker the component could not resolve to a name.
PRONOUNS = _words(
    """
    i me we us you he him she her it they them this that these those who whom someone
    somebody anyone everyone nobody one
    """
)

#: First words of a description of an unnamed speaker ("an unnamed source", "some
#: officials", "one of his friends").
UNNAMED_OPENERS = _words(
    """
    a an some one several many few another other others both most unnamed anonymous
    """
)

#: Words that mark an unnamed speaker anywhere in the name.
UNNAMED_WORDS = _words(
    """
    unnamed anonymous unidentified
    """
)

#: Lower-case words that belong inside proper names ("Ludwig van Beethoven", "Bank of
#: England", "Bill de Blasio").
PARTICLES = _words(
    """
    of the for and on in de da di del della der den van von la le du dos das bin ibn al
    el y e
    """
)

#: Words that open a sentence, not a name ("Instead Obama", "Well").
OPENERS = _words(
    """
    instead however but and so then now also still yet meanwhile later earlier well thus
    indeed although though while when after before because if as here there
    """
)

#: Words that end a fragment, not a name ("Obama To", "Trump And").
TRAILING = _words(
    """
    to and of the in on at for with by from said says told as
    """
)

_POSSESSIVE = re.compile(r"[’']s?$")
_PUNCTUATION = re.compile(r"[:;?!\"“”()\[\]{}|]")


def _word(token: str) -> str:
    return token.casefold().rstrip(".,")


def clean_name(name: str) -> str | None:
    """``name`` without titles, possessives or a repeated copy of itself; ``None`` when
    it is not a name: empty, a pronoun, an unnamed source, a fragment of a sentence
    (a lower-case word that no name has, a head word in lower case), too long."""
    if _PUNCTUATION.search(name):
        return None
    tokens = [_POSSESSIVE.sub("", t) for t in name.split()]
    tokens = [t.strip(",") for t in tokens if t.strip(",")]
    if not tokens:
        return None
    if tokens[0].casefold() in UNNAMED_OPENERS or any(_word(t) in UNNAMED_WORDS for t in tokens):
        return None
    # "John Hawkins John Hawkins's": the name written twice over.
    half = len(tokens) // 2
    if len(tokens) % 2 == 0 and half and tokens[:half] == tokens[half:]:
        tokens = tokens[:half]
    while len(tokens) > 1 and _word(tokens[-1]) in TRAILING:
        tokens.pop()
    if len(tokens) > 1 and _word(tokens[0]) in OPENERS:
        tokens.pop(0)
    while len(tokens) > 1 and _word(tokens[0]) in TITLES | {"the"}:
        tokens.pop(0)
    if not tokens or len(tokens) > MAX_WORDS:
        return None
    # A pronoun left unresolved, or a title without a name ("President").
    if len(tokens) == 1 and _word(tokens[0]) in PRONOUNS | TITLES | OPENERS:
        return None
    for i, token in enumerate(tokens):
        if any(c.isupper() for c in token) or not any(c.isalpha() for c in token):
            continue
        # A lower-case word: a particle inside a name, never its head (last word).
        if token not in PARTICLES or i == len(tokens) - 1 or (i == 0 and token != "de"):
            return None
    return " ".join(tokens)


def _key(name: str) -> str:
    return name.casefold()


def merge_in_document(speakers: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """One article's ``(name, statements)``: names cleaned, non-names dropped, and a
    one-word name merged into the article's only longer name that starts or ends
    with it ("Trump" into "Donald Trump"); the most quoted first."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for raw, n in speakers:
        name = clean_name(raw)
        if name is None:
            continue
        counts[_key(name)] += n
        shown.setdefault(_key(name), name)
    full = [k for k in counts if " " in k]
    for key in [k for k in counts if " " not in k]:
        matches = [f for f in full if f.split()[-1] == key or f.split()[0] == key]
        if len(matches) == 1:
            counts[matches[0]] += counts.pop(key)
    return sorted(((shown[k], n) for k, n in counts.items()), key=lambda x: (-x[1], x[0]))


def corpus_aliases(documents: Iterable[Sequence[tuple[str, int]]]) -> dict[str, str]:
    """``{one-word name: full name}`` over a corpus, from each document's (cleaned,
    merged) ``(name, statements)``: a surname given with first names elsewhere maps to
    the full name quoted in at least :data:`DOMINANCE` of those full names' statements.
    Keys are as given; the full name is its most common spelling."""
    statements: Counter[str] = Counter()
    spelling: dict[str, Counter[str]] = defaultdict(Counter)
    singles: set[str] = set()
    for speakers in documents:
        for name, n in speakers:
            spelling[_key(name)][name] += 1
            statements[_key(name)] += n
            if " " not in name:
                singles.add(name)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key in statements:
        if " " in key:
            by_surname[key.split()[-1]].append(key)
    aliases: dict[str, str] = {}
    for single in singles:
        candidates = by_surname.get(_key(single), [])
        if not candidates:
            continue
        best = max(candidates, key=lambda k: (statements[k], k))
        if statements[best] >= DOMINANCE * sum(statements[k] for k in candidates):
            aliases[single] = spelling[best].most_common(1)[0][0]
    return aliases


def apply_aliases(
    speakers: Sequence[tuple[str, int]], aliases: Mapping[str, str]
) -> tuple[tuple[str, int], ...]:
    """One document's speakers with ``aliases`` applied (merged rows, most quoted first)."""
    counts: Counter[str] = Counter()
    for name, n in speakers:
        counts[aliases.get(name, name)] += n
    return tuple(sorted(counts.items(), key=lambda x: (-x[1], x[0])))
