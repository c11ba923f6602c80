"""Attributions that report no speech, though a cue was found: the rules that drop them.

The cue tagger scores words that often report speech; in some constructions they do
not, and the attribution found there is dropped:

* auxiliaries and adverbs alone (``Sports have also been hit hard``), and ``have``
  owning something (``We have so much work to do``);
* a content after the cue that is only a circumstance (time, place, means) where no one
  is named as saying it (``were reported in the last week``, ``We are logging off for
  the night``, ``Ebola outbreak declared in Congo`` in a headline);
* a speech noun with its topic and no source, in a headline or with no speech verb
  (``Lawmaker makes shocking claim about …``, ``in the hope of seeing``, ``A Call to
  …``), and ``in the hope that`` (a purpose);
* set phrases and imperatives to the reader (``Rest assured that``, ``it is safe to say
  that``, ``take a look at``);
* a relative clause on an indefinite pronoun (``someone who knows …``), or inside the
  noun phrase opening the sentence (``The lawyer who asked for the hearing, Jo Roe, did
  not …``: it describes the subject of the main clause);
* a request for comment nobody answered (``did not respond to a request for comment``);
* an infinitive of purpose opening its sentence (``To answer this question, …``);
* what the writer and the readers do not know or notice (``we do not yet know``);
* a verb phrase read as the source (``are happening against``, ``It's almost hard to
  believe``) before a cue with no verb of its own (a preposition, an infinitive);
* the reader addressed as ``you`` outside quotations (``If you want``, ``Do you think``);
* an infinitive cue with no source (``if they fail to tell their bosses``);
* a fronted subordinate clause whose verb has only a pronoun as its object (``When I
  posted it, this assessment was backed up by …``): a circumstance, not a report;
* a noun read as a cue after an article (``No doubt that …``, ``appealed the case``,
  ``Against the State: …``): a verb never follows ``a``, ``the`` or ``no``;
* a content with no word (``[Emphasis added]``: an editor's note, its bracket the
  only thing after the cue);
* a refusal followed by what its source did say (``declined to comment on the decision,
  saying …``, ``not only declined to …, but said …``): the speech is the later cue's.

Deeds, perceptions, plans and set phrases read as cues (``which sparked a debate``,
``we saw an uptick``, ``has plans to``) are found in :mod:`.deeds`.

Scare quotes are kept, with no source (:func:`scare_fragment`): the content's one
quotation is a few words inside a noun phrase (``over the ban on the “peaceful
activities” of the group``, ``would provide an “iron-clad commitment” that …``) and no
word from the cue to it says anyone spoke or wrote them, so the text names no one whose
words they are.

Each rule is restricted where PolNeAR annotates the wider construction (named sources
with circumstances, the writer's ``I know that``, sourced ``claims about``), so that
its figures do not drop. Colon headings read as speaker labels are handled where labels
are found (:mod:`.speaker_labels`), nouns with their names (``the technique called``)
with the cues (:mod:`.cues`).
"""

from __future__ import annotations

import re

from spinscope.attribution.cues import Cue
from spinscope.attribution.deeds import names_no_speech
from spinscope.attribution.lexicon import (
    ADV,
    AUXILIARIES,
    CALLING,
    CORE_VERBS,
    DETS,
    IMPERATIVES,
    INVERTING,
    PREPOSITIONS,
    PRONOUNS,
    QUANT,
)
from spinscope.attribution.result import Attribution, Range
from spinscope.attribution.sources import SUBORDINATORS
from spinscope.attribution.text import QUOTE_CHARS, TokenView
from spinscope.attribution.tokens import token_at

__all__ = [
    "predicate_fragment",
    "reports_no_speech",
    "scare_fragment",
    "without_superseded_refusals",
]

#: prepositions that open an adverbial phrase (time, place, means, beneficiary), never
#: a reported proposition; ``of`` and ``about`` open the topic of speech (``warned of
#: floods``) and stay
_ADJUNCT_PREPOSITIONS = frozenset(
    [
        "at",
        "by",
        "during",
        "for",
        "from",
        "in",
        "into",
        "on",
        "over",
        "since",
        "through",
        "under",
        "until",
        "with",
        "without",
    ]
)


