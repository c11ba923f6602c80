"""Source mentions: what one mention names, and what a name is (a person word, a
first name's gender, a place, an affiliation and its country).

A source mention is parsed into a name and a role from the text itself:

* pre-modifiers: ``Russia’s Deputy UN Ambassador Vladimir Safronkov`` → name
  ``Vladimir Safronkov``, role ``Russia’s Deputy UN Ambassador``;
* appositives: ``Maria Zakharova, the Russian Foreign Ministry spokeswoman,`` → role
  ``the Russian Foreign Ministry spokeswoman``;
* both: ``Major General Viktor Kupchishin, head of the Russian Center ...``;
* an appositive name: ``FBI Director, James Comey`` → name ``James Comey``.

A name is validated: sentence openers, captions and datelines are no part of it
(``When Meghan`` → ``Meghan``; ``Getty Joe Arpaio``; ``Boise, Idaho (CNN) ...``), it
ends at its first lowercase word (``James Arnold of the Detroit Police``), and page
labels, weekdays, plural abstract nouns (``Allegations``) or lone lowercase words name
no one. Organisations stay whole (``National Oceanic and Atmospheric Administration``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spinscope.attribution.lexicon import (
    DAYS,
    DOCUMENTS,
    FEMALE_NAMES,
    IMPERATIVES,
    MALE_NAMES,
    NOT_NAME_LEAD,
    NOT_NAMES,
    PERSON_HEADS,
    PLACES,
    POSSESSIVE_DETS,
    ROLE_ED,
)
from spinscope.attribution.tokens import is_ly_adverb

__all__ = [
    "Mention",
    "affiliation_of",
    "country_of",
    "first_name_gender",
    "is_person_word",
    "is_place_name",
    "parse_mention",
]

Range = tuple[int, int]

_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "prof",
        "president",
        "vice",
        "vp",
        "deputy",
        "ambassador",
        "minister",
        "secretary",
        "general",
        "major",
        "lieutenant",
        "colonel",
        "col",
        "gen",
        "lt",
        "adm",
        "admiral",
        "captain",
        "capt",
        "sergeant",
        "sgt",
        "corporal",
        "cpl",
        "senator",
        "sen",
        "sens",
        "rep",
        "reps",
        "representative",
        "gov",
        "governor",
        "mayor",
        "chairman",
        "chairwoman",
        "chair",
        "chief",
        "director",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "head",
        "leader",
        "whip",
        "attorney",
        "prosecutor",
        "judge",
        "justice",
        "speaker",
        "former",
        "acting",
        "first",
        "lady",
        "king",
        "queen",
        "prince",
        "sheikh",
        "ayatollah",
        # offices of the law and of churches, written before a name like any title
        "sheriff",
        "detective",
        "pastor",
        "reverend",
        "rev",
        "bishop",
        "archbishop",
        "cardinal",
        "rabbi",
        "imam",
        "pope",
        "cardinal",
        "bishop",
        "rev",
        "reverend",
        "commander",
        "officer",
        "official",
        "envoy",
        "un",
        "u.n.",
        "ceo",
        "executive",
        "founder",
        "professor",
        "dean",
        "editor",
        "correspondent",
        "analyst",
        "adviser",
        "advisor",
        "aide",
        "press",
        # heads of a post in an organisation, written before a name like a title
        # ("Volunteer Coordinator Bonnie Young", "Campaign Manager Jo Roe")
        "coordinator",
        "manager",
        "administrator",
        "commissioner",
        "superintendent",
        "supervisor",
        "organizer",
        "organiser",
        "treasurer",
        # British peerages, honours and elected seats, written before a name like any
        # title ("Lord Lilley", "Baroness Smith", "Cllr Chilton", "MEP Nigel Farage")
        "lord",
        "prime",
        "baroness",
        "dame",
        "cllr",
        "councillor",
        "councilor",
        "alderman",
        "mep",
        "mp",
        # Irish heads of government, written before a name like "Prime Minister"
        # ("Tanaiste Leo Varadkar", "Taoiseach Micheál Martin")
        "taoiseach",
        "tanaiste",
        "tánaiste",
    ]
)
#: titles that only qualify the office after them (``former``, ``Vice``)
_OFFICE_MODIFIERS = frozenset(["former", "acting", "first", "vice", "deputy", "chief", "press"])
#: words that join the parts of a compound office (``Editor-in-Chief``,
#: ``President-elect``, ``Co-Chair``)
_OFFICE_JOINS = frozenset(["in", "of", "at", "large", "elect", "designate", "co"])


def _is_title(word: str) -> bool:
    """Is ``word`` a title or an office written before a name? A hyphenated compound of
    titles (``Director-General``, ``Secretary-General``, ``Vice-President``,
    ``Commander-in-Chief``) is one office, so it ends the name's run like its parts."""
    w = word.lower().strip(".")
    if w in ("un", "u.n") and word.strip(".") not in ("UN", "U.N"):
        return False  # "Kim Jong Un": the United Nations only in capitals
    if w in _TITLES:
        return True
    parts = w.split("-")
    return (
        len(parts) > 1
        and all(p in _TITLES or p in _OFFICE_JOINS for p in parts)
        and any(p in _TITLES for p in parts)
    )


# ("Lady Gaga": a form of address, no office; the gender it tells)
_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dr": None, "lady": "f"}
_FEMALE_ROLE = re.compile(
    r"\b(spokeswoman|chairwoman|congresswoman|businesswoman|mother|wife|"
    r"queen|princess|lady|actress|daughter|sister|girl)\b",
    re.I,
)
_MALE_ROLE = re.compile(
    r"\b(spokesman|chairman|congressman|businessman|father|husband|king|"
    r"prince|actor|son|brother|boy)\b",
    re.I,
)
_PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "they": None,
    "them": None,
    "their": None,
    "we": None,
    "i": None,
    "it": None,
    "you": None,
    "who": None,
    "which": None,
    "that": None,
    "this": None,
    "one": None,
}
_DETS = frozenset(["the", "a", "an", "this", "that", "these", "those"])
_GENERIC_HEADS = frozenset(
    [
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "senator",
        "minister",
        "ambassador",
        "president",
        "candidate",
        "diplomat",
        "envoy",
        "general",
        "lawmaker",
        "leader",
        "governor",
        "congressman",
        "congresswoman",
        "representative",
        "chairman",
        "secretary",
        "diplomat",
    ]
)
#: functions held for someone else: "the lawyer" after "Trump said" is rarely Trump, so
#: such a description takes a person the article introduced with that noun ("Jo Roe,
#: Trump's lawyer"; "a Clinton aide"), never merely the person in focus or last named
_FUNCTION_HEADS = frozenset(["lawyer", "attorney", "aide", "adviser", "advisor", "analyst"])
#: heads of one who speaks for someone else
_AGENT_HEADS = frozenset(["spokesman", "spokeswoman", "spokesperson", "official", "representative"])
#: a description owned by someone ("the Smiths' spokesman", "the firm’s lawyer")
_POSSESSED = re.compile(r"\w(?:['’]s|s['’])\s+\S")
_GENERIC_NOUNS = frozenset(
    [
        "officials",
        "official",
        "sources",
        "source",
        "police",
        "experts",
        "analysts",
        "critics",
        "aides",
        "residents",
        "witnesses",
        "authorities",
        "diplomats",
        "investigators",
        "lawmakers",
        "observers",
        "activists",
        "supporters",
        "opponents",
        "scientists",
        "doctors",
        "researchers",
        "people",
        "some",
        "many",
        "others",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "reports",
        "report",
        "studies",
        "study",
        "polls",
        "poll",
        "documents",
    ]
)
_PORTFOLIOS = frozenset(
    [
        "finance",
        "foreign",
        "defense",
        "defence",
        "interior",
        "justice",
        "health",
        "education",
        "trade",
        "labor",
        "labour",
        "energy",
        "environment",
        "transport",
        "agriculture",
        "economy",
        "economic",
        "opposition",
        "senior",
        "junior",
        "chief",
        "state",
        "home",
        "treasury",
        "culture",
        "services",
        "sport",
        "sports",
    ]
)
_DEMONYMS = {
    "russian": "Russia",
    "american": "United States",
    "u.s.": "United States",
    "us": "United States",
    "syrian": "Syria",
    "british": "United Kingdom",
    "uk": "United Kingdom",
    "chinese": "China",
    "iranian": "Iran",
    "israeli": "Israel",
    "ukrainian": "Ukraine",
    "french": "France",
    "german": "Germany",
    "danish": "Denmark",
    "dutch": "Netherlands",
    "swedish": "Sweden",
    "turkish": "Turkey",
    "iraqi": "Iraq",
    "saudi": "Saudi Arabia",
    **{
        w: country
        for country, words in {
            "Norway": ("norwegian",),
            "Finland": ("finnish",),
            "Poland": ("polish",),
            "Hungary": ("hungarian",),
            "Italy": ("italian",),
            "Spain": ("spanish",),
            "Portugal": ("portuguese",),
            "Greece": ("greek",),
            "Ireland": ("irish",),
            "Austria": ("austrian",),
            "Switzerland": ("swiss",),
            "Belgium": ("belgian",),
            "Czech Republic": ("czech",),
            "Romania": ("romanian",),
            "Serbia": ("serbian",),
            "Belarus": ("belarusian",),
            "Canada": ("canadian",),
            "Mexico": ("mexican",),
            "Brazil": ("brazilian",),
            "Argentina": ("argentine", "argentinian"),
            "Venezuela": ("venezuelan",),
            "Cuba": ("cuban",),
            "Colombia": ("colombian",),
            "Japan": ("japanese",),
            "India": ("indian",),
            "Pakistan": ("pakistani",),
            "Afghanistan": ("afghan",),
            "Egypt": ("egyptian",),
            "Jordan": ("jordanian",),
            "Lebanon": ("lebanese",),
            "Qatar": ("qatari",),
            "Yemen": ("yemeni",),
            "Libya": ("libyan",),
            "Nigeria": ("nigerian",),
            "Kenya": ("kenyan",),
            "Australia": ("australian",),
            "Philippines": ("filipino",),
            "Indonesia": ("indonesian",),
            "Vietnam": ("vietnamese",),
            "Palestine": ("palestinian",),
            "Kurdistan": ("kurdish",),
        }.items()
        for w in words
    },
}
#: lowercase letters of a name's words, accented ones included ("Reneé", "Sánchez")
_LOWER = "a-zß-öø-ÿ"
#: a particle inside a full name (``Mathias von Gersdorff``, ``Ursula von der Leyen``)
_PARTICLE = r"(?:von der|van der|von|van|de|der|del|da|du|bin|al)"
_SUBJECT_NAME = re.compile(
    r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))"
    r"(?!(?:The|A|An|This|That|These|Those|In|On|At|But|And|Last|Earlier|Later)\b)"
    r"((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.? )?[A-Z][a-z’'-]+"
    rf"(?:(?: {_PARTICLE})? [A-Z][a-z.’'-]+){{1,3}})"
    r"(,[^,.;\n]{3,80},)?(?= [a-z])",
    re.M,
)
_WORD = re.compile(r"[\w.’'-]+(?:‘\w[\w.’'-]*)*|[(),]")
_PERSON_NAME = re.compile(r"^(?:[A-Z][\w.’'-]+ ){1,2}[A-Z][\w’'-]+$")
#: a full name, after an optional title (``Justice Ruth Bader Ginsburg``)
_FULL_NAME = re.compile(
    r"\b(?:(?:Justice|Judge|Senator|Sen\.|Rep\.|Gov\.|Governor|Mayor|President|Dr\.|Mr\.|"
    rf"Mrs\.|Ms\.) )?([A-Z][{_LOWER}]+)(?:(?: {_PARTICLE})? [A-Z][{_LOWER}’'-]+){{1,2}}\b(?![’']s)"
)
#: a capitalised title before a name of two to four words (initials included)
_TITLED_NAME = re.compile(
    rf"\b(?=([A-Z][a-z]+) ((?:[A-Z][{_LOWER}’'-]+|[A-Z]\.)"
    rf"(?: (?:[A-Z][{_LOWER}’'-]+|[A-Z]\.)){{0,2}} [A-Z][{_LOWER}’'-]+)\b(?![’']s))"
)
#: a sentence opening with "For" and a full name set off by a comma: its topic
_TOPIC_FOR = re.compile(
    rf"(?:^|(?<=[.!?”\"]\s)|(?<=\n))For ((?:[A-Z][{_LOWER}’'-]+ ){{1,2}}[A-Z][{_LOWER}’'-]+),",
    re.M,
)
#: a dateline is a place (and date) in capitalised words and figures, then the agency:
#: an acronym in brackets after lowercase words ("a coordinator at the World Health
#: Organization (WHO) Regional Office") glosses a name inside the mention
_DATELINE = re.compile(
    r"^(?:[A-Z0-9][\w.’'-]*,?\s+)*\((?:[A-Z][A-Za-z]*)\)\s*(?:[-–—]+\s*)?(?=[A-Z])"
)
#: why an unnamed source is unnamed; the description is the noun phrase before it
_ANONYMITY_CLAUSE = re.compile(
    r",?\s+who\s+(?:asked|requested|spoke|declined|refused|(?:was|were|is|are)\s+not\s+"
    r"authori[sz]ed)\b.*$"
)
_REFLEXIVE = re.compile(r"^(\S.*?) (himself|herself|themselves|itself)\b", re.I)
_TRAILING_PP = re.compile(
    r"(?<=[A-Za-z.]) (?:in|on|at|during|after|before|from|with|via)\b(?= [a-z])"
)
#: a person's name before ``on`` and a capitalised outlet or programme
_ON_OUTLET = re.compile(r"([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2}) on (?=[A-Z])")
#: adverbs ending in -s, which the lone-word check would take for plural nouns
_S_ADVERBS = frozenset(
    [
        "afterwards",
        "always",
        "besides",
        "nevertheless",
        "nonetheless",
        "perhaps",
        "sometimes",
        "thus",
    ]
)
#: the words before a name that say what carried a speaker's words, not who the speaker is
_CARRIER = re.compile(
    r"^(?:(?:a|an|the|this|that|his|her|their)\s+)?(?:\w+\s+)?(?:quotes?|quotations?|statements?"
    r"|remarks?|comments?|words|messages?|tweets?|posts?|letters?|e-?mails?|video|interview)"
    r"\s+(?:from|by)$",
    re.I,
)
_ORG_HEADS = frozenset(
    [
        "administration",
        "agency",
        "association",
        "authority",
        "bank",
        "board",
        "bureau",
        "center",
        "centre",
        "coalition",
        "command",
        "commission",
        "committee",
        "company",
        "corporation",
        "council",
        "court",
        "department",
        "foundation",
        "fund",
        "group",
        "institute",
        "institution",
        "league",
        "ministry",
        "network",
        "office",
        "organization",
        "organisation",
        "party",
        "police",
        "school",
        "service",
        "society",
        "subcommittee",
        "union",
        "university",
    ]
)
_MULTI_PLACES = frozenset(
    [
        "new delhi",
        "tel aviv",
        "hong kong",
        "buenos aires",
        "abu dhabi",
        "addis ababa",
        "mexico city",
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "rhode island",
        "south carolina",
        "south dakota",
        "west virginia",
        "white house",
        "capitol hill",
    ]
)
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
#: last words of newspaper names that may open with a day ("Sunday Times")
_PAPERS = frozenset(["times", "telegraph", "express", "mirror", "mail", "post", "herald", "star"])
#: other last words of an outlet's name
_OUTLET_ENDS = frozenset(
    [
        "daily",
        "news",
        "journal",
        "tribune",
        "gazette",
        "caller",
        "beast",
        "dispatch",
        "enquirer",
        "inquirer",
        "chronicle",
        "examiner",
        "courier",
        "sentinel",
        "bulletin",
    ]
)
#: lowercase particles inside a name (``Bill de Blasio``)
_PARTICLES = frozenset(["de", "da", "del", "der", "du", "la", "le", "van", "von", "al", "bin"])
_CONNECT = frozenset({"of", "for", "the", "and", "on", "in", "de", "al", "bin", "von", "van", "&"})


