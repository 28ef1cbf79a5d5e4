#!/usr/bin/env python3
"""Writes the feed collection under tests/data/feeds/collection/ and its manifest, COLLECTION.json.

The files are committed; this script documents how they were made and remakes them
(`python3 tests/data/feeds/make_collection.py`). Every feed is small and hand-made here: one
or a few items, each carrying its title, text, link, author or date in a different element of
RSS 0.90, 0.91, 0.92, 0.93, 0.94, 2.0, RSS 1.0 (RDF) and its modules, Atom 0.3 and 1.0, JSON
Feed 1.0 and 1.1 and CDF, in every encoding and with the breakages the real web serves. The
manifest says, per file, what a good reader gets from it: the items with their title, text,
link, date and author where the file states them, or that nothing can be read, and why.
tests/feeds_collection.rs checks every file against it.

All names, places and addresses are invented (the fictional Kerrow, Port Ellis, Tarne,
Brennock, Ardvale and Caldria; example domains); no real feed was copied.
"""

import base64
import datetime as dt
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "collection")
MANIFEST = os.path.join(HERE, "COLLECTION.json")

ENTRIES = []

shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(OUT)

# ------------------------------------------------------------------------------ building blocks

PLACES = ["Kerrow", "Port Ellis", "Tarne", "Brennock", "Ardvale", "Caldria Bay", "Westmere", "Lowmoor",
          "Hollin Cross", "Marrick"]
SUBJECTS = [
    ("Flood warning for {p}", "Residents of {p} should move valuables upstairs as the river rises. #FloodAlert"),
    ("Ferry timetable changes in {p}", "The {p} ferry runs a reduced timetable while the slipway is repaired."),
    ("Consultation on {p} bus routes", "Have your say on changes to rural bus routes around {p} before 30 April."),
    ("New flood defences open at {p}", "The new flood wall at {p} was opened today by the county council."),
    ("Schools closed in {p} because of snow", "Nine schools in {p} are closed today; check the council website."),
    ("Heatwave advice for {p}", "Drink water, keep out of the midday sun and check on neighbours in {p}."),
    ("Road closure near {p}", "The coast road near {p} is closed after a landslip; diversions are signed."),
    ("Food waste collections start in {p}", "Weekly food waste collections begin in {p} on Monday. #Recycling"),
    ("Election count in {p} finished", "Results for every ward in {p} are now published on the council site."),
    ("Storm Harriet reaches {p}", "Winds of 80 mph are expected in {p} on Thursday; avoid coastal paths. #StormHarriet"),
    ("Library hours extended in {p}", "The {p} library now opens until 8pm on weekdays."),
    ("Water main repaired in {p}", "Supplies in {p} are back to normal after overnight repairs."),
]

_counter = [0]


def topic():
    """A title and text not used by any other item of the collection."""
    i = _counter[0]
    _counter[0] += 1
    place = PLACES[i % len(PLACES)]
    title, text = SUBJECTS[(i // len(PLACES)) % len(SUBJECTS)]
    n = i // (len(PLACES) * len(SUBJECTS))
    suffix = f" (part {n + 1})" if n else ""
    return title.format(p=place) + suffix, text.format(p=place) + f" Ref {1000 + i}."


BASE_TIME = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.timezone.utc)


def when(i):
    return BASE_TIME + dt.timedelta(days=i % 20, hours=i % 9, minutes=(i * 7) % 60)


def rfc822(t):
    return t.strftime("%a, %d %b %Y %H:%M:%S GMT")


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(s):
    return esc(s).replace('"', "&quot;")


def item(title=None, text=None, link=None, date=None, author=None):
    """An item's expectation; None means the file does not state it (not checked)."""
    e = {}
    if title is not None:
        e["title"] = title
    if text is not None:
        e["text"] = text
    if link is not None:
        e["link"] = link
    if date is not None:
        e["date"] = date
    if author is not None:
        e["author"] = author
    return e


def feed(name, data, items=None, *, expect="items", reason=None, note=None, feed_date=None,
         same_ids=False):
    """Writes one file and records what reading it must give.

    expect: "items" (a document per item, as `items` says), "no-text" (the feed's items carry
    no visible text, nothing is read and a problem or note says so: `reason`), or "rejected"
    (not a readable feed; a problem says why: `reason`). `feed_date`: the date items without
    their own take. `same_ids`: items share ids on purpose (duplicate guids)."""
    assert not any(e["file"] == name for e in ENTRIES), name
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    entry = {"file": name, "expect": expect}
    if items is not None:
        entry["items"] = items
    if reason:
        entry["reason"] = reason
    if note:
        entry["note"] = note
    if feed_date:
        entry["feed_date"] = feed_date
    if same_ids:
        entry["same_ids"] = True
    ENTRIES.append(entry)


NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rss090": "http://my.netscape.com/rdf/simple/0.9/",
    "rss10": "http://purl.org/rss/1.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "sy": "http://purl.org/rss/1.0/modules/syndication/",
    "admin": "http://webns.net/mvcb/",
    "taxo": "http://purl.org/rss/1.0/modules/taxonomy/",
    "slash": "http://purl.org/rss/1.0/modules/slash/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "atom": "http://www.w3.org/2005/Atom",
    "atom03": "http://purl.org/atom/ns#",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "media": "http://search.yahoo.com/mrss/",
    "feedburner": "http://rssnamespace.org/feedburner/ext/1.0",
    "georss": "http://www.georss.org/georss",
}


def xmlns(*prefixes):
    return "".join(f' xmlns:{p}="{NS[p]}"' for p in prefixes)


# ------------------------------------------------------------------------------ RSS 0.90

def rss090(name, n, with_image=False, with_textinput=False, site="rss090.example.org"):
    items, exp = [], []
    for i in range(n):
        title, _ = topic()
        link = f"https://{site}/story/{i + 1}"
        items.append(f"<item><title>{esc(title)}</title><link>{link}</link></item>")
        exp.append(item(title=title, text="", link=link))
    image = (f"<image><title>{site}</title><url>https://{site}/logo.gif</url><link>https://{site}/</link></image>"
             if with_image else "")
    textinput = (f"<textinput><title>Search</title><description>Search the archive</description><name>q</name>"
                 f"<link>https://{site}/search</link></textinput>" if with_textinput else "")
    feed(name, f'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="{NS["rdf"]}" xmlns="{NS["rss090"]}">\n'
               f"<channel><title>Old Netscape channel</title><link>https://{site}/</link>"
               f"<description>RSS 0.90 headlines</description></channel>\n{image}\n"
               + "\n".join(items) + f"\n{textinput}\n</rdf:RDF>\n", exp)


rss090("rss090_basic.rdf", 3)
rss090("rss090_image.rdf", 2, with_image=True)
rss090("rss090_textinput.rdf", 2, with_textinput=True)
rss090("rss090_full.xml", 5, with_image=True, with_textinput=True, site="netscape-era.example.net")

# ------------------------------------------------------------------------------ RSS 0.91

NETSCAPE_DTD = ('<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
                '"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n')


def rss09x(version, items, channel_extra="", doctype="", encoding="UTF-8", site="rss091.example.org",
           channel_date=None):
    date = f"<pubDate>{channel_date}</pubDate>" if channel_date else ""
    return (f'<?xml version="1.0" encoding="{encoding}"?>\n{doctype}<rss version="{version}">\n<channel>\n'
            f"<title>Gazette {version}</title><link>https://{site}/</link><description>Local news</description>"
            f"<language>en-gb</language>{date}{channel_extra}\n" + "\n".join(items) + "\n</channel>\n</rss>\n")


def simple_items(n, site, with_date=False, link_fmt="https://{site}/{i}", text_fn=esc, extra=""):
    items, exp = [], []
    for i in range(n):
        title, text = topic()
        link = link_fmt.format(site=site, i=i + 1)
        t = when(len(ENTRIES) + i)
        date = f"<pubDate>{rfc822(t)}</pubDate>" if with_date else ""
        items.append(f"<item><title>{esc(title)}</title><link>{link}</link>"
                     f"<description>{text_fn(text)}</description>{date}{extra}</item>")
        exp.append(item(title=title, text=text, link=link, date=iso(t) if with_date else None))
    return items, exp


CH_DATE = "Mon, 02 Mar 2026 08:00:00 GMT"
CH_DATE_ISO = "2026-03-02T08:00:00Z"

it, ex = simple_items(3, "rss091.example.org")
feed("rss091_netscape_dtd.xml", rss09x("0.91", it, doctype=NETSCAPE_DTD, channel_date=CH_DATE), ex,
     feed_date=CH_DATE_ISO)
it, ex = simple_items(3, "userland.example.org")
feed("rss091_userland.xml", rss09x("0.91", it, site="userland.example.org", channel_date=CH_DATE), ex,
     feed_date=CH_DATE_ISO)

full_channel = (
    "<copyright>Copyright 2026 Kerrow Gazette</copyright><managingEditor>editor@kerrow.example (Ed Itor)</managingEditor>"
    "<webMaster>web@kerrow.example</webMaster><rating>(PICS-1.1 \"http://www.example.org/\" l r (n 0))</rating>"
    "<docs>http://my.netscape.com/publish/formats/rss-spec-0.91.html</docs>"
    "<lastBuildDate>Mon, 02 Mar 2026 09:00:00 GMT</lastBuildDate>"
    "<image><title>Gazette</title><url>https://rss091.example.org/logo.gif</url><link>https://rss091.example.org/</link>"
    "<width>88</width><height>31</height><description>Logo</description></image>"
    "<textinput><title>Search</title><description>Search the Gazette</description><name>q</name>"
    "<link>https://rss091.example.org/search</link></textinput>"
    "<skipDays><day>Sunday</day></skipDays><skipHours><hour>3</hour></skipHours>")
it, ex = simple_items(2, "rss091.example.org")
feed("rss091_every_channel_element.xml", rss09x("0.91", it, channel_extra=full_channel, channel_date=CH_DATE), ex,
     feed_date=CH_DATE_ISO)

# Entities the Netscape DTD declares (HTML's Latin-1 set), used without the DTD being read.
t1 = "Café opening &amp; crème brûlée"
feed("rss091_dtd_entities.xml", rss09x("0.91", [
    "<item><title>Caf&eacute; opening &amp; cr&egrave;me br&ucirc;l&eacute;e</title>"
    "<link>https://rss091.example.org/cafe</link><description>Opening on 5&nbsp;March &mdash; all welcome&hellip;</description></item>"],
    doctype=NETSCAPE_DTD), [item(title="Café opening & crème brûlée", text="Opening on 5\u00a0March — all welcome…",
                                 link="https://rss091.example.org/cafe")])

title, text = topic()
feed("rss091_escaped_html.xml", rss09x("0.91", [
    f"<item><title>{esc(title)}</title><link>https://rss091.example.org/h</link>"
    f"<description>&lt;p&gt;{esc(text)}&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;/more&quot;&gt;More&lt;/a&gt;&lt;/p&gt;</description></item>"]),
    [item(title=title, text=text + " More", link="https://rss091.example.org/h")])

title, text = topic()
feed("rss091_cdata_description.xml", rss09x("0.91", [
    f"<item><title>{esc(title)}</title><link>https://rss091.example.org/c</link>"
    f"<description><![CDATA[<p>{text}</p>]]></description></item>"]),
    [item(title=title, text=text, link="https://rss091.example.org/c")])

title, text = topic()
feed("rss091_latin1.xml", rss09x("0.91", [
    f"<item><title>{esc(title)} à Brennock</title><link>https://rss091.example.org/l</link>"
    f"<description>{esc(text)} Noël.</description></item>"], encoding="ISO-8859-1").encode("latin-1"),
    [item(title=title + " à Brennock", text=text + " Noël.", link="https://rss091.example.org/l")])

title, _ = topic()
feed("rss091_title_only.xml", rss09x("0.91", [
    f"<item><title>{esc(title)}</title><link>https://rss091.example.org/t</link></item>"]),
    [item(title=title, text="", link="https://rss091.example.org/t")])

it, ex = simple_items(2, "rss091.example.org", link_fmt="/archive/{i}.html")
for e in ex:
    e["link"] = "https://rss091.example.org" + e["link"]
feed("rss091_relative_links.xml", rss09x("0.91", it), ex)

# ------------------------------------------------------------------------------ RSS 0.92

title, text = topic()
_, text2 = topic()
feed("rss092_description_only.xml", rss09x("0.92", [
    f"<item><description>{esc(text)}</description></item>",
    f"<item><description>{esc(text2)}</description><link>https://rss092.example.org/2</link></item>"],
    site="rss092.example.org"),
    [item(title="", text=text), item(title="", text=text2, link="https://rss092.example.org/2")])

title, text = topic()
feed("rss092_source_enclosure_category.xml", rss09x("0.92", [
    f"<item><title>{esc(title)}</title><description>{esc(text)}</description>"
    "<source url=\"https://other.example.org/rss\">Other paper</source>"
    "<enclosure url=\"https://rss092.example.org/a.mp3\" length=\"1000\" type=\"audio/mpeg\"/>"
    "<category domain=\"https://rss092.example.org/cats\">Flooding</category></item>"],
    channel_extra="<cloud domain=\"rpc.example.org\" port=\"80\" path=\"/RPC2\" registerProcedure=\"notify\" protocol=\"xml-rpc\"/>",
    site="rss092.example.org"),
    [item(title=title, text=text)])

title, text = topic()
feed("rss092_entity_encoded_html.xml", rss09x("0.92", [
    f"<item><title>{esc(title)}</title><link>https://rss092.example.org/e</link>"
    f"<description>&lt;b&gt;Update:&lt;/b&gt; {esc(text)} &lt;img src=&quot;x.png&quot; alt=&quot;map of the valley&quot;&gt;</description></item>"],
    site="rss092.example.org"),
    [item(title=title, text="Update: " + text + " map of the valley", link="https://rss092.example.org/e")])

it, ex = simple_items(4, "rss092.example.org")
feed("rss092_four_items.xml", rss09x("0.92", it, site="rss092.example.org", channel_date=CH_DATE), ex,
     feed_date=CH_DATE_ISO)

title, text = topic()
feed("rss092_title_and_description_no_link.xml", rss09x("0.92", [
    f"<item><title>{esc(title)}</title><description>{esc(text)}</description></item>"], site="rss092.example.org"),
    [item(title=title, text=text)])

# ------------------------------------------------------------------------------ RSS 0.93, 0.94

it, ex = simple_items(3, "rss093.example.org", with_date=True,
                      extra="<expirationDate>Tue, 31 Mar 2026 00:00:00 GMT</expirationDate>")
feed("rss093_pubdate_expiration.xml", rss09x("0.93", it, site="rss093.example.org"), ex,
     note="RSS version 0.93 was read as RSS 2.0")

title, text = topic()
t = when(7)
feed("rss093_description_type.xml", rss09x("0.93", [
    f"<item><title>{esc(title)}</title><link>https://rss093.example.org/t</link>"
    f"<description type=\"text/html\">&lt;i&gt;{esc(text)}&lt;/i&gt;</description><pubDate>{rfc822(t)}</pubDate></item>"],
    site="rss093.example.org"), [item(title=title, text=text, link="https://rss093.example.org/t", date=iso(t))])

