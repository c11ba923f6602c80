"""Speaker resolution: link every attribution source to a canonical speaker.

Each source mention is first parsed into a name and a role
(:func:`spinscope.attribution.mentions.parse_mention`).

Later mentions resolve to an earlier speaker:

* a name sharing the last name (``Safronkov``) or any name word (``Clinton``), unless
  both give different first names (``Mira Vane`` is not ``Harold Vane``);
* ``he``/``she`` → the person written most recently (as a source, or by surname
  outside quotations and not after a preposition) who agrees in gender (first names,
  honorifics, role words, earlier pronouns), within :data:`WINDOW` characters; a
  person introduced as a subject counts; places and organisations never do;
  ``they`` → a group or an organisation, ``it`` → an organisation; ``who`` → the
  name written just before it. With no such antecedent the pronoun stays
  **unresolved** (no speaker) rather than guessed; ``I``/``we``/``you`` always do;
* a definite description (``the Russian official``) → the most recent speaker whose
  name, role or affiliation shares a word stem with it; a description of a person
  (``the Arizona Republican``, ``the General``) → the person in focus, or the one
  the article has just named; before those, a description whose noun the article
  wrote right before a name (``his son Eric`` … ``Trump’s second son argued``) →
  that person. An indefinite or possessive description with no such name stays the
  speaker (no name is guessed).

Quotations do not count towards the window: a speaker's long quotations keep the
speaker in focus. One source shared by coordinated cues is one speaker.

Unnamed sources (``officials``, ``a spokesperson``) become speakers with no name:
the sourcing profile reports them as anonymous. The affiliation is the possessive
(``Russia’s``) or the longest capitalised run of the role that is not a title
(``Russian Foreign Ministry``); demonyms map to a country for grouping.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spinscope.attribution.capitals import (
    capitalised_by_position,
    common_word,
    marking_word_before,
)
from spinscope.attribution.focus import sentence_before, subject_before
from spinscope.attribution.lexicon import (
    DOCUMENT_NOUNS,
    DOCUMENTS,
    NOT_NAME_LEAD,
    PERSON_HEADS,
    PLACES,
    POSSESSIVE_DETS,
    SPEECH_NOUNS,
    STOP,
)
from spinscope.attribution.mentions import (
    _AGE_NOUN,
    _AGENT_HEADS,
    _BUSINESS_HEADS,
    _CONNECT,
    _DEMONYMS,
    _DESCRIBED,
    _DETS,
    _DOC_NOUNS,
    _FULL_NAME,
    _FUNCTION_HEADS,
    _GENERIC_HEADS,
    _GENERIC_NOUNS,
    _HEAD_PREPOSITIONS,
    _ISSUED,
    _LINKS,
    _MONTHS,
    _MULTI_PLACES,
    _OFFICE_MODIFIERS,
    _ORG_HEADS,
    _ORG_WORDS,
    _OUTLET_ENDS,
    _PAPERS,
    _PARTISANS,
    _PEOPLE,
    _PERSON_NOUNS,
    _PLACE_PREPS,
    _POSSESSED,
    _PREPS,
    _PRONOUNS,
    _SUBJECT_NAME,
    _TITLED_NAME,
    _TITLES,
    _TOPIC_FOR,
    _WEEKDAYS,
    QUANTIFIER_PRONOUNS,
    Mention,
    Range,
    _acronym_of,
    _acronym_spelled,
    _clean,
    _different_people,
    _gender_of,
    _head_of,
    _is_cap,
    _is_title,
    _is_title_role,
    _labelled_person,
    _last,
    _name_before_role,
    _not_a_name,
    _other_generation,
    _pair_member,
    _past_verb,
    _place_after_preposition,
    _stems,
    _strip_det,
    _two_full_names,
    affiliation_of,
    country_of,
    first_name_gender,
    is_person_word,
    is_place_name,
    parse_mention,
)
from spinscope.attribution.roles import clean_role, opens_with_time
from spinscope.attribution.surnames import introduced_in_full
from spinscope.attribution.text import find_quotes

__all__ = ["Resolution", "Speaker", "resolve_speakers", "resolve_speakers_traced"]


@dataclass
class Speaker:
    """A canonical speaker and the attributions resolved to it.

    Attributes:
        id: index in the article's speaker list.
        name: canonical name (the longest written form), or ``None`` if never named.
        role: role/title from pre-modifiers and appositives, if the text gives one.
        affiliation: organisation or country from the role, if any.
        gender: ``"m"``/``"f"`` when the text makes it clear (for pronouns), else ``None``.
        mentions: character ranges of the source mentions.
        attributions: indices of the attributions (in the order given to :func:`resolve_speakers`).
    """

    id: int
    name: str | None
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None
    mentions: list[Range] = field(default_factory=list)
    attributions: list[int] = field(default_factory=list)
    #: the people a coordinated source names together (``de Blasio and Cuomo``)
    members: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # "Bashar Assad'" cut from "Bashar Assad's": a name never ends in an apostrophe
        if self.name is not None:
            self.name = self.name.rstrip("’'").strip() or None

    @property
    def anonymous(self) -> bool:
        return self.name is None

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "affiliation": self.affiliation,
        }


@dataclass(frozen=True, slots=True)
class Resolution:
    """How one source was linked to its speaker: what the speaker confidence reads.

    Attributes:
        mention: the source as the resolver took it: ``"name"``, ``"pronoun"``,
            ``"description"`` or ``"joint"`` (people named together).
        parsed: the source's own kind before the article's text rewrote it (``"King"``
            parsed a description, taken as the name "Don King" written before).
        linked: ``"new"`` (a speaker first met here), ``"earlier"`` (a speaker an
            earlier source or the text introduced) or ``"shared"`` (a source shared
            by coordinated cues, resolved at its first cue).
        gap: characters from where the speaker was last written to the source
            (quotations counted), ``None`` when not within the resolver's window.
        speakers: how many speakers the article had before this source.
    """

    mention: str
    parsed: str
    linked: str
    gap: int | None
    speakers: int


def _speech_noun_after(text: str, pos: int) -> bool:
    """Is the word after ``pos`` (past spaces) a noun of something said?"""
    m = re.compile(r"\s*([a-z]+)\b").match(text, pos)
    return m is not None and m.group(1) in SPEECH_NOUNS


def _role_stems(speakers: Sequence[Speaker]) -> set[str]:
    return {st for sp in speakers for st in _stems(sp.role or "")}


def resolve_speakers(
    text: str, sources: Sequence[Range | None], embedded: Collection[int] = ()
) -> tuple[list[Speaker], list[int | None]]:
    """Speakers of an article and, per source, the speaker index (``None``: no source).

    See :func:`resolve_speakers_traced`."""
    speakers, links, _ = resolve_speakers_traced(text, sources, embedded)
    return speakers, links


def resolve_speakers_traced(
    text: str, sources: Sequence[Range | None], embedded: Collection[int] = ()
) -> tuple[list[Speaker], list[int | None], list[Resolution | None]]:
    """Speakers of an article and, per source, the speaker index (``None``: no source)
    and how it was reached (``None`` where no speaker was).

    ``embedded``: indices of sources written inside another attribution's content
    (``He recalled that Trump told a crowd, “…”``); a pronoun after them does not refer
    to a speaker only they name (the report is the subject's, not theirs)."""
    speakers: list[Speaker] = []
    links: list[int | None] = []
    recent: list[int] = []  # speaker ids, most recent last
    spoken: set[int] = set()  # speakers with a source outside other attributions' content
    how: list[Resolution | None] = []

    def touch(sid: int, k: int, src: Range, m: Mention | None, parsed: str, known: int) -> None:
        sp = speakers[sid]
        if m is None:
            how.append(Resolution(parsed, parsed, "shared", None, known))
        else:
            seen = _last_seen(text, src[0], sp) if sid < known else -1
            how.append(
                Resolution(
                    "joint" if m.joint else m.kind,
                    parsed,
                    "earlier" if sid < known else "new",
                    src[0] - seen if seen >= 0 else None,
                    known,
                )
            )
        sp.mentions.append(src)
        sp.attributions.append(k)
        if sid in recent:
            recent.remove(sid)
        recent.append(sid)
        if k not in embedded:
            spoken.add(sid)
        links.append(sid)

    def new(m: Mention) -> int:
        sp = Speaker(
            id=len(speakers),
            name=m.name,
            role=m.role if m.role is None or m.kind != "description" else _strip_det(m.role),
            affiliation=affiliation_of(m.role)
            or (
                m.name
                if m.kind == "name" and m.role is None and len((m.name or "").split()) == 1
                else None
            ),
            gender=m.gender,
            members=list(m.members) if m.joint else [],
        )
        speakers.append(sp)
        return sp.id

    resolved: dict[Range, tuple[int, str]] = {}  # a source shared by coordinated cues: one speaker
    for k, src in enumerate(sources):
        if src is None:
            links.append(None)
            how.append(None)
            continue
        if src in resolved:
            # "X wasted no time, going on television and posting comments": both cues
            # have the one subject, whose speaker was found at its first cue
            touch(resolved[src][0], k, src, None, resolved[src][1], len(speakers))
            continue
        if (
            re.match(r"[’'](?:\s|$)", text[src[1] : src[1] + 2])
            and text[src[1] - 1] in "sS"
            and not _speech_noun_after(text, src[1] + 1)
        ):
            # "According to Minneapolis’ local newspaper": the possessor of the source,
            # not the source ("the neocons’ claims that": the claims' speaker)
            links.append(None)
            how.append(None)
            continue
        if _place_after_preposition(text, src):
            # "captured on video in Tehran, Iran chanting “…”": the place is where the
            # words were said, the one saying them is the clause's subject
            links.append(None)
            how.append(None)
            continue
        known = len(speakers)
        described = _described_by_relation(text, src)
        m = (
            Mention("description", role=described, definite=False, text=described)
            if described
            else parse_mention(text[src[0] : src[1]])
        )
        parsed = m.kind
        if m.kind == "description" and (owner := _document_owner(m.role or m.text)) is not None:
            # "The embassy's health alert says": the words of the one whose document it is
            if owner.kind != "description" or not _is_title(_head_of(owner.role or "")):
                m = owner
            elif holder := _office_holder(text, owner.role or "", src[0]):
                # "the Attorney General's statement": the person the article named with
                # that office; with none named, the document stays the source (the
                # office alone would go to whoever bears a like word, "Attorney Jo Roe")
                m = Mention("name", name=holder, role=_strip_det(owner.role or ""), text=m.text)
        if m.kind != "name" and (apposed := _name_before_role(text, src, m)) is not None:
            # "“…,” Jo Roe, a writer on the movement remarked": the appositive's closing
            # comma is missing, and the source found is the role without its name
            m = apposed
        if m.kind == "name" and (labelled := _labelled_person(text, src, m)) is not None:
            # "Crash Victim: “…”": a headline's label describes the person the article
            # goes on to name ("crash victim Jo Roe"), it is nobody's name
            m = labelled
        if m.kind == "name" and (group := _headline_group(text, src, m)) is not None:
            # "Muslim Leader Calls for …", "French Authorities Blame …": a headline's
            # people described by where they are from or what they believe, no name
            m = group
        if (
            m.kind == "name"
            and not m.members
            and re.sub(r"^(?:the|an?) ", "", (m.name or "").lower())
            in _GROUP_ADJECTIVES | _PARTY_MEMBERS
            and _PEOPLE_WORD_DESCRIBED.fullmatch(m.text)
            and not re.search(r"\b(?:of|for|from|with|by|to|in|on|at|who|named)\b", m.text)
        ):
            # "The Syrian had previously thanked …", "every Republican", "a Catholic
            # magazine": a word of a people, a faith or a party with an article, a
            # quantifier or a noun after it describes, no name
            m = Mention(
                "description",
                role=m.text,
                definite=m.text.lower().startswith("the "),
                text=m.text,
            )
        if (
            m.kind == "name"
            # "New Jersey State Police … Police released": the last word of a body
            # that has spoken stands for it
            and not any(_last(sp.name or "-") == (m.name or "").lower() for sp in speakers)
            and (common := _common_word_name(text, src, m)) is not None
        ):
            # "Warrants Show Police Never Searched …", "Agents identified …": a common
            # word capitalised by its place is no name; it is what it is in lower case
            m = common
        if m.kind == "description" and (issuer := _named_issuer(text, src[0], m)) is not None:
            # "The plan, authored by the Acme Institute, … “…,” the plan states": the
            # document's words are those of who the article said wrote it
            m = issuer
        if (
            m.kind == "description"
            and re.fullmatch(r"[A-Z][a-z’'-]+", m.text)
            and (full := _full_name_written(text[: src[0]], m.text, month_ok=True))
        ):
            # "King said" after "Don King": the surname of a person named, no title
            first = full.split()[0]
            m = Mention("name", name=full, gender=first_name_gender(first), text=m.text)
        if m.kind == "name" and (full := _surname_in_full(text[: src[0]], m)) is not None:
            # "Mr Hancock responded" after "Health secretary Matt Hancock": the person
            # the article named in full, not a second speaker known by a surname
            # (its gender stays what the mention says: a pronoun's link is not to move)
            m = replace(m, name=full)
        if m.kind == "description" and (titled := _titled_month_name(text[: src[0]], m)):
            m = titled
        if m.kind == "name" and (spelled := _acronym_spelled(text[: src[0]], m.name)):
            # "the Anti-Defamation League (ADL) … The ADL described": the body the
            # article spelled out, however it was named since
            m = Mention("name", name=spelled, role=m.role, text=m.text)
        if m.members and not m.joint and _named_people(text, src[0], m.members, speakers):
            # "Cuomo and de Blasio" after the article has named both: two people
            m = Mention(
                "name", name=" and ".join(m.members), text=m.text, members=m.members, joint=True
            )
        sid: int | None = None
        if m.kind == "name" and m.joint:
            key = {_last(x) for x in m.members}
            sid = next(
                (c for c in reversed(recent) if {_last(x) for x in speakers[c].members} == key),
                None,
            )
        elif m.kind == "name" and m.name:
            mname = m.name
            last = _last(mname)
            name_set = {w.lower() for w in m.name.split()}
            for cand in reversed(recent):
                sp = speakers[cand]
                if not sp.name:
                    continue
                if sp.members:
                    # one of a pair named together before: that person alone
                    member = next((x for x in sp.members if _last(x) == last), None)
                    if member is not None and not _different_people(mname, member):
                        mname = mname if len(mname) > len(member) else member
                        m = Mention("name", name=mname, role=m.role, gender=m.gender, text=m.text)
                        sid = next((c for c in reversed(recent) if speakers[c].name == mname), None)
                        break
                    continue
                if (member := _pair_member(sp.name, mname)) is not None:
                    # "Jo Roe and Al Poe debated …" kept whole (neither first name
                    # known), then "Poe" alone: one of two people, not the pair
                    m = Mention("name", name=member, role=m.role, gender=m.gender, text=m.text)
                    mname = member
                    sid = next((c for c in reversed(recent) if speakers[c].name == member), None)
                    break
                cwords = {w.lower() for w in sp.name.split()}
                if _acronym_of(mname, sp.name):
                    # "the NRA" after "the National Rifle Association": one organisation
                    sid = cand
                    break
                if _different_people(mname, sp.name) or _other_generation(text, mname, sp.name):
                    continue  # "Mira Vane" is not "Harold Vane"
                if (
                    _last(sp.name) == last
                    # "Trump" alone is not "the Trump campaign"
                    or (len(name_set) == 1 and name_set <= cwords and _is_person(sp) is not False)
                    or (len(cwords) == 1 and cwords <= name_set)
                ):
                    sid = cand
                    break
            if sid is not None:
                sp = speakers[sid]
                if len(mname) > len(sp.name or ""):
                    sp.name = mname
                if (
                    m.role
                    and not _bare_possessor(m.role)
                    and (not sp.role or _bare_possessor(sp.role))
                ):
                    # "KISS’ Gene Simmons … KISS front man Gene Simmons": a role
                    # says more than the possessor alone
                    sp.role = m.role
                    sp.affiliation = affiliation_of(m.role)
                if m.gender and not sp.gender:
                    sp.gender = m.gender
        elif m.kind == "pronoun":
            # a pronoun does not go back to a person only quoted inside another's report
            heard = [c for c in recent if c in spoken or not speakers[c].attributions]
            sid = _resolve_pronoun(text, src, m, speakers, heard, new)
            if sid is None:
                links.append(None)  # unresolved: the source stays, with no speaker
                how.append(None)
                continue
        else:  # description
            desc = m.role or m.text
            head = _head_of(desc)
            if m.definite and _strip_det(desc).lower() in _PAIR_NOUNS:
                # "Ms Geller … and Mr Spencer … the pair said": the two people the
                # article named together last
                sid = _pair_speaker(text, src[0], m.text, speakers, recent, new)
            if m.definite and re.search(r"\b[Tt]o which\s+$", text[max(0, src[0] - 12) : src[0]]):
                # "Clinton said Reed was rooting for a crash, to which the mogul
                # responded": the one the clause before spoke of, not the one speaking
                # in it; with no such person, no one is guessed
                sid = _answering_person(text, src[0], speakers, recent, new)
                sid = new(m) if sid is None else sid
            if m.definite and head in _ISSUED:
                # "The university released a statement … “…,” the statement said": the
                # statement is the words of the one who released it
                sid = _issuer(text, src[0], head, speakers, recent)
            if (
                sid is None
                and m.definite
                and head in _DOC_NOUNS
                and _strip_det(desc).lower() == head
            ):
                # "The letter, written by Hale, claims … “…,” the letter says": the one
                # the article gave that document to ("the 236-page report", described
                # anew, may be another document)
                sid = _document_author(text, src[0], head, speakers, recent)
            if sid is None and m.definite and _introduced_unnamed(text, src[0], desc):
                # "a former senior official said … the former senior official said": the
                # person the article introduced so, and never named
                sid = next(
                    (
                        c
                        for c in reversed(recent)
                        if speakers[c].name is None
                        and _strip_det(speakers[c].role or "").lower() == _strip_det(desc).lower()
                    ),
                    None,
                )
                sid = new(m) if sid is None else sid
            if sid is None and m.definite:
                # "a Clinton aide said … the aide said": the unnamed speaker the article
                # described with the same noun, not someone named in between
                sid = _unnamed_same_head(desc, head, speakers, recent)
            if (
                sid is None
                and _strip_det(desc).lower() == "source"
                # the source found may leave out its demonstrative ("That source said")
                and (m.definite or re.search(r"\b(?:[Tt]hat|[Tt]his) $", text[: src[0]][-6:]))
            ):
                # "a former official told CNN … That source said": the unnamed person
                # who spoke last
                sid = _last_unnamed_source(text, src[0], speakers, recent)
            if sid is None and _strip_det(desc).lower() in _KIND_NOUNS and m.definite:
                # "the White House Correspondents’ Association … “…,” the group wrote":
                # the organisation (or the paper) the article named last
                sid = _named_of_kind(text, src[0], _strip_det(desc).lower(), speakers, recent, new)
                if sid is None:
                    # "the group said" … "The group also passed": the body the article
                    # called so before, when no other has spoken since
                    sid = _body_called_so(text, desc, speakers, recent)
            if sid is None and (head in PERSON_HEADS or _gender_of(head)):
                # "his son Eric ... President Trump’s second son argued": the person the
                # article introduced with the same noun
                sid = _introduced(text, src[0], head, m.gender, speakers, recent, new, desc)
                if sid is not None and not speakers[sid].role:
                    speakers[sid].role = _strip_det(desc)
            if sid is None and m.definite and head in _GROUP_ADJECTIVES:
                # "Malek, a Syrian refugee, stabbed …" … "The Syrian had previously
                # thanked": the one speaker the article gave that adjective in apposition
                sid = _apposed_speaker(text, src[0], head, speakers, recent)
            if sid is None and m.definite and (head in PERSON_HEADS or _is_title(head)):
                # "Dr. Jo Roe, the founder and senior pastor of …" … "Roe said" … "The
                # pastor warned": the one speaker the article gave that noun in apposition
                sid = _apposed_speaker(text, src[0], head, speakers, recent)
            if (
                sid is None
                and m.definite
                and re.fullmatch(r"[a-z-]+ [a-z-]+", _strip_det(desc))
                and _strip_det(desc).split()[0] not in _GENERIC_MODIFIERS
            ):
                # "Irmgard Lehner, the pastoral assistant of the church" … "The pastoral
                # assistant adds": a description of two words the article gave one
                # speaker in apposition, whatever its noun
                sid = _apposed_speaker(text, src[0], _strip_det(desc), speakers, recent)
            if sid is None and m.definite and _strip_det(desc).lower() in _SEXED:
                # "Jo Roe detailed … The man then goes on to explain": the person in
                # focus, of that sex, unless the article brought in an unnamed one
                sid = _sexed_person(text, src[0], _strip_det(desc).lower(), speakers, recent)
            if (
                sid is None
                and m.definite
                and _AGE_NOUN.fullmatch(head)
                and (aged := _aged_person(text, src[0]))
            ):
                # "Among them was student Dana Price … the 24-year-old said": the person
                # the sentence before introduced, in whatever place of it
                sid = next((c for c in reversed(recent) if _last_is(speakers[c], aged)), None)
                if sid is None:
                    sid = new(Mention("name", name=aged, role=_strip_det(desc)))
            if (
                sid is None
                and m.definite
                and (head in _DESCRIBED or _AGE_NOUN.fullmatch(head) is not None)
                and head not in _GENERIC_HEADS
                and head not in _FUNCTION_HEADS
            ):
                # "the Arizona Republican", "the former mayor", "the 24-year-old": the
                # person in focus
                sid = _most_salient(
                    text,
                    src[0],
                    speakers,
                    recent,
                    m.gender,
                    persons_only=True,
                    text_mentions=False,
                    exclude=frozenset(
                        c
                        for c in recent
                        if _other_occupation(desc, speakers[c])
                        or _addressed(text, src, speakers[c])
                        or _party_untold(text, desc, speakers[c])
                    ),
                )
                known_at = (
                    _last_seen(text, src[0], speakers[sid], text_mentions=False)
                    if sid is not None
                    else -1
                )
                # a person named since the last speaker is the one described
                named = _named_before(text, src[0], m.gender, speakers, recent, new, after=known_at)
                sid = sid if named is None else named
            if sid is None and m.definite:
                # "the release", "the scientists": the unnamed source the article has
                # already described so
                sid = next(
                    (
                        c
                        for c in reversed(recent)
                        if speakers[c].name is None
                        and _strip_det(speakers[c].role or "").lower() == _strip_det(desc).lower()
                    ),
                    None,
                )
            if (
                sid is None
                and m.definite
                and head in _ORG_WORDS | _ISSUED
                # "the Reed campaign said" names its own organisation: no other one
                and not any(_is_cap(w) for w in desc.split()[1:-1])
            ):
                # "the campaign said": the organisation the article has named with that
                # noun ("the Trump campaign", "Donald Trump's campaign")
                sid = _named_organisation(text, src[0], head, speakers, recent, new)
            if (
                sid is None
                and m.definite
                and (head in _BUSINESS_HEADS or head in _OUTLET_NOUNS or head == "force")
            ):
                # "Acme told Fox News … “…,” the company said", "The lawsuit was
                # announced by CNN. The network is also asking": the organisation the
                # sentence before gave as a source
                sid = _previous_organisation(text, src[0], speakers, recent)
                if (
                    sid is not None
                    and head in _OUTLET_NOUNS
                    and _is_person(speakers[sid]) is not False
                ):
                    # an outlet goes by a name no one bears: "Jo Roe said … the network
                    # said" is no person's network
                    sid = None
            if sid is None and _strip_det(desc).lower() == "company":
                # "Acme Foods faces a fine. “…,” (the) company said": the firm the article
                # named last by a business's name, though it was no source before
                # (a bare "company" leaves out its article, as a headline does)
                sid = _named_of_kind(text, src[0], "company", speakers, recent, new)
            if (
                sid is None
                and m.definite
                and (head in _GENERIC_HEADS or head[:5] in _role_stems(speakers))
            ):
                stems = _stems(desc)
                for cand in reversed(recent):
                    sp = speakers[cand]
                    if not sp.name or (sp.role is None and len(sp.name.split()) == 1):
                        continue  # "the Russian official" is a person, not "Russia"
                    about = f"{sp.name} {sp.role or ''} {sp.affiliation or ''}"
                    if _other_office(desc, sp.role or ""):
                        continue  # "the secretary of state" is not "the press secretary"
                    if stems & _stems(about) - {"offic"}:
                        sid = cand
                        break
                if (
                    sid is None
                    and (head in _GENERIC_HEADS or head in PERSON_HEADS)
                    and head not in _FUNCTION_HEADS
                    # "the Smiths' spokesman" speaks for someone: not the person last
                    # named ("Massachusetts's governor" holds an office: still may be)
                    and not (head in _AGENT_HEADS and _POSSESSED.search(desc))
                ):
                    # "the official": the person last named, or an unnamed person who
                    # spoke since ("Her adviser said … the official said"); never for a
                    # document or a group ("the legislation", "the scientists")
                    # (not one the article knows by another occupation: "the senator"
                    # is not "a senior fellow at the Foundation")
                    sid = next(
                        (
                            c
                            for c in reversed(recent)
                            if (speakers[c].name or _described_person(speakers[c]))
                            and _is_person(speakers[c]) is not False
                            # an adviser or an aide is an official all the same
                            and not (
                                _other_occupation(desc, speakers[c])
                                and (speakers[c].name or head != "official")
                            )
                            and not _addressed(text, src, speakers[c])
                            # "the spokeswoman" is no man: a role noun's gender agrees
                            and not _gender_clash(text, speakers[c], m.gender)
                        ),
                        None,
                    )
                    if sid is not None and m.gender is not None:
                        # "Prosecutor Bieler said … Karin Witt is not better. The
                        # spokeswoman said": a person named since the last speaker is
                        # the one a gendered role noun describes
                        seen = _last_seen(text, src[0], speakers[sid], text_mentions=False)
                        named = _named_before(
                            text, src[0], m.gender, speakers, recent, new, after=seen
                        )
                        sid = sid if named is None else named
                if sid is None and head in PERSON_HEADS:
                    # "the General said": the officer the article has just named
                    sid = _named_before(text, src[0], m.gender, speakers, recent, new)
            if sid is None:
                for cand in reversed(recent):
                    sp = speakers[cand]
                    if sp.name is None and (sp.role or "").lower() == desc.lower():
                        sid = cand
                        break
            if (
                sid is not None
                and m.definite
                and not _holds_office(text, speakers[sid], head)
                and not _untitled_last_speaker(text, src[0], speakers[sid], recent)
            ):
                # "Judge Robert Lasnik granted … the president tweeted": an office one
                # person holds is not whoever was named last; better no name
                sid = None
            if sid is not None and _plural_head(desc) and not _is_plural(speakers[sid]):
                # "the German bishops halted …" after "Weinandy, of the Bishops’
                # Committee": people described in the plural are never one person
                sid = None
        if sid is None and m.kind == "description":
            words = (m.role or "").split()
            head = words[-1].lower() if words else ""
            if (
                any(_is_cap(w) for w in words[1:])
                and words[-1][:1].islower()
                # "the paper published by Fa and his associates": a name after a
                # preposition or a participle is no part of an institution's name
                and not any(
                    w in _HEAD_PREPOSITIONS | _LINKS or w.endswith("ed")
                    for w in words[1 : max(k for k, w in enumerate(words) if _is_cap(w))]
                )
                # "a senior Reed aide granted anonymity": a person noun or a participle
                # after the name makes a person described, not an institution
                and not any(
                    w.lower() in PERSON_HEADS or (w.endswith("ed") and not _is_cap(w))
                    for w in words[1:]
                )
                and head not in _GENERIC_HEADS
                and head not in _GENERIC_NOUNS
                and head not in PERSON_HEADS
                and not _gender_of(head)
                # "a former Senate staffer", "A San Francisco jury", "The FBI summary",
                # "Fox News hosts": one described, or a document, never a body's name
                and words[0].lower() not in ("a", "an", "another", "one")
                and not _people_word(head)
                and not _is_title(head)
                and not _document_word(head)
                # "determine Senate majority", "The President's interest": a verb before
                # the name, or a possessor, makes no institution
                and (words[0].lower() in _DETS or _is_cap(words[0]))
                and not any(re.search(r"[’']s$", w) for w in words)
            ):
                # "The Syrian government", "the Kremlin press office": a named institution
                # ("President Trump’s second son" is a person described)
                inst = " ".join(words[1:] if words[0].lower() in _DETS else words)
                m = Mention("name", name=inst, text=m.text)
                for cand in reversed(recent):
                    if (speakers[cand].name or "").lower() == inst.lower():
                        sid = cand
                        break
        if sid is None:
            if m.kind == "pronoun":
                sid = new(Mention("description", role=m.text, text=m.text))
            else:
                sid = new(m)
        resolved[src] = (sid, parsed)
        touch(sid, k, src, m, parsed, known)
    for sp in speakers:
        # a one-word name stood as its own affiliation ("Russia", "KISS"); a person's
        # surname is none (checked once the person is known, below)
        lone = (
            sp.affiliation
            if sp.name and sp.affiliation and sp.affiliation == sp.name.split()[-1]
            else None
        )
        if sp.name and not sp.members and " " not in sp.name and first_name_gender(sp.name):
            sp.name = _full_name(text, sp.name)
        elif (
            sp.name
            and not sp.members
            and " " not in sp.name
            and (full := _name_written_after(text, sp))
        ):
            sp.name = full
        elif not sp.members and (sp.name is None or " " not in sp.name) and sp.mentions:
            _name_described(text, sp)
        if (
            sp.name is None
            and sp.role
            and sp.mentions
            and (
                (holder := _office_holder(text, sp.role, sp.mentions[0][0]))
                or (holder := _named_by_head(text, sp))
                or (holder := _administration_head(text, sp.role))
            )
        ):
            sp.name = holder
        elif sp.name and sp.mentions and (holder := _abbreviated_office(text, sp)):
            sp.name, sp.role = holder, sp.name
        elif not sp.members and sp.mentions and (holder := _introduced_next(text, sp)):
            sp.name, sp.role = holder, sp.role or sp.name
        if (
            sp.name
            and not sp.members
            and not sp.role
            and sp.mentions
            and (intro := introduced_in_full(text, sp.name, min(sp.mentions)[0], sp.gender))
        ):
            # "Chief Education Officer Dr Ramona Archer-Bradshaw … Archer-Bradshaw said":
            # the person is shown as introduced; linking went on by the surname, as the
            # pronouns that follow know the person
            sp.name, sp.role = intro
            sp.affiliation = sp.affiliation or affiliation_of(sp.role)
        if (
            lone is not None
            and sp.affiliation == lone
            and not country_of(lone)
            and (
                sp.name != lone
                or sp.gender is not None
                or _is_person(sp) is True
                or _written_as_person(text, lone)
            )
        ):
            # "Biden said" completed to Joe Biden, "Rubio … he said": a person's surname
            # is no body they speak for
            sp.affiliation = affiliation_of(sp.role)
        role = clean_role(sp.role)
        if role != sp.role:
            # "Last week Pope" is "Pope", "Rather than making a straightforward" no role
            if sp.affiliation and sp.affiliation != sp.name and sp.affiliation not in (role or ""):
                sp.affiliation = affiliation_of(role)
            sp.role = role
    _merge_same_names(speakers, links)
    for k, sid in enumerate(links):
        if sid is not None and speakers[sid].name is None and speakers[sid].role is None:
            # a description that was only the sentence's opening words names no one
            links[k] = None
            how[k] = None
    return speakers, links, how


def _written_as_person(text: str, surname: str) -> bool:
    """Does the text write ``surname`` after a known first name (a middle initial maybe
    between) or a person's title (``Joe Biden``, ``David A. Clarke``, ``Sen. Rubio``)?"""
    for m in re.finditer(rf"\b([A-Z][a-z]+)\.?(?: [A-Z]\.)? {re.escape(surname)}\b", text):
        if first_name_gender(m.group(1)) or _is_title(m.group(1)):
            return True
    return False


def _merge_same_names(speakers: list[Speaker], links: list[int | None]) -> None:
    """Link the attributions of a speaker shown under the name of an earlier person
    speaker to that one (``An Ohio judge``, named Robert Milich once the article is
    read, and ``Milich said``, completed to the same name): one person, one row."""
    first: dict[str, int] = {}
    for sp in speakers:
        if not sp.name or sp.members or " " not in sp.name or _is_person(sp) is False:
            continue
        key = sp.name.lower()
        if key not in first:
            first[key] = sp.id
            continue
        keep = speakers[first[key]]
        for k in sp.attributions:
            if links[k] == sp.id:
                links[k] = keep.id
        keep.attributions = sorted({*keep.attributions, *sp.attributions})
        keep.mentions = sorted({*keep.mentions, *sp.mentions})
        keep.role = keep.role or sp.role
        keep.affiliation = keep.affiliation or sp.affiliation
        keep.gender = keep.gender or sp.gender
        sp.attributions, sp.mentions = [], []


def _common_word_name(text: str, src: Range, m: Mention) -> Mention | None:
    """A one-word name that is a common word capitalised by its place
    (:func:`capitals.common_word`): what that word is in lower case, a description
    (``Agents`` as ``agents``) or nothing (``More``, ``Warrants`` standing for no
    speaker), keeping the role written with it as a description (``New Mexico Jihadis’
    Defense Attorney``). ``None`` for any other mention."""
    name = m.name or ""
    if m.members or not name:
        return None
    first = name.split()[0]
    if (
        " " in name
        and first.lower() in _QUANTIFIERS - {"most"}
        and capitalised_by_position(text, text.find(name, src[0], src[1]))
    ):
        # "More UK Sharia: Firefighter Suspended …": a quantifier opens a headline's
        # phrase, no name ("Most Rev. Jo Roe" keeps a title's "Most"); "Many
        # African-Americans" are people described
        if _people_word(name.split()[-1].lower()):
            return Mention("description", role=name, definite=False, text=m.text)
        return Mention("pronoun", text=m.text)
    if " " in name:
        return None
    if not m.role and _lone_label(text, src, name):
        # "Flashback: …", "SCOOP: …", "Complaint: https://…": a page's label before a
        # colon, a word the article writes nowhere else, is no speaker's name
        return Mention("pronoun", text=m.text)
    at = text.find(name, src[0], src[1])
    if at < 0 or not capitalised_by_position(text, at):
        return None
    if m.role:
        # "Jihadis’ Defense Attorney:": a word before a role noun in a headline, which
        # the article never writes as a name mid-sentence, is part of the role ("The
        # newspaper": a common word before one in lower case)
        titled = re.match(rf"{re.escape(name)} [A-Z]", text[at : src[1]]) is not None
        if not common_word(text, name, lower_seen=not titled):
            return None
        return Mention("description", role=_clean(m.text), definite=False, text=m.text)
    if not common_word(text, name):
        return None
    low = parse_mention(name.lower())
    word = name.lower()
    if low.kind != "description" or not _people_word(word):
        # "Warrants Show …", "Records show", "Fireworks shows": a document or a thing
        # says nothing of who speaks
        return Mention("pronoun", text=m.text)
    return Mention("description", role=name, gender=low.gender, definite=False, text=m.text)


#: a word of a people, a faith or a party after an article or lowercase words, or
#: before lowercase words (``The Syrian``, ``every Republican``, ``A Catholic magazine``)
_PEOPLE_WORD_DESCRIBED = re.compile(
    r"(?:[a-z][\w-]* |[Tt]he |An? ){1,3}[A-Z][a-z]+|(?:An? )?[A-Z][a-z]+(?: [a-z][\w-]*){1,2}"
)
#: adjectives of a people, a faith or a region, capitalised wherever they are written
#: ("a Muslim leader", "French authorities"), which open a description, never a name
_GROUP_ADJECTIVES = frozenset(_DEMONYMS) | frozenset(
    [
        *("muslim", "islamic", "christian", "jewish", "catholic", "hindu", "sikh"),
        *("buddhist", "arab", "european", "african", "asian", "western", "mexican"),
        *("canadian", "australian", "italian", "spanish", "polish", "indian"),
        *("pakistani", "afghan", "egyptian", "palestinian", "swiss", "belgian"),
        *("austrian", "norwegian", "hungarian", "japanese", "korean", "libyan"),
        *("persian", "greek", "roman", "ottoman", "mongol"),
    ]
)


def _headline_group(text: str, src: Range, m: Mention) -> Mention | None:
    """A headline's source made of an adjective of a people, a faith or a region and a
    noun for people, all capitalised by the headline's title case (``Muslim Leader``
    of ``Muslim Leader Calls for …``, ``French Authorities`` of ``French Authorities
    Blame …``): the people so described, in lower case (``Muslim leader``); ``None``
    for any other source. The headline's verb, capitalised too, shows the title case:
    in a sentence, ``French Authorities said`` may be a body's name."""
    if m.members or not m.name:
        return None
    words = text[src[0] : src[1]].split()
    if (
        not 2 <= len(words) <= 3
        or words[0].lower() not in _GROUP_ADJECTIVES
        or not capitalised_by_position(text, src[0])
        or not re.match(r"\s+[A-Z][a-z]+\b", text[src[1] : src[1] + 40])
    ):
        return None
    *mid, head = words[1:]
    if (
        not re.fullmatch(r"[A-Z][a-z]+", head)
        or not (
            _people_word(head.lower()) or head.lower() in PERSON_HEADS or common_word(text, head)
        )
        or not all(w.lower() in _GROUP_ADJECTIVES or common_word(text, w) for w in mid)
    ):
        return None
    role = " ".join([words[0], *(w if w.lower() in _GROUP_ADJECTIVES else w.lower() for w in mid)])
    role = f"{role} {head.lower()}"
    low = parse_mention(head.lower())
    return Mention("description", role=role, gender=low.gender, definite=False, text=m.text)


def _lone_label(text: str, src: Range, name: str) -> bool:
    """Is a one-word source a label before a colon opening its line (``Flashback:``), a
    capitalised word the article writes nowhere else, in any case, and no first name? A
    speaker
    labelled so is introduced elsewhere (``Anderson:`` after ``Jo Anderson said``)."""
    word = name.strip(".")
    if (
        not re.match(r"\s*:", text[src[1] : src[1] + 3])
        or not re.search(r"(?:^|\n)\W*$", text[max(0, src[0] - 10) : src[0]])
        # "FLOTUS:", "@JasonMillerinDC:": an office's acronym or an account's handle
        or not re.fullmatch(r"[A-Z][a-z]+", word)
        or first_name_gender(word)
    ):
        return False
    return len(re.findall(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", text, re.I)) == 1


#: endings of nouns for people in the plural ("seminarians", "participants", "liberals")
_PEOPLE_PLURAL = re.compile(r"(?:ians|ists|ants|ents|ers|ors|als|ans|ines)$")


def _document_word(word: str) -> bool:
    """Is a lower-case word a document's or its findings' (``texts``, ``summary``)?"""
    singular = word[:-1] if word.endswith("s") else word
    return word in DOCUMENT_NOUNS or singular in DOCUMENT_NOUNS or singular in _FINDINGS


#: what an inquiry or a count comes up with, and the inquiry itself
_FINDINGS = frozenset(["summary", "estimate", "investigation", "probe", "inquiry", "audit"])


def _people_word(word: str) -> bool:
    """Is a lower-case word one for people, not a document's or a thing's?"""
    if _document_word(word):
        return False
    return _people_noun(word) or _PEOPLE_PLURAL.search(word) is not None


#: ``Jo Roe, a doctor and director of the State Department bureau,`` opening a sentence
_NAME_APPOSED = re.compile(
    r"\s*([A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2}), (?:a|an|the) ([^,.;“”\"]{0,160}),"
)


def _introduced_next(text: str, sp: Speaker) -> str | None:
    """``… a State Department physician told the Senate.`` ``Charles Rosenfarb, a doctor
    and director of the State Department bureau, …``: an unnamed speaker described
    with an indefinite article and an organisation's capitalised name is the person
    the very next sentence opens with, when that person's apposition names the same
    organisation. ``None`` otherwise."""
    s, e = sp.mentions[0]
    words = _clean(text[s:e]).split()
    if len(words) < 3 or words[0].lower() not in ("a", "an"):
        return None
    org = [w for w in words[1:-1] if _is_cap(w) and not _is_title(w)]
    if not org or not words[-1].islower():
        return None
    end = re.search(r"[.!?][”\"]?(?:\s|$)", text[e:])
    if end is None or "\n\n" in text[e : e + end.start()]:
        return None
    m = _NAME_APPOSED.match(text, e + end.end())
    if m is None or " ".join(org) not in m.group(2):
        return None
    name = re.sub(r"\s+", " ", m.group(1))
    if any(_is_title(w) or _not_a_name(w) for w in name.split()):
        return None
    return name if _is_person(Speaker(id=-1, name=name)) is True else None


def _administration_head(text: str, role: str) -> str | None:
    """``The Donald Trump administration gave …`` … ``the president tweeted``: an unnamed
    president is the one person whose administration the article names (``the Jo Roe
    administration``, ``Jo Roe's administration``); ``None`` when it names none, or
    several."""
    if _strip_det(role).lower() != "president":
        return None
    names = {
        fm.group(1)
        for fm in re.finditer(r"\b([A-Z][a-z]+ [A-Z][a-z]+)(?:[’']s)? [Aa]dministration\b", text)
        if not _quoted(text, fm.start())
    }
    if len(names) != 1:
        return None
    (name,) = names
    return name if _is_person(Speaker(id=-1, name=name)) is True else None


#: offices a headline writes abbreviated (``British PM warns``), spelled out
_ABBREVIATED_OFFICES = {
    "PM": "Prime Minister",
    "IG": "Inspector General",
    "AG": "Attorney General",
    "DA": "District Attorney",
}


def _abbreviated_office(text: str, sp: Speaker) -> str | None:
    """``British PM warns …`` … ``Prime Minister Ann Lee said``: a speaker known only by
    an office's abbreviation is the one person the article names with that office
    spelled out; ``None`` when it names none or several so."""
    words = (sp.name or "").split()
    if not words or words[-1] not in _ABBREVIATED_OFFICES:
        return None
    office = r"\s+".join(_ABBREVIATED_OFFICES[words[-1]].split())
    return _one_name_after(text, rf"\b{office}", 0)


#: office nouns one another's synonyms (``Ex-MI6 chief`` … ``former MI6 head Jo Roe``)
_HEAD_SYNONYMS = {"chief": ("chief", "head"), "head": ("head", "chief")}
#: honorifics between an office noun and the name it introduces
_HONORIFIC = r"(?:(?:Sir|Dame|Lord|Lady|Dr\.?|Rev\.?)\s+)?"
#: one capitalised word of a person's name, which may hold an ayin ("Al-‘Ayesh")
_NAME_WORD = r"[A-Z][a-z’'-]+(?:‘[A-Za-z][a-z’'-]*)?"


#: paragraphs before a description (a headline, a lead) that may name its person later
_LEAD_PARAGRAPHS = 2
#: words saying a source is not to be named
_ANONYMOUS = re.compile(r"\banonym|\bnot authori[sz]ed\b|\bunnamed\b|\bnot to be named\b")


def _named_by_head(text: str, sp: Speaker) -> str | None:
    """``A Tory cabinet minister has attacked …`` … ``business minister Tom Ray said``:
    an unnamed speaker a headline or a lead introduces (an indefinite or bare
    description, not one referring back, nor one kept anonymous) by an office noun
    takes the one full name the article later writes right after that noun; a
    capitalised modifier of the description (``Ex-MI6 chief``, ``head of MI6``) picks
    among several (``MI6 head Jo Roe`` and ``defence chief Al Poe``). ``None`` when no
    one, or several people, fit, or when the noun is one anonymous sources go by (``a
    spokesman``, ``an official``)."""
    s, e = sp.mentions[0]
    words = _clean(text[s:e]).split()
    if not words or words[0].lower() in ("the", "this", "that") or re.search(r"[’']s$", words[0]):
        return None
    if len([p for p in re.split(r"\n\s*", text[:s]) if p.strip()]) > _LEAD_PARAGRAPHS:
        # a headline or a lead describes whom the article goes on to name; further on,
        # an unnamed minister may be another one than the minister named
        return None
    if _ANONYMOUS.search(text[s : text.find("\n", e) % (len(text) + 1)]):
        return None  # "a minister, speaking on condition of anonymity": never named
    of = words.index("of") if "of" in words[1:] else 0
    if of and _is_title(words[of - 1]):
        # "a former head of British intelligence agency MI6": the office is the noun
        # before "of", what follows it marks which office
        words = words[of + 1 :] + words[of - 1 : of]
    head = words[-1].lower().split("-")[-1]
    if head not in _TITLES or head in _AGENT_HEADS or head in ("spokesman", "spokeswoman"):
        return None
    lead = rf"\b(?i:{'|'.join(_HEAD_SYNONYMS.get(head, (head,)))})"
    marks = [
        re.escape(w)
        for w in re.sub(r"^(?i:ex|former)-", "", " ".join(words[:-1])).split()
        if _is_cap(w) and not _is_title(w) and w.lower() not in _DETS
    ]
    if marks:
        # "Ex-MI6 chief": the office written with the same modifier, if the article does
        marked = rf"\b(?:{'|'.join(marks)})\s+(?:\w+\s+){{0,2}}" + lead[2:]
        if (holder := _one_name_after(text, marked, e)) is not None:
            return holder
        # "Defense Attorney:" is not "District Attorney Jo Roe": an office another
        # capitalised modifier marks may be another office
        return _one_name_after(text, lead, e, unmarked=True)
    return _one_name_after(text, lead, e)


#: a modifier right before an office that makes it another, lesser office
_LESSER_OFFICE = re.compile(r"\b(?:Deputy|Assistant|Associate|Vice|Under|Deputy-)\s*$")


def _one_name_after(text: str, lead: str, start: int, *, unmarked: bool = False) -> str | None:
    """The one person's full name the text writes right after the pattern ``lead`` (an
    office; an honorific may come between) from ``start`` on, outside quotations;
    ``None`` when it writes none, several, a second office or something no person's
    name. A surname after a known first name is a name, even a month's (``Theresa
    May``) or one shaped like a plural noun (``Jeff Sessions``); an office a modifier
    makes another (``Deputy Attorney General``) names no holder of it. With
    ``unmarked``, an office after a capitalised word (``District Attorney``) may be
    another office than the one meant: no one is chosen."""
    names: dict[str, str] = {}
    word = _NAME_WORD
    pattern = rf"{lead}\s+{_HONORIFIC}({word}(?:\s+{word}){{1,2}})"
    for fm in re.finditer(pattern, text[start:]):
        if _quoted(text, start + fm.start()):
            continue
        if _LESSER_OFFICE.search(text, 0, start + fm.start()):
            continue  # "Deputy Attorney General Rod Roe" holds another office
        if unmarked and marking_word_before(text, start + fm.start()):
            return None  # "Health minister Tom Ray": another office, or the one meant
        name = re.sub(r"\s+", " ", re.sub(r"[’']s$", "", fm.group(1)))
        ws = name.split()
        # a surname after a known first name is a name, even a month's or one shaped
        # like a plural noun ("Theresa May", "Jeff Sessions")
        surname_ok = first_name_gender(ws[0]) is not None
        if _is_title(ws[0]) or any(_not_a_name(w) for w in ws[: -1 if surname_ok else None]):
            return None  # "minister Prime Minister …", a second office: nothing to trust
        if len(name) > len(names.get(ws[-1], "")):
            names[ws[-1]] = name
    if len(names) != 1:
        return None
    (holder,) = names.values()
    return holder if _is_person(Speaker(id=-1, name=holder)) is True else None


def _office_holder(text: str, role: str, pos: int) -> str | None:
    """``Hungarian Prime Minister: ‘…’`` … ``Prime Minister Viktor Orbán warned``: the
    one person the article names with the capitalised office that ends an unnamed
    speaker's description (``Hungary’s Prime Minister``); ``None`` when the article
    names none or several people so (``President Biden`` and ``President Macron``).
    A lowercase office (``the bishop`` after ``Bishop Barros``) refers back: only the
    names before the speaker's first mention at ``pos`` count."""
    words = _strip_det(role).split()
    k = len(words)
    while k > 0 and words[k - 1][:1].isalpha() and _is_title(words[k - 1]):
        k -= 1
    office = words[k:]
    if not office or office[-1].lower() in _OFFICE_MODIFIERS:
        return None
    if not all(_is_cap(w) for w in office):
        if k > 0 or len(office) > 1:
            return None  # "the city's bishop", "the vice president": a part of the office
        text = text[:pos]
        office = [office[0].capitalize()]
    pattern = r"\s+".join(re.escape(w) for w in office)
    names: dict[str, str] = {}
    for fm in re.finditer(rf"\b{pattern}\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,2}})", text):
        if _quoted(text, fm.start()):
            continue
        if (mark := marking_word_before(text, fm.start())) and mark not in words[:k]:
            continue  # "Defense Attorney:" is not "District Attorney Jo Roe"
        name = re.sub(r"\s+", " ", fm.group(1))
        if (owned := re.match(r"(.*?[A-Za-z])(?:[’']s?)(?:\s|$)", name)) is not None:
            # "Pope Francis' October 2016 letter": the name ends at its possessive
            name = owned.group(1)
        if _is_title(name.split()[0]) or any(_not_a_name(w) for w in name.split()):
            return None  # "Prime Minister Office", a second office: no name to trust
        full = name if " " in name else (_full_name_written(text, name) or name)
        last = full.split()[-1]
        if len(full) > len(names.get(last, "")):
            names[last] = full
    if len(names) != 1:
        return None
    (holder,) = names.values()
    return holder if _is_person(Speaker(id=-1, name=holder)) is not False else None


_RELATION = re.compile(
    r"((?:\b(?:a|an|the|one|two|three|some|several|many|current|former|senior|top)\s+)*"
    r"\b([a-z]+)\s+(?:close to|familiar with|briefed on|with knowledge of|involved in)\s+)$"
)


def _described_by_relation(text: str, src: Range) -> str | None:
    """``agents close to the investigation say``, ``one agent familiar with the probe
    told``: a source span holding only the matter (``the investigation``) after a
    person noun and ``close to``/``familiar with`` is the people so described, whole;
    ``None`` when the text before the span is no such phrase."""
    mm = _RELATION.search(text[max(0, src[0] - 80) : src[0]])
    if mm is None or not is_person_word(mm.group(2)) or mm.group(2) in DOCUMENTS:
        return None
    return _clean(text[src[0] - len(mm.group(1)) : src[1]])


def _introduced_unnamed(text: str, pos: int, desc: str) -> bool:
    """Did the article write ``desc`` (``the former senior U.S. official``) before ``pos``
    with an indefinite article (``a former senior U.S. official``)? Then the description
    goes back to that unnamed person, not to someone named in between. Descriptions of
    one or two words (``the official``) are too common to tell."""
    body = _strip_det(_clean(desc))
    if len(body.split()) < 3:
        return False
    pattern = r"\b(?:a|an)\s+" + r"\s+".join(re.escape(w) for w in body.split()) + r"\b"
    return re.search(pattern, text[:pos], flags=re.I) is not None


#: bare nouns that say only a person's sex ("the man", "the woman")
_SEXED = {"man": "m", "woman": "f"}


def _sexed_person(
    text: str, pos: int, noun: str, speakers: list[Speaker], recent: list[int]
) -> int | None:
    """The person in focus of the sex ``the man``/``the woman`` names; ``None`` when the
    article wrote of an unnamed one (``a man told police``), whom it may mean instead."""
    if re.search(rf"\b(?:a|an|one|another)\s+(?:[\w-]+\s+){{0,2}}{noun}\b", text[:pos], re.I):
        return None
    return _most_salient(
        text, pos, speakers, recent, _SEXED[noun], persons_only=True, unsure_none=True
    )


def _unnamed_same_head(
    desc: str, head: str, speakers: Sequence[Speaker], recent: Sequence[int]
) -> int | None:
    """The one unnamed speaker whose description ends in ``head`` and holds every word of
    ``desc`` (``the aide`` → ``a Clinton aide``), where no named speaker's role has that
    noun (``Al Roe, an aide to the mayor`` is the aide then); ``None`` otherwise."""
    words = set(_strip_det(_clean(desc)).lower().split())
    if not words or head not in PERSON_HEADS:
        return None
    found = []
    for c in recent:
        sp = speakers[c]
        role = _strip_det(_clean(sp.role or "")).lower().split()
        if sp.name is not None:
            if head in role:
                return None
            continue
        if role and role[-1] == head and words <= set(role) and c not in found:
            found.append(c)
    return found[0] if len(found) == 1 else None


def _last_unnamed_source(
    text: str, pos: int, speakers: Sequence[Speaker], recent: Sequence[int]
) -> int | None:
    """The speaker who spoke last before ``pos`` when that is one unnamed person (``an
    official familiar with the talks``), for ``the source``: a named person or a group
    who spoke since leaves it unclear (``None``)."""
    spoke = sorted(
        ((_last_seen(text, pos, speakers[c], text_mentions=False), c) for c in set(recent)),
        reverse=True,
    )
    for at, c in spoke:
        if at < 0:
            break
        sp = speakers[c]
        if sp.name is None and sp.role and _is_person(sp) is not False and not _is_plural(sp):
            return c
        return None
    return None


#: nouns that make a name the name of a place or a building (``Trump Tower``)
_NAMED_PLACE_NOUNS = frozenset(
    [
        "tower",
        "towers",
        "street",
        "avenue",
        "road",
        "hall",
        "house",
        "park",
        "square",
        "plaza",
        "building",
        "bridge",
        "station",
        "airport",
        "stadium",
        "arena",
        "hotel",
        "river",
        "lake",
        "county",
        "city",
        "maps",
        "inc",
        "corp",
        "ltd",
        "group",
        "media",
        "news",
        "times",
        "post",
    ]
)


def _name_written_after(text: str, sp: Speaker) -> str | None:
    """``Shaela and Cindy Buchanan`` … ``asked Cindy``, ``Tsai Ing-wen’s comeback`` …
    ``Tsai says``: a person known by one word the lists do not know as a first name takes
    the one full name the article writes with that word first (outside quotations).
    ``None`` when the word is also written as a surname (``Donald Trump``), when two such
    names are written, or when the speaker may be no person (``Trump Tower``, ``Google
    Maps``: a place, an organisation)."""
    word = sp.name or ""
    if _is_person(sp) is False:
        return None
    if re.search(rf"\b[A-Z][a-z]+ {re.escape(word)}\b", text):
        # a surname ("Donald Trump"), or a title's name ("Pope Francis"): not a first name
        return None
    after = {
        re.sub(r"[’']s?$", "", fm.group(1))
        for fm in re.finditer(rf"\b{re.escape(word)} ([A-Z][a-z’'-]+(?:-[a-z]+)?)(?![\w-])", text)
        if not _quoted(text, fm.start())
    }
    if len(after) != 1:
        return None
    (last,) = after
    low = last.lower()
    # a given name in two hyphenated syllables ("Ing-wen") is a name whoever speaks;
    # another word only completes the name of one the article shows to be a person
    if (
        not re.fullmatch(r"[A-Z][a-z]+-[a-z]+", last)
        and _is_person(sp) is not True
        and not sp.gender
    ):
        return None
    if (
        low in _NAMED_PLACE_NOUNS
        or _not_a_name(last)
        or _is_title(last)
        or low in STOP | _DETS | _PRONOUNS.keys() | _ORG_HEADS | NOT_NAME_LEAD
        or is_place_name(last)
        or _is_person(Speaker(id=-1, name=f"{word} {last}")) is not True
    ):
        return None
    return f"{word} {last}"


#: a lead-in naming whose account a clause is, right before a name
_ACCORDING_BEFORE = re.compile(
    r"\b(?:[Aa]ccording to|[Aa]s reported by|[Pp]er)\s+(?:[\w.’'-]+\s+){0,4}$"
)


def _name_described(text: str, sp: Speaker) -> None:
    """``Former Miss Universe sizes up …`` … ``Alicia Machado, the former Miss Universe,``:
    a speaker described by a phrase the article writes elsewhere as the apposition of a
    person's full name takes that name (the phrase becomes the role)."""
    s, e = sp.mentions[0]
    desc = _strip_det(_clean(text[s:e]))
    if len(desc.split()) < 2 or not any(_is_cap(w) for w in desc.split()[1:]):
        return
    fm = next(
        (
            found
            for found in re.finditer(
                rf"\b([A-Z][a-z]+(?: [A-Z][a-z’'-]+){{1,2}}), (?:the |a |an )?"
                rf"(?i:{re.escape(desc)})\b",
                text,
            )
            # "According to Acme’s Jo Roe, a Secret Service agent who spoke on
            # condition of anonymity revealed": the source's own words after a name
            # that leads into the clause are no apposition of that name
            if not (
                s <= found.end() - len(desc) < e
                and _ACCORDING_BEFORE.search(text, max(0, found.start() - 60), found.start())
            )
            # "Last Friday, President Trump made": a time before the comma is no name
            and not opens_with_time(found.group(1))
        ),
        None,
    )
    if fm is None or _is_person(Speaker(id=-1, name=fm.group(1))) is not True:
        return
    sp.name, sp.role = fm.group(1), desc


_ORG_NAMED = (
    r"(?:(?<![\w’'])(?:[Tt]he )?((?:[A-Z][\w.&-]* ){{1,3}}){head}\b"
    r"|((?:[A-Z][\w.-]* ){{0,2}}[A-Z][\w.-]*)[’']s {head}\b)"
)


#: quantifiers and determiners that open a sentence capitalised, never a name's part
_QUANTIFIERS = frozenset(
    [
        "many",
        "some",
        "most",
        "all",
        "several",
        "few",
        "other",
        "both",
        "each",
        "every",
        "such",
        "no",
        "these",
        "those",
        "any",
        "more",
        "fewer",
        "its",
        "their",
        "our",
    ]
)


def _named_organisation(
    text: str,
    pos: int,
    head: str,
    speakers: Sequence[Speaker],
    recent: Sequence[int],
    new: Callable[[Mention], int],
) -> int | None:
    """The organisation a definite description stands for: ``the campaign`` → the one the
    article named with that noun within :data:`WINDOW` before ``pos`` (``the Trump
    campaign``, ``Donald Trump's campaign``); ``the statement`` → the organisation opening
    the sentence before (``Trump's campaign hit back. “…,” the statement said``). ``None``
    when the article names none so (never guessed)."""
    if head in _ISSUED:
        start = max(text.rfind(". ", 0, max(0, pos - 2)), text.rfind("\n", 0, pos)) + 1
        prev = max(text.rfind(". ", 0, max(0, start - 2)), text.rfind("\n", 0, start - 1)) + 1
        sentence = text[prev:start].strip()
        fm = re.match(_ORG_NAMED.format(head="(" + "|".join(sorted(_ORG_WORDS)) + ")"), sentence)
        if fm is None:
            return None
        head = sentence[fm.start() : fm.end()].split()[-1]
        lo, window = prev, text[prev : prev + fm.end()]
    else:
        lo = max(0, pos - WINDOW)
        window = text[lo:pos]
    written = None
    for fm in re.finditer(_ORG_NAMED.format(head=re.escape(head)), window):
        if _quoted(text, lo + fm.start()):
            continue
        if fm.group(1):
            owner = fm.group(1).split()
            if (
                owner[0] in ("A", "An", "This", "That")
                or owner[0].lower() in _QUANTIFIERS
                or _not_a_name(owner[-1])
            ):
                continue  # "Many party elites": a quantifier opening the sentence
            written = owner
        else:
            written = fm.group(2).split()[-1:]  # "Donald Trump's campaign": the Trump campaign
    if written is None:
        return None
    name = " ".join([*written, head])
    for cand in reversed(recent):
        if (speakers[cand].name or "").lower() == name.lower():
            return cand
    return new(Mention("name", name=name, text=name))


#: what "the group", "the paper" stand for: a name the article wrote ending in one of
#: these words (``the Correspondents’ Association``, ``The Washington Times``)
#: a business's legal form ending its name, in the capitals it is often written in
_LEGAL_FORMS = frozenset(["INC", "CORP", "LLC", "LTD", "PLC", "LLP", "GmbH"])
_LEGAL_LOW = frozenset(w.lower() for w in _LEGAL_FORMS)

_KIND_NOUNS = {
    # a body of members is a group too ("the U.S. Conference of Mayors")
    "group": _ORG_HEADS - {"police", "office", "court"}
    | {"conference", "caucus", "alliance", "federation"},
    "organization": _ORG_HEADS - {"police", "office", "court"},
    "organisation": _ORG_HEADS - {"police", "office", "court"},
    "paper": _PAPERS | _OUTLET_ENDS,
    "newspaper": _PAPERS | _OUTLET_ENDS,
    # a business's name ends in its legal form or its trade ("Acme Foods", "Roe Inc")
    "company": frozenset(
        [
            "inc",
            "corp",
            "corporation",
            "company",
            "co",
            "llc",
            "ltd",
            "plc",
            "llp",
            "gmbh",
            "foods",
            "industries",
            "motors",
            "airlines",
            "pharmaceuticals",
            "technologies",
            "holdings",
            "enterprises",
            "brands",
        ]
    ),
}


#: nouns a news outlet is called by in place of its name ("the network said")
_OUTLET_NOUNS = frozenset(
    ["network", "channel", "broadcaster", "outlet", "station", "newspaper", "magazine"]
)


#: a day's or a month's name, which a body's name does not go on with ("on Monday")
_DATE_WORD = "(?:" + "|".join(sorted(w.capitalize() for w in _MONTHS | _WEEKDAYS)) + r")\b"


def _named_of_kind(
    text: str,
    pos: int,
    noun: str,
    speakers: Sequence[Speaker],
    recent: Sequence[int],
    new: Callable[[Mention], int],
) -> int | None:
    """The organisation ``the group`` (or the outlet ``the paper``) stands for: the
    last name of two or more capitalised words ending in a word of that kind
    (:data:`_KIND_NOUNS`) written within :data:`WINDOW` before ``pos``, outside
    quotations, in its fullest form there. ``None`` when there is none (never guessed)."""
    # a legal form is often written in capitals ("Acme Supply LLC")
    ends = "|".join(
        sorted(
            {w.capitalize() for w in _KIND_NOUNS[noun]}
            | {w for w in _LEGAL_FORMS if w.lower() in _KIND_NOUNS[noun]}
        )
    )
    lo = max(0, pos - WINDOW)
    # "the U.S. Conference of Mayors", "the Working Group on Pastoral Care for Families":
    # the name may go on with what the body is of or for (not the day it spoke on)
    pattern = (
        rf"((?:[A-Z][\w.&’'-]*\s+){{0,5}}(?:{ends})"
        rf"(?: (?:of|on|for)(?! {_DATE_WORD})(?: [A-Z][\w’'-]*){{1,3}}\b){{0,2}})\b"
    )
    found = [
        fm.group(1)
        for fm in re.finditer(pattern, text[lo:pos])
        if not _quoted(text, lo + fm.start(1))
        # "a shooting at Hale High School": the place where something happened
        and not re.search(
            r"\b(?:" + "|".join(_PLACE_PREPS) + r")\s+(?:the\s+)?$",
            text[max(0, lo + fm.start(1) - 12) : lo + fm.start(1)],
        )
    ]
    # "… on Monday. Harbor Fish Foods": a word ending the sentence before is no part
    # of the name (an abbreviation's stop, "U.S.", "St.", is)
    found = [re.sub(r"^.*\b[A-Z][a-z]{2,}\.\s+", "", f) for f in found]
    names = [re.sub(r"^(?:The|A|An)\s+", "", f) for f in found]
    names = [n for n in names if len(n.split()) > 1]
    if not names:
        return None
    last = names[-1]
    name = max((n for n in names if n.endswith(last)), key=len)
    for cand in reversed(recent):
        known = speakers[cand].name or ""
        if known and (known == name or name.endswith(known) or known.endswith(last)):
            if len(name) > len(known) and name.endswith(known):
                speakers[cand].name = name  # "Association" was its last word only
            return cand
    return new(Mention("name", name=name, text=name))


def _body_called_so(
    text: str, desc: str, speakers: Sequence[Speaker], recent: Sequence[int]
) -> int | None:
    """The named organisation a source with the same description (``the group``) stood
    for before, when it is the last organisation to have spoken (another body since
    makes the description unclear). ``None`` otherwise."""
    want = _strip_det(desc).lower()
    for cand in reversed(recent):
        sp = speakers[cand]
        if sp.name is None or sp.gender is not None or first_name_gender(sp.name.split()[0]):
            continue  # a person, plainly: no body ("Acme Seeds Inc." may be one)
        said = any(_strip_det(text[s:e]).lower() == want for s, e in sp.mentions)
        return cand if said and _is_person(sp) is False else None
    return None


def _introduced(
    text: str,
    pos: int,
    head: str,
    gender: str | None,
    speakers: Sequence[Speaker],
    recent: Sequence[int],
    new: Callable[[Mention], int],
    desc: str = "",
) -> int | None:
    """The person the article last introduced before ``pos`` by the noun ``head`` right
    before the name (``his son Eric``, ``comedian Zach Galifianakis``, ``Attorney Jane
    Roe`` opening a sentence): a speaker with that surname, else a new one; ``None`` when
    the text names no one so. The whole text before counts: an article introduces a
    person so once, and ``the attorney`` means them many paragraphs on. One introduced
    with the other party than ``desc`` names (``Republican nominee Jo Roe`` for ``the
    Democratic nominee``) is someone else."""
    lo = 0
    written = None
    noun = f"[{head[0].upper()}{head[0]}]{re.escape(head[1:])}"
    for fm in re.finditer(rf"\b{noun},? ((?:{_NAME_WORD} ?){{1,3}})", text[lo:pos]):
        if _other_party(desc, text[max(0, fm.start() - 30) : fm.start()]):
            continue
        if not _quoted(text, lo + fm.start()):
            # "at Judge Robert Milich's request" introduces the judge all the same
            written = re.sub(r"[’']s?$", "", fm.group(1).strip())
    if written is None:
        return None
    m = parse_mention(written)
    if m.kind != "name" or not m.name:
        return None
    words = m.name.split()
    if not (len(words) > 1 or first_name_gender(words[0])):
        return None  # "son Trump", "host Fox": no person's name after the noun
    if any(w.lower() in STOP for w in words):
        return None  # "Obama Judge Rules To Upend …": a headline's words, no name
    if gender is not None and m.gender not in (None, gender):
        return None
    for cand in reversed(recent):
        if speakers[cand].name and _last(speakers[cand].name or "") == _last(m.name):
            return cand
    return new(replace(m, gender=m.gender or gender))


#: modifiers that tell no one apart (``the other official``, ``the same man``)
_GENERIC_MODIFIERS = frozenset(["other", "same", "former", "first", "second", "new", "latter"])


def _apposed_speaker(
    text: str, pos: int, head: str, speakers: Sequence[Speaker], recent: Sequence[int]
) -> int | None:
    """The speaker whose surname the text before ``pos`` writes with an appositive ending
    in ``head`` (``Jo Roe, the founder and senior pastor of …``), when it writes exactly
    one person so and that person has spoken; ``None`` otherwise. A surname alone counts
    when it is a speaker's (``Roe, an award-winning lawyer, also said``): a single
    capitalised word is otherwise any sentence's first (``However, the lawyer``)."""
    surnames = {_last(speakers[c].name or "") for c in recent if speakers[c].name}
    lasts = {
        _last(re.sub(r"[’']s$", "", fm.group(1)))
        for fm in re.finditer(
            rf"\b([A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){{0,2}}), (?:the|a|an) "
            rf"(?:[\w-]+ ){{0,4}}(?i:{re.escape(head).replace(' ', ' +')})\b",
            text[:pos],
        )
        if " " in fm.group(1) or _last(fm.group(1)) in surnames
    }
    if len(lasts) != 1:
        return None
    (last,) = lasts
    return next(
        (c for c in reversed(recent) if speakers[c].name and _last(speakers[c].name or "") == last),
        None,
    )


def _full_name(text: str, first: str) -> str:
    """``Hillary`` → ``Hillary Clinton``: a speaker the article calls by a first name
    takes the full name the article writes most often (outside quotations), if any."""
    counts: dict[str, int] = {}
    for fm in re.finditer(rf"\b{re.escape(first)} ([A-Z][a-z-]+)(?![a-z])", text):
        last = fm.group(1)
        if _quoted(text, fm.start()) or _not_a_name(last) or last.lower() in NOT_NAME_LEAD:
            continue
        counts[last] = counts.get(last, 0) + 1
    if not counts:
        return first
    full = f"{first} {max(counts, key=lambda w: counts[w])}"
    # "Kim Jong Un": a short third part every mention of the two words carries is the
    # name's own (a given name in two syllables), not a word after it; of two such
    # ("Kim Jong Un", "Kim Jong Il") the one written most often, else first
    thirds = [
        fm.group(1)
        for fm in re.finditer(rf"\b{re.escape(full)}\b( [A-Z][a-z]{{1,2}}\b(?![’'-]|\.\S))?", text)
        if not _quoted(text, fm.start())
    ]
    if thirds and all(
        t
        and not _is_title(t.strip())
        and t.strip().lower() not in STOP | _PREPS | _DETS | _PRONOUNS.keys()
        for t in thirds
    ):
        full += max(thirds, key=lambda t: (thirds.count(t), -thirds.index(t)))
    return full


#: how far back (characters) a pronoun or a description may find its antecedent
WINDOW = 1000
#: characters of recency worth a known gender agreement (about a sentence)
_AGREEMENT_BONUS = 200


#: nouns for two people named before ("the pair said")
_PAIR_NOUNS = frozenset(["pair", "duo", "two", "couple", "two men", "two women"])
#: a person's name, with an honorific or a first name before the surname
_PERSON = r"(?:(?:Mr|Ms|Mrs|Dr|Sir)\.? )?(?:[A-Z][a-z’'-]+ ){0,2}[A-Z][a-z’'-]+"
#: two people joined by "and", each maybe followed by an appositive set off by commas
_TWO_PEOPLE = re.compile(rf"\b(?P<a>{_PERSON})(?:, [^,.;:“”\"]{{1,50}},)? and (?P<b>{_PERSON})\b")


#: a sentence's subject before a restrictive ``who``: capitalised modifiers and a
#: lowercase noun ("State Democratic Party legislators who backed the bill")
_SUBJECT_BEFORE_WHO = re.compile(
    r"(?:^|[.!?]\s+|\n)(?P<np>(?:[A-Z][\w’'-]*\s+){1,4}(?:[a-z][\w-]*\s+){0,1}[a-z][\w-]+)\s*$"
)


def _subject_before_who(text: str, pos: int) -> Mention | None:
    """The people a restrictive ``who`` at ``pos`` stands for, when they open the sentence
    (``State Democratic Party legislators who backed the bill said``): a group (a plural)
    or a person described (a person noun); ``None`` else (the pronoun stays unresolved)."""
    found = _SUBJECT_BEFORE_WHO.search(text[max(0, pos - 100) : pos])
    if found is None:
        return None
    np_ = found.group("np")
    head = np_.split()[-1]
    if not (head.endswith("s") or head in PERSON_HEADS):
        return None
    m = parse_mention(np_)
    return m if m.kind == "description" else None


#: people in the plural right before a restrictive ``who``, with a place or body after
#: them ("the Democratic state legislators in Iowa who", "the mayors who")
#: a plural noun of people, then a preposition governing what follows ("converts to ",
#: "residents of the ")
_PEOPLE_THEN_PREPOSITION = re.compile(
    r"\b[a-z][\w-]*(?:s|people|men|women)\s+(?:to|of|in|from|at|for)\s+(?:the\s+)?$"
)

_GROUP_BEFORE_WHO = re.compile(
    r"\b(?:the|these|those|many|some|of|by|among|for|from|with)\s+"
    r"(?P<np>(?:[A-Z][\w’'-]*\s+){0,3}"
    r"(?:(?!(?:is|are|was|were|be|been|being|has|have|had)\s)[a-z][\w-]*\s+){0,2}"
    r"(?P<head>[a-z][\w-]*s)"
    r"(?:\s+(?:in|from|of|at)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s*){1,3})?)\s*$"
)


def _group_before_who(text: str, pos: int) -> Mention | None:
    """The people a restrictive ``who`` at ``pos`` stands for when a plural person noun
    comes right before it, mid-sentence (``Among the state legislators in Iowa who have
    endorsed``): a described group; ``None`` else."""
    found = _GROUP_BEFORE_WHO.search(text[max(0, pos - 100) : pos])
    if found is None or not is_person_word(found.group("head")):
        return None
    m = parse_mention(found.group("np").strip())
    return m if m.kind == "description" else None


def _pair_speaker(
    text: str,
    pos: int,
    written: str,
    speakers: Sequence[Speaker],
    recent: Sequence[int],
    new: Callable[[Mention], int],
) -> int | None:
    """The speaker of ``the pair`` at ``pos``: the two people named together last (a
    joint speaker of the same two, else a new one), or ``None``."""
    pair = _last_pair(text, pos)
    if pair is None:
        return None
    key = {_last(x) for x in pair}
    found = (c for c in reversed(recent) if {_last(x) for x in speakers[c].members} == key)
    sid = next(found, None)
    if sid is None:
        sid = new(Mention("name", name=" and ".join(pair), text=written, members=pair, joint=True))
    return sid


def _last_pair(text: str, pos: int) -> tuple[str, str] | None:
    """The two people the text joined by ``and`` last before ``pos`` (within the few
    paragraphs before it, outside quotations), each written as fully as the text names
    them (``Mr Spencer`` is ``Robert Spencer``); ``None`` when no two people were named
    so, or when either is no person's name."""
    lo = max(0, pos - 1500)
    found = [fm for fm in _TWO_PEOPLE.finditer(text, lo, pos) if not _quoted(text, fm.start())]
    for fm in reversed(found):
        people = [_person_written(text[:pos], fm.group(g)) for g in ("a", "b")]
        if people[0] and people[1] and people[0] != people[1]:
            return (people[0], people[1])
    return None


def _person_written(before: str, written: str) -> str | None:
    """``written`` (``Ms Geller``, ``Pamela Geller``) as a person's full name, or
    ``None`` when nothing tells that it names a person (no honorific, no known first
    name, no full name written before)."""
    words = written.split()
    honorific = words[0].rstrip(".") in ("Mr", "Ms", "Mrs", "Dr", "Sir")
    if honorific:
        words = words[1:]
    if not words:
        return None
    surname = words[-1]
    if len(words) > 1 and first_name_gender(words[0]):
        return " ".join(words)
    full = _full_name_written(before, surname)
    if full is not None:
        return full
    return surname if honorific else None


def _named_people(text: str, pos: int, members: Sequence[str], speakers: Sequence[Speaker]) -> bool:
    """Has the article named a member of a coordinated source as a person before ``pos``
    (a speaker with that surname, or a first name before it)?"""
    for x in members:
        last = _last(x)
        if any(sp.name and not sp.members and _last(sp.name) == last for sp in speakers):
            return True
        for fm in re.finditer(rf"\b([A-Z][a-z]+) (?:[A-Z][\w.]* )?{re.escape(x)}\b", text[:pos]):
            if first_name_gender(fm.group(1)):
                return True
    return False


#: what comes before a capital inside a person's one-word name ("McCain", "DeSantis",
#: "LaToya", "O'Neil"); any other inner capital marks a brand
_NAME_PREFIXES = frozenset(
    [
        "mc",
        "mac",
        "de",
        "di",
        "da",
        "du",
        "la",
        "le",
        "van",
        "von",
        "o'",
        "o’",
        "d'",
        "d’",
        "ja",
        "ke",
        "sha",
        "ty",
    ]
)


def _brand_shaped(word: str) -> bool:
    """Whether one capitalised word has the inner capitals of a brand ("BizPacReview",
    "InfoWars", "YouTube") rather than of a surname ("McCain", "DeSantis"): three
    capitals or more, or a second capital after no name prefix. An outlet's one-word
    name never tells its gender, so without this it passes for a surname."""
    if not word[:1].isupper() or word.removesuffix("s").isupper():
        return False  # "NASA", "MPs": an acronym, or its plural
    if "-" in word:
        # "Archer-Bradshaw": a double-barrelled surname, each part a name of its own
        return any(_brand_shaped(part) for part in word.split("-"))
    caps = [i for i, c in enumerate(word) if c.isupper()]
    if len(caps) >= 3:
        return True
    return len(caps) == 2 and word[: caps[1]].lower() not in _NAME_PREFIXES


#: a name ending in a web domain: a site, never a person
_WEB_ADDRESS = re.compile(r"\w\.(?:com|net|org|news|info|tv|co\.uk)$", re.IGNORECASE)


def _is_person(sp: Speaker) -> bool | None:
    """``True`` for a person, ``False`` for an organisation, place or group (two people
    named together too), ``None`` when the text does not tell (a surname alone,
    ``Trump``)."""
    if sp.members or (sp.name and _two_full_names(sp.name)):
        return False
    if sp.gender is not None:
        return True
    if sp.name is None:
        # the head noun comes before a phrase: "agents close to the investigation"
        np = re.split(
            r" (?:at|of|in|from|for|with|on|within|inside|close to|familiar)\b", sp.role or ""
        )[0]
        words = np.lower().split()
        head = words[-1] if words else ""
        # "the pollster", "the firefighter": a noun for one of a kind of people is a
        # person, whom a "he" or "she" after it may mean
        return head in PERSON_HEADS or head in _GENERIC_HEADS or head in _PEOPLE
    words = sp.name.split()
    low = [w.lower().strip(".") for w in words]
    if any(not _is_cap(w) and w.lower() not in _CONNECT for w in words):
        return False  # "White House hopefuls": a group described, not a person named
    if low[-1] in _PAPERS | _OUTLET_ENDS or low[-1] in _LEGAL_LOW:
        # "Acme Supply LLC" is a firm, whatever its first words look like
        return False  # "World Net Daily", "Breitbart News": an outlet
    if len(words) == 1 and _brand_shaped(words[0]):
        return False  # "BizPacReview", "InfoWars": a site's or firm's one-word brand
    if _WEB_ADDRESS.search(sp.name):
        return False  # "Kath.net", "Breitbart.com": a website
    if len(words) > 2 and "of" in low[1:-1] and not first_name_gender(words[0]):
        return False  # "Voice of America News", "Bank of England": an institution
    if low[0] == "the" and len(low) > 1 and not (len(words) == 2 and words[1].isupper()):
        # "The Saudis", "The Democrats": a people or a party; "The White House", "The
        # Pentagon": an institution. A person's name takes no article (an office's
        # acronym may stand for its holder: "The CMO told the minister")
        return False
    if (
        len(words) == 2
        and _personal_title(sp.role)
        and not any(w in _ORG_HEADS for w in low)
        and " ".join(low) not in _MULTI_PLACES
    ):
        return True  # "Cpl. Dean Washington": a rank names a person, whatever the surname
    if (
        any(w in _ORG_HEADS for w in low)
        or sp.name.isupper()
        or (low[-1] in PLACES or " ".join(low) in _MULTI_PLACES)
    ):
        return False
    if low[-1] in _DEMONYMS or sp.name in _DEMONYMS.values():
        return False
    if len(low) > 1 and low[0] in _COUNTRY_MARKS:
        return False  # "U.S. Soccer", "UK Athletics": a national body, not a person
    if len(words) > 1 or first_name_gender(words[0]) or _is_title_role(sp.role):
        return True
    return None


def _personal_title(role: str | None) -> bool:
    """Does ``role`` end in a title written before a person's name (``Gwinnett County
    Cpl.``, ``Sgt.``), not one that only qualifies an office (``former``)?"""
    last = (role or "").split()[-1:] or [""]
    word = last[0].lower().strip(".,")
    return word in _TITLES and word not in _OFFICE_MODIFIERS


#: a body's name: capitalised words ending in an organisation's noun ("Northfield College")
_BODY_NAME = re.compile(
    r"\b(?:[A-Z][\w’'-]+ )+(?:of )?(?:[A-Z][\w’'-]+ )*(?:"
    + "|".join(sorted({w.capitalize() for w in _ORG_HEADS} | {"College"}))
    + r")\b"
)


def _other_body_since(text: str, seen: int, pos: int, sp: Speaker) -> bool:
    """Does the text name a body other than ``sp`` in a sentence after the one where
    ``sp`` was last seen (at ``seen``) and before ``pos``, outside quotations (``A
    representative for Northfield College``)? Then an ``it`` after may mean either (a
    body in ``sp``'s own sentence is its object: "Acme said it would sue the Board")."""
    end = re.compile(r"[.!?][”\"’']?\s").search(text, max(0, seen), pos)
    if end is None:
        return False
    for fm in _BODY_NAME.finditer(text, end.end(), pos):
        if not _quoted(text, fm.start()) and (sp.name or "").lower() not in fm.group().lower():
            return True
    return False


def _titled_head(role: str) -> bool:
    """Is a description's head noun a title or office (``the professor``, ``a former
    senator``)? Such a description is a person, whatever the person lists leave out."""
    np = re.split(r" (?:at|of|in|from|for|with|on)\b", role)[0].split()
    return bool(np) and np[-1].islower() and _is_title(np[-1])


def _other_occupation(desc: str, sp: Speaker) -> bool:
    """Is ``sp`` known by an occupation in lower case (``moderator``, ``press
    secretary``) that shares no word with the description ``desc`` (``the Republican
    nominee``)? Then ``desc`` means someone else. A party or a title (``Sen.``,
    ``President``) tells nothing: one person holds several; but the opposite party
    (:func:`_other_party`) is someone else."""
    if _other_party(desc, sp.role or ""):
        return True
    if re.search(r"\b(?:former|ex-)", desc, re.I) and not re.search(
        r"\b(?:former|ex-)", sp.role or "", re.I
    ):
        # "the former reality TV star" after "billionaire entrepreneur Jo Roe": what one
        # was once is no rival to what one is now
        return False
    role = _strip_det(sp.role or "")
    # "Reed's campaign manager", "GOP vice presidential candidate": the occupation is
    # the lower-case noun phrase after a possessor or an acronym
    role = re.sub(r"^(?:[A-Z][\w.]*[’']s|[A-Z]{2,}) (?=[a-z])", "", role)
    # "a senior fellow at the Heritage Foundation": the occupation before its phrase
    role = _strip_det(re.split(r" (?:at|of|for|with|in|on)\b", role)[0])
    words = role.split()
    if not words or len(words) > 3 or any(not w.isalpha() or w != w.lower() for w in words):
        return False
    if _head_of(desc) in _PARTISANS or _head_of(desc).rstrip("s") + "s" in _PARTISANS:
        return False
    return not (_stems(desc) & _stems(role))


#: the two parties of a two-party race, each the other's rival
_RIVAL_PARTIES = {"democratic": "republican", "republican": "democratic"}


def _party_untold(text: str, desc: str, sp: Speaker) -> bool:
    """Does ``desc`` give a party (``the Democratic presidential nominee``) the article
    also gives its rival in the same description (``the Republican presidential
    nominee``), while nothing recorded of ``sp`` tells its party? Then the description
    tells two people apart, and the person in focus may be the other one."""
    words = _strip_det(desc).lower().split()
    at = next((k for k, w in enumerate(words) if w in _RIVAL_PARTIES), None)
    if at is None or at == len(words) - 1:
        return False
    rival = " ".join([_RIVAL_PARTIES[words[at]], *words[at + 1 :]])
    if not re.search(rf"\b{re.escape(rival)}\b", text, re.I):
        return False
    return words[at] not in f"{sp.role or ''} {sp.affiliation or ''}".lower()


def _issuer(
    text: str, pos: int, noun: str, speakers: Sequence[Speaker], recent: Sequence[int]
) -> int | None:
    """The speaker last written, before ``pos``, as releasing or issuing a ``noun``
    (``The university later released a statement``), or as speaking in one (``The
    campaign in a statement on Thursday rejected``, ``Acme said in a statement``), or
    ``None``."""
    issued = re.compile(
        rf"\s+(?:\w+\s+){{0,2}}(?:released|issued|put out|sent|posted|published|in)\s+"
        rf"(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+)?{re.escape(noun)}\b"
    )
    best, best_at = None, -1
    for sid in recent:
        for _, e in speakers[sid].mentions:
            if e <= pos and e > best_at and issued.match(text, e):
                best, best_at = sid, e
    return best


_DOCUMENT_OWNER = re.compile(
    r"(?:[Tt]he |[Aa]n? )?((?:[\w.&-]+ ){0,3}?[\w.&-]+)[’']s (?:[a-z-]+ ){0,2}([a-z]+)"
)

#: a capitalised name modifying a document's noun ("a UK Daily Mail report")
_ISSUER_MODIFIER = re.compile(r"(?:[Tt]he |[Aa]n? )((?:[A-Z][\w.&-]* ){0,4}[A-Z][\w.&-]*) ([a-z]+)")


def _document_owner(desc: str) -> Mention | None:
    """The owner of a document a description names (``The embassy's health alert``,
    ``Acme Corp's statement``): a name or a definite description, or ``None`` when the
    description is no possessed document."""
    fm = _DOCUMENT_OWNER.fullmatch(desc.strip())
    if fm is None:
        fm = _ISSUER_MODIFIER.fullmatch(desc.strip())
        if fm is None or fm.group(2) not in _DOC_NOUNS:
            return None
        # "a UK Daily Mail report", "a White House statement": the organisation issuing
        # it, written before the document's noun as a modifier
        found = parse_mention(fm.group(1))
        return found if found.kind == "name" and found.name and not found.role else None
    if fm.group(2) not in _DOC_NOUNS:
        return None
    owner = fm.group(1)
    if owner.islower():
        if (
            not owner.isalpha()
            or owner in STOP
            or (is_person_word(owner) and owner not in _KIND_NOUNS)
        ):
            # "the mother's letter": a person unnamed is no issuer to find; "the
            # group's website", "the company's website" are the body's, found as the
            # body of that kind named last
            return None
        return Mention("description", role=f"the {owner}", definite=True, text=desc)
    if re.fullmatch(r"(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+", owner) and _is_title(owner.split()[-1]):
        # "the Attorney General's statement": an office, whose holder the article may
        # name, never a name ("Foreign" is no one's)
        office = parse_mention(f"the {owner}")
        return office if office.kind == "description" else None
    found = parse_mention(owner)
    return found if found.kind == "name" and found.name else None


#: documents whose writer the article may name once and then leave to the noun alone
_AUTHORED_NOUNS = _DOC_NOUNS | frozenset(["plan", "proposal", "strategy", "blueprint"])
#: a court filing speaks for the one the article said filed it or spoke in it (not for
#: a possessor alone: "Roe’s federal lawsuit alleges" is the filing's own wording)
_AUTHORED_NOUNS |= frozenset(["suit", "lawsuit", "complaint", "indictment", "petition"])
_ISSUER_NAME = (
    r"(?P<author>(?:the )?[A-Z][\w.&’'-]*"
    r"(?: (?:of|for|on|and|the|[A-Z][\w.&’'-]*)){{0,6}})"
)
_WRITTEN_BY = (
    r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir) (?:[\w-]+ ){{0,3}}{noun}s?,? "
    r"(?:(?:was|were|is|has been) )?(?:authored|co-authored|written|drafted|prepared|"
    r"produced|published|issued|released|compiled|put out|as an? [\w-]+) by " + _ISSUER_NAME
)
#: a writer's name before what it did with the document ("the Department of Homeland
#: Security explained in a press release")
_AUTHOR_RUN = r"(?P<author>[A-Z][\w.&’'-]*(?: (?:of|for|on|and|[A-Z][\w.&’'-]*)){{0,6}})"
_WRITES_IN = (
    r"(?<![\w’'])" + _AUTHOR_RUN +
    # "Common Cause, a nonpartisan group, claimed in the suit": an appositive between
    r"(?:, (?:an?|the) [^,.;“”\"]{{1,80}},)? "
    r"(?:writes|wrote|argues|argued|states|stated|explains|explained|concludes|concluded|"
    r"claims|claimed|alleges|alleged|says|said|charges|charged|contends|contended|"
    r"asserts|asserted) "
    r"in (?:the|its|their|this|that|a|an) (?:[\w-]+ ){{0,2}}{noun}\b"
)
#: ``Acme filed a lawsuit against …`` … ``the lawsuit says``: a filing is its filer's
_FILED = (
    r"(?<![\w’'])" + _AUTHOR_RUN + r" "
    r"(?:has |have )?(?:filed|brought|lodged) (?:a|an|the|its|their) (?:[\w-]+ ){{0,2}}{noun}\b"
)
#: one filing called by either noun ("the lawsuit" … "the suit said")
_SAME_DOCUMENT = {"suit": "(?:law)?suit", "lawsuit": "(?:law)?suit"}


#: ``Acme News reported:`` … ``the report said``: the report is the one who reported
_REPORTED = (
    r"(?<![\w’'])(?:[Tt]he )?(?P<author>[A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){{0,5}}) "
    r"(?:reported|reports|has reported)\b"
)


def _people_noun(word: str) -> bool:
    """Is a lowercase word a noun for people (``senators``, ``researchers``), never a
    verb (``says``)?"""
    w = word.lower()
    return (
        w in PERSON_HEADS
        or w in _GENERIC_HEADS
        or w in _GENERIC_NOUNS
        or w in _PERSON_NOUNS
        or (w.endswith("s") and (w[:-1] in PERSON_HEADS | _GENERIC_HEADS | _PERSON_NOUNS))
    )


def _named_issuer(text: str, pos: int, m: Mention) -> Mention | None:
    """Who wrote the document a bare definite source names (``the plan``, ``the
    paper``), when the article said so earlier in as many words (``The plan, authored by
    the Acme Institute``, ``Acme writes in the paper``): the last such writer before
    ``pos``, as a name mention. ``None`` for any other mention, or when no named writer is
    given (the document then stays its own speaker)."""
    desc = _strip_det(m.role or m.text).lower()
    if not m.definite or desc not in _AUTHORED_NOUNS:
        return None
    noun = _SAME_DOCUMENT.get(desc, re.escape(desc))
    pats: tuple[str, ...] = (_WRITTEN_BY, _WRITES_IN, _FILED)
    if desc == "report":
        pats = (*pats, _REPORTED)
    found = [
        mm
        for pat in pats
        for mm in re.finditer(pat.format(noun=noun), text[:pos])
        if not _quoted(text, mm.start())
    ]
    if not found:
        return None
    last = max(found, key=lambda mm: mm.start())
    if last.re.pattern == _REPORTED.format(noun=noun) and re.search(
        rf"\b(?:[Aa]n?|[Aa]nother) (?:[\w-]+ ){{0,3}}{noun}\b", text[:pos]
    ):
        # "a draft congressional report … Acme reported irregularities, according to
        # the report": a document of that kind the article brought in, which "the
        # report" may be as well as the reporting one's
        return None
    # "by the Acme Institute and its partners": the name ends before lowercase words
    author = re.sub(r"(?: (?:of|for|on|and|the))+$", "", last.group("author"))
    after = re.match(r"\s*([a-z]+)", text[last.start("author") + len(author) : pos])
    if after and _people_noun(after.group(1)):
        # "released by Republican senators": the capitalised word describes the writers,
        # who are not named
        return None
    issuer = parse_mention(author)
    return issuer if issuer.kind == "name" and issuer.name and not issuer.members else None


def _sentence_before(text: str, pos: int) -> int:
    """Where the sentence before the one holding ``pos`` starts, across a paragraph's
    end (a quotation often opens a paragraph of its own); sentence ends inside
    quotations do not count."""
    lo = max(0, pos - 2 * WINDOW)
    ends = [
        lo + mm.end()
        for mm in re.finditer(r"(\w*)[.!?][”\"’']?\s+|\n", text[lo:pos])
        if not _quoted(text, lo + mm.start())
        # "Rep. Tom Hale", "Carissa F. Etienne": a title's or an initial's full stop
        and not (mm.group(1) and _TITLE_ABBREVIATION.fullmatch(mm.group(1)))
        and not re.fullmatch(r"[A-Z]", mm.group(1) or "")
    ]
    ends = [e for k, e in enumerate(ends) if k == 0 or e > ends[k - 1] + 1]
    return ends[-2] if len(ends) >= 2 else lo


def _document_author(
    text: str, pos: int, noun: str, speakers: Sequence[Speaker], recent: Sequence[int]
) -> int | None:
    """The speaker a document's earlier mention was resolved to (``The letter, written
    by Sir Tom Hale, claims``), or the issuer of a document given as the source in the
    sentence before (``The embassy's alert says … “…,” the message says``); ``None`` when
    there is none, or when the document was its own speaker."""
    lo = _window_start(text, pos)
    sentence_lo = _sentence_before(text, pos)
    best, best_at = None, -1
    for sid in recent:
        sp = speakers[sid]
        if sp.name is None and _head_of(sp.role or "") in _DOC_NOUNS:
            continue  # "the report": the document is its own speaker, no author
        for s, e in sp.mentions:
            if s < lo or e > pos or e <= best_at:
                continue
            words = re.findall(r"[a-z]+", text[s:e].lower())
            # "The letter, written by Sir Tom Hale": the noun just before, in its clause
            written = re.search(rf"\b[Tt]he {noun}\b[^.!?\n“”\"]*$", text[max(lo, s - 80) : s])
            near = s >= sentence_lo and any(w in _DOC_NOUNS for w in words)
            if noun in words or written or near:
                best, best_at = sid, e
    return best


def _previous_organisation(
    text: str, pos: int, speakers: Sequence[Speaker], recent: Sequence[int]
) -> int | None:
    """The organisation a source of the sentence before ``pos`` (or of its own, before
    ``pos``) names: not a person (no gender known or written, no first name), nor a
    place. ``None`` when there is none."""
    lo = _sentence_before(text, pos)
    best, best_at = None, -1
    for sid in recent:
        sp = speakers[sid]
        if (
            not sp.name
            or sp.members
            or sp.gender is not None
            or (_is_person(sp) is True and not _unknown_body(text, sp))
            or _written_gender(text, sp) is not None
            or _full_name_written(text[:pos], sp.name) is not None
            or is_place_name(sp.name)
        ):
            continue
        for s, e in sp.mentions:
            if lo <= s and e <= pos and e > best_at:
                best, best_at = sid, e
    return best


def _unknown_body(text: str, sp: Speaker) -> bool:
    """Is a speaker that looks like a person by its capitalised words (``Scotland Yard``)
    likely a body: no word of its name is a first name, it has no role, and the article
    never writes its last word alone, as it would a person's surname (``Yard said``)?"""
    words = (sp.name or "").split()
    if len(words) < 2 or sp.role or any(first_name_gender(w) for w in words):
        return False
    alone = len(re.findall(rf"\b{re.escape(words[-1])}\b", text))
    return alone == len(re.findall(rf"\b{re.escape(sp.name or '')}\b", text))


def _answering_person(
    text: str,
    pos: int,
    speakers: Sequence[Speaker],
    recent: Sequence[int],
    new: Callable[[Mention], int],
) -> int | None:
    """The person a ``to which`` clause at ``pos`` answers for: the speaker the sentence
    names last before it, outside quotations, who is no source in it (``Clinton said
    Reed was rooting for a crash, to which the mogul responded`` is Reed), or a new
    speaker for a surname of a full name the article wrote before. ``None`` when the
    sentence names no such person."""
    para = text.rfind("\n", 0, pos) + 1
    ends = _sentence_ends(text, para, pos)
    start = para + (ends[-1] if ends else 0)
    best, best_at = None, -1
    for cand in recent:
        sp = speakers[cand]
        if not sp.name or _is_person(sp) is False:
            continue
        if any(start <= s < pos for s, _ in sp.mentions):
            continue  # the one speaking in the clause before is the one answered
        last = re.escape(sp.name.split()[-1])
        for fm in re.finditer(rf"\b{last}\b", text[start:pos]):
            if not _quoted(text, start + fm.start()) and start + fm.start() > best_at:
                best, best_at = cand, start + fm.start()
    if best is not None:
        return best
    # a person the sentence names who has not spoken yet: its surname alone, of a full
    # name the article wrote before ("Hillary Clinton said Trump was rooting")
    sayers = {
        (speakers[c].name or "").split()[-1]
        for c in recent
        if speakers[c].name and any(start <= s < pos for s, _ in speakers[c].mentions)
    }
    for fm in reversed(list(re.finditer(r"(?<=\s)([A-Z][a-z’'-]+)\b(?! [A-Z])", text[start:pos]))):
        word = fm.group(1)
        if word in sayers or _quoted(text, start + fm.start()):
            continue
        full = _full_name_written(text[:start], word)
        if full is not None:
            return new(Mention("name", name=full, gender=first_name_gender(full.split()[0])))
    return None


def _addressed(text: str, src: Range, sp: Speaker) -> bool:
    """Is ``sp`` named after the source ``src``, before the quotation its cue opens (``the
    host told Mora, “…”``)? The one spoken to is not the one speaking."""
    after = re.split(r"[“\"\n]", text[src[1] : src[1] + 80])[0]
    words = (sp.name or "").split()
    return bool(words) and re.search(rf"\b{re.escape(words[-1])}\b", after) is not None


_PARTIES = {"democratic": "d", "democrat": "d", "republican": "r", "gop": "r"}


def _other_party(desc: str, role: str) -> bool:
    """Do a description and a role name opposite parties (``the Democratic presidential
    nominee``, ``the Republican presidential nominee``)? Then they are two people."""

    def party(text: str) -> set[str]:
        return {_PARTIES[w] for w in re.findall(r"[a-z]+", text.lower()) if w in _PARTIES}

    mine, theirs = party(desc), party(role)
    return len(mine) == 1 and len(theirs) == 1 and mine != theirs


def _other_office(desc: str, role: str) -> bool:
    """Do a description and a role share a head noun but name different offices by what
    follows it (``the former secretary of state`` and ``national press secretary``), or
    by the party before it (:func:`_other_party`)? An office ``of`` something is another
    office than one without it."""
    if _other_party(desc, role):
        return True
    head = _head_of(desc)
    if not head or head not in role.lower().split():
        return False

    def office(words: list[str]) -> str:
        k = words.index(head) if head in words else -1
        rest = words[k + 1 : k + 3]
        return " ".join(rest) if rest[:1] == ["of"] else ""

    return office(desc.lower().split()) != office(role.lower().split())


def _bare_possessor(role: str) -> bool:
    """Whether a role is only a possessor ("KISS’", "Fox’s") or is owned by a pronoun
    ("His spokesman"): it says less than any description of the person that names
    whose they are."""
    role = role.strip()
    if role.split()[0].lower() in POSSESSIVE_DETS:
        return True
    return " " not in role and bool(re.search(r"[’'](?:s)?$", role))


def _described_person(sp: Speaker) -> bool:
    """Whether ``sp`` is one person the article describes and never names ("Her
    adviser", "a senior aide"): a later "the official" may be them."""
    return sp.name is None and not sp.members and _is_person(sp) is True and not _is_plural(sp)


#: lowercase words in -s that are no plurals ("the news", "the analysis")
_NOT_PLURAL = re.compile(r"(?:ss|us|is|news|series|species|ics)$")


def _plural_head(desc: str) -> bool:
    """Whether a description's head noun is a lowercase plural ("the German bishops",
    "officials at the ministry"): a group, which no single speaker can be."""
    np = re.split(r" (?:at|of|in|from|for|with|on)\b", desc)[0]
    head = (np.split() or [""])[-1]
    return (
        len(head) > 3
        and head.islower()
        and head.endswith("s")
        and not re.search(r"[’']s$", head)
        and not _NOT_PLURAL.search(head)
    )


def _is_plural(sp: Speaker) -> bool:
    """An unnamed group (``officials``, ``Democrats``), people named together, or an
    organisation."""
    if sp.members:
        return True
    if sp.name is None:
        # the head noun comes before a prepositional phrase: "officials at the ministry"
        np = re.split(r" (?:at|of|in|from|for|with|on)\b", sp.role or "")[0]
        head = np.split()[-1:] or [""]
        return head[0].lower().endswith("s") and not head[0].lower().endswith("ss")
    return _is_person(sp) is False


def _named_together(sp: Speaker) -> bool:
    """Whether ``sp`` is people named together (``Kristine Phillips and Deanna Paul``
    wrote): never the one person a ``she`` or ``the Democrat`` stands for."""
    return bool(sp.members) or bool(re.search(r"[A-Z][\w’'-]* and [A-Z]", sp.name or ""))


@lru_cache(maxsize=8)
def _quotations(text: str) -> tuple[Range, ...]:
    return tuple(find_quotes(text))


def _window_start(text: str, pos: int) -> int:
    """Where the :data:`WINDOW` characters before ``pos`` begin, quotations not counted
    (up to three windows back): a speaker's long quotations keep the speaker in focus
    (``Vale said ... “<a long quotation>,” she said``)."""
    budget, cur = WINDOW, pos
    for s, e in reversed([q for q in _quotations(text) if q[0] < pos]):
        gap = cur - min(e, cur)
        if gap >= budget:
            break
        budget -= gap
        cur = min(cur, s)
    return max(0, cur - budget, pos - 3 * WINDOW)


def _last_seen(text: str, pos: int, sp: Speaker, *, text_mentions: bool = True) -> int:
    """Where ``sp`` was last written before ``pos`` (a source mention, or its surname or
    organisation name in the text), within :data:`WINDOW` (quotations not counted);
    ``-1`` if not there."""
    lo = _window_start(text, pos)
    best = max((e for s, e in sp.mentions if lo <= s and e <= pos), default=-1)
    if sp.name and text_mentions:
        key = sp.name.split()[-1] if _is_person(sp) is not False else sp.name
        for mm in re.finditer(rf"\b{re.escape(key)}\b(?![’']s)", text[lo:pos]):
            if _quoted(text, lo + mm.start()):
                continue
            # "the apology she wants from Trump": the object of a preposition is not
            # the person in focus; nor is one named for comparison ("Like Hale, he said")
            if re.search(
                r"\b(?:from|to|with|by|of|about|for|against|on|at|than|[Ll]ike|[Uu]nlike)\s+$",
                text[max(0, lo + mm.start() - 12) : lo + mm.start()],
            ):
                continue
            if re.search(
                r"\b(?:[Tt]he|an?|[Tt]his|[Tt]hat)\s+$",
                text[max(0, lo + mm.start() - 6) : lo + mm.start()],
            ):
                # "the Mueller report", "a Trump rally": a surname after a determiner
                # modifies a noun; the person is not in focus there
                continue
            if re.search(
                r"\b(?:said|says|argued|argues|claimed|claims|noted|notes)(?: that|,)?\s+$",
                text[max(0, lo + mm.start() - 16) : lo + mm.start()],
            ) and not re.match(r"[.,!?;:]", text[lo + mm.end() : lo + mm.end() + 1]):
                # "Beck said Cruz would have done better", "Beck said, Cruz is …": the
                # subject of what another says is not the person in focus ("…,” said
                # Cruz. is a source)
                continue
            if re.search(
                r"\b(?:told|tells|telling)\s+$",
                text[max(0, lo + mm.start() - 10) : lo + mm.start()],
            ):
                # "Cole told Hale that … He said later": the one told is not in focus;
                # the teller stays the subject (the one asked may answer, so "asked" is
                # no such verb)
                continue
            best = max(best, lo + mm.end())
    return best


def _quoted(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quotation of its paragraph (a name a speaker says)?"""
    para = text.rfind("\n", 0, pos) + 1
    before = text[para:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _most_salient(
    text: str,
    pos: int,
    speakers: Sequence[Speaker],
    recent: Sequence[int],
    gender: str | None,
    *,
    persons_only: bool,
    text_mentions: bool = True,
    known_only: bool = False,
    exclude: frozenset[int] = frozenset(),
    unsure_none: bool = False,
) -> int | None:
    """The speaker written most recently before ``pos`` that agrees with ``gender`` (and
    is a person, if asked; is known to agree, if ``known_only``; is not in ``exclude``),
    within :data:`WINDOW`; ``None`` when there is none (or, if ``unsure_none``, when only
    a man's head start picks him over a named person written later)."""
    best, best_at = None, -1
    nearest, nearest_at = None, -1
    for sid in recent:
        sp = speakers[sid]
        person = _is_person(sp)
        if persons_only and person is False:
            continue
        known = sp.gender or _written_gender(text, sp)
        if gender is not None and known not in (None, gender):
            continue
        if known_only and known != gender:
            continue
        if sid in exclude or _named_together(sp):
            continue
        at = _last_seen(text, pos, sp, text_mentions=text_mentions)
        if at < 0:
            continue
        # a speaker known to agree gets a head start over one whose gender is unknown:
        # "Holm said more. She said less." is Karen Ode, named a sentence earlier, but
        # "Barringer says she voted ... she told NPR" is Barringer
        # (a gender only the article's full names tell rules out, but earns no head start:
        # "Donald Trump" named in passing is not in focus)
        # (for "she", the full name earns it where its person is the one who last spoke:
        # "Brenda Snipes … Snipes said it was her “honor”. “…,” she wrote" is Snipes, not
        # a spokeswoman quoted before her; "he" keeps its caution below, a man written in
        # full being no rarity in a subordinate clause: "because Trump made comments …")
        spoke = _last_seen(text, pos, sp, text_mentions=False)
        agrees = sp.gender == gender or (gender == "f" and known == gender and spoke == at)
        bonus = _AGREEMENT_BONUS if gender is not None and agrees else 0
        rank = at + bonus
        if rank > best_at:
            best, best_at = sid, rank
        if spoke > nearest_at:
            nearest, nearest_at = sid, spoke
    if (
        best is not None
        and best != nearest
        and nearest is not None
        and unsure_none
        and persons_only
        and speakers[nearest].name is None
        and _is_person(speakers[nearest]) is True
        and nearest_at > _last_seen(text, pos, speakers[best], text_mentions=text_mentions)
        and _spoke_just_before(text, pos, nearest_at)
        and _opens_its_clause(text, speakers[nearest], nearest_at)
    ):
        # "Hale says …. Stunned, the pollster laments that …. He writes": a person the
        # sentence before describes as its subject is the one in focus, whatever head
        # start a man named farther back has
        return nearest
    if (
        best is not None
        and best != nearest
        and nearest is not None
        and unsure_none
        and gender == "m"
        and persons_only
        and speakers[nearest].name is not None
        and nearest_at > _last_seen(text, pos, speakers[best], text_mentions=text_mentions)
    ):
        # the head start alone picks a man over a person who spoke later and whose gender
        # the article does not tell ("Roger Hale told … Thakur told … he said"): as most
        # people quoted in the news are men, that is a guess against the odds, left
        # unresolved ("she" keeps the head start: "Karen Ode … Holm said. She said" is
        # most likely Ode; a person only named in passing, "bringing up Machado", is
        # no such rival)
        if _spoke_just_before(text, pos, nearest_at):
            return nearest
        return None
    return best


#: words opening a subordinate clause: a subject after them is not the sentence's
_SUBORDINATORS = re.compile(
    r"\b(?:after|before|when|while|as|because|since|although|though|if|until|that|who|"
    r"whom|which|where|and|but|or)\b",
    re.IGNORECASE,
)


def _opens_its_clause(text: str, sp: Speaker, end: int) -> bool:
    """Is the mention of ``sp`` ending at ``end`` its sentence's subject: the sentence's
    first words, or right after a fronted phrase set off by a comma (``Stunned by the
    results, the pollster laments``), never inside a subordinate clause (``after the
    pollster said``)?"""
    start = next((s for s, e in sp.mentions if e == end), None)
    if start is None:
        return False
    opening = _clause_before(text, start).strip()
    return not opening or (opening.endswith(",") and _SUBORDINATORS.search(opening) is None)


def _spoke_just_before(text: str, pos: int, spoke_at: int) -> bool:
    """Whether the source mention ending at ``spoke_at`` is in the sentence right before
    the one ``pos`` opens (``pos`` after nothing but a quotation or a subordinating
    conjunction that opens it), outside quotations ("Ruiz told the AP that … . He cited
    …", "… .¶“…,” he said"): the last sentence's speaker is the one in focus, whatever a
    man named before it."""
    if spoke_at < 0 or _quoted(text, spoke_at):
        return False
    between = _OPENER_BEFORE_PRONOUN.sub("", text[spoke_at:pos])
    if not _one_sentence_end(between):
        # "Roe labels them “Satan.” He states": words quoted inside the speaker's own
        # sentence, opened and closed there, are that speaker's report, no one else's
        own = _OWN_FRAGMENT.sub(lambda fm: fm.group(1), text[spoke_at:pos])
        between = _OPENER_BEFORE_PRONOUN.sub("", own)
        if not _one_sentence_end(between):
            return False
    # a paragraph (or, in sentence-per-line texts, a line) may end right after that
    # sentence when the speaker is its subject: "Ruiz told the AP that … .¶“…,” he
    # said" still follows Ruiz's report, "… after Ruiz told the AP ….¶He cited" may not
    opening = _clause_before(text, spoke_at)
    return "\n" not in between or _SUBJECT_ONLY.fullmatch(opening) is not None


#: a quotation opened and closed inside one sentence, its words kept
_OWN_FRAGMENT = re.compile(r"“([^“”\"\n]+)”")


def _one_sentence_end(between: str) -> bool:
    """Does ``between`` (the text from a speaker's mention to a pronoun) end the
    speaker's sentence where it ends, with no other sentence end, paragraph break (but
    one at its end) or quotation mark in it?"""
    if "\n" in between.rstrip() or re.search(r"[“”\"]", between):
        return False
    ends = list(re.finditer(r"\w[.!?]\s+", between))
    return len(ends) == 1 and ends[0].end() == len(between)


#: a sentence's opening words that are only a capitalised name (with its title or
#: office): the subject of the sentence
_SUBJECT_ONLY = re.compile(r"(?:[A-Z][\w.’'-]*\s+){0,5}[A-Z][\w.’'-]*")


#: what may open the pronoun's sentence before the pronoun without changing who is in
#: focus: a quotation it ends ("“…,” he said"), or a subordinating conjunction ("While
#: he says"); "But he …" may turn from the last sentence's subject to its topic
_OPENER_BEFORE_PRONOUN = re.compile(
    r"(?:[“\"][^“”\"\n]+[”\"]\s*|(?:While|Although|Though|When|As)\s+)$"
)


#: a document noun, then a phrase ending in a name right before ``, which`` (``a health
#: alert to its staff in China, which``): the relative pronoun's antecedent is the
#: document, the name only the object of a preposition inside its phrase
_ISSUED_NOUNS = _DOC_NOUNS | {"warning", "guidance", "circular"}
_DOCUMENT_THEN_PLACE = re.compile(
    rf"\b(?:{'|'.join(sorted(_ISSUED_NOUNS))})\b[^.!?\n“”\"]*?"
    r"\b(?:in|to|at|from|for|across|on|with|about)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s?){1,4},?\s*$"
)


def _clause_before(text: str, pos: int) -> str:
    """The text of the sentence holding ``pos``, up to ``pos``."""
    lo = max(0, pos - 400)
    ends = re.finditer(r"[.!?][”\"’']?\s+|\n", text[lo:pos])
    return text[max((lo + mm.end() for mm in ends), default=lo) : pos]


def _issuer_in_sentence(
    text: str, pos: int, speakers: Sequence[Speaker], recent: Sequence[int]
) -> int | None:
    """The speaker last written as a source in the sentence before ``pos`` (the subject
    that issued the document a relative clause describes), or ``None``."""
    start = pos - len(_clause_before(text, pos))
    best, best_at = None, -1
    for sid in recent:
        for s, e in speakers[sid].mentions:
            if start <= s and e <= pos and e > best_at:
                best, best_at = sid, e
    return best


#: a name and an appositive set off by a comma, the appositive's article and lowercase
#: modifiers ending right where a capitalised word begins (``Ali Yazdi, a
#: fifteenth-century `` of ``Ali Yazdi, a fifteenth-century Persian who``)
_APPOSED_BEFORE_CAPITAL = re.compile(
    r"(?:^|[,;:.!?\n]\s*)(?P<name>[A-Z][\w’'-]*(?: (?:[A-Z][\w’'-]*|[a-z]{1,3}-[A-Z][\w’'-]*|"
    r"de|van|von|al|bin)){0,4}), (?P<role>(?:an?|the) (?:[a-z][\w-]* ){0,3})$"
)


#: an article and lowercase modifiers right before a capitalised word
#: (``a fifteenth-century `` of ``a fifteenth-century Persian``)
_ARTICLE_BEFORE = re.compile(r"(?<!\S)(?:an?|the) ((?:[a-z][\w-]* ){0,3})$")
#: capitalised nouns of a party's members, a description like a people's adjective
_PARTY_MEMBERS = frozenset(["democrat", "republican"])


def _describing_word(word: str) -> bool:
    """Is ``word`` one capitalised word that describes, in the singular or the plural,
    a people, a faith, a region or a party's members (``Persian``, ``Democrats``)?"""
    low = word.lower()
    kinds = _GROUP_ADJECTIVES | _PARTY_MEMBERS
    return re.fullmatch(r"[A-Z][a-z]+", word) is not None and (
        low in kinds or (low.endswith("s") and low[:-1] in kinds)
    )


def _described_before_who(before: str, cap: int) -> Mention | None:
    """``Ali Yazdi, a fifteenth-century Persian`` before a ``who``, the capitalised
    words from ``cap`` on following an article and lowercase modifiers, so that they
    describe (``a Persian``, ``a Democrat``) rather than name: the name the description
    is apposed to, with the description as its role, or ``None``."""
    am = _APPOSED_BEFORE_CAPITAL.search(before[:cap])
    if am is None:
        return None
    found = parse_mention(am.group("name"))
    if found.kind != "name" or not found.name or found.members:
        return None
    role = (am.group("role") + before[cap:]).strip()
    return Mention("name", name=am.group("name"), role=role, gender=found.gender, text="who")


def _resolve_pronoun(
    text: str,
    src: Range,
    m: Mention,
    speakers: list[Speaker],
    recent: list[int],
    new: Callable[[Mention], int],
) -> int | None:
    """The speaker a pronoun source refers to, or ``None`` (left unresolved) when no
    speaker of the right gender and number was written within :data:`WINDOW` before it.

    ``he``/``she`` take the most recently written person who agrees in gender (a person
    introduced as a sentence subject counts, even before any attribution); ``they`` an
    unnamed group or an organisation; ``it`` an organisation; ``I``/``we``/``you`` are
    not resolved (the writer or an unclear speaker)."""
    low = m.text.lower()
    if low == "which" and _DOCUMENT_THEN_PLACE.search(_clause_before(text, src[0])):
        # "issued a health alert to its staff in China, which states:": "which" is the
        # document, not the name in the phrase after it; its words are its issuer's
        return _issuer_in_sentence(text, src[0], speakers, recent)
    if low in ("who", "which", "that"):
        # "Name, who ...": the name written just before the relative pronoun
        before = text[max(0, src[0] - 120) : src[0]].rstrip(" ,")
        mm = re.search(r"((?:[A-Z][\w.’'-]+ ?){1,4})(?:\([^)]*\))?$", before)
        if (
            mm
            and low == "who"
            and _describing_word(mm.group(1).strip())
            and (art := _ARTICLE_BEFORE.search(before[: mm.start()])) is not None
            # "the Ralph Nader Foundation of", "the same Clinton", "the only American":
            # a phrase's object, or a modifier that tells no one apart
            and not any(
                w in STOP | _PREPS | _GENERIC_MODIFIERS | {"only"} for w in art.group(1).split()
            )
        ):
            # "Yazdi, a fifteenth-century Persian who wrote …": a capitalised word after
            # an article is a description; its antecedent is the name it is apposed to,
            # else the description ("a Democrat who said": no one named "Democrat")
            described = _described_before_who(before, mm.start())
            if described is None:
                desc = before[art.start() :].strip()
                return new(Mention("description", role=desc, definite=False, text=desc))
            for cand in reversed(recent):
                if speakers[cand].name and _last(speakers[cand].name or "") == _last(
                    described.name or ""
                ):
                    return cand
            return new(described)
        if mm:
            name_m = parse_mention(mm.group(1))
            probe = Speaker(id=-1, name=name_m.name, role=name_m.role)
            if low == "who" and name_m.name and _is_person(probe) is False:
                # "Ted Cole of Texas, who": a place does not speak; "the legislators in
                # Iowa who": the people before the place do
                group = _group_before_who(text, src[0])
                return None if group is None else new(group)
            if (
                low == "who"
                and name_m.name
                and _is_person(probe) is not True
                and _PEOPLE_THEN_PREPOSITION.search(before[: mm.start()])
            ):
                # "a group of Islamic converts to Catholicism, who want": a name a
                # preposition after people governs is no antecedent, the people are
                return None
            if name_m.kind == "name" and name_m.name:
                for cand in reversed(recent):
                    if speakers[cand].name and _last(speakers[cand].name or "") == _last(
                        name_m.name
                    ):
                        return cand
                return new(name_m)
        if low == "who" and (group := _subject_before_who(text, src[0])) is not None:
            return new(group)
        if low == "who" and (group := _group_before_who(text, src[0])) is not None:
            return new(group)
        return None
    if low in ("his", "her", "their") and _CATAPHORIC.search(text[max(0, src[0] - 40) : src[0]]):
        # "In his attacks on Reed, Cole spokesman Gates repeated": the possessor is the
        # subject named after the opening phrase, not anyone before
        return None
    obj = None
    if low in ("his", "her"):
        obj = _object_before(text, src[0], m.gender, speakers, recent)
    if obj is not None:
        # "Holt confronted Reed with his statement that": the one the verb acts on, right
        # before the possessive, owns what it names
        return obj if isinstance(obj, int) else new(obj)
    if low in ("he", "she") and (owner := _owner_of_occasion(text, src[0], m.gender)):
        # "Tom Reed's address in which he told the crowd that": the person whose speech,
        # interview or letter the clause opens is the one speaking in it
        for c in reversed(recent):
            if speakers[c].name and _last(speakers[c].name or "") == _last(owner.name or ""):
                return c
        return new(owner)
    if low in ("he", "she", "him", "her", "his", "hers"):
        sid = _most_salient(
            text, src[0], speakers, recent, m.gender, persons_only=True, unsure_none=True
        )
        known_at = _last_seen(text, src[0], speakers[sid]) if sid is not None else -1
        # a person introduced since then (a subject, not yet a speaker) is more salient;
        # "He began by attacking President Jo Roe. He asked": a sentence the same pronoun
        # opened kept its subject, and the people it named after it are no new subject
        named = _named_before(
            text,
            _same_pronoun_lead(text, src[0], low),
            m.gender,
            speakers,
            recent,
            new,
            after=known_at,
        )
        sid = sid if named is None else named
        if sid is None:
            sid = _sole_person_named(text, src[0], m.gender, speakers, recent, new)
        controlled = None
        if sid is None:
            sid = controlled = _controlled_person(text, src[0], m.gender, speakers, recent, new)
        if (
            sid is not None
            and m.gender is not None
            and (speakers[sid].gender or _written_gender(text, speakers[sid])) != m.gender
            and _asked_last(text, src[0], speakers[sid])
        ):
            # "“…?” Dunn asked. “…,” she said.": the answer is not the questioner's, unless
            # the text says the questioner is of that gender; a person known to agree is
            # the one answering, else no one is sure
            sid = _most_salient(
                text,
                src[0],
                speakers,
                recent,
                m.gender,
                persons_only=True,
                known_only=True,
                exclude=frozenset([sid]),
            )
        if sid is None and m.gender is not None:
            # "Hale asked fellow guest Ann Lee about the inquiry. “…,” she said": the
            # answer is the one asked, when the question's sentence is just before
            sid = _person_asked(text, src[0], m.gender, speakers, recent, new)
        if sid is not None and _focus_moved(text, src[0], sid, speakers):
            return None
        if sid is not None:
            rivals = _rivals_in_sentence(text, src[0], speakers[sid], m.gender)
            if rivals:
                # "The Home Office admitted Tom Hale, though he has said": the person
                # the pronoun's own clause names, not one named before it; two such
                # people leave it unclear
                if len(rivals) > 1:
                    return None
                sid = next(
                    (
                        c
                        for c in reversed(recent)
                        if speakers[c].name and _last(speakers[c].name or "") == _last(rivals[0])
                    ),
                    None,
                )
                if sid is None:
                    sid = new(parse_mention(rivals[0]))
        subject = None if sid is None else _subject_over(text, src[0], sid, speakers, recent, m)
        if subject is not None:
            # "After court, Roe told reporters Lane had threatened him. “…,” he said":
            # the subject of the sentence before, not a person written after it there
            sid = subject
        office = _sole_office_subject(text, src[0], m.gender)
        if office is not None and (
            sid is None
            or (
                _last_seen(text, src[0], speakers[sid]) < office[1]
                and not _holds_office(text, speakers[sid], office[0].lower())
            )
        ):
            # "Cruz writes … The Pope later apologised … “…,” he said": the office holder
            # the sentence before made its subject, not the person named before it
            sid = next(
                (
                    c
                    for c in reversed(recent)
                    if _is_person(speakers[c]) is not False
                    and office[0].lower() in f"{speakers[c].role} {speakers[c].name}".lower()
                ),
                None,
            )
            if sid is None:
                sid = new(Mention("description", role=office[0], definite=True, text=office[0]))
        if (
            sid is not None
            and sid != controlled
            and _first_name_disagrees(text, speakers[sid], m.gender)
        ):
            # "Hillary told him …. Then he said": a person known by a first name of
            # the other gender is not "he"; better no speaker than that one
            return None
        if (
            sid is not None
            and speakers[sid].gender is None
            and _is_person(speakers[sid]) is not False
        ):
            speakers[sid].gender = m.gender
        return sid
    if low in ("they", "them", "their"):
        heading = _heading_organisation(text, src)
        if heading is not None:
            # "Mizen Head's 'The Mizen' to close" ¶ "They said: …": a live blog's entry
            # speaks for the one its heading names
            for sid in reversed(recent):
                if (speakers[sid].name or "").lower() == heading.lower():
                    return sid
            return new(Mention("name", name=heading, text=heading))
        for sid in sorted(recent, key=lambda c: -_last_seen(text, src[0], speakers[c])):
            if _last_seen(text, src[0], speakers[sid]) < 0:
                break
            if _is_person(speakers[sid]) is True:
                return None  # the nearest candidate is a person: too unclear to skip it
            if _only_reports(text, src[0], speakers[sid]):
                # "the professor wrote in an email obtained by BuzzFeed News … they
                # wrote": an outlet that only passes on others' words wrote none of them
                continue
            if _is_plural(speakers[sid]):
                if _unnamed_group_since(text, _last_seen(text, src[0], speakers[sid]), src[0]):
                    # "Experts predicted …. Others posited …. they say": the people a
                    # quantifier stood for since are as likely "they", and are no one
                    return None
                return sid
        return None
    if low == "it" and re.match(
        r"\s+(?:was|is|has been|had been|looks|seems|appears)\s", text[src[1] : src[1] + 20]
    ):
        # "It was also revealed that", "it looks like that approach is working": no one
        # is the source of a passive or of an impersonal "it"
        return None
    if low == "it":
        for sid in sorted(recent, key=lambda c: -_last_seen(text, src[0], speakers[c])):
            if _last_seen(text, src[0], speakers[sid]) < 0:
                break
            sp = speakers[sid]
            if sp.name is None and _titled_head(sp.role or ""):
                continue  # "The professor did not … it said": a person is no "it"
            if _is_person(sp) is False and not sp.members:
                if _other_body_since(text, _last_seen(text, src[0], sp), src[0], sp):
                    # "… according to BuzzFeed News. A representative for Northfield
                    # College didn't respond. In a tweet, it said": the body named since
                    # may be "it" as well; better no name than a guess
                    return None
                # "voters", "Many": a group described in the plural is no "it"
                return None if sp.name is None and _is_plural(sp) else sid
        return None
    return None


#: a quantifier opening a sentence as its whole subject (``Others posited``, ``Some say``)
_QUANTIFIER_SUBJECT = re.compile(
    r"(?:^|[.!?”]\s+)(?P<q>[A-Z][a-z]+)\s+(?:[a-z]+ed|[a-z]+s|say|argue|claim|think|believe)\b"
)


def _unnamed_group_since(text: str, seen: int, pos: int) -> bool:
    """Is there a sentence between ``seen`` and ``pos`` whose subject is a quantifier
    standing alone for people (``Others posited that``)?"""
    return any(
        m.group("q").lower() in QUANTIFIER_PRONOUNS
        for m in _QUANTIFIER_SUBJECT.finditer(text, max(seen, 0), pos)
    )


def _same_pronoun_lead(text: str, pos: int, low: str) -> int:
    """Where the run of sentences that open with the pronoun ``low``, and end with the
    one at ``pos``, starts (``He began his speech by attacking President Jo Roe. He
    asked, “…” He then cited``): they all have one subject, so what names a new
    subject for ``pos`` is written before the run. Sentences inside quotations are
    the speaker's and break no run. ``pos`` when the sentence before opens otherwise."""
    lo = max(0, pos - WINDOW)
    starts = [lo] if lo == 0 else []
    starts += [mm.end() + lo for mm in re.finditer(r"\n+|[.!?][”\"’']?\s+", text[lo:pos])]
    quotes = _quotations(text)
    starts = [s for s in starts if s == pos or not any(a < s < b for a, b in quotes)]
    if not starts or starts[-1] != pos:
        return pos  # the pronoun does not open its sentence
    lead = pos
    for s in reversed(starts[:-1]):
        if not re.match(rf"{low}\s+[a-z]", text[s:pos], re.I):
            break
        lead = s
    return lead


#: a verb's object, a preposition, then a possessive pronoun (``confronted Reed with
#: his``, ``asked Ann Lee about her``)
_OBJECT_THEN_POSSESSIVE = re.compile(
    r"\b[a-z]+(?:ed|s) ((?:[A-Z][\w’'-]+ ){0,2}[A-Z][\w’'-]+) (?:with|about|over|for|on) $"
)


def _object_before(
    text: str, pos: int, gender: str | None, speakers: Sequence[Speaker], recent: Sequence[int]
) -> int | Mention | None:
    """The person a verb acts on right before the possessive at ``pos`` (``Holt
    confronted Reed with his statement``), of no other gender: a speaker with that
    surname, else the mention of a person the article named in full (not a speaker
    yet). ``None`` when no such object is written."""
    mm = _OBJECT_THEN_POSSESSIVE.search(text[max(0, pos - 80) : pos])
    if mm is None or _quoted(text, pos):
        return None
    name = mm.group(1)
    for cand in reversed(recent):
        sp = speakers[cand]
        if sp.name and _last(sp.name) == _last(name) and _is_person(sp) is not False:
            known = sp.gender or _written_gender(text, sp)
            return None if gender is not None and known not in (None, gender) else cand
    full = name if " " in name else _full_name_written(text[:pos], name)
    if full is None:
        return None
    found = parse_mention(full)
    probe = Speaker(id=-1, name=found.name, role=found.role, gender=found.gender)
    if found.kind != "name" or _is_person(probe) is not True:
        return None
    if gender is not None and found.gender not in (None, gender):
        return None
    return found


#: a possessive name, then a speech, interview or text it owns, then "in which" right
#: before a pronoun: ``Tom Reed's 2018 address in which he``
_OCCASION_OWNER = re.compile(
    r"\b((?:[A-Z][\w.-]*\s){0,3}[A-Z][\w-]*)[’']s?\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?i:address|speech|sermon|remarks|interview|lecture|talk|letter|statement|post|"
    r"op-ed|column|essay|book|memoir|testimony|rally|tweet|video|podcast|broadcast),?"
    r"\s+(?:in|during|at) which\s+$"
)


#: a sentence opening "In it," right before a pronoun: the text the sentence before named
_IN_IT = re.compile(r"(?:^|(?<=[.!?”\"’']\s)|(?<=\n))In it,?\s+$")
#: a text and the person it says wrote or gave it: ``an article written by Tom Reed``
_AUTHORED_BY = re.compile(
    r"\b(?i:article|letter|essay|column|op-ed|blog post|post|book|memoir|sermon|speech|"
    r"statement)s?,?\s+(?:(?:was|were)\s+)?(?:written|authored|penned|delivered|given|signed)"
    r"\s+by\s+((?:[A-Z][\w.’'-]*\s){0,3}[A-Z][\w’'-]*)\b(?![’']s?\b)"
)


def _owner_of_occasion(text: str, pos: int, gender: str | None) -> Mention | None:
    """The person whose speech or text a ``he``/``she`` at ``pos`` speaks in (``Ann
    Lee's speech, in which she said``; ``an article written by Tom Reed …. In it, he
    claims``): a possessor or an agent after ``by`` is otherwise skipped as an
    antecedent, but here it is the only one the clause allows. ``None`` unless that
    person is plainly a person of an agreeing gender, and the only author named."""
    lo = max(0, pos - 160)
    mm = _OCCASION_OWNER.search(text[lo:pos])
    if mm is not None:
        written, at = mm.group(1), lo + mm.start(1)
    elif _IN_IT.search(text[lo:pos]):
        prev = _previous_sentence_start(text, pos)
        authors = {am.group(1): am.start(1) for am in _AUTHORED_BY.finditer(text, prev, pos)}
        if len(authors) != 1:
            return None
        written, at = next(iter(authors.items()))
    else:
        return None
    if _quoted(text, at):
        return None
    cand = parse_mention(written)
    if cand.kind != "name" or not cand.name:
        return None
    probe = Speaker(id=-1, name=cand.name, role=cand.role, gender=cand.gender)
    if _is_person(probe) is not True:
        return None  # "Britain's speech", "the Kremlin's statement": no person
    first = cand.name.split()[0].split("-")[0]
    cand_gender = cand.gender or first_name_gender(first)
    if gender is not None and cand_gender not in (None, gender):
        return None
    return cand


#: words before a source that make it the outlet passing words on, not their author
_REPORTED_BY = re.compile(
    r"\b(?:[Aa]ccording to|(?:obtained|reported|published|seen|first reported) by)\s+$"
)
#: a source that is an outlet's report ("a report in BuzzFeed News")
_OUTLET_REPORT = re.compile(r"(?:[Aa]n? |[Tt]he )?(?:report|story|article)s? (?:in|by|from) ")


def _only_reports(text: str, pos: int, sp: Speaker) -> bool:
    """Whether ``sp`` is a news outlet the text before ``pos`` gave only as the one
    reporting others' words ("according to BuzzFeed News", "an email obtained by the
    Post"), never as a speaker of its own: a later pronoun does not stand for it."""
    words = (sp.name or "").lower().split()
    if not words or words[-1] not in _PAPERS | _OUTLET_ENDS:
        return False
    before = [(s, e) for s, e in sp.mentions if e <= pos]
    return bool(before) and all(
        _REPORTED_BY.search(text[max(0, s - 25) : s]) or _OUTLET_REPORT.match(text[s:e])
        for s, e in before
    )


#: a run of two to four capitalised words, not a possessor
_CAPITALISED_RUN = re.compile(
    r"(?<![\w.’'-])((?:[A-Z][a-z’'-]+ ){1,3}(?:O[’']|Mc|Mac)?[A-Z][a-z’'-]+)(?<![’'])\b"
    r"(?![’']s| [A-Z])"
)


#: Words before a capitalised run that make it something of someone's, not a person.
_POSSESSIVE_DETERMINERS = frozenset(["his", "her", "its", "their", "my", "our", "your"])


def _subject_over(
    text: str, pos: int, sid: int, speakers: Sequence[Speaker], recent: Sequence[int], m: Mention
) -> int | None:
    """Another speaker of the pronoun's gender who is the subject of the sentence before
    it, where ``sid`` is only named after that subject (see
    :func:`~spinscope.attribution.focus.subject_before`); ``None`` if there is none."""
    chosen = speakers[sid].name
    if not chosen:
        return None
    span = sentence_before(text, pos)
    if span is None:
        return None
    by_name: dict[str, int] = {}
    for c in reversed(recent):
        sp = speakers[c]
        if c == sid or not sp.name:
            continue
        person = _is_person(sp)
        if person is False or (
            person is None and not any(span[0] <= s < span[1] for s, _ in sp.mentions)
        ):
            # a name not known to be a person's may still be one where it is the source
            # of that sentence's own words ("Trump described Powell as …")
            continue
        if (sp.gender or _written_gender(text, sp)) not in (None, m.gender):
            continue
        if _first_name_disagrees(text, sp, m.gender):
            continue
        by_name.setdefault(sp.name.split()[-1], c)
    last = chosen.split()[-1]
    if not by_name or last in by_name:
        return None
    subject = subject_before(text, pos, list(by_name), last)
    return None if subject is None else by_name[subject]


def _rivals_in_sentence(text: str, pos: int, sp: Speaker, gender: str | None) -> list[str]:
    """The people the sentence holding ``pos`` names before it (full names, outside
    quotations, not after a preposition nor as a possessor) when it does not name
    ``sp``: a pronoun in that sentence is more likely one of them than ``sp``. Empty
    when ``sp`` is named there, when the sentence opens with people as subject (``The
    police arrested John Hale after he``), or when none is named."""
    para = text.rfind("\n", 0, pos) + 1
    ends = [
        mm.end()
        # "on NBC. “But …”, he said": an acronym may end a sentence; an initial does not
        for mm in re.finditer(r"(\w*[A-Za-z)])[.!?][”\"’']?\s+(?=[“\"A-Z])", text[para : pos + 1])
        if not _TITLE_ABBREVIATION.fullmatch(mm.group(1))
        and not re.fullmatch(r"[A-Z]", mm.group(1))
        and mm.end() <= pos - para
    ]
    lo = para + (ends[-1] if ends else 0)
    before = text[lo:pos]
    expletive = False
    if not re.sub(r"[“\"][^”\"]*[”\"]?", "", before).strip(" ,\n"):
        # "It was a similar sentiment from Rep. Tom Hale.\n“…,” he said": a sentence
        # whose subject is an empty "it" or "there" puts the one it names in focus
        lo = _sentence_before(text, lo)
        expletive = bool(re.match(r"(?:It|There|This) (?:was|is)\b", text[lo:pos]))
        if not expletive:
            return []
        before = text[lo:pos]
    # (``_last`` is lowercased: the name is looked for whatever its case)
    if sp.name and re.search(rf"\b{re.escape(_last(sp.name))}\b", before, re.I):
        return []
    opener = re.match(r"[A-Z][a-z]+", before)
    if opener and opener.group().lower() in _DETS and _people_subject(before[opener.end() :]):
        return []
    found: list[str] = []
    for fm in _CAPITALISED_RUN.finditer(before):
        if _quoted(text, lo + fm.start()) or fm.start() == 0:
            continue  # the sentence's opening words may be a heading's or a subject's
        prev = re.search(r"(\S+)\s*$", before[: fm.start()])
        if prev and prev.group(1)[-1] in '“"':
            continue
        if (
            prev
            and prev.group(1).lower() in _PREPS
            and not expletive
            and not _passive_agent(before[: fm.start()])
        ):
            continue
        if prev and prev.group(1)[:1].isupper() and prev.group(1)[-1].isalpha():
            continue  # "PAHO Director Carissa F. Etienne": part of a longer name
        if prev and prev.group(1).lower() in _POSSESSIVE_DETERMINERS:
            continue  # "In his Annual Message, he said": a title of his, no one else
        if any(w in _HEADLINE_WORDS for w in fm.group(1).split()):
            continue
        if re.search(r"[’']s?$", fm.group(1)):
            # "the war between Governor Mark Ruiz's board and …": a possessor modifies
            # the object's noun, no one the pronoun may stand for
            continue
        cand = parse_mention(fm.group(1))
        if cand.kind != "name" or not cand.name:
            continue
        if prev and prev.group(1).lower() in ("the", "a", "an") and cand.gender is None:
            # "at the Grand Ole Opry she told": a name after an article is a place or a
            # body, unless a first name in it shows a person ("the United Nations Nikki
            # Haley")
            continue
        probe = Speaker(id=-1, name=cand.name, role=cand.role, gender=cand.gender)
        if _is_person(probe) is not True or _gender_clash(text, probe, gender):
            continue
        if cand.name not in found:
            found.append(cand.name)
    return found


_PASSIVE_BY = re.compile(
    r"\b(?:was|were|is|are|been|being|be|wasn[’']t|weren[’']t|isn[’']t)\s+"
    r"(?:\w+ly\s+)?(\w+)\s+by\s+$"
)


def _passive_agent(before: str) -> bool:
    """Does ``before`` end with a passive verb and ``by`` (``May’s misery wasn’t helped
    by``)? The name after it is the clause's doer, as present as a subject for a
    pronoun later in the sentence, unlike a name after any other preposition."""
    mm = _PASSIVE_BY.search(before)
    return mm is not None and _past_verb(mm.group(1))


def _heading_organisation(text: str, src: Range) -> str | None:
    """The organisation a heading names, for ``They`` opening the paragraph right under
    it before a speech verb and a colon (``Tourist attractions - Mizen Head's 'The
    Mizen' to close`` ¶ ``They said: "…"``): the heading's one quoted name, else the one
    capitalised name after its dash. ``None`` when the line above is no heading (it
    ends a sentence, or is long) or names no such one."""
    if text[src[0] - 1 : src[0]] != "\n" or not re.match(
        r"\s+(?:said|say|says|wrote|posted|added|announced)\s*:", text[src[1] : src[1] + 20]
    ):
        return None
    start = text.rfind("\n", 0, src[0] - 1) + 1
    line = text[start : src[0] - 1].strip()
    if not line or line[-1] in ".!?:”\"'’" or len(line.split()) > 15:
        return None
    quoted = re.findall(r"(?:^|\s)['‘\"“]([A-Z][^'’\"”]{1,40})['’\"”](?=\s|$)", line)
    if len(quoted) == 1:
        return str(quoted[0])
    after = re.search(r"\s[-–—:]\s+((?:[A-Z][\w’'&.-]*\s?){1,4})(?=\s[a-z]|$)", line)
    if after is None:
        return None
    name = after.group(1).strip()
    first = name.split()[0]
    if first_name_gender(first) or is_place_name(name) or _not_a_name(first):
        return None  # a person's name ("- Mary Hale to retire"), a place or a date
    return name


def _first_name_disagrees(text: str, sp: Speaker, gender: str | None) -> bool:
    """Is ``sp`` of unknown gender, known by one word only, a first name of the gender
    other than ``gender`` (``Hillary`` for ``he``)? Not where the text writes that word
    as a surname (``Belinda Scott`` … ``Scott``)."""
    if gender is None or sp.gender is not None or not sp.name or " " in sp.name.strip():
        return False
    name = sp.name.strip()
    other = first_name_gender(name)
    if other is None or other == gender:
        return False
    return re.search(rf"\b[A-Z][\w.’'-]* {re.escape(name)}\b", text) is None


#: a phrase opening a sentence right before a possessive pronoun ("In his", "During
#: her"): the pronoun looks ahead to the sentence's subject
_CATAPHORIC = re.compile(r"(?:^|[.!?”\"]\s+|\n)(?:In|During|With|Throughout|After|Despite)\s+$")


#: other sources after a person's last mention that take the focus off them
_FOCUS_SHIFT = 3


def _focus_moved(text: str, pos: int, sid: int, speakers: Sequence[Speaker]) -> bool:
    """Have :data:`_FOCUS_SHIFT` other speakers been sources since the person ``sid`` was
    last written? Then ``he``/``she`` is no longer theirs (``Officer Falconer … the
    Times reported … WND reported … VOA reported … “…,” he said`` quotes someone the
    reports named): left unresolved rather than guessed."""
    at = _last_seen(text, pos, speakers[sid])
    others = {
        sp.id for sp in speakers if sp.id != sid and any(at < s < pos for s, _ in sp.mentions)
    }
    return len(others) >= _FOCUS_SHIFT


@lru_cache(maxsize=256)
def _gender_written(text: str, surname: str) -> str | None:
    """The gender of the first names the article writes before ``surname`` (outside
    quotations), when they all agree: ``Kellyanne Conway`` makes ``Conway`` a woman;
    ``Donald Trump`` and ``Melania Trump`` leave ``Trump`` unknown."""
    found = {
        first_name_gender(fm.group(1))
        for fm in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(surname)}\b", text)
        if not _quoted(text, fm.start())
    }
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _gender_clash(text: str, sp: Speaker, gender: str | None) -> bool:
    """Is ``sp`` known (by pronoun, first name or the full name the article writes) to be
    of the gender other than ``gender``?"""
    if gender is None:
        return False
    known = sp.gender or _written_gender(text, sp)
    if known is None and sp.name:
        known = first_name_gender(sp.name.split()[0])
    return known is not None and known != gender


def _written_gender(text: str, sp: Speaker) -> str | None:
    """The gender of a person the speakers know by a surname alone, from the full name
    the article writes (:func:`_gender_written`)."""
    if not sp.name or sp.members or " " in sp.name or _is_person(sp) is False:
        return None
    return _gender_written(text, sp.name)


def _asked_last(text: str, pos: int, sp: Speaker) -> bool:
    """Was ``sp`` last a source, before ``pos``, as the one asking a question (``“…?”
    Dunn asked``, ``Dunn asked, “…?”``)?"""
    before = [(s, e) for s, e in sp.mentions if e <= pos]
    if not before:
        return False
    s, e = before[-1]
    return bool(
        re.match(r"\s*(?:asked|asks|wondered|inquired|pressed)\b", text[e : e + 12])
        or re.search(r"\?[”\"’']?\s*(?:asked|asks)?\s*$", text[max(0, s - 12) : s])
    )


def _person_asked(
    text: str,
    pos: int,
    gender: str,
    speakers: Sequence[Speaker],
    recent: Sequence[int],
    new: Callable[[Mention], int],
) -> int | None:
    """The person the sentence before ``pos`` says was asked (``asked fellow guest Ann
    Lee``), when a first name gives them ``gender``: a speaker with that surname, else a
    new one. ``None`` when that sentence asks no one so named."""
    lo = _sentence_before(text, pos)
    asked = [
        am
        for am in re.finditer(
            r"\basked\s+(?:[a-z][\w-]*\s+){0,3}([A-Z][a-z]+(?:\s+[A-Z][\w’'-]+){1,2})",
            text[lo:pos],
        )
        if not _quoted(text, lo + am.start())
    ]
    if not asked:
        return None
    name = asked[-1].group(1)
    if first_name_gender(name.split()[0]) != gender:
        return None
    found = parse_mention(name)
    if found.kind != "name" or not found.name:
        return None
    same = next(
        (
            c
            for c in reversed(recent)
            if speakers[c].name and _last(speakers[c].name or "") == _last(name)
        ),
        None,
    )
    return same if same is not None else new(found)


def _named_before(
    text: str,
    pos: int,
    gender: str | None,
    speakers: Sequence[Speaker],
    recent: Sequence[int],
    new: Callable[[Mention], int],
    *,
    after: int = -1,
) -> int | None:
    """A person named as a subject within :data:`WINDOW` before ``pos`` (and after
    ``after``) who is not a speaker yet: a new speaker, or ``None``. Subjects open a
    sentence or clause (``Tom Reed replied``, ``when Kathy Vale told``, ``, Robby Mook,``);
    a name after a noun or verb (``host Chuck Todd``, ``told Ann Lee``), inside a
    quotation or before a possessive is not one."""
    lo = _sentence_start(text, max(0, pos - WINDOW, after), pos)
    window = text[lo:pos]
    # a name a speaker says inside a quotation is no subject of the article's own clauses
    found = [
        (fm.start(), fm.group(1) + (fm.group(2) or ""))
        for fm in _SUBJECT_NAME.finditer(window)
        if not _quoted(text, lo + fm.start())
    ]
    for fm in _FULL_NAME.finditer(window):
        if _quoted(text, lo + fm.start()):
            continue
        prev = re.search(r"(\S+)\s*$", window[: fm.start()])
        # "when independent Ross Perot was asked": a name a speech verb follows is its
        # subject, whatever describes it, unless a determiner, preposition or verb
        # governs it (then it may be an institution's name or an object)
        described_subject = bool(
            prev
            and _FINITE_AFTER.match(window, fm.end())
            and prev.group(1)[:1].islower()
            and prev.group(1).lower() not in _PREPS | _DETS
            and not re.search(r"(?:ed|told|said|says|tells|asks)$", prev.group(1))
        ) or bool(
            # "Republican presidential nominee Donald Reed has held out": a name a role
            # noun introduces, before its clause's verb, is that clause's subject
            prev
            and prev.group(1).islower()
            and prev.group(1) in PERSON_HEADS
            and re.match(r" (?:has|had|is|was)\b", window[fm.end() :])
        )
        if (
            prev
            and prev.group(1).endswith(".")
            and _is_title(prev.group(1))
            and (
                _FINITE_AFTER.match(window, fm.end())
                or _past_verb(window[fm.end() + 1 :].split(" ", 1)[0].rstrip(",.;:"))
            )
        ):
            # "Gwinnett County Cpl. Dean Washington reacted": a rank's abbreviation
            # before a name and its verb introduces the clause's subject, the rank kept
            # with the name (it tells a person from a place the surname may spell)
            found.append((prev.start(1), f"{prev.group(1)} {fm.group()}"))
            continue
        if not first_name_gender(fm.group(1)) and not described_subject:
            continue
        if (
            prev
            and prev.group(1).lower() in ("and", "or")
            and re.search(r"[A-Z][\w.’'-]*\s+\S+\s*$", window[: fm.start()])
        ):
            continue  # "the Gary Johnson and Bill Weld ticket": names coordinated, no subject
        if (
            prev
            and not (prev.group(1)[-1] in ',;:—–("“.!?' or prev.group(1).lower() in _CLAUSE_OPENERS)
            and not described_subject
        ):
            continue
        found.append((fm.start(), fm.group()))
    found.extend(
        (fm.start(2), fm.group(2))
        for fm in _UNLISTED_TITLE.finditer(window)
        if not _quoted(text, lo + fm.start())
        and not first_name_gender(fm.group(1))
        and fm.group(1).lower() not in STOP | _DETS | _ORG_HEADS
        and not is_place_name(fm.group(1))
        and not _not_a_name(fm.group(1))
        and (
            _FINITE_AFTER.match(window, fm.end(2))
            or _past_verb(window[fm.end(2) + 1 :].split(" ", 1)[0].rstrip(",.;"))
        )
    )
    unlisted: set[int] = set()
    for fm in _SURNAME_SUBJECT.finditer(window):
        # "Nonetheless, Rapinoe has no plans": a surname alone, of a full name the article
        # wrote before ("Megan Rapinoe"), is that person as a subject
        # "May told reporters" after "Theresa May": a month's name before a speech verb
        month_ok = bool(_FINITE_AFTER.match(window, fm.end()))
        full = _full_name_written(text[: lo + fm.start()], fm.group(1), month_ok=month_ok)
        if full is None and _past_verb(window[fm.end() + 1 :].split(" ", 1)[0].rstrip(",.;")):
            full = _unlisted_full_name(text[: lo + fm.start()], fm.group(1))
        if full is not None and not _quoted(text, lo + fm.start()):
            found.append((fm.start(1), full))
            if first_name_gender(full.split()[0]) is None:
                unlisted.add(fm.start(1))
    found.extend(
        # "For Mark Itzen, a social worker, it was a blow": the person a sentence is about
        (fm.start(1), fm.group(1))
        for fm in _TOPIC_FOR.finditer(window)
        if not _quoted(text, lo + fm.start())
    )
    for fm in _TITLED_NAME.finditer(window):
        # "PAHO Director Carissa F. Etienne as she urged": a title introduces a person
        # wherever the phrase stands
        if fm.group(1).lower() in _TITLES and not _quoted(text, lo + fm.start()):
            found.append((fm.start(2), fm.group(2)))
    titled: dict[int, Mention] = {}
    for fm in _TITLED_SUBJECT.finditer(window):
        # "Secretary of State Rex Tillerson visited Syria": an office's run of words
        # before its holder's name is no part of the name, so it must not hide the
        # sentence's subject from a "he" after it
        held = (
            None
            if _quoted(text, lo + fm.start())
            else _titled_holder(text[: lo + fm.start()], fm.group(1))
        )
        if held is not None:
            titled[fm.start()] = held
            found.append((fm.start(), fm.group(1)))
    for k, (at, written) in enumerate(sorted(found, reverse=True)):
        if at in unlisted and k > 0:
            # "Tanja Berg met Karl Weiss and Paul Roth. Weiss left. Roth stayed. … she":
            # a person whose gender no list tells is in focus only as the last subject
            continue
        if any(
            w in _HEADLINE_WORDS or (_is_cap(w) and w.lower() in STOP) for w in written.split()[1:]
        ):
            # "Trump Is Not the Only One …", "Judge Rules To Upend …": a headline in
            # title case, no name (no name holds a capitalised "To" or "For")
            continue
        if re.search(r"[’']s?$", written) or re.match(r"[’']s\b", window[at + len(written) :]):
            continue  # "Alicia Machado's weight gain": a possessive name modifies a noun
        if re.match(r" (?:and|&) [A-Z]", window[at + len(written) :]):
            continue  # "Kristine Phillips and Deanna Paul wrote": two people, no "she"
        if re.search(r"[A-Z][\w.’'-]* (?:and|&) (?:(?:[A-Z][\w.’'-]*|of|for) )*$", window[:at]):
            continue  # "Rex Tillerson and Defense Secretary Jim Mattis": the second of two
        if _compared(window[:at]):
            # "Reed runs as a moderate, not unlike former governor Joe Tanner": a person
            # named for comparison is not the one the clause is about
            continue
        cand_m = titled.get(at) or parse_mention(written)
        if cand_m.kind != "name" or not cand_m.name:
            continue
        if gender is not None and cand_m.gender not in (None, gender):
            continue
        probe = Speaker(id=-1, name=cand_m.name, role=cand_m.role, gender=cand_m.gender)
        if _is_person(probe) is not True:
            continue  # "North Carolina state Sens.", "The Charlotte Observer": no person
        if any(
            speakers[c].name and _last(speakers[c].name or "") == _last(cand_m.name) for c in recent
        ):
            continue  # already a speaker: weighed by salience
        return new(cand_m)
    return None


#: a sentence opening with capitalised words (an office's ``of``/``for`` joining them)
#: before its verb: ``Secretary of State Rex Tillerson visited``, ``Gov. Jo Lee said``
_TITLED_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))"
    r"((?:[A-Z][\w.’'-]*)(?: (?:of|for) [A-Z][\w.’'-]*| [A-Z][\w.’'-]*){1,6})(?= [a-z])",
    re.M,
)


