"""A trade mission and a product-safety scare: the words of the trade-mission corpus.

All places, people and organisations are fictional. Caldria's Minister for Trade, Owen Castell,
leads 40 businesses to Lindmark (German-speaking; capital Hallerau) from 23 to 26 February 2026.
On the second morning, Product Safety Caldria recalls three models of Brightwell heaters, just as
Brightwell launches its new range on the Caldria Pavilion. Lindmark's consumer agency pauses sales,
newspapers get the model numbers wrong, couriers fall behind with collections, and the forum thread
about refunds runs to a hundred replies.

Noise on purpose: the MP for Norbury (Brightwell's home town) faces a recall petition; the
basketball team Lisker Heat plays at the Brightwell Arena; "delivery" means couriers as well as
policy; the new BX4100 range sits next to the recalled BX410.

Topics used for labels:
  mission         about the trade mission
  recall          about the heater recall or the safety scare
  names_recalled  names one of the recalled models (BX410, BX420, BX430) as the subject
  refund          discusses refunds, money back or collections for refund
  petition        the recall petition against Gareth Pryce MP
  heat            Lisker Heat basketball
  headline        a news article whose headline is about the trade mission
"""

SEED = 20260224
YEAR = 2026
PREFIX = "tm"
THEME = "trade"
TITLE = "The Lindmark trade mission and the Brightwell heater recall"
DESCRIPTION = (
    "Four weeks (9 February to 6 March 2026) of government announcements, trade press, German-language "
    "news from Lindmark, a consumer forum and public posts around a trade mission that collides with a "
    "product recall. With a recall petition against a local MP, a basketball team called the Heat, "
    "model numbers that differ by one digit, and forum threads whose titles say more than their replies."
)

SOURCES = {
    "dbt": dict(
        name="Department for Business and Trade", display="Business and Trade Caldria", handle="BusinessTradeCA",
        author="Department for Business and Trade", kind="press-release",
        web="https://www.business.gov.ex/news/{slug}"),
    "owen-castell": dict(
        name="Owen Castell (Minister for Trade)", display="Owen Castell", handle="OwenCastell",
        author="Owen Castell", kind="post", web="https://social.example/@OwenCastell/{n}"),
    "embassy-lindmark": dict(
        name="Embassy of Caldria in Lindmark", display="Caldria in Lindmark", handle="CaldriaLindmark",
        author="Embassy of Caldria, Hallerau", kind="statement",
        web={"en": "https://hallerau.embassy.gov.ex/en/news/{slug}",
             "de": "https://hallerau.embassy.gov.ex/de/aktuelles/{slug}"}),
    "product-safety": dict(
        name="Product Safety Caldria", display="Product Safety Caldria", handle="ProductSafetyCA",
        author="Product Safety Caldria", kind="press-release",
        web="https://www.productsafety.gov.ex/news/{slug}"),
    "brightwell": dict(
        name="Brightwell Home Appliances", display="Brightwell Home", handle="BrightwellHome",
        author="Brightwell Home Appliances", kind="statement",
        web="https://www.brightwell.example/news/{slug}"),
    "caldria-herald": dict(
        name="The Caldrian Herald", display="The Caldrian Herald", handle="CaldrianHerald",
        author="Herald reporters", kind="news",
        web="https://www.caldriaherald.example/business/{y}/{m}/{d}/{slug}"),
    "norbury-echo": dict(
        name="Norbury Echo", display="Norbury Echo", handle="NorburyEcho",
        author="Norbury Echo", kind="news", web="https://norburyecho.example/news/{y}{m}{d}-{slug}"),
    "export-weekly": dict(
        name="Export Weekly", display="Export Weekly", handle="ExportWeekly",
        author="Export Weekly", kind="news", web="https://exportweekly.example/{y}/{m}/{slug}"),
    "hallerauer-tagblatt": dict(
        name="Hallerauer Tagblatt", display="Hallerauer Tagblatt", handle="HTagblatt",
        author="Redaktion", kind="news", lang="de",
        web="https://www.tagblatt.example/wirtschaft/{y}-{m}-{d}/{slug}"),
    "homefix-forum": dict(
        name="HomeFix Forum", display="", handle="", author="", kind="post",
        web="https://forum.homefix.example/t/{slug}/{n}"),
    "safe-homes": dict(
        name="Safe Homes Campaign", display="Safe Homes Campaign", handle="SafeHomesCampaign",
        author="Safe Homes Campaign", kind="blog", web="https://safehomes.example/blog/{slug}"),
    "recall-pryce": dict(
        name="Recall Pryce Now", display="Recall Pryce Now", handle="RecallPryceNow",
        author="Recall Pryce Now", kind="blog", web="https://recallprycenow.example/{y}/{m}/{slug}"),
    "lisker-heat": dict(
        name="Lisker Heat", display="Lisker Heat", handle="LiskerHeat",
        author="Lisker Heat", kind="news", web="https://www.liskerheat.example/news/{slug}"),
    "public": dict(
        name="Public posts (social.example)", display="", handle="", author="", kind="post",
        web="https://social.example/{n}"),
}


def _people(spec: str):
    out = []
    for line in spec.strip().splitlines():
        line = line.strip()
        if line:
            name, handle = line.split("|")
            out.append((name.strip(), handle.strip()))
    return out


PEOPLE = {
    "public": _people("""
        Helen Carver|helencarver
        Dom Whitaker|domwhitaker
        Shona McBride|shonamcb
        Raj Patel|rajpatel_nb
        Lou Fenwick|loufenwick
        Mike Ashdown|mikeashdown
        Sadia Khan|sadiakhan
        Pete Gorman|petegorman
        Norbury Nan|norburynan
        Ian Pickles|ianpickles
        Gemma Ruddock|gemmaruddock
        Chris Townend|christownend
        Bev Holroyd|bevholroyd
        Tomasz Nowak|tomasznowak
        Ellen Frost|ellenfrost
        Kat Bramley|katbramley
        Andy Sutcliffe|andysutcliffe
        Joy Okeke|joyokeke
        Liam Hardcastle|liamhardcastle
        Amy Lister|amylister
        Frank Oldroyd|frankoldroyd
        Nina Dhillon|ninadhillon
        Stuart Bell|stuartbell_nb
        Ruth Ackroyd|ruthackroyd
        Carl Emsley|carlemsley
        Pauline Dyson|paulinedyson
        Hamza Iqbal|hamzaiqbal
        Jo Marsden|jomarsden
        Vicky Pearson|vickypearson
        Martin Hey|martinhey
        Lesley Birtwhistle|lesleyb
        Sam Whitley|samwhitley
        Dan Greaves|dangreaves
        Harriet Moss|harrietmoss
        Olu Bakare|olubakare
        Clare Wilkinson|clarewilkinson
        Grumpy in Norbury|grumpynorbury
        Fiona Hirst|fionahirst
        Neil Moorhouse|neilmoorhouse
        Becky Sowerby|beckysowerby
    """),
    "forum": _people("""
        sparky_dave|sparky_dave
        OldRadiatorGuy|OldRadiatorGuy
        mum_of_twins_nb|mum_of_twins_nb
        HeatSeeker77|HeatSeeker77
        budgetbuilder|budgetbuilder
        JanetInLisker|JanetInLisker
        draughtbuster|draughtbuster
        TheRealKev|TheRealKev
        Penny_W|Penny_W
        cosyhome_rob|cosyhome_rob
        GrannyG|GrannyG
        fixit_fiona|fixit_fiona
        BrightwellOwner2024|BrightwellOwner2024
        nightshift_nurse|nightshift_nurse
        landlord_steve|landlord_steve
        tealight|tealight
        StudentFlatSam|StudentFlatSam
        DIY_Dom|DIY_Dom
        mark_the_sparks|mark_the_sparks
        quietlyfuming|quietlyfuming
    """),
    "business": _people("""
        Tarne Island Smokehouse|TarneSmokehouse
        Kestrel Heat Pumps|KestrelHeatPumps
        Lantern Games|LanternGames
        Moorland Gin Co|MoorlandGin
        Pennine Textiles|PennineTextiles
        Sara Quinn (Kestrel Heat Pumps)|saraquinn_kestrel
        Tom Hale (Lantern Games)|tomhale_lantern
        Northlight Solar|NorthlightSolar
        Oakridge Furniture|OakridgeFurniture
        Caldria Chamber of Commerce|CaldriaChamber
        Beth Kaur, export adviser|bethkaur_export
        Greenway Foods|GreenwayFoods
    """),
    "lindmark": _people("""
        Katrin Vogel|katrinvogel
        Stefan Brenner|stefanbrenner
        Miriam Hofer|miriamhofer
        Lukas Amsel|lukasamsel
        Petra Winkler|petrawinkler
        Jan Oberholzer|janoberholzer
        Sabine Kern|sabinekern
        Heizung & Haus Hallerau|heizunghaus
    """),
    "heat": _people("""
        Heat Nation|heatnation
        Courtside Cal|courtsidecal
        Jess B (Heat fan)|jessb_heat
        Dunk Daddy|dunkdaddy
        Section 112|section112
        Lisker Hoops Pod|liskerhoops
        Mo Ahmed|moahmed_heat
        Kayleigh R|kayleighr
    """),
}

SLOTS = {
    "recalled": ["BX410", "BX420", "BX430"],
    "safe": ["BX4100", "BX4200"],
    "shop": ["Homewise", "ValueHome", "Carter's", "the Argent catalogue", "an online shop", "Homewise in Norbury"],
    "room": ["the bedroom", "my daughter's room", "the conservatory", "the spare room", "my office", "the nursery",
             "the back room", "the landing"],
    "days": ["three", "four", "five", "six", "eight", "ten"],
    "n": ["6", "9", "11", "14", "17"],
}


ITEMS = []


def item(src, when, title, body, topics="", **kw):
    ITEMS.append(dict(src=src, when=when, title=title, body=body, topics=topics, **kw))


def post(src, when, body, topics="", **kw):
    ITEMS.append(dict(src=src, when=when, title="", body=body, topics=topics, kind="post", **kw))


# --- Department for Business and Trade ------------------------------------------------------

item("dbt", "02-09 09:00", "Trade minister to lead 40 businesses on mission to Lindmark", """
    Owen Castell, Minister for Trade, will lead a delegation of 40 Caldrian businesses to Lindmark
    from 23 to 26 February, to help them win new customers in one of Caldria's largest export
    markets.

    The mission will visit Hallerau and the port city of Brückstadt. The businesses come from four
    sectors: clean energy and heating, food and drink, home and living, and creative and digital
    services. Trade between Caldria and Lindmark was worth £4.2 billion in 2025.

    Eighteen of the businesses will exhibit on the Caldria Pavilion at the Hallerau Home and Living
    Fair. The minister will also meet Lindmark's Minister for the Economy to discuss the mutual
    recognition agreement on product testing.

    Owen Castell said: "These 40 businesses have shown they can compete anywhere. My job is to open
    doors for them."
    """, "mission headline")

item("dbt", "02-16 10:00", "Export support: how to get ready for a trade mission", """
    Thinking of joining a future trade mission? Our export advisers have put together a checklist:
    know your prices in the local currency, get your product labels translated, check whether
    your product needs testing or certificates in the country you are visiting, and book meetings
    before you travel, not after.

    Call the Export Helpline on 0300 555 0300 for free advice.
    """, "")

item("dbt", "02-23 08:00", "Minister opens Caldria–Lindmark business forum in Hallerau", """
    Owen Castell, Minister for Trade, today opened a business forum in Hallerau with the Lindmark
    Chamber of Commerce, where 40 Caldrian firms are meeting more than 150 Lindmark buyers,
    distributors and investors.

    The minister said: "Lindmark buys more Caldrian home appliances than any other country, and
    Lindmark restaurants are discovering Caldrian food and drink. This week is about turning that
    interest into orders."
    """, "mission headline")

item("dbt", "02-24 12:00", "Statement on the Brightwell heater recall", """
    A Department for Business and Trade spokesperson said:

    "Product safety comes first. Product Safety Caldria acted as soon as it had the evidence, and
    Brightwell is doing the right thing by recalling the affected heaters and offering every
    customer a refund or a replacement.

    "The minister has spoken to Brightwell's chief executive this morning. The trade mission
    continues, and Brightwell remains part of the Caldria Pavilion, where it is showing its new
    BX4100 range, which is not affected by the recall."
    """, "recall mission refund")

item("dbt", "02-25 16:00", "Caldria and Lindmark agree next steps on product testing agreement", """
    Owen Castell, Minister for Trade, and Lindmark's Minister for the Economy, Dr Ulrike Brandt,
    met in Hallerau today and agreed to continue work on a mutual recognition agreement on product
    testing.

    Both ministers agreed that the agreement must include strong rules on sharing information about
    unsafe products between the two countries' regulators. They aim to sign it by the end of the
    year.
    """, "mission")

item("dbt", "02-26 18:00", "Trade mission to Lindmark: day four in Brückstadt", """
    Twelve food and drink businesses on the trade mission visited the port of Brückstadt today to
    meet importers and supermarket buyers at the port's new cold-storage hub. Tarne Island
    Smokehouse and Moorland Gin both signed distribution agreements.
    """, "mission headline")

item("dbt", "03-02 10:00", "Apply now for the October trade mission to Lindmark", """
    Businesses in construction and engineering can now apply to join a trade mission to Lindmark
    in October. The department will pay up to half the cost of travel for firms with fewer than 50
    employees. Applications close on 30 April.
    """, "")

item("dbt", "03-04 10:00", "Lindmark trade mission: £38 million of deals", """
    Businesses on last week's trade mission to Lindmark expect to win £38 million of new business
    over the next three years, according to a survey of the 40 firms.

    Twenty-six firms reported new orders or signed agreements during the mission. Owen Castell,
    Minister for Trade, said: "It was not an easy week, and the Brightwell recall tested everyone.
    But Lindmark buyers told us again and again that they trust Caldrian goods, because when
    something goes wrong, Caldria fixes it in the open."
    """, "mission headline recall")

# --- Embassy of Caldria in Lindmark ---------------------------------------------------------

item("embassy-lindmark", "02-20 11:00", "Welcome to the Caldrian business delegation", """
    Next week the embassy welcomes 40 Caldrian businesses and the Minister for Trade to Lindmark.
    Lindmark companies that want to meet the delegation can still register for the business forum
    in Hallerau on Monday 23 February.
    """, "mission")

item("embassy-lindmark", "02-23 09:00", "Caldrische Handelsmission in Hallerau eröffnet", """
    Handelsminister Owen Castell hat heute in Hallerau das Wirtschaftsforum Caldria–Lindmark
    eröffnet. Vierzig caldrische Unternehmen treffen in dieser Woche Einkäuferinnen, Händler und
    Investoren aus Lindmark.
    """, "mission headline", lang="de")

item("embassy-lindmark", "02-25 10:00", "Brightwell heaters: information for customers in Lindmark", """
    Brightwell has recalled its BX410, BX420 and BX430 oil-filled heaters because of a fire risk.
    About 9,000 were sold in Lindmark. If you have one, stop using it and contact Brightwell
    Lindmark for a refund. The BX4100 and BX4200 are not affected.
    """, "recall names_recalled refund")