items, exp = [], []
for i in range(3):
    title, text = topic()
    t = when(30 + i)
    items.append(f"<item><title>{esc(title)}</title><guid isPermaLink=\"true\">https://rss094.example.org/p/{i}</guid>"
                 f"<author>reporter{i}@rss094.example.org (Reporter {i})</author>"
                 f"<comments>https://rss094.example.org/p/{i}#comments</comments>"
                 f"<category domain=\"https://rss094.example.org\">News</category>"
                 f"<description>{esc(text)}</description><pubDate>{rfc822(t)}</pubDate></item>")
    exp.append(item(title=title, text=text, link=f"https://rss094.example.org/p/{i}", date=iso(t),
                    author=f"Reporter {i}"))
feed("rss094_guid_author_comments.xml", rss09x("0.94", items, site="rss094.example.org"), exp,
     note="RSS version 0.94 was read as RSS 2.0")

title, text = topic()
feed("rss094_no_title.xml", rss09x("0.94", [
    f"<item><description>{esc(text)}</description><guid>https://rss094.example.org/nt</guid></item>"],
    site="rss094.example.org"), [item(title="", text=text, link="https://rss094.example.org/nt")])

# ------------------------------------------------------------------------------ RSS 2.0

def rss2(items, ns=(), channel_extra="", site="rss2.example.org", title="Kerrow Council news", version="2.0",
         encoding="UTF-8", self_link=True, decl=True, channel_date=None):
    sl = (f'<atom:link href="https://{site}/feed.xml" rel="self" type="application/rss+xml"/>'
          if self_link else "")
    ns = tuple(ns) + (("atom",) if self_link and "atom" not in ns else ())
    date = f"<pubDate>{channel_date}</pubDate>" if channel_date else ""
    head = f'<?xml version="1.0" encoding="{encoding}"?>\n' if decl else ""
    ver = f' version="{version}"' if version is not None else ""
    return (f"{head}<rss{ver}{xmlns(*ns)}>\n<channel>\n<title>{esc(title)}</title><link>https://{site}/</link>"
            f"<description>News from {esc(title)}</description><language>en-gb</language>{date}{sl}{channel_extra}\n"
            + "\n".join(items) + "\n</channel>\n</rss>\n")


def std_item(site, i=None, **over):
    """A full RSS 2.0 item and its expectation; keyword arguments replace parts."""
    title, text = topic()
    n = len(ENTRIES) if i is None else i
    t = when(n)
    link = f"https://{site}/news/{n}"
    parts = {
        "title": f"<title>{esc(title)}</title>",
        "link": f"<link>{link}</link>",
        "description": f"<description>{esc(text)}</description>",
        "guid": f"<guid>{link}</guid>",
        "pubDate": f"<pubDate>{rfc822(t)}</pubDate>",
        "author": "",
    }
    parts.update({k: v for k, v in over.items() if k in parts})
    exp = item(title=title, text=text, link=link, date=iso(t))
    return "<item>" + "".join(parts.values()) + "</item>", exp, (title, text, link, t)


S = "rss2.example.org"
items, exp = [], []
for i in range(5):
    x, e, _ = std_item(S, i=100 + i)
    items.append(x)
    exp.append(e)
feed("rss20_basic.xml", rss2(items), exp)

# Every RSS 2.0 channel element.
channel_all = (
    "<copyright>Crown copyright</copyright><managingEditor>news@rss2.example.org (News Desk)</managingEditor>"
    "<webMaster>web@rss2.example.org (Web Team)</webMaster><lastBuildDate>Mon, 02 Mar 2026 10:00:00 GMT</lastBuildDate>"
    "<category domain=\"https://rss2.example.org/topics\">Local government</category><generator>Hand-written</generator>"
    "<docs>https://www.rssboard.org/rss-specification</docs>"
    "<cloud domain=\"rpc.rss2.example.org\" port=\"80\" path=\"/RPC2\" registerProcedure=\"pingMe\" protocol=\"soap\"/>"
    "<ttl>60</ttl><image><url>https://rss2.example.org/logo.png</url><title>Kerrow Council news</title>"
    "<link>https://rss2.example.org/</link><width>144</width><height>40</height></image>"
    "<rating>(PICS-1.1 \"http://www.example.org/\" l r (n 0))</rating>"
    "<textInput><title>Search</title><description>Search news</description><name>q</name>"
    "<link>https://rss2.example.org/search</link></textInput>"
    "<skipHours><hour>2</hour></skipHours><skipDays><day>Saturday</day></skipDays>")
items, exp = [], []
for i in range(2):
    x, e, _ = std_item(S, i=110 + i)
    items.append(x)
    exp.append(e)
feed("rss20_every_channel_element.xml", rss2(items, channel_extra=channel_all, channel_date=CH_DATE), exp)

# Every RSS 2.0 item element.
title, text = topic()
t = when(3)
feed("rss20_every_item_element.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/all</link><description>{esc(text)}</description>"
    "<author>press@rss2.example.org (Press Office)</author><category domain=\"https://rss2.example.org/t\">Roads</category>"
    "<comments>https://rss2.example.org/all#comments</comments>"
    "<enclosure url=\"https://rss2.example.org/all.pdf\" length=\"2048\" type=\"application/pdf\"/>"
    "<guid isPermaLink=\"true\">https://rss2.example.org/all</guid>"
    f"<pubDate>{rfc822(t)}</pubDate><source url=\"https://wire.example.org/rss\">Wire service</source></item>"]),
    [item(title=title, text=text, link="https://rss2.example.org/all", date=iso(t), author="Press Office")])

# guid forms
x, e, (title, text, link, t) = std_item(S, link="", guid="<guid>https://rss2.example.org/permalink/1</guid>")
e["link"] = "https://rss2.example.org/permalink/1"
feed("rss20_guid_permalink_default_as_link.xml", rss2([x]), [e])
x, e, (title, text, link, t) = std_item(S, link="", guid="<guid isPermaLink=\"false\">story-77</guid>")
del e["link"]
feed("rss20_guid_not_permalink_no_link.xml", rss2([x]), [e])
x, e, _ = std_item(S, guid="<guid isPermaLink=\"false\">1</guid>")
feed("rss20_guid_one_a.xml", rss2([x], site="first-paper.example.org", title="First paper"), [e])
x, e, _ = std_item(S, guid="<guid isPermaLink=\"false\">1</guid>")
feed("rss20_guid_one_b.xml", rss2([x], site="second-paper.example.org", title="Second paper"), [e])
x, e, _ = std_item(S, guid="<guid>  https://rss2.example.org/spaces  </guid>")
feed("rss20_guid_with_spaces.xml", rss2([x]), [e])

# Authors
for name, author_xml, who in [
    ("rss20_author_email_name.xml", "<author>jo.bloggs@rss2.example.org (Jo Bloggs)</author>", "Jo Bloggs"),
    ("rss20_author_name_angle_email.xml", "<author>Jo Bloggs &lt;jo@rss2.example.org&gt;</author>", "Jo Bloggs"),
    ("rss20_author_email_only.xml", "<author>desk@rss2.example.org</author>", "desk@rss2.example.org"),
    ("rss20_author_name_only.xml", "<author>Sam Rivers</author>", "Sam Rivers"),
]:
    x, e, _ = std_item(S, author=author_xml)
    e["author"] = who
    feed(name, rss2([x]), [e])

# Dublin Core in RSS 2.0
title, text = topic()
t = when(11)
feed("rss20_dc_title_description_only.xml", rss2([
    f"<item><dc:title>{esc(title)}</dc:title><dc:description>{esc(text)}</dc:description>"
    f"<link>https://rss2.example.org/dc1</link><dc:date>{iso(t)}</dc:date><dc:creator>Alex Moor</dc:creator></item>"],
    ns=("dc",)), [item(title=title, text=text, link="https://rss2.example.org/dc1", date=iso(t), author="Alex Moor")])

title, text = topic()
t = when(12)
feed("rss20_dc_date_only.xml", rss2([
    f"<item><title>{esc(title)}</title><description>{esc(text)}</description>"
    f"<link>https://rss2.example.org/dc2</link><dc:date>{t.strftime('%Y-%m-%dT%H:%M:%S+00:00')}</dc:date></item>"],
    ns=("dc",)), [item(title=title, text=text, link="https://rss2.example.org/dc2", date=iso(t))])

title, text = topic()
feed("rss20_dc_creators_several.xml", rss2([
    f"<item><title>{esc(title)}</title><description>{esc(text)}</description><link>https://rss2.example.org/dc3</link>"
    "<dc:creator>Ann Lee</dc:creator><dc:creator>Bo Marsh</dc:creator><dc:subject>Transport</dc:subject>"
    "<dc:publisher>Kerrow Council</dc:publisher><dc:rights>CC BY</dc:rights><dc:language>en</dc:language></item>"],
    ns=("dc",)), [item(title=title, text=text, link="https://rss2.example.org/dc3", author="Ann Lee, Bo Marsh")])

title, text = topic()
t = when(13)
feed("rss20_dcterms_dates.xml", rss2([
    f"<item><title>{esc(title)}</title><description>{esc(text)}</description><link>https://rss2.example.org/dct</link>"
    f"<dcterms:issued>{iso(t)}</dcterms:issued><dcterms:modified>2026-04-01T00:00:00Z</dcterms:modified></item>"],
    ns=("dcterms",)), [item(title=title, text=text, link="https://rss2.example.org/dct", date=iso(t))])

title, text = topic()
t = when(14)
feed("rss20_dcterms_modified_only.xml", rss2([
    f"<item><title>{esc(title)}</title><description>{esc(text)}</description><link>https://rss2.example.org/dcm</link>"
    f"<dcterms:modified>{iso(t)}</dcterms:modified></item>"],
    ns=("dcterms",)), [item(title=title, text=text, link="https://rss2.example.org/dcm", date=iso(t))])

# content:encoded
title, text = topic()
_, summary = topic()
feed("rss20_content_encoded_and_description.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/ce1</link><description>{esc(summary)}</description>"
    f"<content:encoded><![CDATA[<p>{text}</p><p>Second paragraph.</p>]]></content:encoded></item>"],
    ns=("content",)), [item(title=title, text=text + " Second paragraph.", link="https://rss2.example.org/ce1")])
title, text = topic()
feed("rss20_content_encoded_only.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/ce2</link>"
    f"<content:encoded>&lt;div&gt;{esc(text)}&lt;/div&gt;</content:encoded></item>"],
    ns=("content",)), [item(title=title, text=text, link="https://rss2.example.org/ce2")])
title, text = topic()
_, summary = topic()
feed("rss20_content_encoded_empty.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/ce3</link><description>{esc(summary)}</description>"
    "<content:encoded></content:encoded></item>"],
    ns=("content",)), [item(title=title, text=summary, link="https://rss2.example.org/ce3")])

# xhtml:body, body, fullitem
title, text = topic()
feed("rss20_xhtml_body.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/xb</link>"
    f"<xhtml:body><xhtml:p>{esc(text)}</xhtml:p><xhtml:p>With <xhtml:em>emphasis</xhtml:em>.</xhtml:p></xhtml:body></item>"],
    ns=("xhtml",)), [item(title=title, text=text + " With emphasis.", link="https://rss2.example.org/xb")])
title, text = topic()
feed("rss20_body_default_xhtml_namespace.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/bd</link>"
    f"<body xmlns=\"{NS['xhtml']}\"><p>{esc(text)}</p></body></item>"]),
    [item(title=title, text=text, link="https://rss2.example.org/bd")])
title, text = topic()
feed("rss20_body_no_namespace.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/bn</link>"
    f"<body><p>{esc(text)}</p></body></item>"]),
    [item(title=title, text=text, link="https://rss2.example.org/bn")])
title, text = topic()
feed("rss20_fullitem.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/fi</link>"
    f"<fullitem>&lt;p&gt;{esc(text)}&lt;/p&gt;</fullitem></item>"]),
    [item(title=title, text=text, link="https://rss2.example.org/fi")])
title, text = topic()
feed("rss20_xhtml_body_text_only.xml", rss2([
    f"<item><link>https://rss2.example.org/xo</link>"
    f"<xhtml:body><xhtml:div>{esc(text)}</xhtml:div></xhtml:body></item>"],
    ns=("xhtml",)), [item(title="", text=text, link="https://rss2.example.org/xo")])

# Atom elements inside RSS 2.0
title, text = topic()
t = when(15)
feed("rss20_atom_link_and_updated_in_item.xml", rss2([
    f"<item><title>{esc(title)}</title><description>{esc(text)}</description>"
    f"<atom:link rel=\"alternate\" href=\"https://rss2.example.org/al\"/><atom:updated>{iso(t)}</atom:updated></item>"]),
    [item(title=title, text=text, link="https://rss2.example.org/al", date=iso(t))])
title, text = topic()
feed("rss20_atom_summary_in_item.xml", rss2([
    f"<item><atom:title>{esc(title)}</atom:title><link>https://rss2.example.org/as</link>"
    f"<atom:summary type=\"html\">&lt;p&gt;{esc(text)}&lt;/p&gt;</atom:summary></item>"]),
    [item(title=title, text=text, link="https://rss2.example.org/as")])

# iTunes and Media RSS
title, text = topic()
t = when(16)
feed("rss20_podcast_itunes_summary.xml", rss2([
    f"<item><title>{esc(title)}</title><itunes:summary>{esc(text)}</itunes:summary><itunes:author>Tarne Radio</itunes:author>"
    f"<enclosure url=\"https://radio.example.org/ep1.mp3\" length=\"9\" type=\"audio/mpeg\"/>"
    f"<guid isPermaLink=\"false\">ep-1</guid><pubDate>{rfc822(t)}</pubDate><itunes:duration>12:30</itunes:duration></item>"],
    ns=("itunes",), site="radio.example.org", channel_extra="<itunes:author>Tarne Radio</itunes:author>"
                                                           "<itunes:category text=\"News\"/><itunes:explicit>false</itunes:explicit>"),
    [item(title=title, text=text, date=iso(t), author="Tarne Radio")])
title, text = topic()
feed("rss20_podcast_itunes_subtitle.xml", rss2([
    f"<item><itunes:title>{esc(title)}</itunes:title><title>{esc(title)}</title><itunes:subtitle>{esc(text)}</itunes:subtitle>"
    f"<enclosure url=\"https://radio.example.org/ep2.mp3\" length=\"9\" type=\"audio/mpeg\"/><guid>https://radio.example.org/ep2</guid></item>"],
    ns=("itunes",), site="radio.example.org"), [item(title=title, text=text, link="https://radio.example.org/ep2")])
title, text = topic()
feed("rss20_media_rss_description.xml", rss2([
    f"<item><media:title>{esc(title)}</media:title><link>https://video.example.org/v1</link>"
    f"<media:content url=\"https://video.example.org/v1.mp4\" type=\"video/mp4\"><media:description>{esc(text)}</media:description></media:content>"
    "<media:thumbnail url=\"https://video.example.org/v1.jpg\"/></item>"],
    ns=("media",), site="video.example.org"), [item(title=title, text=text, link="https://video.example.org/v1")])