def _titled_holder(before: str, run: str) -> Mention | None:
    """The person a run of capitalised words names after their office (``Secretary of
    State Rex Tillerson``, ``Secretary Tillerson``), or ``None`` when the run opens with
    no title. A surname alone takes the gender the text before (``before``) tells, by a
    first name written with it or by ``Mr.``/``Mrs.``/``Ms.``: unknown, the person is
    no sure antecedent of ``he``/``she``."""
    words = run.split()
    if not _is_title(words[0]) and not (len(words) > 2 and _is_title(words[1])):
        return None  # "Foreign Minister …" opens with the office's modifier at most
    m = parse_mention(run)
    if m.kind != "name" or not m.name:
        if len(words) < 3 or words[-2] in ("of", "for") or _not_a_name(words[-1]):
            return None
        # "Secretary of State Tillerson": the last word is the holder's surname
        m = Mention("name", name=words[-1], role=" ".join(words[:-1]), text=run)
    name = m.name or ""
    if not name or not m.role or not any(_is_title(w) for w in m.role.split()):
        return None
    if m.gender is None and " " not in name:
        title = re.findall(rf"\b(Mr|Mrs|Ms)\.? {re.escape(name)}\b", before)
        told = {"m" if t == "Mr" else "f" for t in title}
        if len(told) <= 1 and (gender := told.pop() if told else _gender_written(before, name)):
            m = Mention("name", name=name, role=m.role, gender=gender, text=run)
    return m