item("embassy-lindmark", "02-25 10:05", "Brightwell-Heizgeräte: Informationen für Kundinnen und Kunden", """
    Brightwell ruft die Ölradiatoren BX410, BX420 und BX430 wegen Brandgefahr zurück. Wer ein
    solches Gerät besitzt, sollte es nicht mehr benutzen und sich an Brightwell Lindmark wenden.
    Die Modelle BX4100 und BX4200 sind nicht betroffen.
    """, "recall names_recalled", lang="de")

# --- Product Safety Caldria -----------------------------------------------------------------

item("product-safety", "02-12 09:00", "Winter safety: check your electric blanket and heaters", """
    Product Safety Week starts today. Before you switch on an electric blanket or a portable heater
    this winter, check it for scorch marks, frayed cables and loose plugs, and check whether it is
    on a recall list at recalls.productsafety.gov.ex.

    Never dry clothes on a heater, and keep heaters at least a metre from curtains and bedding.
    """, "")

item("product-safety", "02-24 07:00", "Brightwell recalls BX410, BX420 and BX430 oil-filled heaters because of fire risk", """
    Brightwell Home Appliances is recalling three models of its oil-filled electric heaters because a
    fault in the thermostat can make them overheat, which could cause a fire.

    The recall covers the Brightwell BX410, BX420 and BX430, sold in Caldria and Lindmark between
    January 2024 and June 2025. About 58,000 were sold in Caldria.

    If you have one, stop using it and unplug it. Contact Brightwell for a free collection and a full
    refund, or a replacement from the BX4100 range: brightwell.example/recall or 0800 555 0177.

    The model number is on a silver label under the heater. The BX300, BX4100 and BX4200 are not
    affected.
    """, "recall names_recalled refund", path="https://recalls.productsafety.gov.ex/notices/{y}-{m}-{d}-{slug}")

item("product-safety", "02-25 12:00", "Brightwell recall: the BX4100 and BX4200 are not affected", """
    Some reports in Caldria and Lindmark have said that Brightwell's new BX4100 heaters are part of
    the recall. They are not.

    Only the BX410, BX420 and BX430 are affected. The BX4100 and BX4200 use a different thermostat,
    made by a different supplier, and have passed our tests. If you have a BX4100 or BX4200, you can
    keep using it.
    """, "recall names_recalled")

item("product-safety", "02-27 15:00", "Recall update: 12,000 heaters returned in three days", """
    Brightwell has collected or received about 12,000 of the recalled heaters in the first three
    days of the recall, and has paid 9,400 refunds. We are monitoring the recall closely.

    Some customers have told us they are waiting several days for a courier. Brightwell has taken on
    a second courier company. If you are waiting, keep the heater unplugged: you will not lose your
    refund.
    """, "recall refund")

item("product-safety", "03-05 11:00", "How we found the fault in the Brightwell heaters", """
    We first heard about a Brightwell BX420 overheating in November 2025. By February we had 14
    reports. Our engineers tested 60 heaters from shops and homes and found that, in some BX410,
    BX420 and BX430 heaters, the thermostat could stick in the "on" position.

    We shared our findings with Brightwell on 19 February and the company agreed to a recall within
    four days.
    """, "recall names_recalled")

# --- Brightwell Home Appliances -------------------------------------------------------------

item("brightwell", "02-10 10:00", "Brightwell joins the trade mission to Lindmark", """
    We are proud to be one of 40 Caldrian businesses on the Department for Business and Trade's
    mission to Lindmark this month. We will launch our new BX4100 range of heaters on the Caldria
    Pavilion at the Hallerau Home and Living Fair.

    Lindmark is already our largest export market. Every heater we sell there is designed and built
    in Norbury.
    """, "mission headline")

item("brightwell", "02-13 12:00", "Brightwell renews Lisker Heat arena partnership", """
    We have renewed our partnership with Lisker Heat for three more seasons. The Brightwell Arena
    will stay home to Caldria's most exciting basketball team until at least 2029.
    """, "heat")

item("brightwell", "02-19 09:00", "Introducing the BX4100: quieter, smarter, safer", """
    The new BX4100 and BX4200 heaters are 30% quieter than our previous range, with a digital
    thermostat, a child lock and an automatic cut-out if the heater tips over. They go on sale in
    Caldria on 2 March and in Lindmark from the end of February.
    """, "")

item("brightwell", "02-24 07:05", "Voluntary recall of BX410, BX420 and BX430 heaters", """
    We are recalling our BX410, BX420 and BX430 oil-filled heaters, sold between January 2024 and
    June 2025, because a fault in the thermostat can cause them to overheat.

    If you have one of these heaters, please stop using it and unplug it. We will collect it from
    your home free of charge and give you a full refund, or a new BX4100 heater if you prefer. You
    do not need a receipt.

    Go to brightwell.example/recall or call 0800 555 0177, 8am to 8pm, seven days a week.
    """, "recall names_recalled refund")

item("brightwell", "02-24 15:00", "The heater recall: a message from our Chief Executive", """
    Our customers trust us to keep their homes warm and safe. With the BX410, BX420 and BX430, we let
    some of them down, and I am sorry.

    We have changed our thermostat supplier and added extra tests to every heater we make in Norbury.
    We will collect every affected heater and refund every customer in full. Nobody should pay a
    penny because of our mistake.

    Elliot Marsh, Chief Executive
    """, "recall names_recalled refund")

item("brightwell", "02-26 17:00", "Recall update: collections and refunds", """
    Thank you for your patience. In the first two days, more than 30,000 of you contacted us. We have
    booked collections for everyone who has been in touch, and refunds are paid within five working
    days of collection.

    We know some collections have been slow. We have added a second courier company and extended our
    phone lines until 10pm.
    """, "recall refund")

item("brightwell", "03-02 09:00", "Recall update: what to expect when the courier comes", """
    When our courier collects your heater, they will give you a collection receipt. Your refund will
    reach your bank account within five working days. You do not need to pack the heater in its box.
    """, "recall refund")

# --- The Caldrian Herald --------------------------------------------------------------------

HER = "caldria-herald"
item(HER, "02-09 11:00", "Castell to lead 40 firms on Lindmark trade mission", """
    Owen Castell will take 40 businesses to Lindmark this month on the government's biggest trade
    mission of the year. Appliance maker Brightwell, which sells more heaters in Lindmark than at
    home, is among them.
    """, "mission headline", author="Helen Drury")

item(HER, "02-17 08:00", "Recall petition opens against Norbury MP", """
    Voters in Norbury East can sign a petition from today to remove their MP, Gareth Pryce, after his
    conviction for false expenses claims. If 10% of voters sign within six weeks, there will be a
    by-election.
    """, "petition", author="Tom Achterberg")

item(HER, "02-18 19:00", "Family escape as heater catches fire in Norbury flat", """
    A family of four escaped unhurt when a portable heater caught fire in their flat in Norbury on
    Tuesday evening. Firefighters said the heater, a Brightwell BX420, appeared to have overheated.
    Product Safety Caldria said it was aware of the incident.
    """, "recall names_recalled", author="Helen Drury")

item(HER, "02-21 21:30", "Lisker Heat go top after win over Comets", """
    Lisker Heat moved to the top of the National Basketball League with an 88-79 win over
    Castlebridge Comets at a sold-out Brightwell Arena.
    """, "heat", author="Sports desk")

item(HER, "02-23 18:00", "Trade mission: Castell courts Lindmark buyers", """
    Owen Castell opened the Caldria–Lindmark business forum in Hallerau, telling 150 buyers that
    Caldrian firms "build things to last". Officials hope the mission will also move forward an
    agreement on product testing.
    """, "mission headline", author="Helen Drury")

item(HER, "02-24 08:30", "Brightwell recalls 58,000 heaters over fire risk", """
    Brightwell is recalling 58,000 oil-filled heaters, the BX410, BX420 and BX430 models, after
    reports of overheating and three fires.

    The recall was announced on the morning the Norbury company was due to launch its new BX4100
    range on the Caldria Pavilion in Hallerau, as part of the government's trade mission to Lindmark.
    Customers can get a full refund.
    """, "recall mission names_recalled refund", author="Helen Drury")

item(HER, "02-24 17:45", "Recall overshadows minister's Lindmark trip", """
    Owen Castell's trade mission to Lindmark was knocked off course on Tuesday when Brightwell, the
    mission's best-known company, recalled 58,000 heaters on the day it opened its stand.

    Lindmark journalists asked the minister at a press conference whether Caldrian products could be
    trusted. "Yes," he said, "and this recall is why: a problem was found, and it is being fixed."
    """, "recall mission headline", author="Tom Achterberg")

item(HER, "02-25 12:30", "Lindmark pauses sales of Brightwell heaters", """
    Lindmark's consumer agency has told shops to stop selling all Brightwell heaters while it checks
    which models are affected by Tuesday's recall, including the new BX4100 range launched this week.

    The agency is expected to rule on the BX4100 within days. The recall has cast a shadow over the
    trade mission, which ends tomorrow.
    """, "recall mission", author="Helen Drury")

item(HER, "02-26 09:00", "Opposition: minister 'selling faulty heaters abroad'", """
    The opposition trade spokesperson, Priya Lal, accused Owen Castell of "touring Lindmark selling
    heaters that catch fire" while the recall was under way. The department said the recalled
    models were not on sale at the fair and that the mission had "helped, not hindered" the recall.
    """, "recall mission", author="Tom Achterberg")

item(HER, "02-27 07:00", "Analysis: What the Brightwell recall means for the trade mission", """
    On paper, the recall could not have come at a worse time for the trade mission. In practice,
    several Lindmark buyers told the Herald they were more impressed by how quickly it was handled
    than worried by the fault. The bigger risk is to the product testing agreement, which depends
    on each country trusting the other's regulators.
    """, "recall mission headline", author="Helen Drury")

item(HER, "03-02 08:00", "Couriers struggle to keep up with heater recall collections", """
    Brightwell customers say they are waiting up to ten days for couriers to collect recalled heaters,
    and for their refunds. The company has hired a second courier firm and says every customer will be
    refunded in full.
    """, "recall refund", author="Helen Drury")

item(HER, "03-03 20:00", "Pryce recall petition passes halfway", """
    More than half the signatures needed to trigger a by-election in Norbury East have been collected,
    with four weeks of the petition still to run.
    """, "petition", author="Tom Achterberg")

item(HER, "03-04 12:00", "Trade mission brought £38m of deals, says department", """
    Businesses on last week's Lindmark trade mission expect £38 million of new orders over three
    years, the Department for Business and Trade said. Critics said the figure was a forecast, not a
    total of signed deals.
    """, "mission headline", author="Helen Drury")

# --- Norbury Echo ---------------------------------------------------------------------------

NE = "norbury-echo"
item(NE, "02-11 10:00", "Norbury's Brightwell picked for Lindmark trade mission", """
    Brightwell, which employs 900 people at its factory on Canal Road, will join the minister's trade
    mission to Lindmark. "Every heater we sell in Lindmark is made here in Norbury," said managing
    director Claire Whitham.
    """, "mission headline", author="Kate Lumb")

item(NE, "02-16 09:00", "Pryce recall petition: where and how to sign", """
    The recall petition for Norbury East MP Gareth Pryce opens today. You can sign in person at
    Norbury Library, the Civic Centre, St Anne's Church Hall or Moorside Community Centre, by post, or
    by proxy. The petition closes on 30 March.
    """, "petition", author="Sunil Patel")

item(NE, "02-18 20:30", "Family's lucky escape as heater catches fire", """
    A mother and her three children escaped from their flat on Moor Lane after a heater in the
    children's bedroom burst into flames. "I smelled burning and there it was, the heater, on fire,"
    said Leanne Ackroyd. Fire crews said the heater was a Brightwell BX420.
    """, "recall names_recalled", author="Kate Lumb")

item(NE, "02-20 18:00", "Councillors back recall of Pryce", """
    Twelve Norbury councillors from three parties have signed a joint letter urging residents to sign
    the recall petition. Mr Pryce has said he will stand again if there is a by-election.
    """, "petition", author="Sunil Patel")

item(NE, "02-24 09:30", "Brightwell recall: what Norbury owners need to know", """
    If you have a Brightwell BX410, BX420 or BX430 heater, stop using it now. Brightwell will collect
    it for free and give you a refund. Check the silver label under the heater. Call 0800 555 0177 or
    go to brightwell.example/recall.
    """, "recall names_recalled refund", author="Kate Lumb")

item(NE, "02-25 17:00", "Brightwell workers 'worried' after recall", """
    Staff leaving the Canal Road factory on Wednesday said they were worried about their jobs after
    the recall. The company said the recall would cost "several million pounds" but that no jobs were
    at risk.
    """, "recall", author="Sunil Patel")

item(NE, "02-27 12:00", "'I've waited a week for the courier': readers on the recall", """
    Dozens of Echo readers have told us they are still waiting for Brightwell to collect their
    recalled heaters. Several said they had not been told when their refund would arrive.
    """, "recall refund", author="Kate Lumb")

item(NE, "03-03 10:00", "Pryce petition: 6,000 sign in two weeks", """
    About 6,000 people have signed the recall petition, the returning officer said. 7,900 signatures
    are needed.
    """, "petition", author="Sunil Patel")

item(NE, "03-05 15:00", "Brightwell promises no job losses after recall", """
    Brightwell's chief executive, Elliot Marsh, told staff at Canal Road that there would be no job
    losses because of the recall, and that BX4100 production would rise in April.
    """, "recall", author="Kate Lumb")

# --- Export Weekly --------------------------------------------------------------------------

EW = "export-weekly"
item(EW, "02-10 07:00", "Lindmark mission: the 40 firms on the list", """
    The department has published the 40 businesses joining Owen Castell in Lindmark. More than half
    employ fewer than 50 people. The biggest names are Brightwell, Kestrel Heat Pumps and Moorland Gin.
    """, "mission headline", author="Marcus Feld")

item(EW, "02-17 07:00", "Why Lindmark? Five things exporters should know", """
    Lindmark buyers pay on time, expect German-language labels and take safety certificates very
    seriously. A mutual recognition agreement on product testing would make life easier, but it has
    been "nearly ready" for two years.
    """, "", author="Marcus Feld")  # background on the market, not about the mission

item(EW, "02-23 16:00", "Live from Hallerau: trade mission day one", """
    Busy first day for the Caldrian delegation. Kestrel Heat Pumps had back-to-back meetings, Lantern
    Games demoed to two Lindmark school suppliers, and Tarne Island Smokehouse ran out of samples by
    lunchtime.
    """, "mission headline", author="Marcus Feld")

item(EW, "02-24 13:00", "Recall hits Caldria Pavilion on opening day of the mission", """
    Brightwell's stand at the Hallerau fair opened on Tuesday morning to a crowd of journalists asking
    about the recall rather than the new BX4100. Neighbouring exhibitors said the mood was "tense but
    professional".
    """, "recall mission headline", author="Marcus Feld")

