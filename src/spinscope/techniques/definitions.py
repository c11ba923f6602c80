"""The 14 propaganda techniques of the PTC corpus (SemEval-2020 Task 11).

Labels are the exact PTC strings; the short names and definitions are our own wording,
written after the technique descriptions of Da San Martino et al. (2019, 2020).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFINITIONS", "TECHNIQUES", "Technique", "definition", "name"]


@dataclass(frozen=True, slots=True)
class Technique:
    """One technique: PTC label, short human name, 1-2 sentence definition."""

    label: str
    name: str
    definition: str


_ALL = (
    Technique(
        "Appeal_to_Authority",
        "Appeal to authority",
        "Presents a claim as true because an expert, official or famous person backs it, "
        "instead of giving evidence for the claim itself.",
    ),
    Technique(
        "Appeal_to_fear-prejudice",
        "Appeal to fear or prejudice",
        "Builds support for an idea by stoking anxiety, panic or existing prejudice "
        "about a group or about what will happen otherwise.",
    ),
    Technique(
        "Bandwagon,Reductio_ad_hitlerum",
        "Bandwagon / Reductio ad Hitlerum",
        "Urges the reader to agree because 'everyone' already does, or rejects an idea "
        "because a hated group is said to hold it.",
    ),
    Technique(
        "Black-and-White_Fallacy",
        "Black-and-white fallacy",
        "Offers two options as the only ones possible when more exist, often with one "
        "of them plainly unacceptable.",
    ),
    Technique(
        "Causal_Oversimplification",
        "Causal oversimplification",
        "Blames a complex outcome on a single cause, or a single cause on a complex "
        "outcome, leaving out the other factors.",
    ),
    Technique(
        "Doubt",
        "Doubt",
        "Questions the credibility of a person or an organisation to undermine them, "
        "without showing that the doubt is warranted.",
    ),
    Technique(
        "Exaggeration,Minimisation",
        "Exaggeration / minimisation",
        "Makes something look far bigger, better or worse than it is, or plays down "
        "something that matters.",
    ),
    Technique(
        "Flag-Waving",
        "Flag-waving",
        "Justifies an idea or action by appealing to patriotism or to the identity and "
        "pride of a group.",
    ),
    Technique(
        "Loaded_Language",
        "Loaded language",
        "Uses words and phrases with strong emotional charge to sway the reader, rather "
        "than neutral description.",
    ),
    Technique(
        "Name_Calling,Labeling",
        "Name-calling / labelling",
        "Attaches a label the audience fears, hates or admires to a person, group or "
        "thing, so the label does the arguing.",
    ),
    Technique(
        "Repetition",
        "Repetition",
        "Repeats the same message or phrase again and again so that the audience comes "
        "to accept it.",
    ),
    Technique(
        "Slogans",
        "Slogan",
        "A short, punchy phrase, often a label or stereotype, meant to stick and to stand "
        "in for an argument.",
    ),
    Technique(
        "Thought-terminating_Cliches",
        "Thought-terminating cliché",
        "A stock phrase that discourages further thought or discussion of the point "
        "('it is what it is').",
    ),
    Technique(
        "Whataboutism,Straw_Men,Red_Herring",
        "Whataboutism / straw man / red herring",
        "Deflects criticism by pointing at the opponent's supposed hypocrisy, attacks a "
        "distorted version of their position, or changes the subject.",
    ),
)

#: The 14 PTC labels, in the corpus' (alphabetical) order; model outputs follow it.
TECHNIQUES: tuple[str, ...] = tuple(t.label for t in _ALL)
#: Label -> :class:`Technique`.
DEFINITIONS: dict[str, Technique] = {t.label: t for t in _ALL}


def definition(label: str) -> str:
    """The definition of PTC technique ``label`` (``KeyError`` if unknown)."""
    return DEFINITIONS[label].definition


def name(label: str) -> str:
    """The short human name of PTC technique ``label``."""
    return DEFINITIONS[label].name
