"""The ``boilerplate.v1`` component: marks page and CMS furniture that survived extraction.

Plain-text copies of articles and trafilatura's output of news pages keep furniture: a
blog footer ("No comments: / Post a Comment", "Share this:", "Posted by Admin at 9:14
AM", "Labels: Syria, Russia"), a header (cookie banner, "Skip to content"), and lines
between the paragraphs — newsletter and sign-up prompts ("Sign up for our newsletter",
"… Sign up here."), editorial-standards and letters lines ("Our Standards: …", "Submit a
letter to the editor …"), photo credits ("Photo: … / Reuters", "(Credit: … / Grist)"),
production credits ("Additional reporting by …", "Editing by …"), related-link lists
("Read more: …", "Seguir leyendo:" and the headlines under it), share and follow prompts
("Artikel teilen", "Follow us on X"), bylines and datelines ("By Jane Doe, Staff Writer",
"Posted by admin on March 3, 2017", "Updated 5:32 PM ET"), advertising blocks
("Advertisement", "Story Continued Below", "Anzeige", "Publicidad"), share counters ("13.8k
SHARES Facebook Twitter"), comment counts and the story's source ("Source: …", "h/t …"),
how to reach the newsroom ("To reach the reporter …, contact …@…", "Follow Jo Lee on
Twitter @jolee"), who paid for the story and calls to pay for the journalism ("This
project was produced with support from …", "Support our journalism", "Jetzt spenden"),
the outlet's own events ("RSVP for our Zoom panel …"), links ("Click here to …", "[Our
Latest Forecast: …]", a paragraph's closing "Seguir leyendo:"), in English, German,
Spanish and French; and lines disguised from ad filters by Cyrillic letters inside Latin
words ("Аdvеrtіѕе wіth uѕ").

The text stays untouched; furniture becomes spans in the ``boilerplate`` group and
analysers skip it (:meth:`Document.content_ranges`):

* ``"header"`` / ``"footer"``: the contiguous furniture block at the very start / end of
  the text. Every pattern counts there, the weak ones too ("Home", "Print", "Menu",
  "-----": whole lines that an article could contain in its body, but not as its
  first or last line);
* ``"furniture"``: a run of lines elsewhere that each match a *strong* pattern (one that
  no article sentence fits as a whole line: :data:`ANYWHERE_PATTERNS`), with the short
  headline lines listed under a related-links heading, and the lines of a subscription
  pitch (``"pitch"``): those between two paywall or sign-up lines that each offer the
  subscription or list what it gives, and those to the reader about the e-mail right
  under a sign-up prompt.

``attrs["lines"]`` lists the kind of each line of a span, top to bottom.

Only whole lines (paragraphs) count: a sentence that mentions signing up, a comment or a
photo is the author's text. Every pattern is matched on one line of at most
:data:`_MAX_LINE_CHARS` characters, so the work per line is bounded and the whole scan
is linear in the length of the text.
"""

from __future__ import annotations

import itertools
import re

from spinscope.document import Document, Span
from spinscope.registry import Component, register

__all__ = [
    "ANYWHERE_PATTERNS",
    "BOILERPLATE_PATTERNS",
    "EDGE_PATTERNS",
    "find_boilerplate",
    "line_kind",
]