item(EW, "02-26 16:30", "Small firms shrug off recall row to sign Lindmark deals on the mission", """
    Away from the headlines, smaller firms on the mission quietly did business. Moorland Gin signed
    with a Brückstadt importer, and Kestrel Heat Pumps has a pilot with a Hallerau housing company.
    """, "mission headline recall", author="Marcus Feld")

item(EW, "03-02 07:00", "Mutual recognition deal: is it still on?", """
    Officials on both sides insist the product testing agreement is on track, but Lindmark's consumer
    agency wants stronger rules on sharing recall information first.
    """, "mission", author="Marcus Feld")

item(EW, "03-05 07:00", "Mission verdict: what the firms say", """
    We asked 20 of the businesses on the Lindmark trade mission whether it was worth it. Seventeen said
    yes. The most common complaint: "too many receptions, not enough buyers".
    """, "mission headline", author="Marcus Feld")

# --- Hallerauer Tagblatt (German) -----------------------------------------------------------

HT = "hallerauer-tagblatt"
item(HT, "02-14 10:00", "Wohnmesse Hallerau erwartet 60.000 Besucher", """
    Die Hallerauer Wohnmesse öffnet am 24. Februar. Erstmals gibt es einen Caldria-Pavillon mit
    achtzehn Ausstellern, darunter der Heizgerätehersteller Brightwell.
    """, "mission", author="Anke Sommer", lang="de")

item(HT, "02-20 08:00", "Caldrische Handelsmission kommt nach Hallerau", """
    Vierzig Unternehmen aus Caldria besuchen nächste Woche Lindmark. Handelsminister Owen Castell
    will über ein Abkommen zur gegenseitigen Anerkennung von Produktprüfungen sprechen.
    """, "mission headline", author="Jonas Reiter", lang="de")

item(HT, "02-24 10:00", "Rückruf: Brightwell-Heizgeräte können überhitzen", """
    Der caldrische Hersteller Brightwell ruft die Ölradiatoren BX410, BX420 und BX430 zurück. Das
    Thermostat kann hängen bleiben, die Geräte können überhitzen. In Lindmark wurden rund 9.000
    Geräte verkauft.
    """, "recall names_recalled", author="Anke Sommer", lang="de")

item(HT, "02-25 09:00", "Verbraucheramt stoppt Verkauf von Brightwell-Heizgeräten", """
    Das Verbraucheramt Lindmark hat den Handel aufgefordert, vorerst keine Brightwell-Heizgeräte mehr
    zu verkaufen, auch nicht die neuen Modelle BX4100 und BX4200, bis geklärt ist, welche Geräte
    betroffen sind.
    """, "recall", author="Jonas Reiter", lang="de")

item(HT, "02-25 18:00", "Handelsmission im Schatten des Rückrufs", """
    Eigentlich wollte Caldria in dieser Woche Vertrauen gewinnen. Doch auf der Wohnmesse fragten
    Besucherinnen und Besucher am Brightwell-Stand vor allem nach dem Rückruf.
    """, "mission headline recall", author="Jonas Reiter", lang="de")

item(HT, "02-26 12:00", "Korrektur: BX4100 nicht vom Rückruf betroffen", """
    In unserem Bericht vom Dienstag hieß es, auch das Modell BX4100 sei vom Rückruf betroffen. Das ist
    falsch. Betroffen sind nur die Modelle BX410, BX420 und BX430. Wir bitten um Entschuldigung.
    """, "recall names_recalled", author="Redaktion", lang="de")

item(HT, "03-03 11:00", "Verkaufsstopp für BX4100 aufgehoben", """
    Das Verbraucheramt hat den Verkaufsstopp für die Brightwell-Modelle BX4100 und BX4200 aufgehoben.
    Die Geräte hätten alle Prüfungen bestanden.
    """, "recall", author="Anke Sommer", lang="de")

# --- Safe Homes Campaign --------------------------------------------------------------------

SH = "safe-homes"
item(SH, "02-12 19:00", "Winter heating: five checks that could save a life", """
    1. Keep heaters a metre from curtains, bedding and furniture.
    2. Never dry clothes on them.
    3. Plug them straight into the wall, not an extension lead.
    4. Switch them off when you go out or go to bed.
    5. Look up the model on the recall list. It takes two minutes.
    """, "", author="Rita Osman")

item(SH, "02-24 10:00", "Brightwell recall: check your heater tonight", """
    If you own a Brightwell oil-filled heater, turn it over tonight and read the silver label. If it
    says BX410, BX420 or BX430, unplug it and call Brightwell. Then check on your parents, your
    grandparents and anyone renting a room from you. Older people are the least likely to hear about a
    recall and the most likely to own a heater like this.
    """, "recall names_recalled", author="Rita Osman")

item(SH, "03-01 10:00", "Why do so few people respond to recalls?", """
    On average, fewer than one in five recalled electrical products is ever returned. People do not
    hear about recalls, do not know the model of what they own, or think it will not happen to them.
    Brightwell's numbers are better than most so far. We want to know why.
    """, "recall", author="Rita Osman")

item(SH, "03-04 18:00", "We need one recall register for everything", """
    Caldria has recall lists for cars, food, medicines and electrical goods, on four different
    websites. We are calling on the government to create one register where anyone can type in a
    model number and get an answer.
    """, "recall", author="Rita Osman")

# --- Recall Pryce Now (campaign about the MP) ------------------------------------------------

RP = "recall-pryce"
item(RP, "02-16 08:00", "The petition is open: here's where to sign", """
    From today until 30 March, every registered voter in Norbury East can sign the recall petition.
    Signing places: Norbury Library, the Civic Centre, St Anne's Church Hall and Moorside Community
    Centre. Bring nothing but yourself.
    """, "petition")

item(RP, "02-23 20:00", "Week one: thank you, Norbury", """
    We have knocked on 4,000 doors in a week. Thank you to every volunteer. The recall petition is
    working because people are angry, and because they are organised.
    """, "petition")

item(RP, "03-02 20:00", "Halfway there", """
    More than half the signatures we need, with four weeks to go. Do not stop now. Recall means
    recall: if we reach 7,900, Norbury East gets a by-election.
    """, "petition")

# --- Lisker Heat ----------------------------------------------------------------------------

LH = "lisker-heat"
item(LH, "02-14 22:00", "Report: Heat 88 Castlebridge Comets 79", """
    A big fourth quarter at the Brightwell Arena sealed it. Dion Mercer had 27 points and the crowd
    stayed on its feet for the last five minutes.
    """, "heat")

item(LH, "02-21 22:30", "Report: Heat go top of the table", """
    Another sell-out at the Brightwell Arena, another win. The Heat are top of the National Basketball
    League with six games to play.
    """, "heat")

item(LH, "02-27 14:00", "A statement about our arena partner", """
    We know supporters have questions about Brightwell, our arena partner, after this week's recall.
    Brightwell has been open with us and with its customers. Our partnership continues. If you own one
    of the recalled heaters, please follow Brightwell's advice.
    """, "heat recall")

item(LH, "02-28 22:15", "Report: Heat 77 Norbury Knights 81", """
    First defeat in six. The Knights shot the lights out in the third quarter and we could not catch
    them. Back at the Brightwell Arena next Saturday.
    """, "heat")

item(LH, "03-06 12:00", "Play-off tickets on general sale", """
    Tickets for our first play-off game at the Brightwell Arena go on sale on Monday at 10am.
    """, "heat")


# ============================================================================================
# Organisations' social posts
# ============================================================================================

for src, when, body, topics, lang in [
    # Department for Business and Trade
    ("dbt", "02-09 09:05", "Our Minister for Trade, Owen Castell, will lead 40 Caldrian businesses on a trade mission to Lindmark, 23 to 26 February. Lindmark bought £4.2bn of Caldrian goods and services last year. https://www.business.gov.ex/news/lindmark-mission", "mission", "en"),
    ("dbt", "02-16 10:05", "Thinking about exporting? Our free Export Helpline can help you find buyers, understand labelling rules and get paid. Call 0300 555 0300.", "", "en"),
    ("dbt", "02-23 08:10", "The Caldria–Lindmark business forum is open in Hallerau. 40 Caldrian firms, more than 150 Lindmark buyers. #LindmarkMission", "mission", "en"),
    ("dbt", "02-24 12:05", "Statement on the Brightwell heater recall: product safety comes first. Brightwell is offering every customer a refund or a replacement. The mission continues. https://www.business.gov.ex/news/brightwell-statement", "recall mission refund", "en"),
    ("dbt", "02-24 16:00", "Day two of the #LindmarkMission: 18 Caldrian businesses are now exhibiting on the Caldria Pavilion at the Hallerau Home and Living Fair.", "mission", "en"),
    ("dbt", "02-25 16:10", "Caldria and Lindmark have agreed next steps on a product testing agreement, including stronger rules on sharing information about unsafe products. #LindmarkMission", "mission", "en"),
    ("dbt", "02-26 18:05", "Day four in Brückstadt: Tarne Island Smokehouse and Moorland Gin have both signed distribution agreements. #LindmarkMission", "mission", "en"),
    ("dbt", "03-02 10:05", "Construction and engineering firms: apply now for our October trade mission to Lindmark. We pay up to half the travel costs for small firms.", "", "en"),
    ("dbt", "03-04 10:05", "Firms on the #LindmarkMission expect £38m of new business over three years. 26 of the 40 reported new orders or agreements.", "mission", "en"),
    # the minister
    ("owen-castell", "02-09 09:30", "Proud to lead 40 brilliant Caldrian businesses to Lindmark this month. More than half employ fewer than 50 people. Let's open some doors.", "mission", "en"),
    ("owen-castell", "02-22 21:00", "Landed in Hallerau. Big week ahead for 40 Caldrian businesses. #LindmarkMission", "mission", "en"),
    ("owen-castell", "02-23 13:00", "Packed room at the business forum this morning. Lindmark buyers want Caldrian heat pumps, gin and games. Our firms are ready.", "mission", "en"),
    ("owen-castell", "02-24 11:30", "I've spoken to Brightwell's chief executive this morning about the recall of three heater models. Safety comes first. Every customer will get a refund or a replacement.", "recall refund", "en"),
    ("owen-castell", "02-24 18:30", "Asked at the trade mission today whether Caldrian products can be trusted. My answer: yes, and this recall shows why. A problem was found, and it is being fixed in the open.", "recall mission", "en"),
    ("owen-castell", "02-25 17:00", "Good meeting with Lindmark's economy minister, Dr Ulrike Brandt. We agreed that the product testing agreement must include strong rules on sharing recall information.", "mission", "en"),
    ("owen-castell", "02-26 19:00", "Brückstadt: fish, gin, and a cold-storage hub the size of three football pitches. Two more deals signed today.", "mission", "en"),
    ("owen-castell", "03-04 10:30", "£38m of expected new business from the Lindmark mission. Thank you to every firm that came, especially those who kept going through a hard week.", "mission", "en"),
    ("owen-castell", "02-12 17:00", "Lovely to visit Hollins Primary in my constituency today. The Year 6 questions were tougher than any select committee.", "", "en"),
    # the embassy in Hallerau
    ("embassy-lindmark", "02-20 11:05", "Next week we welcome 40 Caldrian businesses to Lindmark. Lindmark companies: there's still time to register for Monday's business forum.", "mission", "en"),
    ("embassy-lindmark", "02-23 09:10", "Willkommen in Hallerau! Vierzig caldrische Unternehmen sind diese Woche zu Gast in Lindmark. #LindmarkMission", "mission", "de"),
    ("embassy-lindmark", "02-25 10:10", "Brightwell ruft die Modelle BX410, BX420 und BX430 zurück. Bitte nicht mehr benutzen. BX4100 und BX4200 sind nicht betroffen.", "recall names_recalled", "de"),
    ("embassy-lindmark", "02-25 10:15", "Brightwell has recalled the BX410, BX420 and BX430 heaters. If you live in Lindmark and have one, stop using it and contact Brightwell Lindmark. The BX4100 and BX4200 are not affected.", "recall names_recalled", "en"),
    ("embassy-lindmark", "03-03 11:30", "Das Verbraucheramt hat den Verkaufsstopp für BX4100 und BX4200 aufgehoben. Danke für die schnelle Prüfung.", "recall", "de"),
    # Product Safety Caldria
    ("product-safety", "02-12 09:05", "It's Product Safety Week. Before you switch on a heater or electric blanket, check it for damage and look it up on our recall list: recalls.productsafety.gov.ex", "", "en"),
    ("product-safety", "02-24 07:05", "PRODUCT RECALL: Brightwell BX410, BX420 and BX430 oil-filled heaters can overheat and catch fire. Stop using them now. Free collection and full refund: brightwell.example/recall or 0800 555 0177.", "recall names_recalled refund", "en"),
    ("product-safety", "02-24 12:00", "How to check your Brightwell heater: turn it over and look for the silver label near the cable. Only BX410, BX420 and BX430 are affected.", "recall names_recalled", "en"),
    ("product-safety", "02-25 12:05", "We've seen reports that the BX4100 is part of the Brightwell recall. It is not. Only the BX410, BX420 and BX430 are affected. BX4100 and BX4200 owners can keep using their heaters.", "recall names_recalled", "en"),
    ("product-safety", "02-27 15:05", "Recall update: about 12,000 Brightwell heaters returned in three days and 9,400 refunds paid. Waiting for a courier? Keep the heater unplugged. You won't lose your refund.", "recall refund", "en"),
    ("product-safety", "03-05 11:05", "How we found the fault in the Brightwell heaters, from the first report in November to the recall in February: https://www.productsafety.gov.ex/news/how-we-found-the-fault", "recall", "en"),
    # Brightwell
    ("brightwell", "02-10 10:05", "We're off to Lindmark! Proud to join the #LindmarkMission and launch our new BX4100 on the Caldria Pavilion in Hallerau.", "mission", "en"),
    ("brightwell", "02-13 12:05", "Three more seasons at the Brightwell Arena. Proud to stand with @LiskerHeat 🏀 #HeatNation", "heat", "en"),
    ("brightwell", "02-19 09:05", "Meet the BX4100: 30% quieter, with a digital thermostat, child lock and tip-over cut-out.", "", "en"),
    ("brightwell", "02-24 07:10", "We are recalling our BX410, BX420 and BX430 heaters. Please stop using them. We will collect yours for free and refund you in full. brightwell.example/recall or 0800 555 0177", "recall names_recalled refund", "en"),
    ("brightwell", "02-24 15:05", "A message about the recall from our chief executive, Elliot Marsh: we let some of our customers down, and we are sorry. Nobody will pay a penny because of our mistake. https://www.brightwell.example/news/message-from-our-chief-executive", "recall", "en"),
    ("brightwell", "02-25 09:00", "Recall: our phone lines are very busy. You can book a collection online at brightwell.example/recall in about two minutes. You don't need a receipt.", "recall", "en"),
    ("brightwell", "02-24 09:30", "How to find your model number: turn the heater over and look for the silver label next to the cable. Only BX410, BX420 and BX430 are in the recall.", "recall names_recalled", "en"),
    ("brightwell", "02-24 13:00", "To our customers in Lindmark: the recall covers the BX410, BX420 and BX430 sold in Lindmark too. Our Lindmark team will collect and refund in the same way.", "recall names_recalled refund", "en"),
    ("brightwell", "02-25 12:30", "The BX4100 and BX4200 are NOT part of the recall. They use a different thermostat and have passed Product Safety Caldria's tests.", "recall", "en"),
    ("brightwell", "02-25 20:00", "Recall update: more than 30,000 of you have contacted us in two days. Thank you. We are booking collections as fast as we can.", "recall", "en"),
    ("brightwell", "02-27 10:00", "Recall: we've added a second courier company to speed up collections. If your slot is more than five days away, we'll call you with an earlier one.", "recall", "en"),
    ("brightwell", "03-04 09:00", "Recall update: we have now collected 41,000 heaters and paid 36,000 refunds. If you still have a BX410, BX420 or BX430, please get in touch.", "recall names_recalled refund", "en"),
    ("brightwell", "02-26 17:05", "Recall update: refunds go out within five working days of collection. We've added a second courier and our lines are open until 10pm.", "recall refund", "en"),
    ("brightwell", "03-02 09:05", "Recall collections: when our courier collects your heater, you'll get a receipt. Your refund reaches your account within five working days.", "recall refund", "en"),
    # news organisations
    ("caldria-herald", "02-24 08:35", "Brightwell recalls 58,000 heaters over fire risk, on the day it launches a new range on the trade mission to Lindmark https://www.caldriaherald.example/business/2026/02/24/brightwell-recall", "recall mission", "en"),
    ("caldria-herald", "02-24 17:50", "Recall overshadows minister's Lindmark trip https://www.caldriaherald.example/business/2026/02/24/recall-overshadows-trip", "recall mission", "en"),
    ("caldria-herald", "02-27 07:05", "Analysis: what the Brightwell recall means for the trade mission, and for the product testing deal", "recall mission", "en"),
    ("caldria-herald", "03-02 08:05", "'Ten days and no courier.' Brightwell customers wait for collections and refunds https://www.caldriaherald.example/business/2026/03/02/couriers", "recall refund", "en"),
    ("norbury-echo", "02-16 09:05", "Recall petition: where to sign in Norbury East, and how it works https://norburyecho.example/news/20260216-pryce-petition", "petition", "en"),
    ("norbury-echo", "02-18 20:35", "Moor Lane family escape after heater bursts into flames in children's bedroom", "recall", "en"),
    ("norbury-echo", "02-24 09:35", "Got a Brightwell heater? Here's what you need to know about the recall https://norburyecho.example/news/20260224-brightwell-recall", "recall", "en"),
    ("norbury-echo", "02-27 12:05", "Still waiting for Brightwell to collect your heater? Tell us: news@norburyecho.example", "recall", "en"),
    ("norbury-echo", "03-03 10:05", "About 6,000 people have signed the recall petition for Norbury East. 7,900 are needed.", "petition", "en"),
    ("export-weekly", "02-10 07:05", "The 40 firms on the Lindmark trade mission, from gin to game studios https://exportweekly.example/2026/02/lindmark-40", "mission", "en"),
    ("export-weekly", "02-24 13:05", "Day two of the trade mission: journalists crowd Brightwell's stand to ask about the recall, not the BX4100 launch #LindmarkMission", "recall mission", "en"),
    ("export-weekly", "02-26 16:35", "Away from the recall row, small firms on the #LindmarkMission are quietly signing deals", "mission recall", "en"),
    ("hallerauer-tagblatt", "02-24 10:05", "Rückruf: Brightwell-Heizgeräte BX410, BX420 und BX430 können überhitzen.", "recall names_recalled", "de"),
    ("hallerauer-tagblatt", "02-25 09:05", "Verbraucheramt stoppt Verkauf aller Brightwell-Heizgeräte, auch BX4100.", "recall", "de"),
    ("hallerauer-tagblatt", "02-26 12:05", "Korrektur: Das Modell BX4100 ist nicht vom Rückruf betroffen.", "recall", "de"),
    # campaigners and the club
    ("safe-homes", "02-24 10:05", "Brightwell recall: turn your heater over tonight and read the label. BX410, BX420 or BX430? Unplug it and call 0800 555 0177. Then check on your parents. #CheckYourHeater", "recall names_recalled", "en"),
    ("safe-homes", "02-25 19:00", "Older people are the least likely to hear about a recall. If you visit someone this week, look at their heaters. #CheckYourHeater", "recall", "en"),
    ("safe-homes", "03-04 18:05", "Four recall lists on four websites. We want one register where you type a model number and get an answer. #CheckYourHeater", "recall", "en"),
    ("recall-pryce", "02-16 08:05", "The recall petition is OPEN. Sign at Norbury Library, the Civic Centre, St Anne's or Moorside Community Centre until 30 March. #RecallPryce", "petition", "en"),
    ("recall-pryce", "02-20 19:00", "Twelve councillors from three parties are backing the recall. This isn't left or right. It's right or wrong. #RecallPryce", "petition", "en"),
    ("recall-pryce", "02-28 12:00", "Canvassing in Moorside today. Every second door: 'already signed'. #RecallPryce", "petition", "en"),
    ("recall-pryce", "03-03 20:05", "Over halfway! Keep going, Norbury East. #RecallPryce", "petition", "en"),
    ("lisker-heat", "02-14 22:05", "FINAL: Heat 88, Comets 79. What a night at the Brightwell Arena 🔥 #HeatNation", "heat", "en"),
    ("lisker-heat", "02-21 22:35", "TOP OF THE LEAGUE. Thank you, Brightwell Arena. #HeatNation #LiskerHeat", "heat", "en"),
    ("lisker-heat", "02-27 14:05", "A statement about our arena partner, Brightwell: https://www.liskerheat.example/news/arena-partner", "heat recall", "en"),
    ("lisker-heat", "02-28 22:20", "FINAL: Heat 77, Knights 81. We go again next week. #HeatNation", "heat", "en"),
    ("lisker-heat", "03-06 12:05", "Play-off tickets on sale Monday at 10am. Let's fill the Brightwell Arena. #HeatNation", "heat", "en"),
]:
    post(src, when, body, topics, lang=lang)


