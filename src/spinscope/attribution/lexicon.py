"""Word lists of the attribution rules (data only; the logic is in :mod:`.extract` and the
modules it calls: :mod:`.cues`, :mod:`.patterns`, :mod:`.sources`, :mod:`.phrases`,
:mod:`.content`, :mod:`.speaker_labels`)."""

from __future__ import annotations

import re

__all__ = [
    "FEMALE_NAMES",
    "MALE_NAMES",
    "NOT_NAMES",
    "NOT_NAME_LEAD",
    "PERSON_HEADS",
    "ADV",
    "CALLING",
    "CHAIN",
    "CLAUSE_BREAK",
    "CORE_VERBS",
    "DAYS",
    "DETS",
    "FINITE",
    "HEADING_LABELS",
    "INVERTING",
    "LY_NOUNS",
    "NAMING",
    "NO_SOURCE",
    "NO_SOURCE_ACTIVE",
    "NP_PREPS",
    "OBJECT_PRONOUNS",
    "OPENERS",
    "PARENTHETICAL",
    "PASSIVE_AUX",
    "POSSESSIVE_DETS",
    "PREPOSITIONS",
    "PRONOUNS",
    "PUNCT_OK_IN_NP",
    "QUANT",
    "QUANT_PRONOUNS",
    "RELATIVE",
    "ROLE_ED",
    "SENTENCE_ADVERBS",
    "STOP",
    "TEMPORAL",
    "TITLE_LEAD",
    "VENUES",
]

