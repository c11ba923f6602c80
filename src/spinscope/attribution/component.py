"""The ``attribution.v1`` component: attributions, speakers and own-voice assertions.

Span groups written (schema ``spinscope.document/1``)::

    spans.attributions[] = {"start", "end", "label": "attribution", "score",
                            "source": {"start", "end"} | null,
                            "cue": {"start", "end"},
                            "content": [{"start", "end"}, ...],
                            "kind": "direct" | "indirect" | "mixed",
                            "speaker": {"id", "name", "role", "affiliation", "mention"} | null}
    spans.assertions[]   = {"start", "end", "label": "assertion", "score",
                            "hedged": bool,
                            "hedges": [{"start", "end", "text", "kind"}, ...]}

``start``/``end`` of an attribution cover its source, cue and content. A speaker's
``name`` is ``null`` for unnamed sources (``officials``, ``a spokesperson``);
``speaker`` is ``null`` with a ``source`` when the source is a pronoun with no
antecedent of the right gender and number nearby (unresolved, never guessed).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spinscope.attribution.assertions import Assertion, find_assertions
from spinscope.attribution.cues import DEFAULT_THRESHOLD, MODEL_PATH, load_cue_model
from spinscope.attribution.echoes import find_echoes
from spinscope.attribution.extract import extract
from spinscope.attribution.mentions import is_person_word
from spinscope.attribution.neural import NeuralTagger, group_spans
from spinscope.attribution.owners import content_without
from spinscope.attribution.result import Attribution, Range
from spinscope.attribution.speakers import Resolution, Speaker, resolve_speakers_traced
from spinscope.attribution.text import TokenView
from spinscope.document import Document, Span
from spinscope.errors import ConfigError
from spinscope.registry import Component, register

__all__ = ["Analysis", "analyse", "analyse_traced", "attribution_spans", "make_attribution"]


def _r(r: tuple[int, int]) -> dict[str, int]:
    return {"start": r[0], "end": r[1]}


def attribution_spans(
    text: str,
    attributions: Sequence[Attribution],
    speakers: Sequence[Speaker],
    links: Sequence[int | None],
) -> list[Span]:
    """Attributions as :class:`Span` objects with the JSON keys of docs/schema.md in ``attrs``."""
    out = []
    for att, sid in zip(attributions, links, strict=True):
        speaker = None
        if sid is not None and att.source is not None:
            sp = speakers[sid]
            speaker = {**sp.to_dict(), "mention": text[att.source[0] : att.source[1]]}
        out.append(
            Span(
                att.start,
                att.end,
                "attribution",
                att.score,
                {
                    "source": _r(att.source) if att.source else None,
                    "cue": _r(att.cue),
                    "content": [_r(c) for c in att.content],
                    "kind": att.kind,
                    "speaker": speaker,
                },
            )
        )
    return out


@dataclass(frozen=True)
class Analysis:
    """What :func:`analyse_traced` finds in a document.

    Attributes:
        attributions: the attributions, in text order.
        speakers: the article's speakers.
        links: per attribution, the index of its speaker (``None``: none resolved).
        resolutions: per attribution, how its speaker was reached (``None``: none).
        assertions: the own-voice assertions.
        sentences: the sentences' character ranges.
    """

    attributions: list[Attribution]
    speakers: list[Speaker]
    links: list[int | None]
    resolutions: list[Resolution | None]
    assertions: list[Assertion]
    sentences: list[Range]


def analyse(
    doc: Document,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    model_path: Path | None = None,
    tagger: NeuralTagger | None = None,
) -> tuple[list[Attribution], list[Speaker], list[int | None], list[Assertion]]:
    """Attributions, speakers, source→speaker links and assertions of ``doc`` (no side effects).

    With ``tagger`` (the neural backend) its grouped spans replace the rule extractor's.
    """
    a = analyse_traced(doc, threshold=threshold, model_path=model_path, tagger=tagger)
    return a.attributions, a.speakers, a.links, a.assertions


def analyse_traced(
    doc: Document,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    model_path: Path | None = None,
    tagger: NeuralTagger | None = None,
) -> Analysis:
    """:func:`analyse`, with how each speaker was reached and the sentences."""
    view = TokenView.from_document(doc)
    ranges = doc.content_ranges()
    if tagger is not None:
        atts = [
            a
            for a in group_spans(view, tagger.tag(doc.text))
            if any(s <= a.cue[0] < e for s, e in ranges)
        ]
    else:
        atts = extract(view, load_cue_model(model_path), threshold=threshold, content_ranges=ranges)
    atts = [_source_inside(a, ranges, doc.text) for a in atts]
    blanked = _blank_outside(doc.text, ranges)
    sources = _speaking_sources(doc.text, atts)
    speakers, links, how = resolve_speakers_traced(blanked, sources, _embedded(atts))
    heirs = _clause_heirs(doc.text, view.sent_chars, atts, links)
    if heirs:
        # resolved again so that the heir is one of the speaker's attributions, with the
        # very source resolved the same way (a shared source range is one speaker)
        for k, j in heirs.items():
            atts[k] = dataclasses.replace(atts[k], source=atts[j].source)
            sources[k] = sources[j]
        speakers, links, how = resolve_speakers_traced(blanked, sources, _embedded(atts))
    links = _not_the_quoting_speaker(doc.text, atts, links)
    links = _not_the_one_quoted_about(doc.text, atts, links, speakers)
    how = [h if link is not None else None for h, link in zip(how, links, strict=True)]
    atts, links, how = _with_echoes(doc.text, view.quotes, atts, speakers, links, how)
    assertions = find_assertions(doc.text, view.sent_chars, atts, ranges)
    return Analysis(atts, speakers, links, how, assertions, list(view.sent_chars))


def _with_echoes(
    text: str,
    quotes: Sequence[Range],
    atts: list[Attribution],
    speakers: Sequence[Speaker],
    links: list[int | None],
    how: list[Resolution | None],
) -> tuple[list[Attribution], list[int | None], list[Resolution | None]]:
    """The attributions (in text order), links and resolutions with each echo
    (:func:`find_echoes`) an attribution of its own, with the cue and source of the one
    quoting its words first and that one's speaker; the attribution that held it keeps
    the rest of its content, and goes where no word is left."""
    echoes = find_echoes(text, quotes, atts, links)
    if not echoes:
        return atts, links, how
    # rows: (attribution, link, resolution, index before the echoes or None for an echo)
    rows: list[tuple[Attribution, int | None, Resolution | None, int | None]] = [
        (a, link, h, k) for k, (a, link, h) in enumerate(zip(atts, links, how, strict=True))
    ]
    for echo in echoes:
        qs, qe = echo.quote
        if echo.within is not None:
            at = next(n for n, r in enumerate(rows) if r[3] == echo.within)
            held, link, h, k = rows[at]
            kept = content_without(text, held.content, qs, qe)
            if kept:
                rows[at] = (held.with_content(text, kept), link, h, k)
            else:
                del rows[at]
        first, origin = atts[echo.origin], how[echo.origin]
        shared = (
            None
            if origin is None
            else Resolution(origin.parsed, origin.parsed, "shared", None, len(speakers))
        )
        att = dataclasses.replace(
            Attribution.quotation(first.cue, (qs, qe), first.source, first.score), origin="echo"
        )
        # placed before the first attribution whose content starts after the quotation,
        # the others keeping their order
        at = next((n for n, r in enumerate(rows) if r[0].content[0][0] > qs), len(rows))
        rows.insert(at, (att, links[echo.origin], shared, None))
    position = {r[3]: n for n, r in enumerate(rows) if r[3] is not None}
    for sp in speakers:
        old = [position[k] for k in sp.attributions if k in position]
        sp.attributions = sorted(
            old + [n for n, r in enumerate(rows) if r[3] is None and r[1] == sp.id]
        )
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


#: third-person pronouns: inside a quotation, never the one whose quotation it is
_THIRD_PERSON = frozenset(["he", "she", "they", "him", "her", "them"])


def _not_the_quoting_speaker(
    text: str, atts: Sequence[Attribution], links: list[int | None]
) -> list[int | None]:
    """``links`` with a third-person pronoun source written inside another attribution's
    quotation unresolved where it was resolved to that quotation's own speaker: in
    ``“There was a man called Paul Revere. He said, ‘The British are coming!’” Kassam
    said`` the one quoting would say ``I``, so ``He`` is someone else, and the speaker
    inside the quotation is better left unnamed than given the quoting speaker's name."""
    out = list(links)
    for k, a in enumerate(atts):
        if a.source is None or out[k] is None:
            continue
        s0, s1 = a.source
        if text[s0:s1].lower() not in _THIRD_PERSON:
            continue
        for j, b in enumerate(atts):
            quoted = any(s <= s0 and s1 <= e and text[s] in '“"‘' for s, e in b.content)
            if j != k and quoted and links[j] == out[k]:
                out[k] = None
                break
    return out