_SHARE_WORDS = (
    r"share|tweet|email|e-mail|print|facebook|twitter|x|whatsapp|telegram|linkedin|reddit"
    r"|pinterest|vk|messenger|flipboard|copy link|pin it|google\+?|tumblr|stumbleupon"
)
_DATE = (
    r"(?:\w+,? )?"
    r"(?:\w+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}\.? \w+\.?,? \d{4}|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
)
_TIME = r"\d{1,2}:\d{2}(?::\d{2})? ?(?:[ap]\.?m\.?)?(?: [A-Z]{2,4})?"
# What may follow a "read more"-style heading on the same line: a separator, then a
# headline ("Read more: Why the Fed waited", "LEER MÁS | ...").
_INLINE = r"\s*[:|»>–—-]\s*[^\n]{1,200}"
# What a sign-up prompt offers.
_OFFERS = (
    r"newsletters?|inbox|e-?mails?|updates|alerts|here|now|today|free|podcast|channel|our"
    r"|briefing|edition|digest|deals|the week|every (?:morning|day|week)"
)
# A photographer's name (case-sensitive inside the case-insensitive patterns).
_NAME = r"(?-i:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
# News agencies and picture libraries, as photo and story credits name them.
_AGENCIES = (
    r"getty images|shutterstock|istock(?:photo)?|unsplash|pexels|alamy|picture[- ]alliance"
    r"|reuters|ap|afp|dpa|epa|efe|ansa|kna|epd|xinhua|tass|ria novosti|anadolu"
)
# A date, a time, or both, as a dateline gives them ("March 3, 2017 at 9:14 am").
_WHEN = rf"(?:{_DATE}|{_TIME})(?:\s*(?:,|\.|at|\||·|-|–|um|à|a las)?\s*(?:{_DATE}|{_TIME}))?"
# A byline's author: a name of two to four words, or a news agency, but not the words
# that open an ordinary "By ..." phrase ("By The Numbers", "By Monday, the rebels ...").
# One capitalised word ("By Air") is as likely a subheading.
_AUTHOR = (
    r"(?!(?:the|a|an|all|any|this|that|these|those|then|now|far|way|order|law|monday"
    r"|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may"
    r"|june|july|august|september|october|november|december|der|die|das|el|la|los|las|le"
    r"|les|un|une|una)\b)(?-i:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3})"
    rf"|(?:{_AGENCIES})\b"
)
_AUTHORS = rf"(?:{_AUTHOR})(?:(?:,| and| &| und| y| et) (?:{_AUTHOR})){{0,3}}"
# What a byline may name after the author: a role or the outlet.
_ROLE = (
    r"(?:(?:senior|chief|staff|special|contributing|political|white house|foreign|national"
    r"|investigative|associate|managing|deputy|executive|news|digital|guest)\s+)*"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|producer|analyst|staff)"
    rf"|(?:for |of )?(?:the )?{_NAME}"
)
# A share bar's button words.
_BUTTONS = rf"(?:{_SHARE_WORDS}|comments?|share this story|sms)"
# A way to reach someone that a contact line gives: an e-mail address (or the
# "[email protected]" a page's address protection leaves), a handle, a link, a site's
# domain or a social network.
_CONTACT_MEANS = (
    r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email(?:\s|&#160;)protected\]|(?<![\w.])@\w{2,}"
    r"|https?://\S+|www\.\S+|\b[\w-]+\.(?:com|org|net|co\.uk|ie|de|es|fr)\b|\bthis link\b"
    r"|\b(?:twitter|facebook|instagram|linkedin|threads|bluesky|mastodon|telegram|whatsapp"
    r"|signal)\b)"
)
# How a contact line opens: an imperative to reach someone ("Contact us at", "Follow
# Jo Lee on Twitter", "Email: …"), "To reach the reporter …", "Jane Roe can be reached
# at", "We want to hear from you", "Got a tip?", or an author's note ending in "Reach
# her at …".
_CONTACT_LEAD = (
    r"(?:you can |please |feel free to )?(?:write to|contact|e-?mail|reach|follow|tweet"
    r"|message|dm|find|visit|get in touch with|connect with)(?: (?:us|me|him|her|them"
    r"|the (?:author|reporter|writer|editor|columnist|newsroom|desk)s?"
    r"|our (?:newsroom|reporters?|editors?|team)|(?:his|her|their|our|my) (?:web)?site"
    rf"|{_NAME}))?(?: on [^\n]{{1,60}}?)?,? (?:at|on|via|:|here|by)\b"
    r"|to (?:reach|contact) (?:the|this|our) (?:reporter|author|writer|editor|newsroom|desk"
    r"|journalist)s?\b"
    rf"|{_NAME} (?:can|may) be reached\b"
    r"|we(?:[’']d| would)? (?:love|like|want) to (?:get|hear|have|read|receive)\b"
    r"|(?:have|got) (?:a |any )?(?:news |story )?(?:tips?|questions?|feedback|story ideas?)\?"
    r"|[•·*-]?\s*(?:e-?mail|twitter|instagram|facebook)\s*:"
    r"|send (?:us )?(?:your )?(?:news )?(?:tips|feedback|questions|comments|story ideas)\b"
    rf"|{_NAME} (?:is|was) (?:a|an|the) [^\n]{{0,200}}?\b(?:journalist|writer|reporter"
    r"|correspondent|editor|columnist|contributor|author)\b[^\n]{0,300}?(?:reach|contact"
    r"|e-?mail|follow) (?:him|her|them)\b"
    # German, Spanish, French: "Schreiben Sie uns an …", "Kontakt: …", "Escríbenos a …",
    # "Síguenos en …", "Contactez-nous : …", "Suivez-le sur …".
    r"|(?:schreiben sie|schreib) (?:uns|der redaktion|dem autor|der autorin)\b"
    r"|kontakt(?:ieren sie uns)?\s*:|(?:folgen sie|folge) (?:uns|ihm|ihr|\w+) (?:auf|bei)\b"
    r"|escr[ií]b(?:enos|anos|ele|ale)\b|cont[áa]ct(?:enos|anos|ele|ala)\b|contacto\s*:"
    r"|s[ií]gu(?:enos|anos|elo|ela) (?:en|a trav[ée]s de)\b"
    r"|(?:[ée]crivez|[ée]cris)-nous\b|contactez-(?:nous|le|la)\b|contact\s*:"
    r"|suivez-(?:nous|le|la) sur\b"
)
# What a funding credit says the money paid for.
_WORKS = (
    r"story|article|report|reporting|series|coverage|content|piece|investigation|journalism"
    r"|newsletter|podcast|episode|project|video|documentary|feature|post"
)
# A call to pay for the outlet's work, in English, German, Spanish and French; it names
# the journalism, the site or "us" ("Support our troops" is a slogan, not furniture).
_SUPPORT_CALL = (
    r"(?:please )?(?:help )?support (?:us|our (?:work|journalism|reporting|newsroom|site"
    r"|website|mission|efforts|coverage|independent|nonprofit|non-profit)"
    r"|independent (?:journalism|media|news|reporting)|local (?:journalism|news|reporting)"
    r"|quality journalism|(?:this|the) (?:site|website|blog|newsroom))"
    r"|(?:please )?(?:consider|think about) (?:supporting|donating|subscribing"
    r"|a (?:donation|contribution|gift|subscription)|becoming a|making a|hitting the donate"
    r"|a monthly)"
    r"|(?:please )?donate (?:now|today|here|to us)|make a (?:tax-deductible |one-time"
    r" |monthly )?(?:donation|contribution|gift) (?:to us|today|now|here)"
    r"|become an? (?:member|patron|supporter|subscriber|sustaining member|sustainer)"
    r"(?: today| now)?[.!]"
    r"|(?:give|chip in|contribute) (?:now|today)"
    r"|(?:jetzt )?(?:unterstützen sie|unterstütze) (?:uns|unseren journalismus|unsere arbeit"
    r"|unabhängigen journalismus)|jetzt (?:spenden|unterstützen|mitglied werden)"
    r"|(?:werden sie|werde) (?:jetzt )?(?:mitglied|abonnent(?:in)?|unterstützer(?:in)?"
    r"|förder(?:er|in))"
    r"|(?:apoya|apoye) (?:nuestro|el) periodismo|ap[óo]y[ae]nos|colabora con nosotros"
    r"|ha(?:z|ga) una donaci[óo]n|dona (?:ahora|aqu[ií])"
    r"|(?:hazte|h[áa]gase) (?:socio|socia|miembro|suscriptor|suscriptora|mecenas)"
    r"|soutenez(?:-nous| notre| le journalisme| l['’]information| un m[ée]dia)"
    r"|faites un don|(?:devenez|deviens) (?:membre|abonn[ée]e?|donat(?:eur|rice)"
    r"|adh[ée]rent)|je (?:fais un don|soutiens)"
)


def _compile(table: list[tuple[str, str]]) -> list[tuple[str, re.Pattern[str]]]:
    return [(kind, re.compile(rf"(?:{pattern})", re.I)) for kind, pattern in table]


#: Strong whole-line patterns (case-insensitive), with a kind each: lines that are
#: furniture wherever they stand. Lines are matched after trimming surrounding whitespace.
ANYWHERE_PATTERNS: list[tuple[str, re.Pattern[str]]] = _compile(
    [
        (
            "subscribe",
            # English: an imperative at the start of the line, then what is offered.
            r"(?:sign[ -]?up|subscribe|register)(?:[ ,!:.]+(?:now|here|today|free|for free))*[.!:]?"
            # ... and what is offered ("Register to vote by May 5" offers nothing).
            r"|(?:sign[ -]?up|subscribe|register)(?: (?:now|here|today))?(?: (?:to|for|and|with)"
            r"| ?[:–—-]) [^\n]{0,200}?"
            rf"\b(?:{_OFFERS})\b[^\n]{{0,200}}"
            r"|(?:get|receive|join|want|never miss|don[’']?t miss|do not miss|stay (?:informed"
            r"|up to date|in the know|updated|connected)) [^\n]{0,160}?\b(?:newsletters?|inbox"
            r"|(?:e-?mail|newsletter) (?:updates|alerts)|by signing up|by e-?mail)\b[^\n]{0,160}"
            # "... Sign up here." ending a promotional paragraph.
            r"|[^\n]{1,300}?[.!?] (?:sign up|subscribe|register)(?: (?:here|now|today|for free))+"
            r"[.!]?"
            # ... or after a semicolon, or a capitalised " and Subscribe Today!".
            r"|[^\n]{1,300}?(?:;|(?-i: and)) (?-i:Subscribe|SUBSCRIBE|Sign [Uu]p|SIGN UP)"
            r"(?: (?:here|now|today|for free))+[.!]*"
            # "SUBSCRIBE on YouTube:", "Subscribe to Playbook: http://…".
            r"|\**(?:sign[ -]?up|subscribe)(?: (?:now|here|today))? (?:on|to|at) [^\n]{0,100}?"
            r"(?:youtube|spotify|apple podcasts|itunes|telegram|substack|https?://)[^\n]{0,300}"
            r"|isn[’']t it time (?:for you )?to (?:subscribe|sign up)\b[^\n]{0,200}"
            r"|[^\n]{0,300}\b(?:subscribe|sign up) (?:to|for) (?:our|the|my) [^\n]{0,60}?"
            r"newsletters?\b[^\n]{0,40}?\b(?:here|below|now|today)[.!:]?"
            # The newsletter box: "The Brief Newsletter Sign up to receive …", "By signing
            # up you agree to receive …", "You can unsubscribe at any time.", "… — in your
            # inbox.", "Thank you for signing up!"
            r"|[\w'’&.,: -]{0,60}\bnewsletters?[.!:]?\s+(?:sign up|subscribe)\b[^\n]{0,200}"
            r"|[^\n]{0,60}\bby signing up,? you agree\b[^\n]{0,300}"
            r"|you can unsubscribe(?: from (?:this service|(?:our|these|the) (?:e-?mails"
            r"|newsletters?|alerts)))? (?:at any time|anytime)\b[^\n]{0,300}"
            r"|[^\n]{0,200}[—–-]\s*(?:delivered )?(?:straight |right |directly )?(?:to|in(?:to)?)"
            r" your inbox[.!]?"
            r"|(?:sign up )?thank you for (?:signing up|subscribing|registering)[.!]?"
            r"|(?:subscribe )?to (?:the |our )?[\w'’ -]{1,30}newsletters? to (?:get|receive)\b"
            r"[^\n]{0,200}"
            # "If you enjoyed our roundup …, subscribe to our YouTube channel …"
            r"|if you (?:enjoyed|liked|like|love|loved|appreciate|appreciated|found|want|value)\b"
            r"[^\n\"“”]{1,250}?,\s*(?:please )?(?:subscribe|sign up|follow us|share this"
            r" (?:article|story|post))\b[^\n]{0,200}"
            r"|if you[’']?d like to (?:subscribe|sign up)\b[^\n]{0,300}"
            r"|if you [^\n\"“”]{1,200}?,\s*please (?:subscribe|sign up)\b[^\n]{0,200}"
            r"|view (?:a )?sample,? sign up(?: now| here| today)?[.!]?"
            # "PC Gamer Newsletter", "Subscribe To Our Newsletter": a short heading.
            r"|[\w'’&.,: -]{0,60}\bnewsletters?[.!:]?"
            r"|subscribe to:? (?:post comments|posts?|comments)(?: \((?:atom|rss)\))?"
            r"|[^\n]{0,120}\bdownload (?:the|our) [^\n.!?]{0,60}\bapps? [^\n.!?]{0,40}"
            r"(?:ios|android|app store|google play)[^\n.!?]{0,40}[.!]?"
            # German, Spanish, French.
            r"|(?:jetzt )?(?:newsletter|abo|zeitung) (?:abonnieren|bestellen|anmelden)[.!]?"
            r"|(?:jetzt )?(?:abonnieren|anmelden|registrieren)(?: sie sich)?[.!]?"
            r"|(?:abonnieren|bestellen|melden|registrieren) sie [^\n]{0,120}\bnewsletter\b"
            r"[^\n]{0,120}"
            r"|(?:suscr[ií]b(?:ete|ase|irse)|reg[ií]str(?:ate|ese)|recib[ae]|ap[úu]ntate)"
            r"(?: [^\n]{1,200})?"
            r"|(?:abonnez-vous|inscrivez-vous|s['’]abonner|s['’]inscrire|recevez)(?: [^\n]{1,200})?"
            r"|(?:follow us|folgen sie uns|folge uns|s[ií]guenos|suivez-nous|retrouvez-nous"
            r"|like us|like our page)(?: (?:on|auf|en|sur|in|auch in den) [\w ,&|+/.@]{1,60})?"
            r"[.!:]?",
        ),
        (
            "promo",
            # a shop's advertisement between paragraphs ("× 101 Things … chapters. Buy
            # Now"): a capitalised call to buy closes it; a sentence telling readers to
            # "buy now" in lower case stays the article's
            r"[^\n]{1,480}?[.!?]\s+(?-i:(?:Buy|Shop|Order) (?:Now|It Now|Here))[.!]?",
        ),
        (
            "paywall",
            r"(?:to (?:view|read|continue reading|access) (?:the|this) full (?:story|article)"
            r"|if you[’']re (?:seeing this message|already a subscriber)"
            r"|(?:already a subscriber|subscribers? only|premium content)\b)[^\n]{0,300}",
        ),
        (
            "standards",
            r"our (?:editorial )?(?:standards|principles)\s*:[^\n]{0,200}"
            r"|(?:read )?(?:our|the) (?:editorial (?:standards|guidelines|policy)"
            r"|ethics (?:policy|guidelines)|corrections policy|trust principles)\.?"
            r"|(?:[^\n]{0,120}[.?!] )?(?:submit|send|write|email) (?:a |your |us a |us your )?"
            r"letters? to the editors?\b[^\n]{0,200}"
            # An opinion page's disclaimer: "The views expressed in this article are
            # solely those of their author and not necessarily …".
            r"|(?:the )?(?:views|opinions) expressed (?:in|on|here|by)\b[^\n]{0,200}?"
            r"\b(?:those of|not necessarily|do not (?:necessarily )?reflect)\b[^\n]{0,300}"
            r"|letters? to the editors?:?|corrections (?:and|&) clarifications"
            r"|feedback to (?:the )?editors?|report an (?:error|issue|inaccuracy)"
            r"|(?:[^\n]{0,200}[.?!] )?(?:this (?:post|article|page|story) (?:contains|may contain"
            r"|includes) (?:affiliate links|references to products)|we may (?:earn|receive)"
            r" (?:a )?(?:commission|compensation)|when you (?:buy|purchase|shop) (?:something )?"
            r"through (?:links|our links|links on our site))[^\n]{0,400}",
        ),
        (
            "credit",
            r"\(?(?:(?:featured |lead |top |header )?(?:photo(?:graph)?s?|images?|pictures?"
            r"|fotos?|fotograf[ií]a|bild(?:er)?|imagen|illustrations?|graphics?|videos?)"
            r"(?: credit)?|credits?|cr[ée]dito|cr[ée]dits? photos?|bildquelle)"
            r"(?:\s*:\s*|\s+(?:by|von|de|par|courtesy of)\s+)[^\n]{1,150}"
            r"|(?:image |photo )?courtesy of [^\n]{1,120}"
            # A caption line ending with its credit: "... (Credit: Jane Doe / Grist)".
            r"|[^\n]{0,400}\((?:[^()\n]{0,60}\b)?(?:photo(?:graph)?|foto|image|picture|credit"
            r"|cr[ée]dito|bild|imagen)s?(?: credit)?\s*(?:[:/]|by\b|courtesy\b)[^()\n]{1,80}\)\.?"
            r"|[^\n]{0,400}\((?:[^()\n]{0,60}/)?(?:[\w.'’-]+ ){0,3}(?:photo|foto|image|picture)s?"
            r"\.?\)\.?"
            rf"|\(?(?:{_AGENCIES})(?:\s*/\s*[^\n/]{{1,60}}){{0,3}}\)?"
            # Agency captions: "FILE PHOTO: ... REUTERS/Jane Doe/File Photo".
            r"|file photo:[^\n]{1,400}"
            # The credit follows the caption's last sentence and names the photographer.
            rf"|[^\n]{{0,400}}[.!?)]\s+(?:{_AGENCIES})/{_NAME}"
            r"(?:/(?:file photo|pool|handout))*\.?",
        ),
        (
            "contributors",
            r"[(\[—–-]?\s*(?:additional|extra|further) reporting by [^\n]{1,250}"
            r"|[(\[—–-]?\s*(?:reporting|writing) by [^\n;]{1,160}(?:;|\band\b|\.) ?"
            r"(?:additional reporting|editing|writing) by [^\n]{1,200}"
            r"|[(\[—–-]?\s*(?:editing|writing|compiled|translated|translation) by [^\n]{1,160}"
            r"|[^\n]{1,100} contributed (?:to )?(?:this|the) (?:report|story|article)[.)]?"
            r"|contributing\s*:\s*[^\n]{1,160}"
            r"|mit material (?:von|der|des) [^\n]{1,80}|mitarbeit:\s*[^\n]{1,80}"
            r"|\(?con (?:informaci[óo]n|reportes?) de [^\n]{1,120}"
            r"|\(?avec (?:l['’])?(?:afp|ap|reuters|agences?)\b[^\n]{0,60}",
        ),
        (
            "share",
            r"(?:share|teilen|compartir|comparte|partager|partagez)"
            r"(?: (?:this|the|it|on|via|to|article|story|post|page|video|link|dieser|diesen|den"
            r"|artikel|beitrag|este|esta|art[íi]culo|nota|noticia|en|cet|sur|l['’]article)){0,3}"
            r"(?: \w+)?[.!:]?"
            r"|(?:artikel|beitrag|seite|story) (?:teilen|versenden|drucken|merken|empfehlen)"
            r"|(?:auf|bei|per|via|mit) \w+ teilen"
            r"|(?:email|e-mail|print|mail) (?:this|the) (?:article|story|page|post)"
            # A call to pass the story on: "Share this on Facebook if you agree!", "SHARE IF
            # YOU WANT THE TRUTH EXPOSED!", "Join X And Share This Article Now! 5k SHARES".
            r"|(?:[^\n\"“”]{0,80}\band )?(?:please )?share(?: this| it)?(?: (?:article|story|post"
            r"|video|page|message|news))?(?: now)?(?:[!.]+|\s+(?:(?:on|via) (?:facebook|twitter|x"
            r"|social media|whatsapp)|with (?:your )?(?:friends|family|everyone|others)|if you"
            r"|and (?:let us know|leave|tell|help|spread)|to (?:inform|spread|let|help|wake)"
            r"|everywhere|far and wide|widely|now)\b[^\n]{0,250})",
        ),
        (
            "related",
            r"related(?: posts?| articles?| stories| story| news| content| coverage| links?"
            r"| reading| videos?| topics)?:?"
            r"|you (?:may|might) also (?:like|enjoy|be interested in):?"
            r"|more (?:from|on) (?:this|the) (?:site|author|topic):?"
            r"|recommended(?: for you| stories| articles| reading)?:?"
            r"|(?:more|latest|top|recent|trending|popular|other) (?:stories|news|articles|posts"
            r"|videos|headlines)(?: \w+){0,3}:?|most (?:read|popular|viewed|shared):?"
            r"|explore further|editor[’']?s picks|further reading|what to read next:?"
            r"|in (?:other news|this section)|(?:read|see) (?:more|also|next):?"
            r"|(?:weiterlesen|mehr lesen|lesen sie (?:auch|mehr|hier)|mehr dazu):?"
            r"|(?:leer m[áa]s|lea (?:tambi[ée]n|m[áa]s)|lee (?:tambi[ée]n|m[áa]s)"
            r"|m[áa]s informaci[óo]n|ver m[áa]s):?"
            r"|(?:lire (?:aussi|la suite|plus|[ée]galement)|en savoir plus):?"
            r"|mehr zum thema:?|(?:das )?k[öo]nnte sie (?:auch )?interessieren:?|auch interessant:?"
            r"|weitere (?:artikel|nachrichten|meldungen|themen):?|zum thema:?"
            r"|noticias relacionadas:?|(?:tambi[ée]n )?te puede interesar:?|m[áa]s noticias:?"
            r"|art[íi]culos relacionados:?|seguir leyendo:?|sigue leyendo:?"
            r"|sur le m[êe]me (?:sujet|th[èe]me):?|articles? (?:li[ée]s|similaires|associ[ée]s):?"
            r"|(?:[àa] )?lire aussi:?|(?:[àa] )?voir aussi:?"
            # A photo gallery's heading and button ("UK news in pictures", "Show all 50").
            r"|(?:[\w’'-]+ ){0,4}in pictures:?|show all \d+|view (?:the )?(?:full )?gallery",
        ),
        (
            # CNN's summary bullets: "Story highlights" and the first of them on its line
            # (the bullets repeat the article; the lines under the heading are its items)
            "highlights",
            r"story highlights(?::|\s+[^\n]{1,300})?",
        ),
        (
            "read_more",
            # A link line: a "read more" marker and the headline it links to.
            r"(?:read|see) (?:more|also|next)\s*[:|»>–—-]\s*[^\n]{1,200}"
            # The Atlantic's "Read: Two disasters are worse than one" between paragraphs:
            # a headline, so no full stop, comma or colon at its end ("Read: the memo
            # says the plan was never approved." is the author's sentence). ("WATCH: …"
            # stays: on partisan sites it heads an embedded video whose title is part of
            # the piece's message.)
            r"|read\s*:\s*[^\n]{0,199}[^\n.,;:]"
            r"|related(?: articles?| stories| story| links?| coverage| content)?"
            r"\s*:\s*[^\n]{1,200}"
            rf"|(?:weiterlesen|mehr lesen|lesen sie (?:auch|mehr|hier)|mehr dazu){_INLINE}"
            rf"|(?:leer m[áa]s|lea (?:tambi[ée]n|m[áa]s)|lee (?:tambi[ée]n|m[áa]s)"
            rf"|m[áa]s informaci[óo]n){_INLINE}"
            rf"|(?:lire (?:aussi|la suite|plus|[ée]galement)|[àa] lire (?:aussi|[ée]galement)"
            rf"|en savoir plus){_INLINE}",
        ),
        (
            "byline",
            # "By Jane Doe, Staff Writer", "Von Hans Meier | 3. März 2017", "Written by ..."
            r"(?:(?:written |words |story |text |reported |ein beitrag )?(?:by|von)|por|par"
            r"|texto de|texte de)\s+"
            rf"{_AUTHORS}(?:\s*(?:,|\||[-–—/])\s*(?:{_ROLE})){{0,2}}"
            rf"(?:\s*(?:,|\||[-–—/·]|on|at|am|el|le)?\s*{_WHEN})?\.?"
            # "Posted by admin on March 3, 2017": a date makes it furniture anywhere.
            rf"|posted by [^.!?\n]{{1,60}}? (?:at|on) {_WHEN}",
        ),
        (
            "dateline",
            r"(?:(?:last )?(?:updated|modified)|(?:first )?published|posted|aktualisiert"
            r"|ver[öo]ffentlicht|actualizado|publicado|mis [àa] jour|publi[ée])"
            rf"(?: on| at| am| el| le)?\s*:?\s*{_WHEN}(?:\s*(?:\||,)\s*{_WHEN})?\.?"
            # "Washington (CNN)": a dateline line before the first paragraph.
            r"|(?-i:[A-Z][\w.]*(?:[ ,]+[A-Z][\w.]*){0,3}) \((?-i:CNN|AP|AFP|Reuters)\)",
        ),
        (
            "ad",
            r"(?:advertisements?|anzeigen?|werbung|publicidad|publicit[ée])"
            r"(?:\s*[-–—:|]?\s*(?:(?:the )?(?:story|article) continues below|scroll to continue"
            r"(?: with content)?|continue reading below))?"
            r"|(?:sponsored|paid|promoted|partner) (?:content|links?|stories|posts?)"
            r"|sponsored(?: by [^\n,;.!?]{1,60})?|promoted by [^\n,;.!?]{1,60}"
            r"|(?:the )?(?:story|article) continues"
            r" (?:below|after (?:the |this )?ad(?:vertisement)?)"
            r"|story continued below"
            # "Popular Video This singer was shocked when …": a site's video teaser.
            r"|(?-i:Popular Video [A-Z])[^\n]{0,400}"
            # A site's own advertising offer: "Advertise with us", "Advertise with us ~ We
            # offer …", "Advertise with the most visited news site in …". The offer names
            # the site, or stands alone or before a separator: "Advertise with us, the
            # campaign urged" and "Advertise on the radio and you reach …" are sentences.
            r"|advertise (?:with|on) us(?:[.!]?|(?:[.!]|\s*[~|:–—-])\s*[^\n]{0,300})"
            r"|advertise (?:with|on) (?:our|the) [^\n.,;:!?]{0,80}?\b(?:(?:news|web) ?)?"
            r"(?:site|paper|newspaper|network|platform|portal|page|magazine)\b[^\n]{0,300}"
            r"|continue reading"
            r"(?: the main story| below| after (?:the |this )?ad(?:vertisement)?)?"
            r"|skip (?:this )?ad|watch full screen to skip ads"
            r"|your ads will be inserted here by(?: easy plugin for adsense\.?)?"
            r"|easy plugin for adsense\.?[^\n]{0,200}|paste your ad code[^\n]{0,100}"
            r"|please go to the plugin admin page to[^\n]{0,200}",
        ),
        (
            "share",
            # Share counters and bars: "13.8k SHARES SHARE THIS STORY", "Share this: Twitter".
            rf"[\d.,]+k? shares?(?:(?:\s*[|:·•]\s*|\s+){_BUTTONS})*"
            rf"|share(?: this| on)?\s*:\s*{_BUTTONS}(?:[\s|,/·•]+{_BUTTONS})*"
            r"|click to (?:share|email|print|tweet)(?: this)?(?: on \w+)?"
            r"(?: \(opens in (?:a )?new window\))?"
            r"|like this:?(?: like)?(?: loading\.*)?"
            r"|(?:please )?share this (?:story|article|post|video)(?: on [\w ]{1,30}?)?"
            r"(?: and leave (?:a|your) comments?(?: below)?)?[.!]*",
        ),
        (
            "comments",
            r"\d[\d,.]*k? comments?|comments? \(\d+\)|leave a (?:comment|reply)\.?"
            r"|post a comment\.?|join the (?:conversation|discussion)\.?"
            r"|(?:show|view|read) (?:all )?(?:\d+ )?comments",
        ),
        (
            "credit",
            r"featured (?:image|photo|picture)s?\b[^\n]{0,120}"
            r"|(?:image|photo|picture) (?:copyright|caption|source)\s*:?\s+[^\n]{1,300}"
            # "(AP Photo/Jane Doe)", "Jane Doe/The Observer via AP Photo".
            r"|(?:[^\n]{0,200}?(?:\(|[/|]\s*|\bvia ))?"
            r"(?-i:AP|AFP|EPA|Reuters|REUTERS) (?-i:Photo|PHOTO)s?"
            r"(?:\s*/\s*[^\n/]{1,60}){0,3}\)?\.?"
            # Where the story came from: "Source: Daily Mail", "(h/t Freedom Daily)".
            r"|\(?(?:sources?|image source|via)\s*:\s*(?:https?://\S+|[\w.'’&-]+"
            r"(?: [\w.'’&–-]+){0,5})\)?\.?"
            r"|\(?(?:h/t|hat tip)\b:? [^\n]{1,60}\)?",
        ),
        (
            "error",
            r"website is down for maintenance|(?:o+ps\.*\s*)?error 404|page not found"
            r"|sorry, but the page you are looking for (?:doesn['’]t|does not) exist\.?",
        ),
        (
            "legal",
            r"(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}(?:\s*[-–]\s*\d{4})?\b[^\n]{0,480}"
            r"|(?:[^\n]{0,120}\s)?all rights reserved\.?"
            r"|privacy policy|terms (?:of (?:use|service)|and conditions)|contact us|about us"
            r"|©\s*\w[^\n]{0,80}"
            # A reprint notice: "This article is the copyrighted property of …", "Written
            # permission must be obtained before reprint …".
            r"|this (?:article|story|content|report) is (?:the )?(?:copyrighted|copyright)"
            r" (?:property|material) of\b[^\n]{1,200}"
            r"|(?:prior |express )?written permission (?:must be obtained|is required)[^\n]{0,80}?"
            r"\b(?:reprint|republish|reproduc|redistribut)\w*[^\n]{0,200}"
            r"|(?:alle rechte vorbehalten|todos los derechos reservados|tous droits r[ée]serv[ée]s)"
            r"\.?"
            # A site's disclaimer for the links it prints: "External links are provided for
            # reference purposes.", "ABC News is not responsible for the content of
            # external Internet sites."
            r"|external links are provided for reference purposes\.?"
            r"|(?:[^\n]{0,80}\s)?(?:is|are) not responsible for the content of external"
            r" (?:internet |web ?)?(?:sites|websites|links|pages)\.?",
        ),
        (
            "contact",
            # How to reach the newsroom or the reporter: "To reach the reporter behind this
            # story, contact jane@example.org", "Jane Roe can be reached at …", "Follow Jo
            # Lee on Twitter at @jolee", "Email: jane@example.org | Twitter: janeroe", "We
            # want to hear from you! Submit your questions … by emailing …". The line names
            # a way to reach someone (an address, a handle, a site, a network) and quotes
            # no one.
            rf"(?![^\n]*[\"“”„«»])(?:[^\n]{{0,200}}?[?!]\s+)?(?:{_CONTACT_LEAD})"
            rf"[^\n]{{0,300}}?{_CONTACT_MEANS}[^\n]{{0,300}}",
        ),
        (
            "support",
            # Who paid for the story: "This project was produced with support from …",
            # "Support for this coverage comes from …".
            rf"this (?:{_WORKS})(?: [\w’'-]+){{0,3}} (?:was|is|were|are|has been|have been)"
            r" (?:(?:produced|reported|published|co-published|created|written|made|done|edited)"
            r" )?(?:in part )?(?:with (?:the )?(?:generous |financial )?(?:support|funding|help"
            r"|a grant)|in (?:partnership|collaboration|association|cooperation) with|(?:made )?"
            r"possible (?:by|through|thanks to|with)|(?:supported|funded|underwritten|sponsored)"
            r"(?: in part)? by|through a grant)\b[^\n]{0,300}"
            rf"|(?:support|funding) for (?:this|our) (?:{_WORKS})\b[^\n]{{0,60}}? (?:comes|came"
            r"|is provided|was provided|is made possible|was made possible)\b[^\n]{0,300}"
            # "Dieser Beitrag wurde mit Unterstützung von … erstellt", "Este reportaje fue
            # realizado con el apoyo de …", "Cet article a été réalisé avec le soutien de …".
            r"|(?:dieser|diese|dieses) (?:artikel|beitrag|text|recherche|projekt|bericht"
            r"|serie|podcast)(?: [\w’'-]+){0,3} (?:wurde|ist|entstand)\b[^\n]{0,80}?"
            r"\b(?:mit (?:der )?(?:unterstützung|förderung)|gefördert|unterstützt|in kooperation"
            r"|in zusammenarbeit)\b[^\n]{0,300}"
            r"|(?:este|esta) (?:art[íi]culo|reportaje|proyecto|investigaci[óo]n|serie|nota"
            r"|cobertura|pieza)(?: [\w’'-]+){0,3} (?:fue|ha sido|es|se) (?:realizad[oa]"
            r"|producid[oa]|posible|financiad[oa]|publicad[oa]|hizo|elabor[óo]|elaborad[oa])\b"
            r"[^\n]{0,80}?"
            r"\b(?:apoyo|financiaci[óo]n|beca|colaboraci[óo]n|alianza|gracias a)\b[^\n]{0,300}"
            r"|(?:cet|cette) (?:article|reportage|enqu[êe]te|projet|s[ée]rie)(?: [\w’'-]+){0,3}"
            r" (?:a [ée]t[ée]|est) (?:r[ée]alis[ée]e?|produite?|publi[ée]e?|financ[ée]e?|rendue?"
            r" possible)\b[^\n]{0,80}?\b(?:soutien|partenariat|collaboration|bourse|gr[âa]ce)\b"
            r"[^\n]{0,300}"
            # A call to pay for the journalism: "Please help support us with …",
            # "Support our journalism", "If you appreciated this one, please consider a
            # donation." It opens its sentence (a slogan such as "Support our troops"
            # names no journalism), after a question or an "If you …," clause.
            r"|(?:[^\n\"“”]{0,200}?[?!]\s+|if you [^\n\"“”]{1,200}?,\s*)?"
            rf"(?:{_SUPPORT_CALL})(?:\b[^\n]{{0,300}})?",
        ),
        (
            "event",
            # A promotion for the outlet's own event: "RSVP for our Zoom panel on 11/9: …",
            # "Join us on Monday, March 25 at noon ET."
            r"rsvp\b[^\n]{0,250}"
            r"|join us (?:on|at|for|this|next|live|tomorrow|today|tonight)\b[^\n]{0,250}"
            r"|(?:register|sign up|save (?:your|a) (?:seat|spot)|reserve (?:your|a) (?:seat|spot)"
            r"|get (?:your )?tickets)(?: now| here| today)? (?:for|to) (?:our|this|the)"
            r" (?:free )?(?:live |virtual |online |zoom )*(?:panel|webinar|event|conversation"
            r"|discussion|chat|q&a|town hall|forum|livestream|live ?stream|meet-?up|workshop"
            r"|briefing|summit)\b[^\n]{0,250}",
        ),
        (
            "link",
            # A link and what it leads to: "Click here to listen to this interview.", "Read
            # the full article here.", "[Our Latest Forecast: Who Will Win …?]", "(RELATED:
            # …)", "[More]".
            r"(?:click|tap) (?:here|below|above|through|(?:on )?(?:the|this) (?:link|button"
            r"|banner|image|box))(?: (?:to|for)\b[^\n]{0,200})?[.!:]?"
            r"|(?:click|tap) to (?:watch|read|listen|see|view|subscribe|donate|learn|find"
            r"|download|play|sign up|join)\b[^\n]{0,200}"
            r"|\(?(?:read|see|watch|view|listen to) (?:the |our )?(?:full|whole|entire|complete"
            r"|original|rest of the) (?:article|story|report|piece|post|interview|text"
            r"|statement|letter|document|transcript|video|speech|thread)"
            r"(?: here| below| at [^\n]{1,100}| on [^\n]{1,100})?[.!:]?\s*\)?"
            r"|[\[(]\s*(?:our latest|latest|related|also read|read(?: related)?|see also|watch"
            r"|listen|more|recommended|don[’']t miss|must read)(?: (?:article|story|stories"
            r"|coverage|video|podcast|forecast|news|headlines))?\s*(?::\s*[^\])\n]{1,200})?"
            r"\s*[\])]?",
        ),
    ]
)

#: Weak whole-line patterns: furniture only in a block at the start or end of the text
#: ("Home" or "Print" in the middle of a text may be the author's).
EDGE_PATTERNS: list[tuple[str, re.Pattern[str]]] = _compile(
    [
        (
            "comments",
            r"no comments?:?|\d+ comments?:?|comments? \(\d+\)|post a comment\.?|comments?:?"
            r"|(?:\d+ )?(?:kommentare?|comentarios?|commentaires?):?|loading\.*"
            r"|leave a (?:comment|reply)\.?|add (?:a |your )?comment\.?|(?:show|view) comments"
            r"|comments are closed\.?|you must be logged in to post a comment\.?"
            r"|(?:please )?log ?in to (?:post a )?comment\.?",
        ),
        (
            "navigation",
            r"(?:(?:newer|older) posts?|home)(?: ?(?:newer|older) posts?| ?home)*"
            r"|(?:previous|next) (?:post|article|story)(?:: .{1,120})?|back to top"
            r"|skip to(?: main)? content"
            r"|(?:main )?menu|search(?: for)?:?",
        ),
        (
            "share",
            rf"(?:(?:{_SHARE_WORDS})(?: (?:this|it|on \w+|(?:to|via) \w+|article|story|post|page))*"
            r"!?:?[\s|,/·•]*){1,12}|blogthis!?|email this",
        ),
        (
            "byline",
            rf"posted by [^.!?\n]{{1,60}}?(?: (?:at|on) (?:{_DATE}(?: at)? ?)?(?:{_TIME})?)?"
            rf"|posted (?:on|at) {_DATE}(?: at {_TIME})?",
        ),
        (
            "labels",
            r"authors?:|filed under:? ?[^,.\s][^,.\n]{0,40}(?:, ?[^,.\s][^,.\n]{0,40}){0,30}"
            r"|(?:labels?|tags?|filed under|categor(?:y|ies)|topics?):"
            # Items start with a non-space so that "\s*" and the item never compete
            # for the same characters (that ambiguity backtracks exponentially).
            r" ?[^,\s][^,\n]{0,59}(?:, ?[^,\s][^,\n]{0,59}){0,30}",
        ),
        (
            "cookies",
            r"(?:we|this (?:web)?site) uses? cookies\b.{0,400}"
            r"|(?:accept|reject|allow|decline)(?: all)?(?: cookies)?|got it!?"
            r"|(?:manage )?cookie (?:policy|settings|preferences|consent)",
        ),
        (
            "bio",
            # "Jane Doe is a senior reporter at Example News.": an author's note.
            rf"{_NAME} (?:is|was) (?:a|an|the) (?:[\w’'-]+ ){{0,4}}(?:reporter|writer"
            r"|correspondent|editor|columnist|contributor|analyst|producer|fellow)"
            r"(?: (?:at|for|with|of) [^\n.]{1,80})?\.",
        ),
        ("powered", r"powered by (?:blogger|wordpress(?:\.com)?|ghost|substack)\.?"),
        ("separator", r"[-_=*·•~#]{3,}"),
    ]
)

#: Every pattern, strong ones first (a line takes the kind of the first that matches).
BOILERPLATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = ANYWHERE_PATTERNS + EDGE_PATTERNS

#: Kinds that head a list of links: short lines under them belong to the block.
_LIST_HEADINGS = frozenset({"related", "highlights"})
#: The list headings whose lines are taken in the header block (see :func:`_block`).
_HEADER_LIST_HEADINGS = frozenset({"highlights"})
#: Most lines a summary heading takes under it (CNN's story highlights have 2-4).
_MAX_HIGHLIGHTS = 4
#: Longest "line" of a related-articles list (a headline, not a paragraph).
_MAX_ITEM_CHARS = 150
#: Lines longer than this are never furniture (cookie banners come close).
_MAX_LINE_CHARS = 500
# A headline in a list of links: no final full stop, comma, colon or semicolon (an
# article's paragraph ends with one).
_HEADLINE = re.compile(r"\S+(?: \S+)*(?<![.,;:])")


def _items_under(kind: str | None, max_lines: int, headings: frozenset[str]) -> tuple[int, str]:
    """How many headline-like lines a furniture line of ``kind`` takes under it, and
    their kind: a list heading among ``headings`` takes a list of links, or a summary's
    few bullets; any other line none."""
    if kind not in headings:
        return 0, "related_item"
    if kind == "highlights":
        return _MAX_HIGHLIGHTS, "highlight"
    return max_lines, "related_item"


def _is_headline(line: str) -> bool:
    return len(line) <= _MAX_ITEM_CHARS and _HEADLINE.fullmatch(line) is not None


# A word with Latin and Cyrillic letters in it ("Аdvеrtіѕе" with Cyrillic А, е, і, ѕ):
# text disguised from ad and spam filters. Russian or Ukrainian words are Cyrillic
# throughout, and a name in either script is one script, so real text has none.
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"\w+")
#: Mixed-script words that make a line disguised furniture.
_MIN_MIXED_WORDS = 2