@dataclass(frozen=True)
class Mention:
    """A parsed source mention."""

    kind: str  # "name", "pronoun", "description"
    name: str | None = None
    role: str | None = None
    gender: str | None = None
    definite: bool = False
    text: str = ""
    #: the names of a coordinated source (``de Blasio and Cuomo``); with ``joint``
    #: false, the pair may as well be one organisation (``Procter and Gamble``)
    members: tuple[str, ...] = ()
    joint: bool = False


def _name_before_role(text: str, src: Range, m: Mention) -> Mention | None:
    """The full name set off by a comma between a closing quotation mark and an
    indefinite role source (``“…,” Jo Roe, a writer …``), or an office of something
    written without an article (``“…,” Jo Roe, co-founder of the Project explained``):
    the role's person, as a name mention with that role. ``None`` when no such name
    comes right before it."""
    office = re.match(r"([a-z][\w-]*) of\s", text[src[0] : src[1]])
    if m.definite or not (
        re.match(r"(?:a|an)\s", text[src[0] : src[1]])
        or (office is not None and (_is_title(office.group(1)) or office.group(1) in PERSON_HEADS))
    ):
        return None
    before = re.search(
        r"[”\"]\s*([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2}),\s*$", text[max(0, src[0] - 60) : src[0]]
    )
    if before is None or not first_name_gender(before.group(1).split()[0]):
        return None
    named = parse_mention(before.group(1))
    if named.kind != "name" or not named.name:
        return None
    return Mention("name", name=named.name, role=_clean(text[src[0] : src[1]]), text=named.text)


#: one capitalised word of a name, which may hold an ayin (``Al-‘Ayesh``)
_NAME_TOKEN = r"[A-Z][\w’'-]+(?:‘\w[\w’'-]*)?"


def _labelled_person(text: str, src: Range, m: Mention) -> Mention | None:
    """A headline's label before a colon, capitalised throughout and ending in a person
    noun (``Las Vegas Shooting Victim:``): the person the article names after that noun
    (``shooting victim Jo Roe``), or else the label as a description. ``None`` for any
    other mention (a name, a title before a name)."""
    words = (m.name or "").split()
    if (
        m.role
        or len(words) < 2
        or not all(_is_cap(w) for w in words)
        or not re.match(r"\s*:", text[src[1] : src[1] + 3])
    ):
        return None
    noun = words[-1].lower()
    if (noun not in _PERSON_NOUNS and noun not in PERSON_HEADS) or noun in _TITLES:
        return None
    named = re.search(
        rf"\b{re.escape(noun)},? ({_NAME_TOKEN}(?: {_NAME_TOKEN}){{1,2}})\b", text[src[1] :]
    )
    if named is not None:
        person = parse_mention(named.group(1))
        if person.kind == "name" and person.name and not person.members:
            return person
    return Mention("description", role=m.name, text=m.text)


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


def _clean(s: str) -> str:
    """The mention on one line, without the punctuation around it; an opening
    parenthesis that no closing one matches ("(King has said …)") is no part of it."""
    t = " ".join(s.replace("\n", " ").split()).strip(" ,;:—-")
    return t[1:].lstrip() if t.startswith("(") and ")" not in t else t


#: a title abbreviation run into the name after it ("Sen.Chris", "Dr.Ann")
_GLUED_TITLE = re.compile(
    r"\b(Sens?|Reps?|Gov|Gen|Dr|Mr|Mrs|Ms|Lt|Col|Sgt|Amb|Rev|Prof)\.(?=[A-Z][a-z])"
)
_CALL_SIGN = re.compile(r"[A-Z]{2,} \d{1,2}(?: [A-Z]{2,}){0,2}")
_AGENCY = re.compile(r"(?:[Tt]he )?(?:[A-Z][\w.’'-]* ){1,3}Press")
_PHOTO_CREDIT = re.compile(r"^\W*(?:AP|AFP|EPA|Reuters|Getty Images)\s+Photos?\s+(?=[A-Z])")

#: a document and the participle naming who wrote it ("a statement issued by X"); the
#: author ends before a time ("Tuesday"), a relative clause or a comma
_AUTHORED = re.compile(
    r"^(?:(?:a|an|the|one|this)\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:statement|letter|memo|op-ed|essay|post|note|email|release)\s*,?\s+"
    r"(?:issued|released|written|signed|sent|put out|posted)\s+by\s+"
    r"(?P<author>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[\w.’'-]+){0,5}?)"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*|"
    r"\s*,.*|\s+(?:which|that|who)\b.*)?\s*$"
)


_OPENER = re.compile(
    r"^\s*(?:However|Meanwhile|Still|Yet|Instead|Separately|Similarly|Likewise|Also|"
    r"Nonetheless|Nevertheless|Moreover|Indeed|Besides|Furthermore|Additionally|"
    r"Finally|Earlier|Later),\s+"
)
#: a sentence adverb opening the clause with no comma after it (``Elsewhere in the
#: email Mario says``, ``Recently the group declared``): it is never part of a name
_FRONTED_ADVERB = re.compile(
    r"^\s*(?:Once (?:again|more)|Elsewhere|Recently|Separately|Similarly|Likewise|Also|"
    r"Additionally|Finally|Previously|Subsequently|Ultimately|Clearly|Apparently|"
    r"Evidently|Obviously|Currently|Afterwards?|Again|Hence|Thus|Therefore|Consequently|"
    r"Accordingly|Yet|But|And)\b,?\s*"
)
#: a sentence adverb closing the subject (``The campaign nevertheless said``): never
#: part of the one named or described
_CLOSING_ADVERB = re.compile(
    r"\s+(?:nevertheless|nonetheless|however|meanwhile|also|still|though|too|instead|"
    r"therefore|thus|likewise|similarly|separately|later|earlier|again)$"
)
#: an adverb and a participle after a subject (``Reporters quickly Googling the
#: phrase said``): the participle clause says what they were doing, the subject speaks
_ADVERB_PARTICIPLE = re.compile(r"\s+[a-z]+ly\s+[A-Za-z]+ing\b.*$")
#: a past tense the subject's verb ran into (``The Post ran a correction saying``)
_CLOSING_PAST = frozenset(["ran", "had", "did", "got", "went", "came", "saw", "put"])
#: a prepositional phrase fronted before the subject (``in the email Mario says``,
#: ``In a statement Jo Roe said``): where or when, not who
_FRONTED_PP = re.compile(
    r"^(?:[Ii]n|[Oo]n|[Aa]t|[Dd]uring) (?:the|a|an|his|her|their|its|this|that|one) "
    r"(?:[a-z][\w-]* ){0,2}[a-z][\w-]*,? (?=[A-Z])"
)


#: what an unnamed source knows or is close to, after its head (``a source familiar with
#: the talks``, ``a diplomat close to the negotiations``)
_KNOWING_TAIL = re.compile(
    r"(?<=\w) (?:[a-z]+ly )?(?:familiar with|close to|briefed on|involved in)\b.*$", re.S
)


#: quantifiers standing alone for people (``Others said``)
QUANTIFIER_PRONOUNS = frozenset(["others", "some", "many", "most", "few", "several", "both", "all"])


#: a name, then a relative clause giving another of the same person's names (``Bono,
#: whose real name is Paul David Hewson``)
_OTHER_NAME = re.compile(
    r"^([A-Z][^,]*?),\s+whose\s+(?:(?:real|legal|full|birth|given|actual|stage|original|"
    r"first|last|maiden)\s+)?name\s+(?:is|was)\s+\S.*$",
    re.S,
)


#: ``a man's voice``, ``the caller's voice``: a person's voice on a recording
_VOICE = re.compile(r"^(?i:an?|the) [a-z]+[’']s voice$")


def _subject_only(text: str) -> str:
    """``text`` without what closes a subject but names no one: a sentence adverb (``The
    campaign nevertheless``), an adverb and a participle clause (``Reporters quickly
    Googling the phrase``), or the past tense of the subject's own verb (``The Post
    ran``); ``text`` itself when nothing is left before them."""
    clean = text.rstrip(" ,")
    for cut in (_CLOSING_ADVERB.search(clean), _ADVERB_PARTICIPLE.search(clean)):
        if cut is not None and cut.start() > 0 and not is_ly_adverb(clean[: cut.start()]):
            return clean[: cut.start()]
    words = clean.split()
    if len(words) >= 2 and words[-1] in _CLOSING_PAST and words[-2][:1].isupper():
        return " ".join(words[:-1])
    return text


#: a document with its author's name after ``by`` or ``from``, and nothing else
_DOCUMENT_BY = re.compile(
    r"^(?:(?:a|an|the|one|this|that)\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:report|story|study|article|analysis|survey|poll|investigation|review)\s+"
    r"(?:by|from)\s+(?P<author>(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of|for|on|[A-Z][\w.&’'-]*)){0,5})$"
)