#: a surname as the subject of its clause: a verb (an adverb maybe before it) follows
_SUBJECT_VERB = (
    r"(?:\s+\w+ly)?\s+(?:had|has|have|is|was|were|are|will|would|could|did|does|said|says|"
    r"told|wanted|wants|knew|knows|went|made|took|got|[a-z]+ed)\b"
)


def _not_the_one_quoted_about(
    text: str,
    atts: Sequence[Attribution],
    links: list[int | None],
    speakers: Sequence[Speaker],
) -> list[int | None]:
    """``links`` with a ``he``/``she`` source unresolved where its quotation names the
    resolved speaker as the subject of a clause: in ``“People assume he was kidding.
    Depp actually had maps,” he said`` the one speaking says ``I``, not ``Depp``; the
    pronoun is someone else, better left unnamed than given the name."""
    out = list(links)
    for k, a in enumerate(atts):
        sid = out[k]
        if a.source is None or sid is None or a.kind != "direct":
            continue
        if text[a.source[0] : a.source[1]].lower() not in ("he", "she"):
            continue
        name = speakers[sid].name
        if not name or speakers[sid].members:
            continue
        last = re.escape(name.split()[-1])
        if any(re.search(rf"\b{last}{_SUBJECT_VERB}", text[s:e]) for s, e in a.content):
            out[k] = None
    return out