def _disguised(line: str) -> bool:
    """Does ``line`` have :data:`_MIN_MIXED_WORDS` words mixing Latin and Cyrillic
    letters? One such word is a typo (a Cyrillic "у" in "Zelenskyу"); two are a line
    written to slip past filters."""
    mixed = 0
    for word in _WORD.findall(line):
        if _LATIN.search(word) and _CYRILLIC.search(word):
            mixed += 1
            if mixed >= _MIN_MIXED_WORDS:
                return True
    return False


def line_kind(line: str, *, anywhere: bool = False) -> str | None:
    """The furniture kind of one line (``"subscribe"``, ``"share"``...), or ``None``.

    Args:
        line: one line of text.
        anywhere: only the strong patterns (:data:`ANYWHERE_PATTERNS`), those that make
            a line furniture wherever it stands.
    """
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_LINE_CHARS:
        return None
    if _disguised(stripped):
        return "disguised"
    for kind, pattern in ANYWHERE_PATTERNS if anywhere else BOILERPLATE_PATTERNS:
        if pattern.fullmatch(stripped):
            return kind
    return None


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line's non-space content; blank lines are ``(p, p)``."""
    out: list[tuple[int, int]] = []
    pos = 0
    for raw, content in zip(text.splitlines(keepends=True), text.splitlines(), strict=True):
        stripped = content.strip()
        start = pos + (content.find(stripped) if stripped else 0)
        out.append((start, start + len(stripped)))
        pos += len(raw)
    return out