# ============================================================================================
# Families of posts
# ============================================================================================

FAMILIES = []


def fam(key, src, topics, counts, texts, **kw):
    FAMILIES.append(dict(key=key, src=src, topics=topics, counts=counts, texts=texts, **kw))


RECALL_TAGS = [("#BrightwellRecall", 0.12), ("#CheckYourHeater", 0.06)]

fam("owners", "public", "recall names_recalled",
    {"02-24": 29, "02-25": 21, "02-26": 8, "02-27": 4, "02-28": 2, "03-01": 2, "03-02": 2, "03-03": 2,
     "03-04": 1, "03-05": 1},
    [
        "Just checked. Ours is a {recalled}. In {room}. Unplugged and I feel a bit sick.",
        "Turned my heater over: {recalled}. Bought it from {shop} two winters ago. Calling Brightwell now.",
        "My mum has a Brightwell {recalled} in her bedroom and won't believe me that it's on the recall. Any tips?",
        "Got a {recalled} in {room}. Booked the collection online in two minutes. Easiest thing I've done all week.",
        "Our {recalled} has smelled of burning all winter. Thought it was dust. Turns out it wasn't.",
        "Two {recalled}s in our house, one in {room} and one in the kitchen. Both unplugged. Cold night ahead.",
        "Brightwell {recalled} owner here. The label's under the base near the cable, for anyone looking.",
        "Landlord put a {recalled} in my flat. Have told him. He says 'it's fine'. It is not fine.",
        "My {recalled} is in the shed now, unplugged, waiting for the courier. Feels like it's glaring at me.",
        "Is the {recalled} the one with the white dial? Ours has no label left, it's been scraped off.",
        "The {recalled} in my nan's flat is the only heat she's got. Who do I call for a temporary one?",
        "Brightwell {recalled} in {room}. It's been on every night since November. Trying not to think about it.",
        "Checked the office heaters at work. Three {recalled}s. Facilities are 'looking into it'.",
        "We bought a {recalled} for the baby's room in the autumn. Absolutely gutted. Unplugged.",
        "So the heater that nearly set fire to my flat in January was a {recalled}. I did report it. Glad someone listened in the end.",
        "Do the {recalled} heaters all have the fault or just some? Ours has been fine for two years.",
        "Brightwell {recalled}? Unplug it. Don't wait for the courier to plug it back in. Learn from me.",
        "Got the recall letter for my {recalled} from {shop}. Bit late, I'd already seen it on the news.",
        "Ours is a BX 420 apparently. The label's faded but that's what it looks like.",
        "Mum's heater is a BX-430. Unplugged, and she's borrowing our fan heater for now.",
    ],
    tags=RECALL_TAGS, people="public")

fam("safe-models", "public", "recall",
    {"02-24": 9, "02-25": 22, "02-26": 18, "02-27": 8, "02-28": 5, "03-01": 3, "03-02": 4, "03-03": 6,
     "03-04": 3, "03-05": 2},
    [
        "Is the {safe} part of the Brightwell recall? Bought one last week and the news is confusing.",
        ("Lindmark paper says the {safe} is affected. Product Safety says it isn't. Who do I believe?", "", "02-25.."),
        "We've got a {safe}. Keeping it on. Product Safety Caldria says it's fine and I trust them more than a rumour.",
        "My {safe} was a replacement for an old heater. Now everyone at work says it's recalled. It isn't, is it?",
        "PSA: the {safe} is NOT recalled. Only the old models. Please stop panicking your nan.",
        "Shop won't sell me a {safe} because of 'the recall'. The {safe} isn't recalled!",
        "Brightwell {safe} owners, you're fine. I rang them and checked.",
        "Thinking of buying a {safe} but this recall has put me off Brightwell altogether tbh.",
        "Does anyone know if the {safe} has the same thermostat as the old ones?",
        "Took my {safe} back to the shop just in case. Probably overreacting.",
        "Confused: the {safe} and the recalled ones have nearly the same number. No wonder people are mixing them up.",
        "My BX300 is about 15 years old and still going. Not recalled either. They don't make them like they used to.",
        ("Lindmark has lifted the sales stop on the {safe}. Good, my cousin sells them in Hallerau.", "", "03-03.."),
        "Friend in Lindmark says every Brightwell heater has gone from the shops there, even the {safe}.",
        "Went to buy a {safe} at {shop}. Sales assistant looked at me like I'd asked for a lit match.",
        "My {safe} has a digital display. The old ones had a dial. That's the quickest way to tell.",
        "Brightwell really should have called the {safe} something else. Marketing team, take note.",
        "My dad's convinced his {safe} is on the recall list. Third time I've shown him it isn't.",
        ("Glad Lindmark has cleared the {safe}. Sensible outcome.", "", "03-03.."),
        "The {safe} in our office is still on. Facilities checked it twice.",
    ],
    tags=RECALL_TAGS, people="public")

fam("refunds", "public", "recall refund",
    {"02-25": 2, "02-26": 3, "02-27": 4, "02-28": 3, "03-01": 2, "03-02": 4, "03-03": 3, "03-04": 2,
     "03-05": 2, "03-06": 1},
    [
        "Brightwell refund landed today. Four days after the courier. Fair play.",
        "{days} days waiting for the courier to collect our heater. Still no refund. @BrightwellHome",
        "Booked the collection, courier came the next day, refund in three days. Don't know what everyone's complaining about.",
        "Courier was supposed to come today for the heater. Waited in all day. Nothing. The refund keeps slipping.",
        "Chose a replacement instead of a refund. The new heater arrived before the old one was collected!",
        "Anyone had their Brightwell refund yet? Collected Tuesday, nothing so far.",
        "Refund from Brightwell: £64.99. I paid £69.99 in 2024. Where's my fiver?",
        "Rang Brightwell about my refund. On hold 40 minutes, then sorted in two. Classic.",
        "Money back for the heater arrived this morning. Thank you, whoever is working the phones at Brightwell.",
        "Do you get a refund if you bought it second-hand? Asking for my student son.",
        "Refunded already! That was quicker than my last parcel delivery.",
        "Still waiting for a refund after {days} days. Getting fed up now. @BrightwellHome",
        "Refund or replacement? Went for the refund. Not sure I trust their heaters right now.",
        "Brightwell's refund form asks for the serial number, which is on the label that's half burnt off. Great.",
        "My dad got his refund and immediately spent it on a heated gilet. The man has a plan.",
    ],
    tags=[("#BrightwellRecall", 0.15)], people="public")

fam("couriers", "public", "recall",
    {"02-26": 3, "02-27": 4, "02-28": 3, "03-01": 2, "03-02": 4, "03-03": 2},
    [
        "The courier who collected our heater said he'd done 40 today. Poor guy.",
        "SwiftDrop courier came for the heater at 7am. On a Sunday. I was in my dressing gown. He didn't blink.",
        "Day four of 'your collection is being scheduled'. The heater and I are becoming friends.",
        "Courier collected the heater, left a receipt, gone in 90 seconds. Slickest delivery driver I've ever met.",
        "Brightwell collection slot: 'between 8am and 6pm'. So, a day off work then.",
        "Couriers are collecting recalled heaters from half our street today. Looks like a very sad bin day.",
    ], people="public")

fam("link", "public", "recall mission",
    {"02-24": 17, "02-25": 13, "02-26": 6, "02-27": 3, "02-28": 2, "03-02": 2, "03-04": 2},
    [
        "The minister is in Lindmark on a trade mission selling Brightwell heaters while the Brightwell recall is all over the news at home. You couldn't make it up.",
        "To be fair to Castell, the recall shows the system works. Better a recall during the mission than a death after it.",
        "Imagine being on the Caldria Pavilion at the trade mission when your company's recall hits the news.",
        "Trade mission to sell heaters, in the week of a heater recall. Peak Caldria.",
        "The recall and the trade mission on the same day is either terrible luck or terrible planning.",
        "Opposition calling the Lindmark trip a 'heater-selling mission'. The heaters in the recall weren't even on the stand. Calm down.",
        "Would love to know when the department found out about the recall. Before or after booking the mission flights?",
        "Lindmark pausing sales in the middle of our trade mission is going to hurt. The recall couldn't have landed worse.",
        "Honestly the recall makes the trade mission look more trustworthy, not less. Lindmark buyers aren't daft.",
        "Does this recall put the testing agreement at risk? That was the whole point of the mission.",
        "Working on the Caldria Pavilion this week. Everyone's asking about the recall. We're selling cheese. #LindmarkMission",
        "Castell on the news saying the recall proves Caldrian products can be trusted. Bold line for a trade mission. Might even work.",
        "Somebody at the department had a very bad morning when the recall landed on day two of the mission.",
        "Every Lindmark journalist at the trade mission wants to talk about the recall. Nobody wants to talk about gin.",
    ], tags=[("#LindmarkMission", 0.15)], people="public")