def _source_inside(att: Attribution, ranges: Sequence[Range], text: str) -> Attribution:
    """``att`` with its source starting where the article's text does: a source phrase
    read back over a dateline or a byline run into the paragraph ("LONDON, March 3
    (Reuters) - The bank said") starts after it. A source wholly inside furniture is
    kept as it was (the cue, in the article's text, still needs it)."""
    if att.source is None:
        return att
    start, end = att.source
    if any(s <= start < e for s, e in ranges):
        return att
    for s, _ in ranges:
        if start < s < end:
            inner = text[s:end]
            s += len(inner) - len(inner.lstrip())
            return dataclasses.replace(att, source=(s, end)) if s < end else att
    return att


#: prepositions a cue may be alone (with an adverb): "leaks about", "talk about"
_BARE_PREPOSITIONS = frozenset(["about", "over", "against", "of"])


#: "had a blunt reply:", "gave a short answer:": the verb whose object is the noun cue
_HAVING = re.compile(r"\b(?:had|has|have|gave|gives|offered|offers|got|gets)\s+$")
#: an indefinite article and one word: all the cue tagger left of "a blunt reply"
_ARTICLE_AND_WORD = re.compile(r"(?:a|an)\s+[a-z][a-z-]*")


def _modifies_cue(text: str, source: tuple[int, int], cue: tuple[int, int]) -> bool:
    """Is the source only the article and adjective of a noun cue (``Her mother had a
    blunt reply:``, ``Woods had a hidden sense of humor``)? Then it is part of the
    cue's noun phrase, not who spoke; the speaker is the subject of ``had``, which the
    tagger did not take, so none is named rather than the adjective."""
    s, e = source
    return (
        _ARTICLE_AND_WORD.fullmatch(text[s:e]) is not None
        and not text[e : cue[0]].strip()
        and _HAVING.search(text[max(0, s - 12) : s]) is not None
        and not is_person_word(text[s:e].split()[-1].removesuffix("s"))
    )


#: a passive cue whose subject is what was named or put out, not who spoke: "A woman
#: described as “…”", "Video of the incident reportedly was posted on …"
_PASSIVE_CUE = re.compile(
    r"(?:\w+ly )?(?:(?:was|were|is|are|been|being|has been|have been|had been) (?:\w+ly )?)?"
    r"(?:described|called|labell?ed|dubbed|termed|branded) as"
    r"|(?:\w+ly )?(?:was|were|is|are|has been|have been|had been) (?:\w+ly )?"
    r"(?:posted|published|uploaded|circulated|shared|aired|broadcast|released)\b.*",
    re.I,
)


#: a speech verb of the subject's own after the passive ("A woman described as “…”
#: told the website that …"): the subject speaks there
_OWN_SPEECH = re.compile(r"\b(?:told|tells|said|says|wrote|writes|added|adds)\b")


def _passive_subject(text: str, att: Attribution) -> bool:
    """Is the source the subject of a passive cue right after it (``A woman described
    as “…”``, ``Video … was posted on``), with no speech verb of its own in the content?
    It is what was described or put out; who described or posted it the sentence does
    not say there."""
    if att.source is None or att.source[1] > att.cue[0]:
        return False
    if _PASSIVE_CUE.fullmatch(text[att.cue[0] : att.cue[1]]) is None:
        return False
    return not any(_OWN_SPEECH.search(text, s, e) for s, e in att.content)