def _block(
    text: str, lines: list[tuple[int, int]], order: range, *, max_lines: int, lists: bool
) -> list[tuple[int, str]]:
    """Furniture lines met walking ``order`` from one edge: ``(line index, kind)``.

    Stops at the first line that is not furniture. With ``lists``, headline-like lines
    are held back and join the block only if a list heading ("Related articles") sits
    above them; otherwise the block ends below them.
    """
    block: list[tuple[int, str]] = []
    held: list[int] = []
    items = 0  # walking down: headlines still to take under the last list heading
    item_kind = "related_item"
    for i in order:
        start, end = lines[i]
        if start == end:
            continue
        line = text[start:end]
        kind = line_kind(line)
        if kind is None and items and _is_headline(line):
            kind = item_kind
            items -= 1
        elif not lists:
            # Only a summary's heading takes the lines under it at the top: under a
            # "Related" or "Top stories" line there, the next headline is the article's
            # own title more often than a link.
            items, item_kind = _items_under(kind, max_lines, _HEADER_LIST_HEADINGS)
        if kind is None:
            if lists and _is_headline(line) and len(block) + len(held) < max_lines:
                held.append(i)
                continue
            break
        if held:
            if kind not in _LIST_HEADINGS:
                break
            block.extend((j, "related_item") for j in held)
            held = []
        block.append((i, kind))
        if len(block) >= max_lines:
            break
    return block