def _last_is(sp: Speaker, name: str) -> bool:
    """Is ``sp`` named, with the surname of ``name``?"""
    return bool(sp.name) and _last(sp.name or "") == _last(name)


def _aged_person(text: str, pos: int) -> str | None:
    """The one person the sentence before ``pos`` (or its own) names in full (``Among
    them was student Dana Price, who …``), for an age used as a noun (``the 24-year-old
    said``): an age describes a person just introduced, in any place of the sentence.
    ``None`` when no person or two are named there: better no name than a guess."""
    lo = _previous_sentence_start(text, pos)
    names = {
        fm.group().split(" ", 1)[1] if fm.group().split()[0].endswith(".") else fm.group()
        for fm in _FULL_NAME.finditer(text, lo, pos)
        if not _quoted(text, fm.start())
    }
    people = {n for n in names if first_name_gender(n.split()[0])}
    return people.pop() if len({_last(n) for n in people}) == 1 and len(people) == 1 else None


def _sole_person_named(
    text: str,
    pos: int,
    gender: str | None,
    speakers: Sequence[Speaker],
    recent: Sequence[int],
    new: Callable[[Mention], int],
) -> int | None:
    """The one person the sentence before ``pos`` (and ``pos``'s own, up to it) names,
    when no speaker or subject is there for ``he``/``she``: ``These attacks encouraged
    port chief Jean-Marc Puissesseau to back the wall. “…,” he said`` is Puissesseau,
    though an object names him. Only a name a known first name or a person noun
    introduces counts, outside quotations, not after a preposition (``the death of John
    Smith``) nor as a possessor; two people named, or one of the other gender, leave the
    pronoun unresolved (no guess)."""
    lo = _previous_sentence_start(text, pos)
    opener = re.match(r"[“\"]?([A-Z][\w’'-]*)", text[lo:pos])
    if (
        opener
        and opener.group(1).lower() not in STOP | _DETS | _PRONOUNS.keys()
        and not _NAMED_PERSON.match(text, lo + opener.start(1))
    ):
        return None  # "Marlow is running …": the sentence has a subject of its own
    if opener and _people_subject(text[lo + opener.end(1) : pos]):
        return None  # "The police arrested John Smith": the subject may be the speaker
    found: dict[str, Mention] = {}
    for fm in _NAMED_PERSON.finditer(text, lo, pos):
        if _quoted(text, fm.start()) or re.match(r"[’']s\b", text[fm.end() : fm.end() + 2]):
            continue
        if _compared(text[lo : fm.start()]):
            continue  # "a Democrat, much like Gov. Joe Tanner,": named for comparison
        before = text[max(lo, fm.start() - 40) : fm.start()]
        prev = re.search(r"(\S+)\s*$", before)
        prev_word = prev.group(1) if prev else ""
        if prev_word.lower() in _PREPS:
            continue
        first = fm.group(1).split("-")[0]
        if not first_name_gender(first) and prev_word not in PERSON_HEADS:
            continue
        cand = parse_mention(fm.group(1) + fm.group(2))
        if cand.kind != "name" or not cand.name:
            continue
        probe = Speaker(id=-1, name=cand.name, role=cand.role, gender=cand.gender)
        if _is_person(probe) is not True:
            continue
        found[_last(cand.name)] = cand
    if len(found) != 1:
        return None
    cand = next(iter(found.values()))
    first = (cand.name or "").split()[0].split("-")[0]
    cand_gender = cand.gender or first_name_gender(first)
    if gender is not None and cand_gender not in (None, gender):
        return None
    for c in reversed(recent):
        if speakers[c].name and _last(speakers[c].name or "") == _last(cand.name or ""):
            return c
    return new(cand)