def _speaking_sources(text: str, atts: Sequence[Attribution]) -> list[tuple[int, int] | None]:
    """The sources to resolve to speakers: none for a thing a bare preposition follows
    (``keep a lid on leaks about the process``, ``all of the endless talk about Ohio``):
    a topic, no one speaking — nor for the cues sharing that source; none for an
    adjective the cue tagger cut off its noun cue (:func:`_modifies_cue`), nor for the
    subject of a passive cue (:func:`_passive_subject`)."""
    topics = set()
    for a in atts:
        if a.source is None:
            continue
        if _modifies_cue(text, a.source, a.cue) or _passive_subject(text, a):
            topics.add(a.source)
            continue
        cue = [w for w in text[a.cue[0] : a.cue[1]].lower().split() if not w.endswith("ly")]
        last = text[a.source[0] : a.source[1]].split()[-1:]
        if (
            cue
            and all(w in _BARE_PREPOSITIONS for w in cue)
            and last
            and last[0].islower()
            and last[0].isalpha()
            and not is_person_word(last[0].removesuffix("s"))
        ):
            topics.add(a.source)
    return [
        None if a.source in topics else _without_reflexive_verb(text, a, _without_possessive)
        for a in atts
    ]


_REFLEXIVE_CUE = re.compile(r"(?:him|her|it|them)sel(?:f|ves)\b")


def _without_reflexive_verb(
    text: str,
    att: Attribution,
    then: Callable[[str, tuple[int, int] | None], tuple[int, int] | None],
) -> tuple[int, int] | None:
    """A source without the verb a reflexive cue left in it (``Hendler's group bills``
    before ``itself as``): the group is the speaker, "bills" no part of its name."""
    source = att.source
    if source is not None and _REFLEXIVE_CUE.match(text, att.cue[0]):
        s, e = source
        words = text[s:e].split()
        if len(words) > 1 and words[-1].isalpha() and words[-1].islower():
            kept = text[s:e].rstrip().removesuffix(words[-1]).rstrip()
            source = (s, s + len(kept))
    return then(text, source)


def _without_possessive(text: str, source: tuple[int, int] | None) -> tuple[int, int] | None:
    """A possessor before a noun cue (``Trump's claim``, ``the ministry’s statement``) is
    the speaker without its ``'s``: the name is "Trump", not "Trump's"."""
    if source is None:
        return None
    s, e = source
    written = text[s:e]
    for suffix in ("'s", "’s", "s'", "s’"):
        if written.endswith(suffix) and e - s > len(suffix) + 1:
            return (s, e - (1 if suffix.startswith("s") else 2))
    return source


def _blank_outside(text: str, ranges: Sequence[tuple[int, int]]) -> str:
    """``text`` with everything outside ``ranges`` (the boilerplate) blanked, offsets and
    line breaks kept: a name in a site's promo line ("Popular Video … Keith Urban
    invited her …") is no person the article's pronouns and descriptions can mean."""
    out, pos = [], 0
    for s, e in ranges:
        out.append(re.sub(r"[^\n]", " ", text[pos:s]))
        out.append(text[s:e])
        pos = e
    out.append(re.sub(r"[^\n]", " ", text[pos:]))
    return "".join(out)


def _model_info() -> dict[str, Any] | None:
    try:
        info = dict(load_cue_model().info)
    except Exception:
        return None
    return {"name": info.get("name"), "version": info.get("version"), "path": str(MODEL_PATH)}