def parse_mention(text: str) -> Mention:
    """Split a source mention into name and role (``kind`` says what it is); a
    description that is a fragment of a clause (:func:`_fragmentary`, :func:`_no_phrase`)
    names no one and comes back as a pronoun-like mention, left unresolved."""
    # "AP Photo Trump hits …": a photo credit closing a caption is no part of the name
    text = _PHOTO_CREDIT.sub("", text)
    authored = _AUTHORED.match(_clean(text))
    if authored is not None:
        # "a statement issued by the Rich family", "a letter written by Jo Roe": the
        # document's words are its author's
        return parse_mention(authored.group("author"))
    by = _DOCUMENT_BY.match(_clean(text))
    if by is not None and (author := parse_mention(by.group("author"))).kind == "name":
        # "a report by the Associated Press": the document is the named body's
        return author
    text = _noun_phrase_only(_last_sentence(text))
    if _NEGATED_SUBJECT.match(_clean(text)):
        # "No one spoke of", "Nobody said": a negated subject says no one spoke, no one
        # to name (PolNeAR still marks the attribution)
        return Mention("pronoun", text=_clean(text))
    # "However, foreign office minister, Alistair Burt": a sentence adverb set off by a
    # comma opens the sentence, not the mention
    text = _OPENER.sub("", text)
    if (trimmed := _subject_only(text)) != text:
        return parse_mention(trimmed)
    if (fronted := _FRONTED_ADVERB.match(text)) is not None:
        text = text[fronted.end() :]
        if not text.strip():
            # "Elsewhere Mario says" with the name lost: the adverb alone names no one
            return Mention("pronoun", text=fronted.group(0).strip(" ,"))
    if (pp := _FRONTED_PP.match(_clean(text))) is not None and (
        named := parse_mention(_clean(text)[pp.end() :])
    ).kind == "name":
        return named
    if _VOICE.match(_clean(text)):
        # "a man's voice can be heard yelling": a voice heard on a recording is its
        # speaker's, described by whom it belongs to
        return Mention("description", role=_clean(text), text=_clean(text))
    if (handle := _HANDLE.match(text.strip())) is not None:
        # "@Jo_Roe": an account's handle names its owner, the underscore a space
        return Mention("name", name=handle.group(1).replace("_", " "), text=text.strip())
    if (alias := _OTHER_NAME.match(_clean(text))) is not None and (
        called := parse_mention(alias.group(1))
    ).kind == "name":
        # "Bono, whose real name is Paul David Hewson": the article calls him by the name
        # before the clause, and so should the speaker; the clause's is only another
        return called
    if (apposed := _apposed_name(_clean(text))) is not None:
        return apposed
    if (on_show := _ON_PROGRAMME.match(_clean(text))) is not None:
        # "A panel on CNN’s Situation Room": the programme is where they spoke; the
        # people described speak, the programme's name is no one's
        head = on_show.group("head")
        return Mention("description", role=head, gender=_gender_of(head), text=_clean(text))
    if (
        " " not in text.strip()
        and is_ly_adverb(text.strip().lower())
        and not (first_name_gender(text.strip()))
    ):
        # "Clearly he didn't": a capitalised adverb opening the sentence is no name
        return Mention("pronoun", text=text.strip())
    if text.strip().lower() in _DETS:
        # "The": a determiner whose noun was lost names no one
        return Mention("pronoun", text=text.strip())
    if _no_phrase(text):
        return Mention("pronoun", text=_clean(text))
    if (when := _WHEN_CLAUSE.search(text)) is not None and when.start() > 0:
        # "US Attorney Jo Roe when the firm pleaded guilty": the clause says when the
        # words were said, the one saying them is before it
        return parse_mention(text[: when.start()])
    if (pp := _NAME_THEN_PP.match(_clean(text))) is not None and (
        named := parse_mention(pp.group(1))
    ).kind == "name":
        # "Trump on the issue of sanctions in July": the name ends where the phrase
        # saying what about (or where, when) begins; "Officials at the ministry" is a
        # description the phrase belongs to
        return named
    m = _without_headline_verb(_parse_mention(text))
    if m.kind == "description" and m.role and (knows := _KNOWING_TAIL.search(m.role)):
        # "a former official deeply familiar with the Arab world": what the official
        # knows or is close to tells how they know, not who they are; the speaker is
        # the head, the source span keeps the whole phrase
        m = replace(m, role=m.role[: knows.start()])
    if m.kind == "name" and m.name and _epithet(m.name):
        # "The frustrated Me-First Lady": an epithet coined of common words names no one;
        # a name after it stays ("the Do-Nothing Congressman Jo Roe")
        rest = parse_mention(" ".join(w for w in text.split() if not _epithet(w)))
        return rest if rest.kind == "name" else Mention("pronoun", text=m.text)
    if m.kind == "name" and m.role is None and m.name and (headed := _headline_role(m)):
        return headed
    if (
        m.kind == "name"
        and (m.name or "").lower() in _PARTISANS
        and m.role
        and m.role.islower()
        and not m.members
    ):
        # "centrist Democrats", "black Democrats": a group the adjective describes, not a
        # body named "Democrats" with a role
        return Mention("description", role=_clean(text), text=m.text)
    words = m.text.split()
    if (
        m.kind == "description"
        and len(words) > 2
        and words[0].lower() == "all"
        and words[1].lower() in _DETS
        and not words[-1].lower().endswith("s")
    ):
        # "That's all the campaign would say": "all" is what was said, the one saying it
        # is "the campaign"
        return parse_mention(" ".join(words[1:]))
    if m.kind == "description" and _fragmentary(m.role or m.text):
        return Mention("pronoun", text=m.text)
    if (
        m.kind == "description"
        and " " not in m.text
        and (_abstract(m.text) or m.text.lower() in NOT_NAME_LEAD)
    ):
        # "Experience suggests", "Rather it must": no one speaks
        return Mention("pronoun", text=m.text)
    if (
        m.kind == "name"
        and m.role
        and "," not in m.text
        and re.search(r"\b(?:who|which)\s+[a-z]+$", m.role)
    ):
        # "the U.S. general who commands NATO": the name is the clause's object, the
        # person described speaks
        return Mention("description", role=m.text, gender=_gender_of(m.text), text=m.text)
    if m.kind == "description" and (rel := _NON_RESTRICTIVE.match(m.text)):
        # "Conway, who went on to dodge …": the relative clause describes the one named
        named = _parse_mention(rel.group(1))
        if named.kind == "name":
            return named
    if m.kind == "description" and m.role and (cut := _ROLE_CLAUSE.search(m.role)):
        # "the senator, who is of Cuban descent": the relative clause is no role
        return replace(m, role=m.role[: cut.start()], text=m.text[: cut.start()])
    if m.kind == "name" and m.role:
        if _NON_RESTRICTIVE.match(m.text):
            return replace(m, role=None)  # "Jane Roe, who later resigned": no role
        if cut := _ROLE_CLAUSE.search(m.role):
            # "Bo Kling, a fellow at the Foundation, echoing the way …": what the speaker
            # did or is besides is no part of the role
            m = replace(m, role=m.role[: cut.start()] or None)
        if all(w.lower() in _DETS | _BARE_MODIFIERS for w in (m.role or "").split()):
            return replace(m, role=None)  # "the more Trump", "The recent Census": no role
        m = _without_quantifier(m)
    if (
        m.kind == "name"
        and m.name
        and _QUANTIFIED_GROUP.match(m.name)
        and m.name.endswith("s")
        and not m.name.endswith("ss")
    ):
        # "Some Republicans said", "Many Syrians": a share of a group, described
        return Mention("description", role=m.text, text=m.text)
    if (
        m.kind == "name"
        and m.name
        and " " not in m.name
        and _plural_of_people(m.name.lower())
        and not first_name_gender(m.name)
    ):
        # "Reporters said": a plural noun of people opening the sentence describes them
        return Mention("description", role=m.text, text=m.text)
    if m.kind == "name" and not m.members and _GROUP_AND_PERSON.match(m.text):
        # "Republicans and even the mayor's own deputy Ann Lee have urged": a group and
        # a person together are the group of them, not the person named last
        return Mention("description", role=m.text, text=m.text)
    return m


#: a subject that denies anyone spoke ("No one", "Nobody", "None of them", "virtually
#: no one")
_NEGATED_SUBJECT = re.compile(r"(?i:(?:\w+ly )?(?:no[- ]one|nobody|none|neither))\b")
#: a group (a plural head, no preposition in its phrase) coordinated with a person, or a
#: person then others of a group ("Ann Lee and other lawmakers")
_GROUP_AND_PERSON = re.compile(
    r"^(?!.*\b(?:of|on|for|in|at)\s.*\band\b)(?!.*\bWays and Means\b)"
    r"(?:(?:\S+ )*?(?:[A-Z][a-z]{2,}|[a-z]{3,})(?<![’'s]s)s and (?:even |also |then )?\S"
    r"|(?:[A-Z]\S* )+and (?:other|several|many|some|fellow) [a-z]+s$)"
)


#: a social-media handle written as a name (``@Jo_Roe``)
_HANDLE = re.compile(r"^@([A-Z][a-z’'-]+(?:_[A-Z][a-z’'-]+){1,2})$")
#: a partitive ("another of the seven", "One of the rebels") and, set off by commas,
#: the one of them named
_PARTITIVE_APPOSED = re.compile(
    r"^(?i:another(?:\s+one)?|one|each|either|neither|a third|a fourth)\s+of\s+"
    r"(?i:the|these|those|them|their|his|her|our)\b[^,]*,\s+(?P<rest>.+?)[\s,]*$"
)
#: an institution (and a place), then a lowercase role and a name: "Queen’s University,
#: Belfast, research fellow Wes Fraser"
_AFFILIATION_APPOSED = re.compile(
    r"^[A-Z][^,]*(?:,\s+[A-Z][^,]*)*,\s+"
    r"(?P<rest>(?!(?:and|or|but|an?|the|his|her|their|its)\b)[a-z][\w-]*(?:\s+[a-z][\w-]*)*"
    r"(?:\s+[A-Z][\w.’'-]*){2,4})[\s,]*$"
)
#: a lowercase head noun on (or at) an outlet's programme: "A panel on CNN’s Situation Room"
_ON_PROGRAMME = re.compile(
    r"^(?P<head>(?i:an?|the)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:on|at)\s+"
    r"[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*[’']s\s+[A-Z][^,]*$"
)


def _role_noun(word: str) -> bool:
    """A capitalised word that is a role noun in headline case (``Legend``, ``Staffer``,
    ``Host``), not a plural a surname may look like."""
    w = word.lower()
    return w.isalpha() and not w.endswith("s") and w in PERSON_HEADS | _PERSON_NOUNS | _TITLES


def _headline_role(m: Mention) -> Mention | None:
    """A capitalised run holding a role noun written in headline case: ``Rock Legend Gene
    Simmons`` is the role ``Rock Legend`` and the name ``Gene Simmons``; ``Andrew Gillum
    Staffer`` is someone described by a name and a role noun after it (the staffer
    speaks, not the one named). ``None`` when the run is a name alone."""
    words = (m.name or "").split()
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return None
    for i in range(1, len(words) - 2):
        if _role_noun(words[i]) and not any(_role_noun(w) for w in words[i + 1 :]):
            name = " ".join(words[i + 1 :])
            return replace(m, name=name, role=" ".join(words[: i + 1]), gender=_gender_of(name))
    if (
        _role_noun(words[-1])
        and words[-1].lower() not in _TITLES
        and first_name_gender(words[0])
        and not any(_role_noun(w) for w in words[:-1])
    ):
        return Mention("description", role=m.name, text=m.text)
    return None


def _apposed_name(text: str) -> Mention | None:
    """The name set off by commas after a partitive (``another of the seven, Mike
    Gapes``) or after an affiliation (``Queen’s University, Belfast, research fellow
    Wes Fraser``), or ``None``: the one named speaks, the phrase before says which group
    or place the person belongs to."""
    first = text.split(maxsplit=1)[0].rstrip(".") if text.strip() else ""
    # "Dr. Ronald Moy, founder DNA Renewal": a person named first is the one speaking
    person_first = bool(first_name_gender(first)) or first in ("Dr", "Mr", "Ms", "Mrs", "Sir")
    for pattern in (_PARTITIVE_APPOSED, _AFFILIATION_APPOSED):
        found = pattern.match(text)
        if found is not None and not (pattern is _AFFILIATION_APPOSED and person_first):
            named = _parse_mention(found.group("rest"))
            if named.kind == "name" and named.name and not named.members:
                return replace(named, text=text)
    return None


#: present-tense verbs a headline puts after an organisation or a person ("CNN Reacts
#: to …", "Farage Slams …"): capitalised like the name, but no part of it
_HEADLINE_VERBS = frozenset(
    [
        # verbs a headline puts after its subject's name (``Denzel Washington Switches
        # to Trump``); none is a surname
        *("switches", "shocks", "stuns", "sends", "turns", "joins", "quits", "backs"),
        *("endorses", "praises", "thanks", "trolls", "roasts", "crushes", "silences"),
        *("shuts", "drops", "breaks", "gets", "gives", "takes", "makes", "goes", "comes"),
        *("launches", "announces", "confirms", "suggests", "questions", "attacks"),
        *("labels", "compares", "dismisses", "rejects", "apologizes", "apologises"),
        *("issues", "sues", "accepts", "announces", "celebrates", "condemns", "criticizes"),
        *("criticises", "dares", "ditches", "exposes", "lashes", "laughs", "mourns"),
        "reacts",
        "refers",
        "responds",
        "says",
        "slams",
        "blasts",
        "rips",
        "hits",
        "warns",
        "admits",
        "mocks",
        "urges",
        "vows",
        "demands",
        "denies",
        "defends",
        "insists",
        "claims",
        "explains",
        "reveals",
        "accuses",
        "torches",
        "unloads",
        "fires",
        "doubles",
        "calls",
        "tells",
        "weighs",
        "speaks",
        "shreds",
        "destroys",
        # verbs a headline puts before an infinitive ("Sinema Refuses To Retract …")
        "refuses",
        "declines",
        "agrees",
        "plans",
        "wants",
        "threatens",
        "promises",
        "pledges",
        "seeks",
        "fails",
    ]
)


def _without_headline_verb(m: Mention) -> Mention:
    """``m`` without the headline verb closing its name (``CNN Reacts`` is CNN); a name
    that was only the verb names no one."""
    if m.kind != "name" or not m.name:
        return m
    words = m.name.split()
    verbs = (i for i, w in enumerate(words) if w[:1].isupper() and w.lower() in _HEADLINE_VERBS)
    cut = next((i for i in verbs if i > 0), None)
    if cut is None:
        return m
    return replace(m, name=" ".join(words[:cut]))


#: a subordinate clause closing a source (``… Jo Roe when the firm pleaded guilty``)
_WHEN_CLAUSE = re.compile(r"\s+(?:when|while|because|although|whereas)\s+(?=\S)")
#: a name alone (capitalised words) before a preposition and a lowercase phrase
_NAME_THEN_PP = re.compile(
    r"^((?:[A-Z][\w.’'-]*\s){0,3}[A-Z][\w.’'-]*)\s+"
    r"(?:on|in|at|during|after|before|from|with|via|about)\s+(?=[a-z])"
)


#: common words that make a hyphenated capitalised epithet (``Me-First``,
#: ``Know-Nothing``, ``Holier-Than-Thou``), never part of a person's double name
_EPITHET_WORDS = frozenset(
    ["me", "my", "i", "it", "you", "we", "us", "all", "first", "nothing", "than", "not"]
)


def _epithet(name: str) -> bool:
    """Is ``name`` an epithet (a hyphenated word with a pronoun or a common word for a
    part: ``Me-First``), not a double name (``Jean-Marc``, ``Ocasio-Cortez``)?"""
    return any(
        "-" in w and any(p.lower() in _EPITHET_WORDS for p in w.split("-")) for w in name.split()
    )


#: a relative clause or a participle set off by a comma after a role ("including" lists
#: belong to it)
#: ("the report, a copy of which CNN obtained": a relative clause after its part)
_ROLE_CLAUSE = re.compile(
    r",\s+(?:who|whose|which|(?:(?:a|an|the|one) )?[a-z]+ of which|(?!including\b)[a-z]{2,}ing)"
    r"\b.*$",
    re.S,
)
#: verbs of perceiving the reader is told to use ("Hear X explain", "Watch X say")
_SENSES = frozenset(["hear", "watch", "listen", "see", "read"])
#: a verb of continuing closing a source before "on to <cue>"
_GOES_ON = re.compile(r"\s+(?:goes|went|go|moves|moved|continues|continued)$")
#: a subject pronoun after the first words of a mention (not opening it)
_INNER_PRONOUN = re.compile(r"^(?:[A-Za-z]+ ){1,12}(he|she|I|i|we|they)(?: [a-z]+)?$")
#: a name, then a relative clause set off by a comma
_NON_RESTRICTIVE = re.compile(r"^([A-Z][^,]*?),\s+(?:who|whose)\s+\S.*$", re.S)
#: modifiers that make no role on their own ("the more Trump responds", "The recent
#: Census report", "the late Ed Koch")
_BARE_MODIFIERS = frozenset(["more", "less", "recent", "late", "same", "very", "then", "now"])