def _inner(
    text: str, lines: list[tuple[int, int]], first: int, stop: int, *, max_lines: int
) -> dict[int, str]:
    """The strong furniture lines among ``lines[first:stop]``, ``{line index: kind}``;
    a list heading takes the headlines under it."""
    kinds: dict[int, str] = {}
    items = 0  # headlines still to take under the last list heading
    item_kind = "related_item"
    for i in range(first, stop):
        start, end = lines[i]
        if start == end:
            continue
        line = text[start:end]
        kind = line_kind(line, anywhere=True)
        if kind is None and items and _is_headline(line):
            kind = item_kind
            items -= 1
        elif kind is not None:
            items, item_kind = _items_under(kind, max_lines, _LIST_HEADINGS)
        else:
            items = 0
        if kind is not None:
            kinds[i] = kind
    return kinds


def _runs(kinds: dict[int, str], lines: list[tuple[int, int]]) -> list[list[tuple[int, str]]]:
    """Runs of consecutive furniture lines (blank lines between them allowed)."""
    runs: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    for i in sorted(kinds):
        if run and any(lines[j][0] != lines[j][1] for j in range(run[-1][0] + 1, i)):
            runs.append(run)
            run = []
        run.append((i, kinds[i]))
    if run:
        runs.append(run)
    return runs