#: a verb that makes its object the doer of the infinitive after it, the object a name
#: (``allowed Luboku to reflect``, ``forcing Omar to defend herself``), and a reflexive
#: closing that infinitive's phrase, which tells the person's sex
_CONTROLLED = re.compile(
    r"\b(?:allow|forc|lead|led|prompt|push|encourag|inspir|driv|drove|compel)[a-z]*\s+"
    r"(?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}) to [a-z]+"
    r"(?: [a-z]+){0,2}?(?: (?P<self>himself|herself))?\b"
)


def _controlled_person(
    text: str,
    pos: int,
    gender: str | None,
    speakers: Sequence[Speaker],
    recent: Sequence[int],
    new: Callable[[Mention], int],
) -> int | None:
    """The person the sentence right before ``pos`` makes the doer of what it reports
    (``the EP allowed Luboku to reflect on …. “…,” he says``; ``… forcing Omar to defend
    herself.¶She responded:``), though only an object names them: that sentence is
    about them. One such person only, outside quotations, of the pronoun's sex where a
    reflexive tells it; else ``None``."""
    lo = _previous_sentence_start(text, pos)
    found = [
        fm
        for fm in _CONTROLLED.finditer(text, lo, pos)
        if not _quoted(text, fm.start("name"))
        and parse_mention(fm.group("name")).kind == "name"
        and not _not_a_name(fm.group("name").split()[0])
    ]
    if len(found) != 1:
        return None
    fm = found[0]
    own = {"himself": "m", "herself": "f"}.get(fm.group("self") or "")
    if gender is not None and own is not None and own != gender:
        return None
    cand = parse_mention(fm.group("name"))
    probe = Speaker(id=-1, name=cand.name, role=cand.role, gender=own or cand.gender)
    if _is_person(probe) is False:
        return None
    if own is None and gender is not None and cand.gender not in (None, gender):
        return None
    for c in reversed(recent):
        if speakers[c].name and _last(speakers[c].name or "") == _last(cand.name or ""):
            return c
    return new(replace(cand, gender=own or cand.gender or gender))