#: words that open a subordinate clause; the source is its subject ("Right before an
#: audience member asked")
_SUBORDINATE = re.compile(
    r"^(?i:(?:(?:right|just|shortly|soon|even|only|long)\s+)?"
    r"(?:before|after|when|while|until|once|since|because|although)"
    # a sentence adverb: "However the senator", "Moreover Trump"
    r"|(?:however|moreover|furthermore|indeed|instead|nevertheless|nonetheless|rather),?)"
    r"\s+(?=(?:the |an? |[A-Z]))"
)
#: a clause after the noun phrase ("witnesses, where the men kicked him") or a light
#: verb closing it ("officials of the community made [a statement]")
_CLAUSE_AFTER = re.compile(r",\s+(?:where|when|while|whereas)\b.*$", re.S)
_LIGHT_VERB = re.compile(r"(?<=[a-z]) (?:made|gave|issued|released|offered|took|had)$")
#: verbs of a call to action addressed to the reader ("Add your name to millions")
_CALLS = IMPERATIVES | frozenset(
    ["add", "join", "sign", "click", "share", "subscribe", "donate", "help", "tell", "support"]
)
#: prepositions that open no source and may stand before a possessive ("a friend of his")
_PREPS = frozenset(
    [
        "of",
        "to",
        "for",
        "with",
        "from",
        "in",
        "on",
        "at",
        "by",
        "about",
        "into",
        "over",
        "than",
        "via",
        "during",
        "among",
        "within",
        "inside",
        "like",
        "under",
        "behind",
    ]
)
#: quantifiers before a group noun: no role ("many Republicans", "Both Democrat X and ...")
_QUANTIFIERS = frozenset(["many", "some", "several", "most", "few", "all", "both", "certain"])


def _noun_phrase_only(text: str) -> str:
    """The source's noun phrase, without a subordinator before it (``Right before an
    audience member``), a clause after it (``witnesses, where …``) or a light verb
    closing it (``officials of the community made``)."""
    t = _SUBORDINATE.sub("", text.strip(), count=1)
    t = _CLAUSE_AFTER.sub("", t)
    t = _WHOSE.sub("", t, count=1)
    return _without_verb_clause(_LIGHT_VERB.sub("", t.rstrip(" ,")))


#: a relative ``whose`` opening a source (``the ministry, whose spokesman referred``):
#: the one described is the spokesman
_WHOSE = re.compile(r"^whose\s+(?=[a-z])")


def _without_verb_clause(text: str) -> str:
    """The noun phrase before a past verb inside a source span: ``The family sent
    Marlow`` (before the noun cue ``a statement``) is the family's; ``a draft report
    obtained by the Ledger`` is a report (the participle clause says only who has it).
    A span with a comma (an apposition), a verb after a determiner or an adverb (``the
    newly elected mayor``) or one with a bare object (``an aide granted anonymity``)
    stays whole."""
    words = text.split()
    if "," in text or len(words) < 3:
        return text
    for k in range(1, len(words) - 1):
        prev = words[k - 1]
        if (
            _past_verb(words[k])
            and words[k].lower() not in ROLE_ED
            and prev.lower() not in _DETS
            and not is_ly_adverb(prev.lower())
            and any(c.isalpha() for c in prev)
            # "obtained by", "sent a", "sent Marlow": a verb and its agent or object;
            # "an aide granted anonymity" is still the aide described
            and (words[k + 1].lower() in _DETS | {"by"} or _is_cap(words[k + 1]))
            # "a paper published by Fa": the agent wrote it, and tells whose it is
            and not (words[k].lower() in _AUTHORED_BY and words[k + 1].lower() == "by")
        ):
            return " ".join(words[:k])
    return text


#: participles whose ``by`` agent wrote or made the document before them, unlike one
#: that only has it (``obtained by``)
_AUTHORED_BY = frozenset(
    ["published", "written", "authored", "conducted", "commissioned", "prepared", "co-authored"]
)


def _no_phrase(text: str) -> bool:
    """A span that is no noun phrase at all: it opens with a preposition (``of the
    legislation, setting up …``), with the verb of a call to action and its object
    (``Add your name to millions``), or holds a verb and its possessed object
    (``verbally bully his opponents``: a possessive after a lowercase word that is no
    preposition or conjunction)."""
    words = _clean(text).split()
    if len(words) < 2:
        return False
    first = words[0].lower()
    if words[0].islower() and first in _PREPS:
        return True
    if (
        words[0].islower()
        and first not in _DETS | {"and", "or", "but", "both"}
        and words[1].lower() in POSSESSIVE_DETS
    ):
        # "saves his best [criticism]": a verb and its possessed object open the span
        return True
    if first in _CALLS and words[1].lower() in ("your", "the", "a", "an", "us", "our"):
        return True
    if any(w.lower() in ("who", "which", "that") or w.endswith(",") for w in words):
        return False  # "Obama, who told his aides": a relative clause may hold a verb
    return any(
        w.lower() in POSSESSIVE_DETS
        and words[k - 1].islower()
        and words[k - 1] not in _PREPS | _CONNECT | _DETS | {"or", "but"}
        and not is_person_word(words[k - 1])
        for k, w in enumerate(words)
        if k > 0
    )


def _without_quantifier(m: Mention) -> Mention:
    """``many Republicans``: a quantifier is no role; alone, it makes the group a
    description (``Both Democrat, Republican`` loses ``Both``)."""
    assert m.role is not None
    words = m.role.split()
    if words[0].lower() not in _QUANTIFIERS:
        return m
    if len(words) == 1 or words[1] in (",",):
        return Mention("description", role=m.text, gender=m.gender, text=m.text)
    return replace(m, role=" ".join(words[1:]))


def _last_sentence(text: str) -> str:
    """``its own rule. U.S. officials``: a source span that runs over a full stop starts
    after it (a title's full stop, ``Gov. Brown``, is no sentence end)."""
    parts = re.split(r"(?<=[a-z]{2})\.\s+(?=[A-Z])", text)
    keep = len(parts) - 1
    while keep > 0 and parts[keep - 1].split()[-1].lower() in _TITLES:
        keep -= 1  # "Gov. Brown": join back what a title's full stop split
    return ". ".join(parts[keep:]) if keep else text


#: last words of a phrase that stops before its noun ("One key", "the top five most")
_UNFINISHED = frozenset(
    [
        "most",
        "each",
        "key",
        "more",
        "less",
        "all",
        "both",
        "many",
        # "the only reason anyone": a clause's subject after a noun
        "anyone",
        "anybody",
        "someone",
        "somebody",
        "everyone",
        "nobody",
    ]
)


def _fragmentary(desc: str) -> bool:
    """A description that is no noun phrase of a source: it opens with a lowercase
    adverb or participle and has no person noun for head (``running an ad``,
    ``nervously watching``); it stops before its noun (``One key``, ``the top five
    most``); its head is a thing owned by a name (``The President's interest``); or,
    with no article, its head is neither a person nor a document (``determine Senate
    majority``)."""
    words = [w for w in desc.split() if w.lower() not in _DETS]
    if len(words) < 2:
        return False
    bare = desc.split()[0].lower() not in _DETS
    first, last = words[0], words[-1].lower()
    if last in _UNFINISHED:
        return True
    if (
        _past_verb(words[-1])
        and not any(is_person_word(w.lower()) or w.lower() in _PARTISANS for w in words)
        and not any(w.lower() in ("who", "that", "which") for w in words)
    ):
        # "The FDA sent", "Abe brought", "The report focused": a subject and its verb,
        # the cue a word after them; the phrase is no one's description ("the officials
        # interviewed", "Republicans who were polled" are people described)
        return True
    if _head_of(desc).removesuffix("s") in PERSON_HEADS | _PERSON_NOUNS - _QUANTIFIERS:
        # "Two members of the mayor's team": people of a group, whatever the group's noun
        return False
    if (verb := _VERB_ON_THING.search(desc)) is not None and _past_verb(verb.group(1)):
        # "Roe and other allies seized on news": a subject, its verb and the thing it
        # took up; the cue after it ("reported") is the thing's, no one's words
        return True
    thing = not is_person_word(last) and last not in _DOC_NOUNS | _ORG_WORDS | _ISSUED
    if thing and re.search(r"[’']s$", words[-2]):
        return True  # "The President's interest", "Gore’s overdramatic": a thing of theirs
    if thing and bare and first.islower() and not is_person_word(first) and "," not in desc:
        # "determine Senate majority", "voice opposition": a verb and its object
        return True
    opener = first.islower() and len(first) > 5 and first.endswith(("ly", "ing"))
    return opener and first not in ("elderly", "family") and not is_person_word(last)


#: a verb, a preposition and a bare noun closing a source (``… allies seized on news``);
#: ``in``, ``at`` and ``by`` are left out, a participle before them describes a person
#: (``lawyers involved in litigation``, ``officials stationed at ports``)
_VERB_ON_THING = re.compile(r"\b([a-z]+) (?:on|upon|onto) [a-z]+$")

#: irregular past forms that end a clause's subject and verb ("Abe brought")
_IRREGULAR_PAST = frozenset(
    [
        "brought",
        "sent",
        "written",
        "wrote",
        "made",
        "took",
        "taken",
        "gave",
        "given",
        "held",
        "found",
        "kept",
        "left",
        "began",
        "begun",
        "shown",
        "led",
        "met",
        "put",
    ]
)


def _past_verb(word: str) -> bool:
    """Whether ``word`` is a lowercase past form of a verb ("focused", "brought")."""
    low = word.lower()
    return word.islower() and (
        low in _IRREGULAR_PAST or (len(low) > 5 and low.endswith("ed") and low != "united")
    )


def _initial_after_office(run: Sequence[str]) -> int | None:
    """Index in ``run`` of a middle initial ("R.") that follows a connector ("of",
    "for") with at least one capitalised word between them; ``None`` when there is none.
    Without a connector the run is one name ("John F. Kennedy") and stays whole."""
    links = [k for k, w in enumerate(run) if w.lower() in _CONNECT]
    if not links:
        return None
    return next(
        (
            k
            for k in range(links[-1] + 2, len(run) - 1)
            if re.fullmatch(r"[A-Z]\.", run[k]) and _is_cap(run[k - 1])
        ),
        None,
    )


#: sentence adverbs that may open a clause before its subject (``Meanwhile student
#: leaders``); subordinators are left out, their clause's subject may be someone else
_SENTENCE_ADVERBS = frozenset(
    [
        "furthermore",
        "however",
        "indeed",
        "instead",
        "meanwhile",
        "moreover",
        "nevertheless",
        "nonetheless",
        "now",
        "still",
        "thus",
        "today",
        "yesterday",
    ]
)

#: words that close the object of an office (``Minister of Foreign Affairs and Trade``)
_OFFICE_OBJECTS = frozenset(
    [
        "affairs",
        "trade",
        "defence",
        "defense",
        "justice",
        "health",
        "finance",
        "education",
        "interior",
        "state",
        "commerce",
        "labor",
        "labour",
        "energy",
        "agriculture",
        "transport",
        "treasury",
        "security",
        "environment",
        "culture",
        "services",
        "development",
        "resources",
        "welfare",
    ]
)


def _name_after_office(words: Sequence[str], j: int) -> int | None:
    """Index where a person's name starts in ``Mayor of London Sadiq Khan`` or
    ``Minister of Foreign Affairs and Trade Péter Szijjártó``: a title, ``of``, the
    office's object (a known place, or words ending in what a ministry is of), then two
    capitalised words that are the name. A first name the lexicon does not know
    otherwise leaves the whole run one name or one description. ``None`` when the
    mention has no such shape (``Director of National Intelligence``)."""
    # the run of the office's object may hold "and" ("Foreign Affairs and Trade")
    while j > 2 and words[j - 1].lower() in ("and", "&") and _is_cap(words[j - 2]):
        j -= 2
        while j > 0 and _is_cap(words[j - 1]) and not _is_title(words[j - 1]):
            j -= 1
    if j < 2 or words[j - 1] != "of" or not _is_title(words[j - 2]):
        return None
    run = words[j:]
    if len(run) < 3 or not all(_is_cap(w) or w.lower() in _CONNECT for w in run):
        return None
    obj, name = run[:-2], run[-2:]
    if any(w.lower() in _ORG_HEADS | _CONNECT or not _is_cap(w) for w in name):
        return None
    if " ".join(name).lower() in PLACES or name[-1].lower() in _OFFICE_OBJECTS:
        return None
    place = " ".join(obj).lower()
    if place in PLACES or place in _MULTI_PLACES or obj[-1].lower() in _OFFICE_OBJECTS:
        return len(words) - 2
    return None


#: verbs that open the text of a shop's or a page's button (``Buy New``, ``Shop Now``)
_BUTTON_VERBS = frozenset(["buy", "shop", "subscribe", "download", "click", "donate", "order"])
#: a button's text glued to the sentence after it ("Buy Now The lawsuit says"): page
#: furniture, no part of the source
_BUTTON_GLUED = re.compile(
    r"^(?:" + "|".join(w.capitalize() for w in sorted(_BUTTON_VERBS)) + r") (?:Now|Today|Here)"
    r" (?=(?:The|A|An|This|That|His|Her|Their|Its) [a-z])"
)

#: a capitalised compound whose inner words are lowercase function words
_COMPOUND_NOUN = re.compile(
    r"[A-Z][a-z]+(?:-[a-z]+)*-(?:and|or|to|in|the|of|for|by|on|from)-[a-z]+"
)


