"""Cues that name a deed, a perception, a plan or a figure of speech, not speech.

The cue tagger scores words that often report speech or belief; around them, ordinary
news also writes what someone did, saw or has, and set phrases of the writer's own.
These rules find such cues, so that the attribution found there is dropped:

* a deed that causes others to talk (``which sparked a debate about``): whoever
  debates is not named, and the subject said nothing;
* an event begun, ended or started (``wrapped up her interview``, ``kicked off a
  campaign event``, ``launched a filter``) with no verb of saying in the cue;
* what the writer's ``we`` or a ``they`` saw, watched or remembered (``we saw an uptick
  in attacks``, ``they did not see an increase``), a noun phrase with no clause;
* knowing or feeling a lone pronoun (``We know that.``, ``not happy about it``): no
  proposition is reported;
* having plans (``Obama has plans to allow``): a plan owned, not announced;
* being ``all about`` something (``They're all about gun control``): a focus;
* ``according to`` with a content of one word (``Well, according to X, anyway``): the
  aside points back to the sentence before, its "content" is a discourse marker;
* a thing that ``says a lot`` or ``speaks volumes``, a post ``shared 100,000 times``;
* needing something, asking oneself, thinking twice, ``who knows what`` and an opening
  ``considering``: the writer's exhortation, question or premise;
* being ``required to`` do something (an obligation);
* a word after a preposition that the tagger read as a verb (``in states that allow``);
* a passive gerund after a preposition with no one named (``the fear of being labeled
  a racist``): what might be said, said by no one;
* having fun at something (``have a little fun at his behavior``; ``poke fun at`` mocks,
  and stays).

Each is narrow where PolNeAR annotates the wider construction: a refusal or a plan
as a verb (``refuses to release``, ``plans to run``), ``as we saw in 2009`` (a claim),
a noun of speech after a preposition (``amid reports that``).
"""

from __future__ import annotations

import re

from spinscope.attribution.cues import Cue
from spinscope.attribution.lexicon import ADV, AUXILIARIES, CALLING, CORE_VERBS, INVERTING
from spinscope.attribution.result import Attribution
from spinscope.attribution.text import QUOTE_CHARS, TokenView
from spinscope.attribution.tokens import token_at

__all__ = ["names_no_speech"]