title, text = topic()
feed("rss20_media_group_description.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://video.example.org/v2</link>"
    f"<media:group><media:content url=\"https://video.example.org/v2.mp4\"/><media:description>{esc(text)}</media:description></media:group></item>"],
    ns=("media",), site="video.example.org"), [item(title=title, text=text, link="https://video.example.org/v2")])

# Other modules: slash, wfw, feedburner, georss
title, text = topic()
feed("rss20_slash_wfw_modules.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/sw</link><description>{esc(text)}</description>"
    "<slash:comments>4</slash:comments><wfw:commentRss>https://rss2.example.org/sw/comments.rss</wfw:commentRss>"
    "<wfw:comment>https://rss2.example.org/sw/comment</wfw:comment></item>"],
    ns=("slash", "wfw")), [item(title=title, text=text, link="https://rss2.example.org/sw")])
title, text = topic()
feed("rss20_feedburner_origlink.xml", rss2([
    f"<item><title>{esc(title)}</title><guid isPermaLink=\"false\">fb-9</guid><description>{esc(text)}</description>"
    "<feedburner:origLink>https://rss2.example.org/original/9</feedburner:origLink></item>"],
    ns=("feedburner",)), [item(title=title, text=text, link="https://rss2.example.org/original/9")])
title, text = topic()
feed("rss20_georss.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/geo</link><description>{esc(text)}</description>"
    "<georss:point>50.1 -5.5</georss:point></item>"],
    ns=("georss",)), [item(title=title, text=text, link="https://rss2.example.org/geo")])

# Dates: missing and fallbacks
items, exp = [], []
for i in range(3):
    title, text = topic()
    items.append(f"<item><title>{esc(title)}</title><link>https://rss2.example.org/nd{i}</link><description>{esc(text)}</description></item>")
    exp.append(item(title=title, text=text, link=f"https://rss2.example.org/nd{i}"))
feed("rss20_no_item_dates_channel_pubdate.xml", rss2(items, channel_date=CH_DATE), exp, feed_date=CH_DATE_ISO)
items, exp = [], []
for i in range(2):
    title, text = topic()
    items.append(f"<item><title>{esc(title)}</title><link>https://rss2.example.org/lb{i}</link><description>{esc(text)}</description></item>")
    exp.append(item(title=title, text=text, link=f"https://rss2.example.org/lb{i}"))
feed("rss20_no_item_dates_lastbuilddate.xml",
     rss2(items, channel_extra="<lastBuildDate>Tue, 03 Mar 2026 07:30:00 +0000</lastBuildDate>"), exp,
     feed_date="2026-03-03T07:30:00Z")
items, exp = [], []
for i in range(2):
    title, text = topic()
    items.append(f"<item><title>{esc(title)}</title><link>https://rss2.example.org/nn{i}</link><description>{esc(text)}</description></item>")
    exp.append(item(title=title, text=text, link=f"https://rss2.example.org/nn{i}"))
feed("rss20_no_dates_anywhere.xml", rss2(items), exp, feed_date="now")
title, text = topic()
feed("rss20_channel_dc_date.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/cd</link><description>{esc(text)}</description></item>"],
    ns=("dc",), channel_extra="<dc:date>2026-03-05T06:00:00Z</dc:date>"),
    [item(title=title, text=text, link="https://rss2.example.org/cd")], feed_date="2026-03-05T06:00:00Z")

# Links
title, text = topic()
feed("rss20_relative_link_root.xml", rss2([
    f"<item><title>{esc(title)}</title><link>/news/rel-1</link><description>{esc(text)}</description></item>"]),
    [item(title=title, text=text, link="https://rss2.example.org/news/rel-1")])
title, text = topic()
feed("rss20_relative_link_path.xml", rss2([
    f"<item><title>{esc(title)}</title><link>stories/rel-2.html</link><description>{esc(text)}</description></item>"]),
    [item(title=title, text=text, link="https://rss2.example.org/stories/rel-2.html")])
title, text = topic()
feed("rss20_link_with_whitespace.xml", rss2([
    f"<item><title>{esc(title)}</title><link>\n   https://rss2.example.org/ws   \n</link><description>{esc(text)}</description></item>"]),
    [item(title=title, text=text, link="https://rss2.example.org/ws")])
title, text = topic()
feed("rss20_link_with_query_amp.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/view?id=5&amp;lang=en</link><description>{esc(text)}</description></item>"]),
    [item(title=title, text=text, link="https://rss2.example.org/view?id=5&lang=en")])
title, text = topic()
feed("rss20_xml_base_item.xml", rss2([
    f"<item xml:base=\"https://mirror.example.org/base/\"><title>{esc(title)}</title><link>page.html</link>"
    f"<description>{esc(text)}</description></item>"]),
    [item(title=title, text=text, link="https://mirror.example.org/base/page.html")])

# Titles and text with HTML, CDATA, entities
title, text = topic()
feed("rss20_html_in_title_escaped.xml", rss2([
    f"<item><title>&lt;b&gt;{esc(title)}&lt;/b&gt;</title><link>https://rss2.example.org/h1</link><description>{esc(text)}</description></item>"]),
    [item(title=title, text=text, link="https://rss2.example.org/h1")])
title, text = topic()
feed("rss20_html_in_title_markup.xml", rss2([
    f"<item><title>Update: <b>{esc(title)}</b> today</title><link>https://rss2.example.org/h2</link><description>{esc(text)}</description></item>"]),
    [item(title=f"Update: {title} today", text=text, link="https://rss2.example.org/h2")])
title, text = topic()
feed("rss20_html_in_description_markup.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/h3</link><description><p>{esc(text)}</p><p>Call <a href=\"tel:000\">us</a>.</p></description></item>"]),
    [item(title=title, text=text + " Call us.", link="https://rss2.example.org/h3")])
title, text = topic()
feed("rss20_cdata_title.xml", rss2([
    f"<item><title><![CDATA[{title} & more]]></title><link>https://rss2.example.org/c1</link><description><![CDATA[{text}]]></description></item>"]),
    [item(title=title + " & more", text=text, link="https://rss2.example.org/c1")])
title, text = topic()
feed("rss20_cdata_split.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/c2</link><description><![CDATA[<p>{text} ]]]]><![CDATA[>end]]></description></item>"]),
    [item(title=title, text=text + " ]]>end", link="https://rss2.example.org/c2")])
title, text = topic()
feed("rss20_cdata_with_html_entities.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/c3</link><description><![CDATA[<p>{text} &mdash; &amp; &quot;quoted&quot;</p>]]></description></item>"]),
    [item(title=title, text=text + ' — & "quoted"', link="https://rss2.example.org/c3")])
title, text = topic()
feed("rss20_numeric_character_references.xml", rss2([
    f"<item><title>{esc(title)} &#8211; &#x2018;live&#x2019;</title><link>https://rss2.example.org/ncr</link><description>{esc(text)} &#169; 2026</description></item>"]),
    [item(title=title + " – ‘live’", text=text + " © 2026", link="https://rss2.example.org/ncr")])
title, text = topic()
feed("rss20_double_escaped_entities.xml", rss2([
    f"<item><title>{esc(title)} &amp;amp; partners</title><link>https://rss2.example.org/de</link><description>{esc(text)}</description></item>"]),
    [item(title=title + " & partners", text=text, link="https://rss2.example.org/de")])
title, text = topic()
feed("rss20_script_and_style_in_description.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/ss</link>"
    f"<description>{esc('<style>p{color:red}</style><p>' + text + '</p><script>alert(1)</script>')}</description></item>"]),
    [item(title=title, text=text, link="https://rss2.example.org/ss")])
title, text = topic()
feed("rss20_comments_and_pi.xml", rss2([
    f"<!-- an item follows --><item><title>{esc(title)}<!-- hidden --></title><?render fast?>"
    f"<link>https://rss2.example.org/cp</link><description>{esc(text)}</description></item>"]),
    [item(title=title, text=text, link="https://rss2.example.org/cp")])

# Language, emoji, right-to-left, long text
title, text = topic()
feed("rss20_emoji.xml", rss2([
    f"<item><title>{esc(title)} 🌊🚧</title><link>https://rss2.example.org/emo</link><description>{esc(text)} 👍</description></item>"]),
    [item(title=title + " 🌊🚧", text=text + " 👍", link="https://rss2.example.org/emo")])
feed("rss20_welsh.xml", rss2([
    "<item><title>Rhybudd llifogydd i Kerrow</title><link>https://rss2.example.org/cy</link>"
    "<description>Dylai trigolion symud eu pethau gwerthfawr i fyny'r grisiau.</description></item>"],
    channel_extra=""), [item(title="Rhybudd llifogydd i Kerrow", text="Dylai trigolion symud eu pethau gwerthfawr i fyny'r grisiau.",
                             link="https://rss2.example.org/cy")])
feed("rss20_arabic_rtl.xml", rss2([
    "<item><title>تحذير من الفيضانات في كيرو</title><link>https://rss2.example.org/ar</link>"
    "<description>يجب على السكان نقل الأشياء الثمينة إلى الطابق العلوي.</description></item>"]),
    [item(title="تحذير من الفيضانات في كيرو", text="يجب على السكان نقل الأشياء الثمينة إلى الطابق العلوي.",
          link="https://rss2.example.org/ar")])
title, text = topic()
long_text = " ".join([text] * 40)
feed("rss20_long_description.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/long</link><description>{esc(long_text)}</description></item>"]),
    [item(title=title, text=long_text, link="https://rss2.example.org/long")])

# Many items
items, exp = [], []
for i in range(40):
    x, e, _ = std_item("many.example.org", i=200 + i)
    items.append(x)
    exp.append(e)
feed("rss20_forty_items.xml", rss2(items, site="many.example.org"), exp)

# Versions and namespaces
for v, nm in [("2.0.1", "rss201"), ("2.00", "rss200"), ("0.94", "rss094b")]:
    x, e, _ = std_item(S)
    feed(f"{nm}_version_label.xml", rss2([x], version=v), [e], note=f"RSS version {v} was read as RSS 2.0")
x, e, _ = std_item(S)
feed("rss_no_version_attribute.xml", rss2([x], version=None), [e], note="the RSS has no version")
x, e, _ = std_item(S)
feed("rss20_userland_namespace.xml",
     rss2([x]).replace("<rss version=\"2.0\"", "<rss version=\"2.0\" xmlns=\"http://backend.userland.com/rss2\""), [e])
x, e, _ = std_item(S)
feed("rss20_harvard_namespace.xml",
     rss2([x]).replace("<rss version=\"2.0\"", "<rss version=\"2.0\" xmlns=\"http://blogs.law.harvard.edu/tech/rss\""), [e])
x, e, _ = std_item(S)
feed("rss20_unknown_default_namespace.xml",
     rss2([x]).replace("<rss version=\"2.0\"", "<rss version=\"2.0\" xmlns=\"urn:example:made-up\""), [e])
title, text = topic()
t = when(21)
feed("rss20_undeclared_prefixes.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/up</link>"
    f"<content:encoded>&lt;p&gt;{esc(text)}&lt;/p&gt;</content:encoded><dc:date>{iso(t)}</dc:date><dc:creator>Kim Hale</dc:creator></item>"],
    self_link=False), [item(title=title, text=text, link="https://rss2.example.org/up", date=iso(t), author="Kim Hale")])
title, text = topic()
feed("rss20_odd_prefixes.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/op</link>"
    f"<c:encoded xmlns:c=\"{NS['content']}\">&lt;p&gt;{esc(text)}&lt;/p&gt;</c:encoded>"
    f"<d:creator xmlns:d=\"{NS['dc']}\">Lee Fox</d:creator></item>"]),
    [item(title=title, text=text, link="https://rss2.example.org/op", author="Lee Fox")])
x, e, _ = std_item(S)
feed("rss20_no_xml_declaration.xml", rss2([x], decl=False), [e])

# Items outside the channel (after it), as some generators write them
title, text = topic()
_, text0 = topic()
title0 = "Inside the channel"
feed("rss20_item_after_channel.xml",
     f'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Stray</title><link>https://stray.example.org/</link>'
     f"<item><title>{title0}</title><link>https://stray.example.org/in</link><description>{esc(text0)}</description></item>"
     f"</channel><item><title>{esc(title)}</title><link>https://stray.example.org/out</link><description>{esc(text)}</description></item></rss>\n",
     [item(title=title0, text=text0, link="https://stray.example.org/in"),
      item(title=title, text=text, link="https://stray.example.org/out")])

# Duplicate guids within one feed: every item is read; they share an id on purpose.
items, exp = [], []
for i in range(3):
    title, text = topic()
    items.append(f"<item><title>{esc(title)}</title><guid isPermaLink=\"false\">same-guid</guid><description>{esc(text)}</description></item>")
    exp.append(item(title=title, text=text))
feed("rss20_duplicate_guids.xml", rss2(items), exp, same_ids=True)
items, exp = [], []
title, text = topic()
for i in range(2):
    items.append(f"<item><title>{esc(title)}</title><description>{esc(text)}</description></item>")
    exp.append(item(title=title, text=text))
feed("rss20_identical_items_no_guid.xml", rss2(items), exp, same_ids=True)

# Empty and half-empty items
title, text = topic()
feed("rss20_some_items_without_text.xml", rss2([
    f"<item><title>{esc(title)}</title><link>https://rss2.example.org/st</link><description>{esc(text)}</description></item>",
    "<item><link>https://rss2.example.org/empty</link></item>",
    "<item><title>   </title><description></description></item>"]),
    [item(title=title, text=text, link="https://rss2.example.org/st")],
    reason="has no title and no text; skipped")
feed("rss20_no_items.xml", rss2([]), [], expect="no-text", reason="the feed has no items")
feed("rss20_only_enclosures.xml", rss2([
    "<item><enclosure url=\"https://radio.example.org/a.mp3\" length=\"1\" type=\"audio/mpeg\"/><guid>a</guid></item>",
    "<item><enclosure url=\"https://radio.example.org/b.mp3\" length=\"1\" type=\"audio/mpeg\"/><guid>b</guid></item>"]),
    [], expect="no-text", reason="has no title and no text; skipped")
feed("rss20_empty_elements.xml", rss2([
    "<item><title/><description/><link/></item>"]), [], expect="no-text", reason="has no title and no text; skipped")

# ------------------------------------------------------------------------------ RSS 1.0 (RDF)

def rdf_feed(items, ns=("dc",), channel_extra="", site="rdf.example.org", about=True, encoding="UTF-8",
             default_ns=NS["rss10"]):
    seq = "".join(f'<rdf:li rdf:resource="https://{site}/{i}"/>' for i in range(len(items)))
    ab = f' rdf:about="https://{site}/rss"' if about else ""
    return (f'<?xml version="1.0" encoding="{encoding}"?>\n<rdf:RDF xmlns:rdf="{NS["rdf"]}" xmlns="{default_ns}"'
            f"{xmlns(*ns)}>\n<channel{ab}><title>Tarne press releases</title><link>https://{site}/</link>"
            f"<description>Press releases from Tarne</description>{channel_extra}<items><rdf:Seq>{seq}</rdf:Seq></items></channel>\n"
            + "\n".join(items) + "\n</rdf:RDF>\n")