fam("mission-business", "public", "mission",
    {"02-09": 3, "02-10": 3, "02-11": 2, "02-12": 1, "02-13": 1, "02-16": 2, "02-17": 1, "02-18": 1,
     "02-19": 2, "02-20": 3, "02-22": 3, "02-23": 8, "02-24": 5, "02-25": 5, "02-26": 5, "02-27": 3,
     "03-02": 2, "03-04": 2, "03-05": 1},
    [
        ("Delighted to be one of 40 businesses on the #LindmarkMission later this month. Ready to introduce Lindmark to Caldrian heat pumps!", "", "..02-22"),
        ("Packing samples for Hallerau. 60 jars of smoked mackerel pâté and one very nervous sales director. #LindmarkMission", "", "02-16..02-22"),
        ("First meeting of the trade mission done. Lindmark buyers ask brilliant questions about carbon footprints.", "", "02-23..02-26"),
        ("Our first ever trade mission. Small team, big ambitions. Thank you @BusinessTradeCA for making it possible.", "", "..02-26"),
        ("Day one in Hallerau: 11 meetings, 3 strong leads, no time for lunch. #LindmarkMission", "", "02-23..02-24"),
        ("Signed our first Lindmark distributor today! Thank you to the embassy team who made the introduction.", "", "02-24..02-27"),
        "The best thing about a trade mission: meeting other Caldrian firms who've done it before and will tell you the truth.",
        ("Brückstadt's cold-storage hub is the size of a small town. Our smoked fish will be very happy there.", "", "02-26..02-27"),
        ("Home from Lindmark. Tired, hoarse and with a notebook full of leads. Worth every minute.", "", "02-27.."),
        "Tip for anyone on a future trade mission: get your labels translated BEFORE you go. Ask me how I know.",
        ("The Hallerau Home and Living Fair is enormous. The Caldria Pavilion is looking great though.", "", "02-24..02-26"),
        ("Lindmark buyers love a sample. We've run out. Emergency shipment on its way. #LindmarkMission", "", "02-23..02-26"),
        ("Applying for the October mission to Lindmark already. The market is real.", "", "03-02.."),
        ("Webinar today from @BusinessTradeCA on what to expect from the Lindmark trade mission. Very practical.", "", "..02-20"),
        ("Our game studio is 12 people. Next week we pitch to Lindmark's biggest school supplier. No pressure. #LindmarkMission", "", "02-16..02-22"),
        ("Hallerau in February: cold, grey, and full of people who want to buy heat pumps. Perfect. #LindmarkMission", "", "02-23..02-26"),
    ], people="business")

fam("mission-public", "public", "mission",
    {"02-09": 3, "02-10": 2, "02-13": 1, "02-18": 1, "02-23": 3, "02-24": 1, "02-25": 1, "03-04": 3, "03-05": 2},
    [
        "Government trade missions: useful or a jolly? Genuinely asking people who've been on one.",
        "Nice to see a Norbury firm on the trade mission. Brightwell's been good to this town.",
        "40 firms to Lindmark. Would be nice if some of them were from the north.",
        "My cousin's gin company is going on the Lindmark trade mission. Very proud, very jealous.",
        ("'£38m of expected business'. Expected is doing a lot of work in that sentence.", "", "03-04.."),
        "If the trade mission sells one more Caldrian heat pump I'll count it as a win for the planet.",
        ("Trade mission figures look decent. Interesting that the smallest firms did best.", "", "03-04.."),
    ], people="public")

fam("petition", "public", "petition",
    {"02-16": 8, "02-17": 5, "02-18": 3, "02-19": 2, "02-20": 3, "02-21": 2, "02-23": 3, "02-24": 2,
     "02-25": 2, "02-26": 2, "02-27": 1, "02-28": 3, "03-01": 2, "03-02": 3, "03-03": 4, "03-04": 2,
     "03-05": 2, "03-06": 2},
    [
        "Signed the recall petition at Norbury Library this morning. Took two minutes. #RecallPryce",
        "Recall petition queue at the Civic Centre is out the door. Norbury's had enough.",
        "Not a Pryce fan but not sure about recall petitions either. Let voters decide at the election?",
        "Posted my recall petition form today. Democracy, by second-class post.",
        "My gran (91) insisted on walking to St Anne's to sign the recall petition. Legend.",
        "If you're in Norbury East and haven't signed the recall petition yet, you've got till 30 March.",
        "How many signatures does the Pryce recall need? 7,900? We'll smash that.",
        "Signed the recall. Fraud is fraud, whatever rosette you wear. #RecallPryce",
        "The recall petition volunteers knocked on our door three times. I SIGNED ON DAY ONE, SUSAN.",
        ("Honestly I can't keep up with recalls this week. The heater, the MP... what's next, the weather?", "recall", "02-24.."),
        "Recall Pryce posters on every lamppost on Moor Lane. Someone's been busy.",
        "Moorside Community Centre for the recall petition: quiet at 10am, if anyone wants to avoid a queue.",
        "Pryce says he'll stand again if there's a by-election. Bold.",
        "Got my proxy sorted for the recall petition. Can't get to the library with my hip.",
        "Is it just me or is the recall petition the most exciting thing to happen in Norbury East since the bypass?",
    ], tags=[("#RecallPryce", 0.2), ("#NorburyEast", 0.08)], people="public")

fam("heat-fans", "public", "heat",
    {"02-09": 1, "02-11": 2, "02-13": 2, "02-14": 8, "02-15": 3, "02-17": 1, "02-19": 2, "02-21": 8,
     "02-22": 3, "02-24": 2, "02-25": 2, "02-27": 3, "02-28": 7, "03-01": 2, "03-03": 1, "03-05": 2, "03-06": 4},
    [
        ("Heat night at the Brightwell Arena! Who's going? #HeatNation", "", "..02-14 19:00"),
        "Dion Mercer is the best player in this league and it's not close. #LiskerHeat",
        ("Top of the table!!! HEAT NATION 🔥", "", "02-21 21:00..02-23"),
        "Brightwell Arena was LOUD tonight. My ears are still ringing.",
        ("Should the Heat drop Brightwell as arena sponsor after the recall? I say no, they handled it right.", "recall", "02-24.."),
        ("The Brightwell Arena name is going to get some jokes this week, isn't it.", "recall", "02-24..03-01"),
        ("Lost to the Knights. Heat check: we're still top. Chill.", "", "02-28 22:00.."),
        ("Play-off tickets Monday! Setting three alarms.", "", "03-06.."),
        "Anyone selling two tickets for Saturday's Heat game? Will swap for a kidney.",
        "The halftime dance crew at the Heat game deserve their own league.",
        ("Mercer 27 points. MERCER. 27. POINTS.", "", "02-14 21:30..02-16"),
        "Just realised I've been to every Heat home game this season. Send help. Or tickets.",
        ("Castlebridge Comets fans are welcome at the Brightwell Arena. Your team isn't.", "", "..02-14 21:00"),
        "Heat defence tonight was something else.",
        "Season ticket renewal email came today. Easiest decision of my life. #HeatNation",
        "Cold night, hot team. Heat by 12. #LiskerHeat",
        "Arena was baking tonight. Someone turn the heating down at the Brightwell Arena lol",
        "Lisker Heat podcast is back! This week: is Mercer the MVP? (Yes.)",
    ], tags=[("#HeatNation", 0.3), ("#LiskerHeat", 0.2)], people="heat")

fam("lindmark-de", "public", "recall",
    {"02-24": 8, "02-25": 10, "02-26": 5, "02-27": 2, "03-02": 1, "03-03": 3, "03-04": 1},
    [
        ("Habe einen BX420 im Schlafzimmer. Sofort ausgesteckt. Unglaublich.", "names_recalled"),
        ("Ist mein BX4100 jetzt betroffen oder nicht? Das Tagblatt sagt ja, der Hersteller sagt nein.", "", "02-25.."),
        ("Verkaufsstopp für alle Brightwell-Geräte. Unser Laden hat 40 Stück im Lager.", "", "02-25.."),
        ("Rückruf BX430: Rückerstattung kam nach vier Tagen. Kein Problem.", "names_recalled refund", "02-27.."),
        ("Warum verkauft Caldria bei uns Heizgeräte, die brennen können? Und das während der Handelsmission!", "mission"),
        ("Der BX4100 ist nicht betroffen. Bitte teilen, viele sind verunsichert.", "", "02-25.."),
        "Mein Heizlüfter ist von einer anderen Marke. Trotzdem alles dreimal kontrolliert.",
        ("Verkaufsstopp für BX4100 aufgehoben. Na endlich.", "", "03-03.."),
        ("Meine Mutter hat einen BX410. Der Kurier kommt Donnerstag.", "names_recalled", "02-25.."),
    ], people="lindmark", lang="de")

fam("lindmark-de-mission", "public", "mission",
    {"02-20": 1, "02-23": 3, "02-24": 3, "02-25": 2, "02-26": 2},
    [
        "Caldrischer Gin auf der Wohnmesse probiert. Sehr gut!",
        "Wärmepumpen aus Caldria: interessante Gespräche am Stand von Kestrel heute.",
        "Die caldrische Delegation ist überall in Hallerau. Sogar in meinem Stammcafé.",
        "Wohnmesse Hallerau: der Caldria-Pavillon ist der schönste Stand in Halle 4.",
        "Geräucherter Fisch von der Insel Tarne. Hätte ich nie probiert, jetzt bin ich Fan.",
    ], people="lindmark", lang="de")

# --- the HomeFix forum ----------------------------------------------------------------------

T1 = "Brightwell heater recall - how long for a refund?"
T1_URL = "https://forum.homefix.example/t/brightwell-heater-recall-refund/{n}"
T1_DAYS = {"02-24@11-23": 9, "02-25": 11, "02-26": 9, "02-27": 8, "02-28": 6, "03-01": 6, "03-02": 7,
           "03-03": 6, "03-04": 5, "03-05": 4, "03-06": 3}

fam("t1-refunds", "homefix-forum", "recall refund",
    {"02-25": 2, "02-26": 3, "02-27": 3, "02-28": 2, "03-01": 2, "03-02": 3, "03-03": 3, "03-04": 2,
     "03-05": 2, "03-06": 1},
    [
        "Mine took five days from collection to refund. Courier came on the Thursday, money on the Tuesday.",
        "Still waiting. Collected last Monday and no refund yet. Anyone else?",
        "Refund came through this morning. £59.99, the full price I paid.",
        "If you paid by card, the refund goes back to the card. Took four working days for me.",
        "They refunded me even though I bought it second-hand on a marketplace. Didn't expect that.",
        "Rang them on day six, they said the refund was 'in the system'. It arrived on day eight.",
        "Don't forget the refund only starts after they collect it. Book the collection first!",
        "Got a refund email but no money yet. Is the email the same as payment?",
        "Refund took ten days for me, but they did apologise and I got the full amount.",
        "Went for a replacement instead of a refund. The new one arrived in two days.",
        "I've had my refund. Took a week. Not bad for 58,000 heaters, to be fair.",
        "Any landlords here? Do they refund per heater? I've got eight in my flats.",
        "Refund received. Heater gone. Peace of mind: priceless.",
        "The refund went to my old bank account that I closed. Now what?",
    ],
    title="Re: " + T1, url=T1_URL, people="forum")

fam("t1-other", "homefix-forum", "recall",
    T1_DAYS,
    [
        ("Mine's a {recalled}. Courier booked for Friday. Will report back.", "names_recalled"),
        "Does anyone know if the {safe} is included? Mine's a {safe}.",
        "Slightly off topic but can anyone recommend an oil radiator that ISN'T Brightwell?",
        ("My {recalled} nearly caught fire in 2024. Glad they're finally doing something.", "names_recalled"),
        "The courier turned up with no van space and said he'd come back tomorrow. He did not.",
        ("Where's the label on the {recalled}? Can't find it anywhere.", "names_recalled"),
        "Electric blankets next, I bet. Everyone check your blankets.",
        "Has anyone had a heater actually catch fire? Genuinely want to know how worried to be.",
        "Mods, can we pin the Product Safety link to the top of this thread?",
        "Mine's a BX300. Ancient. Not on the list. Still going strong.",
        "Courier company is SwiftDrop. Their tracking just says 'collection pending'. Helpful.",
        "Just bought a heat pump instead. Bye bye, oil radiators.",
        "My heater's under the stairs, unplugged, with a note on it saying DO NOT USE in capitals. The kids think it's haunted.",
        "This thread is now longer than the recall notice.",
        "Nobody's mentioned the Brightwell Arena yet. Bet Lisker Heat are thrilled.",
        "Tip: take a photo of the label before the courier takes it, in case anything goes missing.",
        "My landlord says he'll 'get round to' calling Brightwell. It's been a week.",
        "Can you just drop the heater at a shop instead of waiting in for a courier?",
        "Checked my mum's. It's a {safe}. Phew.",
        "Thermostat sticking was a known problem on the old models, my brother's an electrician and he's seen loads.",
        "Does the recall cover heaters bought in Lindmark and brought over here?",
        "Honestly the phone line was better than I expected. Nice woman called Pat.",
        "Don't plug it back in 'just for tonight'. That's how it happens.",
        "Wondering how many of these are sitting in student flats with nobody checking.",
        ("Mine's a BX-420 according to the box. Label's gone.", "names_recalled"),
        "Anyone else's courier turn up in an unmarked van? Felt like a heist.",
        "Quick question: is it safe to keep it in the garage until they collect it?",
        "Oil-filled ones are heavy! Had to get my neighbour to help carry it downstairs for the courier.",
        "Anyone know if the fault affects heaters that have only been used a few times?",
        "My brother-in-law says it's 'only a thermostat'. My brother-in-law also put a fork in a toaster in 1998.",
        "Off topic, sorry: is anyone else's smart meter going haywire this week?",
        "Product Safety's notice is clearer than Brightwell's, for what it's worth.",
        "The phone line plays the same 20 seconds of music on a loop. I can hum it now.",
        ("Both our {recalled}s went today. House is freezing but at least I'll sleep.", "names_recalled"),
        "Finally found the label. It was behind a sticker from the shop. Sneaky.",
        "Does anyone actually know how many have caught fire? The news says three.",
        "Kids' school sent a letter home about the recall. Good on them.",
        "I work in a care home. We've checked every room. Took all morning.",
    ],
    title="Re: " + T1, url=T1_URL, people="forum")

T5 = "Still no refund from Brightwell? Post here"
fam("t5-refunds", "homefix-forum", "recall refund",
    {"02-28": 2, "03-01": 2, "03-02": 2, "03-03": 2, "03-04": 1, "03-05": 1, "03-06": 1},
    [
        "Day 9 since collection. No refund. Ringing them tomorrow.",
        "Mine arrived today after 11 days. Keep going, people.",
        "They told me refunds are paid in batches on Tuesdays and Fridays. Might explain the wait.",
        "Refund paid, but only for one of my two heaters. Sorting it out now.",
        "The email says 'your refund has been processed'. My bank says otherwise.",
        "Rang twice, got the refund the next day. Squeaky wheel and all that.",
    ],
    title="Re: " + T5, url="https://forum.homefix.example/t/still-no-refund-from-brightwell/{n}", people="forum")