#: nouns the tagger reads as cues (``claim``, ``reference``, ``hope``, ``a call to``)
_SPEECH_NOUNS = frozenset(
    [
        "allegation",
        "allegations",
        "call",
        "claim",
        "claims",
        "hope",
        "hopes",
        "reference",
        "references",
    ]
)
#: prepositions after such a noun that open its topic
_TOPIC_PREPOSITIONS = frozenset(["about", "of", "on", "to"])
#: verbs that carry a noun without saying anything (``makes a claim``)
_LIGHT_VERBS = frozenset(["make", "makes", "made", "push", "pushes", "pushed", "raises", "raised"])
#: indefinite pronouns: a relative clause on them describes a case
_INDEFINITE = frozenset(
    ["anybody", "anyone", "everybody", "everyone", "nobody", "somebody", "someone", "whoever"]
)
#: set phrases whose words the tagger reads as a source and a cue
_IDIOMS = ("rest assured", "safe to say", "needless to say", "suffice it to say")
#: verbs of knowing and noticing
_KNOWING = frozenset(["know", "knew", "known", "notice", "noticed", "wonder", "wondered"])
#: the writer and the reader: no one reported as a source
_PERSONAL = frozenset(["i", "we", "you"])


#: verbs of refusing: what follows them is what was not done or said
_REFUSING = frozenset(["declined", "declines", "declining", "refused", "refuses", "refusing"])


def without_superseded_refusals(view: TokenView, atts: list[Attribution]) -> list[Attribution]:
    """``atts`` (one sentence's, in text order) without a refusal (``declined to
    comment``) whose source another attribution of the sentence shares: the source
    refused one thing and said another, one attribution (``declined to comment on the
    decision, saying the ruling could speak for itself``; ``He later said “…,” but
    refused to say which ones``)."""
    return [
        a
        for n, a in enumerate(atts)
        if not (
            a.source is not None
            and view.lower[token_at(view, a.cue[0])] in _REFUSING
            and any(b.source == a.source for k, b in enumerate(atts) if k != n)
        )
    ]