def _represented_place(words: Sequence[str], j: int) -> int | None:
    """Index of the ``of`` in ``Kamala Harris of California``: two or more capitalised
    name words (no organisation's head among them) then ``of`` and a place the lexicon
    knows, to the end of the mention. ``None`` otherwise (``Bank of England``, ``the
    Duke of York`` keep their ``of``)."""
    for k in range(j + 2, len(words) - 1):
        if words[k] != "of":
            continue
        before = [w for w in words[j:k] if not _is_title(w)]
        place = " ".join(words[k + 1 :]).lower().strip(".,")
        if (
            len(before) >= 2
            and all(_is_cap(w) for w in before)
            and not any(w.lower() in _ORG_HEADS | _CONNECT for w in before)
            and (place in PLACES or place in _MULTI_PLACES)
        ):
            return k
    return None


def _member_of_body(core: Sequence[str]) -> int | None:
    """Index of the ``of`` in ``Agustín Sánchez of the University of Leeds``: two or three
    capitalised name words (no title, no organisation's head or connector among them),
    then ``of the`` and an organisation its head noun marks (``University``,
    ``Institute``). ``None`` otherwise (``Bank of the West``, ``Federal Reserve Bank of
    New York``, ``the Commission on Presidential Debates`` are organisations, whole)."""
    k = next((i for i, w in enumerate(core) if w.lower() in _CONNECT), None)
    if k not in (2, 3) or core[k] != "of" or core[k + 1 : k + 2] != ["the"]:
        return None
    if any(_is_title(w) or w.lower() in _ORG_HEADS for w in core[:k]):
        return None
    return k if any(w.lower() in _ORG_HEADS for w in core[k + 2 :]) else None


def _closing_name(words: Sequence[str]) -> bool:
    """Whether ``words`` after a title are a person's name of two or three words
    ("Judge Ann Byrne" after "District Court"): no organisation noun or connector
    among them, so the title is the person's and the name closes the mention."""
    return 2 <= len(words) <= 3 and all(
        _is_cap(w) and w.lower() not in _ORG_HEADS | _CONNECT for w in words
    )


#: a common noun saying what kind of outlet a capitalised name is (``the Bild am Sonntag
#: newspaper``, ``the Spiegel magazine``)
_OUTLET_NOUN = re.compile(r"(?<=[A-Za-z]) (newspaper|magazine|tabloid|weekly|daily|broadsheet)$")
_OUTLET_LEAD = re.compile(r"^(?:[Tt]he )?[A-Z]")
#: a relative clause after the head of a lowercase description (``a veteran who ...``);
#: it is cut off only where it names someone else
_RELATIVE_CLAUSE = re.compile(r"(?<=[a-z]) who (?=[a-z])")


def _first_name_modifies(words: Sequence[str], k: int, end: int) -> bool:
    """Does the capitalised run ``words[k:end]``, opened by a first name, describe the
    person named after it rather than name the speaker? ``Wilson Center director
    Rojansky``: an institution, a person noun, then the person's name."""
    tail = words[end:]
    return len(tail) > 1 and tail[0].lower() in PERSON_HEADS and all(_is_cap(w) for w in tail[1:])


#: titles that are common surnames too ("Billie Jean King", "Elvis Bishop")
_SURNAME_TITLES = frozenset(["king", "bishop", "judge", "major", "marshal", "dean"])


def _is_generation(word: str) -> bool:
    """A generational suffix (``Jr``, ``Jr.``, ``Sr``, ``II``, ``III``): the last word of
    a name, never a name of its own."""
    return word.lower().strip(".") in _GENERATIONS and (word[:1].isupper())


def _body_owner(core: Sequence[str]) -> int | None:
    """The index of a possessive opening a body's name that is no part of it: an
    abbreviation or a place owning the body (``U.N.’s Office for …``, ``Russia’s Centre
    for Reconciliation``) before two words or more, the body's noun among them. A
    possessive noun (``Women’s March``, ``Children’s Hospital``) or name (``McDonald’s
    Corporation``) is part of the body's name."""
    if len(core) < 3 or not re.search(r"[’']s$", core[0]):
        return None
    owner = re.sub(r"[’']s$", "", core[0])
    letters = owner.replace(".", "")
    abbreviation = len(letters) >= 2 and letters.isalpha() and letters.isupper()
    if not (abbreviation or is_place_name(owner)):
        return None
    return 0 if any(w.lower() in _ORG_HEADS for w in core[1:]) else None


#: titles that are common first names too ("Cpl. Dean Washington")
_FIRST_NAME_TITLES = frozenset(["dean"])


def _first_name_title(words: Sequence[str], i: int) -> bool:
    """Is the title word ``words[i]`` a first name (``Cpl. Dean Washington``)? So when
    another title comes right before it and one capitalised word, the surname, closes
    the name after it: two titles in a row are rare, a rank before a name is not."""
    return (
        words[i].lower() in _FIRST_NAME_TITLES
        and 0 < i == len(words) - 2
        and _is_title(words[i - 1])
        and words[i - 1].lower().strip(".") not in _OFFICE_MODIFIERS
        and _is_cap(words[i + 1])
        and not _is_title(words[i + 1])
    )


def _surname_title(words: Sequence[str], i: int) -> bool:
    """Is the title word ``words[i]`` a surname (``Billie Jean King``, ``Martin Luther
    King Jr``)? So when it follows a first name and only a generational suffix comes
    after it: a title is written before the name it goes with, so a title closing a
    person's name is their surname. A place or a determiner before it (``the Saudi
    King``) keeps it a title."""
    if words[i].lower() not in _SURNAME_TITLES or not all(
        _is_generation(w) for w in words[i + 1 :]
    ):
        return False
    k = i
    while k > 0 and _is_cap(words[k - 1]) and not _is_title(words[k - 1]):
        k -= 1
    run = words[k:i]
    if not run or (k > 0 and words[k - 1].lower() in _DETS):
        return False
    if any(_bare(w) in PLACES or re.search(r"[’']s?$", w) for w in run):
        return False
    return len(run) >= 2 or bool(first_name_gender(run[0]))


#: a possessive ending: ``Clinton’s``, and ``Snipes’`` after a final s (the ``s`` kept)
_POSSESSOR = re.compile(r"[’']s$|(?<=s)[’']$")


def _modifier_before_title(words: Sequence[str], kept: Sequence[int]) -> bool:
    """Is the capitalised word a modifier of the title that closes an indefinite mention
    (``one Conservative MP``, ``a Tory MP``)? A title after a name (``Jo Roe MP``) follows
    the name alone; after a determiner the title is the head, and the word before it
    says whose party or country it is, which names no one."""
    return (
        len(words) > 2
        and words[0].lower() in ("the", "a", "an", "one", "another")
        and bool(kept)
        and kept[-1] < len(words) - 1
        and _is_title(words[-1])
        and all(_is_cap(w) for w in words[1:-1])
    )