#: nouns of people who may speak, heading a sentence's subject (``The police``)
_PEOPLE_SUBJECTS = (
    PERSON_HEADS | _GENERIC_HEADS | (_GENERIC_NOUNS - {"report", "reports", "studies"})
)


def _people_subject(rest: str) -> bool:
    """Do the two words after a sentence's opening determiner name people (``The
    police``, ``The local officials``)? Then the person the sentence names as an object
    is not the only one who may speak next (``The police arrested John Smith. “…,” he
    said.``); a thing as subject (``These attacks``, ``The ruling``) leaves the object."""
    words = re.findall(r"[A-Za-z]+", rest)[:2]
    return any(
        w.lower() in _PEOPLE_SUBJECTS or w.lower().removesuffix("s") in _PEOPLE_SUBJECTS
        for w in words
    )


#: a full name: a first name (hyphenated ones too: ``Jean-Marc``) and one or two
#: capitalised words
_NAMED_PERSON = re.compile(
    r"(?<![\w.’'-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)((?: [A-Z][a-z’'-]+){1,2})\b"
)


_TITLE_ABBREVIATION = re.compile(r"Sens?|Reps?|Gov|Gen|Dr|Mr|Mrs|Ms|Lt|Col|Sgt|St|Jr|Rev|Prof|Amb")