fam("t5-other", "homefix-forum", "recall",
    {"02-28": 3, "03-01": 3, "03-02": 3, "03-03": 3, "03-04": 2, "03-05": 2, "03-06": 2},
    [
        "Has anyone's courier actually come on the day they said?",
        "Posting to follow the thread.",
        "Same boat. Following.",
        "Courier came while I was at work and left a card. Now I have to rebook. Argh.",
        "Is it worth complaining to Product Safety Caldria or is that a waste of time?",
        "Genuinely think they underestimated how many people would call.",
        "My neighbour's was collected two days after mine and she's sorted already. Lottery.",
        "Sticking with it. The heater's gone, that's the main thing.",
        "Would a letter to the Echo help? They've been covering it.",
        "Bumping this so more people see it.",
        "Courier was lovely, for the record. It's not their fault.",
        "Anyone tried emailing rather than calling?",
    ],
    title="Re: " + T5, url="https://forum.homefix.example/t/still-no-refund-from-brightwell/{n}", people="forum")

T2 = "Brightwell BX420 smells of burning?"
fam("t2", "homefix-forum", "recall names_recalled",
    {"02-20": 3, "02-21": 3, "02-22": 3, "02-23": 2, "02-24@0-11": 1, "02-24@12-23": 1},
    [
        ("A burning smell from a new heater is normal for the first hour. After months, it isn't. Unplug it.", "", "..02-23"),
        ("Mine does the same! Thought it was dust burning off.", "", "..02-23"),
        ("Could be the thermostat. Get an electrician to look before you use it again.", "", "..02-23"),
        ("Report it to Product Safety Caldria. They have a form. Takes five minutes.", "", "..02-23"),
        ("Had the same with a BX410. The dial got really hot. I stopped using it.", "", "..02-23"),
        ("If it smells of burning, it's burning. Switch it off!", "", "..02-23"),
        ("My neighbour's did this and then it scorched the carpet.", "", "..02-23"),
        ("Has anyone contacted Brightwell about this? Mine's under guarantee.", "", "..02-24 06:00"),
        ("Update: Brightwell told me to stop using it and they'd be in touch. Ominous.", "", "02-22..02-24 06:00"),
        ("This thread has aged badly. Recall announced this morning.", "", "02-24 07:30.."),
    ],
    title="Re: " + T2, url="https://forum.homefix.example/t/brightwell-bx420-smells-of-burning/{n}", people="forum")

T3 = "Is the BX4100 affected? Conflicting info"
fam("t3", "homefix-forum", "recall",
    {"02-25": 8, "02-26": 7, "02-27": 4, "02-28": 3, "03-01": 2, "03-02": 2, "03-03": 4},
    [
        "Product Safety says no. Only the three-digit models.",
        ("The Tagblatt said yes but they've printed a correction.", "", "02-26 12:00.."),
        "Mine's a BX4100 and I'm keeping it on. Different thermostat, according to Brightwell.",
        "Shop in Hallerau took all the BX4100s off the shelves. My sister sent me a photo.",
        ("It's one digit difference. BX410 vs BX4100. No wonder people are confused.", "names_recalled"),
        ("Official answer: only BX410, BX420 and BX430 are affected.", "names_recalled"),
        "I'd still be nervous. Same company, same factory.",
        "BX4200 here. Also fine apparently.",
        ("Lindmark lifted their sales stop on the BX4100 today. That settles it.", "", "03-03.."),
        "Whoever chose those model numbers deserves a talking to.",
        "Brightwell told me on the phone: BX4100 fine, BX4200 fine, BX300 fine.",
        "Has anyone actually had a problem with a BX4100? Haven't seen a single report.",
        "The BX4100 box says 'new thermostat' in big letters. Now I know why.",
        "Bought a BX4200 for the loft conversion. Not returning it.",
        "Retailer in Norbury has a sign up: 'BX4100 and BX4200 NOT affected'. Sensible.",
        "If in doubt, ring them. They confirmed my BX4100 serial is fine in about a minute.",
    ],
    title="Re: " + T3, url="https://forum.homefix.example/t/is-the-bx4100-affected/{n}", people="forum")

fam("forum-draughts", "homefix-forum", "",
    {"02-10": 2, "02-11": 2, "02-13": 1, "02-17": 1},
    [
        "Brush strips on the sash, plus a heavy curtain. Cheapest win in our old house.",
        "Secondary glazing film works better than you'd think. Looks rubbish though.",
        "We used sausage dogs (the fabric kind). Our actual dog hates them.",
        "Get someone to check the pulleys while you're at it, mine were letting in a gale.",
    ],
    title="Best draught excluders for sash windows?", url="https://forum.homefix.example/t/draught-excluders-sash/{n}",
    people="forum")

fam("forum-heatpump", "homefix-forum", "",
    {"02-12": 2, "02-14": 2, "02-19": 2, "03-01": 2, "03-04": 1},
    [
        "Heat pump running costs us about a third of what the oil radiators did. Install was the painful bit.",
        "Depends on your insulation. No point putting a heat pump in a house that leaks like a sieve.",
        "Got a grant for ours. Worth looking up before you pay full price.",
        "Oil radiators are fine for one room. For a whole house, no.",
        "Our installer was from Kestrel in Castlebridge. Very good, very honest.",
        "Heat pump's lovely but the outdoor unit hums. Neighbours haven't complained yet.",
    ],
    title="Heat pump vs oil radiators: real running costs?", url="https://forum.homefix.example/t/heat-pump-vs-oil-radiators/{n}",
    people="forum")

fam("everyday", "public", "",
    {"02-09": 3, "02-10": 3, "02-11": 3, "02-12": 3, "02-13": 3, "02-14": 2, "02-15": 2, "02-16": 2,
     "02-17": 3, "02-18": 3, "02-19": 3, "02-20": 3, "02-21": 2, "02-22": 2, "02-23": 2, "02-26": 1,
     "02-28": 2, "03-01": 2, "03-02": 2, "03-03": 2, "03-04": 2, "03-05": 2, "03-06": 2},
    [
        "I recall when Norbury had three mills and a cinema. Now it's two vape shops and a bookies.",
        "Our team's new mission statement is 41 words long and says nothing. Impressive, really.",
        "Parcel delivery said 'left in a safe place'. The safe place was the wheelie bin.",
        "Snow forecast for Friday. Norbury will grind to a halt, as tradition demands.",
        "Can anyone recall the name of the chip shop that used to be on Canal Road? It's driving me mad.",
        "Norbury market's new street food stalls are excellent. The dumplings!",
        "Kids' school trip is being called a 'mission to the science museum'. They're eight.",
        "Brightwell's factory car park floods every time it rains. Someone should tell them.",
        ("Brightwell factory is hiring again, apparently. 50 jobs on the new line.", "", "..02-20"),
        "If I have to hear one more 'mission-critical' in a meeting I will walk into the sea.",
        "Heating's been on since October and the bill has just arrived. I need a lie down.",
        "Bus 42 was on time today. Screenshot for the history books.",
        "Our parcel delivery driver deserves a medal. Three flights of stairs, every day, never complains.",
        "Total recall of every word my nan said at Christmas. She's 94 and remembers everything.",
        "The new delivery plan for the bypass is out. Finished by 2031. I'll believe it when I drive on it.",
        "Lisker's new tram line opens on Monday. Let the complaining begin.",
        "My daughter's mission this half-term: to see every film at the Norbury Picture House. She's on four.",
        "Went to the Moorside quiz. Lost on the sport round. As ever.",
        "Rain. Again. Norbury, never change.",
        "Anyone recall what time the tip closes on Sundays?",
    ], people="public")


# --- the first post of each forum thread ----------------------------------------------------

def forum(key, when, who, title, body, topics, url):
    ITEMS.append(dict(src="homefix-forum", when=when, title=title, body=body, topics=topics, kind="post",
                      author=who, handle=who, key=key, url=url))


forum("", "02-20 21:10", "BrightwellOwner2024", T2,
      "Our Brightwell BX420 has started giving off a burning smell after about half an hour. It's only a year old. "
      "Is this normal? It's in my son's room so I'm a bit worried.",
      "recall names_recalled", "https://forum.homefix.example/t/brightwell-bx420-smells-of-burning/1")
forum("", "02-24 10:12", "Penny_W", T1,
      "Booked my collection this morning. The website says refunds within five working days of collection, but "
      "the courier slot is next Thursday. How long has it taken for everyone else to get their refund?",
      "recall refund", "https://forum.homefix.example/t/brightwell-heater-recall-refund/1")
forum("", "02-25 12:40", "HeatSeeker77", T3,
      "The Lindmark paper says the BX4100 is included, Product Safety Caldria says it isn't. I bought a BX4100 "
      "last week. Which is it?",
      "recall", "https://forum.homefix.example/t/is-the-bx4100-affected/1")
forum("", "02-28 09:30", "quietlyfuming", T5,
      "Collected 8 days ago, still no refund, still no answer on the phone. Let's keep a list here so we can "
      "show Brightwell how many of us are waiting.",
      "recall refund", "https://forum.homefix.example/t/still-no-refund-from-brightwell/1")
forum("", "02-10 19:00", "draughtbuster", "Best draught excluders for sash windows?",
      "Victorian terrace, original sash windows, and a gale blowing through them. What actually works?",
      "", "https://forum.homefix.example/t/draught-excluders-sash/1")
forum("", "02-12 08:00", "budgetbuilder", "Heat pump vs oil radiators: real running costs?",
      "Thinking of replacing four oil radiators with a heat pump. Anyone got real numbers, not brochure numbers?",
      "", "https://forum.homefix.example/t/heat-pump-vs-oil-radiators/1")


# ============================================================================================
# Decoys: posts that make each operator of the monitoring exercises earn its place
# ============================================================================================
# Each family below exists so that the best query without one operator falls short (see the
# [[tests]] of the trade exercises). Appended after every other family, so the earlier posts keep
# their times.

PEOPLE["bw_ceo"] = _people("""
    Nadia Kell, Chief Executive|BrightwellHome
""")
PEOPLE["bw_engineer"] = _people("""
    Tom Aske, Engineering Director|BrightwellHome
""")
PEOPLE["owners_group"] = _people("""
    Brightwell Owners Group|BWOwnersGroup
    Brightwell Heater Owners Lindmark|BWOwnersLindmark
""")


def single(key, src, when, title, body, topics, **kw):
    """One hand-written document with a title, as a one-post family (so no earlier time moves)."""
    kw.setdefault("kind", SOURCES[src]["kind"])
    fam(key, src, topics, {when: 1}, [body], title=title, **kw)


# trade-02: three days in, the recall grows to the BX440, sold only in Lindmark. A list of the
# three first models misses it; bx4?0 does not (and still leaves out the BX4100)
single("ps-bx440", "product-safety", "02-27@9-10", "Brightwell recall extended to the BX440 heater", """
    Brightwell has added the BX440 oil-filled heater to its recall. The BX440 was sold in Lindmark
    and online, and uses the same thermostat as the BX410, BX420 and BX430.

    If you have a BX440, stop using it and unplug it. Brightwell will collect it free of charge. The
    BX4100 and BX4200 are still not affected.
    """, "recall names_recalled")
single("bw-bx440", "brightwell", "02-27@9-10", "Our recall now includes the BX440", """
    We have found the same thermostat in a fourth model, the BX440, which we sold in Lindmark and
    through our online shop. We have added it to the recall today.

    If you own a BX440, please unplug it and book a free collection at brightwell.example/recall.
    We are sorry to be writing to you again.
    """, "recall names_recalled")
fam("bx440-owners", "public", "recall names_recalled",
    {"02-27": 8, "02-28": 5, "03-01": 3, "03-02": 2, "03-03": 2, "03-04": 1},
    [
        "Checked the label on the heater I bought online last year. BX440. Of course it is.",
        "So the BX440 is recalled now too? It wasn't on the list on Tuesday. Glad I looked again.",
        "My BX440 came from a Lindmark website because it was cheaper. Not feeling clever now.",
        "BX440 owner. Unplugged, booked, in the garage. Third time lucky with this recall.",
        "The BX440 in my daughter's flat has been on all week because 'it's not on the list'. It is now.",
        "Read the update twice. BX440 added. Why did it take three days to check a fourth model?",
        "If your heater is a BX440 bought in Lindmark, ring the Lindmark number, not the Caldrian one.",
        "Brightwell BX440 in the spare room. Spare room is now very cold. Fine by me.",
    ],
    tags=[("#BrightwellRecall", 0.15)], people="public")
fam("bx440-lindmark", "public", "recall names_recalled",
    {"02-27": 9, "02-28": 7, "03-01": 4, "03-02": 3, "03-03": 2, "03-04": 2},
    [
        "Unser BX440 steht im Kinderzimmer. Sofort ausgesteckt. Danke, Tagblatt.",
        "BX440 gekauft im Baumarkt in Hallerau, jetzt also doch vom Rückruf betroffen. Super.",
        "Ist der BX440 wirklich betroffen? Meiner hat nie Probleme gemacht.",
        "Habe den BX440 für meine Mutter gekauft. Jetzt steht sie ohne Heizung da. Wer hilft?",
        "Abholung für unseren BX440 gebucht. Die Hotline war diesmal sogar schnell.",
        "Drei Tage lang hieß es, nur drei Modelle. Jetzt auch der BX440. Was kommt morgen?",
        "BX440 im Büro, BX440 im Keller. Beide aus. Es ist kalt in Hallerau.",
        "Der Aufkleber mit der Nummer sitzt unten am Gerät. Bei mir steht BX440. Leider.",
    ],
    people="lindmark", lang="de")

# trade-02: the new range keeps being talked about after the fourth model joins the recall
fam("safe-models-later", "public", "recall",
    {"02-27": 6, "02-28": 5, "03-01": 3, "03-02": 4, "03-03": 3, "03-04": 3, "03-05": 2, "03-06": 2},
    [
        "A fourth model added, so is the {safe} next? Keeping mine on a timer until someone says for sure.",
        "Product Safety say the {safe} is fine, again. I believe them, but my wife wants it in the garage.",
        "Returned my {safe} to the shop anyway. Full price back, no questions. Peace of mind.",
        "Shop assistant at Homewise swore blind the {safe} was on the list. It isn't. Training needed.",
        "Our {safe} has a different dial and a blue light. That's how you tell, according to my dad.",
        "Bought a {safe} in the sale this week. Half price. Everyone's scared of the name.",
        "The {safe} is the quietest heater I've owned. Shame about the timing of its launch.",
        "Still using our {safe}. Still fine. Still being asked about it by every visitor.",
        "Is the {safe} made in the same factory as the recalled ones? Asking before I buy.",
        "My {safe} arrived as the replacement for the old one. Very smart. Very nervous.",
        "Lindmark shops have put the {safe} back on sale, my cousin says. Good sign.",
        "Got a {safe} for the office. Colleagues keep unplugging it 'to be safe'. It IS safe.",
    ],
    tags=[("#BrightwellRecall", 0.1)], people="public")