def _parse_mention(text: str) -> Mention:
    # "Sen.Chris Murphy": a title's full stop with the space after it lost is still the
    # end of the title, not part of the name
    t = _GLUED_TITLE.sub(r"\1. ", _clean(text))
    low = t.lower()
    if low in _PRONOUNS:
        return Mention("pronoun", gender=_PRONOUNS[low], text=t)
    if _CALL_SIGN.fullmatch(t):
        # "FOX 5 DC", "WXYZ 7 NEWS": a broadcaster's call sign and channel, one name
        return Mention("name", name=t, text=t)
    if _AGENCY.fullmatch(t):
        # "the Associated Press", "the Detroit Free Press": "Press" ends an agency's or
        # a paper's name; it is no title (titles come before a name: "Press Secretary")
        return Mention("name", name=re.sub(r"^[Tt]he ", "", t), text=t)
    if low in QUANTIFIER_PRONOUNS:
        # "Others posited that", "Some say": a quantifier standing for people left
        # unnamed says how many spoke, not who; no one to show as the speaker
        return Mention("pronoun", text=t)
    if low == "another":
        # "Another chimes in": one more of the people just described, unnamed
        return Mention("description", role=t, text=t)
    # "Rep. Maxine Waters (D-Calif.).": the sentence's full stop is no part of the name
    if t.endswith(").") or (t.endswith(".") and len(t.split()[-1]) > 4):
        t = t[:-1]
    if t in _BUSINESS_HEADS:
        # "“…,” company said in a statement": a business's noun, its article left out as
        # in a headline, stands for the firm the article is about
        return Mention("description", role=t, definite=True, text=t)
    if (
        t
        and not t[:1].isupper()
        and " " not in t
        and t.lower() not in _GENERIC_NOUNS
        and (
            not (
                t.endswith("s")
                or t.lower() in ("police", "someone", "everyone", "anyone", "nobody", "everybody")
            )
            # "they could always point to": an adverb in -s is no plural noun either
            or t.lower() in _S_ADVERBS
        )
    ):
        # "drew", "hidden", "another": a lone word that names no one
        return Mention("pronoun", text=t)
    if _COMPOUND_NOUN.fullmatch(t):
        # "Stop-and-frisk was called out": a hyphenated compound noun is a policy or a
        # practice, no one's name
        return Mention("pronoun", text=t)
    if t.lower() in IMPERATIVES:
        # "Pay attention to that last bit:": the verb of an imperative names no one
        return Mention("pronoun", text=t)
    t = _BUTTON_GLUED.sub("", t) or t
    lead, _, rest = t.partition(" ")
    if lead.lower() in _BUTTON_VERBS and all(_is_cap(w) or not w.isalpha() for w in rest.split()):
        # "Buy New", "Shop Now", "Subscribe Today": an advert's or a page's button text
        # names no one
        return Mention("pronoun", text=t)
    if rest and (lead.lower() in IMPERATIVES | _SENSES):
        # "Hear CNN Political Director David Chalian explain": the reader is told to
        # listen to the one named
        t = rest
    elif (
        rest
        and lead[:1].isupper()
        and lead.endswith("ing")
        and len(lead) > 5
        and not first_name_gender(lead)
    ):
        # "Addressing Trump directly": a participle opening the sentence, its object
        # named; the speaker is the main clause's subject
        return Mention("pronoun", text=t)
    if rest and lead.lower() in _SENTENCE_ADVERBS and rest[:1].islower():
        # "Meanwhile student leaders have warned": the adverb links the sentence to the
        # one before; it is no part of the description
        t = rest
    # "Johnson goes on to explain": the verb before "on to" is no part of the name
    t = _GOES_ON.sub("", t) or t
    outlet = _OUTLET_NOUN.search(t)
    if (
        outlet is not None
        and _OUTLET_LEAD.match(t)
        and t[: outlet.start()].split()[-1][:1].isupper()
    ):
        # "the Bild am Sonntag newspaper": the paper's name, then what it is
        name = re.sub(r"^[Tt]he ", "", t[: outlet.start()])
        return Mention("name", name=name, role=outlet.group(1), text=t)
    rel = _RELATIVE_CLAUSE.search(t)
    if (
        rel is not None
        and (
            t[: rel.start()].split()[-1].islower()
            or t[: rel.start()].split()[-1].lower() in PERSON_HEADS
        )
        and re.search(r"\b[A-Z]", t[rel.end() :])
    ):
        # "An Army veteran who reached out to Fox News": the relative clause describes
        # the speaker; the names inside it (whom they reached) are not theirs
        t = t[: rel.start()].rstrip(" ,")
    if (fronted := _INNER_PRONOUN.search(t)) is not None:
        # "The entire time he", "A few days later I received": a clause's subject
        # pronoun, the words before it a fronted adverbial
        word = fronted.group(1)
        return Mention("pronoun", gender=_PRONOUNS.get(word.lower()), text=word)
    # a dateline before the name: "Boise, Idaho (CNN) Donald Trump Jr.", "(Reuters) - "
    t = _DATELINE.sub("", t) or t
    # "an official who asked not to be named": the description, without the formula
    t = _ANONYMITY_CLAUSE.sub("", t) or t
    refl = _REFLEXIVE.match(t)
    if refl is not None:
        # "The icon himself gave some": an emphatic reflexive closes the noun phrase and
        # tells the gender
        inner = parse_mention(refl.group(1))
        gender = inner.gender or {"himself": "m", "herself": "f"}.get(refl.group(2).lower())
        return replace(inner, gender=gender)
    byline = _byline(t)
    if byline is not None:
        return byline
    pair = _coordinated(t)
    if pair is not None:
        return pair
    closing = _name_closing_description(t)
    if closing is not None:
        return closing
    described = None if _role_then_name(t) else _described_or_fragment(t)
    if described is not None:
        return described
    head, _, appos = t.partition(",")
    appos = _clean(appos)
    lead_words = appos.split()
    lead_word = lead_words[0] if lead_words else ""
    if (
        lead_word.islower()
        and len(lead_word) > 5
        and lead_word.endswith("ing")
        # "managing editor of …", "acting director": a title the participle qualifies
        and not (len(lead_words) > 1 and is_person_word(lead_words[1].lower()))
    ):
        # "Sarah Bühler, yelling to be heard over the band": what the speaker was doing
        # is no role
        appos = ""
    first_appos = appos.split(",")[0].strip()
    head_last = head.split()[-1] if head.split() else ""
    surname_appos = (
        # "His spokesman, Gates,": a person noun in lower case, then a surname alone
        re.fullmatch(r"[A-Z][a-z’'-]+", first_appos) is not None
        and head_last.islower()
        and head_last in PERSON_HEADS
        and not _not_a_name(first_appos)
        and first_appos.lower() not in _WEEKDAYS
    )
    if (
        surname_appos
        or _role_then_name(t)
        or (
            _PERSON_NAME.match(first_appos)
            and (
                first_name_gender(first_appos.split()[0])
                or not any(_is_cap(w) for w in head.split()[1:])
                # "VFI Chief Executive, Padraig Cribben": a title closing the head
                or (len(head.split()) > 1 and _is_title(head.split()[-1]))
            )
        )
    ):
        # "FBI Director, James Comey": the appositive is the name, the head the role
        rest = appos[len(first_appos) :].strip(" ,")
        head, appos = first_appos, ", ".join(x for x in (head, rest) if x)
    # parentheticals such as "(D-Ill.)" go to the role
    paren = " ".join(re.findall(r"\(([^)]*)\)", head))
    head = _clean(re.sub(r"\([^)]*\)", " ", head))
    # "Harry Reid in an interview on Monday": the name ends where a phrase starts
    head = _clean(_TRAILING_PP.split(head, maxsplit=1)[0])
    on = _ON_OUTLET.match(head)
    if on is not None:
        before = on.group(1).split()
        if not any(w.lower() in _ORG_HEADS for w in before) and (
            len(before) == 1 or first_name_gender(before[0]) or _is_title(before[0])
        ):
            # "Trump on Fox News": the person speaks on the outlet, which names no one
            head = on.group(1)
    words = _WORD.findall(head)
    # the name: the trailing run of capitalised words that are not titles
    core = words[1:] if words and words[0].lower() in _DETS else words
    # "the Arizona Republican" is one the article knows; "a Nevada Democrat" a new one
    definite = bool(words) and words[0].lower() in ("the", "this", "that")
    if len(core) < len(words) and core and _is_cap(core[-1]) and core[-1].lower() in PERSON_HEADS:
        # "the sharp-tongued Republican", "the Arizona Republican": a person described
        return Mention("description", role=t, definite=definite, gender=_gender_of(t), text=t)
    if core and _is_cap(core[-1]) and all(_is_cap(w) or w.lower() in _CONNECT for w in core):
        if core[-1].lower() in PERSON_HEADS and len(core) < len(words):
            # "the Arizona Republican", "The General": a person described, not named
            return Mention("description", role=t, definite=definite, gender=_gender_of(t), text=t)
        org_at = [k for k, w in enumerate(core) if w.lower() in _ORG_HEADS]
        joint_at = [k for k, w in enumerate(core) if w.lower() in _CONNECT]
        # "European Council President Donald Tusk": a title and a first name after the
        # organisation's name start the person's name
        titled = bool(org_at) and any(
            _is_title(core[i]) and (first_name_gender(core[i + 1]) or _closing_name(core[i + 1 :]))
            for i in range(org_at[-1] + 1, len(core) - 1)
        )
        if len(core) > 2 and _is_title(core[0]) and core[1] == "of" and org_at:
            # "Head of the Commission on Presidential Debates", "President of the
            # European Commission": an office of a body, whose holder speaks, is no name
            return Mention("description", role=t, definite=definite, gender=_gender_of(t), text=t)
        of = _member_of_body(core)
        if of is not None:
            # "Agustín Sánchez of the University of Leeds": a person of a body, whatever
            # the first name
            return Mention(
                "name",
                name=" ".join(core[:of]),
                role=_clean(", ".join(x for x in (" ".join(core[of:]), appos) if x)),
                gender=first_name_gender(core[0]),
                text=t,
            )
        if (
            org_at
            and not titled
            and (
                not first_name_gender(core[0]) or 2 <= org_at[0] < min(joint_at, default=len(core))
            )
        ):
            # "the Commission on Presidential Debates", "the John F. Kennedy School of
            # Government": an organisation's name, whole; a person's name may open it
            # ("John Kerry of the State Department" is a person)
            owned_at = _body_owner(core)
            if owned_at is not None:
                # "the U.N.’s Office for the Coordination of Humanitarian Affairs": the
                # body is the office, its owner what it belongs to
                owned = core[owned_at + 1 :]
                owner_role = _clean(
                    ", ".join(x for x in (" ".join(words[: len(words) - len(owned)]), appos) if x)
                )
                return Mention("name", name=" ".join(owned), role=owner_role, text=t)
            return Mention("name", name=" ".join(core), role=appos or None, text=t)
    j = len(words)
    org = bool(words) and words[-1].lower() in _ORG_HEADS
    while j > 0 and (
        _is_cap(words[j - 1])
        or words[j - 1].lower() in ("al", "bin", "de", "van", "von")
        # "National Oceanic and Atmospheric Administration": an organisation stays whole
        or (org and j > 1 and words[j - 1].lower() in _CONNECT and _is_cap(words[j - 2]))
        # "a report by the Committee on Foreign Relations": a body's noun before "on",
        # "for" or "of" goes on with what the body is for, all one name
        or (
            j > 1
            and j < len(words)
            and words[j - 1] in ("on", "for", "of")
            and words[j - 2].lower() in _ORG_HEADS
            and _is_cap(words[j - 2])
            and words[j].lower() not in _WEEKDAYS | _MONTHS
        )
        # "Mall of America": "of" between two capitalised words that are not titles
        or (
            j > 1
            and j < len(words)
            and words[j - 1] == "of"
            and _is_cap(words[j - 2])
            and not _is_title(words[j - 2])
            and not first_name_gender(words[j])
            and words[j].lower() not in ("daily", "weekly", "monthly", "italy", "july")
        )
    ):
        if (
            _is_title(words[j - 1])
            and j < len(words)
            and not _surname_title(words, j - 1)
            and not _first_name_title(words, j - 1)
        ):
            break
        j -= 1
    # "When Meghan", "Now Barney Frank", "Getty Joe Arpaio": a sentence opener or a
    # photo credit is no part of a name
    while j < len(words) and (
        words[j].lower() in NOT_NAME_LEAD
        or (
            words[j].endswith("ly")
            and len(words) - j > 1
            # "the Daily Caller", "Emily Smith": a name, not a sentence adverb
            and not (j > 0 and words[j - 1].lower() in _DETS)
            and not first_name_gender(words[j])
            and words[j].lower() not in ("daily", "weekly", "monthly", "italy", "july")
        )
        # "On Sunday ISIS claimed": the day opens the sentence ("The Sunday Times" keeps it)
        or (
            words[j].lower() in _WEEKDAYS
            and len(words) - j > 1
            and j == 0
            and words[-1].lower() not in _PAPERS
        )
    ):
        words = words[:j] + words[j + 1 :]
    if j == 1 and words[0].isdigit() and j < len(words):
        j = 0  # "38 North", "50 Cent": a number opening the mention opens the name
    office_name = _name_after_office(words, j)
    poss = [k for k in range(j, len(words) - 2) if re.search(r"(?:[’']s|[sS][’'])$", words[k])]
    if poss:
        # "Fox’s Megyn Kelly", "Russia’s Vladimir Putin", "KISS’ Gene Simmons": the
        # possessor is no part of a name of two words or more after it ("the Women’s
        # March" is one name)
        j = poss[-1] + 1
    run = words[j:]
    # a first name closing the run is a surname (``Megyn Kelly``, ``Grace Kelly``)
    first = next(
        (
            k
            for k, w in enumerate(run)
            if 0 < k < len(run) - 1 and w.lower() in FEMALE_NAMES | MALE_NAMES
        ),
        None,
    )
    if office_name is not None:
        # "Mayor of London Sadiq Khan": the office's object is no part of the name
        j = office_name
    elif first is not None and not any(w.lower() in FEMALE_NAMES | MALE_NAMES for w in run[:first]):
        # "Speaker of the House Nancy Pelosi": the name starts at the first name
        j += first
    elif (initial := _initial_after_office(run)) is not None:
        # "Attorney for the District of Utah Tom R. Vance": a middle initial after an
        # office's name marks the first name just before it
        j += initial - 1
    named_of = next(
        (i for i in (2, 3) if i < len(words) and words[i] == "of" and _is_cap(words[i - 1])),
        None,
    )
    # "Alex Bastian of the city prosecutor’s office": a first name opens the mention and
    # "of" follows the name; the possessor is inside the affiliation, not the speaker
    person_of = named_of is not None and bool(first_name_gender(words[0]))
    if (
        not person_of
        and any(
            _POSSESSOR.search(w) and not _is_cap(words[k + 1]) for k, w in enumerate(words[:-1])
        )
        and not _is_cap(words[-1])
    ):
        # "One of Bill Clinton’s oldest friends": a person described through a name;
        # "the former Massachusetts's governor": through a place, one person, definite;
        # "Jo Snipes’ office" (a possessive after a final s) through a name as well
        owner = next(_POSSESSOR.sub("", w).lower() for w in words if _POSSESSOR.search(w))
        definite = words[0].lower() == "the" and owner in PLACES
        return Mention("description", role=t, gender=_gender_of(t), text=t, definite=definite)
    for k in range(len(words) - 1):
        if first_name_gender(words[k]) and _is_cap(words[k + 1]):
            end = next((i for i in range(k + 2, len(words)) if not _is_cap(words[i])), len(words))
            if end < len(words) and any(re.search(r"[’']s$", w) for w in words[k:end]):
                # "Donald Trump’s American-born cousin John Walter": a possessor's name
                # opens the description of the one named after it
                continue
            if _first_name_modifies(words, k, end):
                break
            if end < len(words) and words[end].lower() not in ("al", "bin", "de", "van", "von"):
                if words[end].lower() == "of":
                    appos = _clean(", ".join(x for x in (" ".join(words[end:]), appos) if x))
                words, j = words[:end], min(j, k)
            break
    if (of := _represented_place(words, j)) is not None:
        # "Sen. Kamala Harris of California": the place the person represents is said
        # of them, it is no part of the name (as for a known first name above)
        appos = _clean(", ".join(x for x in (" ".join(words[of:]), appos) if x))
        words = words[:of]
    kept = [
        k
        for k in range(j, len(words))
        if not _is_title(words[k]) or _surname_title(words, k) or _first_name_title(words, k)
    ]
    name_words = [words[k] for k in kept]
    pre = words[:j] + [words[k] for k in range(j, len(words)) if k not in kept]
    if len(name_words) == 1 and (_not_a_name(name_words[0]) or name_words[0].lower() in _DETS):
        # "The Pope": the determiner before a title is no name; a person described
        name_words = []
    gender = None
    for w in pre:
        g = _HONORIFICS.get(w.lower().strip("."))
        if g:
            gender = g
    if gender is None and len(name_words) > 1:
        gender = first_name_gender(name_words[0])
    generic = bool(name_words) and all(w.lower() in _GENERIC_NOUNS for w in name_words)
    if (
        not name_words
        or generic
        or _modifier_before_title(words, kept)
        or (words and words[0].lower() in _DETS and not _is_cap(words[-1]))
    ):
        return Mention(
            "description",
            role=t,
            definite=bool(words) and words[0].lower() in ("the", "this", "that"),
            gender=_gender_of(t),
            text=t,
        )
    role_pre = " ".join(w for w in pre if w.lower().strip(".") not in _HONORIFICS)
    role_pre = re.sub(r"\s+([’']s)\b", r"\1", role_pre).strip()
    if _CARRIER.match(role_pre):
        # "a quote from Trump", "a statement by Jo Roe": what carried the words is no role
        role_pre = ""
    lead = _linked_lead(role_pre)
    if lead == "office":
        # "The US Secretary of Mike Pompeo": a slip before a person's name leaves the
        # name; the office of anything else is its holder's
        lead = "fragment" if first_name_gender(name_words[0]) else "described"
    if lead == "described":
        # "Anonymous sources within the FBI", "a report obtained by the Foundation": the
        # name is the object of a phrase that describes the unnamed source
        return Mention("description", role=t, gender=_gender_of(t), text=t)
    if lead == "fragment" and _thing_headed(role_pre):
        # "The terrorism investigation in New York and New Jersey": a thing the
        # sentence is about, the place its object; no one speaks
        return Mention("pronoun", text=t)
    if lead == "fragment":
        if re.search(r"[’']s$", name_words[-1]):
            # "Stunned at Trump’s": a possessor after a fragment owns a thing, not words
            return Mention("pronoun", text=t)
        role_pre = ""
    roles = [r for r in (role_pre, appos, paren) if r and r.lower() not in _DETS]
    role = ", ".join(roles) or None
    return Mention(
        "name",
        name=re.sub(r"\s+([’']s)\b", r"\1", " ".join(name_words)),
        role=role,
        gender=gender or (_gender_of(role) if role else None),
        text=t,
    )


#: words that close the phrase before a name when the name is the object of a
#: preposition or one of two conjuncts ("The Saudis’ wariness of Obama", "Obama and
#: the White House"), so that the phrase is no role of the name
_LEAD_LINKS = frozenset(
    [
        "of",
        "by",
        "at",
        "within",
        "inside",
        "among",
        "from",
        "to",
        "with",
        "about",
        "on",
        "for",
        "in",
        "over",
        "than",
        "and",
        "or",
        "the",
        "a",
        "an",
        # "The meeting ended awkwardly after Trump", "and yet Obama": a clause before
        # the name is no role of it
        "after",
        "before",
        "until",
        "since",
        "because",
        "while",
        "yet",
        "but",
        "although",
        "though",
        "unless",
    ]
)
#: prepositions after which a person noun keeps the head of the phrase ("sources
#: within the FBI", "officials at the ministry")
_MEMBER_OF = frozenset(["within", "inside", "among", "at", "from", "for", "of", "with", "in"])
#: capitalised group nouns that head a phrase like a lowercase one ("Democrats in Congress")
_PARTISANS = frozenset(["democrats", "republicans", "conservatives", "liberals", "progressives"])


def _linked_lead(lead: str) -> str:
    """What the words before a name are: ``"role"`` (a title or description of the
    name: ``Senate Majority Leader``, ``WSJ’s``); ``"fragment"`` when they end in a
    preposition, a conjunction, an article or a lowercase participle, so that the name
    is the object of some phrase (``The Saudis’ wariness of``, ``Last year the``,
    ``nervously watching``) and they describe no one; ``"described"`` when that phrase
    has a person noun as its head (``Anonymous sources within the``, ``sources close
    to``) or a participle with ``by`` (``a report obtained by``): the unnamed source, not
    the name, speaks; ``"office"`` for a capitalised office and ``of`` (``the Speaker
    of``): its holder speaks, unless a person's name follows."""
    words = lead.split()
    if not words:
        return "role"
    last = words[-1].lower()
    participle = words[-1].islower() and len(last) > 4 and last.endswith(("ing", "ed"))
    if last not in _LEAD_LINKS and not participle:
        return "role"
    preps = [k for k, w in enumerate(words) if w.lower() in _LEAD_LINKS - _DETS - {"and", "or"}]
    if preps and preps[-1] > 0:
        p = preps[-1]
        head = words[p - 1]
        opening = p - 1 == 0 and head[1:].islower()  # "Authorities in New York City"
        if (head.islower() or head.lower() in _PARTISANS or opening) and (
            (words[p].lower() in _MEMBER_OF and is_person_word(head) and head not in DOCUMENTS)
            or (words[p].lower() == "by" and head.endswith("ed"))
        ):
            return "described"
        if words[p].lower() == "of" and _is_cap(head) and _is_title(head):
            # "the Speaker of the House of Commons", "the Mayor of London": the holder
            # of an office of the body or place named, not the body or place
            return "office"
        if p > 1 and head.lower() in ("close", "familiar") and is_person_word(words[p - 2].lower()):
            # "sources close to ABC News", "people familiar with the White House"
            return "described"
    return "fragment"