# Words skipped between a cue and its source ("Smith also said", "he has repeatedly said").
ADV = frozenset(
    [
        "'s",
        "again",
        "already",
        "also",
        "are",
        "be",
        "been",
        "being",
        "ca",  # "ca n't": the tokeniser's split of "can't" ("wo n't" likewise)
        "can",
        "could",
        "did",
        "do",
        "does",
        "earlier",
        "even",
        "first",
        "flatly",
        "frequently",
        "further",
        "had",
        "has",
        "have",
        "is",
        "just",
        "last",
        "later",
        "may",
        "might",
        "must",
        "n't",
        "never",
        "not",
        "n’t",
        "often",
        "once",
        "openly",
        "previously",
        "privately",
        "publicly",
        "quickly",
        "recently",
        "repeatedly",
        "reportedly",
        "separately",
        "should",
        "still",
        "subsequently",
        "then",
        "was",
        "were",
        "will",
        "wo",
        "would",
        "’s",
    ]
)
# Words that end a noun phrase when walking left from a cue.
STOP = frozenset(
    [
        "about",
        "after",
        "against",
        "also",
        "although",
        "am",
        "and",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "between",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "during",
        "from",
        "had",
        "has",
        "have",
        "here",
        "how",
        "if",
        "in",
        "into",
        "is",
        "it's",
        "it’s",
        "may",
        "might",
        "must",
        "n't",
        "nor",
        "not",
        "n’t",
        "on",
        "or",
        "over",
        "shall",
        "should",
        "since",
        "so",
        "than",
        "that",
        "then",
        "there",
        "though",
        "through",
        "to",
        "under",
        "until",
        "was",
        "were",
        "what",
        "when",
        "where",
        "whether",
        "which",
        "while",
        "why",
        "will",
        "with",
        "without",
        "would",
    ]
)
PRONOUNS = frozenset(
    ["he", "i", "it", "one", "she", "that", "they", "this", "we", "which", "who", "you"]
)
DETS = frozenset(
    [
        "a",
        "an",
        "her",
        "his",
        "its",
        "many",
        "most",
        "our",
        "several",
        "some",
        "that",
        "the",
        "their",
        "these",
        "this",
        "those",
    ]
)
TEMPORAL = frozenset(
    [
        "afternoon",
        "april",
        "august",
        "december",
        "evening",
        "february",
        "friday",
        "january",
        "july",
        "june",
        "march",
        "may",
        "monday",
        "month",
        "morning",
        "night",
        "november",
        "october",
        "saturday",
        "september",
        "sunday",
        "thursday",
        "today",
        "tonight",
        "tuesday",
        "wednesday",
        "week",
        "weekend",
        "year",
        "yesterday",
    ]
)
DAYS = frozenset(["friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday"])
VENUES = frozenset(["email", "interview", "letter", "post", "speech", "statement", "tweet"])
# Naming phrases the cue tagger learnt from PolNeAR that attribute nothing ("better known as").
NAMING = re.compile("(?:(?:also|better|now|formerly|widely) )?known as|dubbed|so-called|nicknamed")
QUANT = frozenset(
    ["a", "all", "an", "few", "many", "most", "one", "several", "some", "the", "three", "two"]
)
CLAUSE_BREAK = frozenset(["although", "but", "though", "whereas", "which", "while", "who"])
# First words of a comma-delimited aside that is not part of the source ("Clinton, speaking ...,").
PARENTHETICAL = frozenset(
    [
        "after",
        "also",
        "as",
        "at",
        "before",
        "by",
        "despite",
        "during",
        "for",
        "however",
        "in",
        "like",
        "meanwhile",
        "on",
        "though",
        "too",
        "unlike",
        "when",
        "which",
        "while",
        "who",
        "whose",
        "with",
    ]
)
PREPOSITIONS = frozenset(
    ["after", "as", "at", "before", "during", "from", "in", "on", "to", "via", "when", "while"]
)
ROLE_ED = frozenset(["elected", "indicted", "retired", "unidentified", "unnamed"])
# Cues whose grammatical subject is not the source ("X appears to", "X is expected to").
NO_SOURCE = frozenset(
    [
        "appear",
        "appeared",
        "appears",
        "believed",
        "considered",
        "expected",
        "known",
        "seem",
        "seemed",
        "seems",
        "seen",
    ]
)
PASSIVE_AUX = frozenset(["'s", "are", "be", "been", "being", "is", "was", "were", "’s"])
PUNCT_OK_IN_NP = frozenset(["&", "'", "'s", "(", ")", "-", ".", "/", "’", "’s"])
# Reporting verbs that are always cues before "that", a colon or a quotation.
CORE_VERBS = frozenset(
    [
        "add",
        "added",
        "adds",
        "allege",
        "alleged",
        "alleges",
        "announce",
        "announced",
        "announces",
        "argue",
        "argued",
        "argues",
        "assert",
        "asserted",
        "asserts",
        "claim",
        "claimed",
        "claims",
        "declare",
        "declared",
        "declares",
        "denied",
        "denies",
        "deny",
        "insist",
        "insisted",
        "insists",
        "note",
        "noted",
        "notes",
        "report",
        "reported",
        "reports",
        "said",
        "say",
        "says",
        "state",
        "stated",
        "states",
        "stress",
        "stressed",
        "stresses",
        "tell",
        "tells",
        "told",
        "warn",
        "warned",
        "warns",
    ]
)
# Control verbs whose subject is the source of a following infinitive cue
# ("X continues to insist", "Y was able to tout", "Z refused to rule out").
CHAIN = frozenset(
    [
        "able",
        "appear",
        "appeared",
        "appears",
        "attempt",
        "attempted",
        "attempts",
        "began",
        "begin",
        "begins",
        "continue",
        "continued",
        "continues",
        "declined",
        "declines",
        "decided",
        "decides",
        "eager",
        "failed",
        "fails",
        "going",
        "hope",
        "hoped",
        "hopes",
        "intend",
        "intended",
        "intends",
        "likely",
        "need",
        "needed",
        "needs",
        "plan",
        "planned",
        "planning",
        "plans",
        "promised",
        "promises",
        "ready",
        "refuse",
        "refused",
        "refuses",
        "seem",
        "seemed",
        "seems",
        "sought",
        "started",
        "threatened",
        "tried",
        "tries",
        "try",
        "trying",
        "unable",
        "used",
        "vowed",
        "vows",
        "want",
        "wanted",
        "wants",
        "willing",
    ]
)
# Paragraph-opening "WORD:" headings that label, not quote, what follows.
HEADING_LABELS = frozenset(
    [
        "a",
        "advertisement",
        "breaking",
        "caption",
        "clarification",
        "contributing",
        "correction",
        "credit",
        "disclaimer",
        "disclosure",
        "editor's note",
        "editor’s note",
        "email",
        "exclusive",
        "follow",
        "live",
        "note",
        "photo",
        "photos",
        "q",
        "read more",
        "related",
        "source",
        "sources",
        "the latest",
        "transcript",
        "update",
        "updated",
        "video",
        "watch",
    ]
)


