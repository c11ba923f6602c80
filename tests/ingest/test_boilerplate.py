"""boilerplate.v1: one span per contiguous furniture block at the edges, never body text."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import spinscope
from spinscope.document import Document
from spinscope.ingest import read_document
from spinscope.ingest.boilerplate import find_boilerplate, line_kind, make_boilerplate
from spinscope.pipeline import Pipeline

BODY = "The ministry denied the report.\nOfficials said the convoy was never attacked."


def _blocks(text: str, **kwargs: int) -> list[tuple[str, str, list[str]]]:
    spans = find_boilerplate(text, **kwargs)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
    return [(s.label, text[s.start : s.end], list(s.attrs["lines"])) for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Blogger footer, no final newline (the white-helmets sample's ending).
        (
            f"{BODY}\nNo comments:\nPost a Comment",
            [("footer", "No comments:\nPost a Comment", ["comments", "comments"])],
        ),
        # The full Blogger furniture, with blank lines and trailing whitespace.
        (
            f"{BODY}\n\nPosted by Admin at 9:14 AM\nLabels: Syria, White Helmets, Russia\n\n"
            "Share this:\nFacebook Twitter Email\n\nNo comments:\nPost a Comment\n"
            "Newer Post Older Post Home\nSubscribe to: Post Comments (Atom)\n  \n",
            [
                (
                    "footer",
                    "Posted by Admin at 9:14 AM\nLabels: Syria, White Helmets, Russia\n\n"
                    "Share this:\nFacebook Twitter Email\n\nNo comments:\nPost a Comment\n"
                    "Newer Post Older Post Home\nSubscribe to: Post Comments (Atom)",
                    [
                        "byline",
                        "labels",
                        "share",
                        "share",
                        "comments",
                        "comments",
                        "navigation",
                        "subscribe",
                    ],
                )
            ],
        ),
        # CRLF line endings.
        (
            f"{BODY}\r\nShare this:\r\nTweet\r\n",
            [("footer", "Share this:\r\nTweet", ["share", "share"])],
        ),
        # Related-articles list: the headlines under the heading belong to the footer.
        (
            f"{BODY}\nRelated articles:\nUS strikes Syrian air base\nRussia warns of false flag\n"
            "© 2019 Example News. All rights reserved.",
            [
                (
                    "footer",
                    "Related articles:\nUS strikes Syrian air base\nRussia warns of false flag\n"
                    "© 2019 Example News. All rights reserved.",
                    ["related", "related_item", "related_item", "legal"],
                )
            ],
        ),
        # Cookie banner on top, navigation, then the article; a footer too.
        (
            "This website uses cookies to improve your experience.\nAccept all\n"
            f"Skip to content\n{BODY}\nPrint\n",
            [
                (
                    "header",
                    "This website uses cookies to improve your experience.\nAccept all\n"
                    "Skip to content",
                    ["cookies", "cookies", "navigation"],
                ),
                ("footer", "Print", ["share"]),
            ],
        ),
        # -- negatives: body text is never boilerplate --------------------------------
        (BODY, []),
        (f"{BODY}\nReaders can post a comment below, the editor said.", []),
        (f"No comments were made by officials.\n{BODY}", []),
        (f"{BODY}\nShare this story with your representatives, activists urged.", []),
        (f"{BODY}\nCopyright law was changed in 2019, critics said.", []),
        (f"{BODY}\nHome\nis where the heart is, the president said.", []),
        (
            f"{BODY}\nLabels: the government calls them terrorists. They call themselves rescuers.",
            [],
        ),
        # A furniture line inside the body is not at an edge.
        (f"{BODY}\nHome\n{BODY}", []),
        ("", []),
        ("   \n\n", []),
    ],
)
def test_find_boilerplate(text: str, expected: list[tuple[str, str, list[str]]]) -> None:
    assert _blocks(text) == expected


PARA = "Officials said the convoy was never attacked, and that the border stayed open all night."


@pytest.mark.parametrize(
    ("furniture", "kinds"),
    [
        # Letters page footer.
        ("Submit your letter to the editor via this form.", ["standards"]),
        (
            "We want to hear what you think about this piece. Send a letter to the editor at "
            "letters@example.org.",
            ["standards"],
        ),
        ("Our Standards: The Example Wire Trust Principles.", ["standards"]),
        ("Additional reporting by Jane Roe in Kyiv; Editing by John Poe", ["contributors"]),
        ("(Reporting by Ann Lee; Writing by Bo Chan; Editing by Cy Dunn)", ["contributors"]),
        ("Example Press contributed to this report.", ["contributors"]),
        ("Con información de EFE y Europa Press", ["contributors"]),
        # Photo credits: on their own line, or ending a caption.
        ("Photo: Jane Roe / Example Agency", ["credit"]),
        ("Foto: dpa", ["credit"]),
        (
            "Rescue workers search the rubble in the town centre. (Credit: Jane Roe / Example)",
            ["credit"],
        ),
        ("Getty Images", ["credit"]),
        ("(AFP)", ["credit"]),
        ("Crédit photo : Jean Dupont", ["credit"]),
        (
            "FILE PHOTO: A man walks past the ministry in Kyiv, May 1, 2020. "
            "REUTERS/Jane Roe/File Photo",
            ["credit"],
        ),
        ("© EPA Ministers arrive for the summit", ["legal"]),
        # Sign-up prompts, in four languages.
        ("Example Morning Newsletter", ["subscribe"]),
        ("Sign up for our daily briefing, straight to your inbox.", ["subscribe"]),
        (
            "The channel will soon launch a weekly show about the region. Sign up here.",
            ["subscribe"],
        ),
        ("Never miss a story: get our newsletter every morning.", ["subscribe"]),
        ("Jetzt Newsletter abonnieren", ["subscribe"]),
        ("Suscríbete a nuestro boletín", ["subscribe"]),
        ("Abonnez-vous à notre newsletter", ["subscribe"]),
        ("Follow us on Facebook and Instagram", ["subscribe"]),
        # Share and read-more lines.
        ("Artikel teilen", ["share"]),
        ("Auf Facebook teilen", ["share"]),
        ("Compartir en Twitter", ["share"]),
        ("Partager cet article", ["share"]),
        ("Read more: Ministers meet again over the border crisis", ["read_more"]),
        ("LIRE AUSSI - La frontière rouverte", ["read_more"]),
        ("Read: Two disasters are exponentially worse than one", ["read_more"]),
        # A related-links list: the headlines under the heading go with it.
        (
            "Seguir leyendo:\nEl gobierno anuncia nuevas medidas\nLa oposición pide explicaciones",
            ["related", "related_item", "related_item"],
        ),
        (
            "Mehr zum Thema\nRegierung kündigt neue Maßnahmen an\nOpposition fordert Aufklärung",
            ["related", "related_item", "related_item"],
        ),
        # Bylines and datelines.
        ("By Jane Doe, Staff Writer", ["byline"]),
        ("BY JANE DOE AND JOHN ROE | Example News", ["byline"]),
        ("By Reuters", ["byline"]),
        ("Written by Jane Doe on March 3, 2017", ["byline"]),
        ("Posted by admin on March 3, 2017", ["byline"]),
        ("Posted by Jane Roe on 20 Sep 2016", ["byline"]),
        ("Von Hans Meier", ["byline"]),
        ("Por María López", ["byline"]),
        ("Par Jean Dupont", ["byline"]),
        ("Updated 5:32 PM ET", ["dateline"]),
        ("Last updated on Sept. 25, 2016", ["dateline"]),
        ("Aktualisiert am 3. März 2017", ["dateline"]),
        ("Washington (CNN)", ["dateline"]),
        ("Posted: Thursday, April 21, 2022. 10:11 pm CST.", ["dateline"]),
        # A photo gallery's heading and button.
        ("UK news in pictures\nShow all 50", ["related", "related"]),
        # A site's advertising offer, and one disguised with Cyrillic letters.
        ("Advertise with us ~ We offer fully customizable digital packages.", ["ad"]),
        ("Advertise With Us", ["ad"]),
        ("Advertise with us. Call 555-0100 for our rates.", ["ad"]),
        ("Advertise with the most visited news site in the region", ["ad"]),
        # Two words with Latin and Cyrillic letters make a disguised line.
        ("\u0412uy n\u043ew, the best deals in town", ["disguised"]),
        (
            "\u0410dv\u0435rt\u0456\u0455\u0435 w\u0456th th\u0435 most visited news site",
            ["disguised"],
        ),
        # Advertising blocks.
        ("Advertisement", ["ad"]),
        ("Advertisement - story continues below", ["ad"]),
        ("Story Continued Below", ["ad"]),
        ("Popular Video This singer was stunned when a star invited her on stage.", ["ad"]),
        ("Continue reading below", ["ad"]),
        ("Sponsored content", ["ad"]),
        ("Anzeige", ["ad"]),
        ("Publicidad", ["ad"]),
        ("Publicité", ["ad"]),
        ("Your ads will be inserted here by\nEasy Plugin for AdSense.", ["ad", "ad"]),
        # Share bars and counters, comment counts.
        ("13.8k SHARES SHARE THIS STORY", ["share"]),
        ("80510 SHARES Facebook Twitter Reddit Stumbleupon Pinterest", ["share"]),
        ("Share this:", ["share"]),
        ("Share this: Twitter", ["share"]),
        ("Click to share on Twitter (Opens in new window)", ["share"]),
        ("Like this: Like Loading...", ["share"]),
        ("Please share this story on Facebook!", ["share"]),
        ("Compartir", ["share"]),
        ("Like us on Facebook", ["subscribe"]),
        ("Like our page on facebook.", ["subscribe"]),
        ("Leave a comment", ["comments"]),
        ("12 Comments", ["comments"]),
        # Credits and the story's source.
        ("Image copyright Getty Images", ["credit"]),
        ("(AP Photo/Jane Roe)", ["credit"]),
        ("Jane Roe/The Example Observer via AP Photo", ["credit"]),
        ("A man walks past the ministry in Kyiv. | AP Photo", ["credit"]),
        ("Featured image via Flickr", ["credit"]),
        ("Source: Example Daily", ["credit"]),
        ("(h/t Example Review)", ["credit"]),
        ("© 2017 Example News", ["legal"]),
        (
            "This article is the copyrighted property of Example News.\nWritten permission "
            "must be obtained before reprint in online or print media.",
            ["legal", "legal"],
        ),
        ("External links are provided for reference purposes.", ["legal"]),
        (
            "Example News is not responsible for the content of external Internet sites.",
            ["legal"],
        ),
        ("Lesen Sie auch", ["related"]),
        ("Lire aussi", ["related"]),
        # How to reach the newsroom or the reporter, in four languages.
        (
            "To reach the reporter behind this story, contact jane@example.org. To reach the "
            "editor, contact ed@example.org",
            ["contact"],
        ),
        ("Jane Roe can be reached at jane.roe@example.com", ["contact"]),
        ("Write to Jo Lee at jo.lee@example.com.", ["contact"]),
        ("Contact us at editors@example.com.", ["contact"]),
        ("Follow Jo Lee on Twitter @jolee", ["contact"]),
        ("Follow him on Twitter here.", ["contact"]),
        ("• Email: jane@example.com | Twitter: janeroe", ["contact"]),
        ("Twitter: @janeroe.", ["contact"]),
        (
            "You can contact Example Daily on Facebook, Instagram, or email news@example.ie",
            ["contact"],
        ),
        ("Visit his site at JaneRoe.com, follow him on Twitter: @janeroe", ["contact"]),
        (
            "Jane Roe is a journalist in Leeds. Her work has appeared in many outlets. Reach "
            "her at jane@example.com.",
            ["contact"],
        ),
        (
            "Are you a tenant preparing to vote this month? We want to hear from you! Submit "
            "your questions here or by emailing tips@example.org",
            ["contact"],
        ),
        ("We'd love to get your feedback at radio@example.com", ["contact"]),
        ("Got a tip? Email tips@example.com", ["contact"]),
        ("Schreiben Sie uns an redaktion@example.de", ["contact"]),
        ("Escríbenos a redaccion@example.es", ["contact"]),
        ("Contactez-nous : redaction@example.fr", ["contact"]),
        # Who paid for the story, and calls to pay for the journalism.
        (
            "This project was produced with support from the Example Foundation's Civic Fund.",
            ["support"],
        ),
        ("This story was reported in partnership with Example Newsroom.", ["support"]),
        ("Support for this coverage comes from the Example Trust.", ["support"]),
        ("Dieser Beitrag wurde mit Unterstützung der Example-Stiftung erstellt.", ["support"]),
        ("Este reportaje fue realizado con el apoyo de la Fundación Ejemplo.", ["support"]),
        ("Cet article a été réalisé avec le soutien de la Fondation Exemple.", ["support"]),
        ("Please help support us with cryptocurrency donations.", ["support"]),
        ("Support our journalism. Please consider subscribing today.", ["support"]),
        ("If you appreciated this one, please consider a donation.", ["support"]),
        ("Do you value independent news? Become a member today!", ["support"]),
        ("Unterstützen Sie unseren Journalismus: Jetzt Mitglied werden!", ["support"]),
        ("Hazte socio y apoya el periodismo independiente.", ["support"]),
        ("Soutenez notre journalisme : faites un don.", ["support"]),
        # The outlet's own events.
        ("RSVP for our Zoom panel on 11/9: Which Way for the Estate?", ["event"]),
        ("Join us on Monday, March 25 at noon ET.", ["event"]),
        ("Save your seat for our free webinar on the housing vote", ["event"]),
        # Links and what they lead to.
        ("[Our Latest Forecast: Who Will Win The Primary?]", ["link"]),
        ("(RELATED: Minister Denies Knowing About The Payments)", ["link"]),
        ("[ Read Related Article: The Party's Secret Donors", ["link"]),
        ("[More]", ["link"]),
        ("Click here to listen to this interview.", ["link"]),
        ("CLICK HERE TO GET THE EXAMPLE NEWS APP", ["link"]),
        ("Read the full article here.", ["link"]),
        ("(Read the whole story HERE.)", ["link"]),
        # More sign-up prompts and newsletter boxes.
        ("SUBSCRIBE on YouTube:", ["subscribe"]),
        ("Check out the preview and Subscribe Today!", ["subscribe"]),
        ("Don't miss her next column in the print edition; Subscribe today!", ["subscribe"]),
        ("Isn't it time for you to subscribe?", ["subscribe"]),
        ("The Brief Newsletter Sign up to receive the top stories of the day.", ["subscribe"]),
        (
            "Email Sign Up By signing up you agree to receive email newsletters from Example.",
            ["subscribe"],
        ),
        ("You can unsubscribe at any time.", ["subscribe"]),
        ("Morning Farm A daily briefing on farm policy — in your inbox.", ["subscribe"]),
        ("Sign Up Thank you for signing up!", ["subscribe"]),
        ("If you are not on our email list, please sign up here.", ["subscribe"]),
        ("You can follow us at this link.", ["contact"]),
        (
            "If you enjoyed our roundup of the week's news, subscribe to our YouTube channel.",
            ["subscribe"],
        ),
        # Calls to pass the story on.
        ("Share this on Facebook if you agree!", ["share"]),
        ("SHARE IF YOU WANT THE TRUTH EXPOSED!", ["share"]),
        ("Share this story and let us know what you think.", ["share"]),
        ("Join Our Movement And Share This Article Now! 5.1k SHARES", ["share"]),
        ("Ooops... Error 404", ["error"]),
        (
            "× 50 Recipes for Busy Cooks by Chef Lou Finch. Lou Finch's book is filled with "
            "tips. Finch provides advice everyone can use. Buy Now",
            ["promo"],
        ),
    ],
)
def test_furniture_between_paragraphs(furniture: str, kinds: list[str]) -> None:
    text = f"{PARA}\n{furniture}\n{PARA}"
    assert _blocks(text) == [("furniture", furniture, kinds)]


@pytest.mark.parametrize(
    "line",
    [
        # Sentences that merely contain the words of a prompt are the article's.
        "Thousands rushed to sign up for the programme before the deadline, officials said.",
        "Sign up numbers fell by a third in March.",
        "Register to vote by October 5.",
        "Prices will rise next month, the dealer said. Buy now, he urged.",
        "The photo by the agency showed the convoy burning.",
        "He said he would submit a letter to the editor, but never did.",
        "Reporting by the Times showed the ministry knew in March.",
        "He told Reuters/Ipsos pollsters he was undecided.",
        "The ministry said so. Reuters/Ipsos polls disagree.",
        "Related reports suggested the talks had stalled.",
        "Share prices fell sharply on Monday.",
        "Follow us, the protesters chanted, as they marched to the square.",
        "He was filmed at the scene. (Warning: the video contains graphic images.)",
        # ... and sentences that mention contacts, funding, support, events and links.
        "Anyone with information is asked to contact police at 555-0100.",
        "Email vote@example.gov or call 212-555-0100 for more information.",
        'She wrote: "Contact me at jane@example.com if you hear anything."',
        "The project was funded by a grant from the state, the mayor said.",
        "This project was approved by the council on Monday.",
        "The research was produced by the Party Members Project funded by the council.",
        "Support our troops!",
        "Support for the bill has grown since March.",
        "Supporters urged him to donate to the campaign.",
        "Join us, the senator told the crowd, and the crowd cheered.",
        "Click and collect services will resume on Monday.",
        "(More than 100 people were hurt in the blast.)",
        "Read the report and you will see the plan was never approved.",
        "Share prices fell on Monday.",
        "Share of the vote fell to 12 per cent.",
        "You can opt out of the data sharing in the settings menu.",
        "If you see the asteroid, share the photo with the observatory.",
        "If you are eligible, sign up for the vaccine at the pharmacy.",
        "Die Partei folgt ihm auf dem Weg nach Berlin.",
        "Este artículo fue publicado en el diario oficial el lunes.",
        # ... and so are sentences that open like a byline, a dateline or a share bar.
        "By the end of the year, the rebels had retreated.",
        "By Monday, the rebels had retreated.",
        "By contrast, the ministry said nothing.",
        "By The Numbers",
        "By Air",
        "Written by hand, the note was short.",
        "Posted by the ministry on its website, the statement denied everything.",
        "He posted the video on Twitter on March 3, 2017.",
        "Updated figures will follow next week.",
        "Shares of Example rose 5% on Monday.",
        "1,000 shares were sold.",
        "The company shares data with advertisers.",
        "Advertisement revenue fell by a third.",
        "Popular video sites said they would remove the clip.",
        "Sponsored by the ministry, the program grew.",
        "Continue reading the report, the minister urged.",
        "Like this, the rebels gained ground.",
        "Comments from the minister angered the opposition.",
        "Source: a senior official said the talks had failed.",
        "Sources said the talks failed.",
        "The photo was an AP Photo.",
        "Von Berlin aus fuhr er weiter.",
        "Par ailleurs, le ministre a démenti.",
        "Por eso, el gobierno negó todo.",
        "Jane Doe is a reporter at Example News.",
        "The ministry said it was not responsible for the content of the leaked files.",
        "Advertise on every channel, the consultant told them.",
        "Advertise with us, the campaign urged local businesses in its mailer.",
        "Advertise on the radio and you reach older voters, the strategist said.",
        "Advertise with the enemy? Critics said the deal sent the wrong signal.",
        # "Read:" before a sentence, not a headline.
        "Read: the memo, which the paper obtained, says the plan was never approved.",
        "Read: that is what the protesters wrote on their signs.",
        # One mixed-script word is a typo (a Cyrillic "у" in a Latin name).
        "President Zelensk\u0443 said the tax would pay for the war.",
        "Permission is required to reprint the photos, the agency said.",
        "The war in pictures has shocked the world, the minister said.",
        # Russian text, and a Latin name beside a Cyrillic one, are one script a word.
        "Министр (minister) Lavrov сказал, Лавров (Lavrov) said.",
        "Comments",
        "Authors:",
        # Weak furniture counts only at the edges of a text.
        "Home",
        "Print",
        "-----",
    ],
)
def test_sentences_and_weak_lines_inside_the_article_are_kept(line: str) -> None:
    assert _blocks(f"{PARA}\n{line}\n{PARA}") == []


@pytest.mark.parametrize(
    ("footer", "kinds"),
    [
        ("Authors:", ["labels"]),
        ("Comments\ncomments", ["comments", "comments"]),
        ("Jane Roe is a senior reporter for Example News.\nAuthors:", ["bio", "labels"]),
        ("Share this: Twitter\nFacebook\nGoogle", ["share", "share", "share"]),
        ("Filed under Syria, Russia", ["labels"]),
        ("Kommentare", ["comments"]),
    ],
)
def test_weak_furniture_at_the_end(footer: str, kinds: list[str]) -> None:
    assert _blocks(f"{PARA}\n{footer}\n") == [("footer", footer, kinds)]


def test_a_subscription_pitch_between_two_paywall_lines_is_furniture() -> None:
    pitch = (
        "To view the full story, please subscribe to Example Weekly.\n"
        "When you join the Example Weekly family, you'll get unlimited digital access to "
        "our journalism.\n"
        "Join now or renew to get:\n"
        "— Instant access to special reports\n"
        "— Local news from our communities\n"
        "First-time subscribers also receive a welcome gift!\n"
        "If you're already a subscriber, you can log in for immediate access to this story."
    )
    blocks = _blocks(f"{PARA}\n{pitch}")
    assert [(label, kinds) for label, _, kinds in blocks] == [
        ("furniture", ["paywall", "pitch", "pitch", "pitch", "pitch", "pitch"]),
        ("footer", ["paywall"]),
    ]


def test_a_newsletter_box_after_its_prompt_is_furniture() -> None:
    box = (
        "Sign up for the Example Daily newsletter\n"
        "Simply pop your email into the box above and get the latest news direct to you\n"
        "Every day we'll send you a roundup email of all the latest news."
    )
    text = f"{PARA}\n{box}\n{PARA}"
    assert _blocks(text) == [("furniture", box, ["subscribe", "pitch", "pitch"])]


@pytest.mark.parametrize(
    "between",
    [
        # Article lines between two prompts stay: no pitch word, or someone quoted.
        "The council voted on Tuesday.\nThe mayor was absent.",
        '"You can join us any time," the organiser said of the club\'s members.',
        "Members of the council said the vote was rigged.\nThe mayor was absent.",
    ],
)
def test_article_lines_between_sign_up_prompts_stay(between: str) -> None:
    text = f"{PARA}\nSign up for our newsletter\n{between}\nSubscribe to our newsletter\n{PARA}"
    kinds = [kinds for _, _, kinds in _blocks(text)]
    assert kinds == [["subscribe"], ["subscribe"]]


@pytest.mark.parametrize(
    ("paragraph", "tail"),
    [
        ("El ministro habló ayer en Moscú, dijo Murátov. Seguir leyendo:", "Seguir leyendo:"),
        ("The ministry denied the report on Monday. Read more…", "Read more…"),
        ("Die Regierung hat den Bericht dementiert. Weiterlesen", "Weiterlesen"),
        ("Le ministère a démenti le rapport. Lire la suite »", "Lire la suite »"),
    ],
)
def test_a_read_more_link_ending_a_paragraph_is_furniture(paragraph: str, tail: str) -> None:
    assert _blocks(f"{PARA}\n{paragraph}\n{PARA}") == [("furniture", tail, ["read_more"])]


def test_a_lone_read_more_heading_is_furniture() -> None:
    text = f"{PARA}\nSeguir leyendo:\n{PARA}"
    assert _blocks(text) == [("furniture", "Seguir leyendo:", ["related"])]


def test_a_byline_and_dateline_head_the_text() -> None:
    header = "By Jane Doe, Staff Writer\nUpdated 5:32 PM ET"
    assert _blocks(f"{header}\n{PARA}") == [("header", header, ["byline", "dateline"])]


def test_story_highlights_head_the_text() -> None:
    header = (
        "Story highlights Vale on Tuesday defended her remarks about the dam\n\n"
        "House members gave Vale mixed reviews"
    )
    assert _blocks(f"{header}\n\n{PARA}") == [("header", header, ["highlights", "highlight"])]


def test_story_highlights_take_a_few_bullets_only() -> None:
    bullets = [f"Bullet {i} says what the story says" for i in range(6)]
    text = "Story highlights\n" + "\n".join(bullets) + f"\n\n{PARA}"
    ((label, _, kinds),) = _blocks(text)
    assert (label, kinds) == ("header", ["highlights"] + ["highlight"] * 4)


def test_a_highlights_heading_inside_an_article_is_text() -> None:
    text = f"{PARA}\nHighlights:\nA 12-hour battery\nA brighter screen\n{PARA}"
    assert _blocks(text) == []


@pytest.mark.parametrize(
    ("heading", "kind"),
    [("Related:", "related"), ("Top Stories", "related"), ("Most read", "related")],
)
def test_a_title_under_a_links_heading_at_the_top_stays_text(heading: str, kind: str) -> None:
    # A links heading left at the top by extraction: the headline under it is the
    # article's own title, which the analysers read.
    text = f"{heading}\nCouncil Votes to Close Old Bridge\nResidents fear longer commutes\n\n{PARA}"
    assert _blocks(text) == [("header", heading, [kind])]


def test_an_opinion_disclaimer_is_furniture() -> None:
    footer = (
        "The views expressed in this opinion article are solely those of their author "
        "and are not necessarily shared by Example.com"
    )
    assert _blocks(f"{PARA}\n{footer}") == [("footer", footer, ["standards"])]
    # ... and a sentence about views expressed somewhere is the article's
    assert _blocks(f"{PARA}\nThe views expressed in the report angered the council.\n{PARA}") == []


def test_letters_page_footer() -> None:
    footer = (
        "Additional reporting by Jane Roe; Editing by John Poe\n"
        "Our Standards: The Example Wire Trust Principles.\n"
        "Submit your letter to the editor via this form.\n"
        "Artikel teilen"
    )
    assert _blocks(f"{PARA}\n{footer}\n") == [
        ("footer", footer, ["contributors", "standards", "standards", "share"])
    ]


def test_headlines_under_a_heading_stop_at_the_paragraph() -> None:
    text = f"{PARA}\nRelated:\nTalks stall again\n{PARA}\nShort line without a heading\n{PARA}"
    assert _blocks(text) == [
        ("furniture", "Related:\nTalks stall again", ["related", "related_item"])
    ]


def test_an_inline_related_link_takes_no_list() -> None:
    # A subheading after "Related: <headline>" is the article's.
    text = f"{PARA}\nRelated: Talks stall again\nWhat happens next\n{PARA}"
    assert _blocks(text) == [("furniture", "Related: Talks stall again", ["read_more"])]


def test_scan_is_linear() -> None:
    body = f"{PARA}\nPhoto: Jane Roe / Example\nRelated:\nTalks stall again\n" * 200
    small = time.perf_counter()
    find_boilerplate(body)
    small = time.perf_counter() - small
    large = time.perf_counter()
    spans = find_boilerplate(body * 10)
    large = time.perf_counter() - large
    assert sum(len(s.attrs["lines"]) for s in spans) == 3 * 2000
    assert large < 30 * small + 0.05


def test_related_heading_needs_to_be_there() -> None:
    # Short lines at the end without a heading above them are the article's.
    text = "Long body sentence here that is the article.\nShort line one.\nShort line two.\nTweet"
    assert _blocks(text) == [("footer", "Tweet", ["share"])]


def test_max_lines_caps_a_block() -> None:
    text = BODY + "\n" + "\n".join(["Tweet"] * 20)
    (block,) = _blocks(text, max_lines=5)
    assert block[2] == ["share"] * 5
    assert _blocks(text, max_lines=0) == []


def test_whole_text_of_furniture_is_one_block() -> None:
    assert _blocks("Share this:\nTweet") == [("footer", "Share this:\nTweet", ["share", "share"])]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("No comments:", "comments"),
        ("3 Comments", "comments"),
        ("Leave a Reply", "comments"),
        ("Posted by Jane Doe at 10:02 PM", "byline"),
        ("Posted by admin on March 3, 2019 at 9:14 am", "byline"),
        ("Tags: Syria, chemical weapons", "labels"),
        ("You may also like:", "related"),
        ("Share on Facebook", "share"),
        ("Facebook | Twitter | WhatsApp", "share"),
        ("Follow us on Twitter", "subscribe"),
        ("Powered by Blogger.", "powered"),
        ("Copyright © 2020 Example Ltd", "legal"),
        ("-----", "separator"),
        ("The minister said he would post a comment later.", None),
        ("Share prices fell sharply on Monday.", None),
        ("x" * 600, None),
    ],
)
def test_line_kind(line: str, kind: str | None) -> None:
    assert line_kind(line) == kind


def test_component_sets_group_and_leaves_text_alone() -> None:
    text = f"{BODY}\nNo comments:\nPost a Comment"
    doc = Document(text)
    out = make_boilerplate(max_lines=12)(doc)
    assert out.text == text
    (span,) = out.spans["boilerplate"]
    assert span.label == "footer" and out.is_boilerplate(span)
    assert out.content_ranges() == [(0, span.start)]


def test_registered_component_runs_in_a_pipeline() -> None:
    doc = Pipeline(["boilerplate.v1"], {"boilerplate.v1": {"max_lines": 3}})(
        Document(f"{BODY}\nTweet")
    )
    assert [s.label for s in doc.spans["boilerplate"]] == ["footer"]


def test_white_helmets_footer_is_one_boilerplate_span(white_helmets_path: Path) -> None:
    doc = make_boilerplate()(read_document(white_helmets_path))
    spans = list(doc.spans["boilerplate"])
    for span in spans:
        assert 0 <= span.start < span.end <= len(doc.text)
    footer_start = doc.text.rindex("No comments:")
    footer = (footer_start, len(doc.text.rstrip()))
    holders = [s for s in spans if s.contains(footer)]
    assert len(holders) == 1 and holders[0].label == "footer"
    assert doc.span_text(holders[0]) == "No comments:\nPost a Comment"
    # The article itself is untouched: the last body sentence is not boilerplate.
    last_sentence = doc.text.rindex("Syria surrendered")
    assert not any(s.overlaps((last_sentence, last_sentence + 10)) for s in spans)


@pytest.mark.parametrize(
    "line",
    [
        "Labels: " + "a, " * 40 + ",",
        "Tags:" + " a" * 200 + ",",
        "share " * 80 + "?",
        "Facebook | " * 40 + "?",
        "posted by " + "a at " * 60 + "?",
        "Posted by a on " + "a 1, 2019 " * 20 + "?",
        "newer post " * 40 + "x",
        "a " * 200 + "all rights reserved!",
        "download the app " * 30,
        "(" * 10 + "a (photo " * 40,
        "a. sign up " * 40,
        "(reporting by " + "a; " * 100 + "editing by",
        "reuters" + " / x" * 100 + "/",
        "share this article " * 20,
        "a. " * 60 + "this post contains affiliate links" + " x" * 100,
        "By " + "Aa " * 100 + "?",
        "By Aa Bb" + ", Aa Bb" * 60 + "?",
        "Updated " + "March 3, 2017 " * 30 + "?",
        "1k shares " + "facebook " * 60 + "?",
        "share this: " + "twitter | " * 60 + "?",
        "x" * 250 + "/" + "a / " * 60 + "AP Photo?",
        "source: " + "a " * 100 + "?",
        "Contact " + "a@b.c " * 80 + "?",
        "Aa Bb is a " + "writer " * 60 + "reach her at",
        "Why? " * 50 + "We want to hear " + "x" * 200,
        "If you " + "a, " * 150 + "please consider",
        "This story " + "was " * 100,
        "[ Related: " + "x " * 200,
        "share this " * 40 + "if you",
        "a. " * 100 + "Subscribe today",
    ],
    ids=lambda line: line[:12],
)
def test_patterns_never_backtrack_badly(line: str) -> None:
    started = time.perf_counter()
    line_kind(line[:500])
    find_boilerplate(f"{BODY}\n{line[:500]}\n{line[:500]}")
    assert time.perf_counter() - started < 0.2


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "No comments:",
                    "Post a Comment",
                    "Tweet",
                    "Home",
                    "",
                    "  ",
                    "Related:",
                    "Labels: a, b",
                    "© 2020 X",
                    BODY,
                ]
            ),
            st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
        ),
        max_size=12,
    ),
    st.sampled_from(["\n", "\r\n", "\r", "\u2028"]),
)
def test_spans_are_always_valid(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    spans = find_boilerplate(text)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert not text[span.start].isspace() and not text[span.end - 1].isspace()
    for before, after in itertools.pairwise(spans):
        assert before.end < after.start
    labels = [s.label for s in spans]
    assert labels.count("header") <= 1 and labels.count("footer") <= 1
    assert labels == sorted(labels, key=["header", "furniture", "footer"].index)


def test_marked_furniture_reaches_no_analysis() -> None:
    # Each furniture line holds what an analyser would take up if it read it: a speech
    # cue, a loaded label, a claim.
    furniture = [
        "By Jane Doe, Staff Writer",
        "Updated 5:32 PM ET",
        "Related: Regime thugs say the so-called rebels lied",
        "Story Continued Below",
        "Source: Terrorist Regime Watch",
        "13.8k SHARES SHARE THIS STORY",
    ]
    body = [
        "The ministry said the convoy was attacked by so-called rebels near the border.",
        "Officials denied that the regime had moved troops into the region last month.",
        "The convoy carried food and medicine for the town, which has been cut off since May.",
    ]
    text = "\n".join([furniture[0], furniture[1], body[0], furniture[2], furniture[3]])
    text += "\n" + "\n".join([body[1], furniture[4], body[2], furniture[5]])
    doc = spinscope.load()(text)
    marked = [doc.span_text(s) for s in doc.spans["boilerplate"]]
    assert "\n".join(marked).splitlines() == furniture
    analysed = [g for g in ("attributions", "assertions", "techniques", "labels") if g in doc.spans]
    assert {"attributions", "assertions", "labels"} <= set(analysed)
    for group in analysed:
        for span in doc.spans[group]:
            assert not any(b.overlaps((span.start, span.end)) for b in doc.spans["boilerplate"])


@pytest.mark.parametrize(
    ("paragraph", "prefix", "kind"),
    [
        ("By Aaron Humes: The Americas cannot ignore the risk.", "By Aaron Humes:", "byline"),
        ("By Jane Doe and John Roe - The council said it would act.", None, "byline"),
        ("WASHINGTON (Reuters) - The president said on Tuesday.", None, "dateline"),
        ("LONDON, March 3 (Reuters) - The bank said rates would rise.", None, "dateline"),
        ("BERLIN (dpa) – Die Regierung hat neue Regeln beschlossen.", None, "dateline"),
        ("NEW YORK (AP) — Stocks fell.", None, "dateline"),
        ("(CNN) North Korea went on the offensive on Friday.", "(CNN)", "dateline"),
    ],
)
def test_a_byline_or_dateline_opening_the_first_paragraph_is_furniture(
    paragraph: str, prefix: str | None, kind: str
) -> None:
    text = f"Bridge closed after cracks found\n\n{paragraph}\n\n{PARA}"
    spans = find_boilerplate(text)
    assert len(spans) == 1 and spans[0].attrs["lines"] == [kind]
    marked = text[spans[0].start : spans[0].end]
    assert paragraph.startswith(marked) and marked[-1] in ":-–—)"
    if prefix is not None:
        assert marked == prefix
    # the sentence after it stays the article's
    assert text[spans[0].end :].lstrip().startswith(paragraph[len(marked) :].lstrip()[:10])


@pytest.mark.parametrize(
    "paragraph",
    [
        "By Monday, the rebels had retreated.",
        "By the end of the year, the council said, it would act.",
        "By contrast - the ministry said nothing.",
        "Washington (where the talks were held) is far away.",
        "The FBI (Federal Bureau) said so.",
    ],
)
def test_a_first_paragraph_opening_like_a_byline_is_the_articles(paragraph: str) -> None:
    assert find_boilerplate(f"Bridge closed\n\n{paragraph}\n\n{PARA}") == []


def test_only_the_first_paragraph_can_open_with_a_dateline() -> None:
    late = "\n\n".join([PARA] * 4 + ["PARIS (AFP) - Another story begins here."])
    assert find_boilerplate(f"Bridge closed\n\n{late}") == []