def _previous_sentence_start(text: str, pos: int) -> int:
    """Where the sentence before the one holding ``pos`` starts (its paragraph's start at
    most); for a paragraph's first sentence, the previous paragraph's last sentence
    (``… shows Marie Collins handing over the letter.`` ¶ ``“…,” she told AP.``)."""
    para = text.rfind("\n", 0, pos) + 1
    ends = _sentence_ends(text, para, pos)
    if ends or para == 0:
        return para + (ends[-2] if len(ends) >= 2 else 0)
    # the line before, if it is a paragraph of text (not a blank line)
    prev_end = para - 1
    prev_para = text.rfind("\n", 0, prev_end) + 1
    if not text[prev_para:prev_end].strip():
        return para
    ends = _sentence_ends(text, prev_para, prev_end)
    return prev_para + (ends[-1] if ends else 0)


def _sentence_ends(text: str, lo: int, hi: int) -> list[int]:
    """Offsets (from ``lo``) where sentences of ``text[lo:hi]`` end (after the spaces)."""
    return [
        mm.end()
        for mm in re.finditer(r"(\w*[a-z)])[.!?][”\"’']?\s+(?=[“\"A-Z])", text[lo:hi])
        # "Gov. Joe Tanner": a title's full stop ends no sentence
        if not _TITLE_ABBREVIATION.fullmatch(mm.group(1))
    ]