#: prepositions of place: the name after one is where something is, not who made it
#: ("a survey by Gallup" is Gallup's)
_PLACE_PREPS = frozenset(["in", "at", "inside", "within", "across", "near", "outside"])


def _thing_headed(lead: str) -> bool:
    """Do the words before a name open a noun phrase (a determiner, lowercase words)
    whose head, before a preposition of place, names no person (``The terrorism
    investigation in``, ``His speech in``)?"""
    words = lead.split()
    k = next((i for i, w in enumerate(words) if w.lower() in _PLACE_PREPS), None)
    if k is None or k < 2 or words[0].lower() not in _DETS | _POSSESSIVE_DETS:
        return False
    if any(re.search(r"[’']s?$", w) for w in words[:k]):
        return False  # "The Danes' distrust of Obama": a possessor's attitude to the name
    head = words[k - 1]
    return head.islower() and head.isalpha() and not is_person_word(head)


#: possessive determiners opening a noun phrase (``His speech in Orlando``)
_POSSESSIVE_DETS = frozenset(["his", "her", "their", "its", "our", "my", "your"])
_BYLINE_NAME = r"[A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+){1,2}"
#: "NYT, Jo Roe and Al Poe on A1", "WaPo, Jo Roe, Al Poe and Di Doe": a news roundup's
#: byline, the outlet and then its writers
_BYLINE = re.compile(
    r"(?P<outlet>[A-Z][\w.&’']*(?: [A-Z][\w.&’']*)?), "
    rf"(?P<names>(?:{_BYLINE_NAME}, )*{_BYLINE_NAME},? and {_BYLINE_NAME})"
    r"(?: on [A-Z]?\d+)?"
)


def _byline(t: str) -> Mention | None:
    """``NYT, Pat Healy and Alex Burns on A1``: the writers of a roundup's byline are the
    source, jointly, and the outlet is their role (not a name with the writers for role).
    Every writer has a first and a last name, one of them a known first name."""
    m = _BYLINE.fullmatch(t)
    if m is None:
        return None
    members = tuple(x.strip() for x in re.split(r",? and |, ", m.group("names")))
    if not any(first_name_gender(x.split()[0]) for x in members):
        return None
    return Mention(
        "name",
        name=m.group("names"),
        role=m.group("outlet"),
        text=t,
        members=members,
        joint=True,
    )


#: committees and departments whose names hold an "and" ("Ways and Means", "Health and
#: Human Services"): one body, never two names coordinated
_BODY_WITH_AND = re.compile(
    r"\b(?:Ways and Means|Health and Human Services|Energy and Commerce|"
    r"Oversight and (?:Government )?(?:Reform|Accountability)|Homeland Security and "
    r"Governmental Affairs|Education and (?:the )?Workforce|Science,? (?:Space,? )?and "
    r"Technology|Transportation and Infrastructure|Rules and Administration|Environment "
    r"and Public Works|Energy and Natural Resources|Housing and Urban (?:Development|"
    r"Affairs)|Immigration and Customs Enforcement|Customs and Border Protection|Food "
    r"and Drug|Labor,? and Pensions|Science,? and Transportation|Nutrition,? and Forestry|"
    r"Work and Pensions|Food and Rural Affairs|Media and Sport|Industrial Strategy|"
    r"Communities and Local Government|Health and Social Care|Children and Families|"
    r"Crime and Policing|Small Business and Entrepreneurship|Veterans'? Affairs)\b"
)


def _coordinated(t: str) -> Mention | None:
    """``Mayor Bill de Blasio and Governor Andrew Cuomo``: one source naming two people
    (``joint``) when either is plainly a person (a first name, a title, an honorific, a
    particle such as ``de``); else possibly one organisation (``Procter and Gamble``),
    kept whole. ``&`` always joins an organisation's name (``Johnson & Johnson``)."""
    head = t.split(",")[0].strip()
    role = None
    lead = re.fullmatch(r"((?:\S+ )*?[a-z][\w-]*) ((?:[A-Z]\S* )+and (?:[A-Z]\S* ?)+)", head)
    if (
        lead is not None
        and lead.group(1).split()[-1] not in _PARTICLES | {"and", "or"}
        and not any(w.lower() in _HEAD_PREPOSITIONS for w in lead.group(2).split())
    ):
        # "The two candidates for president Hillary Clinton and Donald Trump": the
        # description before the coordinated names is their role
        role, head = lead.group(1), lead.group(2).strip()
    # "Committee on Ways and Means Chairman Kevin Brady": an "and" inside the name of a
    # committee or a department joins one body's name, never two people
    masked = _BODY_WITH_AND.sub(lambda b: b.group(0).replace(" and ", " \0 "), head)
    m = re.fullmatch(r"(.+?) (and|&) (.+)", masked)
    if m is None:
        return None
    left, conj, right = (x.replace("\0", "and") for x in m.groups())
    words = _WORD.findall(head)
    if (
        " and " in m.group(3)
        or not right[:1].isupper()
        or words[-1].lower() in _ORG_HEADS
        or any(not _is_cap(w) and w.lower() not in _CONNECT for w in words)
    ):
        # descriptions ("the campaign and the party"), "... and Atmospheric Administration"
        return None
    a, b = parse_mention(left), parse_mention(right)
    if not (a.kind == b.kind == "name" and a.name and b.name):
        return None
    if re.search(r"\bof$", role or a.role or "") and not any(
        first_name_gender(w) for w in a.name.split()
    ):
        # "Secretary of Health and Human Services Alex Azar": the "and" joins the words
        # the office is of, not two people
        return None
    whole = re.sub(r"^(?:the|a|an) ", "", head, flags=re.I)
    if conj == "&":
        return Mention("name", name=whole, text=t)
    members = (a.name, b.name)
    if any(_plainly_a_person(x) for x in (a, b)):
        roles = [r for r in (role, a.role, b.role) if r]
        return Mention(
            "name",
            name=f"{a.name} and {b.name}",
            role=", ".join(roles) or None,
            text=t,
            members=members,
            joint=True,
        )
    if role is not None:
        return None  # "the head of Procter and Gamble": not two people named
    return Mention("name", name=whole, text=t, members=members)


def _plainly_a_person(m: Mention) -> bool:
    words = (m.name or "").split()
    return bool(
        m.gender
        or _is_title_role(m.role)
        or (len(words) > 1 and first_name_gender(words[0]))
        or (words and words[0] in ("de", "van", "von", "al", "bin"))
    )


#: prepositions after which a lowercase head noun is described, not named
_HEAD_PREPOSITIONS = frozenset(["of", "for", "like"])
#: lowercase nouns that describe a person or a group (with the role words and titles)
_PERSON_NOUNS = frozenset(
    [
        "member",
        "friend",
        "colleague",
        "supporter",
        "critic",
        "resident",
        "witness",
        "victim",
        "neighbor",
        "neighbour",
        "student",
        "teacher",
        "officer",
        "agent",
        "employee",
        "worker",
        "staffer",
        "owner",
        "relative",
        "partner",
        "expert",
        "voter",
        "citizen",
        "coach",
        "girl",
        "boy",
        "mom",
        "dad",
        "cleric",
        "councilman",
        "councilwoman",
        "eyewitness",
        "one",
        "some",
        "many",
        "most",
        "all",
        "both",
        "each",
        "none",
        "several",
        "few",
    ]
)


def is_person_word(word: str) -> bool:
    """Does a lowercase head noun describe a person, a group or an organisation?"""
    w = re.sub(r"[’']s$", "", word.lower()).strip(".")
    w = w.removeprefix("ex-")
    return bool(
        w in PERSON_HEADS
        or w in _PERSON_NOUNS
        or w in _GENERIC_NOUNS
        or w in _GENERIC_HEADS
        or w in _TITLES
        or w in _ORG_HEADS
        or _gender_of(w)
        or (w.endswith("s") and not w.endswith("ss") and not _not_a_name(w))
    )


#: a quantifier before one capitalised plural (``Some Republicans``, ``Most Americans``)
_QUANTIFIED_GROUP = re.compile(r"^(?:Some|Many|Several|Most|Few|A few|All|Other)\s+[A-Z]\w+$")
#: nouns for people that open a sentence in the plural (``Reporters said``)
_PEOPLE = frozenset(
    [
        "reporter",
        "journalist",
        "protester",
        "protestor",
        "nurse",
        "teacher",
        "student",
        "worker",
        "parent",
        "farmer",
        "soldier",
        "officer",
        "neighbor",
        "neighbour",
        "fan",
        "passenger",
        "villager",
        "employee",
        "voter",
        "doctor",
        "citizen",
        "resident",
        "survivor",
        "victim",
        "witness",
        "prosecutor",
        "economist",
        "historian",
        "pollster",
        "firefighter",
        "researcher",
        "scientist",
        "commentator",
        "columnist",
        "editor",
        "blogger",
        "viewer",
        "reader",
        "listener",
        "member",
        "owner",
        "relative",
        "friend",
    ]
)


def _plural_of_people(word: str) -> bool:
    """Is ``word`` the plural of a noun for people (``reporters``, ``voters``)? Not a
    surname that ends in s (``Jones``), nor a plural name of a body (``Reuters``)."""
    people = _GENERIC_NOUNS | _PEOPLE
    single = word[:-2] if word.endswith("sses") else word[:-1]
    return word.endswith("s") and (word in people or single in people)


def _role_then_name(t: str) -> bool:
    """``A lawyer for the justice ministry, Svetlana Borisova``, ``the group's Director of
    Litigation, Hyman Stone``: a role (a title or person noun, maybe before ``of``/``for``
    and an institution) set off by a comma before a full name, which is the speaker's
    name; the role describes that person, it is no speaker of its own."""
    head, _, appos = t.partition(",")
    name = _clean(appos).split(",")[0].strip()
    if not _PERSON_NAME.match(name) or _not_a_name(name):
        return False
    words = [w.lower().strip(".") for w in _WORD.findall(head)]
    k = next((i for i, w in enumerate(words) if i > 0 and w in _HEAD_PREPOSITIONS), len(words))
    noun = words[k - 1] if k else ""
    # a role word the lexicon knows, not any plural-looking word ("Rep. Hakeem Jeffries,
    # D-New York" is a name, then a party tag)
    return noun in _TITLES or noun in PERSON_HEADS or noun in _PERSON_NOUNS


#: a lowercase description holding a preposition, then a person's full name with no
#: comma before it (``WHO specialist in infectious diseases Dr. Sylvie Brand``)
_DESCRIPTION_THEN_NAME = re.compile(
    r"^(?P<role>.*\b(?:in|of|for|on|at)\b.*\b(?P<noun>[a-z][\w-]+))\s+"
    r"(?:(?P<title>Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
    r"(?P<name>[A-Z][\w’'-]+(?:\s[A-Z]\.)?(?:\s[A-Z][\w’'-]+){1,2})$"
)


def _name_closing_description(t: str) -> Mention | None:
    """``WHO specialist in infectious diseases Dr. Sylvie Brand``, ``director of
    communications Jane Doe``: a description ending in a lowercase noun, then a full name
    set right after it, is that person's role; the name is the speaker's. A name after a
    preposition (``a spokesman for Senator John Smith``) is whom the speaker serves, so no
    such mention; ``None`` there."""
    mm = _DESCRIPTION_THEN_NAME.match(t)
    if mm is None or "," in t or mm.group("noun") in _LINKS | _DETS | _HEAD_PREPOSITIONS:
        return None
    name = mm.group("name")
    if not _PERSON_NAME.match(name) or _not_a_name(name.split()[0]):
        return None
    role = mm.group("role")
    if not any(is_person_word(w) for w in _WORD.findall(role) if w[:1].islower()):
        return None  # "the report on the war in Syria John Kerry": no person described
    title = mm.group("title")
    gender = _HONORIFICS.get(title.lower()) if title else None
    return Mention(
        "name",
        name=name,
        role=role,
        gender=gender or first_name_gender(name.split()[0]),
        text=t,
    )


def _described_or_fragment(t: str) -> Mention | None:
    """``the governor of Indiana``, ``a spokesman for the Department of Justice``: a
    person described by a lowercase head noun before ``of``/``for``/``like`` (the
    capitalised words after it name a place or an institution, not the speaker). A head
    noun that describes no one (``the latest example of Donald Trump's derogatory``, ``an
    incident like the Chelsea explosion``, ``a message for the``) is a fragment of a
    clause, which names no one: a pronoun-like mention left unresolved. ``None`` when the
    mention has no such head."""
    words = _WORD.findall(t)
    if len(words) > 1 and words[-1].lower() in _DETS | _HEAD_PREPOSITIONS | {"to"}:
        return Mention("pronoun", text=t)  # "take a", "a message for the": no noun at all
    k = next(
        (i for i, w in enumerate(words) if i > 0 and w.lower() in _HEAD_PREPOSITIONS),
        None,
    )
    if k is None or _is_cap(words[k - 1]) or not words[k - 1][:1].isalpha():
        return None
    if any(_is_cap(w) for w in words[: k - 1]) and "," in words[1 : k - 1]:
        return None  # "O’Malley, the archbishop of Boston": a name, then its appositive
    if any(_is_cap(w) for w in words[1 : k - 1]):
        return None  # "the Syrian foreign minister of ...": let the name rules decide
    if not is_person_word(words[k - 1]) and not any(
        re.sub(r"[’']s$", "", w.lower()) in DOCUMENTS for w in words
    ):
        # "a large body of neuroscientific studies", "the first clinical trial of a
        # device": a document or a study is a source; other heads name no one
        return Mention("pronoun", text=t)
    return Mention(
        "description",
        role=t,
        definite=words[0].lower() in ("the", "this", "that"),
        gender=_gender_of(t),
        text=t,
    )