# Prepositions kept inside a noun phrase before a capitalised word ("the Commission on
# Presidential Debates", "supporters in Congress").
NP_PREPS = frozenset(["at", "by", "for", "from", "in", "on"])
# Objects, never sources ("told me").
OBJECT_PRONOUNS = frozenset(["him", "me", "them", "us"])
POSSESSIVE_DETS = frozenset(["her", "his", "its", "my", "our", "their", "your"])
# Cues that may follow their content and precede their source after a comma
# ("..., said the minister"); other verbs after a comma start a new clause.
INVERTING = frozenset(
    [
        "added",
        "adds",
        "argued",
        "asked",
        "continued",
        "explained",
        "insisted",
        "noted",
        "recalled",
        "replied",
        "said",
        "says",
        "tweeted",
        "warned",
        "wrote",
        "writes",
    ]
)
# Past tenses of NO_SOURCE verbs: "Mr. Deese expected that ..." has a source, "X is
# expected to" / "a move widely expected to" do not.
NO_SOURCE_ACTIVE = frozenset(["believed", "considered", "expected"])
# Verbs naming their object: ", a move critics called “reckless”" (critics is the source).
CALLING = frozenset(["called", "deemed", "described", "dubbed", "labeled", "labelled", "termed"])
# Quantifiers that stand alone as a subject ("Some believe", "But many say").
QUANT_PRONOUNS = frozenset(["many", "most", "several", "some"])
# Words opening a clause before its subject.
OPENERS = frozenset(["and", "but", "so", "still", "yet"])
SENTENCE_ADVERBS = frozenset(
    ["however", "instead", "meanwhile", "now", "thus", "today", "tonight", "yesterday"]
)
# Finite verbs and auxiliaries: a clause subject never contains one.
FINITE = frozenset(
    [
        "are",
        "can",
        "could",
        "did",
        "do",
        "does",
        "had",
        "has",
        "have",
        "is",
        "may",
        "might",
        "must",
        "said",
        "says",
        "shall",
        "should",
        "was",
        "were",
        "will",
        "would",
    ]
)
# Asides kept inside a PolNeAR source: "X, who ..., said", "unions, including the AFL-CIO,"
RELATIVE = frozenset(["including", "like", "who", "whose", "which"])
# Lowercase words in -ly that are nouns or adjectives, not adverbs ("Scott's family said").
LY_NOUNS = frozenset(
    [
        "ally",
        "anomaly",
        "assembly",
        "bully",
        "daily",
        "family",
        "monopoly",
        "rally",
        "supply",
        "weekly",
    ]
)
# Words before a short quotation that make it a title ("of “Fox News Sunday,”").
TITLE_LEAD = frozenset(["'s", "at", "from", "in", "of", "on", "to", "’s"])

# --- speaker resolution (:mod:`.speakers`) ---------------------------------------------

#: common English first names by gender: a pronoun must agree with the person it names
#: (``Hillary Clinton`` is never ``he``); a name not listed leaves the gender open
FEMALE_NAMES = frozenset(
    """
    abigail alice alexandra amanda amy ana andrea angela ann anna anne barbara betsy
    betty beverly bridget candy carly carol caroline catherine charlotte cheryl chelsea
    christine claire condoleezza cynthia daisy dana debbie deborah debra denise diana
    diane dolly donna doris dorothy elaine elena elizabeth ellen emily emma evelyn
    frances gina gloria grace hannah heather heidi helen hillary huma ivanka jane janet
    jennifer jessica jill joan joanne joy judith judy julia julie karen kate katherine
    kathleen kathy kay kelly kellyanne kimberly kirsten laura lauren linda lisa lori
    loretta louise lucy lynn madeleine margaret maria marie marsha martha mary megan
    meghan melania melissa michelle monica nancy natalie nicole nikki olivia pamela
    patricia paula rachel rebecca rose ruth sally samantha sandra sarah sharon shanti
    sheila shirley sonia sophia stephanie susan susana suzanne tammy teresa theresa
    tiffany tina tulsi valerie victoria virginia wendy
    """.split()
)
MALE_NAMES = frozenset(
    """
    aaron adam al alan albert alex alexander andrew anthony antonin arthur barack
    barney ben benjamin bernie bill billy bob bobby brad bradley brandon brian bruce
    carl carlos charles charlie chris christopher chuck colin craig dan daniel darren
    dave david dennis dick don donald doug douglas earl ed eddie edward elijah eric
    ernest frank fred gary george gerald greg gregory harold harry henry herman hogan
    howard ian jack jake james jason jeb jeff jeffrey jeremy jerry jim jimmy joe joel
    john johnny jon jonathan jose joseph josh joshua juan justin keith ken kenneth
    kevin kim larry lee leon lester louis marco mark martin matt matthew michael
    mike mitch mitt nathan neil nick nicholas oliver patrick paul pete peter phil
    philip preet ralph rand ray raymond reince richard rick rob robert robby roger
    ron ronald rudy russell ryan sam samuel scott sean sergei stephen steve steven
    ted terry thomas tim timothy todd tom tony trey vladimir walter wayne william
    wilson vince viktor
    """.split()
)
#: heads of a definite description that denotes one person (``the Arizona Republican``,
#: ``the former mayor``): such a description refers back to a person already named
PERSON_HEADS = frozenset(
    """
    actor actress adviser advisor aide ambassador analyst anchor attorney billionaire
    businessman businesswoman candidate chairman chairwoman congressman congresswoman
    contender democrat diplomat director envoy executive general governor host judge
    lawmaker lawyer leader magnate mayor minister mogul nominee official president
    republican secretary senator sheriff speaker spokesman spokeswoman spokesperson
    star texan
    """.split()
)
#: capitalised words that open a sentence or a caption but never a name (``When Meghan
#: said``, ``Now Barney Frank says``, ``Getty Joe Arpaio``)
NOT_NAME_LEAD = frozenset(
    """
    after although and as because before but despite during getty if images meanwhile
    now once photo since so still then though thus today until when whenever where
    while yesterday yet
    """.split()
)
#: capitalised single words that are never a speaker's name
NOT_NAMES = frozenset(
    """
    advertisement allegations authors breaking editor image photo read share source
    sources story update updated video watch
    """.split()
)