def reports_no_speech(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """Does ``att`` (found at ``cue``) report no speech? The rules are listed in the
    module docstring."""
    return (
        _auxiliaries_alone(view, cue)
        or _adjunct_content(view, cue, att)
        or _topic_of_a_noun(view, cue, att)
        or _in_the_hope(view, cue, att)
        or _idiom(view, cue, att)
        or _anyone_who(view, att)
        or _subject_relative(view, att)
        or _unanswered_request(view, cue, att)
        or _purpose(view, cue, att)
        or _writer_knowing(view, cue, att)
        or _predicate_source(view, cue, att)
        or _reader_addressed(view, cue, att)
        or _sourceless_infinitive(view, cue, att)
        or _fronted_pronoun_object(view, cue)
        or _noun_after_article(view, cue)
        or _possession(view, cue)
        or _wordless(view, att)
        or names_no_speech(view, cue, att)
    )


def _wordless(view: TokenView, att: Attribution) -> bool:
    """A content with no word (``[Emphasis added]``, an editor's note whose cue closes
    its bracket): nothing was said, and the note's first word is no one's name."""
    return bool(att.content) and not any(re.search(r"\w", view.text[s:e]) for s, e in att.content)


#: words saying that someone spoke or wrote the words quoted after them (verbs, and
#: nouns of what was said: ``his statement that X lacks the “look”``)
_SAYING = (
    CORE_VERBS
    | INVERTING
    | CALLING
    | frozenset(
        [
            "accused",
            "accusing",
            "adding",
            "arguing",
            "branded",
            "branding",
            "call",
            "calling",
            "calls",
            "claiming",
            "comment",
            "comments",
            "concluded",
            "describing",
            "dubbing",
            "hailed",
            "hailing",
            "insisting",
            "labeling",
            "labelling",
            "noting",
            "pledged",
            "posted",
            "praised",
            "promised",
            "quoted",
            "quoting",
            "remark",
            "remarks",
            "saying",
            "stating",
            "statement",
            "statements",
            "telling",
            "terming",
            "tweet",
            "tweets",
            "vowed",
            "warning",
            "writing",
        ]
    )
)
#: words opening a noun phrase a scare quotation sits in
_NP_OPENERS = frozenset(
    ["a", "an", "the", "its", "his", "her", "their", "our", "this", "that", "these", "those"]
)
#: prepositions of an adjunct a scare quotation sits in (not ``as``/``like``/``to``,
#: which compare or call: ``likened the refugees to a “vicious snake”``)
_SCARE_PREPOSITIONS = frozenset(["at", "for", "from", "in", "into", "of", "on", "over", "with"])
#: words opening the reported clause of a verb (``shows that …``, ``wondered whether …``)
_CLAUSE_OPENERS = frozenset(["that", "whether", "if"])
#: the most words a scare quotation holds
_SCARE_WORDS = 4


def scare_fragment(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """Is the content's one quotation a few words inside a noun phrase (after a
    determiner) that no word from the cue to it reports as said (``sent a message over
    the ban on the “peaceful activities” of``, ``would provide an “iron-clad
    commitment”``)? Such quotation marks flag a phrase; they name no one's words."""
    inside = [
        (qs, qe) for qs, qe in view.quotes if any(s <= qs and qe <= e for s, e in att.content)
    ]
    if len(inside) != 1:
        return False
    qs, qe = inside[0]
    q_first, q_last = token_at(view, qs), token_at(view, qe - 1)
    words = [w for w in view.words[q_first : q_last + 1] if w.isalnum()]
    if not 0 < len(words) <= _SCARE_WORDS or q_first - 1 <= cue.last:
        return False
    det = q_first - 1
    if view.lower[det] not in _NP_OPENERS:
        return False
    if any(w in _CLAUSE_OPENERS for w in view.lower[cue.last + 1 : det]):
        # "wondered whether … for our “eureka!” moments": the quotation sits inside the
        # verb's own clause, which keeps its source; the marks flag only a word in it
        return False
    between = view.lower[cue.first : q_first]
    if any(w in _SAYING for w in between) or "as" in between:
        return False  # "criticized the act as a “crazy system”": the source's own words
    # the object of the cue's verb ("would provide an “iron-clad commitment”"), or a
    # noun phrase inside a prepositional adjunct ("over the ban on the “…” of")
    return det == cue.last + 1 or view.lower[det - 1] in _SCARE_PREPOSITIONS


def _possession(view: TokenView, cue: Cue) -> bool:
    """``We have so much work to do``, ``they had no idea``: ``have`` with no verb after
    it in the cue owns something, it reports nothing (``have urged`` does)."""
    words = view.lower[cue.first : cue.last + 1]
    return words[0] in ("have", "has", "had", "having") and all(
        w in ADV or w in _OWNED for w in words[1:]
    )


#: what may follow a possessive ``have`` in a cue the tagger found ("have so much")
_OWNED = frozenset(["so", "no", "much", "many", "little", "any", "some", "a", "an", "the"])


def _auxiliaries_alone(view: TokenView, cue: Cue) -> bool:
    """``Sports have also been hit hard``, ``are always completely free``, ``are
    certainly out of scope``: auxiliaries and adverbs alone report nothing. (Dropped
    here, not as a cue: the cue still closes the clause before a later one.)"""
    return all(
        # "Sponsored filters have long been a way for ...": "long" as an adverb
        w in AUXILIARIES or w in ADV or w in _DEGREE or w in ("n't", "not", "long")
        for w in view.lower[cue.first : cue.last + 1]
    )


#: adverbs of degree and certainty, never PolNeAR cues alone (unlike ``reportedly``)
_DEGREE = frozenset(
    ["absolutely", "certainly", "completely", "entirely", "fully", "quite", "really", "totally"]
)


def _anyone_who(view: TokenView, att: Attribution) -> bool:
    """``This could involve someone who knows they are infective``, ``anyone who omitted
    to mention``: a relative clause on an indefinite pronoun describes a case, not what
    someone said."""
    if att.source is None or view.text[att.source[0] : att.source[1]].lower() != "who":
        return False
    k = token_at(view, att.source[0]) - 1
    return k >= 0 and view.lower[k] in _INDEFINITE


def _subject_relative(view: TokenView, att: Attribution) -> bool:
    """``The defense attorney who asked for the hearing, James Patton, did not …``: a
    relative clause (no comma before ``who``) on the short noun phrase opening the
    sentence with an article describes the subject of the main clause. (PolNeAR keeps
    ``who`` sources elsewhere: ``Christie, who has campaigned …``, ``members who voted``.)"""
    if att.source is None or view.text[att.source[0] : att.source[1]].lower() != "who":
        return False
    k = token_at(view, att.source[0])
    lo = view.sentences[view.sent_of[k]][0]
    return (
        0 < k - lo <= 5
        and view.lower[lo] in ("the", "a", "an")
        and all(w[:1].isalpha() for w in view.words[lo:k])
    )


#: what a request for comment is made with
_REQUESTS = r"(?:requests?|messages?|e-?mails?|calls?|inquiries|queries)"
_UNANSWERED = re.compile(
    rf"^(?:to )?(?:(?:a|an|the|two|several|multiple|repeated|numerous) )?(?:\w+ )?{_REQUESTS}"
    r" (?:for|seeking) (?:comment|a comment)\b"
)


def _unanswered_request(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """``did not immediately respond to a request for comment``, ``hasn't returned
    messages seeking comment``: a request nobody answered reports no speech."""
    low = view.lower
    words = low[max(0, cue.first - 3) : cue.last + 1]
    if not any(w in ("not", "n't", "n’t", "never") for w in words):
        return False
    if not any(w.startswith(("respond", "return", "repl", "answer")) for w in words):
        return False
    content = view.text[att.content[0][0] : att.content[0][1]].lower()
    return bool(_UNANSWERED.match(content))


def _purpose(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """``To answer this question, the team asked ...``: an infinitive opening its
    sentence, with no source, is a purpose, not speech."""
    lo = view.sentences[view.sent_of[cue.first]][0]
    return att.source is None and cue.first == lo and view.lower[cue.first] == "to"


def _idiom(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """``Rest assured that``, ``it is safe to say that``, ``take a look at``: a set phrase
    or an imperative to the reader around the cue, no one's speech (the "source" found
    is a word of the phrase)."""
    if att.source is None:
        return False
    src = view.text[att.source[0] : att.source[1]].lower()
    first = token_at(view, att.source[0])
    quoted = any(c in QUOTE_CHARS for s, e in att.content for c in view.text[s:e])
    if not quoted and (
        src in IMPERATIVES
        or (src.split()[0] in IMPERATIVES and first == view.sentences[view.sent_of[first]][0])
    ):
        # "take a look at": the verb, or the sentence opening with it ("Pay attention
        # to that last bit: “...”" keeps the quotation it points to)
        return True
    phrase = " ".join([src, *view.lower[cue.first : cue.last + 1]])
    return any(phrase.startswith(p) for p in _IDIOMS)


def _writer_knowing(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """``We do not yet know when``, ``We're also curious to know whether``, ``Many of us
    have noticed that``, ``when it becomes known``: what the writer and the readers do
    not know, wonder or notice, or knowledge with no one to hold it, is no one's speech.
    (PolNeAR annotates the writer's ``I know that``, ``we know exactly what``: a claim.)"""
    words = view.lower[cue.first : cue.last + 1]
    if not any(w in _KNOWING for w in words):
        return False
    if att.source is None:
        return True
    src = view.text[att.source[0] : att.source[1]].lower()
    if src not in _PERSONAL and src not in ("many of us", "most of us", "all of us"):
        return False
    return any(w in ("not", "n't", "curious", "notice", "noticed", "wonder") for w in words)


def _topic_of_a_noun(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """``Lawmaker makes shocking claim about the massacre`` (a headline), ``The report
    makes a reference to the letter``, ``in the hope of seeing``: a speech noun with its
    preposition names the topic of a claim, a reference or a hope, not what was said,
    where no one is its source, in a headline (which has no room for a reported clause)
    or where the noun has no speech verb (``makes``, ``pushes``: the "source" found ends
    in it). (PolNeAR annotates ``North Korea's claims about the test``: a noun with its
    source stays.)"""
    low = view.lower
    words = low[cue.first : cue.last + 1]
    return (
        len(words) >= 2
        and words[-2] in _SPEECH_NOUNS
        and words[-1] in _TOPIC_PREPOSITIONS
        and (
            att.source is None
            or is_headline(view, view.sent_of[cue.first])
            or view.text[att.source[0] : att.source[1]].split()[-1].lower() in _LIGHT_VERBS
        )
    )


def _in_the_hope(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """``in the hope that it would bring infections down``: a purpose, no one's words."""
    low = view.lower
    k = cue.first
    if low[k] in ("the", "a") and k < cue.last:
        k += 1
    return (
        att.source is None
        and low[k] in ("hope", "hopes")
        and k - 2 >= 0
        and low[k - 1] in ("the", "a")
        and low[k - 2] in ("in", "with")
    )


def _adjunct_content(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """``Seven were reported in the last week``, ``We are logging off for the night``,
    ``Ebola outbreak declared in Congo``: a content after the cue opened by a preposition
    of time, place or means, with no clause (``that``, a comma), quotation or colon in it, is a
    circumstance of the verb, not what was said, where no one is named as saying it (no
    source, a personal pronoun, or a participle after the noun it describes). (PolNeAR
    annotates named sources with such contents: ``X did not respond to requests for
    comment``.)"""
    low = view.lower
    first = token_at(view, att.content[0][0])
    if (
        att.content[0][0] < att.cue[1]
        or low[first] not in _ADJUNCT_PREPOSITIONS
        or low[cue.last] in _ADJUNCT_PREPOSITIONS
    ):
        return False
    if att.source is not None and not _no_one_named(view, cue, att):
        return False
    for s, e in att.content:
        a, b = token_at(view, s), token_at(view, e - 1)
        if any(view.quote_of[t] >= 0 or low[t] in ("that", ":", ",") for t in range(a, b + 1)):
            return False
    return True


def _no_one_named(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """Is the source ``I``, ``we`` or ``you`` (the writer and the reader), or, in a
    headline, the noun before a bare participle (``Ebola outbreak declared``: what was
    declared, not who)?"""
    assert att.source is not None
    low = view.lower
    if view.text[att.source[0] : att.source[1]].lower() in _PERSONAL:
        return True
    before = token_at(view, att.cue[0]) - 1
    return (
        is_headline(view, view.sent_of[cue.first])
        and cue.first == cue.last
        and low[cue.first].endswith("ed")
        and before >= 0
        and view.words[before][:1].isalpha()
        and low[before] not in AUXILIARIES
        and token_at(view, att.source[1] - 1) == before
    )


def is_headline(view: TokenView, sentence: int) -> bool:
    """Is ``sentence`` the article's first line standing alone as a paragraph, with no
    closing full stop (a headline)?"""
    if sentence != 0:
        return False
    hi = view.sentences[0][1]
    alone = len(view.sentences) == 1 or view.para_of_sent[1] != view.para_of_sent[0]
    return alone and view.lower[hi - 1] not in (".", "!", "?", ":")


#: contracted auxiliaries, tokens of their own ("It 's hard", "you ’ve been")
_CONTRACTED = frozenset(["'s", "’s", "'ve", "’ve", "'re", "’re", "'d", "’d", "'ll", "’ll"])


#: "'s" is "is" only after these ("It's almost hard"); after a name it is a possessive
_POSSESSIVE_OR_IS = frozenset(["'s", "’s"])
_IS_SUBJECTS = frozenset(
    [
        "it",
        "that",
        "this",
        "there",
        "here",
        "what",
        "who",
        "he",
        "she",
        "where",
        "how",
        "one",
        "everyone",
        "everything",
        "nothing",
        "something",
        "someone",
        "nobody",
    ]
)


def predicate_fragment(view: TokenView, source: Range, cue_first: int) -> bool:
    """Is ``source`` (left of the cue at token ``cue_first``) part of a verb phrase, not
    a noun phrase? It follows an auxiliary or an infinitive's ``to`` and opens with a
    lowercase word other than a pronoun or a determiner: ``disasters are [happening]``,
    ``It 's [almost hard]``, ``you 've been [following]``, ``will [allow us]``. No one
    is named there. (``There are officials who said`` names its source after ``are``.)"""
    if source[1] > view.starts[cue_first]:
        return False  # "according to police": the source after its cue
    first = token_at(view, source[0])
    low = view.lower
    if not view.words[first][:1].islower() or low[first] in PRONOUNS | DETS | QUANT:
        return False
    before = first - 1
    if before < view.sentences[view.sent_of[first]][0]:
        return False
    if not (low[before] in AUXILIARIES or low[before] in _CONTRACTED or low[before] == "to"):
        return False
    if low[before] in _POSSESSIVE_OR_IS and (before < 1 or low[before - 1] not in _IS_SUBJECTS):
        return False  # "Not Who We Are's campaign manager Jo Roe said": a possessive
    return not (before >= 1 and low[before - 1] in ("there", "here"))


#: cue openers with no verb: a preposition, or an infinitive's ``to`` ("about" is left
#: out: ``She has no illusions about`` is PolNeAR's belief cue with a misread source)
_VERBLESS_OPENERS = PREPOSITIONS | {"against", "of", "over"}


def _predicate_source(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """``disasters are happening [against] the backdrop``, ``It 's almost hard [to
    believe]``: with a verb phrase read as its source (:func:`predicate_fragment`), a
    cue that opens with a preposition or an infinitive's ``to`` has no verb of its own
    in that clause: nothing is reported. (Other cues there keep their content and lose
    the source: ``have hit out at the decision saying``.)"""
    if att.source is None or not predicate_fragment(view, att.source, cue.first):
        return False
    return view.lower[cue.first] in _VERBLESS_OPENERS


#: what opens a condition or a question on the reader ("If you want", "Do you think")
_CONDITIONS = frozenset(["if", "unless", "when", "whenever", "whether", "once"])


def _reader_addressed(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """``If you want to make it creepier``, ``Do you think that …?``, ``you might want
    to change this``, ``Now you know how to grow``: the reader addressed as ``you``
    outside any quotation is told, asked or supposed something, never reported as
    saying or believing it. (Inside a quotation ``you`` is the speaker's listener and
    the cue is the quotation's own.)"""
    if att.source is None:
        return False
    k = token_at(view, att.source[0])
    if view.text[att.source[0] : att.source[1]].lower() != "you":
        return False
    return view.quote_of[k] < 0 and view.quote_of[cue.first] < 0


def _sourceless_infinitive(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """``Employees could face a fine if they fail [to tell] their bosses that …``: an
    infinitive cue whose verb has no source of its own is a hypothetical or a task,
    not anyone's words. (An infinitive with its subject, ``declined to comment``,
    ``wants to say``, is found with that source and stays.)"""
    if att.source is not None:
        return False
    low = view.lower
    k = cue.first + 1 if low[cue.first] == "to" else cue.first
    return k > cue.first or (k >= 1 and low[k - 1] == "to")


#: pronoun objects that close a fronted subordinate clause ("When I posted it,")
_OBJECT_PRONOUNS = frozenset(["it", "this", "that", "them", "these", "those"])


#: verbs of ``As SRC put it,`` / ``As SRC sees it,``: the words or the view the main
#: clause gives
_VIEW_VERBS = frozenset(["put", "puts", "see", "sees", "saw"])


def _fronted_pronoun_object(view: TokenView, cue: Cue) -> bool:
    """``When I posted it, this assessment was backed up by …``, ``After she wrote
    them, …``: a cue in a subordinate clause opening the sentence, its object a lone
    pronoun and a comma ending the clause, sets the time of the main clause; what
    follows the comma is no one's words."""
    lo = view.sentences[view.sent_of[cue.first]][0]
    low = view.lower
    if low[lo] not in SUBORDINATORS or not 1 <= cue.first - lo <= 4:
        return False
    if low[lo] == "as" and low[cue.first] in _VIEW_VERBS:
        return False  # "As Miller put it, she was “…”": the main clause gives the words
    t = cue.first + 1
    while t < len(low) and t <= cue.last + 1 and low[t] in _OBJECT_PRONOUNS:
        t += 1
    return t > cue.first + 1 and t < len(low) and low[t] == ","


#: articles: the word right after one is a noun or an adjective, never a verb
_ARTICLES = frozenset(["a", "an", "the", "no"])
#: endings of the nouns of speech PolNeAR takes as cues (``the criticism``, ``a
#: suggestion``, ``the endorsement``, ``the disclosure that``): they stay
_SPEECH_NOUN_ENDINGS = ("ion", "ions", "ment", "ments", "ism", "isms", "ure", "ures")
#: other nouns of speech and belief that stay after an article (``the news that``, ``a
#: promise to``, ``the belief that``)
_ARTICLE_SPEECH_NOUNS = frozenset(
    [
        "answer",
        "belief",
        # words a crowd or a campaign repeats (``in a chant that …: “…”``)
        "chant",
        "chants",
        "slogan",
        "slogans",
        "debate",
        "demand",
        "news",
        "pledge",
        "promise",
        "reply",
        "report",
        "request",
        "response",
        "rumor",
        "rumour",
        "statement",
        "threat",
        "view",
        "vow",
        "warning",
    ]
)


def _noun_after_article(view: TokenView, cue: Cue) -> bool:
    """``No [doubt] that the plan will fail``, ``appealed the [case] to the court``,
    ``Against the [State]: An …``: a one-word cue right after an article is a noun (or
    a title's word), not a verb of saying. Nouns of speech (``the criticism``, ``a
    claim``) and participles (``the alleged attack``, handled with the cues) are left
    to the other rules."""
    if cue.first != cue.last or cue.first < 1:
        return False
    low = view.lower
    w = low[cue.first]
    if (
        low[cue.first - 1] not in _ARTICLES
        or cue.first - 1 < view.sentences[view.sent_of[cue.first]][0]
    ):
        return False
    if not w.isalpha() or w.endswith(("ed", "ing", *_SPEECH_NOUN_ENDINGS)):
        return False
    return w not in _SPEECH_NOUNS | _ARTICLE_SPEECH_NOUNS