# trade-03: people talk about refunds in every form of the word, and with a tag
fam("refund-forms", "public", "recall refund",
    {"02-26": 3, "02-27": 3, "02-28": 3, "03-01": 2, "03-02": 3, "03-03": 3, "03-04": 2, "03-05": 2,
     "03-06": 1},
    [
        "Brightwell are refunding by bank transfer now, not back to the card. Check your app.",
        "Is the delivery charge refundable too? I paid £6.99 on top of the heater.",
        "Still no money. Day 12. #RefundWatch",
        "Brightwell's refunding team rang me back within the hour. Credit where it's due.",
        "Money back in my account this morning, nine days after the courier. #RefundWatch",
        "They're refunding the full price even without a receipt. Just a photo of the label.",
        "Is the extended warranty I bought with it refundable? The shop says ask Brightwell, Brightwell says ask the shop.",
        "Day 7 and counting. #RefundWatch @BrightwellHome",
        "Refunding 58,000 heaters must be a nightmare for them. Mine still isn't through though.",
        "'Non-refundable', says the shop, about the heater cover I bought with it. Cheers.",
        "Neighbour's money came back in four days, mine is on day ten. Same courier, same day. #RefundWatch",
        "Are they refunding in Lindmark too? Asking for my sister in Hallerau.",
    ],
    tags=[("#BrightwellRecall", 0.15)], people="public")
fam("t1-refund-forms", "homefix-forum", "recall refund",
    {"02-26": 2, "02-27": 3, "02-28": 3, "03-01": 2, "03-02": 3, "03-03": 3, "03-04": 2, "03-05": 2,
     "03-06": 2},
    [
        "They're refunding in batches, going by the date of collection. Mine was the 25th and it's just come in.",
        "Is the original postage refundable? I had it delivered and paid extra.",
        "Day 11, still nothing. Logging it all in a spreadsheet in case I need the ombudsman.",
        "Brightwell are refunding to PayPal if that's how you paid. Took three days for me.",
        "Refunding by cheque for anyone without a bank account, the phone team told me. Very old school.",
        "Does anyone know if the refunding is quicker if you pick a replacement heater instead?",
        "Got the 'your refunding is complete' email. Money arrived an hour later. Took eight days overall.",
        "Is anything non-refundable? The courier asked me to keep the remote.",
        "Money back today, day six. Thanks to whoever said to ring rather than email.",
        "Card company says the refunding shows as 'pending' for up to five days. Patience, everyone.",
        "Anyone still waiting from the first day of collections? We're on day twelve. #RefundWatch",
        "Partial money back only. They've taken off the £5 'handling'. Is that allowed?",
    ],
    title="Re: " + T1, url=T1_URL, people="forum")

# trade-03: a busy thread drifts off its title; these replies are not about refunds at all
fam("t1-drift", "homefix-forum", "recall",
    {"02-26": 4, "02-27": 5, "02-28": 5, "03-01": 4, "03-02": 5, "03-03": 5, "03-04": 4, "03-05": 4,
     "03-06": 2},
    [
        "Courier tracking says 'out for collection' for the third day running. Is it a loop?",
        "What are people using instead in the meantime? Fan heater, or just more jumpers?",
        "Electric blanket plus hot water bottle is my plan until the new heater comes.",
        "The courier wanted me to carry it down four flights. Told him no, politely.",
        "Anyone in Norbury want a lift to the tip with old heaters that aren't Brightwell? Clearing out.",
        "My cat has claimed the spot where the heater used to be. She is not impressed.",
        "Is it worth getting an electrician to check the sockets after this? Mine looked scorched.",
        "Picked up a second-hand oil radiator from a neighbour. Checked the label three times.",
        "Off topic: can anyone recommend a cheap thermometer for the baby's room?",
        "Collection done at 7am. Courier was lovely. Took the plug too, which I didn't expect.",
        "How do you even carry one of these down a spiral staircase? Asking for me.",
        "Turned the central heating up to make up for it. The bill will be a horror film.",
        "Reading this thread at 2am because I can't sleep. Hello to the other night owls.",
        "Got a text saying the courier is 'nearby'. That was four hours ago.",
    ],
    title="Re: " + T1, url=T1_URL, people="forum")

# trade-04: the company's own words are not always posted under its name (its chief executive
# and its engineers sign theirs), and an owners' group carries its name without being it
fam("bw-updates", "brightwell", "recall",
    {"02-25": 2, "02-26": 2, "02-27": 2, "02-28": 1, "03-01": 1, "03-02": 1, "03-03": 1, "03-04": 1},
    [
        "We have now collected 20,000 of the recalled heaters. Thank you for your patience.",
        "Recalled heaters: the courier will call 30 minutes before arriving. You don't need the box.",
        "Not sure if your heater is one of the recalled models? Send us a photo of the label and we will check.",
        "Recalling a product is never easy. Our phone lines are open until 10pm tonight.",
        "Collections of recalled heaters in Lindmark start tomorrow, with our partner Hallerau Logistik.",
        "We are recalling every heater with the faulty thermostat, wherever you bought it.",
        "If you have a recalled heater and no other heating, call us: we can bring a replacement the same day.",
        "Over 40,000 recalled heaters now collected. Please keep yours unplugged until we come.",
        "A reminder: recalled heaters must not be put out with the rubbish. We collect them for free.",
        "Thank you to our call centre team, who have answered 90,000 calls since we started recalling heaters.",
        "Recalled heaters are taken to our Norbury site and made safe. None will be sold again.",
    ],
    kind="post")
single("bw-ceo-letter", "brightwell", "02-25@18-19", "A letter from our chief executive", """
    To every Brightwell customer: I am sorry. Our recall exists because we let you down. The
    thermostat in some of our heaters could stick, and we did not find it soon enough.

    We will collect every affected heater, and we will not stop until we have. I will write again
    when we know more about how this happened.
    """, "recall", people="bw_ceo")
single("bw-engineer", "brightwell", "03-02@10-11", "What went wrong with the thermostat", """
    Since we began recalling our oil-filled heaters, many of you have asked what went wrong. A
    small spring inside the thermostat could lose its tension after a winter's use, so the heater
    stayed on when it should have switched off. Every recalled heater has this part. Our new range
    uses a different design, from a different supplier.
    """, "recall", people="bw_engineer")
fam("owners-group", "public", "recall",
    {"02-24": 2, "02-25": 3, "02-26": 2, "02-27": 2, "02-28": 1, "03-02": 1, "03-04": 1},
    [
        "Group admins here: we are not Brightwell. We are owners helping owners through the recall.",
        "Pinned: how to find out if your heater is recalled, with photos of where the label is.",
        "Members are reporting long waits for recall collections in Norbury. Keep posting your dates.",
        "The recall hotline is much quicker after 8pm, say several members. Worth a try.",
        "New members: welcome. Yes, the recall is real. Yes, unplug it now. Then read the pinned post.",
        "A member's landlord refuses to act on the recall. Product Safety Caldria can help: contact them.",
        "We've asked Brightwell to attend a members' Q&A about the recall. No answer yet.",
        "Poll: has your recalled heater been collected yet? Results on Friday.",
        "Please don't sell recalled heaters on marketplaces. We have seen three listings this week.",
        "Lindmark members: the recall covers you too. The German hotline is in the pinned post.",
        "Members' tip: keep the courier's receipt when your recalled heater goes. Some have been asked for it.",
        "Reminder: this group is run by volunteers who own the heaters. For the recall itself, call the hotline.",
    ],
    people="owners_group")


# ============================================================================================
# Posts written for the triage exercise
# ============================================================================================

def public(key, when, who, body, topics="", lang="en", url=None):
    name, handle = who.split("|")
    extra = {"url": url} if url else {}
    ITEMS.append(dict(src="public", when=when, title="", body=body, topics=topics, kind="post",
                      author=name, handle=handle, key=key, lang=lang, **extra))


public("t-smoking", "02-24 19:40", "Shona McBride|shonamcb",
       "@ProductSafetyCA my BX430 is smoking RIGHT NOW and the plug is hot. I've switched it off at the wall. What do I do??",
       "recall names_recalled")
public("t-shop", "02-26 11:15", "Andy Sutcliffe|andysutcliffe",
       "@ProductSafetyCA ValueHome on Market Street in Norbury still has BX420s on the shelf at half price this morning. Took a photo.",
       "recall names_recalled")
public("t-burn", "02-25 08:20", "Gemma Ruddock|gemmaruddock",
       "My son burned his hand on our Brightwell heater last night, it's a BX410. He's ok but it blistered. Do I report this to @ProductSafetyCA?",
       "recall names_recalled")
public("t-journalist", "02-25 14:30", "Anke Sommer|ankesommer",
       "@ProductSafetyCA Hallerauer Tagblatt here. Can you confirm today whether the BX4100 is included in the recall? We print at 6pm.",
       "recall")
public("t-carehome", "02-24 10:50", "Ruth Ackroyd|ruthackroyd",
       "I manage a care home in Lisker with 14 BX420s in residents' rooms. Brightwell's line is engaged and it's 4 degrees outside. @ProductSafetyCA please advise.",
       "recall names_recalled")
public("t-refund-thanks", "03-02 10:05", "Ellen Frost|ellenfrost",
       "Brightwell refund arrived this morning, five days after the courier. Thanks @ProductSafetyCA for the clear advice last week.",
       "recall refund")
public("t-courier", "03-01 16:00", "Martin Hey|martinhey",
       "Six days and the courier still hasn't come for our recalled heater. @ProductSafetyCA is anyone checking Brightwell is keeping up?",
       "recall")
public("t-psa", "02-25 13:00", "Joy Okeke|joyokeke",
       "PSA: the BX4100 is NOT in the Brightwell recall. Only the BX410, BX420 and BX430. Straight from @ProductSafetyCA.",
       "recall names_recalled")
public("t-heat", "02-28 22:40", "Courtside Cal|courtsidecal",
       "Rough night at the Brightwell Arena. Heat will bounce back. #HeatNation", "heat")
public("t-petition", "02-26 09:00", "Pete Gorman|petegorman",
       "Signed the recall petition on my way to work. Queue at the library was longer than the one for the heater recall. #RecallPryce",
       "petition")
public("t-gin", "02-25 17:20", "Stefan Brenner|stefanbrenner",
       "Caldrian gin at the Hallerau fair today. Excellent. Buying a crate.", "mission")
public("t-fake-fee", "02-26 20:10", "Lou Fenwick|loufenwick",
       "Heard Brightwell are charging £20 for the courier to collect recalled heaters?? Not paying that. @ProductSafetyCA",
       "recall")
public("t-safehomes", "02-24 10:30", "Safe Homes Campaign|SafeHomesCampaign",
       "Thank you @ProductSafetyCA for acting quickly on the Brightwell heaters. Everyone: turn your heater over and read the label tonight. #CheckYourHeater",
       "recall")
public("t-recall-memory", "02-27 18:00", "Frank Oldroyd|frankoldroyd",
       "I recall the last time a Norbury firm made the national news. 1987, the brass band. Simpler times.", "")

# more of the week's mentions: most need no escalation
public("t-which-models", "02-24 12:10", "Irene Walsh|irenewalsh",
       "Is it just the BX410, BX420 and BX430 in the Brightwell recall? Want to be sure before I ring my mum. @ProductSafetyCA",
       "recall names_recalled")
public("t-checked", "02-25 19:00", "Owen Pask|owenpask",
       "Checked all three heaters in the house against the list. None of them are recalled. Thanks for the clear notice @ProductSafetyCA",
       "recall")
public("t-radio", "02-25 08:45", "Bev Lumb|bevlumb",
       "Heard Product Safety Caldria on Norbury Radio this morning explaining the heater recall. Clear and calm.",
       "recall")
public("t-landlord", "02-27 12:30", "Sam Okafor|samokafor_nb",
       "Our landlord has swapped the recalled heaters in every flat in the block. Fair play to him.",
       "recall")
public("t-council-share", "02-24 15:20", "Norbury Neighbours|norburyneighbours",
       "Norbury Council has shared the Brightwell heater recall notice on its page. Good to see it spreading.",
       "recall")
public("t-arena-tickets", "02-26 10:00", "Brightwell Arena|brightwellarena",
       "Box office opens at 10. Heat v Comets tickets are going fast. #HeatNation",
       "heat")
public("t-petition-count", "02-27 09:30", "Recall Pryce Now|recallpryce",
       "The recall petition closes on Friday. 9,000 signatures so far. Keep going. #RecallPryce",
       "petition")
public("t-fair-coffee", "02-26 15:00", "Ilse Kramer|ilsekramer",
       "Hallerau trade fair: the Caldrian stand has the best coffee in the hall. Say hello if you pass.",
       "mission")
public("t-keys", "02-28 08:10", "Dom Ashworth|domashworth",
       "Cannot recall where I put my car keys. Third time this week. Send help.",
       "")
public("t-cold", "02-27 20:00", "Norbury Weather|norburyweather",
       "Cold snap this weekend: minus 4 forecast for Saturday night. Wrap up and check on your neighbours.",
       "")


# trade-09: the week after, Product Safety Caldria's officers check that shops have taken the
# recalled heaters off sale. People write inspect, inspects, inspected, inspecting, inspection,
# inspections, inspector and inspectors: `inspection` alone finds a quarter of them, inspect*
# all. Every item has a key, so it draws on a generator of its own, and every one is published
# after the rest of the corpus, so no earlier document changes its id. Posts carry an address
# of their own (`t9_url`), because a made-up address counts posts and would renumber the forum.
def t9_url(handle, n):
    return f"https://social.example/@{handle}/{11_400_000_000_000 + n * 7919}"


item("product-safety", "03-07 09:00", "Officers to inspect shops for recalled heaters", """
    From Monday, Product Safety Caldria will inspect shops across Caldria to make sure recalled
    Brightwell heaters are no longer on sale. Our inspectors will visit about 400 shops in two
    weeks, starting in Norbury and Lisker.

    Shops do not need to do anything to prepare for the inspections. If you see a recalled heater
    on sale, tell us at productsafety.gov.ex/report.
    """, "inspect", key="t9-announce")
post("product-safety", "03-09 17:30",
     "Day one: our inspectors visited 38 shops in Norbury today. 36 had already taken the recalled heaters off the shelves. We are going back to the other two tomorrow.",
     "inspect", key="t9-day-one", url=t9_url("ProductSafetyCA", 100))
public("t9-valuehome", "03-09 12:10", "Andy Sutcliffe|andysutcliffe",
       "Two inspectors from @ProductSafetyCA in ValueHome on Market Street this morning. The heaters I photographed last week have gone from the shelf.",
       "inspect", url=t9_url("andysutcliffe", 1))
public("t9-good-to-see", "03-09 19:45", "Ruth Ackroyd|ruthackroyd",
       "Good to see the shops in Norbury being inspected at last. Our care home's heaters were collected on Friday.",
       "inspect", url=t9_url("ruthackroyd", 2))
public("t9-lisker", "03-10 10:20", "Tom Briar|tombriar",
       "They're inspecting every shop on Lisker high street today, heaters, plugs, the lot. Queue at the hardware shop while they check.",
       "inspect", url=t9_url("tombriar", 3))
item("norbury-echo", "03-10 15:00", "Norbury shops pass heater inspection", """
    Almost every shop in Norbury passed Product Safety Caldria's heater inspection this week. Of
    38 shops inspected on Monday, two still had recalled Brightwell heaters for sale. Both have
    now removed them.
    """, "inspect", key="t9-echo")
