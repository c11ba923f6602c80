"""Where an outlet lives: URLs and domain names reduced to the keys ratings use.

A rating names a *site*: its host without the scheme, port, ``www.``/``m.``-style
prefixes and trailing dot, plus a path prefix when the rating is for one section of a
site only (``newyorker.com/humor`` is rated satire, the New Yorker is not). Non-ASCII
host names are IDNA-encoded (``xn--...``). The
*registrable domain* (``bbc.co.uk`` for ``news.bbc.co.uk``) comes from the Public
Suffix List snapshot bundled with ``tldextract``: it is never fetched, so lookups work
offline and give the same answer everywhere.

>>> site = parse_site("https://www.News.BBC.co.uk/news/world?x=1")
>>> site.host, site.domain, site.path
('news.bbc.co.uk', 'bbc.co.uk', '/news/world')
>>> parse_site("m.facebook.com").host
'facebook.com'
>>> parse_site("not a domain") is None
True
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import tldextract

__all__ = ["Site", "host_chain", "parse_site", "registrable_domain"]

#: Host prefixes that name the same site (mobile, AMP and numbered web servers).
_ALIAS_LABELS = re.compile(r"^(?:www\d*|m|mobile|amp)$")

#: A host label (after IDNA encoding): ASCII letters, digits, hyphens and the underscores
#: some real hosts have; not starting or ending with a hyphen.
_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")

#: Paths that are a site's front page, not a section of it.
_HOME_PATH = re.compile(r"^/(?:index\.\w+|home(?:\.\w+)?|default\.\w+|[a-z]{2}(?:-[a-z]{2})?)?$")


@functools.cache
def _extractor() -> tldextract.TLDExtract:
    # No URLs to fetch and no cache directory: the snapshot shipped in the package only.
    # Private suffixes count (blogspot.com): every blog there is its own outlet.
    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
    )


@dataclass(frozen=True)
class Site:
    """A rated or looked-up site.

    Attributes:
        host: the host name, lower case, without ``www.``/``m.`` prefixes.
        domain: its registrable domain (``bbc.co.uk``).
        path: a section path (``/humor``), ``""`` for the whole site.
    """

    host: str
    domain: str
    path: str = ""

    @property
    def key(self) -> str:
        """``host`` and ``path`` together: what a rating is stored under."""
        return self.host + self.path


def _split(text: str) -> tuple[str, str] | None:
    text = text.strip()
    if not text or any(c.isspace() for c in text):
        return None
    try:
        parts = urlsplit(text if "://" in text else "//" + text.lstrip("/"))
        host = parts.hostname
    except ValueError:  # a bad port or IPv6 literal
        return None
    if not host:
        return None
    return host.rstrip("."), parts.path


def _path(raw: str) -> str:
    path = re.sub(r"/{2,}", "/", raw).rstrip("/").lower()
    return "" if _HOME_PATH.match(path or "/") else path


def parse_site(text: str, *, keep_path: bool = True) -> Site | None:
    """The :class:`Site` of a URL or domain name; ``None`` when it is not one (no
    public suffix, an IP address, spaces). ``keep_path=False`` rates the whole site
    whatever the path (for lists that give a home page URL per outlet)."""
    split = _split(text)
    if split is None:
        return None
    host, raw_path = split
    host = host.lower()
    if not host.isascii():
        # One key per site whichever way it is written: пример.рф is xn--e1afmkfd.xn--p1ai.
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    labels = host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return None
    parts = _extractor()(host)
    if not parts.suffix or not parts.domain:
        return None
    domain = parts.top_domain_under_public_suffix
    while labels[0] and _ALIAS_LABELS.match(labels[0]) and len(".".join(labels[1:])) >= len(domain):
        labels = labels[1:]
    return Site(".".join(labels), domain, _path(raw_path) if keep_path else "")


def registrable_domain(text: str) -> str | None:
    """The registrable domain of a URL or host name (``bbc.co.uk``), or ``None``.

    >>> registrable_domain("http://abcnews.go.com/Politics")
    'go.com'
    """
    site = parse_site(text, keep_path=False)
    return site.domain if site else None


def host_chain(site: Site) -> list[str]:
    """``site.host`` and its parents down to the registrable domain, most specific first.

    >>> host_chain(Site("a.news.bbc.co.uk", "bbc.co.uk"))
    ['a.news.bbc.co.uk', 'news.bbc.co.uk', 'bbc.co.uk']
    """
    chain, host = [site.host], site.host
    while host != site.domain and "." in host:
        host = host.split(".", 1)[1]
        chain.append(host)
        if len(host) <= len(site.domain):
            break
    return chain