def _compared(before: str) -> bool:
    """Whether the clause ending ``before`` a name compares it or gives it as an
    example ("not unlike former governor and current U.S. Sen.", "such as"): no
    punctuation after "like" but the full stops of abbreviations."""
    opened = list(re.finditer(r"\b(?:unlike|like|such as)\s", before, re.I))
    if not opened:
        return False
    tail = before[opened[-1].end() :]
    if re.search(r"[,;:!?“”\"]", tail):
        return False
    return all(
        re.search(r"(?:\b[A-Z]|\b(?:Sen|Rep|Gov|Gen|Lt|Col|Dr|Mr|Mrs|Ms|St|Jr))\.$", tail[: k + 1])
        for k, c in enumerate(tail)
        if c == "."
    )


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """``lo``, or the start of the next sentence when ``lo`` falls inside one: a window
    cut mid-sentence would make any capitalised words at its edge (``my friends| Ford
    Explorer and``) look like a sentence's subject."""
    if (
        lo == 0
        or text[lo - 1] == "\n"
        or re.search(r"[.!?][”\"’']?\s+$", text[max(0, lo - 3) : lo])
    ):
        return lo
    mm = re.compile(r"[.!?][”\"’']?\s+|\n").search(text, lo, pos)
    return mm.end() if mm else pos