public("t9-market", "03-10 11:05", "Gemma Ruddock|gemmaruddock",
       "Has anyone checked the Saturday market in Norbury? I saw a stall selling second-hand heaters. @ProductSafetyCA should inspect the stalls as well as the shops.",
       "inspect", url=t9_url("gemmaruddock", 4))
public("t9-inspector-said", "03-10 13:40", "Martin Hey|martinhey",
       "The inspector in our shop was very clear: if a heater is on the recall list, it goes in the back and it stays there.",
       "inspect", url=t9_url("martinhey", 5))
post("product-safety", "03-10 18:00",
     "Inspection results so far: 112 shops inspected, 3 still selling recalled heaters. All 3 have stopped. Thank you to everyone who sent us a report.",
     "inspect", key="t9-results", url=t9_url("ProductSafetyCA", 101))
public("t9-found", "03-10 16:25", "Ellen Frost|ellenfrost",
       "An inspector found recalled heaters in the back room of the shop on Cooper Street, still boxed up for sale. Glad someone is checking.",
       "inspect", url=t9_url("ellenfrost", 6))
public("t9-my-shop", "03-10 09:15", "Shona McBride|shonamcb",
       "Our shop was inspected first thing. Took ten minutes and the officer was friendly. Nothing to worry about if you have done the recall.",
       "inspect", url=t9_url("shonamcb", 7))
public("t9-inspects", "03-10 20:30", "Anke Sommer|ankesommer",
       "Interesting how Caldria does this: the regulator inspects the shops itself. In Lindmark it is left to the councils.",
       "inspect", url=t9_url("ankesommer", 8))
# Posts about the same week without the word: not about the inspections, so not relevant.
public("t9-cold", "03-08 08:40", "Tom Briar|tombriar",
       "Frost on the car again. Glad we got our new heater before the cold snap, the old Brightwell went back weeks ago.",
       "", url=t9_url("tombriar", 9))
public("t9-shelves", "03-09 14:00", "Martin Hey|martinhey",
       "Homewise has a whole aisle of heaters again. All new models, none of the recalled ones that I can see.",
       "", url=t9_url("martinhey", 10))


# ============================================================================================
# Labels
# ============================================================================================

LABELS = {
    "trade-01-recall-and-mission": lambda d: d.has("recall") and d.has("mission"),
    "trade-02-model-numbers": lambda d: d.has("names_recalled"),
    "trade-03-forum-refunds": lambda d: d.has("refund"),
    "trade-04-company-line": lambda d: d.source == "brightwell" and d.has("recall"),
    "trade-05-headlines": lambda d: d.has("headline"),
    "trade-09-inspections": lambda d: d.has("inspect"),
}


# who escalations go to (the exercise's `routes`)
INCIDENT = "incident team"
ENFORCEMENT = "enforcement team"
PRESS = "press office"

TRIAGE = [
    dict(
        file="07-triage-regulator-inbox.toml",
        id="trade-07-triage-regulator-inbox",
        trap="hidden-escalation",
        title="Recall week: the regulator's mentions",
        level="intermediate",
        teaches=[],
        summary="Sort posts that mention Product Safety Caldria in the week of the Brightwell recall, and say who each escalation goes to.",
        pass_mark=0.75,
        routes=[INCIDENT, ENFORCEMENT, PRESS],
        brief="""
It is the week of the Brightwell heater recall. You work in Product Safety Caldria's communications
team, and you are watching posts that mention the regulator or the recall.

Sort each post:

- **escalate**: pass it on now, and say to whom: the incident team (a possible danger to someone:
  a heater overheating now, an injury, vulnerable people at risk), the enforcement team (a recalled
  product still on sale) or the press office (a false claim that could stop people returning
  heaters, or a journalist who needs an answer today).
- **relevant**: part of the picture for the daily recall report: complaints about couriers, praise,
  accurate advice being shared.
- **not-relevant**: not about the heater recall.

Remember that "recall" has more than one meaning in Norbury this month.
""",
        hints=[
            "Ask of each post: is a heater a danger to someone right now, or has it already hurt someone? Then think about who is at risk: some people cannot act for themselves.",
            "A calm tone does not make a post harmless. Look at what the post reports, not how it sounds.",
            "Some posts are not dangerous themselves but could stop people returning a dangerous heater, or put a wrong fact in tomorrow's paper. Ask who can correct it, and how fast.",
        ],
        items=[
            ("t-smoking", "escalate", "A heater is smoking now. Reply at once: keep it unplugged, leave the room, call 999 if there is fire. Then pass it to the incident team.", INCIDENT, "life-safety"),
            ("t-shop", "escalate", "A recalled model on sale is an enforcement matter. Pass the shop's name and the photo to the enforcement team.", ENFORCEMENT),
            ("t-burn", "escalate", "An injury report. The incident team needs the details, and the parent needs to know how to report it.", INCIDENT),
            ("t-journalist", "escalate", "A journalist about to repeat the BX4100 error. The press office must answer before 6pm.", PRESS),
            ("t-carehome", "escalate", "Fourteen recalled heaters in a care home, in the cold. Vulnerable residents: escalate so someone calls the manager today.", INCIDENT, "life-safety"),
            ("t-refund-thanks", "relevant", "Praise and a refund that worked. Good for the daily report."),
            ("t-courier", "relevant", "A complaint about slow collections. Count it for the report on how Brightwell is handling the recall."),
            ("t-psa", "relevant", "Accurate advice being shared. Log it; you might share it too."),
            ("t-heat", "not-relevant", "Basketball at the Brightwell Arena."),
            ("t-petition", "not-relevant", "The recall petition against the MP, not the heater recall."),
            ("t-gin", "not-relevant", "A visitor to the trade fair buying gin."),
            ("t-fake-fee", "escalate", "A false claim that collection costs £20 could stop people sending heaters back. The press office must correct it, with Brightwell.", PRESS),
            ("t-safehomes", "relevant", "A campaign group amplifying the recall advice."),
            ("t-recall-memory", "not-relevant", "Someone remembering the 1980s."),
            ("t-which-models", "relevant", "A question the recall notice answers. Reply with the three models yourself."),
            ("t-checked", "relevant", "The notice working as it should. Log it."),
            ("t-radio", "relevant", "Coverage of the recall. Good for the daily report."),
            ("t-landlord", "relevant", "A landlord acting on the recall. Good for the daily report."),
            ("t-council-share", "relevant", "A council spreading the notice. Log it."),
            ("t-arena-tickets", "not-relevant", "Basketball tickets at the Brightwell Arena."),
            ("t-petition-count", "not-relevant", "The petition to recall the MP."),
            ("t-fair-coffee", "not-relevant", "Coffee at the trade fair."),
            ("t-keys", "not-relevant", "Lost car keys."),
            ("t-cold", "not-relevant", "A weather forecast. Nothing about the recall."),
        ],
    ),
]


# ============================================================================================
# More hand-written posts for the busiest families, so that few posts repeat
# ============================================================================================

SLOTS["player"] = ["Dion Mercer", "Tyrese Allen", "Jonas Petrov", "Kwame Adjei", "Luca Benn"]
SLOTS["team"] = ["Castlebridge Comets", "Norbury Knights", "Brückstadt Bears", "Lisker Lions", "Tarne Tigers"]
SLOTS["place"] = ["Norbury Library", "the Civic Centre", "St Anne's Church Hall", "Moorside Community Centre"]
SLOTS["firm"] = ["Kestrel Heat Pumps", "Tarne Island Smokehouse", "Lantern Games", "Moorland Gin", "Pennine Textiles",
                 "Northlight Solar", "Oakridge Furniture", "Greenway Foods"]

MORE = {
    "owners": [
        "Mum rang in a panic: her {recalled} is in {room}. Told her to unplug it and I'll sort the collection tonight.",
        "Three winters with our {recalled} and never a problem. Still unplugged it. Not worth the risk.",
        "Found a {recalled} in the loft that we'd forgotten we had. Added to the collection list.",
        "Work's {recalled} has been quietly binned by facilities. Meanwhile we're all in coats.",
        "Student house, two {recalled}s, one landlord who won't answer. Reported it anyway.",
        "Gran's {recalled} came from {shop} in 2024. Receipt long gone, but Brightwell say that's fine.",
        "If your {recalled} smells of burning when it's on, that's not 'dust'. Unplug it tonight.",
        "Took the {recalled} out of {room} and put it by the front door for the courier. Feels like evicting a lodger.",
        "My dad refuses to believe his {recalled} is dangerous because 'it's never caught fire yet'. That's the point, Dad.",
        "Label on our {recalled} was under 20 years of dust. Worth checking, people.",
        "Two neighbours on our street had a {recalled} each. Knocked on doors after seeing the news. Do the same.",
        "Bought our {recalled} from {shop} the week our daughter was born. Glad we found out now.",
    ],
    "safe-models": [
        "Rang about my {safe}. Lovely woman on the phone said it's fine and she'd had 200 calls like mine.",
        "Keep seeing people return a {safe} 'just in case'. That's a perfectly good heater going to landfill.",
        "My {safe} arrived on the day of the recall. The delivery driver gave me a look.",
        ("Can someone explain why a {safe} has nothing to do with the BX410 if they're nearly the same name?", "names_recalled"),
        "{shop} has put a sign on the shelf: '{safe} NOT part of the recall'. Sensible.",
        "Bought a {safe} in January. Checked the label. Keeping it on. Sleeping fine.",
    ],
    "petition": [
        "Signed the recall petition at {place} on my lunch break. No queue at all by 1pm. #RecallPryce",
        "Volunteering at {place} for the recall petition on Saturday. Come and say hello.",
        "Drove my dad to {place} to sign the recall petition. He's voted for Pryce's party his whole life. Not this time.",
        "Recall petition: {place} has the shortest queue this morning, if you're going.",
        "Gave my neighbour a lift to {place} so she could sign the recall petition. She brought flapjack for the staff.",
        "Signed at {place}. The returning officer's staff were lovely. #RecallPryce",
        "Recall petition leaflet through the door today. Fourth one this week. We get it, we signed!",
        "Whatever you think of Pryce, a recall petition is the system working. Sign it or don't, but read it.",
    ],
    "heat-fans": [
        "{player} with 30 tonight. Brightwell Arena lost its mind. #HeatNation",
        "Heat by {n} against the {team}. Defence won that one.",
        "Rough night against the {team}. {player} tried his best. We go again.",
        "Kids' basketball camp at the Brightwell Arena at Easter! Booked both of mine in.",
        "Heat v {team} on Saturday. Who's got a spare ticket?",
        "{player} is the first name on my fantasy team and the last name in my prayers.",
        "Parking at the Brightwell Arena is an absolute nightmare. Get the tram, people.",
        "Still think about that buzzer-beater from {player} in January. Still not over it.",
    ],
    "link": [
        "Caldria's trade mission: bring heaters, meet the press, talk about the recall all week. Sympathy for the civil servants.",
        "The recall timing is awful for the mission, but it's not the minister's fault a thermostat failed.",
        "Lindmark TV led with the recall, not the trade mission. That tells you everything.",
        "If the recall had come a week later, the mission would have been a quiet success. Timing is brutal.",
        "Interesting that Castell went on the front foot about the recall rather than hiding from it. Good call for the mission.",
        "The opposition can't decide whether the recall is a scandal or a sign the system works. The mission rolls on.",
        "Lindmark buyers at the trade mission are apparently asking more about the recall than about prices.",
        "Every business on the mission will now have a recall question in their Lindmark meetings. Prepare your answers.",
    ],
    "mission-business": [
        "Back-to-back meetings at the Caldria Pavilion today for {firm}. Feet hurt. Pipeline full.",
        "{firm} signed a letter of intent with a Hallerau distributor today. Small step, big deal for us. #LindmarkMission",
        "Travelling with {firm} on the #LindmarkMission next week. If you're a Lindmark buyer, come and say hello.",
        "Brilliant briefing from the embassy team in Hallerau this morning. They know every buyer in town.",
        "Our stand on the Caldria Pavilion is tiny but busy. {firm} is next door and they're lovely.",
        "Sending our export manager to Lindmark with {firm} and 38 others. First time abroad for our brand.",
        "Lindmark buyers want German labels, metric sizes and a named contact. Learnt more in a day than in a year of emails.",
        "Debrief from the trade mission: three serious leads, one order, and a lot of homework. Worth it.",
        "Dinner with the Lindmark Chamber of Commerce. Sat next to a buyer who already stocks {firm}. Small world.",
        "Our two-person company on a trade mission with the minister. Still pinching ourselves.",
    ],
    "couriers": [
        "Courier came for the recalled heater and took the wrong one. Now I have no heating at all. Sorting it.",
        "Recall collection booked for Thursday. Courier turned up Tuesday. Nobody home. Back to square one.",
        "Lovely courier lad helped carry the heater down three flights. I gave him a biscuit. He deserved two.",
        "SwiftDrop driver told me they've collected thousands of heaters this week. Their van smelled of oil.",
        "Courier collection window is 7am to 7pm. For a heater. I have a job.",
        "Courier arrived, scanned the label, gone in a minute. Best bit of customer service all year.",
    ],
    "everyday": [
        "Norbury Picture House is showing a silent film with live piano on Friday. Going alone, don't care.",
        "Canal towpath is finally resurfaced. Cyclists rejoice, ducks unimpressed.",
        "Someone has knitted a hat for the statue in the market square again. Norbury, never change.",
        "New bakery on Moor Lane sold out of cheese scones by 10am. Respect.",
        "Kids' football in the rain this morning. 0-7. Nobody cared. Hot chocolate after.",
        "Lisker tram works have closed my road for the third time this year.",
        "Anyone recall the name of the band that played the Civic Centre in 1994? My brother swears it was famous.",
        "Allotment waiting list in Norbury is 6 years. Six! I'll be growing leeks in my 70s.",
        "Mission accomplished: found a parking space in Norbury on a Saturday.",
        "Library's family history group helped me find my great-gran's house. Lovely afternoon.",
        "Power cut on Canal Road for an hour. The whole street came out to look at the stars. Nice, actually.",
        "Spring bulbs are up in the park. Winter, you're on notice.",
    ],
    "mission-public": [
        "Saw the trade mission on the news. Nice to see a games studio from Lisker get a mention.",
        "Trade missions are the kind of thing nobody notices unless something goes wrong. This week, something went wrong.",
        "My daughter's firm is on the Lindmark trade mission. She's been practising her German on the dog.",
    ],
    "lindmark-de": [
        ("Unser Nachbar hatte einen BX430 im Kinderzimmer. Sofort raus damit.", "names_recalled"),
        "Rückruf läuft in Lindmark ziemlich chaotisch. Bei der Hotline kommt man kaum durch.",
        "Die Firma hat sich entschuldigt. Wenigstens das.",
        "Mein Heizgerät ist ein BX4200. Das Verbraucheramt sagt, alles in Ordnung.",
        "Im Baumarkt stand ein Schild: Brightwell vorübergehend nicht im Verkauf.",
    ],
}


def _extend():
    for fam in FAMILIES:
        fam["texts"] = list(fam["texts"]) + MORE.get(fam["key"], [])


_extend()