def rdf_item(site, n, date=True, creator=None, extra="", link=True, about=True, title=True, desc=True):
    t_, x_ = topic()
    t = when(n)
    url = f"https://{site}/{n}"
    parts = [f'<item{f" rdf:about={chr(34)}{url}{chr(34)}" if about else ""}>']
    if title:
        parts.append(f"<title>{esc(t_)}</title>")
    if link:
        parts.append(f"<link>{url}</link>")
    if desc:
        parts.append(f"<description>{esc(x_)}</description>")
    if date:
        parts.append(f"<dc:date>{iso(t)}</dc:date>")
    if creator:
        parts.append(f"<dc:creator>{creator}</dc:creator>")
    parts.append(extra + "</item>")
    e = item(title=t_ if title else "", text=x_ if desc else None, link=url if (link or about) else None,
             date=iso(t) if date else None, author=creator)
    return "".join(parts), e, (t_, x_, url, t)


R = "rdf.example.org"
items, exp = [], []
for i in range(4):
    x, e, _ = rdf_item(R, 300 + i, creator="Press Office")
    items.append(x)
    exp.append(e)
feed("rss10_basic.rdf", rdf_feed(items), exp)

# Dublin Core: every element that carries something a reader shows.
t_, x_ = topic()
t = when(5)
feed("rss10_dc_every_element.rdf", rdf_feed([
    f'<item rdf:about="https://{R}/dcall"><title>{esc(t_)}</title><link>https://{R}/dcall</link><description>{esc(x_)}</description>'
    f"<dc:title>Dublin Core title, not used</dc:title><dc:creator>Rae Quinn</dc:creator><dc:subject>Flooding</dc:subject>"
    f"<dc:description>Dublin Core description, not used</dc:description><dc:publisher>Tarne Council</dc:publisher>"
    f"<dc:contributor>Sol Park</dc:contributor><dc:date>{iso(t)}</dc:date><dc:type>Text</dc:type><dc:format>text/html</dc:format>"
    f"<dc:identifier>https://{R}/dcall</dc:identifier><dc:source>https://{R}/</dc:source><dc:language>en-GB</dc:language>"
    f"<dc:relation>https://{R}/related</dc:relation><dc:coverage>Tarne</dc:coverage><dc:rights>CC BY 4.0</dc:rights></item>"],
    channel_extra="<dc:publisher>Tarne Council</dc:publisher><dc:rights>CC BY 4.0</dc:rights><dc:language>en-GB</dc:language>"
                  f"<dc:date>2026-03-01T00:00:00Z</dc:date>"),
    [item(title=t_, text=x_, link=f"https://{R}/dcall", date=iso(t), author="Rae Quinn")])
t_, x_ = topic()
t = when(6)
feed("rss10_dc_title_and_description_only.rdf", rdf_feed([
    f'<item rdf:about="https://{R}/dconly"><dc:title>{esc(t_)}</dc:title><dc:description>{esc(x_)}</dc:description>'
    f"<dc:date>{iso(t)}</dc:date></item>"]),
    [item(title=t_, text=x_, link=f"https://{R}/dconly", date=iso(t))])
x, e, _ = rdf_item(R, 310, link=False)
feed("rss10_item_without_link_uses_about.rdf", rdf_feed([x]), [e])
x, e, _ = rdf_item(R, 311, link=False, about=False)
feed("rss10_item_without_link_or_about.rdf", rdf_feed([x]), [e])
x, e, (t_, x_, url, t) = rdf_item(R, 312, desc=False,
                                   extra="<content:encoded><![CDATA[<p>Full text from content:encoded.</p>]]></content:encoded>")
e["text"] = "Full text from content:encoded."
feed("rss10_content_encoded.rdf", rdf_feed([x], ns=("dc", "content")), [e])
x, e, _ = rdf_item(R, 313, extra="<content:items><rdf:Bag><rdf:li><content:item><content:format rdf:resource=\"http://www.w3.org/1999/xhtml\"/>"
                                 "<rdf:value>alternative</rdf:value></content:item></rdf:li></rdf:Bag></content:items>")
feed("rss10_content_items_module.rdf", rdf_feed([x], ns=("dc", "content")), [e])
items, exp = [], []
for i in range(2):
    x, e, _ = rdf_item(R, 320 + i)
    items.append(x)
    exp.append(e)
feed("rss10_syndication_module.rdf", rdf_feed(items, ns=("dc", "sy"), channel_extra=
     "<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency><sy:updateBase>2000-01-01T12:00+00:00</sy:updateBase>"), exp)
x, e, _ = rdf_item(R, 322)
feed("rss10_admin_module.rdf", rdf_feed([x], ns=("dc", "admin"), channel_extra=
     "<admin:generatorAgent rdf:resource=\"https://generator.example.org/\"/><admin:errorReportsTo rdf:resource=\"mailto:web@example.org\"/>"), [e])
x, e, _ = rdf_item(R, 323, extra="<taxo:topics><rdf:Bag><rdf:li rdf:resource=\"https://topics.example.org/flood\"/></rdf:Bag></taxo:topics>")
feed("rss10_taxonomy_module.rdf", rdf_feed([x], ns=("dc", "taxo")), [e])
x, e, _ = rdf_item(R, 324, extra="<slash:comments>3</slash:comments><slash:section>news</slash:section>")
feed("rss10_slash_module.rdf", rdf_feed([x], ns=("dc", "slash")), [e])
x, e, _ = rdf_item(R, 325)
feed("rss10_image_and_textinput.rdf", rdf_feed([x]).replace(
    "</rdf:RDF>", f'<image rdf:about="https://{R}/logo.png"><title>Tarne</title><link>https://{R}/</link><url>https://{R}/logo.png</url></image>'
                  f'<textinput rdf:about="https://{R}/search"><title>Search</title><description>Search</description><name>q</name>'
                  f"<link>https://{R}/search</link></textinput></rdf:RDF>"), [e])
x, e, (t_, x_, url, t) = rdf_item(R, 326, date=False, extra=f"<dcterms:issued>{iso(when(326))}</dcterms:issued>")
e["date"] = iso(when(326))
feed("rss10_dcterms_issued.rdf", rdf_feed([x], ns=("dc", "dcterms")), [e])
x, e, _ = rdf_item(R, 327, date=False, extra=f"<dcterms:created>{iso(when(327))}</dcterms:created>")
e["date"] = iso(when(327))
feed("rss10_dcterms_created.rdf", rdf_feed([x], ns=("dc", "dcterms")), [e])
x, e, _ = rdf_item(R, 328, date=False, extra=f"<dcterms:modified>{iso(when(328))}</dcterms:modified>")
e["date"] = iso(when(328))
feed("rss10_dcterms_modified.rdf", rdf_feed([x], ns=("dc", "dcterms")), [e])
x, e, _ = rdf_item(R, 329, date=False)
feed("rss10_channel_date_only.rdf", rdf_feed([x], channel_extra="<dc:date>2026-03-06T12:00:00+01:00</dc:date>"), [e],
     feed_date="2026-03-06T11:00:00Z")
x, e, _ = rdf_item(R, 330, creator="Dee Shaw")
feed("rss10_no_channel_about.rdf", rdf_feed([x], about=False), [e])
x, e, _ = rdf_item(R, 331)
feed("rss10_prefixed_rss_namespace.rdf", rdf_feed([x]).replace(f'xmlns="{NS["rss10"]}"', f'xmlns:rss="{NS["rss10"]}"')
     .replace("<channel", "<rss:channel").replace("</channel>", "</rss:channel>").replace("<title>", "<rss:title>")
     .replace("</title>", "</rss:title>").replace("<link>", "<rss:link>").replace("</link>", "</rss:link>")
     .replace("<description>", "<rss:description>").replace("</description>", "</rss:description>")
     .replace("<item ", "<rss:item ").replace("</item>", "</rss:item>").replace("<items>", "<rss:items>")
     .replace("</items>", "</rss:items>"), [e])
items, exp = [], []
for i in range(12):
    x, e, _ = rdf_item(R, 340 + i, creator=f"Writer {i}")
    items.append(x)
    exp.append(e)
feed("rss10_twelve_items.rdf", rdf_feed(items), exp)
x, e, (t_, x_, url, t) = rdf_item(R, 352, desc=False, extra="<description>&lt;p&gt;Escaped &lt;em&gt;HTML&lt;/em&gt; in RSS 1.0.&lt;/p&gt;</description>")
e["text"] = "Escaped HTML in RSS 1.0."
feed("rss10_escaped_html_description.rdf", rdf_feed([x]), [e])
x, e, _ = rdf_item(R, 353)
feed("rss10_items_inside_channel.rdf", rdf_feed([]).replace("</channel>", x + "</channel>"), [e])
x, e, _ = rdf_item(R, 354)
feed("rss10_rss090_namespace_mixed.rdf", rdf_feed([x], default_ns=NS["rss090"]), [e])

# ------------------------------------------------------------------------------ Atom 1.0

def atom10(entries, extra_ns="", feed_extra="", lang="en", site="atom.example.org", title="Brennock updates",
           base=None, self_link=True, encoding="utf-8", decl=True, root_attrs=""):
    b = f' xml:base="{base}"' if base else ""
    l = f' xml:lang="{lang}"' if lang else ""
    sl = f'<link rel="self" href="https://{site}/feed.atom"/>' if self_link else ""
    head = f'<?xml version="1.0" encoding="{encoding}"?>\n' if decl else ""
    return (f'{head}<feed xmlns="{NS["atom"]}"{l}{b}{extra_ns}{root_attrs}>\n'
            f"<title>{esc(title)}</title><id>urn:example:{site}</id>{sl}"
            f'<link rel="alternate" type="text/html" href="https://{site}/"/><updated>2026-03-20T12:00:00Z</updated>'
            f"<author><name>Brennock Council</name></author>{feed_extra}\n" + "\n".join(entries) + "\n</feed>\n")


A = "atom.example.org"


def a_entry(n, title_xml=None, content_xml=None, summary_xml=None, link=True, id_=True, author=None, published=True,
            updated=True, extra=""):
    t_, x_ = topic()
    t = when(n)
    url = f"https://{A}/e/{n}"
    parts = ["<entry>"]
    if id_:
        parts.append(f"<id>tag:{A},2026:e{n}</id>")
    parts.append(title_xml if title_xml is not None else f"<title>{esc(t_)}</title>")
    if link:
        parts.append(f'<link href="{url}"/>')
    if published:
        parts.append(f"<published>{iso(t)}</published>")
    if updated:
        parts.append(f"<updated>{iso(t if not published else t + dt.timedelta(hours=1))}</updated>")
    if author:
        parts.append(f"<author><name>{author}</name></author>")
    if summary_xml is not None:
        parts.append(summary_xml)
    parts.append(content_xml if content_xml is not None else f"<content>{esc(x_)}</content>")
    parts.append(extra + "</entry>")
    e = item(title=t_, text=x_, link=url if link else None, date=iso(t) if (published or updated) else None,
             author=author if author else "Brennock Council")
    return "".join(parts), e, (t_, x_, url, t)


entries, exp = [], []
for i in range(4):
    x, e, _ = a_entry(400 + i, author=f"Officer {i}")
    entries.append(x)
    exp.append(e)
feed("atom10_basic.atom", atom10(entries), exp)

# Text constructs: title, summary, content in every type.
n = 410
for name, ty, make in [
    ("text", ' type="text"', lambda s: esc(s)),
    ("html", ' type="html"', lambda s: esc("<p>" + s + "</p>")),
    ("xhtml", ' type="xhtml"', lambda s: f'<div xmlns="{NS["xhtml"]}"><p>{esc(s)}</p></div>'),
    ("default", "", lambda s: esc(s)),
]:
    for where in ["title", "summary", "content"]:
        t_, x_ = topic()
        t = when(n)
        url = f"https://{A}/tc/{n}"
        title_xml = f"<title{ty}>{make(t_)}</title>" if where == "title" else f"<title>{esc(t_)}</title>"
        body_xml = f"<{where}{ty}>{make(x_)}</{where}>" if where != "title" else f"<content>{esc(x_)}</content>"
        feed(f"atom10_{where}_type_{name}.atom", atom10([
            f"<entry><id>tag:{A},2026:tc{n}</id>{title_xml}<link href=\"{url}\"/><updated>{iso(t)}</updated>{body_xml}</entry>"]),
            [item(title=t_, text=x_, link=url, date=iso(t))])
        n += 1

# Content of other MIME types.
for name, ty, body, expect_text in [
    ("text_plain", "text/plain", esc("Plain text with <angle brackets> kept."), "Plain text with <angle brackets> kept."),
    ("text_html_mime", "text/html", esc("<p>HTML by its MIME type.</p>"), "HTML by its MIME type."),
    ("application_xhtml_xml", "application/xhtml+xml", f'<div xmlns="{NS["xhtml"]}"><p>XHTML by its MIME type.</p></div>',
     "XHTML by its MIME type."),
    ("application_xhtml_xml_escaped", "application/xhtml+xml", esc("<p>Escaped XHTML by its MIME type.</p>"),
     "Escaped XHTML by its MIME type."),
    ("text_xml", "text/xml", "<report><line>River level 2.1 m at Brennock bridge.</line></report>",
     "River level 2.1 m at Brennock bridge."),
    ("application_xml", "application/xml", "<notice>Bins collected on Tuesday.</notice>", "Bins collected on Tuesday."),
    ("custom_plus_xml", "application/vnd.example+xml", "<alert>Gale warning for the estuary.</alert>",
     "Gale warning for the estuary."),
    ("text_markdown", "text/markdown", "Sandbags are available at the *depot*.", "Sandbags are available at the *depot*."),
    ("text_csv", "text/csv", "station,level\nBrennock,2.1", "station,level Brennock,2.1"),
    ("octet_stream_base64_text", "application/octet-stream",
     base64.b64encode("Base64 text about the Ardvale ferry.".encode()).decode(), "Base64 text about the Ardvale ferry."),
    ("pdf_base64_with_summary", "application/pdf", base64.b64encode(b"%PDF-1.4\x00\x01\x02\xff binary").decode(), None),
    ("image_png_base64_with_summary", "image/png", base64.b64encode(b"\x89PNG\r\n\x1a\n\x00\x00binary").decode(), None),
    ("type_with_charset_param", "text/html; charset=utf-8", esc("<p>HTML with a charset parameter.</p>"),
     "HTML with a charset parameter."),
    ("type_in_capitals", "HTML", esc("<p>Type written in capitals.</p>"), "Type written in capitals."),
]:
    t_, _ = topic()
    t = when(n)
    url = f"https://{A}/mime/{n}"
    summary = "" if expect_text else "<summary>Summary kept when the content is binary.</summary>"
    feed(f"atom10_content_{name}.atom", atom10([
        f"<entry><id>tag:{A},2026:m{n}</id><title>{esc(t_)}</title><link href=\"{url}\"/><updated>{iso(t)}</updated>"
        f"{summary}<content type=\"{ty}\">{body}</content></entry>"]),
        [item(title=t_, text=expect_text or "Summary kept when the content is binary.", link=url, date=iso(t))])
    n += 1