#: a speech verb right after a name: the name is its subject, the one speaking or asked
#: to speak (a mere "is" may be the subject of a clause someone else says: "Cuomo said
#: candidate Donald Trump is wrong")
_FINITE_AFTER = re.compile(
    r" (?:(?:was|were) asked|said|says|told|tells|asked|added|argued|wrote|replied)\b"
)
#: function words a headline capitalises and no person's name holds
_HEADLINE_WORDS = frozenset(
    [
        *("Is", "Are", "Was", "Were", "Not", "The", "A", "An", "Can", "Will", "Has", "Have"),
        "Who",
        # a newsletter's buttons run together ("Sign Up Thank you for signing up!")
        *("Up", "Thank"),
    ]
)
#: a country's abbreviation opening a name makes it a national body's
_COUNTRY_MARKS = frozenset(["u.s", "us", "u.k", "uk", "eu", "u.n", "un"])
#: a capitalised word opening a sentence or clause, a lower-case word after it
_SURNAME_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?,;]\s)|(?<=\n))((?:Mc|Mac|De|La|Le|Di|O’|O')?[A-Z][a-z’'-]+)(?= [a-z])", re.M
)


#: a capitalised word no list knows as a title (``Tanaiste``, ``Taoiseach``) before a full
#: name that opens a clause, or follows a time phrase opening one (``Last night Tanaiste
#: Leo Varadkar made a claim``): the title must not hide the name from a pronoun
_UNLISTED_TITLE = re.compile(
    r"(?:^|[.!?,;:”\"]\s|\n|\b(?:night|morning|evening|afternoon|week|month|"
    r"year|today|yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) )"
    r"([A-Z][a-z]+) ([A-Z][a-z]+(?: [A-Z][a-z’'-]+){1,2})(?= [a-z])",
    re.M,
)


#: offices one person holds at a time: ``the president`` is the one the article calls
#: so, never merely the person named last
_SOLE_OFFICES = frozenset(["president", "pope", "king", "queen", "chancellor", "premier"])


#: a sentence whose subject is a sole office (``The Pope later apologised``)
_SOLE_OFFICE_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))The (Pope|President|King|Queen|Chancellor|Premier|pope|"
    r"president|king|queen|chancellor|premier) (?!of\b|and\b|or\b)(?=[a-z])",
    re.M,
)
#: sole offices of one gender
_OFFICE_GENDER = {"pope": "m", "king": "m", "queen": "f"}


def _sole_office_subject(text: str, pos: int, gender: str | None) -> tuple[str, int] | None:
    """The sole office (``Pope``) that is the subject of a sentence within the 300
    characters before ``pos`` (the last one), and where that subject ends; ``None`` if
    none, or if the office's gender is not ``gender``."""
    lo = max(0, pos - 300)
    found = [
        fm for fm in _SOLE_OFFICE_SUBJECT.finditer(text, lo, pos) if not _quoted(text, fm.start())
    ]
    if not found:
        return None
    office = found[-1].group(1)
    if gender is not None and _OFFICE_GENDER.get(office.lower(), gender) != gender:
        return None
    return office, found[-1].end(1)


def _holds_office(text: str, sp: Speaker, head: str) -> bool:
    """Can ``sp`` be ``the <head>``? Always, unless ``head`` is one of
    :data:`_SOLE_OFFICES`; then only when the speaker's role says so or the article writes
    the office before the name (``President Trump``, ``Pope Francis``)."""
    if head not in _SOLE_OFFICES:
        return True
    if head in (sp.role or "").lower() or head in (sp.name or "").lower():
        return True
    if not sp.name:
        return False
    last = re.escape(_last(sp.name))
    return bool(re.search(rf"\b{head}\s+(?:[A-Z][\w.’'-]*\s+){{0,2}}{last}\b", text, re.I))


def _untitled_last_speaker(text: str, pos: int, sp: Speaker, recent: Sequence[int]) -> bool:
    """Is ``sp`` a person the article gives no role at all, who spoke last, in this
    paragraph or the one before? ``Asked …, Trump said: “…” However, the president
    warned``: the office is the speaker's, known to readers though never written before
    the name; a person the article gives another role (``Judge Robert Lasnik``,
    ``Author Tom Brack``) or who spoke further back is not so taken."""
    if sp.role or not sp.name or not sp.attributions or not recent or recent[-1] != sp.id:
        return False
    if _is_person(sp) is not True and _full_name_written(text[:pos], sp.name.split()[-1]) is None:
        return False  # "Acme said … the president said": the company's president
    return text.count("\n", sp.mentions[-1][1], pos) <= 1


def _full_name_written(text: str, surname: str, *, month_ok: bool = False) -> str | None:
    """The one full name (a known first name and ``surname``) ``text`` writes outside
    quotations, or ``None`` (none, or two: ``Donald Trump`` and ``Melania Trump``).
    A month's name is a surname only if ``month_ok`` (a source: ``May told reporters``
    after ``Theresa May``)."""
    if surname.lower() in NOT_NAME_LEAD:
        return None
    if _not_a_name(surname) and not (month_ok and surname.lower() in _MONTHS):
        return None
    written = [
        fm
        for fm in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(surname)}\b", text)
        if not _quoted(text, fm.start())
    ]
    found = {f"{fm.group(1)} {surname}" for fm in written if first_name_gender(fm.group(1))}
    return found.pop() if len(found) == 1 else None


def _surname_in_full(before: str, m: Mention) -> str | None:
    """The one full name ``before`` writes for a name mention that is a surname alone
    with an honorific (``Mr Hancock``): a known first name right before the surname, with no
    other name part around them (``Billy-Bob Johnson``, ``Donald Trump Jr.`` name
    someone else), whose gender agrees with the honorific's; else ``None``."""
    name = m.name or ""
    if m.members or not re.fullmatch(r"[A-Z][a-z’'-]+", name) or _not_a_name(name):
        return None
    if not re.match(r"(?:Mr|Ms|Mrs|Dr|Sir)\.? ", m.text):
        # a bare surname is how articles go on naming the well-known, and how the
        # resolution of pronouns knows them; only an honorific's name is completed
        return None
    found = set()
    pattern = rf"(?:^|(\S*)\s+)([A-Z][a-z]+) {re.escape(name)}\b(,? (?:Jr|Sr)\b)?"
    for fm in re.finditer(pattern, before):
        if _quoted(before, fm.start(2)):
            continue
        lead, first = fm.group(1) or "", fm.group(2)
        if (
            fm.group(3)
            or lead.endswith("-")
            or (lead[-1:].isalpha() and _is_cap(lead) and lead.lower() not in _TITLES)
        ):
            return None
        if not first_name_gender(first):
            continue
        found.add(first)
    if len(found) != 1:
        return None
    first = found.pop()
    if m.gender is not None and first_name_gender(first) not in (None, m.gender):
        return None
    return f"{first} {name}"


def _titled_month_name(text: str, m: Mention) -> Mention | None:
    """``Prime Minister May`` after ``Theresa May``: a title before a month's name, which
    parsing leaves a description, is the person the text named in full; ``None`` else."""
    words = (m.role or m.text).split()
    if len(words) < 2 or words[-1].lower() not in _MONTHS or not words[-1][:1].isupper():
        return None
    if not all(w[:1].isupper() for w in words[:-1]) or words[-2].lower() not in _TITLES:
        return None
    full = _full_name_written(text, words[-1], month_ok=True)
    if full is None:
        return None
    role = " ".join(words[:-1])
    return Mention(
        "name", name=full, role=role, gender=first_name_gender(full.split()[0]), text=m.text
    )


def _unlisted_full_name(text: str, surname: str) -> str | None:
    """The one full name ``text`` writes for ``surname`` with a first name no list knows
    (``Cody Wilson``), when no other capitalised word precedes it (``Keith Lamont Scott``
    names the man by a listed first name: his gender is known, and ``Lamont`` is no first
    name). Only asked for a surname opening a clause before a past verb (``Wilson
    complied with the order``): the person in focus then, whatever the lists know."""
    if _not_a_name(surname) or surname.lower() in NOT_NAME_LEAD:
        return None
    found = set()
    for fm in re.finditer(rf"(?:^|(\S*)\s+)([A-Z][a-z]+) {re.escape(surname)}\b", text):
        first = fm.group(2)
        if _quoted(text, fm.start(2)):
            continue
        if (
            first_name_gender(first)
            or (
                # a capitalised word right before, no punctuation between, is a first
                # name or a title ("Students, Spencer Boudreau" has neither)
                (fm.group(1) or ",")[-1].isalpha()
                and _is_cap((fm.group(1) or "").strip("“\"(’'"))
                and (fm.group(1) or "").lower() not in _TITLES
            )
            or first.lower() in STOP | NOT_NAME_LEAD | _TITLES
            or _not_a_name(first)
        ):
            return None
        found.add(f"{first} {surname}")
    return found.pop() if len(found) == 1 else None


_CLAUSE_OPENERS = frozenset(
    [
        "after",
        "although",
        "and",
        "as",
        "because",
        "before",
        "but",
        "if",
        "once",
        "since",
        "so",
        "that",
        "then",
        "though",
        "until",
        "when",
        "whereas",
        "whether",
        "while",
        "why",
    ]
)