def names_no_speech(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """Does the cue of ``att`` name a deed, a perception, a plan or a set phrase rather
    than speech? The rules are listed in the module docstring."""
    return (
        _causes_talk(view, cue)
        or _event_bound(view, cue)
        or _seen_by_a_pronoun(view, cue, att)
        or _lone_pronoun_known(view, cue, att)
        or _plans_owned(view, cue)
        or _all_about(view, cue)
        or _according_to_nothing(view, cue, att)
        or _figure_of_speech(view, cue, att)
        or _count_of_times(view, att)
        or _writer_premise(view, cue, att)
        or _obligation(view, cue)
        or _noun_after_preposition(view, cue)
        or _hypothetical_passive(view, cue, att)
        or _fun_had(view, cue)
    )


#: words of a cue that say someone spoke or wrote (``launched his campaign by
#: declaring``, ``was prompted to say``): such a cue keeps its attribution
_SAYING = (
    CORE_VERBS
    | INVERTING
    | CALLING
    | frozenset(
        [
            "accusing",
            "announcing",
            "arguing",
            "asking",
            "calling",
            "claiming",
            "declaring",
            "insisting",
            "noting",
            "saying",
            "stating",
            "telling",
            "vowing",
            "warning",
            "writing",
        ]
    )
)


def _cue_words(view: TokenView, cue: Cue) -> list[str]:
    return view.lower[cue.first : cue.last + 1]


def _says(words: list[str]) -> bool:
    return any(w in _SAYING for w in words)


#: verbs of causing: their subject sets others talking
_CAUSING = frozenset(
    [
        *("spark", "sparks", "sparked", "sparking", "trigger", "triggers", "triggered"),
        *("triggering", "provoke", "provokes", "provoked", "provoking", "ignite", "ignites"),
        *("ignited", "igniting", "fuel", "fuels", "fueled", "fuelled", "fueling", "fuelling"),
        *("stir", "stirs", "stirred", "stirring", "spur", "spurs", "spurred", "spurring"),
    ]
)


def _causes_talk(view: TokenView, cue: Cue) -> bool:
    """``the shootings, which have again sparked a debate about lethal force``, ``The
    ruling triggered an outcry over``: a deed or an event causing a debate reports no
    one's words; those who debate are not named, and the subject said nothing. (A cue
    with a verb of saying in it, ``was prompted to say``, stays.)"""
    words = _cue_words(view, cue)
    return words[0] in _CAUSING and not _says(words)


#: verbs and particles of beginning and ending an event
_BOUNDS = re.compile(
    r"\b(?:(?:wrap|wraps|wrapped|wrapping) up|(?:kick|kicks|kicked|kicking) off|"
    r"(?:launch|launches|launched|launching)\b(?! (?:an? |the |his |her |their |its )?"
    r"(?:\w+ )?(?:attacks?|broadsides?|tirades?|diatribes?|salvos?|appeals?|pleas?|petitions?)\b))"
)


def _event_bound(view: TokenView, cue: Cue) -> bool:
    """``As Clinton wrapped up her interview``, ``kicked off a campaign event``,
    ``Clinton's camp launched a filter``: an event begun or ended, or a product
    launched, is a deed. (``launched an attack on`` and ``launched a petition
    demanding`` are words; ``launched his campaign by
    declaring`` has its verb of saying in the cue, and stays.)"""
    words = _cue_words(view, cue)
    if _says(words):
        return False
    return _BOUNDS.search(" ".join(view.lower[cue.first : cue.last + 6])) is not None and (
        words[0].startswith(("wrap", "kick", "launch"))
    )


#: verbs of seeing and remembering: what was seen is a thing, not a proposition
_SEEING = frozenset(
    [
        *("see", "sees", "saw", "seen", "watch", "watched", "witness", "witnessed"),
        *("remember", "remembers", "remembered"),
    ]
)
#: words that open a reported clause or a quotation after the verb
_CLAUSE_OPENERS = frozenset(
    [
        *("that", "how", "what", "why", "whether", "if", "when", "where", "who", "which"),
        *("as", ":", ",", "it", "this", "him", "her", "them"),
    ]
)


def _seen_by_a_pronoun(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """``we saw an uptick in terrorist attacks``, ``they did not see an increase in
    crime``, ``last week we remembered the anniversary``: a noun phrase seen or
    remembered by ``we`` or ``they`` is an observation, no one's words. (``as we saw in
    2009, banks …`` makes the writer's claim, and ``we saw that`` a clause: both stay.)"""
    if att.source is None or not att.content:
        return False
    if view.text[att.source[0] : att.source[1]].lower() not in ("we", "they"):
        return False
    first = token_at(view, att.source[0])
    if first > 0 and view.lower[first - 1] == "as":
        return False
    verbs = [w for w in _cue_words(view, cue) if w not in AUXILIARIES and w not in ADV]
    if not verbs or any(w not in _SEEING and w not in ("not", "n't", "n’t") for w in verbs):
        return False
    k = token_at(view, att.content[0][0])
    return (
        att.content[0][0] >= att.cue[1]
        and view.lower[k] not in _CLAUSE_OPENERS
        and view.quote_of[k] < 0
        and view.lower[k] not in QUOTE_CHARS
    )


#: verbs of knowing and feeling whose object may be a lone pronoun
_KNOWING = frozenset(["know", "knew", "knows", "think", "thought", "believe", "believed"])
#: pronouns standing for something said before
_LONE = frozenset(["that", "this", "it", "them", "so"])
#: prepositions a cue of feeling ends in (``happy about``)
_FEELING_PREPOSITIONS = frozenset(["about", "at", "of", "over", "with"])


def _lone_pronoun_known(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """``Muslims are not all terrorists. We know that.``, ``Trump is not happy about
    it``: a content that is one pronoun known or felt reports no proposition; the verb
    says what someone knows or feels, not what anyone said. (``denied it``, a verb of
    saying, stays.)"""
    if len(att.content) != 1:
        return False
    s, e = att.content[0]
    if view.text[s:e].strip(" .,;!?").lower() not in _LONE:
        return False
    words = _cue_words(view, cue)
    return not _says(words) and (words[-1] in _KNOWING or words[-1] in _FEELING_PREPOSITIONS)


def _plans_owned(view: TokenView, cue: Cue) -> bool:
    """``Obama has plans to allow 110,000 more``: plans owned, a noun after ``have``,
    are the writer's account of an intention, not words reported. (The verb, ``plans
    to run``, is PolNeAR's cue of intention and stays.)"""
    low = view.lower
    k = next((t for t in range(cue.first, cue.last + 1) if low[t] == "plans"), None)
    if k is None or _says(_cue_words(view, cue)):
        return False
    j = k - 1
    if j >= 0 and low[j] in ("no", "any", "big", "new", "firm"):
        j -= 1
    return j >= 0 and low[j] in ("has", "have", "had", "having")


#: copulas before ``all about``
_COPULAS = frozenset(["is", "are", "was", "were", "be", "been", "'s", "’s", "'re", "’re"])


def _all_about(view: TokenView, cue: Cue) -> bool:
    """``They're all about gun control``: being all about something is a focus, not
    words. (``I know all about`` keeps its verb in the cue.)"""
    low = view.lower
    k = cue.first
    if low[k] == "all" and cue.last > k and low[k + 1] == "about":
        pass
    elif not (low[k] == "about" and k >= 1 and low[k - 1] == "all"):
        return False
    else:
        k -= 1
    return k >= 1 and low[k - 1] in _COPULAS


def _according_to_nothing(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """``Well, according to Obama and his fellow liberals, anyway.``: ``according to``
    whose content is one word (a discourse marker) points back to the sentence before
    as a sneer; nothing is reported in its own sentence."""
    if view.lower[cue.first : cue.first + 2] != ["according", "to"]:
        return False
    text = "".join(view.text[s:e] for s, e in att.content)
    # a quoted word is what was written (``marked the essay “copied,” according to``)
    return len(re.findall(r"\w+", text)) <= 1 and not any(c in QUOTE_CHARS for c in text)


#: what a thing ``says`` or ``speaks``: how much it tells, not words
_AMOUNT = re.compile(r"^(?:a lot|volumes|much|so much|a great deal|it all)\b")
#: sources that are things pointed at
_DEMONSTRATIVES = frozenset(["that", "this", "it", "which"])


def _figure_of_speech(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """``That says a lot``, ``which speaks volumes``: a thing that says a lot tells the
    writer something; it is no speaker, and no words are reported. (``haven't said much
    about``, with a person, stays.)"""
    if not att.content or (
        att.source is not None
        and view.text[att.source[0] : att.source[1]].lower() not in _DEMONSTRATIVES
    ):
        return False
    words = _cue_words(view, cue)
    if not any(w.startswith(("say", "said", "speak", "spoke")) for w in words):
        return False
    s, e = att.content[0]
    return _AMOUNT.match(view.text[s:e].lower()) is not None


#: a count of times: how often something was shared, not what it said
_TIMES = re.compile(
    r"^(?:(?:nearly|about|almost|over|more than|some|roughly|around|at least) )?"
    r"[\d][\d,.]*(?: (?:million|thousand|hundred))? times\b"
)


def _count_of_times(view: TokenView, att: Attribution) -> bool:
    """``The photo … was shared nearly 100,000 times``: a content that opens with a
    count of times is how often something was done, not what was said."""
    if not att.content:
        return False
    s, e = att.content[0]
    return _TIMES.match(view.text[s:e].lower()) is not None


#: reflexive pronouns: asking oneself is wondering, not a question put to anyone
_REFLEXIVES = frozenset(
    ["myself", "yourself", "yourselves", "ourselves", "themselves", "himself", "herself", "oneself"]
)
#: what opens a question after ``who knows``
_WH = frozenset(["what", "how", "why", "whether", "if", "when", "where", "which", "who"])
#: words opening a fronted clause before a rhetorical ``who knows``
_OPENERS = frozenset(
    ["and", "but", "so", "if", "since", "considering", "given", "with", "after", "now"]
)
#: how long or how often one thinks: deliberating, not believing
_DELIBERATING = re.compile(r"^(?:long and hard|twice|hard|long|again|carefully)\b")


def _writer_premise(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """The writer's own exhortation, question or premise: ``We need to turn away``,
    ``one must ask themselves why``, ``who knows what effects``, ``And considering he
    hasn't released``, ``Perhaps they will think long and hard before``."""
    low = view.lower
    words = _cue_words(view, cue)
    src = view.text[att.source[0] : att.source[1]].lower() if att.source else None
    lo = view.sentences[view.sent_of[cue.first]][0]
    verbs = [w for w in words if w not in AUXILIARIES and w not in ADV]
    if verbs and all(w in ("need", "needs", "needed") for w in verbs):
        # a need is no report, and the writer's "we need to" is an exhortation
        return src in ("we", "i", "you") and view.quote_of[cue.first] < 0
    nxt = cue.last + 1
    after = low[nxt] if nxt < len(low) else ""
    if words[-1] in ("ask", "asks", "asked") and after in _REFLEXIVES:
        return True
    if att.source is not None and src == "who" and words[-1] in ("knows", "knew") and after in _WH:
        # "who knows what …" opening the sentence or its main clause ("And
        # considering …, who knows what"): asked of no one; a relative "who" follows
        # its noun
        k = token_at(view, att.source[0])
        return k == lo or (low[k - 1] == "," and low[lo] in _OPENERS)
    if words == ["considering"] and att.source is None:
        # "And considering he hasn't released any records, …": a premise ("given that")
        k = cue.first
        return k == lo or (k - 1 == lo and low[lo] in ("and", "but", "so", "yet"))
    if words[-1] in ("think", "thinks", "thinking", "thought"):
        rest = " ".join(low[nxt : nxt + 3])
        return _DELIBERATING.match(rest) is not None
    return False


def _obligation(view: TokenView, cue: Cue) -> bool:
    """``All counties are required to allow voting``: an obligation a rule imposes is
    no one's words. (``The law requires that`` names a document's words and stays.)"""
    low = view.lower
    words = _cue_words(view, cue)
    k = next((t for t in range(cue.first, cue.last + 1) if low[t] == "required"), None)
    if k is None or _says(words):
        return False
    return (k + 1 < len(low) and low[k + 1] == "to") and (
        k > cue.first or (k >= 1 and low[k - 1] in AUXILIARIES | {"not", "n't", "n’t", "being"})
    )


#: prepositions after which a word is a noun, never a finite verb
_NOUN_PREPOSITIONS = frozenset(
    ["across", "among", "between", "for", "from", "in", "into", "of", "with", "within"]
)
#: nouns of speech PolNeAR takes as cues after a preposition (``amid reports that``)
_SPEECH_NOUNS = frozenset(
    [
        *("reports", "claims", "allegations", "statements", "comments", "remarks"),
        *("warnings", "promises", "threats", "rumors", "rumours", "calls", "demands"),
        *("words", "notes", "tweets", "posts", "quotes", "answers", "replies"),
    ]
)


def _noun_after_preposition(view: TokenView, cue: Cue) -> bool:
    """``in states that allow local governments to``: a one-word cue right after a
    preposition is a noun the tagger read as a verb (``states``); a noun of speech
    (``amid reports that``) and gerunds (``in saying``) stay."""
    if cue.first != cue.last or cue.first < 1:
        return False
    low = view.lower
    w = low[cue.first]
    lo = view.sentences[view.sent_of[cue.first]][0]
    if cue.first - 1 < lo or low[cue.first - 1] not in _NOUN_PREPOSITIONS:
        return False
    return (
        w.isalpha()
        and view.words[cue.first].islower()
        and not w.endswith(("ing", "ed"))
        and w not in _SPEECH_NOUNS
    )


#: prepositions before a hypothetical ``being labeled``
_HYPOTHESIS_PREPOSITIONS = frozenset(["of", "about", "without", "from", "against", "for"])


def _hypothetical_passive(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """``the fear of being labeled a racist``, ``worried about being called a liar``: a
    passive gerund after a preposition, with no one named as saying it, is what might
    be said of someone, not a report. (``after being told that``, a time, is left to
    the other rules.)"""
    low = view.lower
    k = cue.first
    return (
        att.source is None
        and k >= 2
        and low[k - 1] == "being"
        and low[k - 2] in _HYPOTHESIS_PREPOSITIONS
        and low[k].endswith(("ed", "en"))
    )


def _fun_had(view: TokenView, cue: Cue) -> bool:
    """``Why not have a little fun at his petulant behavior?``: having fun is no words;
    ``poked fun at`` and ``make fun of`` mock someone, and stay."""
    low = view.lower
    k = next((t for t in range(cue.first, cue.last + 1) if low[t] == "fun"), None)
    if k is None:
        return False
    j = k - 1
    while j >= 0 and low[j] in ("a", "little", "some", "great", "much", "more", "of", "the"):
        j -= 1
    return j >= 0 and low[j] in ("have", "has", "had", "having")