@register(
    "attribution.v1",
    assigns=("attributions", "assertions"),
    requires=("sentences",),
    uses=("tokens", "boilerplate"),
    languages=("en",),
    default_config={"threshold": DEFAULT_THRESHOLD, "backend": "rules"},
    description="Who says what: attributions (source, cue, content), speakers, own voice.",
    model=_model_info,
)
def make_attribution(
    threshold: float = DEFAULT_THRESHOLD,
    model_path: str | None = None,
    backend: str = "rules",
    model_dir: str | None = None,
) -> Component:
    """Build the component (loads its model once).

    Args:
        threshold: cue tagger probability above which a token is a cue (rules backend).
        model_path: cue tagger weights (default: the shipped ``cue_model.json.gz``).
        backend: ``"rules"`` (cue tagger + rules, shipped) or ``"neural"`` (an ONNX
            tagger trained by ``python -m training.attribution tagger``; needs ``model_dir``).
        model_dir: folder of the neural tagger.
    """
    if not 0.0 < float(threshold) < 1.0:
        raise ConfigError(f"attribution.v1 threshold must be in (0, 1), got {threshold!r}")
    if backend not in ("rules", "neural"):
        raise ConfigError(f"attribution.v1 backend must be 'rules' or 'neural', got {backend!r}")
    if backend == "neural" and not model_dir:
        raise ConfigError("attribution.v1 backend 'neural' needs model_dir")
    path = Path(model_path) if model_path else None
    load_cue_model(path)
    tagger = NeuralTagger(model_dir) if backend == "neural" and model_dir else None

    def attribution(doc: Document) -> Document:
        atts, speakers, links, assertions = analyse(
            doc, threshold=threshold, model_path=path, tagger=tagger
        )
        doc.set_spans("attributions", attribution_spans(doc.text, atts, speakers, links))
        doc.set_spans(
            "assertions",
            [Span(a.start, a.end, "assertion", a.score, a.to_attrs()) for a in assertions],
        )
        return doc

    return attribution


def _embedded(atts: list[Attribution]) -> set[int]:
    """Indices of the attributions whose source lies in another one's content (``He
    recalled that Trump told a crowd, “…”``: Trump speaks inside Biden's report)."""
    out = set()
    for k, a in enumerate(atts):
        if a.source is None:
            continue
        s0, s1 = a.source
        if any(
            j != k and any(s <= s0 and s1 <= e for s, e in b.content) for j, b in enumerate(atts)
        ):
            out.add(k)
    return out


#: What may lie between a speaker's clause and a sourceless cue that carries it on:
#: punctuation and coordinators ("began posting …, and declared that", "Refers to …;
#: Says to …", "claimed that police shut the shop, called …"), no word naming a subject.
#: what may stand between a speaker's content and the cue that carries it on: punctuation
#: and coordinators; not a dash, which sets off the writer's own aside ("“…” — seeming
#: not to notice")
_CARRY_ON = re.compile(r"[\s,;:]*((?:(?:and|but|or|then)\s+)*)(?:also\s+)?")
_NAME_WORD = re.compile(r"(?<![\w’'])[A-Z][a-z]")
_BY_AGENT = re.compile(r"\s*by\b")


def _clause_heirs(
    text: str, sents: Sequence[Range], atts: Sequence[Attribution], links: Sequence[int | None]
) -> dict[int, int]:
    """``{k: j}``: attribution ``k``, with no source, carries on attribution ``j``'s clause
    and so its speaker.

    The extractor ends a speaker's content where the next cue of the sentence begins, so
    a cue inside someone's reported speech ("The family claimed that police shut their
    shop, called Corner Cafe, with ‘baseless’ tickets") or a verb coordinated with theirs
    ("Jo Roe began posting online, and declared that he was “a fraud”") comes out as an
    attribution of its own, with no source: its quotation was then shown as no one's.
    It takes the speaker whose content, opened by a cue earlier in the sentence, ends
    right at its cue with nothing in between but punctuation and coordinators — no one
    else named as a subject. A content opening with ``by`` names its own agent ("the
    report, released by Jo Roe, “appears …”"): that is not the reporter's. A speaker
    that follows its cue (``according to X``, a passive's ``by X``) is no subject a
    coordinated verb shares.
    """
    heirs: dict[int, int] = {}
    for k, a in enumerate(atts):
        if a.source is not None or not a.content:
            continue
        if _BY_AGENT.match(text, a.content[0][0], a.content[0][1]):
            continue
        sent = next(((s, e) for s, e in sents if s <= a.cue[0] < e), None)
        if sent is None:
            continue
        for j, b in enumerate(atts):
            if j == k or b.source is None or links[j] is None or not b.content:
                continue
            if not (sent[0] <= b.source[1] <= b.cue[0] and b.cue[1] <= b.content[0][0]):
                continue  # a subject, then its cue opening its content, in this sentence
            end = b.content[-1][1]
            gap = _CARRY_ON.fullmatch(text, end, a.cue[0]) if end <= a.cue[0] else None
            if gap is None:
                continue
            if gap.group(1) and any(_NAME_WORD.search(text, s, e) for s, e in b.content):
                # "Jo Roe said Ann Lee spoke to leaders and was asked …": a verb coordinated
                # with one inside the content shares that clause's subject, not the speaker
                continue
            heirs[k] = j
            break
    return heirs