#: Furniture that opens or closes a subscription or newsletter pitch.
_PITCH_ANCHORS = frozenset({"paywall", "subscribe"})
#: Most lines of a pitch between two such lines, or after a sign-up prompt.
_MAX_PITCH_LINES = 10
_MAX_PITCH_TAIL = 4
# A pitch's words: what a subscription or membership offers. A line between a paywall
# notice and "If you're already a subscriber …" that says "When you join … you'll get
# unlimited digital access", "Join now or renew to get:", "First-time subscribers also
# receive a welcome gift" sells the subscription.
_PITCH_WORDS = re.compile(
    r"\b(?:subscri\w*|members?(?:hip)?|join|renew\w*|unlimited|access|gifts?|offers?|perks"
    r"|journalism|support|donat\w*|newsletters?|e-?mails?|inbox|sign(?:ing)? up|trial"
    r"|abonn\w*|suscri\w*|boletín)\b",
    re.I,
)
# A list item under "Join now to get:" ("— Instant access to …").
_BULLET = re.compile(r"[—–•*·▪-]\s*\S[^\n]{0,148}")
# A sign-up box after its prompt: "Simply pop your email into the box …", "Every day
# we'll send you a roundup email …" — addressed to the reader, about the e-mail.
_YOU = re.compile(r"\b(?:you|your|you['’](?:ll|re|ve|d))\b", re.I)
_MAIL_WORDS = re.compile(
    r"\b(?:e-?mails?|newsletters?|inbox|unsubscribe|subscri\w*|sign(?:ing)? up|roundup)\b", re.I
)
# Quotation marks or a reporting verb: someone is quoted, so the line is the article's.
_QUOTED = re.compile(r"[\"“”„«»]|\b(?:said|says|told|according to)\b", re.I)