# Titles and summaries of other MIME types (feed-rs refuses the whole feed for them).
for name, ty, make in [
    ("application_xhtml_xml", "application/xhtml+xml", lambda s: f'<div xmlns="{NS["xhtml"]}">{esc(s)}</div>'),
    ("text_plain", "text/plain", esc),
    ("octet_stream_base64", "application/octet-stream", lambda s: base64.b64encode(s.encode()).decode()),
]:
    for where in ["title", "summary"]:
        t_, x_ = topic()
        t = when(n)
        url = f"https://{A}/tm/{n}"
        title_xml = f'<title type="{ty}">{make(t_)}</title>' if where == "title" else f"<title>{esc(t_)}</title>"
        body_xml = f'<summary type="{ty}">{make(x_)}</summary>' if where == "summary" else f"<summary>{esc(x_)}</summary>"
        feed(f"atom10_{where}_mime_{name}.atom", atom10([
            f"<entry><id>tag:{A},2026:tm{n}</id>{title_xml}<link href=\"{url}\"/><updated>{iso(t)}</updated>{body_xml}</entry>"]),
            [item(title=t_, text=x_, link=url, date=iso(t))])
        n += 1

t_, _ = topic()
t = when(n)
feed("atom10_content_binary_no_summary.atom", atom10([
    f"<entry><id>tag:{A},2026:bin</id><title>{esc(t_)}</title><link href=\"https://{A}/bin\"/><updated>{iso(t)}</updated>"
    f"<content type=\"image/gif\">{base64.b64encode(b'GIF89a binary').decode()}</content></entry>"]),
    [item(title=t_, text="", link=f"https://{A}/bin", date=iso(t))])
t_, x_ = topic()
feed("atom10_content_src_out_of_line.atom", atom10([
    f"<entry><id>tag:{A},2026:src</id><title>{esc(t_)}</title><link href=\"https://{A}/src\"/><updated>2026-03-09T09:00:00Z</updated>"
    f"<summary>{esc(x_)}</summary><content type=\"text/html\" src=\"https://{A}/src/full.html\"/></entry>"]),
    [item(title=t_, text=x_, link=f"https://{A}/src", date="2026-03-09T09:00:00Z")])
t_, x_ = topic()
feed("atom10_content_src_and_text.atom", atom10([
    f"<entry><id>tag:{A},2026:srct</id><title>{esc(t_)}</title><link href=\"https://{A}/srct\"/><updated>2026-03-09T10:00:00Z</updated>"
    f"<content type=\"text\" src=\"https://{A}/srct.txt\">{esc(x_)}</content></entry>"]),
    [item(title=t_, text=x_, link=f"https://{A}/srct", date="2026-03-09T10:00:00Z")])
t_, x_ = topic()
feed("atom10_empty_title_and_summary.atom", atom10([
    f"<entry><id>tag:{A},2026:empty</id><title></title><link href=\"https://{A}/empty\"/><updated>2026-03-09T11:00:00Z</updated>"
    f"<summary/><content type=\"html\">{esc('<p>' + x_ + '</p>')}</content></entry>"]),
    [item(title="", text=x_, link=f"https://{A}/empty", date="2026-03-09T11:00:00Z")])
t_, x_ = topic()
feed("atom10_summary_and_content.atom", atom10([
    f"<entry><id>tag:{A},2026:sc</id><title>{esc(t_)}</title><link href=\"https://{A}/sc\"/><updated>2026-03-09T12:00:00Z</updated>"
    f"<summary>Short version.</summary><content type=\"html\">{esc('<p>' + x_ + '</p>')}</content></entry>"]),
    [item(title=t_, text=x_, link=f"https://{A}/sc", date="2026-03-09T12:00:00Z")])
t_, x_ = topic()
feed("atom10_title_xhtml_with_markup.atom", atom10([
    f"<entry><id>tag:{A},2026:tx</id><title type=\"xhtml\"><div xmlns=\"{NS['xhtml']}\">Flood <b>update</b> for <i>Lowmoor</i></div></title>"
    f"<link href=\"https://{A}/tx\"/><updated>2026-03-09T13:00:00Z</updated><content>{esc(x_)}</content></entry>"]),
    [item(title="Flood update for Lowmoor", text=x_, link=f"https://{A}/tx", date="2026-03-09T13:00:00Z")])
t_, x_ = topic()
feed("atom10_html_title_entities.atom", atom10([
    f"<entry><id>tag:{A},2026:he</id><title type=\"html\">{esc(t_)} &amp;amp; &amp;lt;more&amp;gt;</title>"
    f"<link href=\"https://{A}/he\"/><updated>2026-03-09T14:00:00Z</updated><content>{esc(x_)}</content></entry>"]),
    [item(title=t_ + " & <more>", text=x_, link=f"https://{A}/he", date="2026-03-09T14:00:00Z")])
t_, x_ = topic()
feed("atom10_text_title_with_angle_brackets.atom", atom10([
    f"<entry><id>tag:{A},2026:ab</id><title type=\"text\">Levels &lt;2 m&gt; at {esc(t_)}</title>"
    f"<link href=\"https://{A}/ab\"/><updated>2026-03-09T15:00:00Z</updated><content>{esc(x_)}</content></entry>"]),
    [item(title=f"Levels <2 m> at {t_}", text=x_, link=f"https://{A}/ab", date="2026-03-09T15:00:00Z")])

# Dates
x, e, (t_, x_, url, t) = a_entry(440, updated=False)
feed("atom10_published_only.atom", atom10([x]), [e])
x, e, (t_, x_, url, t) = a_entry(441, published=False)
feed("atom10_updated_only.atom", atom10([x]), [e])
x, e, _ = a_entry(442, published=False, updated=False)
feed("atom10_no_entry_dates.atom", atom10([x]), [e], feed_date="2026-03-20T12:00:00Z")
t_, x_ = topic()
feed("atom10_date_offsets.atom", atom10([
    f"<entry><id>tag:{A},2026:off</id><title>{esc(t_)}</title><link href=\"https://{A}/off\"/>"
    f"<published>2026-03-10T09:30:00-05:00</published><updated>2026-03-10T09:30:00.250-05:00</updated><content>{esc(x_)}</content></entry>"]),
    [item(title=t_, text=x_, link=f"https://{A}/off", date="2026-03-10T14:30:00Z")])
t_, x_ = topic()
feed("atom10_dc_date_and_creator.atom", atom10([
    f"<entry><id>tag:{A},2026:dcd</id><title>{esc(t_)}</title><link href=\"https://{A}/dcd\"/>"
    f"<dc:date>2026-03-11T08:00:00Z</dc:date><dc:creator>Ola Berg</dc:creator><content>{esc(x_)}</content></entry>"],
    extra_ns=xmlns("dc")),
    [item(title=t_, text=x_, link=f"https://{A}/dcd", date="2026-03-11T08:00:00Z", author="Ola Berg")])

# Links, xml:base and relative references
t_, x_ = topic()
feed("atom10_xml_base_feed.atom", atom10([
    f"<entry><id>tag:{A},2026:b1</id><title>{esc(t_)}</title><link href=\"news/b1.html\"/><updated>2026-03-12T08:00:00Z</updated>"
    f"<content>{esc(x_)}</content></entry>"], base="https://cdn.example.org/site/"),
    [item(title=t_, text=x_, link="https://cdn.example.org/site/news/b1.html", date="2026-03-12T08:00:00Z")])
t_, x_ = topic()
feed("atom10_xml_base_nested.atom", atom10([
    f"<entry xml:base=\"section/\"><id>tag:{A},2026:b2</id><title>{esc(t_)}</title><link href=\"b2.html\"/>"
    f"<updated>2026-03-12T09:00:00Z</updated><content>{esc(x_)}</content></entry>"], base="https://cdn.example.org/site/"),
    [item(title=t_, text=x_, link="https://cdn.example.org/site/section/b2.html", date="2026-03-12T09:00:00Z")])
t_, x_ = topic()
feed("atom10_xml_base_on_link.atom", atom10([
    f"<entry><id>tag:{A},2026:b3</id><title>{esc(t_)}</title><link xml:base=\"https://other.example.org/x/\" href=\"../b3\"/>"
    f"<updated>2026-03-12T10:00:00Z</updated><content>{esc(x_)}</content></entry>"]),
    [item(title=t_, text=x_, link="https://other.example.org/b3", date="2026-03-12T10:00:00Z")])
t_, x_ = topic()
feed("atom10_relative_link_no_base.atom", atom10([
    f"<entry><id>tag:{A},2026:b4</id><title>{esc(t_)}</title><link href=\"/posts/b4\"/>"
    f"<updated>2026-03-12T11:00:00Z</updated><content>{esc(x_)}</content></entry>"]),
    [item(title=t_, text=x_, link=f"https://{A}/posts/b4", date="2026-03-12T11:00:00Z")])
t_, x_ = topic()
feed("atom10_several_links.atom", atom10([
    f"<entry><id>tag:{A},2026:b5</id><title>{esc(t_)}</title><link rel=\"edit\" href=\"https://{A}/edit/b5\"/>"
    f"<link rel=\"enclosure\" href=\"https://{A}/b5.mp3\" type=\"audio/mpeg\"/><link rel=\"alternate\" type=\"text/html\" href=\"https://{A}/b5\"/>"
    f"<link rel=\"replies\" href=\"https://{A}/b5#comments\"/><updated>2026-03-12T12:00:00Z</updated><content>{esc(x_)}</content></entry>"]),
    [item(title=t_, text=x_, link=f"https://{A}/b5", date="2026-03-12T12:00:00Z")])
t_, x_ = topic()
feed("atom10_iana_rel_alternate.atom", atom10([
    f"<entry><id>tag:{A},2026:b6</id><title>{esc(t_)}</title><link rel=\"related\" href=\"https://{A}/related\"/>"
    f"<link rel=\"http://www.iana.org/assignments/relation/alternate\" href=\"https://{A}/b6\"/>"
    f"<updated>2026-03-12T13:00:00Z</updated><content>{esc(x_)}</content></entry>"]),
    [item(title=t_, text=x_, link=f"https://{A}/b6", date="2026-03-12T13:00:00Z")])
x, e, _ = a_entry(450, link=False)
feed("atom10_entry_without_link.atom", atom10([x]), [e])
x, e, _ = a_entry(451, id_=False)
feed("atom10_entry_without_id.atom", atom10([x]), [e])

# People
x, e, _ = a_entry(452, author="Ann Hughes")
feed("atom10_entry_author.atom", atom10([x]), [e])
x, e, _ = a_entry(453, extra="<contributor><name>Con Tributor</name></contributor>")
feed("atom10_feed_author_inherited.atom", atom10([x]), [e])
t_, x_ = topic()
feed("atom10_two_authors.atom", atom10([
    f"<entry><id>tag:{A},2026:ta</id><title>{esc(t_)}</title><link href=\"https://{A}/ta\"/><updated>2026-03-13T08:00:00Z</updated>"
    f"<author><name>Pat One</name><email>one@{A}</email></author><author><name>Lou Two</name><uri>https://{A}/lou</uri></author>"
    f"<content>{esc(x_)}</content></entry>"]),
    [item(title=t_, text=x_, link=f"https://{A}/ta", date="2026-03-13T08:00:00Z", author="Pat One, Lou Two")])
t_, x_ = topic()
feed("atom10_author_email_only.atom", atom10([
    f"<entry><id>tag:{A},2026:ae</id><title>{esc(t_)}</title><link href=\"https://{A}/ae\"/><updated>2026-03-13T09:00:00Z</updated>"
    f"<author><email>desk@{A}</email></author><content>{esc(x_)}</content></entry>"]),
    [item(title=t_, text=x_, link=f"https://{A}/ae", date="2026-03-13T09:00:00Z", author=f"desk@{A}")])

# Other elements: rights, category, source, entry document, prefixed Atom, extensions
x, e, _ = a_entry(454, extra="<rights>© Brennock Council</rights><category term=\"flooding\" label=\"Flooding\"/>"
                           f"<source><id>urn:example:src</id><title>Original source</title><updated>2026-01-01T00:00:00Z</updated></source>")
feed("atom10_rights_category_source.atom", atom10([x], feed_extra="<subtitle>What Brennock is doing</subtitle>"
                                                           "<rights>© Brennock Council</rights><icon>/icon.png</icon><logo>/logo.png</logo>"
                                                           "<generator uri=\"https://gen.example.org/\" version=\"1\">Gen</generator>"
                                                           "<category term=\"council\"/><contributor><name>Web Team</name></contributor>"), [e])
t_, x_ = topic()
feed("atom10_entry_document.atom",
     f'<?xml version="1.0" encoding="utf-8"?>\n<entry xmlns="{NS["atom"]}"><id>tag:{A},2026:solo</id><title>{esc(t_)}</title>'
     f'<link href="https://{A}/solo"/><updated>2026-03-14T08:00:00Z</updated><author><name>Solo Writer</name></author>'
     f"<content>{esc(x_)}</content></entry>\n",
     [item(title=t_, text=x_, link=f"https://{A}/solo", date="2026-03-14T08:00:00Z", author="Solo Writer")])
t_, x_ = topic()
feed("atom10_prefixed_elements.atom",
     f'<?xml version="1.0" encoding="utf-8"?>\n<atom:feed xmlns:atom="{NS["atom"]}"><atom:title>Prefixed</atom:title>'
     f'<atom:id>urn:example:prefixed</atom:id><atom:link rel="alternate" href="https://{A}/"/><atom:updated>2026-03-14T09:00:00Z</atom:updated>'
     f'<atom:entry><atom:id>tag:{A},2026:px</atom:id><atom:title>{esc(t_)}</atom:title><atom:link href="https://{A}/px"/>'
     f"<atom:updated>2026-03-14T09:00:00Z</atom:updated><atom:content>{esc(x_)}</atom:content></atom:entry></atom:feed>\n",
     [item(title=t_, text=x_, link=f"https://{A}/px", date="2026-03-14T09:00:00Z")])
t_, x_ = topic()
feed("atom10_no_namespace.atom",
     f'<?xml version="1.0"?>\n<feed><title>No namespace</title><id>urn:example:nons</id><link href="https://{A}/"/>'
     f'<entry><id>tag:{A},2026:nons</id><title>{esc(t_)}</title><link href="https://{A}/nons"/><updated>2026-03-14T10:00:00Z</updated>'
     f"<summary>{esc(x_)}</summary></entry></feed>\n",
     [item(title=t_, text=x_, link=f"https://{A}/nons", date="2026-03-14T10:00:00Z")])
x, e, _ = a_entry(455, extra=f"<media:thumbnail url=\"https://{A}/t.jpg\"/><thr:total>2</thr:total>")
feed("atom10_extensions.atom", atom10([x], extra_ns=xmlns("media") + ' xmlns:thr="http://purl.org/syndication/thread/1.0"'), [e])
x, e, _ = a_entry(456)
feed("atom10_atom_prefix_self_link.atom", atom10([x], extra_ns=' xmlns:atom="http://www.w3.org/2005/Atom"',
                                                  feed_extra=f'<atom:link rel="hub" href="https://hub.example.org/"/>'), [e])
