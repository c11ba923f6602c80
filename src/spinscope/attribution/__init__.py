"""Who says what: attributions, speakers, own-voice assertions, sourcing profiles.

>>> from spinscope.pipeline import Pipeline
>>> nlp = Pipeline(["sentences.v1", "attribution.v1"])  # doctest: +SKIP
>>> doc = nlp(Document("“We see it,” Safronkov said."))  # doctest: +SKIP
>>> sourcing_profile(doc).to_dict()["speakers"][0]["name"]  # doctest: +SKIP
'Safronkov'
"""

from spinscope.attribution.component import analyse, make_attribution
from spinscope.attribution.extract import Attribution
from spinscope.attribution.profile import SourcingProfile, SpeakerRow, sourcing_profile
from spinscope.attribution.speakers import Speaker

__all__ = [
    "Attribution",
    "SourcingProfile",
    "Speaker",
    "SpeakerRow",
    "analyse",
    "make_attribution",
    "sourcing_profile",
]