def _pitch_line(line: str, *, between: bool) -> bool:
    """Does ``line`` go on with a pitch: between two anchors, a line with a pitch word or
    a list item; after a sign-up prompt, a line to the reader about the e-mail."""
    if len(line) > _MAX_LINE_CHARS or _QUOTED.search(line):
        return False
    if between:
        return bool(_PITCH_WORDS.search(line) or _BULLET.fullmatch(line))
    return bool(_YOU.search(line) and _MAIL_WORDS.search(line))


def _pitch(
    text: str, lines: list[tuple[int, int]], marked: dict[int, str], first: int, stop: int
) -> dict[int, str]:
    """Lines of ``lines[first:stop]`` that carry on a subscription pitch, ``{index:
    "pitch"}``: every line between two pitch anchors (:data:`_PITCH_ANCHORS`) a few lines
    apart when each of them does (and one names what is offered), and the lines to the
    reader about the e-mail right after a sign-up prompt."""
    found: dict[int, str] = {}
    body = [i for i in range(len(lines)) if lines[i][0] != lines[i][1]]
    anchors = [n for n, i in enumerate(body) if marked.get(i) in _PITCH_ANCHORS]
    for a, b in itertools.pairwise(anchors):
        gap = [body[n] for n in range(a + 1, b)]
        if not gap or len(gap) > _MAX_PITCH_LINES or any(i in marked for i in gap):
            continue
        texts = [text[slice(*lines[i])] for i in gap]
        if all(_pitch_line(t, between=True) for t in texts) and any(
            _PITCH_WORDS.search(t) for t in texts
        ):
            found.update((i, "pitch") for i in gap)
    for a in anchors:
        for n in range(a + 1, min(a + 1 + _MAX_PITCH_TAIL, len(body))):
            i = body[n]
            if i in marked or i in found:
                continue
            if not _pitch_line(text[slice(*lines[i])], between=False):
                break
            found[i] = "pitch"
    return {i: k for i, k in found.items() if first <= i < stop}