entries, exp = [], []
for i in range(30):
    x, e, _ = a_entry(460 + i)
    entries.append(x)
    exp.append(e)
feed("atom10_thirty_entries.atom", atom10(entries), exp)
t_, x_ = topic()
feed("atom10_xml_lang_entry.atom", atom10([
    f"<entry xml:lang=\"cy\"><id>tag:{A},2026:cy</id><title>Diweddariad llifogydd</title><link href=\"https://{A}/cy\"/>"
    f"<updated>2026-03-14T11:00:00Z</updated><content>Mae lefel yr afon yn gostwng.</content></entry>"]),
    [item(title="Diweddariad llifogydd", text="Mae lefel yr afon yn gostwng.", link=f"https://{A}/cy", date="2026-03-14T11:00:00Z")])
feed("atom10_no_entries.atom", atom10([]), [], expect="no-text", reason="the feed has no items")
feed("atom10_entries_without_text.atom", atom10([
    f"<entry><id>tag:{A},2026:nt1</id><link href=\"https://{A}/nt1\"/><updated>2026-03-14T12:00:00Z</updated></entry>",
    f"<entry><id>tag:{A},2026:nt2</id><title type=\"xhtml\"><div xmlns=\"{NS['xhtml']}\"></div></title>"
    f"<link href=\"https://{A}/nt2\"/><updated>2026-03-14T12:00:00Z</updated></entry>"]),
    [], expect="no-text", reason="has no title and no text; skipped")

# ------------------------------------------------------------------------------ Atom 0.3

def atom03(entries, extra="", title="Ardvale weblog", site="atom03.example.org", lang="en"):
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed version="0.3" xmlns="{NS["atom03"]}" xml:lang="{lang}">\n'
            f"<title>{esc(title)}</title><link rel=\"alternate\" type=\"text/html\" href=\"https://{site}/\"/>"
            f"<tagline>Notes from Ardvale</tagline><id>tag:{site},2005:feed</id><modified>2005-06-01T12:00:00Z</modified>"
            f"<author><name>Ardvale Warden</name><email>warden@{site}</email><url>https://{site}/about</url></author>"
            f"<info mode=\"xml\" type=\"text/html\"><div xmlns=\"{NS['xhtml']}\">This is an Atom feed.</div></info>"
            f"<copyright>© Ardvale</copyright><generator url=\"https://gen.example.org/\" version=\"0.3\">Gen</generator>{extra}\n"
            + "\n".join(entries) + "\n</feed>\n")


B = "atom03.example.org"


def a03_entry(n, content_xml=None, title_xml=None, summary_xml=None, dates=("issued", "modified"), author=None,
              link=True, extra=""):
    t_, x_ = topic()
    t = dt.datetime(2005, 5, 1, 8, 0, tzinfo=dt.timezone.utc) + dt.timedelta(days=n % 25, hours=n % 7)
    url = f"https://{B}/{n}"
    parts = ["<entry>", title_xml if title_xml is not None else f"<title>{esc(t_)}</title>"]
    if link:
        parts.append(f'<link rel="alternate" type="text/html" href="{url}"/>')
    parts.append(f"<id>tag:{B},2005:{n}</id>")
    for d in dates:
        parts.append(f"<{d}>{iso(t)}</{d}>")
    if author:
        parts.append(f"<author><name>{author}</name></author>")
    if summary_xml:
        parts.append(summary_xml)
    parts.append(content_xml if content_xml is not None else f"<content type=\"text/plain\" mode=\"xml\">{esc(x_)}</content>")
    parts.append(extra + "</entry>")
    e = item(title=t_, text=x_, link=url if link else None, date=iso(t) if dates else None,
             author=author if author else "Ardvale Warden")
    return "".join(parts), e, (t_, x_, url, t)


entries, exp = [], []
for i in range(3):
    x, e, _ = a03_entry(500 + i)
    entries.append(x)
    exp.append(e)
feed("atom03_basic.atom", atom03(entries), exp, note="Atom 0.3 was read as Atom 1.0")
for mode_name, content in [
    ("escaped_html", lambda s: f'<content type="text/html" mode="escaped">{esc("<p>" + s + "</p>")}</content>'),
    ("escaped_no_type", lambda s: f'<content mode="escaped">{esc("<p>" + s + "</p>")}</content>'),
    ("base64_html", lambda s: f'<content type="text/html" mode="base64">{base64.b64encode(("<p>" + s + "</p>").encode()).decode()}</content>'),
    ("base64_plain", lambda s: f'<content type="text/plain" mode="base64">{base64.b64encode(s.encode()).decode()}</content>'),
    ("xml_xhtml", lambda s: f'<content type="application/xhtml+xml" mode="xml"><div xmlns="{NS["xhtml"]}"><p>{esc(s)}</p></div></content>'),
    ("xml_default_mode", lambda s: f'<content type="application/xhtml+xml"><div xmlns="{NS["xhtml"]}">{esc(s)}</div></content>'),
    ("plain_default", lambda s: f"<content>{esc(s)}</content>"),
    ("multipart_alternative", lambda s: '<content type="multipart/alternative">'
                                        f'<content type="text/plain" mode="xml">{esc(s)}</content>'
                                        f'<content type="text/html" mode="escaped">{esc("<p>" + s + "</p>")}</content></content>'),
]:
    t_, x_ = topic()
    t = dt.datetime(2005, 5, 10, 9, 0, tzinfo=dt.timezone.utc) + dt.timedelta(hours=len(ENTRIES) % 20)
    url = f"https://{B}/m/{mode_name}"
    feed(f"atom03_content_{mode_name}.atom", atom03([
        f'<entry><title>{esc(t_)}</title><link rel="alternate" type="text/html" href="{url}"/><id>tag:{B},2005:{mode_name}</id>'
        f"<issued>{iso(t)}</issued><modified>{iso(t)}</modified>{content(x_)}</entry>"]),
        [item(title=t_, text=x_, link=url, date=iso(t), author="Ardvale Warden")], note="Atom 0.3 was read as Atom 1.0")
for which in ["issued", "modified", "created"]:
    x, e, _ = a03_entry(520 + len(which), dates=(which,))
    feed(f"atom03_date_{which}_only.atom", atom03([x]), [e])
x, e, (t_, x_, url, t) = a03_entry(530, content_xml="", summary_xml=None)
x = x.replace("</entry>", f'<summary type="text/plain">{esc(x_)}</summary></entry>')
feed("atom03_summary_only.atom", atom03([x]), [e])
t_, x_ = topic()
feed("atom03_title_escaped_html.atom", atom03([
    f'<entry><title type="text/html" mode="escaped">{esc("<b>" + t_ + "</b>")}</title>'
    f'<link rel="alternate" type="text/html" href="https://{B}/teh"/><id>tag:{B},2005:teh</id><issued>2005-05-20T10:00:00Z</issued>'
    f"<summary>{esc(x_)}</summary></entry>"]),
    [item(title=t_, text=x_, link=f"https://{B}/teh", date="2005-05-20T10:00:00Z")])
t_, x_ = topic()
feed("atom03_title_base64.atom", atom03([
    f'<entry><title type="text/plain" mode="base64">{base64.b64encode(t_.encode()).decode()}</title>'
    f'<link rel="alternate" type="text/html" href="https://{B}/tb"/><id>tag:{B},2005:tb</id><issued>2005-05-21T10:00:00Z</issued>'
    f"<summary>{esc(x_)}</summary></entry>"]),
    [item(title=t_, text=x_, link=f"https://{B}/tb", date="2005-05-21T10:00:00Z")])
x, e, _ = a03_entry(531, author="Guest Writer")
feed("atom03_entry_author.atom", atom03([x]), [e])
x, e, _ = a03_entry(532, extra="<contributor><name>Helper</name></contributor>")
feed("atom03_contributor_feed_author.atom", atom03([x]), [e])
x, e, _ = a03_entry(533, dates=())
feed("atom03_no_entry_dates.atom", atom03([x]), [e], feed_date="2005-06-01T12:00:00Z")
t_, x_ = topic()
feed("atom03_date_without_zone.atom", atom03([
    f'<entry><title>{esc(t_)}</title><link rel="alternate" type="text/html" href="https://{B}/nz"/><id>tag:{B},2005:nz</id>'
    f"<issued>2005-05-22T10:00:00</issued><content>{esc(x_)}</content></entry>"]),
    [item(title=t_, text=x_, link=f"https://{B}/nz", date="2005-05-22T10:00:00Z")])
entries, exp = [], []
for i in range(6):
    x, e, _ = a03_entry(540 + i)
    entries.append(x)
    exp.append(e)
feed("atom03_six_entries.atom", atom03(entries), exp)

# ------------------------------------------------------------------------------ JSON Feed

def jf(version, items, **top):
    doc = {"version": version, "title": top.pop("title", "Caldria updates"),
           "home_page_url": "https://json.example.org/", "feed_url": "https://json.example.org/feed.json"}
    doc.update(top)
    doc["items"] = items
    return json.dumps(doc, ensure_ascii=False, indent=2)


J = "json.example.org"
V10, V11 = "https://jsonfeed.org/version/1", "https://jsonfeed.org/version/1.1"


def j_item(n, **fields):
    t_, x_ = topic()
    t = when(n)
    base = {"id": f"https://{J}/{n}", "url": f"https://{J}/{n}", "title": t_, "content_text": x_,
            "date_published": iso(t)}
    base.update(fields)
    base = {k: v for k, v in base.items() if v is not None}
    e = item(title=t_ if "title" in base else "", text=x_, link=base.get("url") or base.get("external_url"),
             date=iso(t) if ("date_published" in base or "date_modified" in base) else None)
    return base, e, (t_, x_, t)