#: prepositions and conjunctions that link a name into a longer phrase
_LINKS = frozenset(["by", "in", "at", "from", "with", "to", "on", "and"])

#: head nouns of a definite description of one person (``the coach``, ``the ex-Rep.``)
_DESCRIBED = PERSON_HEADS | frozenset(["coach", "girl", "boy", "lady", "rep", "sen", "gov"])
#: an age used as a noun ("the 24-year-old said"): always a person, and one the article
#: has just named
_AGE_NOUN = re.compile(r"\d{1,3}-year-old")


def _head_of(desc: str) -> str:
    """The head noun of a description: the word before ``of``/``for``/``like`` (``the
    governor of Indiana``), else the last word; ``ex-`` and a title's full stop dropped
    (``The ex-Rep.`` → ``rep``). Empty for a punctuation-only mention."""
    words = desc.lower().split()
    k = next((i for i, w in enumerate(words) if i > 0 and w in _HEAD_PREPOSITIONS), len(words))
    head = words[k - 1] if k else ""
    return head.strip(".,").removeprefix("ex-")


def first_name_gender(word: str) -> str | None:
    """``"f"``/``"m"`` for a common first name, else ``None``."""
    w = word.lower()
    if w in FEMALE_NAMES:
        return "f"
    if w in MALE_NAMES:
        return "m"
    return None


#: last words of a place's name (``Virginia Beach``, ``Panama City``, ``Orange County``)
_PLACE_ENDS = frozenset(
    ["beach", "city", "county", "island", "islands", "springs", "falls", "heights", "valley"]
)


def is_place_name(name: str) -> bool:
    """Is ``name`` a place's (``Virginia Beach``, ``West Virginia``)? A place opening
    like a first name is no person, and as the subject of a lead-in (``Virginia Beach
    is bracing for this:``) it says nothing."""
    low = [w.lower().strip(".,") for w in name.split()]
    return bool(low) and (
        low[-1] in PLACES
        or " ".join(low) in _MULTI_PLACES
        or (len(low) > 1 and low[-1] in _PLACE_ENDS)
    )


def _not_a_name(word: str) -> bool:
    """A capitalised word that cannot be a speaker's name on its own: a weekday or month,
    a page label (``Story``, ``UPDATE``), a plural abstract noun (``Allegations``)."""
    w = word.lower().strip(".")
    return (
        w in NOT_NAMES
        or w in DAYS
        or w in _MONTHS
        or bool(re.search(r"(?:tions|sions|ments|nesses|ities|ings|ances|ences)$", w))
        or _abstract(w)
    )


def _abstract(word: str) -> bool:
    """``Experience``, ``Evidence``: an abstract noun opening the sentence, no name."""
    w = word.lower()
    return len(w) >= 8 and bool(re.search(r"(?:ience|dence)$", w)) and not first_name_gender(w)


def _gender_of(text: str) -> str | None:
    if _FEMALE_ROLE.search(text):
        return "f"
    if _MALE_ROLE.search(text):
        return "m"
    return None


#: capitalised words that open a sentence or a description but name no organisation or
#: country (``My electric utility``, ``Yet some people``, ``their Haitian-born mother``)
_NO_AFFILIATION_WORD = re.compile(
    r"^(?:my|our|your|his|her|its|their|many|some|most|several|few|all|both|each|every|"
    r"other|yet|but|and|or|so|[\w’']+-born)$"
)
#: adjectives of time, rank or scope that a sentence's start capitalises ("Recent polls",
#: "Federal prosecutors", "Senior officials"): alone before a common noun they name no
#: organisation ("New York", "State Department" go on with a capital and stay names)
_SCOPE_ADJECTIVES = frozenset(
    [
        *("recent", "new", "latest", "early", "earlier", "initial", "preliminary", "previous"),
        *("prior", "later", "local", "senior", "junior", "top", "former", "current"),
        *("federal", "state", "independent", "anonymous", "unnamed", "multiple"),
        *("additional", "further", "leading", "outside", "foreign", "internal", "official"),
        *("private", "public", "young", "older", "elderly", "concerned", "angry", "frustrated"),
    ]
)


def affiliation_of(role: str | None) -> str | None:
    """The organisation or country a role names (``Russia’s ...`` → ``Russia``)."""
    if not role:
        return None
    m = re.match(r"^([A-Z][\w.-]*(?: [A-Z][\w.-]*)*)[’']s\b", role)
    if m:
        return m.group(1)
    words = _WORD.findall(role)
    runs: list[list[str]] = []
    cur: list[str] = []
    for i, w in enumerate(words):
        lw = w.lower().strip(".")
        if not cur and _NO_AFFILIATION_WORD.match(lw):
            continue
        following = words[i + 1] if i + 1 < len(words) else ""
        if not cur and lw in _SCOPE_ADJECTIVES and not _is_cap(following):
            continue
        if not cur and not _is_cap(following) and _plural_of_people(lw):
            continue  # "Officials", "Prosecutors said": people described, no body named
        # "Iowa and New Hampshire’s political classes": the places, not the possessive
        # (a name goes on after it: "Russia’s Center for Reconciliation" stays whole)
        possessive = re.sub(r"[’']s$", "", w)
        if possessive != w and _is_cap(possessive) and not _is_cap(following):
            cur.append(possessive)
            runs.append(cur)
            cur = []
            continue
        if (_is_cap(w) and lw not in _TITLES and lw not in _DETS) or (cur and lw in _CONNECT):
            cur.append(w)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    best: list[str] = []
    for r in runs:
        while r and r[-1].lower() in _CONNECT:
            r = r[:-1]
        if all(w.lower() in _PORTFOLIOS for w in r):
            continue  # "Finance Minister", "Opposition leader": a portfolio, not an affiliation
        if len(r) > len(best):
            best = r
    return " ".join(best) if best else None


def country_of(affiliation: str | None) -> str | None:
    """A country for grouping (``Russian Foreign Ministry`` → ``Russia``), if evident."""
    if not affiliation:
        return None
    for w in affiliation.split():
        if w.lower() in _DEMONYMS:
            return _DEMONYMS[w.lower()]
    return None


def _stems(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z]{4,}", text)
    out = {w.lower()[:5] for w in words}
    out |= {_DEMONYMS[w.lower()].lower()[:5] for w in words if w.lower() in _DEMONYMS}
    return out - {"their", "which", "there"}


def _strip_det(desc: str) -> str:
    words = desc.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in _DETS else desc


def _different_people(a: str, b: str) -> bool:
    """Two full names with the same surname but different first names (spouses,
    siblings); initials and titles leave it open."""
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2:
        return False
    fa, fb = wa[0].lower().strip("."), wb[0].lower().strip(".")
    if len(fa) < 2 or len(fb) < 2 or fa in _TITLES or fb in _TITLES:
        return False
    return fa != fb and not (fa.startswith(fb) or fb.startswith(fa))


_GENERATIONS = {"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr", "ii": "ii", "iii": "iii"}


def _generation(name: str) -> str | None:
    """The generational suffix of a name (``Jr.``, ``Junior``, ``III``), normalised:
    a father and a son share every other word of their names."""
    words = name.replace(",", " ").split()
    return _GENERATIONS.get(words[-1].lower().strip(".")) if len(words) > 1 else None


def _other_generation(text: str, name: str, known: str) -> bool:
    """Is ``name`` (``Trump Junior``) someone else than the speaker ``known`` (``Trump``)
    quoted before? So when only ``name`` has a generational suffix and the article names
    a relative without it (``Donald Trump``): the bare surname was the father. With no
    such relative, ``Trump`` before ``Donald Trump Jr.`` is the son himself."""
    gen = _generation(name)
    if not gen or gen == _generation(known):
        return False
    surname = name.split()[-2]
    return any(
        first_name_gender(m.group(1))
        for m in re.finditer(
            rf"\b([A-Z][a-z]+) {re.escape(surname)}\b(?!,? (?:Jr|Junior|Sr|Senior|II|III)\b)",
            text,
        )
    )


def _acronym_of(a: str, b: str) -> bool:
    """Is one name the acronym of the other (``NRA``, ``National Rifle Association``):
    the initials of the long one's capitalised words, linking words (``of``, ``the``)
    skipped or kept?"""
    short, long = sorted((re.sub(r"^[Tt]he ", "", x.strip()) for x in (a, b)), key=len)
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    words = [w for w in re.split(r"[\s-]+", long) if w]
    if len(words) < 2 or not all(_is_cap(w) or w.lower() in _CONNECT for w in words):
        return False
    if first_name_gender(words[0]):
        return False  # "Alice Beth Cole" is a person, whatever her initials spell
    every = "".join(w[0] for w in words).upper()
    capitalised = "".join(w[0] for w in words if _is_cap(w)).upper()
    return letters in (every, capitalised)


#: a name spelled out before its acronym in brackets (``Anti-Defamation League (ADL)``)
_SPELLED_OUT = re.compile(
    r"((?:[A-Z][\w’'.&-]*|of|the|for|and|on|in|&)"
    r"(?:[ -](?:[A-Z][\w’'.&-]*|of|the|for|and|on|in|&))*)"
    r"\s*\(\s*([A-Z][A-Z.&]{1,7})\s*\)"
)


#: a preposition of place, and a city set off by a comma, before a source
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|at|near|from|outside|across)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,2}"
    r"(?:[A-Z][\w’'-]*,\s+)?$"
)


def _place_after_preposition(text: str, src: Range) -> bool:
    """Is the source a place named after a preposition of place (``in Lima, Peru``,
    ``in Iran``) before a participle? That cue (``… chanting``) belongs to the clause's
    subject, and the place, unlike a government named by its country (``Iran said``),
    says nothing."""
    name = text[src[0] : src[1]].strip()
    return (
        is_place_name(name)
        and re.match(r"\s+[a-z]+ing\b", text[src[1] : src[1] + 30]) is not None
        and _PLACE_PREPOSITION.search(text[max(0, src[0] - 60) : src[0]]) is not None
    )


def _acronym_spelled(before: str, name: str | None) -> str | None:
    """The full name ``before`` spells out for the acronym ``name`` (``The ADL`` after
    ``the Anti-Defamation League (ADL)``), or ``None``: a body is one speaker under both
    names, and its full name is what a reader can check."""
    short = re.sub(r"^[Tt]he ", "", (name or "").strip())
    if not re.fullmatch(r"[A-Z][A-Z.&]{1,7}", short):
        return None
    for sm in reversed(list(_SPELLED_OUT.finditer(before))):
        if sm.group(2).replace(".", "") != short.replace(".", ""):
            continue
        words = sm.group(1).split()
        # the run may open with words before the name ("Customs and Her Majesty's …"):
        # the longest tail whose initials spell the acronym
        for k in range(len(words)):
            long = " ".join(words[k:])
            if _acronym_of(short, long):
                return re.sub(r"^(?:[Tt]he|of|for|and|on|in) ", "", long)
        return None
    return None


def _two_full_names(whole: str) -> list[str] | None:
    """The two names of ``Jo Roe and Al Poe`` (two to three capitalised words each, no
    organisation's head noun at the end), else ``None``: ``Procter and Gamble`` joins
    single words. Such a pair is never one person."""
    parts = whole.split(" and ")
    if len(parts) != 2:
        return None
    for part in parts:
        words = part.split()
        if not (2 <= len(words) <= 3 and all(_is_cap(w) for w in words)):
            return None
        if words[-1].lower() in _ORG_HEADS:
            return None
    return parts


def _pair_member(whole: str, name: str) -> str | None:
    """The one of two full names joined by ``and`` (``Jo Roe and Al Poe``) whose surname
    a single-word ``name`` is (``Poe``): a later mention of one alone shows the two were
    people, not one organisation's name. ``None`` when ``whole`` is no such pair or
    ``name`` no surname of it."""
    parts = _two_full_names(whole)
    if " " in name or parts is None:
        return None
    return next((p for p in parts if p.split()[-1] == name), None)


def _last(name: str) -> str:
    return name.split()[-1].lower()


#: nouns of an organisation a description may name (``the campaign``, ``the ministry``)
_ORG_WORDS = frozenset(
    [
        "campaign",
        "administration",
        "agency",
        "committee",
        "subcommittee",
        "company",
        "council",
        "department",
        "government",
        "hospital",
        "ministry",
        "party",
        "union",
    ]
)
#: a statement and its kin speak for the organisation in focus
_ISSUED = frozenset(["statement", "release", "memo"])


#: what an organisation or a person issues, whose words are the issuer's
_DOC_NOUNS = DOCUMENTS | frozenset(
    [
        *("message", "alert", "email", "tweet", "post", "note", "notice", "advisory"),
        "announcement",
        # "the group's website says": what an organisation publishes as its own words
        "website",
        # the written acts of an office: their words are the office-holder's
        *("rescript", "decree", "directive", "communique", "communiqué"),
    ]
)


#: nouns of a business that speaks for itself ("the company said")
_BUSINESS_HEADS = frozenset(
    ["company", "firm", "chain", "retailer", "restaurant", "airline", "carrier", "business"]
)


def _is_title_role(role: str | None) -> bool:
    return bool(role) and any(_bare(w) in _TITLES | PERSON_HEADS for w in (role or "").split())


def _bare(word: str) -> str:
    """``word`` in lower case without its punctuation and possessive ending (``Syria’s``
    → ``syria``; ``Secretary,`` → ``secretary``, its own letters kept)."""
    return re.sub(r"[’']s?$", "", word.lower().strip(".,"))
