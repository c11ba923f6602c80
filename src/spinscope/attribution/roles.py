"""What a reader is shown as a speaker's role: the description, without the words of
the sentence that came with it.

A role is read off the words before or beside a source (``White House press
secretary Sarah Sanders``), and the sentence's own opening words come with it when
they are capitalised like a title: a time (``Last Wednesday White House press
secretary``), a focus adverb (``Even her assistant``, ``Only President``), a
subordinating conjunction (``If President``, ``As Cardinal``), or a whole fronted phrase
that describes no one (``Rather than making a straightforward``, ``Despite its``, ``No
wonder …``), a participle of how someone looked (``clad in a red gingham shirt``) and
a verb of saying the source ran into (``Clarke spoke`` of ``Clarke spoke in support of``).
Those opening words are dropped, and a role that was nothing but them is no role.
"""

from __future__ import annotations

import re

__all__ = ["clean_role", "opens_with_time"]

_DAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
#: a time opening the sentence, led by a word that makes it one ("Last Wednesday",
#: "Earlier this week", "On Monday,")
_TIME_LED = re.compile(
    rf"^(?:On|Last|This|Next|Early|Late|Earlier|Later)\s+(?:(?:this|last|that|next)\s+)?"
    rf"(?:{_DAYS}|{_MONTHS}|week|month|year|night|morning|evening|afternoon|weekend)\b"
    r"(?:,?\s+|$)"
)
#: a day alone before a comma or a lower-case word ("Tuesday, Fox News host",
#: "Monday night"), not one that begins a name ("Sunday Times reporter"); and a time
#: noun in lower case ("night")
_TIME_BARE = re.compile(
    rf"^(?:(?:{_DAYS})(?:,\s+|\s+(?=[a-z])|$)"
    r"|(?:night|morning|evening|afternoon|week|weekend)\b(?:,?\s+|$))"
)
#: focus adverbs and conjunctions before a description ("Even her assistant", "As Cardinal")
_OPENER = re.compile(
    r"^(?:Even|Only|Also|Now|Then|Meanwhile|Still|Yet|Instead|And|But|So|If|As|When|"
    r"While|Although|Though|Because|Since|After|Before|Unless|Until|Once|Whether|"
    # sentence adverbs ("Of course Trump denied")
    r"Of\s+course|Indeed|In\s+fact|Clearly|Obviously|Apparently|Perhaps|Naturally|"
    r"Certainly|Surely|Predictably|Interestingly|Ironically|Notably|Fortunately|"
    r"Unfortunately|Sadly|However|Moreover|Furthermore|Finally|Again|Recently|"
    r"Previously|Already|Yesterday|Today|Tonight),?(?:\s+|$)"
)
#: a verb of saying closing a role: the source ran into its clause ("Clarke spoke in
#: support of" gave "Clarke spoke")
_CLOSING_VERB = re.compile(
    r"\b(?:spoke|said|says|told|tells|wrote|writes|added|adds|argued|claimed|stated|"
    r"noted|explained|insisted|warned|tweeted|posted|announced|reported)$"
)
#: fronted phrases that describe no one ("Rather than …", "Despite …", "No wonder …")
_NO_ROLE = re.compile(
    r"^(?:Rather\s+than|Despite|In\s+spite|Instead\s+of|Regardless|No\s+wonder|No\b|"
    r"Whatever|Whoever|Thanks|Understand|Imagine|Remember|Consider|Note|Look)\b"
)
#: how someone looked or what they held: no role ("clad in a red shirt")
_APPEARANCE = re.compile(
    r"^(?:clad|dressed|wearing|sporting|clutching|holding|flanked|surrounded|seated|"
    r"standing|smiling|waving|carrying)\b",
    re.IGNORECASE,
)
#: a verb after a comma: the sentence's main clause, run on past the appositive ("a
#: prominent supporter known for his views, opened an investigation …")
_MAIN_CLAUSE = re.compile(
    r",\s+(?:[a-z]+ed|said|told|went|made|took|gave|wrote|began|ran|met|won|lost|left|"
    r"sent|led|held|kept|brought|became|found|spent|paid|sold|built|fought|sought)\s"
)
#: what is left of a role that is no description: a determiner or pronoun alone, or
#: the subject of a set phrase ("Only time will tell", "history will judge")
_EMPTY = re.compile(
    r"^(?:the|a|an|its|his|her|their|our|my|this|that|it|they|time|history|nothing|"
    r"something|everything|anything)?$",
    re.I,
)


def opens_with_time(words: str) -> bool:
    """Do ``words`` open with a time (``Last Friday``, ``On Sunday``, ``Friday``), not a
    name that a day begins (``Sunday Times``) nor a first name a month spells (``June``)?"""
    return bool(_TIME_LED.match(words) or _TIME_BARE.match(words))


def clean_role(role: str | None) -> str | None:
    """``role`` without the sentence's opening words (a time, a focus adverb, a
    conjunction), or ``None`` where it is only a fronted phrase or a look."""
    if role is None:
        return None
    cur = role.strip()
    if (main := _MAIN_CLAUSE.search(cur)) is not None:
        cur = cur[: main.start()]
    for _ in range(3):
        before = cur
        cur = _TIME_LED.sub("", cur, count=1)
        cur = _TIME_BARE.sub("", cur, count=1)
        cur = _OPENER.sub("", cur, count=1)
        if cur == before:
            break
    if (
        _NO_ROLE.match(cur)
        or _APPEARANCE.match(cur)
        or _EMPTY.match(cur.strip(" ,"))
        or _CLOSING_VERB.search(cur)
    ):
        return None
    return cur