for version, vname in [(V10, "10"), (V11, "11")]:
    its, exp = [], []
    for i in range(3):
        x, e, _ = j_item(600 + i)
        its.append(x)
        exp.append(e)
    feed(f"jsonfeed{vname}_basic.json", jf(version, its), exp)

    x, e, (t_, x_, t) = j_item(610, content_text=None, content_html=None)
    x["content_html"] = f"<p>{esc(x_)}</p><p><b>Act now</b>.</p>"
    e["text"] = x_ + " Act now."
    feed(f"jsonfeed{vname}_content_html.json", jf(version, [x]), [e])

    x, e, (t_, x_, t) = j_item(611, content_text=None)
    x["summary"] = x_
    feed(f"jsonfeed{vname}_summary_only.json", jf(version, [x]), [e])

    x, e, (t_, x_, t) = j_item(612)
    x["content_html"] = f"<p>{esc(x_)}</p>"
    x["content_text"] = x_ + " (plain)"
    x["summary"] = "A summary."
    feed(f"jsonfeed{vname}_html_text_and_summary.json", jf(version, [x]), [e])

    x, e, (t_, x_, t) = j_item(613, date_published=None, date_modified=iso(when(613)))
    e["date"] = iso(when(613))
    feed(f"jsonfeed{vname}_date_modified_only.json", jf(version, [x]), [e])

    x, e, _ = j_item(614, date_published=None)
    feed(f"jsonfeed{vname}_no_dates.json", jf(version, [x]), [e], feed_date="now")

    x, e, _ = j_item(615, url=None, external_url=f"https://elsewhere.example.org/{vname}")
    e["link"] = f"https://elsewhere.example.org/{vname}"
    feed(f"jsonfeed{vname}_external_url.json", jf(version, [x]), [e])

    x, e, _ = j_item(616, title=None)
    feed(f"jsonfeed{vname}_no_title.json", jf(version, [x]), [e])

    x, e, _ = j_item(617, date_published="2026-03-15T10:00:00+02:00")
    e["date"] = "2026-03-15T08:00:00Z"
    feed(f"jsonfeed{vname}_date_offset.json", jf(version, [x]), [e])

    x, e, _ = j_item(618, tags=["flooding", "Kerrow"],
                     attachments=[{"url": f"https://{J}/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 10}])
    feed(f"jsonfeed{vname}_tags_attachments.json", jf(version, [x]), [e])

x, e, _ = j_item(620, author={"name": "Jo Feed", "url": f"https://{J}/jo"})
e["author"] = "Jo Feed"
feed("jsonfeed10_item_author.json", jf(V10, [x]), [e])
x, e, _ = j_item(621)
e["author"] = "Caldria Press"
feed("jsonfeed10_feed_author.json", jf(V10, [x], author={"name": "Caldria Press"}), [e])
x, e, _ = j_item(622, authors=[{"name": "Ada One"}, {"name": "Bea Two", "avatar": f"https://{J}/b.png"}])
e["author"] = "Ada One, Bea Two"
feed("jsonfeed11_item_authors.json", jf(V11, [x]), [e])
x, e, _ = j_item(623)
e["author"] = "Caldria Desk"
feed("jsonfeed11_feed_authors.json", jf(V11, [x], authors=[{"name": "Caldria Desk"}], language="en-GB"), [e])
x, e, _ = j_item(624, language="fr")
feed("jsonfeed11_item_language.json", jf(V11, [x], language="en"), [e])
x, e, _ = j_item(625, id=625)
feed("jsonfeed_numeric_id.json", jf(V11, [x]), [e])
x, e, _ = j_item(626)
feed("jsonfeed_http_version.json", jf("http://jsonfeed.org/version/1", [x]), [e])
x, e, _ = j_item(627)
doc = json.loads(jf(V11, [x]))
del doc["version"]
feed("jsonfeed_no_version.json", json.dumps(doc, indent=2), [e], note="no version")
x, e, _ = j_item(628)
doc = json.loads(jf(V11, [x]))
del doc["title"]
feed("jsonfeed_no_feed_title.json", json.dumps(doc, indent=2), [e])
x, e, _ = j_item(629, author="Plain String Author")
e["author"] = "Plain String Author"
feed("jsonfeed_author_as_string.json", jf(V10, [x]), [e])
x, e, _ = j_item(630, attachments=[{"title": "no url"}])
feed("jsonfeed_bad_attachment.json", jf(V11, [x]), [e])
x, e, _ = j_item(631, id=None)
feed("jsonfeed_no_item_id.json", jf(V11, [x]), [e])
x, e, _ = j_item(632, date_published="Sun, 15 Mar 2026 10:00:00 GMT")
e["date"] = "2026-03-15T10:00:00Z"
feed("jsonfeed_rfc822_date.json", jf(V11, [x]), [e])
x, e, _ = j_item(633)
feed("jsonfeed_expired_hubs_extensions.json", jf(V11, [x], expired=False, hubs=[{"type": "WebSub", "url": "https://hub.example.org/"}],
                                               _caldria={"about": "https://caldria.example.org/ext"}), [e])
its, exp = [], []
for i in range(25):
    x, e, _ = j_item(640 + i)
    its.append(x)
    exp.append(e)
feed("jsonfeed_twenty_five_items.json", jf(V11, its), exp)
feed("jsonfeed_no_items.json", jf(V11, []), [], expect="no-text", reason="the feed has no items")
feed("jsonfeed_items_without_text.json", jf(V11, [{"id": "x1", "url": f"https://{J}/x1"}]), [], expect="no-text",
     reason="has no title and no text; skipped")
feed("jsonfeed_unsupported_version.json", jf("https://jsonfeed.org/version/3", [{"id": "1", "title": "t"}]), expect="rejected",
     reason="this JSON is not a JSON Feed")
feed("jsonfeed_items_is_object.json", '{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": {"id": "1"}}',
     expect="rejected", reason="this JSON is not a JSON Feed")
x, e, _ = j_item(666)
feed("jsonfeed_utf8_bom.json", b"\xef\xbb\xbf" + jf(V11, [x]).encode(), [e])

# ------------------------------------------------------------------------------ CDF

def cdf(body, href="https://cdf.example.org/", attrs="", title="Hollin Cross channel", abstract="Channel news"):
    t = f"<TITLE>{esc(title)}</TITLE>" if title else ""
    a = f"<ABSTRACT>{esc(abstract)}</ABSTRACT>" if abstract else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<CHANNEL HREF="{href}" LASTMOD="2026-03-01T10:00" PRECACHE="YES" LEVEL="0"{attrs}>\n'
            f'{t}{a}<LOGO HREF="https://cdf.example.org/logo.gif" STYLE="IMAGE"/>\n'
            f'<SCHEDULE><INTERVALTIME DAY="1"/></SCHEDULE>\n{body}\n</CHANNEL>\n')


C = "cdf.example.org"


def cdf_item(n, lastmod=True, title=True, abstract=True, href=None, extra=""):
    t_, x_ = topic()
    url = href or f"https://{C}/item{n}.html"
    lm = f' LASTMOD="2026-03-{1 + n % 27:02d}T{n % 24:02d}:{n % 60:02d}"' if lastmod else ""
    parts = [f'<ITEM HREF="{url}"{lm}>']
    if title:
        parts.append(f"<TITLE>{esc(t_)}</TITLE>")
    if abstract:
        parts.append(f"<ABSTRACT>{esc(x_)}</ABSTRACT>")
    parts.append(extra + "</ITEM>")
    e = item(title=t_ if title else "", text=x_ if abstract else "", link=url,
             date=f"2026-03-{1 + n % 27:02d}T{n % 24:02d}:{n % 60:02d}:00Z" if lastmod else None)
    return "".join(parts), e


its, exp = zip(*[cdf_item(700 + i) for i in range(3)])
feed("cdf_basic.cdf", cdf("\n".join(its)), list(exp), note="Channel Definition Format")
its, exp = zip(*[cdf_item(710 + i) for i in range(2)])
its2, exp2 = zip(*[cdf_item(712 + i) for i in range(2)])
feed("cdf_nested_channels.cdf", cdf("\n".join(its) + f'\n<CHANNEL HREF="https://{C}/sub/"><TITLE>Sub channel</TITLE>\n'
                                    + "\n".join(its2) + "\n</CHANNEL>"), list(exp) + list(exp2))
x, e = cdf_item(720, lastmod=False)
feed("cdf_no_lastmod.cdf", cdf(x), [e], feed_date="2026-03-01T10:00:00Z")
x, e = cdf_item(721, abstract=False)
feed("cdf_title_only.cdf", cdf(x), [e])
x, e = cdf_item(722, title=False)
feed("cdf_abstract_only.cdf", cdf(x), [e])
x, e = cdf_item(723, href="items/relative.html")
e["link"] = f"https://{C}/base/items/relative.html"
feed("cdf_base_attribute.cdf", cdf(x, attrs=f' BASE="https://{C}/base/"'), [e])
x, e = cdf_item(724, extra='<USAGE VALUE="ScreenSaver"/><LOGO HREF="https://cdf.example.org/i.gif" STYLE="ICON"/>')
feed("cdf_usage_and_logo.cdf", cdf(x), [e])
x, e = cdf_item(725)
feed("cdf_lower_case.cdf", cdf(x).replace("CHANNEL", "channel").replace("ITEM", "item").replace("TITLE", "title")
     .replace("ABSTRACT", "abstract").replace("HREF", "href").replace("LASTMOD", "lastmod"), [e])
x, e = cdf_item(726)
feed("cdf_no_declaration.cdf", cdf(x).split("\n", 1)[1], [e])
feed("cdf_items_without_text.cdf", cdf(f'<ITEM HREF="https://{C}/blank.html" LASTMOD="2026-03-02T10:00"></ITEM>'),
     [], expect="no-text", reason="has no title and no text; skipped")
its, exp = zip(*[cdf_item(730 + i) for i in range(6)])
feed("cdf_six_items.cdf", cdf("\n".join(its)), list(exp))

# ------------------------------------------------------------------------------ Encodings

def enc_rss(site, title, text, encoding_label):
    return rss2([f"<item><title>{title}</title><link>https://{site}/e</link><description>{text}</description>"
                 f"<pubDate>Wed, 04 Mar 2026 09:00:00 GMT</pubDate></item>"], site=site, encoding=encoding_label)


FR_T, FR_X = "Café, crème brûlée et façades à Kerrow", "Élections municipales : résultats à 20 h. Noël approche."
enc_exp = [item(title=FR_T, text=FR_X, link="https://enc.example.org/e", date="2026-03-04T09:00:00Z")]
feed("enc_utf8_no_bom.xml", enc_rss("enc.example.org", FR_T, FR_X, "UTF-8").encode("utf-8"), enc_exp)
feed("enc_utf8_bom.xml", b"\xef\xbb\xbf" + enc_rss("enc.example.org", FR_T, FR_X, "UTF-8").encode("utf-8"), enc_exp)
feed("enc_utf8_bom_no_declaration.xml", b"\xef\xbb\xbf" + enc_rss("enc.example.org", FR_T, FR_X, "UTF-8")
     .split("\n", 1)[1].encode("utf-8"), enc_exp)
feed("enc_utf16le_bom.xml", b"\xff\xfe" + enc_rss("enc.example.org", FR_T, FR_X, "UTF-16").encode("utf-16-le"), enc_exp)
feed("enc_utf16be_bom.xml", b"\xfe\xff" + enc_rss("enc.example.org", FR_T, FR_X, "UTF-16").encode("utf-16-be"), enc_exp)
feed("enc_utf16le_no_bom.xml", enc_rss("enc.example.org", FR_T, FR_X, "UTF-16").encode("utf-16-le"), enc_exp)
feed("enc_utf16be_no_bom.xml", enc_rss("enc.example.org", FR_T, FR_X, "UTF-16").encode("utf-16-be"), enc_exp)
feed("enc_iso8859_1_declared.xml", enc_rss("enc.example.org", FR_T, FR_X, "ISO-8859-1").encode("latin-1"), enc_exp)
feed("enc_latin1_label.xml", enc_rss("enc.example.org", FR_T, FR_X, "latin1").encode("latin-1"), enc_exp)
feed("enc_iso8859_1_declared_utf8_bytes.xml", enc_rss("enc.example.org", FR_T, FR_X, "ISO-8859-1").encode("utf-8"), enc_exp,
     note="but is UTF-8")
feed("enc_utf8_declared_latin1_bytes.xml", enc_rss("enc.example.org", FR_T, FR_X, "UTF-8").encode("latin-1"), enc_exp,
     note="not valid UTF-8")
feed("enc_no_declaration_latin1_bytes.xml", enc_rss("enc.example.org", FR_T, FR_X, "UTF-8").split("\n", 1)[1].encode("latin-1"),
     enc_exp, note="not valid UTF-8")
W_T, W_X = "“Stay indoors” – the council’s advice", "Gusts of 80 mph… keep away from the sea wall — and the pier."
w_exp = [item(title=W_T, text=W_X, link="https://enc.example.org/e", date="2026-03-04T09:00:00Z")]
feed("enc_windows1252_declared.xml", enc_rss("enc.example.org", W_T, W_X, "windows-1252").encode("cp1252"), w_exp)
feed("enc_windows1252_declared_iso8859_1.xml", enc_rss("enc.example.org", W_T, W_X, "ISO-8859-1").encode("cp1252"), w_exp)
feed("enc_windows1252_declared_utf8.xml", enc_rss("enc.example.org", W_T, W_X, "UTF-8").encode("cp1252"), w_exp,
     note="not valid UTF-8")
feed("enc_iso8859_15.xml", enc_rss("enc.example.org", "Prix en € à Tarne", "Le ticket coûte 2 € à Tarne.", "ISO-8859-15")
     .encode("iso8859-15"),
     [item(title="Prix en € à Tarne", text="Le ticket coûte 2 € à Tarne.", link="https://enc.example.org/e",
           date="2026-03-04T09:00:00Z")])
feed("enc_unknown_label_utf8_bytes.xml", enc_rss("enc.example.org", FR_T, FR_X, "x-made-up").encode("utf-8"), enc_exp,
     note="unknown character encoding")
feed("enc_atom_latin1.atom", atom10([
    "<entry><id>tag:enc,1</id><title>Fête à Ardvale</title><link href=\"https://enc.example.org/a\"/>"
    "<updated>2026-03-04T09:00:00Z</updated><content>Entrée libre, café offert.</content></entry>"],
    encoding="ISO-8859-1").encode("latin-1"),
    [item(title="Fête à Ardvale", text="Entrée libre, café offert.", link="https://enc.example.org/a", date="2026-03-04T09:00:00Z")])
feed("enc_atom_utf16le.atom", b"\xff\xfe" + atom10([
    "<entry><id>tag:enc,2</id><title>Fête à Marrick</title><link href=\"https://enc.example.org/b\"/>"
    "<updated>2026-03-04T09:00:00Z</updated><content>Entrée libre.</content></entry>"], encoding="UTF-16").encode("utf-16-le"),
    [item(title="Fête à Marrick", text="Entrée libre.", link="https://enc.example.org/b", date="2026-03-04T09:00:00Z")])
feed("enc_rdf_latin1.rdf", rdf_feed(["<item rdf:about=\"https://enc.example.org/r\"><title>Marché de Noël</title>"
                                     "<link>https://enc.example.org/r</link><description>Ouvert à tous.</description></item>"],
                                    encoding="ISO-8859-1").encode("latin-1"),
     [item(title="Marché de Noël", text="Ouvert à tous.", link="https://enc.example.org/r")])
feed("enc_shift_jis.xml", enc_rss("enc.example.org", "洪水警報", "河川の水位が上昇しています。", "Shift_JIS").encode("shift_jis"),
     [item(title="洪水警報", text="河川の水位が上昇しています。", link="https://enc.example.org/e", date="2026-03-04T09:00:00Z")])
feed("enc_koi8r.xml", enc_rss("enc.example.org", "Предупреждение о наводнении", "Уровень воды растёт.", "KOI8-R").encode("koi8-r"),
     [item(title="Предупреждение о наводнении", text="Уровень воды растёт.", link="https://enc.example.org/e",
           date="2026-03-04T09:00:00Z")])
feed("enc_windows1251.xml", enc_rss("enc.example.org", "Новости Керроу", "Паром отменён.", "windows-1251").encode("cp1251"),
     [item(title="Новости Керроу", text="Паром отменён.", link="https://enc.example.org/e", date="2026-03-04T09:00:00Z")])
feed("enc_gb2312.xml", enc_rss("enc.example.org", "防洪通知", "请居民注意安全。", "GB2312").encode("gb2312"),
     [item(title="防洪通知", text="请居民注意安全。", link="https://enc.example.org/e", date="2026-03-04T09:00:00Z")])
feed("enc_iso8859_7_greek.xml", enc_rss("enc.example.org", "Προειδοποίηση πλημμύρας", "Μείνετε μακριά από το ποτάμι.", "ISO-8859-7")
     .encode("iso8859-7"),
     [item(title="Προειδοποίηση πλημμύρας", text="Μείνετε μακριά από το ποτάμι.", link="https://enc.example.org/e",
           date="2026-03-04T09:00:00Z")])

# ------------------------------------------------------------------------------ Breakages

X = "broken.example.org"


def brk_item(n, title=None, text=None, link=None, date_str=None):
    t_, x_ = topic()
    t_ = title if title is not None else t_
    x_ = text if text is not None else x_
    link = link or f"https://{X}/{n}"
    d = f"<pubDate>{date_str}</pubDate>" if date_str else ""
    return f"<item><title>{t_}</title><link>{link}</link><description>{x_}</description>{d}</item>", t_, x_, link


# Unescaped ampersands
t_, x_ = topic()
feed("broken_bare_ampersands.xml", rss2([
    f"<item><title>Fish & chips night in {t_}</title><link>https://{X}/page?a=1&b=2</link>"
    f"<description>{x_} Tea & cake & more.</description></item>"], site=X),
    [item(title=f"Fish & chips night in {t_}", text=x_ + " Tea & cake & more.", link=f"https://{X}/page?a=1&b=2")],
    note="bare '&'")
t_, x_ = topic()
feed("broken_bare_ampersand_in_attribute.atom", atom10([
    f"<entry><id>tag:{X},a</id><title>{esc(t_)}</title><link href=\"https://{X}/q?x=1&y=2\"/>"
    f"<updated>2026-03-16T08:00:00Z</updated><content>{esc(x_)}</content></entry>"], site=X),
    [item(title=t_, text=x_, link=f"https://{X}/q?x=1&y=2", date="2026-03-16T08:00:00Z")])
t_, x_ = topic()
feed("broken_ampersand_like_entity.xml", rss2([
    f"<item><title>AT&T and B&Q open in {esc(t_)}</title><link>https://{X}/att</link><description>{esc(x_)} R&D;</description></item>"],
    site=X), [item(title=f"AT&T and B&Q open in {t_}", link=f"https://{X}/att")])

# Undeclared entities
t_, x_ = topic()
feed("broken_html_entities_undeclared.xml", rss2([
    f"<item><title>{esc(t_)}&nbsp;&ndash; &lsquo;live&rsquo;</title><link>https://{X}/ent</link>"
    f"<description>{esc(x_)} Price &pound;5&hellip; &copy;&nbsp;2026 &euro;3</description></item>"], site=X),
    [item(title=t_ + "\u00a0– ‘live’", text=x_ + " Price £5… ©\u00a02026 €3", link=f"https://{X}/ent")])
t_, x_ = topic()
feed("broken_html_entities_in_atom_text.atom", atom10([
    f"<entry><id>tag:{X},e</id><title type=\"text\">{esc(t_)} &mdash; caf&eacute;</title><link href=\"https://{X}/ae\"/>"
    f"<updated>2026-03-16T09:00:00Z</updated><content type=\"text\">{esc(x_)}&nbsp;&hellip;</content></entry>"], site=X),
    [item(title=t_ + " — café", text=x_ + "\u00a0…", link=f"https://{X}/ae", date="2026-03-16T09:00:00Z")])
t_, x_ = topic()
feed("broken_unknown_entity_kept.xml", rss2([
    f"<item><title>{esc(t_)} &madeup;</title><link>https://{X}/mu</link><description>{esc(x_)}</description></item>"], site=X),
    [item(title=t_ + " &madeup;", text=x_, link=f"https://{X}/mu")])

# Truncated files: the complete items before the cut are read, a problem says what was lost.
items, exp = [], []
for i in range(6):
    x, e, _ = std_item(X, i=800 + i)
    items.append(x)
    exp.append(e)
whole = rss2(items, site=X)
cut = whole.index(items[4]) + len(items[4]) // 2
feed("broken_truncated_rss_mid_item.xml", whole[:cut], exp[:4], reason="the file stops part-way")
cut = whole.index("</channel>")
feed("broken_truncated_rss_before_close.xml", whole[:cut], exp, reason="the file stops part-way")
entries, exp = [], []
for i in range(5):
    x, e, _ = a_entry(820 + i)
    entries.append(x)
    exp.append(e)
whole = atom10(entries, site=X)
cut = whole.index(entries[3]) + 40
feed("broken_truncated_atom_mid_entry.atom", whole[:cut], exp[:3], reason="the file stops part-way")
items, exp = [], []
for i in range(4):
    x, e, _ = rdf_item(X, 840 + i)
    items.append(x)
    exp.append(e)
whole = rdf_feed(items, site=X)
cut = whole.index(items[2]) + 30
feed("broken_truncated_rdf.rdf", whole[:cut], exp[:2], reason="the file stops part-way")
feed("broken_truncated_in_header.xml", rss2([std_item(X)[0]], site=X)[:120], expect="rejected",
     reason="the file stops part-way")
items, exp = [], []
for i in range(3):
    x, e, _ = std_item(X, i=850 + i)
    items.append(x.replace("<ITEM>", "<ITEM>"))
    exp.append(e)
whole = rss2(items, site=X).replace("<item>", "<ITEM>").replace("</item>", "</ITEM>").replace("channel>", "CHANNEL>")
cut = whole.index("</ITEM>", whole.index("</ITEM>") + 1) + 10
feed("broken_truncated_upper_case.xml", whole[:cut], exp[:2], reason="the file stops part-way")

# Dates in the forms the web writes them
DATE_FORMS = [
    ("Wed, 04 Mar 2026 09:00:00 GMT", "2026-03-04T09:00:00Z"),
    ("Wed, 4 Mar 2026 09:00:00 GMT", "2026-03-04T09:00:00Z"),
    ("Thu, 04 Mar 2026 09:00:00 GMT", "2026-03-04T09:00:00Z"),
    ("Wednesday, 04 Mar 2026 09:00:00 GMT", "2026-03-04T09:00:00Z"),
    ("Wed, 04 March 2026 09:00:00 GMT", "2026-03-04T09:00:00Z"),
    ("04 Mar 2026 09:00:00 GMT", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 26 09:00:00 GMT", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 2026 09:00 GMT", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 2026 9:00:00 GMT", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 2026 09:00:00", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 2026 09:00:00 UTC", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 2026 09:00:00 Z", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 2026 09:00:00 +0000", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 2026 09:00:00 -0000", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 2026 10:00:00 +0100", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 2026 10:00:00 +01:00", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 2026 04:00:00 EST", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 2026 01:00:00 PST", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 2026 10:00:00 CET", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 2026 10:00:00 BST", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 2026 20:00:00 AEDT", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 2026 10:00:00 GMT+1", "2026-03-04T09:00:00Z"),
    ("2026-03-04T09:00:00Z", "2026-03-04T09:00:00Z"),
    ("2026-03-04T09:00:00+00:00", "2026-03-04T09:00:00Z"),
    ("2026-03-04T09:00:00.000Z", "2026-03-04T09:00:00Z"),
    ("2026-03-04T10:00:00+0100", "2026-03-04T09:00:00Z"),
    ("2026-03-04T09:00:00", "2026-03-04T09:00:00Z"),
    ("2026-03-04 09:00:00", "2026-03-04T09:00:00Z"),
    ("2026-03-04 09:00", "2026-03-04T09:00:00Z"),
    ("2026-03-04T09:00", "2026-03-04T09:00:00Z"),
    ("2026-03-04", "2026-03-04T00:00:00Z"),
    ("20260304T090000Z", "2026-03-04T09:00:00Z"),
    ("2026/03/04 09:00:00", "2026-03-04T09:00:00Z"),
    ("2026-03", "2026-03-01T00:00:00Z"),
    ("March 4, 2026", "2026-03-04T00:00:00Z"),
    ("March 4, 2026 9:00 AM", "2026-03-04T09:00:00Z"),
    ("Mar 4, 2026 4:00:00 AM EST", "2026-03-04T09:00:00Z"),
    ("Wednesday, March 4th, 2026 at 9:00 PM", "2026-03-04T21:00:00Z"),
    ("4 March 2026", "2026-03-04T00:00:00Z"),
    ("04-Mar-2026 09:00", "2026-03-04T09:00:00Z"),
    ("Wed Mar  4 09:00:00 2026", "2026-03-04T09:00:00Z"),
    ("04.03.2026", "2026-03-04T00:00:00Z"),
    ("25/12/2026", "2026-12-25T00:00:00Z"),
    ("12/25/2026", "2026-12-25T00:00:00Z"),
    ("mer., 04 mars 2026 10:00:00 +0100", "2026-03-04T09:00:00Z"),
    ("Mi, 04 Mär 2026 10:00:00 +0100", "2026-03-04T09:00:00Z"),
    ("4 de marzo de 2026", "2026-03-04T00:00:00Z"),
    ("4 Mawrth 2026", "2026-03-04T00:00:00Z"),
    ("  Wed, 04 Mar 2026 09:00:00 GMT  ", "2026-03-04T09:00:00Z"),
    ("Wed, 04 Mar 2026 24:00:00 GMT", "2026-03-05T00:00:00Z"),
]
for chunk in range(0, len(DATE_FORMS), 10):
    forms = DATE_FORMS[chunk:chunk + 10]
    items, exp = [], []
    for raw, want in forms:
        t_, x_ = topic()
        n = len(exp)
        items.append(f"<item><title>{esc(t_)}</title><link>https://{X}/d{chunk + n}</link><description>{esc(x_)}</description>"
                     f"<pubDate>{esc(raw)}</pubDate></item>")
        exp.append(item(title=t_, text=x_, link=f"https://{X}/d{chunk + n}", date=want))
    feed(f"broken_dates_rss_{chunk // 10 + 1}.xml", rss2(items, site=X), exp)
entries, exp = [], []
for i, (raw, want) in enumerate(DATE_FORMS[20:40]):
    t_, x_ = topic()
    entries.append(f"<entry><id>tag:{X},d{i}</id><title>{esc(t_)}</title><link href=\"https://{X}/ad{i}\"/>"
                   f"<updated>{esc(raw)}</updated><content>{esc(x_)}</content></entry>")
    exp.append(item(title=t_, text=x_, link=f"https://{X}/ad{i}", date=want))
feed("broken_dates_atom.atom", atom10(entries, site=X), exp)
items, exp = [], []
for i, (raw, want) in enumerate(DATE_FORMS[:12]):
    x, e, _ = rdf_item(X, 860 + i, date=False, extra=f"<dc:date>{esc(raw)}</dc:date>")
    e["date"] = want
    items.append(x)
    exp.append(e)
feed("broken_dates_rdf_dc_date.rdf", rdf_feed(items, site=X), exp)
its, exp = [], []
for i, (raw, want) in enumerate(DATE_FORMS[:10]):
    x, e, _ = j_item(880 + i, date_published=raw)
    e["date"] = want
    its.append(x)
    exp.append(e)
feed("broken_dates_json.json", jf(V11, its), exp)
# Dates that cannot be read (or could be read two ways) are not guessed: the item takes the
# feed's date and a note says so.
items, exp = [], []
for i, raw in enumerate(["yesterday", "03/04/2026", "0000-00-00 00:00:00", "Wed, 32 Mar 2026 09:00:00 GMT", "soon", ""]):
    t_, x_ = topic()
    items.append(f"<item><title>{esc(t_)}</title><link>https://{X}/bad{i}</link><description>{esc(x_)}</description>"
                 f"<pubDate>{raw}</pubDate></item>")
    exp.append(item(title=t_, text=x_, link=f"https://{X}/bad{i}"))
feed("broken_dates_unreadable.xml", rss2(items, site=X, channel_date=CH_DATE), exp, feed_date=CH_DATE_ISO,
     note="could not be read")
t_, x_ = topic()
feed("broken_date_bad_then_good.xml", rss2([
    f"<item><title>{esc(t_)}</title><link>https://{X}/bg</link><description>{esc(x_)}</description>"
    f"<pubDate>not a date</pubDate><dc:date>2026-03-17T08:00:00Z</dc:date></item>"], site=X, ns=("dc",)),
    [item(title=t_, text=x_, link=f"https://{X}/bg", date="2026-03-17T08:00:00Z")])

# Upper-case names, whitespace before the declaration, stray markup
items, exp = [], []
for i in range(3):
    x, e, (t_, x_, link, t) = std_item(X, i=870 + i)
    items.append(x)
    exp.append(e)
upper = (rss2(items, site=X, self_link=False).replace("<rss", "<RSS").replace("</rss>", "</RSS>")
         .replace("channel>", "CHANNEL>").replace("<item>", "<ITEM>").replace("</item>", "</ITEM>")
         .replace("title>", "TITLE>").replace("<link>", "<LINK>").replace("</link>", "</LINK>")
         .replace("description>", "DESCRIPTION>").replace("pubDate>", "PUBDATE>").replace("guid>", "GUID>")
         .replace("language>", "LANGUAGE>"))
feed("broken_upper_case_names.xml", upper, exp, note="capitals")
x, e, _ = std_item(X)
feed("broken_mixed_case_names.xml", rss2([x.replace("<title>", "<Title>").replace("</title>", "</Title>")
                                           .replace("<pubDate>", "<PubDate>").replace("</pubDate>", "</PubDate>")], site=X), [e])
x, e, _ = std_item(X)
feed("broken_whitespace_before_declaration.xml", "\n\n   \t" + rss2([x], site=X), [e])
x, e, _ = std_item(X)
feed("broken_bom_and_whitespace_before_declaration.xml", b"\xef\xbb\xbf  \n" + rss2([x], site=X).encode(), [e])
x, e, _ = std_item(X)
feed("broken_html_comment_before_root.xml", "<!-- generated by hand -->\n" + rss2([x], site=X, decl=False), [e])
x, e, _ = std_item(X)
feed("broken_control_characters.xml", rss2([x.replace("</title>", "\x0b\x01</title>")], site=X), [e],
     note="control characters")
x, e, _ = std_item(X)
feed("broken_nul_bytes.xml", rss2([x.replace("<description>", "<description>\x00")], site=X), [e], note="control characters")
x, e, (t_, x_, link, t) = std_item(X)
feed("broken_unclosed_html_in_description.xml", rss2([x.replace(f"<description>{esc(x_)}",
                                                                  f"<description>&lt;p&gt;&lt;b&gt;{esc(x_)}")], site=X), [e])
x, e, _ = std_item(X)
feed("broken_second_root_after_feed.xml", rss2([x], site=X) + "<rss><channel><item><title>lost</title></item></channel></rss>\n",
     [e], reason="the file holds 2 items but only 1 could be read")
x, e, _ = std_item(X)
feed("broken_doctype_internal_subset.xml", rss2([x], site=X).replace("<rss", '<!DOCTYPE rss [<!ENTITY who "the council">]>\n<rss', 1),
     [e])
t_, x_ = topic()
feed("broken_billion_laughs_declared.xml",
     '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
     '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
     f"<rss version=\"2.0\"><channel><title>Laughs</title><link>https://{X}/</link><item><title>{esc(t_)}</title>"
     f"<link>https://{X}/laughs</link><description>{esc(x_)} &c;</description></item></channel></rss>\n",
     [item(title=t_, link=f"https://{X}/laughs")])
x, e, _ = std_item(X)
feed("broken_deep_nesting_in_description.xml",
     rss2([x.replace("</description>", "</description><extra>" + "<x>" * 400 + "deep" + "</x>" * 400 + "</extra>")], site=X), [e])
x, e, _ = std_item(X)
feed("broken_crlf_line_endings.xml", rss2([x], site=X).replace("\n", "\r\n"), [e])
x, e, (t_, x_, link, t) = std_item(X)
feed("broken_tabs_and_newlines_in_title.xml", rss2([x.replace(f"<title>{esc(t_)}</title>",
                                                               f"<title>\n\t{esc(t_)}\n\t</title>")], site=X), [e])
t_, x_ = topic()
feed("broken_item_with_html_page_link.xml", rss2([
    f"<item><title>{esc(t_)}</title><link>https://{X}/page.html#section-2</link><description>{esc(x_)}</description></item>"], site=X),
    [item(title=t_, text=x_, link=f"https://{X}/page.html#section-2")])

# Not feeds: each is named with its reason.
feed("notfeed_html_page.xml", "<!DOCTYPE html>\n<html><head><title>Kerrow</title></head><body><p>Welcome</p></body></html>\n",
     expect="rejected", reason="this is a web page (HTML), not a feed")
feed("notfeed_empty.xml", b"", expect="rejected", reason="the file is empty")
feed("notfeed_whitespace.xml", "   \n\n", expect="rejected", reason="the file is empty")
feed("notfeed_plain_text.xml", "Kerrow Council news: nothing to see here.\n", expect="rejected",
     reason="this is plain text, not RSS, Atom or JSON Feed")
feed("notfeed_sitemap.xml", '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                            "<url><loc>https://kerrow.example.org/</loc></url></urlset>\n",
     expect="rejected", reason="the XML's root element is <urlset>")
feed("notfeed_opml_named_xml.xml", '<?xml version="1.0"?>\n<opml version="2.0"><head><title>List</title></head><body>'
                                   '<outline text="x" xmlUrl="https://kerrow.example.org/rss"/></body></opml>\n',
     expect="rejected", reason="the XML's root element is <opml>")
feed("notfeed_gzip.xml", bytes([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]) + b"\x00" * 20, expect="rejected",
     reason="compressed (gzip) data")
feed("notfeed_png.xml", b"\x89PNG\r\n\x1a\n" + bytes(range(64)), expect="rejected", reason="an image (PNG)")
feed("notfeed_json_array.json", '[{"title": "not a feed"}]', expect="rejected", reason="this JSON is not a JSON Feed")
feed("notfeed_rss_without_channel.xml", '<?xml version="1.0"?>\n<rss version="2.0"><item><title>x</title></item></rss>\n',
     expect="rejected", reason="the <rss> element holds no <channel>")
feed("notfeed_mismatched_tags.xml", '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Bad</title>'
                                    "<item><title>one <b>two</title></b></item></channel></rss>\n",
     expect="rejected", reason="the XML is broken")
feed("notfeed_soap_fault.xml", '<?xml version="1.0"?>\n<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
                               "<soap:Body><soap:Fault><faultstring>Server error</faultstring></soap:Fault></soap:Body></soap:Envelope>\n",
     expect="rejected", reason="the XML's root element is <soap:Envelope>")


# ------------------------------------------------------------------------------ write

def main():
    with open(MANIFEST, "w", encoding="utf-8") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in ENTRIES))
        f.write("\n]\n")
    print(f"{len(ENTRIES)} feeds in {OUT}")


if __name__ == "__main__":
    main()