# A byline or a wire dateline that opens the first paragraph, run into its first sentence:
# "By Jane Doe: The Americas cannot …", "WASHINGTON (Reuters) - President …", "LONDON,
# March 3 (AFP) – …". Only the prefix is furniture; the sentence after it is the article's.
_AGENCY_TAGS = r"Reuters|AP|AFP|CNN|Xinhua|UPI|Bloomberg|dpa|EFE|ANSA|TASS|Sputnik|RIA Novosti"
_LEAD_PREFIX = re.compile(
    rf"(?:(?P<byline>(?:by|von|por|par)\s+(?:{_AUTHORS})\s*[:|–—-])"
    r"|(?P<dateline>(?-i:[A-Z][A-Z.'’ -]{1,40}(?:, [A-Z][\w.]*(?: \d{1,2})?)?)? ?\((?-i:"
    rf"{_AGENCY_TAGS})\)\s*[:–—-]?))"
    r"\s+(?=\S)",
    re.I,
)
#: Lines after the header searched for a lead prefix (a title and a standfirst may
#: come before the first paragraph).
_LEAD_LINES = 3


def _lead_prefix(text: str, lines: list[tuple[int, int]], first: int, stop: int) -> Span | None:
    """The byline or dateline prefix of the first paragraph, if one opens it."""
    seen = 0
    for i in range(first, stop):
        start, end = lines[i]
        if start == end:
            continue
        m = _LEAD_PREFIX.match(text, start, end)
        if m:
            kind = "byline" if m.group("byline") else "dateline"
            prefix = m.group(kind)
            return Span(start, start + len(prefix), "furniture", attrs={"lines": [kind]})
        seen += 1
        if seen >= _LEAD_LINES:
            break
    return None


# A "read more" link run onto the end of a paragraph: "… dijo Murátov. Seguir leyendo:",
# "… the report says. Continue reading →". Only the link is furniture.
_TAIL = re.compile(
    r"(?<=[.!?…”\"»)])\s+(?P<tail>(?:seguir leyendo|sigue leyendo|leer m[áa]s|read more"
    r"|continue reading|keep reading|weiterlesen|mehr lesen|lire la suite)"
    r"\s*(?:[:»>…→]|\.{3})?)$",
    re.I,
)


def _read_more_tails(text: str, lines: list[tuple[int, int]], marked: set[int]) -> list[Span]:
    """The "read more" links that end a paragraph outside the furniture."""
    spans: list[Span] = []
    for i, (start, end) in enumerate(lines):
        if start == end or i in marked:
            continue
        m = _TAIL.search(text, start, end)
        if m:
            spans.append(Span(m.start("tail"), end, "furniture", attrs={"lines": ["read_more"]}))
    return spans


def find_boilerplate(text: str, *, max_lines: int = 12) -> list[Span]:
    """The furniture of ``text``: the blocks at its start and end and the runs between.

    Args:
        text: the document text.
        max_lines: the most lines an edge block may have (a longer run of "furniture"
            at the edge of a text is more likely a list the author wrote), and the most
            headlines a list heading takes.

    Returns:
        Spans in text order, without overlaps: ``"header"``, then ``"furniture"`` runs,
        then ``"footer"``, each covering its lines from the first to the last non-space
        character, with ``attrs["lines"]`` giving the kind of each line top to bottom.
    """
    if max_lines < 1 or not text.strip():
        return []
    lines = _lines(text)
    footer = _block(text, lines, range(len(lines) - 1, -1, -1), max_lines=max_lines, lists=True)
    footer.sort()
    first_footer_line = footer[0][0] if footer else len(lines)
    header = _block(text, lines, range(first_footer_line), max_lines=max_lines, lists=False)
    after_header = header[-1][0] + 1 if header else 0
    inner = _inner(text, lines, after_header, first_footer_line, max_lines=max_lines)
    marked = {**dict(header), **inner, **dict(footer)}
    inner.update(_pitch(text, lines, marked, after_header, first_footer_line))
    runs = _runs(inner, lines)
    blocks = [("header", header), *(("furniture", run) for run in runs), ("footer", footer)]
    spans: list[Span] = []
    for label, block in blocks:
        if block:
            start, end = lines[block[0][0]][0], lines[block[-1][0]][1]
            spans.append(Span(start, end, label, attrs={"lines": [kind for _, kind in block]}))
    lead = _lead_prefix(text, lines, after_header, first_footer_line)
    if lead is not None and not any(s.start <= lead.start < s.end for s in spans):
        spans.append(lead)
    spans += _read_more_tails(text, lines, {*marked, *inner})
    spans.sort(key=lambda s: s.start)
    return spans


@register(
    "boilerplate.v1",
    assigns=("boilerplate",),
    default_config={"max_lines": 12},
    description="Marks page furniture (footers, sign-up prompts, credits, related links) "
    "that analysers skip.",
)
def make_boilerplate(max_lines: int = 12) -> Component:
    """The ``boilerplate.v1`` component.

    Args:
        max_lines: the most lines one header or footer block may have, and the most
            headlines a related-links heading takes.
    """

    def boilerplate(doc: Document) -> Document:
        doc.set_spans("boilerplate", find_boilerplate(doc.text, max_lines=max_lines))
        return doc

    return boilerplate
