from __future__ import annotations

import pytest

from spinscope.sources.domains import Site, host_chain, parse_site, registrable_domain


@pytest.mark.parametrize(
    ("given", "host", "domain", "path"),
    [
        ("rt.com", "rt.com", "rt.com", ""),
        ("www.rt.com", "rt.com", "rt.com", ""),
        ("WWW.RT.COM.", "rt.com", "rt.com", ""),
        ("https://www.rt.com/news/123-story/", "rt.com", "rt.com", "/news/123-story"),
        ("http://m.facebook.com/page?x=1#top", "facebook.com", "facebook.com", "/page"),
        ("https://www2.example.org", "example.org", "example.org", ""),
        ("https://news.bbc.co.uk/1/hi", "news.bbc.co.uk", "bbc.co.uk", "/1/hi"),
        ("abcnews.go.com", "abcnews.go.com", "go.com", ""),
        ("user:pw@www.example.com:8080/a/", "example.com", "example.com", "/a"),
        # private suffixes: each blog is its own outlet
        (
            "https://someone.blogspot.com/2019/",
            "someone.blogspot.com",
            "someone.blogspot.com",
            "/2019",
        ),
        # a site's front page is the whole site
        ("http://www.who.int/en/", "who.int", "who.int", ""),
        ("http://example.com/index.html", "example.com", "example.com", ""),
        # IDNA
        ("пример.рф", "xn--e1afmkfd.xn--p1ai", "xn--e1afmkfd.xn--p1ai", ""),
        # 'www' is the registrable label here: nothing to strip
        ("www.com", "www.com", "www.com", ""),
    ],
)
def test_parse_site(given: str, host: str, domain: str, path: str) -> None:
    assert parse_site(given) == Site(host, domain, path)


@pytest.mark.parametrize(
    "given",
    [
        "",
        "   ",
        "not a domain",
        "localhost",
        "192.168.0.1",
        "http://[::1]/",
        "x.nosuchtld",
        "http://a:bad/",
    ],
)
def test_not_sites(given: str) -> None:
    assert parse_site(given) is None
    assert registrable_domain(given) is None


def test_keep_path_false_rates_the_whole_site() -> None:
    assert parse_site("newyorker.com/humor", keep_path=False) == Site(
        "newyorker.com", "newyorker.com"
    )


def test_host_chain_walks_up_to_the_registrable_domain() -> None:
    assert host_chain(Site("a.b.bbc.co.uk", "bbc.co.uk")) == [
        "a.b.bbc.co.uk",
        "b.bbc.co.uk",
        "bbc.co.uk",
    ]
    assert host_chain(Site("rt.com", "rt.com")) == ["rt.com"]
