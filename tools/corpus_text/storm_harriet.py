"""Storm Harriet and the Kerrow evacuation: the words of the demo corpus.

All places, people and organisations are fictional. Caldria is the home country (government
websites under .gov.ex); Kerrow is its coastal district, Port Ellis the harbour town; Marenne is
a French-speaking island republic where Caldrian tourists were caught by the same storm.
Harriet Rovers FC, nicknamed "the Storm", had a supporters' hashtag #StormHarriet long before the
weather service used the name; the consular minister is also called Harriet.

Topics used for labels:
  storm         about the weather event, anywhere
  kerrow        the storm's effects and the response in Kerrow (home)
  marenne       the storm's effects and the response in Marenne, nationals abroad
  evacuation    people leaving their homes or the island: orders, moves, flights
  sandbags      sandbags: supply, filling, collection points
  rest_centre   the rest centres for people who left their homes
  offer_help    a member of the public offering help
  to_council    a member of the public addressing the council (questions, reports, thanks)
  flights_home  assisted departure flights bringing nationals from Saint-Aubin to Lisker
  rovers        Harriet Rovers FC
"""

SEED = 20260204
YEAR = 2026
PREFIX = "sh"
THEME = "storm"
TITLE = "Storm Harriet and the Kerrow evacuation"
DESCRIPTION = (
    "Three weeks (26 January to 15 February 2026) of news, official posts and public chatter as "
    "Storm Harriet strikes the island of Marenne, where Caldrian tourists are stranded, and then "
    "the Kerrow coast, where the council evacuates the Lower Town of Port Ellis. With a football "
    "club whose fans call it Storm Harriet, a minister called Harriet, posts in French, German and "
    "Spanish, misspellings, and loose hashtags."
)

GOV = "gov.ex"

SOURCES = {
    "kerrow-council": dict(
        name="Kerrow Council", display="Kerrow Council", handle="Kerrow_Council",
        author="Kerrow Council Press Office", kind="press-release",
        web="https://www.kerrow.gov.ex/news/{y}/{m}/{slug}"),
    "met-service": dict(
        name="Caldria Met Service", display="Caldria Met Service", handle="MetService_CA",
        author="Caldria Met Service", kind="statement",
        web="https://www.metservice.gov.ex/news/{y}-{m}-{d}-{slug}"),
    "dfa": dict(
        name="Department for Foreign Affairs", display="Foreign Affairs Caldria", handle="DFA_Caldria",
        author="Department for Foreign Affairs", kind="press-release",
        web="https://www.foreign.gov.ex/news/{slug}"),
    "embassy-marenne": dict(
        name="Embassy of Caldria in Marenne", display="Caldria in Marenne", handle="CaldriaMarenne",
        author="Embassy of Caldria, Saint-Aubin", kind="statement",
        web={"en": "https://marenne.embassy.gov.ex/en/news/{slug}",
             "fr": "https://marenne.embassy.gov.ex/fr/actualites/{slug}"}),
    "harriet-okafor": dict(
        name="Harriet Okafor (Minister of State)", display="Harriet Okafor", handle="HarrietOkafor",
        author="Harriet Okafor", kind="post", web="https://social.example/@HarrietOkafor/{n}"),
    "port-ellis-news": dict(
        name="Port Ellis News", display="Port Ellis News", handle="PortEllisNews",
        author="Port Ellis News", kind="news",
        web="https://portellisnews.example/{y}/{m}/{d}/{slug}"),
    "caldria-herald": dict(
        name="The Caldrian Herald", display="The Caldrian Herald", handle="CaldrianHerald",
        author="Herald reporters", kind="news",
        web="https://www.caldriaherald.example/news/{y}/{m}/{d}/{slug}"),
    "courrier-marenne": dict(
        name="Le Courrier de Marenne", display="Le Courrier de Marenne", handle="CourrierMarenne",
        author="La rédaction", kind="news", lang="fr",
        web="https://www.courrierdemarenne.example/actualite/{y}/{m}/{d}/{slug}"),
    "kerrow-coast-action": dict(
        name="Kerrow Coast Action", display="Kerrow Coast Action", handle="KerrowCoastAction",
        author="Kerrow Coast Action", kind="blog",
        web="https://kerrowcoastaction.example/blog/{y}/{m}/{slug}"),
    "harriet-rovers": dict(
        name="Harriet Rovers FC", display="Harriet Rovers FC", handle="HarrietRoversFC",
        author="Harriet Rovers FC", kind="news",
        web="https://www.harrietrovers.example/news/{slug}"),
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
    # residents of Kerrow and elsewhere in Caldria
    "local": _people("""
        Jo Pengelly|jopengelly
        Bex Trewin 🌊|bextrewin
        Martin Tregunna|mtregunna
        Sian Carew|siancarew
        Dave Hollow|davehollow62
        Port Ellis Mum of 3|pemumof3
        Aled Rowe|aledrowe
        Kirsty M|kirstym_pe
        Nick Penhale|nickpenhale
        Tash|tashwrites
        Graham Vosper|gvosper
        Leah Chenoweth|leahchen
        Col Burrows|colburrows
        Harbour Row Harry|harbourrowharry
        Amira Haddad|amirahaddad
        Femi Adeyemi|femi_a
        Rachel Jory|racheljory
        Ollie Trask|ollietrask
        Janet Kitto|janetkitto
        Pete the Plumber|petetheplumberPE
        Morwenna Stone|morwennastone
        Ed Angove|edangove
        Suze|suze_kerrow
        Dan Rickard|danrickard
        Paula Menhenick|paulamen
        Chris Oates|chrisoates
        Lowenna B|lowennab
        Ravi Kapoor|ravikapoor_pe
        Elaine Tonkin|elainetonkin
        Mark Bennetto|markbennetto
        Jess Polglase|jesspolglase
        Tom Eddy|tomeddy
        Gwen Harvey|gwenharvey
        Steph Rule|stephrule
        Ben Nance|bennance
        Carole Pascoe|carolepascoe
        Ade Okonjo|adeokonjo
        Kate Dunstan|katedunstan
        Mike Symons|mikesymons
        Hannah Trebilcock|htrebilcock
        Old Git on the Quay|oldgitquay
        Ellie Moyle|elliemoyle
        Josh Cardew|joshcardew
        Nadia Rahman|nadiarahman
        Barry Libby|barrylibby
        Claire Rosewarne|clairerosewarne
        Sam Hocking|samhocking
        Penmore Pete|penmorepete
        Liz Uren|lizuren
        Wayne Pollard|waynepollard
        Anna Kowalska|annakowalska_pe
        Rob Treloar|robtreloar
        Fi Goldsworthy|figoldsworthy
        Dr Jen Hosken|drjenhosken
        Kieran Lobb|kieranlobb
        Marie Curnow|mariecurnow
        Phil Retallack|philretallack
        Yasmin Ali|yasminali
        Tony Bolitho|tonybolitho
        Karen Spargo|karenspargo
        Lucy Tamblyn|lucytamblyn
        Jacob Rowse|jacobrowse
        Ardley Allotments|ardleyallotments
        Vic Pearce|vicpearce
        Sandra Hicks|sandrahicks
        Gary Blewett|garyblewett
        Natalie Keast|nataliekeast
        Ian Thomas|iantkerrow
        Becca Vincent|beccavincent
        Owen Roberts|owenroberts
        Mel Teague|melteague
        Stuart Harris|stuharris
        Priya Shah|priyashah_k
        Jim Trethewey|jimtrethewey
        Dee Laity|deelaity
        Paul Hendra|paulhendra
        Kerrow Dog Walkers|kerrowdogwalkers
        Zoe Berryman|zoeberryman
        Neil Crocker|neilcrocker
        Hayley Dunn|hayleydunn
    """),
    # families and friends of Caldrians caught in Marenne, and the travellers themselves
    "travellers": _people("""
        Gemma Ashworth|gemmaashworth
        Tom & Lou on tour|tomandlouontour
        Rosie Fairbairn|rosiefairbairn
        Daniel Osei|danielosei
        Cath Mulholland|cathmulholland
        Mo Hassan|mohassan
        Lisker Lass|liskerlass
        Andrew Pryor|andrewpryor
        Jen Whitcombe|jenwhitcombe
        Kwame Boateng|kwameboateng
        Hollie (travels)|hollietravels
        Sue Brereton|suebrereton
        Mark & Dee|markanddee
        Imran Qureshi|imranq
        Fiona Lockhart|fionalockhart
        Backpack Ben|backpackben
        Laura Kinsella|laurakinsella
        Priti Desai|pritidesai
        Niall Corrigan|niallcorrigan
        Chloe Sandford|chloesandford
        Sarah Bellamy|sarahbellamy
        Ruth Adebayo|ruthadebayo
        Greg Whitfield|gregwhitfield
        The Okonedo family|okonedofamily
        Jess on the road|jessontheroad
    """),
    "marenne_fr": _people("""
        Aurélie Vautrin|aurelievautrin
        Jean-Marc Lebon|jmlebon
        Nathalie Grondin|nathaliegrondin
        Kévin Payet|kevinpayet
        Sandrine Hoarau|sandrinehoarau
        Fabrice Turpin|fabriceturpin
        Marie-Josée Técher|mjtecher
        Ludovic Fontaine|ludofontaine
        Océane Rivière|oceaneriviere
        Port-Vallon Infos|portvalloninfos
        Yannick Boyer|yannickboyer
        Christelle Maillot|christellemaillot
        Patrice Lauret|patricelauret
        Émilie Dijoux|emiliedijoux
        Anse-Claire Plongée|anseclaireplongee
    """),
    "tourist_de": _people("""
        Katrin Hofmann|katrinhofmann
        Jonas Weber|jonasweber
        Familie Brandt|familiebrandt
        Lena Vogt|lenavogt
        Matthias Krüger|matthiaskrueger
        Sabine Lorenz|sabinelorenz
    """),
    "tourist_es": _people("""
        Lucía Moreno|luciamoreno
        Javier Ortega|javierortega
        Carmen y Pablo|carmenypablo
        Marta Ruiz|martaruiz
        Diego Salinas|diegosalinas
    """),
    "fans": _people("""
        Rovers Till I Die|roverstid
        Storm Chaser (the footy kind)|stormchaserfc
        Big Kev|bigkevrovers
        Harriet Ultras|harrietultras
        Mags Rovers Fan|magsrovers
        Dylan P|dylanp_hrfc
        Tanya from the Shed|tanyashed
        HRFC Podcast|hrfcpodcast
        Jacko|jacko1911
        Abi Rowlands|abirowlands
        Steve Mellor|stevemellor
        Liam Rovers|liamrovers
        Gaz|gaz_hrfc
        Nell Harper|nellharper
        Old Stand Stories|oldstandstories
    """),
}

SLOTS = {
    # Lower Town streets in Port Ellis, below the sea wall
    "street": ["Harbour Row", "Quay Street", "Mill Lane", "Fisher's Walk", "Tolley Street",
               "Strand Parade", "Marsh Road", "Chapel Steps", "Custom House Lane", "the Esplanade"],
    # higher or inland parts of Kerrow
    "area": ["Penmore", "Castle Hill", "Ardley", "Trewent", "Polmear", "St Bride's", "Upper Town"],
    "resort": ["Port-Vallon", "Anse-Claire", "Belmont", "Saint-Aubin", "Cap Rouge"],
    "hour": ["7", "8", "9", "10", "11", "6", "5"],
    "pet": ["two cats", "the dog", "a very cross cat", "our rabbit", "my nan's budgie", "two spaniels",
            "an elderly labrador", "the tortoise"],
    "thing": ["the sofa", "the photo albums", "mum's sewing machine", "the kids' school bags",
              "my tools", "the freezer stuff", "the telly", "grandad's medals"],
    "n": ["40", "50", "60", "70", "80"],
}


# ============================================================================================
# Long items: council, Met Service, Department for Foreign Affairs, embassy
# ============================================================================================

ITEMS = []


def item(src, when, title, body, topics="", **kw):
    ITEMS.append(dict(src=src, when=when, title=title, body=body, topics=topics, **kw))


def post(src, when, body, topics="", **kw):
    ITEMS.append(dict(src=src, when=when, title="", body=body, topics=topics, kind="post", **kw))


# --- Kerrow Council: news pages -------------------------------------------------------------

item("kerrow-council", "01-26 10:05", "Port Ellis Library to open later on Thursdays", """
    From Thursday 5 February, Port Ellis Library will stay open until 7pm every Thursday, so that
    people who work during the day can borrow books, use the computers and get help with forms.

    The change follows the library survey last autumn, when more than 400 people told us that
    early closing made the library hard to use. Opening times on the rest of the week stay the
    same.

    Councillor Joanna Lusty, cabinet member for communities, said: "Libraries are for everyone,
    and that means being open when people can actually come in. Thursday evenings are a start."

    The library is on Fore Street, a short walk from the town centre bus stops.
    """, "library")

item("kerrow-council", "01-27 14:30", "Have your say on the Tarne ferry timetable", """
    We are asking islanders, visitors and businesses what they need from the ferry between Port
    Ellis and the Isle of Tarne. The current timetable was set in 2019, and the number of people
    travelling for work has changed a lot since then.

    The consultation is open until Friday 27 February. You can fill in the survey online, pick up
    a paper copy at Port Ellis Library or the Tarne post office, or come to one of two drop-in
    sessions:

    - Tarne Village Hall, Tuesday 10 February, 2pm to 7pm
    - Port Ellis Harbour Office, Wednesday 11 February, 2pm to 7pm

    Tarne Ferries will use the results to plan the summer timetable, which starts in May.
    """, "ferry")

item("kerrow-council", "01-29 09:40", "Free parking in the town centre after 3pm on February Saturdays", """
    Car parks in Port Ellis town centre will be free after 3pm on every Saturday in February, to
    support shops and cafés through the quietest part of the year.

    The offer covers the Fore Street, Harbour and Market Square car parks. Charges stay as they
    are for the rest of the week. Blue Badge holders can still park free at any time.

    Port Ellis Traders' Association asked for the scheme after a hard January. Its chair, Maggie
    Doble, said the town centre "needs every reason to bring people in".
    """, "parking")

item("kerrow-council", "02-02 15:20", "Storm Harriet: sandbags available from three collection points", """
    The Met Service has issued an amber warning for wind and coastal flooding for the Kerrow
    coast from 6am on Wednesday 4 February until 6pm on Thursday 5 February.

    We have filled 6,000 sandbags and are handing them out from today at:

    - Harbour car park, Port Ellis (by the lifeboat station)
    - Ardley Village Hall car park
    - the council depot on Marsh Road

    Collection points are open from 8am to 8pm until Wednesday evening. Please take only what
    you need: 6 sandbags will protect a standard front door. If you cannot lift or carry them,
    call 0300 555 0142 and we will bring them to you. We are giving priority to people who are
    older, disabled or living alone in the Lower Town.

    Sandbags slow water down; they do not stop it. Move valuables, medicines and important papers
    upstairs, and know how to turn off your gas, electricity and water.
    """, "storm kerrow sandbags warning")

item("kerrow-council", "02-03 11:00", "Storm Harriet: how we are getting ready", """
    Our teams have spent the last two days getting ready for Storm Harriet, which is forecast to
    bring gusts of up to 80mph and a storm surge to the Kerrow coast on Wednesday night.

    So far we have:

    - given out more than 3,500 sandbags from three collection points
    - cleared drains and gullies in the Lower Town, Ardley and Polmear
    - closed the flood gates on the Esplanade and tested the pumps at Marsh Road
    - checked on 212 people on our list of residents who may need extra help
    - agreed with Kerrow Leisure Centre that it can open as a rest centre at short notice

    We are not asking anyone to leave their home at the moment. If that changes, we will tell
    residents directly, door to door, as well as on our website, on local radio and on our social
    media accounts.

    Councillor Meera Pascoe, Leader of Kerrow Council, said: "We have done this before and we know
    the Lower Town well. Please check on your neighbours, and please take the warnings seriously."
    """, "storm kerrow sandbags rest_centre warning")

item("kerrow-council", "02-04 11:30", "Red warning: Lower Town residents should get ready to leave", """
    The Met Service has raised the warning for the Kerrow coast to red. It expects a storm surge,
    on top of a high spring tide, at about 11pm tonight, with waves over the sea wall.

    We are asking people who live in the Lower Town of Port Ellis to get ready to leave their
    homes this afternoon. This covers Harbour Row, Quay Street, Mill Lane, Fisher's Walk, Tolley
    Street, Strand Parade, Chapel Steps, Custom House Lane and the seaward side of Marsh Road.

    Pack a bag with medicines, phone chargers, glasses, important papers and a change of clothes.
    If you can stay with friends or family on higher ground, please arrange that now. Our staff
    and police officers will knock on every door in the area from 2pm.

    A decision on evacuation will follow by 4pm. We will publish it here straight away.
    """, "storm kerrow evacuation warning")

item("kerrow-council", "02-04 16:45", "Lower Town evacuation: rest centre open at Kerrow Leisure Centre", """
    On police and Met Service advice, we are evacuating the Lower Town of Port Ellis tonight.
    Please leave your home by 8pm.

    A rest centre is open now at Kerrow Leisure Centre, Castle Hill Road, PL3 4QD. It has hot food,
    drinks, camp beds, blankets, phone charging and first aid, and staff from the council and the
    Red Cross. Pets are welcome if they are in a carrier or on a lead.

    Free buses will run every 20 minutes from Harbour car park to the rest centre from 5pm until
    10pm. If you cannot get there yourself, call 0300 555 0142 and we will collect you.

    If you are going to stay with family or friends, please still tell us, by calling the same
    number, so we know you are safe.

    Kerrow Leisure Centre is closed to the public for the rest of the week while it is in use as a
    rest centre.
    """, "storm kerrow evacuation rest_centre")

item("kerrow-council", "02-05 07:10", "Storm Harriet: morning update, Thursday 5 February", """
    Storm Harriet brought waves over the sea wall at Port Ellis shortly before midnight. Water
    reached homes on Harbour Row, Quay Street and the lower end of Marsh Road. No one has been
    reported hurt.

    - 186 people spent the night at the rest centre at Kerrow Leisure Centre. It stays open.
    - The Lower Town remains closed. Please do not try to go back to your home yet.
    - The Coast Road (K12) is closed between Port Ellis and Ardley because of debris and flooding.
    - About 4,000 homes are without power. Western Grid expects to reconnect most by this evening.
    - Schools in Port Ellis, Ardley and Polmear are closed today.
    - Bin collections in the Lower Town are suspended until further notice.

    Please stay away from the seafront. Flood water can hide open drains and is often polluted.

    Our next update will be at 1pm.
    """, "storm kerrow evacuation rest_centre")

item("kerrow-council", "02-05 13:05", "Seaview House residents moved safely to Penmore", """
    All 31 residents of Seaview House care home on Marsh Road have been moved safely to Penmore
    Lodge, a sister home on higher ground, after flood water reached the care home's car park this
    morning.

    Staff from the home, the ambulance service and council social workers worked together on the
    move, which took just under four hours. Families have been told.

    Linda Oakes, manager of Seaview House, said: "The residents have been wonderful and so have
    the crews. Everyone is warm, fed and settled."

    The home will stay closed until it has been inspected.
    """, "storm kerrow evacuation")

item("kerrow-council", "02-05 18:20", "Second rest centre opens at Penmore Community Hall", """
    We have opened a second rest centre at Penmore Community Hall, Chapel Road, for people from
    Ardley and Polmear whose homes have lost power or been damaged. It is open from 6pm tonight.

    The rest centre at Kerrow Leisure Centre remains open for Lower Town residents.

    Both rest centres have food, hot drinks, bedding and staff who can help with medicines,
    insurance questions and finding somewhere to stay. Call 0300 555 0142 if you need transport.
    """, "storm kerrow rest_centre evacuation")

item("kerrow-council", "02-06 09:15", "Lower Town residents: when you can go home", """
    Engineers have checked the sea wall and the Esplanade flood gates overnight. Residents of the
    following streets can go home from 10am today: Mill Lane, Fisher's Walk, Tolley Street, Strand
    Parade, Chapel Steps and Custom House Lane.

    Harbour Row, Quay Street and the seaward end of Marsh Road stay closed while we check
    buildings and the gas and electricity supply. We expect to reopen them on Saturday.

    When you go home:

    - do not turn on electrics that have been in flood water; ask an electrician to check them
    - wear gloves and boots when you clean up
    - take photos of damage for your insurer before you throw anything away
    - call 0300 555 0142 if you need a skip, a dehumidifier or help with cleaning

    The rest centre at Kerrow Leisure Centre stays open for anyone who cannot go home yet.
    """, "storm kerrow evacuation rest_centre")

item("kerrow-council", "02-06 12:00", "Coast Road (K12) closed between Port Ellis and Ardley", """
    The Coast Road (K12) remains closed between the Harbour roundabout in Port Ellis and Ardley
    village after Storm Harriet washed away part of the road edge at Gull Point.

    Diversion: via the B3301 through Penmore and Trewent. Allow an extra 15 minutes.

    Our engineers are surveying the damage. We will say by the end of next week how long repairs
    will take. Buses on route 14 are following the diversion.
    """, "storm kerrow roads", path="https://roads.kerrow.gov.ex/closures/{y}/{slug}")

item("kerrow-council", "02-07 16:00", "Rest centres to close on Sunday", """
    Both rest centres will close at noon on Sunday 8 February. Almost everyone who stayed at Kerrow
    Leisure Centre or Penmore Community Hall has now gone home or found somewhere else to stay.

    The 14 households who cannot yet return home will be offered temporary accommodation. Our
    housing team has spoken to each of them.

    Kerrow Leisure Centre will reopen to the public on Tuesday 10 February after a deep clean.

    We want to thank the Red Cross, the staff of the leisure centre, and more than 200 local
    volunteers who cooked, sorted donations and sat up through the night with people who had left
    everything behind.
    """, "storm kerrow rest_centre volunteers")

item("kerrow-council", "02-09 10:00", "Flood recovery grants open for households and businesses", """
    Households and businesses in Kerrow whose homes or premises were flooded by Storm Harriet can
    now apply for a Flood Recovery Grant.

    - Households can get £500 to help with cleaning, drying out and replacing essential items.
    - Businesses can get up to £2,500 to help them reopen.

    You do not need to pay the grant back. It does not affect benefits. You can apply even if you
    have insurance.

    Apply online at kerrow.gov.ex/floodgrant or call 0300 555 0142. Applications close on Friday
    27 March. We aim to pay within 10 working days.
    """, "storm kerrow recovery")

item("kerrow-council", "02-10 11:30", "Tarne ferry: fewer sailings while the linkspan is repaired", """
    Storm Harriet damaged the linkspan, the ramp that vehicles use to get on and off the ferry, at
    Port Ellis harbour. Tarne Ferries will run a reduced timetable from Monday 16 February while it
    is repaired.

    There will be three return sailings a day instead of six. Foot passengers can travel as usual;
    vehicles must book. The full timetable is on the Tarne Ferries website.

    The consultation on the long-term timetable is still open until 27 February.
    """, "storm kerrow ferry")

item("kerrow-council", "02-11 15:00", "Council leader thanks volunteers and staff", """
    Councillor Meera Pascoe, Leader of Kerrow Council, has written to every volunteer who helped
    during Storm Harriet.

    "In one night, 400 people left their homes in the Lower Town. Nobody was hurt. That happened
    because of staff who knocked on doors in the dark, bus drivers who kept going, and hundreds of
    you who turned up at the rest centre with soup, blankets and dog food. Thank you."

    The council will hold a public meeting on Thursday 19 February at the Guildhall to hear what
    went well, what did not, and what residents want from the review of sea defences.
    """, "storm kerrow rest_centre volunteers")

item("kerrow-council", "02-12 09:30", "Coast Road repairs: six-week closure from 16 February", """
    The Coast Road (K12) between Port Ellis and Ardley will stay closed for about six weeks from
    Monday 16 February while we rebuild the road edge at Gull Point and repair the sea wall
    beneath it.

    Diversion: via the B3301 through Penmore and Trewent.

    Residents of Gull Point Cottages will have access at all times. Bus route 14 will follow the
    diversion and add a stop at Trewent crossroads.
    """, "storm kerrow roads", path="https://roads.kerrow.gov.ex/closures/{y}/{slug}")

item("kerrow-council", "02-13 12:00", "Port Ellis Library reopens on Saturday", """
    Port Ellis Library will reopen at 9am on Saturday 14 February, after flood water damaged the
    children's library and the carpets on the ground floor.

    The children's library will be upstairs for now. The Thursday late opening starts again on 19
    February. Books due back during the closure will not be fined.
    """, "storm kerrow library recovery")

item("kerrow-council", "02-04 12:30", "Storm Harriet: how to offer help", """
    Many people have asked how they can help neighbours during Storm Harriet. Thank you.

    If you can offer a spare room, a lift, a hot meal or a pair of hands, post it with the hashtag
    #HarrietHelp or fill in the form at kerrow.gov.ex/harriethelp. Our volunteer hub will match
    offers with people who need them.

    Please do not go into the Lower Town once the evacuation begins. The best help tonight is to
    stay off the roads near the seafront.
    """, "storm kerrow volunteers")

# --- Met Service ----------------------------------------------------------------------------

item("met-service", "01-26 16:00", "Week ahead: unsettled, with rain at times", """
    A run of Atlantic low-pressure systems will keep the weather changeable this week. Expect rain
    at times, heaviest in the west, and fresh to strong winds on exposed coasts on Wednesday and
    Thursday.

    Temperatures will be close to normal for late January. Frost is likely on clearer nights
    inland, especially on Friday.

    Longer range, the models hint at a deep area of low pressure early next week. It is too early
    to say where it will track.
    """, "")

item("met-service", "01-30 14:00", "Storm Harriet named", """
    We have named Storm Harriet, the eighth named storm of the 2025-26 season. Harriet is now a
    deep area of low pressure in the mid-Atlantic and is moving north-east.

    It is expected to pass close to Marenne on Monday night and Tuesday and to reach the west
    coast of Caldria late on Wednesday 4 February.

    A yellow warning for wind covers western coasts from Tuesday to Thursday. Further warnings are
    likely. Storm Harriet could bring very strong winds, large waves and coastal flooding, and
    travel disruption.

    Storm names help people follow severe weather and take action. The next name on this season's
    list is Isaac.
    """, "storm warning kerrow")

item("met-service", "02-02 10:00", "Amber warnings for wind and coastal flooding", """
    We have issued amber warnings for wind and coastal flooding for the Kerrow coast and the Isle
    of Tarne, valid from 6am on Wednesday 4 February to 6pm on Thursday 5 February.

    Storm Harriet is expected to bring gusts of 70 to 80mph on exposed coasts, with large waves.
    The strongest winds will coincide with a high spring tide on Wednesday night, bringing a risk
    of waves overtopping sea walls.

    What to expect: damage to buildings, power cuts, road closures, cancelled ferries, and danger
    to life from large waves and debris near the coast.
    """, "storm warning kerrow")

item("met-service", "02-04 10:30", "Red warning: Kerrow coast, Wednesday night", """
    We have issued a red warning for wind and coastal flooding for the Kerrow coast, valid from
    9pm on Wednesday 4 February until 6am on Thursday 5 February.

    Storm Harriet has deepened faster than expected. Gusts of 85 to 95mph are likely on headlands,
    and a storm surge of up to 1.2 metres is expected around high tide at 11pm.

    There is a danger to life. Follow the advice of Kerrow Council and the emergency services.
    Stay away from the seafront.
    """, "storm warning kerrow")

item("met-service", "02-05 12:00", "Storm Harriet: what happened overnight", """
    Storm Harriet made landfall on the Kerrow coast at about 11.30pm on Wednesday. The highest gust
    was 96mph at Ardley Point, a February record for the station. Port Ellis recorded a gust of
    81mph at 11.50pm.

    The surge at Port Ellis tide gauge peaked at 1.1 metres above the predicted tide, just after
    high water.

    The red warning expired at 6am. Amber and yellow warnings remain for the rest of the day as
    Harriet moves north-east and weakens.
    """, "storm warning kerrow")

item("met-service", "02-06 16:00", "Harriet clears, with showers to follow", """
    Storm Harriet is now over the northern sea and weakening. The weekend will be colder, with
    showers, some wintry over high ground, and lighter winds.

    No warnings are in force. We are reviewing the forecasts and warnings we issued for Harriet,
    as we do after every named storm.
    """, "storm kerrow")

# --- Department for Foreign Affairs ---------------------------------------------------------

item("dfa", "02-01 18:00", "Marenne travel advice: Storm Harriet", """
    Storm Harriet is expected to pass close to Marenne from Monday 2 February. The Marenne
    authorities have issued a red alert (vigilance rouge) for the north coast, including
    Port-Vallon and Anse-Claire.

    If you are in Marenne:

    - follow the instructions of the local authorities and your hotel
    - keep your passport and medicines with you
    - tell family at home where you are
    - register with the Embassy of Caldria so that we can contact you

    Flights to and from Saint-Aubin are likely to be disrupted. Contact your airline or tour
    operator before travelling to the airport.
    """, "storm marenne", path="https://travel.foreign.gov.ex/marenne/updates/{y}-{m}-{d}")

item("dfa", "02-03 09:00", "Caldrians in Marenne: register with the embassy", """
    Storm Harriet struck the north coast of Marenne overnight. Saint-Aubin airport is closed, and
    there are power cuts across the island.

    We estimate that about 1,900 Caldrian nationals are in Marenne, most of them on holiday. If you
    are one of them, or you are worried about someone who is, please register their details with
    the Embassy of Caldria in Saint-Aubin online or by calling +99 20 555 0100.

    Our consular staff are working with the Marenne authorities, airlines and tour operators.
    """, "storm marenne")

item("dfa", "02-04 15:00", "Minister's statement on Storm Harriet and Marenne", """
    Harriet Okafor, Minister of State for Consular Affairs, said:

    "Storm Harriet has caused serious damage in Marenne, and many Caldrians there are frightened
    and far from home. I have spoken to the Prime Minister of Marenne to offer our support.

    "Our embassy team has been working through the night. More than 1,200 people have registered
    with them. We are now planning assisted departure flights for Caldrians who want to leave,
    starting as soon as Saint-Aubin airport can reopen. Those most in need will go first.

    "If you are in Marenne, please register with the embassy if you have not already, and follow
    the advice of the local authorities."
    """, "storm marenne evacuation")

item("dfa", "02-04 22:10", "Assisted departure flights from Marenne", """
    The Department for Foreign Affairs will run assisted departure flights from Saint-Aubin to
    Lisker from Thursday 5 February, subject to the airport reopening.

    Seats are for Caldrian nationals, their partners and dependants. Priority goes to people with
    medical needs, families with young children, and older travellers. The embassy will contact
    registered people directly to offer seats.

    There is no charge for the flight. Please bring your passport (an expired one is fine) and one
    bag. Pets cannot travel on these flights.

    Buses will take people from Port-Vallon, Anse-Claire and Belmont to the airport.
    """, "storm marenne evacuation flights_home")

item("dfa", "02-05 20:30", "First assisted departure flight lands in Lisker", """
    The first assisted departure flight from Saint-Aubin to Lisker landed at 7.55pm tonight with 188
    passengers, including 41 children.

    A second flight from Saint-Aubin to Lisker is due at 11.40pm. Two more will run on Friday.

    Harriet Okafor, Minister of State for Consular Affairs, met passengers in the arrivals hall.
    She said: "Welcome home. I want to thank the crews, the Marenne authorities and our embassy
    staff, who have not stopped since Monday."
    """, "storm marenne evacuation flights_home")

item("dfa", "02-06 11:00", "Caldria sends relief supplies to Marenne", """
    A cargo flight from Lisker to Saint-Aubin left this morning carrying 24 tonnes of relief
    supplies for people in Marenne whose homes were damaged by Storm Harriet: tarpaulins, water
    purification kits, hygiene kits and generators.

    A second flight from Lisker to Saint-Aubin will follow on Saturday. The supplies will be handed
    to the Marenne Red Cross for distribution on the north coast.

    Caldria is also giving £2 million to the Marenne Red Cross appeal.
    """, "storm marenne aid")

item("dfa", "02-07 21:30", "Assisted departure completed: 842 people brought home", """
    The last of five assisted departure flights from Saint-Aubin to Lisker landed this evening.
    In total, 842 people, including 197 children, have come home on the flights.

    About 1,000 Caldrians have chosen to stay in Marenne or are leaving on commercial flights,
    which resume on Tuesday. The embassy remains open and can help anyone who needs it.

    The minister thanked the Marenne government, the airport staff and the airline crews.
    """, "storm marenne evacuation flights_home")

item("dfa", "02-09 08:00", "Minister visits Saint-Aubin", """
    Harriet Okafor, Minister of State for Consular Affairs, is visiting Marenne today. She flew
    from Lisker to Saint-Aubin overnight on the second relief flight.

    The minister will meet Marenne ministers, visit Port-Vallon, where Storm Harriet did the most
    damage, and thank embassy staff and volunteers.
    """, "storm marenne")

item("dfa", "02-12 14:00", "Marenne travel advice updated", """
    We have updated our travel advice for Marenne. We no longer advise against all but essential
    travel to the north coast, except for Port-Vallon, where water and power supplies are still
    being repaired.

    Commercial flights from Lisker to Saint-Aubin resumed on Tuesday 10 February. Many hotels on
    the north coast remain closed. Check with your tour operator before you travel.

    If you need help in Marenne, contact the Embassy of Caldria in Saint-Aubin on +99 20 555 0100,
    24 hours a day.
    """, "storm marenne", path="https://travel.foreign.gov.ex/marenne/updates/{y}-{m}-{d}")

# --- Embassy of Caldria in Marenne ----------------------------------------------------------

item("embassy-marenne", "02-02 09:30", "Storm Harriet: advice for Caldrians in Marenne", """
    Storm Harriet is forecast to reach the north coast of Marenne tonight. The Marenne authorities
    have issued a red alert for Port-Vallon, Anse-Claire and Belmont.

    Stay indoors from 6pm. Keep your phone charged and your passport with you. Follow the advice of
    your hotel and of the local civil protection service (Protection civile).

    If you need help, call the embassy on +99 20 555 0100 at any time.
    """, "storm marenne")

item("embassy-marenne", "02-03 10:30", "Register your details with the embassy", """
    If you are a Caldrian national in Marenne, please register your details with us using the online
    form, even if you are safe. It helps us know who is on the island and contact you quickly.

    If you cannot get online, ask your hotel or tour representative to call us, or send a text
    message with your name, date of birth and location to +99 20 555 0199.

    Saint-Aubin airport is closed. We will publish information about flights as soon as we have it.
    """, "storm marenne")

item("embassy-marenne", "02-04 23:00", "Assisted departure: how to get a seat", """
    Assisted departure flights will leave Saint-Aubin for Lisker from Thursday 5 February.

    You do not need to call us to ask for a seat. We will call or text everyone who has registered,
    in order of need. When we contact you, we will tell you which bus to take to the airport.

    Bring your passport, any medicines you need, and one bag of up to 15kg. Pets cannot travel.

    If you have not registered yet, do it now.
    """, "storm marenne evacuation flights_home")

item("embassy-marenne", "02-04 23:10", "Tempête Harriet : vols de départ assisté", """
    Des vols de départ assisté partiront de Saint-Aubin vers Lisker à partir du jeudi 5 février,
    pour les ressortissants caldriens et leurs familles.

    Inutile d'appeler l'ambassade pour demander une place : nous contacterons les personnes
    inscrites, par ordre de priorité. Les personnes malades, les familles avec de jeunes enfants et
    les personnes âgées partiront en premier.

    Les bus partiront de Port-Vallon, d'Anse-Claire et de Belmont. Nous remercions la Protection
    civile de Marenne et l'aéroport de Saint-Aubin pour leur aide.
    """, "storm marenne evacuation flights_home", lang="fr")

item("embassy-marenne", "02-05 08:00", "Buses to Saint-Aubin airport", """
    Buses for today's assisted departure flights will leave from:

    - Port-Vallon: the town hall square (place de la Mairie) at 9am
    - Anse-Claire: the Hôtel Corail car park at 10am
    - Belmont: the church at 10.30am

    Only people who have received a text message from the embassy should travel today. If you did
    not get a message, you have not been forgotten: we will contact you about a later flight.
    """, "storm marenne evacuation")

item("embassy-marenne", "02-06 17:00", "Départ assisté : point de situation", """
    Trois vols de départ assisté ont quitté Saint-Aubin pour Lisker depuis jeudi. Deux autres vols
    sont prévus vendredi et samedi.

    Nous remercions les habitants de Marenne pour leur accueil et leur solidarité, malgré les
    dégâts causés par la tempête Harriet sur leurs propres maisons.

    L'ambassade reste ouverte 24 heures sur 24 : +99 20 555 0100.
    """, "storm marenne evacuation flights_home", lang="fr")

item("embassy-marenne", "02-09 09:00", "Consular services resume", """
    The embassy's public counter reopens today for passports, emergency travel documents and
    notarial services. Appointments are not needed this week.

    If you lost your passport during Storm Harriet, you can apply for an emergency travel document
    at the counter. Bring a photo and any proof of identity you still have.
    """, "storm marenne")

item("embassy-marenne", "01-27 10:00", "Renouvellement des passeports : nouveaux délais", """
    Les demandes de renouvellement de passeport caldrien déposées à l'ambassade sont désormais
    traitées en quatre semaines environ. Pensez à vérifier la date d'expiration de votre passeport
    avant de réserver un voyage.
    """, "", lang="fr")

# --- Port Ellis News ------------------------------------------------------------------------

PEN = "port-ellis-news"

item(PEN, "01-26 08:10", "Crab prices hit record at Port Ellis fish market", """
    Brown crab sold for a record £6.40 a kilo at Port Ellis fish market on Friday, as a poor season
    in the north pushed buyers south.

    Skipper Mark Bennetto, who fishes out of the harbour on the Morwenna Rose, said the good prices
    would not last. "It's a short window. Come March the rest of the fleet catches up and it drops
    back."

    The market, which moved into the renovated harbour shed last year, now sells to restaurants as
    far away as Lisker.
    """, "", author="Gethin Moyle")

item(PEN, "01-27 12:30", "Row over plans for flats on Tolley Street", """
    Plans for 18 flats on the site of the old chandlery on Tolley Street have drawn more than 90
    objections, many from neighbours worried about parking and about building so close to the sea
    wall.

    The developer, Harbourside Homes, says the ground floor would be used only for bike and bin
    stores, and that the design meets the latest flood rules.

    Kerrow Council's planning committee will decide the application in March.
    """, "", author="Sophie Kerr")

item(PEN, "01-28 17:45", "Penmore Primary's panto sells out in a day", """
    Tickets for Penmore Primary School's Aladdin went in under 24 hours, after the school put on an
    extra matinee. Head teacher Ann Pollard said the children had been rehearsing since November.
    "The genie has been practising in the playground every break time."

    The shows are on Friday 13 and Saturday 14 February at Penmore Community Hall.
    """, "", author="Sophie Kerr")

item(PEN, "01-30 15:20", "Storm Harriet named, and Kerrow could be in its path", """
    The Caldria Met Service has named Storm Harriet, which it expects to reach the west coast late
    next Wednesday, after passing close to the holiday island of Marenne.

    It is too soon to say exactly where the worst winds will be, but forecasters say exposed coasts,
    including Kerrow and the Isle of Tarne, should be ready for gales and big seas.

    The timing worries people in the Lower Town of Port Ellis: Wednesday night brings one of the
    highest tides of the year.

    And yes, Harriet Rovers fans, we know. The club's nickname is the Storm, and their supporters
    have used "Storm Harriet" for years. The Met Service says names are picked from public
    suggestions and the choice was "a coincidence".
    """, "storm kerrow", author="Dana Whitlock")

item(PEN, "02-02 18:00", "Sandbag queues as Kerrow gets ready for Storm Harriet", """
    Cars queued out of Harbour car park on Monday afternoon as residents collected sandbags ahead
    of Storm Harriet.

    Kerrow Council has filled 6,000 sandbags and is handing them out at Harbour car park, Ardley
    Village Hall and the Marsh Road depot until Wednesday evening.

    Janet Kitto, 74, who has lived on Quay Street for 50 years, took six. "I've seen the sea come up
    Quay Street three times. You don't forget it. I'll put these down tonight and move the
    photographs upstairs."

    Some residents said they had struggled to lift the bags. The council says anyone who cannot
    carry sandbags can call 0300 555 0142 to have them brought to the door.
    """, "storm kerrow sandbags", author="Dana Whitlock")

item(PEN, "02-03 14:10", "Kerrow families fear for relatives stranded in Marenne", """
    Families in Kerrow are waiting for news of relatives caught on the island of Marenne, where
    Storm Harriet tore roofs off hotels overnight and closed the airport.

    Karen Spargo's parents, both in their seventies, are in Port-Vallon on their first holiday for
    five years. "We had one text at 6am that said 'we're OK, no power'. Nothing since," she said.

    The Department for Foreign Affairs says about 1,900 Caldrians are in Marenne and is asking them
    to register with the embassy in Saint-Aubin.
    """, "storm marenne", author="Sophie Kerr")

item(PEN, "02-04 12:05", "Lower Town told to get ready to leave as red warning issued", """
    People living in the Lower Town of Port Ellis have been told to pack a bag and be ready to leave
    their homes this afternoon, after the Met Service issued a red warning for Storm Harriet.

    Council staff and police will knock on doors from 2pm. A decision on a full evacuation is
    expected by 4pm.

    At the Harbour Café, owner Amira Haddad was taping the windows. "We were open for the rest of
    the day, then the police came in. Fair enough. I'd rather lose a day's takings than a window."
    """, "storm kerrow evacuation warning", author="Dana Whitlock")

item(PEN, "02-04 17:05", "Port Ellis Lower Town to be evacuated tonight", """
    Kerrow Council has ordered the evacuation of the Lower Town of Port Ellis ahead of Storm
    Harriet, which is expected to bring a storm surge over the sea wall at about 11pm.

    About 400 people live in the affected streets. They are being asked to leave by 8pm and to go to
    friends or family on higher ground, or to the rest centre at Kerrow Leisure Centre on Castle
    Hill.

    Free buses are running from Harbour car park every 20 minutes. Councillor Meera Pascoe, leader of
    Kerrow Council, said: "This is a precaution, but it is a serious one. Please go."

    Some residents said they would stay. "I've got a first floor and a kettle," said one Harbour Row
    man, who did not want to be named. Police said they could not force anyone to leave but would
    keep a list of people who stayed.
    """, "storm kerrow evacuation rest_centre", author="Dana Whitlock")

item(PEN, "02-05 06:40", "The night Harriet came over the wall", """
    At 11.42pm the first big wave came over the sea wall by the lifeboat station. By midnight there
    was water running up Quay Street, carrying a recycling bin, a lobster pot and what looked like
    somebody's garden bench.

    I spent the night with the crews at the Harbour roundabout, where police had closed the road.
    The wind was so loud that officers had to shout into each other's ears. Gusts reached 81mph.

    Up at the rest centre in Kerrow Leisure Centre, 186 people and at least 30 dogs sat out the
    storm on camp beds. Volunteers handed out soup until 3am. "Nobody slept," said Jo Pengelly, who
    left her Mill Lane flat with her two children and a hamster. "But nobody was on their own
    either."

    By first light the sea had pulled back. It left mud, seaweed and a smell of diesel along Harbour
    Row. Council engineers were out at 6am looking at the wall.

    Nobody was hurt. That, everyone agreed, was the main thing.
    """, "storm kerrow evacuation rest_centre volunteers", author="Dana Whitlock")

item(PEN, "02-05 11:50", "Care home residents moved as flood water reaches Marsh Road", """
    Thirty-one residents of Seaview House care home were moved to a sister home in Penmore on
    Thursday morning after flood water reached the home's car park.

    Ambulance crews and staff carried some residents in chairs to waiting minibuses. Relatives
    gathered at the end of Marsh Road, which was under several inches of water.

    "They did it so calmly," said Stuart Harris, whose mother, 91, has lived at Seaview House for
    three years. "She thought it was a day trip."
    """, "storm kerrow evacuation", author="Gethin Moyle")

item(PEN, "02-05 14:30", "'They took the dog in too': a night at the rest centre", """
    When Ellie Moyle left her flat on Fisher's Walk at 7pm on Wednesday, she had a rucksack, her
    insulin and a 13-year-old Jack Russell called Biscuit.

    "I'd have stayed if they'd said no dogs. I think a lot of people would," she said. At the rest
    centre in Kerrow Leisure Centre, dogs had their own corner by the climbing wall, with water
    bowls donated by a pet shop in Penmore.

    Red Cross volunteer Phil Retallack said 186 people slept at the centre. "Some had left in their
    slippers. We found them socks, chargers, reading glasses. You learn a lot about what people
    forget."

    Kerrow Council says the rest centre will stay open until everyone has somewhere to go.
    """, "storm kerrow evacuation rest_centre volunteers", author="Sophie Kerr")

item(PEN, "02-05 16:00", "Port Ellis Town v Harriet Rovers called off", """
    Saturday's match between Port Ellis Town and Harriet Rovers has been postponed after Storm
    Harriet damaged the roof of the main stand at the Quay Road ground.

    Town's chairman, Roger Tonkin, said the ground would not be safe in time. "The lads are helping
    with the clean-up in the Lower Town instead."

    A new date will be agreed with the league.
    """, "storm kerrow rovers", author="Gethin Moyle")

item(PEN, "02-06 10:20", "Home from Marenne: 'I've never been so glad to see Lisker'", """
    Karen Spargo's parents, Derek and Pat, were on the first assisted departure flight from
    Saint-Aubin to Lisker on Thursday night.

    Derek said their hotel in Port-Vallon lost its roof in the first hour of the storm. "We spent two
    nights in the basement with 60 other guests. The staff were heroes. They'd lost their own
    houses, some of them, and they were still bringing us coffee."

    The couple got a text from the embassy on Wednesday night and a bus to the airport the next
    morning. Karen picked them up at Lisker airport at 9pm and drove them home to Ardley.
    """, "storm marenne evacuation flights_home", author="Sophie Kerr")

item(PEN, "02-06 15:45", "Mops, skips and a lot of tea: the Lower Town clean-up", """
    Residents were allowed back into most of the Lower Town on Friday morning, and by lunchtime
    carpets, sofas and fridges lined Mill Lane.

    Kerrow Council has put skips at the end of each street and is lending out dehumidifiers. The
    Harbour Café reopened at noon, serving free tea to anyone with a mop.

    Harbour Row and Quay Street remain closed while engineers check buildings.
    """, "storm kerrow", author="Dana Whitlock")

item(PEN, "02-07 09:00", "Sea wall questions after Harriet", """
    Campaigners say Storm Harriet showed that the Port Ellis sea wall is not high enough, and that
    Kerrow Council has known for three years.

    Kerrow Coast Action points to a 2023 engineers' report that recommended raising the wall by 60cm
    along Harbour Row. The council says the work is in its capital programme for 2027, and that
    the wall "did its job" by holding back the worst of the surge.

    A public meeting on the response to the storm and on sea defences will be held at the Guildhall
    on Thursday 19 February.
    """, "storm kerrow", author="Gethin Moyle")

item(PEN, "02-09 12:00", "Flood recovery grants: what you need to know", """
    Households whose homes were flooded by Storm Harriet can apply for £500 from Kerrow Council, and
    businesses can get up to £2,500.

    You can apply even if you have insurance, and the grant does not need to be paid back.
    Applications are open until 27 March at kerrow.gov.ex/floodgrant, or by phone on 0300 555 0142.
    """, "storm kerrow recovery", author="Sophie Kerr")

item(PEN, "02-10 13:15", "Ferry cut to three sailings a day after storm damage", """
    The Tarne ferry will run three return sailings a day instead of six from next Monday, after
    Storm Harriet damaged the vehicle ramp at Port Ellis harbour.

    Islanders said the cut would hit people who commute to Port Ellis for work. Tarne councillor
    Ruth Hocking said: "Three sailings is a lifeline, but only just."
    """, "storm kerrow ferry", author="Gethin Moyle")

item(PEN, "02-12 10:00", "Coast Road to stay shut for six weeks", """
    The Coast Road between Port Ellis and Ardley will be closed for about six weeks from Monday while
    Kerrow Council rebuilds the section washed away by Storm Harriet at Gull Point.

    Drivers are being sent via Penmore and Trewent. Bus route 14 will follow the diversion.
    """, "storm kerrow roads", author="Dana Whitlock")

item(PEN, "02-13 16:30", "Library back open on Saturday, with the children's books upstairs", """
    Port Ellis Library reopens on Saturday after a week of drying out. Staff moved 3,000 children's
    books upstairs on the night of the storm, and only about 200 were lost.
    """, "storm kerrow library recovery", author="Sophie Kerr")

item(PEN, "02-14 09:30", "Storm volunteers to be thanked at Guildhall event", """
    Volunteers who cooked, drove and sat up through the night at the rest centres during Storm
    Harriet will be thanked at a reception at the Guildhall next month, Kerrow Council has said.

    Among them is 17-year-old Josh Cardew, who ran a phone-charging station from the leisure
    centre's café for three days. "People just needed to tell their families they were OK," he said.
    """, "storm kerrow rest_centre volunteers", author="Sophie Kerr")

item(PEN, "02-15 11:00", "Sea defences meeting set for Thursday", """
    Residents will be able to question Kerrow Council about its response to Storm Harriet and its
    plans for the sea wall at a public meeting in the Guildhall at 7pm on Thursday.

    Kerrow Coast Action is urging people to attend. The council says it will publish the 2023 sea
    wall report before the meeting.
    """, "storm kerrow", author="Gethin Moyle")

# --- The Caldrian Herald (national) ---------------------------------------------------------

HER = "caldria-herald"

item(HER, "01-28 07:00", "Budget talks stall over rural bus funding", """
    Talks between the finance ministry and regional councils broke up without agreement on Tuesday,
    with councils warning that rural bus routes could close from April.

    The Association of Regional Councils wants a ring-fenced fund of £90 million. The ministry has
    offered £55 million.
    """, "", author="Tom Achterberg")

item(HER, "01-31 19:30", "Harriet Rovers stun Lisker City to reach cup semi-final", """
    Kofi Mensah-Lowe scored twice as Harriet Rovers came from behind to beat Lisker City 2-1 and
    reach the national cup semi-final for the first time since 1987.

    The Storm, as Rovers are known, were a goal down at half-time but took control after the break.
    Manager Dean Farrow said: "We've been waiting 39 years. The town has earned this."
    """, "rovers", author="Liam Fortune")

item(HER, "02-03 08:20", "Storm Harriet batters Marenne as Caldrian tourists shelter in hotels", """
    Storm Harriet tore across the north coast of Marenne overnight, bringing down power lines,
    flooding streets in Port-Vallon and closing Saint-Aubin airport.

    About 1,900 Caldrians are thought to be on the island, most of them on winter holidays. Tour
    operators said guests were safe but that several hotels had lost power and water.

    The Department for Foreign Affairs has asked Caldrians in Marenne to register with the embassy.
    The storm is expected to reach Caldria's west coast on Wednesday.
    """, "storm marenne", author="Priya Nair")

item(HER, "02-04 09:00", "Government plans flights to bring Caldrians home from Marenne", """
    The government is preparing to charter planes to bring Caldrian holidaymakers home from Marenne,
    where Storm Harriet has left Saint-Aubin airport closed and parts of the island without power or
    running water.

    Officials said the flights would run from Saint-Aubin to Lisker as soon as the runway was
    cleared, possibly by Thursday. Harriet Okafor, the consular minister, is expected to make a
    statement later today.

    Relatives have criticised the pace of the response. "We're being told to register and wait,"
    said Andrew Pryor, whose daughter is in Anse-Claire.
    """, "storm marenne evacuation flights_home", author="Tom Achterberg")

item(HER, "02-04 13:10", "Red warning as Storm Harriet heads for Kerrow", """
    The Met Service has issued a red warning for the Kerrow coast, where Storm Harriet is expected
    to bring gusts of up to 95mph and a storm surge tonight.

    Kerrow Council is preparing to evacuate the Lower Town of Port Ellis. It is the first red
    warning for the coast since Storm Dylan in 2021.
    """, "storm kerrow warning evacuation", author="Priya Nair")

item(HER, "02-05 08:00", "Storm Harriet: Port Ellis floods as hundreds spend night in rest centre", """
    Waves overtopped the sea wall at Port Ellis just before midnight, flooding streets in the
    town's Lower Town, which had been evacuated hours earlier.

    Kerrow Council said 186 people spent the night at a rest centre in Kerrow Leisure Centre. About
    4,000 homes lost power. No injuries were reported.

    Storm Harriet brought a gust of 96mph at Ardley Point, a February record.

    In Marenne, which the storm hit on Monday night, Saint-Aubin airport is expected to reopen this
    morning for the first assisted departure flights from Saint-Aubin to Lisker.
    """, "storm kerrow marenne evacuation rest_centre flights_home", author="Priya Nair")

item(HER, "02-05 15:40", "'We slept on the airport floor': Caldrians tell of Marenne ordeal", """
    Caldrians arriving at Saint-Aubin airport on Thursday described two nights without power or
    water after Storm Harriet.

    "Our hotel in Port-Vallon turned the basement into a dormitory," said Gemma Ashworth, 34, from
    Lisker. "The wind sounded like a train that never stopped."

    Others were less happy. A group from Castlebridge said they had waited nine hours at the
    terminal without information. The Department for Foreign Affairs said it was "working as fast
    as safety allows".
    """, "storm marenne evacuation", author="Liam Fortune")

item(HER, "02-06 07:30", "How the Marenne flights work", """
    Five chartered flights will bring Caldrians home from Marenne by Saturday. Here is how the
    operation works.

    Who can fly? Caldrian nationals, their partners and children. People with medical needs,
    families with small children and older travellers go first.

    How do you get a seat? Register with the Embassy of Caldria in Saint-Aubin. The embassy texts
    people when a seat is ready, with a bus time.

    What does it cost? Nothing.

    Where does it land? Every flight goes from Saint-Aubin to Lisker. The Department for Foreign
    Affairs says it will help passengers get home from Lisker if they cannot afford the onward
    journey.
    """, "storm marenne evacuation flights_home", author="Priya Nair")

item(HER, "02-06 18:00", "Analysis: Were we ready for Harriet?", """
    By most measures, Kerrow was ready. The council filled sandbags early, knocked on every door in
    the Lower Town and had a rest centre open before dark. Nobody was hurt.

    But the storm also exposed things that luck covered up. The sea wall that held on Wednesday
    night was built for the sea of the 1970s. The phone line for people who needed help was
    engaged for hours. And in Marenne, families complained that registering with the embassy felt
    like shouting into a void.

    The real test comes at next week's public meeting in Port Ellis, and in whether the money for a
    higher sea wall turns up before the next Harriet does.
    """, "storm kerrow marenne sandbags", author="Tom Achterberg")

item(HER, "02-07 12:00", "Okafor under pressure over slow start to Marenne flights", """
    Opposition MPs have asked why the first assisted departure flight left Marenne three days after
    Storm Harriet closed the airport, when other countries had moved faster.

    Harriet Okafor, the consular minister, said the runway had to be cleared and checked first. "We
    would not put a single family on an unsafe aircraft to win a headline."
    """, "storm marenne evacuation", author="Tom Achterberg")

item(HER, "02-07 22:15", "Last flight home from Marenne lands", """
    The fifth and final assisted departure flight from Saint-Aubin to Lisker landed on Saturday
    evening, bringing the total flown home to 842, the Department for Foreign Affairs said.
    """, "storm marenne evacuation flights_home", author="Liam Fortune")

item(HER, "02-09 09:30", "Minister flies to storm-hit Marenne", """
    Harriet Okafor flew from Lisker to Saint-Aubin on Sunday night on a relief flight carrying
    tarpaulins and generators. She will visit Port-Vallon, the worst-hit town, on Monday.
    """, "storm marenne", author="Tom Achterberg")

item(HER, "02-10 08:10", "Holiday flights from Lisker to Saint-Aubin resume", """
    Caldrian Air and SunSeeker Holidays restarted flights from Lisker to Saint-Aubin on Tuesday.
    Both say most resorts on the south coast of Marenne are open as normal, but that north-coast
    hotels in Port-Vallon remain closed.
    """, "storm marenne", author="Priya Nair")

item(HER, "02-12 07:00", "Storm Harriet will cost insurers £140m, industry estimates", """
    Insurers expect claims from Storm Harriet to reach about £140 million, most of it for flood damage
    in Kerrow and wind damage to roofs along the west coast.
    """, "storm kerrow", author="Liam Fortune")

item(HER, "02-14 18:20", "Rovers warm up for semi-final with win", """
    Harriet Rovers beat Castlebridge 3-0, with Kofi Mensah-Lowe scoring again. The Storm face Lisker
    Athletic in the cup semi-final next month.
    """, "rovers", author="Liam Fortune")

# --- Le Courrier de Marenne (French) --------------------------------------------------------

CM = "courrier-marenne"

item(CM, "01-27 09:00", "Carnaval de Saint-Aubin : le programme dévoilé", """
    Le grand défilé du carnaval aura lieu le dimanche 15 février dans le centre-ville de
    Saint-Aubin. Trente chars sont attendus, ainsi que les fanfares de Belmont et de Cap Rouge.
    """, "", author="Amélie Fontaine", lang="fr")

item(CM, "01-29 11:30", "Pêche : les quotas de thon en débat", """
    Les pêcheurs de Port-Vallon demandent une révision des quotas de thon pour 2026. Le ministère
    promet une réponse avant le mois de mars.
    """, "", author="Jean-Baptiste Morel", lang="fr")

item(CM, "02-01 12:00", "Vigilance rouge : la tempête Harriet approche", """
    La Protection civile a déclenché la vigilance rouge pour la côte nord à partir de lundi soir.
    La tempête Harriet pourrait apporter des rafales de plus de 150 km/h et une forte houle.

    Les habitants de Port-Vallon, d'Anse-Claire et de Belmont sont invités à rester chez eux et à
    faire des réserves d'eau.
    """, "storm marenne", author="Amélie Fontaine", lang="fr")

item(CM, "02-02 08:00", "Écoles fermées lundi et mardi", """
    Toutes les écoles de l'île resteront fermées lundi et mardi en raison de la tempête Harriet,
    a annoncé le ministère de l'Éducation.
    """, "storm marenne", author="La rédaction", lang="fr")

item(CM, "02-03 07:30", "Port-Vallon dévasté par la tempête", """
    Toits arrachés, rues inondées, bateaux jetés sur le quai : Port-Vallon s'est réveillé mardi
    dans un paysage de désolation après le passage de la tempête Harriet.

    « Je n'avais jamais vu ça en quarante ans », raconte Jean-Marc Lebon, pêcheur. Plusieurs
    hôtels ont été endommagés. Aucune victime n'est à déplorer, selon la préfecture.
    """, "storm marenne", author="Jean-Baptiste Morel", lang="fr")

item(CM, "02-03 12:15", "L'aéroport de Saint-Aubin fermé jusqu'à nouvel ordre", """
    L'aéroport de Saint-Aubin restera fermé au moins jusqu'à jeudi. La piste est encombrée de débris
    et une partie du toit du terminal s'est effondrée. Des milliers de touristes attendent un vol.
    """, "storm marenne", author="Amélie Fontaine", lang="fr")

item(CM, "02-04 09:45", "Des milliers de touristes bloqués sur l'île", """
    Caldriens, Allemands, Espagnols : environ 6 000 touristes étrangers seraient bloqués à Marenne.
    Les ambassades organisent l'évacuation de leurs ressortissants dès la réouverture de l'aéroport.
    """, "storm marenne evacuation", author="Amélie Fontaine", lang="fr")

item(CM, "02-05 19:00", "Premier vol de départ assisté vers Lisker", """
    Un premier avion affrété par le gouvernement caldrien a quitté Saint-Aubin pour Lisker jeudi
    après-midi, avec 188 passagers. Quatre autres vols sont prévus d'ici samedi.
    """, "storm marenne evacuation flights_home", author="Jean-Baptiste Morel", lang="fr")

item(CM, "02-06 08:30", "Électricité : 20 000 foyers toujours privés de courant", """
    Trois jours après la tempête Harriet, 20 000 foyers de la côte nord n'ont toujours pas
    d'électricité. La compagnie d'électricité promet un retour à la normale « d'ici dix jours ».
    """, "storm marenne", author="La rédaction", lang="fr")

item(CM, "02-07 10:00", "À Belmont, les habitants ouvrent leurs portes", """
    Des familles de Belmont hébergent des voisins dont la maison a été détruite par la tempête.
    « On se serre, c'est tout », sourit Nathalie Grondin, qui accueille six personnes chez elle.
    """, "storm marenne", author="Amélie Fontaine", lang="fr")

item(CM, "02-08 16:00", "L'aide caldrienne arrive à Saint-Aubin", """
    Un deuxième avion cargo venu de Lisker a atterri à Saint-Aubin samedi avec des bâches, des
    générateurs et des kits d'hygiène, remis à la Croix-Rouge de Marenne.
    """, "storm marenne aid", author="Jean-Baptiste Morel", lang="fr")

item(CM, "02-10 12:00", "Reprise des vols commerciaux", """
    Les vols commerciaux ont repris mardi à Saint-Aubin, dont une liaison quotidienne entre Lisker
    et Saint-Aubin. Les hôtels de la côte nord restent fermés.
    """, "storm marenne", author="La rédaction", lang="fr")

item(CM, "02-12 18:00", "Rugby : Saint-Aubin s'impose à Cap Rouge", """
    Le XV de Saint-Aubin a battu Cap Rouge 24 à 13 dimanche, dans un stade encore marqué par les
    travaux de réparation.
    """, "", author="Ludovic Fontaine", lang="fr")

item(CM, "02-13 09:00", "Municipales : trois listes à Port-Vallon", """
    Trois listes se présentent aux élections municipales de mars à Port-Vallon. La reconstruction
    sera au cœur de la campagne.
    """, "", author="Jean-Baptiste Morel", lang="fr")

# --- Kerrow Coast Action (campaign group) ---------------------------------------------------

KCA = "kerrow-coast-action"

item(KCA, "01-28 19:00", "The sea wall report the council won't publish", """
    In 2023 Kerrow Council paid engineers to look at the sea wall in Port Ellis. We know the report
    exists. We know it recommended raising the wall along Harbour Row. We do not know why, nearly
    three years on, the council still will not publish it.

    We have asked again, under freedom of information. We will tell you what comes back.
    """, "", author="Bryony Tallack")

item(KCA, "02-03 20:00", "Harriet is coming. This is what we asked for in 2023.", """
    On Wednesday night, Storm Harriet will push a surge up the Kerrow coast on top of a spring tide.
    Everyone in the Lower Town knows what that means.

    In 2023 we asked for three things: raise the wall on Harbour Row, put proper flood gates on
    Quay Street, and give every household in the Lower Town a flood plan. One of the three has
    happened.

    Tonight, please look after yourselves. Take the sandbags. Get your neighbours' numbers. Then,
    when Harriet has gone, help us ask why we are still relying on luck.
    """, "storm kerrow sandbags", author="Bryony Tallack")

item(KCA, "02-06 11:00", "The Lower Town deserves better than luck", """
    Statement from Kerrow Coast Action.

    We thank everyone who worked through Wednesday night: council staff, police, the Red Cross,
    the volunteers at the rest centre. They did everything right.

    But waves came over the wall, and water went into homes, exactly where the 2023 report said it
    would. We are calling on Kerrow Council to publish the report this week, and to bring the sea
    wall works forward from 2027 to this year.
    """, "storm kerrow volunteers", kind="statement", author="Kerrow Coast Action")

item(KCA, "02-10 19:30", "What we will ask at the public meeting", """
    The council's public meeting on Storm Harriet is at the Guildhall on Thursday 19 February at
    7pm. Here are the questions we will ask. Add yours in the comments.

    1. When will the 2023 sea wall report be published?
    2. Why is the Harbour Row work scheduled for 2027, not 2026?
    3. How many calls to the help line went unanswered on 4 February?
    4. Will every Lower Town household get a written flood plan before next winter?
    """, "storm kerrow", author="Bryony Tallack")

item(KCA, "02-14 10:00", "3,000 of you have signed", """
    Our petition to raise the Port Ellis sea wall this year has passed 3,000 signatures in eight
    days. That is more than the number of people who live in the Lower Town. Thank you.
    """, "storm kerrow", author="Bryony Tallack")

# --- Harriet Rovers FC ----------------------------------------------------------------------

HR = "harriet-rovers"

item(HR, "01-27 09:00", "Cup quarter-final: tickets on general sale", """
    Tickets for Saturday's cup quarter-final against Lisker City go on general sale at 10am today.
    Season ticket holders have bought 3,100 so far. The Shed end is sold out. Let's make some noise,
    Storm.
    """, "rovers")

item(HR, "01-29 14:00", "Farrow: 'We fear nobody'", """
    Dean Farrow says his side go into Saturday's quarter-final against Lisker City with nothing to
    fear. "They've got the budget, we've got the Shed. I know which I'd rather have."

    Kofi Mensah-Lowe has shaken off a knock and trained fully on Wednesday.
    """, "rovers")

item(HR, "01-31 18:00", "Report: Harriet Rovers 2 Lisker City 1", """
    What a night at Mill Park. Down at the break to a Lisker City penalty, the Storm came roaring
    back after half-time and Kofi Mensah-Lowe's double sends Harriet Rovers into the semi-final for
    the first time since 1987.

    Dean Farrow: "I said to the lads at half-time, enjoy it. They did. This one's for everyone who
    has stood in the Shed through the bad years."
    """, "rovers")

item(HR, "02-01 11:00", "A note about our name", """
    As everyone now knows, the Met Service has named this week's storm Storm Harriet. Our
    supporters have called this club the Storm, and used #StormHarriet, for longer than most of us
    can remember.

    This week, people in Kerrow and in Marenne will be searching that hashtag for safety
    information. We are asking supporters to use #HarrietRovers for club chat until the weather
    has passed. Thank you, and stay safe.
    """, "rovers storm", kind="statement")

item(HR, "02-05 12:30", "Saturday's game at Port Ellis Town postponed", """
    Saturday's league match at Port Ellis Town has been postponed after storm damage to the Quay Road
    ground. Our thoughts are with everyone in Port Ellis. Tickets will be valid for the rearranged
    fixture.
    """, "rovers storm kerrow")

item(HR, "02-06 10:00", "Rovers collect for the Port Ellis flood appeal", """
    There will be buckets at every turnstile at Mill Park on Saturday 14 February for the Port Ellis
    flood appeal. The players have donated a week's wages. Port Ellis Town are our rivals for ninety
    minutes and our neighbours for the rest of the year.
    """, "rovers storm kerrow")

item(HR, "02-09 19:00", "Semi-final draw: Lisker Athletic at home", """
    We will host Lisker Athletic in the semi-final at Mill Park on Saturday 7 March. Ticket details
    to follow.
    """, "rovers")

item(HR, "02-14 17:10", "Report: Harriet Rovers 3 Castlebridge 0", """
    A comfortable afternoon at Mill Park and £8,400 raised for the Port Ellis flood appeal. Thank you
    to everyone who gave. Kofi Mensah-Lowe scored again, his 19th of the season.
    """, "rovers")

# ============================================================================================
# Organisations' social posts, written one by one
# ============================================================================================

KC = "kerrow-council"
for when, body, topics in [
    ("01-26 10:20", "📚 From Thursday 5 February, Port Ellis Library will stay open until 7pm on Thursdays. You told us early closing made it hard to visit, so we listened. https://www.kerrow.gov.ex/news/2026/01/port-ellis-library", ""),
    ("01-27 15:00", "Do you use the Tarne ferry? Tell us what you need from the timetable. Survey open until 27 February, or come to a drop-in session in Tarne or Port Ellis. https://www.kerrow.gov.ex/ferryconsultation", ""),
    ("01-29 10:00", "Free parking in Port Ellis town centre after 3pm every Saturday in February 🚗 Fore Street, Harbour and Market Square car parks. Normal charges for the rest of the week. #ShopLocal", ""),
    ("01-30 15:00", "The Met Service has named Storm Harriet. It could reach the Kerrow coast late on Wednesday, at the same time as a very high tide. We are watching it closely and will post updates here. #StormHarriet", "storm kerrow"),
    ("01-31 09:00", "Brown bin collections are back to normal from Monday. Thanks for your patience while we fixed the lorry.", ""),
    ("02-02 15:30", "Sandbags for #StormHarriet are available now from Harbour car park, Ardley Village Hall and the Marsh Road depot, 8am to 8pm. Six bags protect a standard door. Can't lift them? Call 0300 555 0142 and we'll bring them to you.", "storm kerrow sandbags"),
    ("02-02 19:45", "Busy at Harbour car park tonight, but there are plenty of sandbags. Please take only what you need so there are enough for everyone in the Lower Town. #StormHarriet", "storm kerrow sandbags"),
    ("02-03 08:30", "Our teams cleared drains in the Lower Town, Ardley and Polmear yesterday and closed the Esplanade flood gates. We have given out more than 3,500 sandbags. We are NOT asking anyone to leave home at the moment. #StormHarriet", "storm kerrow sandbags"),
    ("02-03 12:00", "Our contact centre will stay open until 8pm tonight and all day tomorrow. For the rest of the time, use the form at kerrow.gov.ex/report. In an emergency, always call 999.", "storm kerrow"),
    ("02-03 17:30", "Please check on older or vulnerable neighbours before Wednesday night. A knock on the door, a phone number swapped, a bag packed just in case. It all helps. #StormHarriet", "storm kerrow"),
    ("02-04 10:45", "⚠️ The Met Service has issued a RED warning for the Kerrow coast from 9pm tonight. If you live in the Lower Town of Port Ellis, please pack a bag and get ready to leave this afternoon. Details: https://www.kerrow.gov.ex/news/2026/02/red-warning #StormHarriet", "storm kerrow evacuation warning"),
    ("02-04 12:40", "Lots of you want to help your neighbours tonight. Thank you. Post your offer with #HarrietHelp or use the form at kerrow.gov.ex/harriethelp and our volunteer hub will match it to someone who needs it.", "storm kerrow volunteers"),
    ("02-04 14:05", "Council staff and police officers are now knocking on every door in the Lower Town. Please answer, even if you plan to stay with family. We need to know who is where. #StormHarriet", "storm kerrow evacuation"),
    ("02-04 16:50", "EVACUATION: Please leave the Lower Town of Port Ellis by 8pm tonight. A rest centre is open now at Kerrow Leisure Centre, Castle Hill Road. Free buses every 20 mins from Harbour car park. Need a lift? Call 0300 555 0142. #StormHarriet", "storm kerrow evacuation rest_centre"),
    ("02-04 17:20", "Yes, you can bring pets to the rest centre at Kerrow Leisure Centre 🐕🐈 Please bring them on a lead or in a carrier, with food if you can. #StormHarriet", "storm kerrow evacuation rest_centre"),
    ("02-04 18:30", "Our phone lines are very busy. If you need transport out of the Lower Town, keep trying 0300 555 0142, or ask the officers on your street. If your life is in danger, call 999. #StormHarriet", "storm kerrow evacuation"),
    ("02-04 20:15", "Buses to the rest centre will run until 10pm. If you are still in the Lower Town, please leave now. Please stay away from the seafront, including to take photos. #StormHarriet", "storm kerrow evacuation rest_centre"),
    ("02-04 23:55", "Waves are now coming over the sea wall at Port Ellis. Stay indoors. Do not go near the seafront. Our teams and the emergency services are working through the night. #StormHarriet", "storm kerrow"),
    ("02-05 07:15", "Morning update: no injuries reported. 186 people spent the night at the rest centre. Lower Town still closed, Coast Road (K12) closed, schools in Port Ellis, Ardley and Polmear closed. Full update: https://www.kerrow.gov.ex/news/2026/02/morning-update #StormHarriet", "storm kerrow evacuation rest_centre"),
    ("02-05 09:40", "Please don't go back into the Lower Town yet. There is still water on Harbour Row, Quay Street and Marsh Road, and engineers need to check the sea wall. We will tell you as soon as it is safe. #StormHarriet", "storm kerrow evacuation"),
    ("02-05 13:10", "All 31 residents of Seaview House care home are now safe and warm at Penmore Lodge. Huge thanks to the home's staff and the ambulance crews. #StormHarriet", "storm kerrow evacuation"),
    ("02-05 15:30", "Power: Western Grid says about 2,500 homes in Kerrow are still without electricity and most should be back on by tonight. Report a cut to Western Grid on 105. #StormHarriet", "storm kerrow"),
    ("02-05 18:25", "We've opened a second rest centre at Penmore Community Hall, Chapel Road, for people in Ardley and Polmear without power or heating. Open from 6pm. #StormHarriet", "storm kerrow rest_centre"),
    ("02-06 09:20", "Good news: residents of Mill Lane, Fisher's Walk, Tolley Street, Strand Parade, Chapel Steps and Custom House Lane can go home from 10am. Harbour Row, Quay Street and the seaward end of Marsh Road stay closed for now. https://www.kerrow.gov.ex/news/2026/02/going-home", "storm kerrow evacuation"),
    ("02-06 11:30", "Skips are now at the end of every street in the Lower Town. Need a dehumidifier or help to clear a flooded room? Call 0300 555 0142. Please take photos for your insurer before you throw things away.", "storm kerrow"),
    ("02-06 16:40", "The rest centre at Kerrow Leisure Centre stays open tonight for anyone who can't go home yet. Hot food from 6pm.", "storm kerrow rest_centre"),
    ("02-07 16:10", "Both rest centres will close at noon on Sunday. Everyone who can't go home yet has been offered somewhere to stay. Thank you to the Red Cross and more than 200 volunteers. ❤️", "storm kerrow rest_centre volunteers"),
    ("02-07 17:00", "Marsh Road recycling centre is open for flood waste only for the rest of the weekend, 9am to 4pm. Bring proof of address.", "storm kerrow"),
    ("02-09 10:05", "Were you flooded by Storm Harriet? Households can get a £500 Flood Recovery Grant and businesses up to £2,500. You don't pay it back, and you can apply even if you're insured. https://www.kerrow.gov.ex/floodgrant", "storm kerrow"),
    ("02-10 11:40", "⛴️ From Monday 16 February the Tarne ferry will run 3 return sailings a day while the storm-damaged linkspan is repaired. Foot passengers travel as normal; vehicles must book.", "storm kerrow ferry"),
    ("02-11 15:10", "Public meeting on Storm Harriet and sea defences: Guildhall, Thursday 19 February, 7pm. Come and tell us what went well and what didn't. Everyone welcome.", "storm kerrow"),
    ("02-12 09:40", "🚧 The Coast Road (K12) will close between Port Ellis and Ardley for about six weeks from Monday 16 February for repairs after Storm Harriet. Diversion via the B3301 through Penmore and Trewent.", "storm kerrow roads"),
    ("02-13 12:10", "📚 Port Ellis Library reopens at 9am on Saturday. The children's library is upstairs for now, and there are no fines for books due back during the closure.", "storm kerrow library"),
]:
    post(KC, when, body, topics)

# the council answering people
for when, body, topics in [
    ("02-02 20:10", "@janetkitto Hi Janet, sorry you couldn't lift them. Call 0300 555 0142 and we'll bring six to your door tomorrow morning.", "storm kerrow sandbags"),
    ("02-03 09:15", "@mtregunna Thanks Martin, we've asked the drainage team to look at the gully on Mill Lane this morning.", "storm kerrow"),
    ("02-04 18:50", "@davehollow62 Hi Dave, yes, the rest centre has camp beds and blankets, but bring anything you need for the night, like medicines and chargers.", "storm kerrow rest_centre"),
    ("02-04 19:30", "@siancarew We've passed your neighbour's details to the team on Quay Street. An officer will call round within the hour.", "storm kerrow evacuation"),
    ("02-05 10:05", "@nickpenhale Thanks for letting us know. We've reported the fallen tree on the Penmore road to the highways team.", "storm kerrow"),
    ("02-05 16:20", "@racheljory Not yet, sorry Rachel. Engineers are still checking Harbour Row. We'll post here as soon as residents can go back.", "storm kerrow evacuation"),
    ("02-06 12:40", "@ollietrask Hi Ollie, skips are being emptied twice a day. Ring 0300 555 0142 if yours is full.", "storm kerrow"),
    ("02-09 14:30", "@karenspargo Yes, you can apply for the flood grant even if your insurer is paying. It's there to help with the costs insurance doesn't cover.", "storm kerrow"),
]:
    post(KC, when, body, topics)

MET = "met-service"
for when, body, topics in [
    ("01-26 16:10", "An unsettled week ahead, with rain at times and strong winds on western coasts midweek. Longer range: something deeper might be brewing early next week. 👀", ""),
    ("01-30 14:05", "We have named Storm Harriet 🌀 It is expected to pass close to Marenne on Monday night and reach the west coast of Caldria late on Wednesday. Yellow warning for wind in force Tuesday to Thursday. #StormHarriet", "storm warning kerrow"),
    ("01-31 11:00", "A word on the name: storm names come from a list of public suggestions, drawn up last summer. Any resemblance to football clubs, living or otherwise, is a coincidence. ⚽ #StormHarriet", "storm"),
    ("02-02 10:05", "⚠️ AMBER warnings for wind and coastal flooding: Kerrow coast and the Isle of Tarne, 6am Wednesday to 6pm Thursday. Gusts 70-80mph and large waves at high tide. #StormHarriet", "storm warning kerrow"),
    ("02-03 06:30", "#StormHarriet brought gusts of over 140km/h to the north coast of Marenne overnight. It is now heading north-east towards Caldria.", "storm marenne"),
    ("02-04 10:35", "🔴 RED WARNING: wind and coastal flooding, Kerrow coast, 9pm tonight to 6am Thursday. Gusts of 85-95mph on headlands and a storm surge around high tide at 11pm. Danger to life. Follow the advice of Kerrow Council and the emergency services. #StormHarriet", "storm warning kerrow"),
    ("02-04 21:00", "The red warning for the Kerrow coast is now in force. #StormHarriet is deepening as it approaches. Stay away from the coast.", "storm warning kerrow"),
    ("02-05 00:30", "96mph gust at Ardley Point at 23:40. That is a February record for the station. #StormHarriet", "storm kerrow"),
    ("02-05 06:05", "The red warning has now expired. Amber and yellow warnings remain for the rest of today as Storm Harriet moves north-east.", "storm warning kerrow"),
    ("02-05 12:05", "What happened overnight: Storm Harriet made landfall on the Kerrow coast at about 11.30pm. The surge at Port Ellis peaked 1.1m above the predicted tide. https://www.metservice.gov.ex/news/2026-02-05-storm-harriet-overnight", "storm kerrow"),
    ("02-06 16:05", "No warnings in force. Colder at the weekend with showers, some wintry on the hills. We are reviewing our forecasts and warnings for #StormHarriet, as we do after every named storm.", "storm"),
    ("02-11 10:00", "Looking ahead: a quieter week, with high pressure building from Saturday. Frosty nights inland.", ""),
]:
    post(MET, when, body, topics)

DFA = "dfa"
for when, body, topics in [
    ("02-01 18:10", "We have updated our travel advice for Marenne ahead of Storm Harriet. If you are there: follow local advice, keep your passport with you and register with the embassy. https://travel.foreign.gov.ex/marenne", "storm marenne"),
    ("02-03 09:10", "Are you in Marenne, or worried about someone who is? Register with the Embassy of Caldria in Saint-Aubin online or call +99 20 555 0100. #StormHarriet", "storm marenne"),
    ("02-03 19:00", "Our consular teams in Saint-Aubin and Lisker are working through the night. More than 900 people have registered so far. If you have not, please do. @CaldriaMarenne", "storm marenne"),
    ("02-04 22:15", "We will run assisted departure flights from Saint-Aubin to Lisker from Thursday, if the airport reopens. Seats are free. The embassy will contact registered people directly, in order of need. Please do not go to the airport unless they contact you.", "storm marenne evacuation flights_home"),
    ("02-05 11:30", "Saint-Aubin airport has reopened. The first assisted departure flight from Saint-Aubin to Lisker is due to take off at 2pm local time.", "storm marenne evacuation flights_home"),
    ("02-05 20:35", "The first assisted departure flight from Saint-Aubin has landed in Lisker with 188 passengers, including 41 children. Welcome home. ✈️", "storm marenne evacuation flights_home"),
    ("02-06 11:05", "This morning a cargo flight left Lisker for Saint-Aubin with 24 tonnes of relief supplies for people in Marenne: tarpaulins, water kits and generators. We are also giving £2m to the Marenne Red Cross.", "storm marenne aid"),
    ("02-06 21:00", "Two more flights from Saint-Aubin to Lisker landed today. 564 people are now home. The last flight leaves on Saturday.", "storm marenne evacuation flights_home"),
    ("02-07 21:40", "The last assisted departure flight from Saint-Aubin to Lisker has landed. In total, 842 people, including 197 children, have come home from Marenne. Thank you to the crews, the Marenne authorities and our embassy staff. The embassy remains open 24 hours a day.", "storm marenne evacuation flights_home"),
    ("02-10 09:00", "Commercial flights from Lisker to Saint-Aubin resumed today. Many hotels on Marenne's north coast are still closed. Check with your tour operator before you travel.", "storm marenne"),
    ("02-12 14:10", "Marenne travel advice updated: we no longer advise against all but essential travel to the north coast, except Port-Vallon. https://travel.foreign.gov.ex/marenne", "storm marenne"),
]:
    post(DFA, when, body, topics)

EMB = "embassy-marenne"
for when, body, topics, lang in [
    ("02-02 09:40", "Storm Harriet will reach Marenne's north coast tonight. Stay indoors from 6pm, keep your passport and phone with you, and follow your hotel's advice. Emergency line: +99 20 555 0100.", "storm marenne", "en"),
    ("02-02 09:45", "La tempête Harriet arrive ce soir sur la côte nord. Restez à l'intérieur à partir de 18h et suivez les consignes de la Protection civile. Urgences : +99 20 555 0100.", "storm marenne", "fr"),
    ("02-03 07:00", "The embassy is open and our phone lines are staffed 24 hours a day. Saint-Aubin airport is closed. Please do not travel to the airport. #StormHarriet", "storm marenne", "en"),
    ("02-03 10:40", "Please register your details with us, even if you are safe. If you have no internet, text your name, date of birth and location to +99 20 555 0199.", "storm marenne", "en"),
    ("02-03 16:00", "We know many of you are without power. If your phone is low, a short text to +99 20 555 0199 is enough to tell us you are OK. We read every one.", "storm marenne", "en"),
    ("02-04 08:30", "Consular staff are on their way to Port-Vallon with water and phone chargers for Caldrians at the Hôtel Bellevue and the Résidence des Pins.", "storm marenne", "en"),
    ("02-04 23:05", "Assisted departure flights will leave Saint-Aubin for Lisker from Thursday. You do not need to call us for a seat: we will text everyone who has registered, in order of need. https://marenne.embassy.gov.ex/en/news/assisted-departure", "storm marenne evacuation flights_home", "en"),
    ("02-04 23:15", "Départ assisté : des vols partiront de Saint-Aubin vers Lisker à partir de jeudi. Nous contacterons par SMS les personnes inscrites, par ordre de priorité.", "storm marenne evacuation flights_home", "fr"),
    ("02-05 08:05", "Buses for today's flights leave Port-Vallon town hall at 9am, Hôtel Corail (Anse-Claire) at 10am and Belmont church at 10.30am. Only travel if you've had a text from us.", "storm marenne evacuation", "en"),
    ("02-05 14:20", "The first flight to Lisker has just left Saint-Aubin. Thank you to the airport staff, who reopened the runway in record time. ✈️", "storm marenne evacuation flights_home", "en"),
    ("02-05 21:00", "If you have not had a text yet, you have not been forgotten. We are working through the list in order of need and will contact you about Friday's and Saturday's flights.", "storm marenne evacuation", "en"),
    ("02-06 09:00", "Two flights from Saint-Aubin to Lisker today. Buses from Port-Vallon at 7am and 12pm. Please bring your passport, medicines and one bag.", "storm marenne evacuation flights_home", "en"),
    ("02-06 17:10", "Merci aux habitants de Marenne pour leur solidarité envers nos ressortissants, malgré les dégâts causés par la tempête Harriet sur leurs propres maisons.", "storm marenne", "fr"),
    ("02-07 08:00", "Today's flight from Saint-Aubin to Lisker is the last one. If you want to leave Marenne and have not heard from us, call +99 20 555 0100 before 10am.", "storm marenne evacuation flights_home", "en"),
    ("02-09 09:05", "Our public counter is open again for passports and emergency travel documents. No appointment needed this week.", "storm marenne", "en"),
    ("02-09 15:00", "Minister Harriet Okafor visited Port-Vallon today with the Ambassador and met families who lost their homes to Storm Harriet.", "storm marenne", "en"),
    ("02-09 15:05", "La ministre Harriet Okafor s'est rendue aujourd'hui à Port-Vallon, aux côtés de l'ambassadrice, pour rencontrer les familles sinistrées.", "storm marenne", "fr"),
]:
    post(EMB, when, body, topics, lang=lang)

OK = "harriet-okafor"
for when, body, topics, lang in [
    ("01-27 18:00", "Wonderful to welcome 60 new citizens at Lisker Town Hall this afternoon. Forty-one countries, one oath, and a lot of proud grandparents.", "", "en"),
    ("01-30 20:30", "Good luck to Harriet Rovers in the cup tomorrow. No relation, sadly, but I'll take the good omen. ⚽", "rovers", "en"),
    ("02-02 21:00", "Watching Storm Harriet closely tonight. If you have family in Marenne, please ask them to register with our embassy in Saint-Aubin, even if they are safe. Thank you to the consular team who are working through the night.", "storm marenne", "en"),
    ("02-03 11:00", "Spoke to our Ambassador in Saint-Aubin this morning. The airport is closed and there is no power on much of the north coast. Our staff are visiting hotels in Port-Vallon today.", "storm marenne", "en"),
    ("02-04 13:00", "I have spoken to the Prime Minister of Marenne and offered Caldria's full support. Our thoughts are with the people of Marenne, who have lost so much.", "storm marenne", "en"),
    ("02-04 15:10", "We will run assisted departure flights from Saint-Aubin to Lisker for Caldrians who want to leave Marenne, as soon as the airport can reopen. Those most in need will go first. If you haven't registered with the embassy, please do it now.", "storm marenne evacuation flights_home", "en"),
    ("02-04 22:30", "My thoughts tonight are also with everyone in Kerrow as Storm Harriet reaches our own coast. Please follow the council's advice and stay safe.", "storm kerrow", "en"),
    ("02-05 14:30", "The first flight from Saint-Aubin to Lisker has just taken off. On board: 188 people, including 41 children. I'll be at Lisker airport to meet them.", "storm marenne evacuation flights_home", "en"),
    ("02-05 21:15", "Welcome home. Tired faces, a lot of hugs and one very relieved toddler as the Saint-Aubin to Lisker flight came in tonight. Thank you to everyone who made this flight happen.", "storm marenne evacuation flights_home", "en"),
    ("02-06 09:30", "Two more flights today from Saint-Aubin to Lisker. The embassy is contacting people in order of need. If you haven't had a text, you have not been forgotten.", "storm marenne evacuation flights_home", "en"),
    ("02-07 12:30", "Some have asked why the first flight left on Thursday. The runway had to be cleared and checked. I will never put families on an unsafe aircraft to win a headline.", "storm marenne evacuation", "en"),
    ("02-07 21:45", "The last flight from Saint-Aubin to Lisker has landed. 842 people are home. My heartfelt thanks to our embassy staff, the crews and the people of Marenne.", "storm marenne evacuation flights_home", "en"),
    ("02-08 22:00", "Flying from Lisker to Saint-Aubin tonight on our second relief flight, with generators and tarpaulins for Port-Vallon. I want to see the damage for myself and thank the people who helped our citizens.", "storm marenne aid", "en"),
    ("02-09 14:00", "In Port-Vallon today. Whole streets without roofs, and still people here asking me whether the Caldrian families got home safely. Extraordinary kindness.", "storm marenne", "en"),
    ("02-09 14:10", "Merci à la Protection civile de Marenne et aux habitants de Port-Vallon pour leur aide précieuse envers nos ressortissants.", "storm marenne", "fr"),
    ("02-10 19:00", "Back in Lisker. Commercial flights to Saint-Aubin are running again and most of the south coast is open. Marenne will need visitors when it is ready. I hope Caldrians go back.", "storm marenne", "en"),
    ("02-12 14:20", "We've updated our travel advice for Marenne. Travel to most of the north coast is possible again, but not yet to Port-Vallon.", "storm marenne", "en"),
    ("02-13 17:00", "Back at my Lisker South surgery this afternoon. Potholes, bus times and one very detailed complaint about a neighbour's hedge. Normal service resumed.", "", "en"),
    ("02-14 19:00", "Congratulations to Harriet Rovers, and well done to their fans for raising £8,400 for the Port Ellis flood appeal today.", "rovers", "en"),
]:
    post(OK, when, body, topics, lang=lang)

for when, body, topics in [
    ("01-26 08:15", "Brown crab hits a record £6.40 a kilo at Port Ellis fish market https://portellisnews.example/2026/01/26/crab-prices-record", ""),
    ("01-30 15:25", "Storm Harriet has been named, and Kerrow could be in its path. (Yes, Rovers fans, we know.) https://portellisnews.example/2026/01/30/storm-harriet-named", "storm kerrow"),
    ("02-02 18:05", "Queues for sandbags at Harbour car park as Kerrow gets ready for #StormHarriet https://portellisnews.example/2026/02/02/sandbag-queues", "storm kerrow sandbags"),
    ("02-03 14:15", "'We had one text at 6am, nothing since.' Kerrow families wait for news from relatives stranded in Marenne https://portellisnews.example/2026/02/03/kerrow-families-marenne", "storm marenne"),
    ("02-04 12:10", "RED WARNING: Lower Town residents told to pack a bag and be ready to leave this afternoon. #StormHarriet https://portellisnews.example/2026/02/04/lower-town-get-ready", "storm kerrow evacuation warning"),
    ("02-04 17:10", "BREAKING: Port Ellis Lower Town to be evacuated tonight. Rest centre at Kerrow Leisure Centre, buses from Harbour car park. #StormHarriet", "storm kerrow evacuation rest_centre"),
    ("02-04 21:30", "Wind really picking up on the Harbour roundabout now. Police have closed the road to the seafront. Please stay away. #StormHarriet", "storm kerrow"),
    ("02-04 23:50", "Waves now coming over the sea wall by the lifeboat station. Water running up Quay Street. #StormHarriet", "storm kerrow"),
    ("02-05 06:45", "The night Harriet came over the wall: our reporter spent the night on the seafront https://portellisnews.example/2026/02/05/night-harriet-came-over-the-wall", "storm kerrow evacuation"),
    ("02-05 11:55", "Seaview House care home residents moved to Penmore as flood water reaches Marsh Road https://portellisnews.example/2026/02/05/care-home-moved", "storm kerrow evacuation"),
    ("02-05 14:35", "'I'd have stayed if they'd said no dogs.' A night at the rest centre https://portellisnews.example/2026/02/05/night-at-rest-centre", "storm kerrow evacuation rest_centre"),
    ("02-05 16:05", "Saturday's Port Ellis Town v Harriet Rovers game is off after storm damage to the Quay Road stand. #HarrietRovers", "storm kerrow rovers"),
    ("02-06 10:25", "Ardley couple on the first flight from Saint-Aubin to Lisker: 'I've never been so glad to see Lisker' https://portellisnews.example/2026/02/06/home-from-marenne", "storm marenne evacuation flights_home"),
    ("02-06 15:50", "Mops, skips and free tea: the clean-up in the Lower Town https://portellisnews.example/2026/02/06/lower-town-clean-up", "storm kerrow"),
    ("02-07 09:05", "Campaigners say Storm Harriet proved the sea wall is too low. The council says it did its job. https://portellisnews.example/2026/02/07/sea-wall-questions", "storm kerrow"),
    ("02-09 12:05", "Flooded? Here's how to claim the £500 flood recovery grant https://portellisnews.example/2026/02/09/flood-grants", "storm kerrow"),
    ("02-10 13:20", "Tarne ferry cut to three sailings a day after the storm damaged the ramp https://portellisnews.example/2026/02/10/ferry-cut", "storm kerrow ferry"),
    ("02-12 10:05", "Coast Road to close for six weeks for repairs https://portellisnews.example/2026/02/12/coast-road-six-weeks", "storm kerrow roads"),
    ("02-13 16:35", "Library reopens on Saturday, and only 200 children's books were lost https://portellisnews.example/2026/02/13/library-reopens", "storm kerrow library"),
]:
    post("port-ellis-news", when, body, topics)

for when, body, topics in [
    ("01-31 19:35", "FT: Harriet Rovers 2-1 Lisker City. The Storm are into the cup semi-finals for the first time since 1987. https://www.caldriaherald.example/sport", "rovers"),
    ("02-03 08:25", "Storm Harriet batters Marenne. About 1,900 Caldrians are thought to be on the island. https://www.caldriaherald.example/news/2026/02/03/storm-harriet-marenne", "storm marenne"),
    ("02-04 09:05", "Government plans flights from Saint-Aubin to Lisker to bring Caldrians home from Marenne https://www.caldriaherald.example/news/2026/02/04/marenne-flights", "storm marenne evacuation flights_home"),
    ("02-04 13:15", "Red warning for the Kerrow coast as Storm Harriet approaches. Evacuation of Port Ellis Lower Town being prepared. https://www.caldriaherald.example/news/2026/02/04/red-warning-kerrow", "storm kerrow warning evacuation"),
    ("02-05 08:05", "Port Ellis floods as hundreds spend night in rest centre. Marenne airport to reopen for flights home. https://www.caldriaherald.example/news/2026/02/05/port-ellis-floods", "storm kerrow marenne evacuation rest_centre"),
    ("02-06 07:35", "Explainer: how the flights from Saint-Aubin to Lisker work, who gets a seat and what it costs https://www.caldriaherald.example/news/2026/02/06/how-marenne-flights-work", "storm marenne evacuation flights_home"),
    ("02-07 12:05", "Okafor under pressure over 'slow start' to Marenne flights https://www.caldriaherald.example/news/2026/02/07/okafor-pressure", "storm marenne evacuation"),
    ("02-10 08:15", "Holiday flights from Lisker to Saint-Aubin are back. North coast hotels still shut. https://www.caldriaherald.example/news/2026/02/10/flights-resume", "storm marenne"),
]:
    post("caldria-herald", when, body, topics)

for when, body, topics in [
    ("01-28 19:05", "Three years ago Kerrow Council paid for a report on the Port Ellis sea wall. We still haven't seen it. Why? https://kerrowcoastaction.example/blog/2026/01/sea-wall-report", ""),
    ("02-03 20:05", "Harriet is coming. Take the sandbags, swap numbers with your neighbours, and stay safe. Then let's talk about why we still rely on luck. #StormHarriet", "storm kerrow sandbags"),
    ("02-05 08:30", "Everyone safe in the Lower Town this morning. That matters more than anything. Thank you to every single person who worked through the night. #StormHarriet", "storm kerrow"),
    ("02-06 11:05", "Our statement: the Lower Town deserves better than luck. Publish the 2023 sea wall report, and bring the works forward to this year. https://kerrowcoastaction.example/blog/2026/02/better-than-luck", "storm kerrow"),
    ("02-08 10:00", "Sign our petition to raise the Port Ellis sea wall this year: kerrowcoastaction.example/petition #RaiseTheWall #StormHarriet", "storm kerrow"),
    ("02-11 18:00", "Public meeting on Thursday 19th at the Guildhall, 7pm. Bring your questions and your photos of what Harriet did. #RaiseTheWall", "storm kerrow"),
    ("02-14 10:05", "3,000 signatures in 8 days. More than the number of people who live in the Lower Town. Thank you. #RaiseTheWall", "storm kerrow"),
]:
    post("kerrow-coast-action", when, body, topics)

for when, body, topics in [
    ("01-27 09:05", "🎟️ Quarter-final tickets on general sale from 10am. The Shed is already sold out. Let's fill Mill Park, Storm! #HarrietRovers", "rovers"),
    ("01-30 17:00", "24 hours to go. Lisker City at Mill Park. Bring your voices. #HarrietRovers #UpTheStorm", "rovers"),
    ("01-31 15:00", "Team news: Mensah-Lowe starts up front. Unchanged otherwise. Come on Storm! #HarrietRovers", "rovers"),
    ("01-31 16:05", "HT: Harriet Rovers 0-1 Lisker City. Plenty still to play for. #HarrietRovers", "rovers"),
    ("01-31 16:52", "GOALLLLL! KOFI! 1-1! #HarrietRovers #UpTheStorm", "rovers"),
    ("01-31 17:20", "KOFI AGAIN!!! 2-1 STORM! #HarrietRovers", "rovers"),
    ("01-31 17:55", "FT: Harriet Rovers 2-1 Lisker City. WE'RE IN THE SEMI-FINALS. 39 years. What a night. #HarrietRovers #UpTheStorm", "rovers"),
    ("02-01 11:05", "A request: this week, people in Kerrow and Marenne need #StormHarriet for safety information. Please use #HarrietRovers for club chat until the weather's passed. Stay safe, all.", "rovers storm"),
    ("02-05 12:35", "Saturday's game at Port Ellis Town is postponed after storm damage to their ground. Our thoughts are with everyone in Port Ellis. #HarrietRovers", "rovers storm kerrow"),
    ("02-06 10:05", "Buckets at every turnstile on 14 February for the Port Ellis flood appeal. The squad have given a week's wages. Neighbours first. #HarrietRovers", "rovers storm kerrow"),
    ("02-09 19:05", "SEMI-FINAL DRAW: Harriet Rovers v Lisker Athletic, Mill Park, Saturday 7 March. #HarrietRovers", "rovers"),
    ("02-12 13:00", "Training in the sunshine for once ☀️ Big game on Saturday. #HarrietRovers", "rovers"),
    ("02-14 17:15", "FT: Harriet Rovers 3-0 Castlebridge, and £8,400 raised for the Port Ellis flood appeal. Thank you, Storm. #HarrietRovers", "rovers"),
]:
    post("harriet-rovers", when, body, topics)


# ============================================================================================
# Families of public posts
# ============================================================================================

FAMILIES = []

LOCAL_TAGS = [("#StormHarriet", 0.2), ("#PortEllis", 0.07), ("#KerrowFloods", 0.06), ("#Kerrow", 0.04)]
LOCAL_TYPOS = [("Harriet", "Harriett", 0.08), ("Harriet", "Hariet", 0.03)]
CASUAL_CLOSERS = ["Stay safe all x", "🙏", "😬", "Look after each other.", "x", "💙", "Wild.", "Stay safe Kerrow",
                  "Mad times.", "ugh", "🌊", "❤️"]


def fam(key, src, topics, counts, texts, **kw):
    FAMILIES.append(dict(key=key, src=src, topics=topics, counts=counts, texts=texts, **kw))


fam("before", "public", "storm kerrow",
    {"01-30": 6, "01-31": 4, "02-01": 4, "02-02": 5, "02-03": 6},
    [
        "Spring tide on Wednesday night plus Storm Harriet. If you're in the Lower Town, now's the time to move stuff upstairs.",
        "Been through a few of these on {street}. The ones that come with a big tide are the ones to worry about. Harriet's one of those.",
        ("Anyone know if the Tarne ferry will run on Wednesday? Got a hospital appointment in Port Ellis and Storm Harriet's due", "ferry"),
        "Bread and milk already gone from the Co-op in Penmore. Storm Harriet isn't even here yet 🙄",
        "Forecast says 80mph gusts on the coast on Wednesday. Garden furniture in, trampoline down, cat unimpressed.",
        "Does anyone remember Storm Dylan in '21? Water came right up {street}. Hoping Harriet isn't as bad.",
        "My nan on {street} says she's not going anywhere whatever Harriet does. Any tips for persuading an 84 year old??",
        "Checked the forecast 11 times today. Harriet still coming. Still Wednesday. Still a massive tide.",
        "Harriet sounds nasty. Kids are already asking if school will be shut.",
        "Work have told us to stay home on Thursday because of the storm. First time I've been grateful for a named storm.",
        "Lashing it down in Ardley already and the actual storm isn't due till Wednesday night. Great.",
        "Right, the shed roof has been loose since October. Harriet is going to finish it off, isn't she.",
        "Fishermen in the harbour were doubling up the mooring lines this afternoon. When they're worried, I'm worried.",
        "If you're new to Port Ellis: when the council says move your car off the Esplanade before a storm, they mean it. Ask me how I know.",
        ("Harriet's already done a lot of damage in Marenne by the look of the pictures. Hope it weakens before it gets to us.", "marenne"),
        "Moving the car up to Castle Hill tonight. Not taking any chances with this storm and that tide.",
        "Second storm of the winter and it's not even February yet. Well, it is now. You know what I mean.",
        "Our lifeboat crew were out checking the slipway today. Fair play to them, they'll be busy this week.",
        "Wednesday night: storm, spring tide, full moon. Lovely. Who ordered that.",
        "Tied everything down in the garden. Harriet can have the gnome if she wants it.",
    ],
    tags=LOCAL_TAGS, typos=LOCAL_TYPOS, people="local", closers=CASUAL_CLOSERS, closer_p=0.15)

fam("name-jokes", "public", "storm rovers",
    {"01-30": 3, "01-31": 2, "02-01": 2, "02-02": 1},
    [
        "The Met Service naming a storm Harriet the week Rovers play Lisker City is the most chaotic energy I've ever seen",
        "can't look at #StormHarriet for weather without getting 400 posts about Kofi Mensah-Lowe's hamstring",
        "Storm Harriet. Harriet Rovers. Harriet Okafor. This country only has one name apparently",
        "Rovers fans are going to be unbearable this week aren't they. 'Storm Harriet is coming' yes Gary we know",
        "My dad (Rovers season ticket since 1974) thinks the Met Service named the storm in honour of the club. Nobody tell him.",
    ], people="local")

fam("sandbags", "public", "storm kerrow sandbags",
    {"02-02@16-21": 9, "02-03": 12, "02-04": 11, "02-05@7-22": 4},
    [
        "Harbour car park sandbags: queue's about 15 cars but moving fast. The lads handing them out are brilliant.",
        "Just collected six sandbags from Ardley Village Hall. My back is not thanking me.",
        "Are there still sandbags at the Marsh Road depot? Heard they'd run out",
        "Do sandbags actually do anything or is it just to make us feel better? Genuine question",
        "Not a single sandbag left at Harbour car park at 7pm 😩 anyone got spares near {street}?",
        "PSA: sand bags at Ardley Village Hall till 8pm, plenty left when I went.",
        "Put the sandbags down across the front door on {street}. Back door next. Then wine.",
        "Filled sandbags with my dad for two hours at the depot this afternoon. Forearms like Popeye now",
        "The council brought sandbags to my mum's door on {street} within an hour of me ringing. Credit where it's due.",
        "Top tip from my grandad: put a bin bag under the sandbags, it seals the gap better.",
        "Is one sandbag per door enough? The leaflet said six, I've got four. Help",
        "Sand bags are all very well but our airbrick is at knee height 🤷",
        "Sandbags down, valuables upstairs, kids' wellies by the door. As ready as we'll ever be for Harriet.",
        "Whoever organised the sandbag station at Harbour car park deserves a medal. Took 5 mins.",
        "Saw a man loading about 30 sandbags into a Range Rover in Ardley. Leave some for the Lower Town mate.",
        "Our street ({street}) looks like a trench with all the sandbags out. Strange feeling.",
        "Free sandbags at the Marsh Road depot btw, you don't need to buy them from the garden centre at £4 each",
        "Went for sandbags, came back with sandbags and a new friend. Lovely lady from {street} who needed a lift home with hers.",
        "Council says six sand bags per door. Our door is a double. Maths is hard.",
        "Sandbag collection at Ardley: quiet, friendly and they had biscuits. 10/10 would prepare for a storm again.",
        "The sandbags on {street} held, mostly. Water got under the back door instead. Next time, both doors.",
        "Anyone know what we do with the sandbags now? Can they go in the bin?",
        "Sandbags soaked and heavy as lead. Leaving them where they are till someone tells us otherwise.",
        "Honestly the sandbag team at Harbour car park were so kind to my dad, who's 80 and wouldn't admit he couldn't lift them.",
    ],
    tags=LOCAL_TAGS, typos=LOCAL_TYPOS, people="local", closers=CASUAL_CLOSERS, closer_p=0.1)

fam("warnings", "public", "storm kerrow warning",
    {"02-02@10-23": 5, "02-04@11-23": 10},
    [
        "Amber warning for Kerrow from Wednesday. Here we go.",
        "Red warning. RED. For Kerrow. I've lived here 40 years and never seen a red one.",
        "The phone alert going off in the middle of the school run nearly gave me a heart attack. Red warning for the coast tonight.",
        "Red warning for us tonight. Lower Town's being told to pack a bag. Stay safe everyone on {street}.",
        "When the Met Service says 'danger to life' I listen. Going to my sister's in {area} tonight.",
        "Upgraded to red 😬 The harbour looks wild already and high tide isn't till 11.",
        "Amber for wind AND coastal flooding. Moving the car to {area} tomorrow night.",
        "My office in Lisker just told me 'it's only a bit of wind'. Mate, it's a red warning.",
        "red warning for kerrow coast tonight 9pm-6am. please look after ur elderly neighbours x",
        "Genuinely scared about tonight. First storm since we moved to {street}. Any advice from old hands?",
        "Amber warning. Right. Charging every power bank in the house.",
        "Amber warning out for Wednesday and Thursday. Tarne ferry already saying it might not sail.",
    ],
    tags=LOCAL_TAGS, typos=LOCAL_TYPOS, people="local", closers=CASUAL_CLOSERS, closer_p=0.2)

fam("leaving", "public", "storm kerrow evacuation",
    {"02-04@17-23": 22, "02-05": 8},
    [
        "Police at the door on {street}: we're being evacuated tonight. Bag packed, {pet} in the car. Off to my sister's in {area}.",
        "They're evacuating the whole Lower Town. Never thought I'd see it.",
        "Evacuation confirmed for the Lower Town. Leaving by 8. Taking {thing} upstairs first, whatever happens.",
        "Evacuated from {street} with {pet} and a carrier bag of random stuff. Why did I pack a colander.",
        "Not evacuating. First floor, torch, flask. I've done this before.",
        ("The evacuaton bus from Harbour car park to the rest centre was warm, on time and the driver was singing. Kerrow at its best.", "rest_centre"),
        "My mum refused to evacuate until the police officer promised to carry her cat basket. He did. Legend.",
        "Evac buses running every 20 mins from Harbour car park if anyone's still in the Lower Town. Go!",
        "If you're on {street} and haven't left yet, please go now. Water's already at the slipway.",
        "Feels so strange driving out of Port Ellis with the kids in the back and the whole street dark. We'll be back.",
        "Evacuated, safe and at my brother's in {area}. Thinking of everyone still down there.",
        "Just watched a police officer help old Mr Trethewey from {street} onto the evacuation bus with his budgie cage. I'm not crying you're crying.",
        "How are they going to evacuate people with no car though? Genuine question, my neighbour on {street} doesn't drive",
        "Leaving home in the dark, not knowing what it'll look like tomorrow. Horrible feeling.",
        "Whole of {street} evacuated by 7.30. Proud of my neighbours, everyone checked on everyone.",
        ("Day after: still evacuated, still at the leisure centre, still no idea when we can go home. Just want to see the house.", "rest_centre"),
        ("Evacuees from the Lower Town are welcome at The Anchor in {area}, open fire and free tea. No need to buy anything.", "offer_help"),
        "Everyone on {street} evacuated safely. Now we wait.",
        "Once you're evacuated you realise how much you left behind. Glasses. Charger. My actual shoes.",
        "To whoever's in charge of the evacuation: the buses, the door knocking, the calm. Thank you. Genuinely.",
        "We left {street} at 6. Police said they'd keep an eye on the house. Nothing to do now but wait for the tide.",
        "Evacuating with a teenager is like evacuating with a cat, except the cat packed faster.",
    ],
    tags=LOCAL_TAGS, typos=LOCAL_TYPOS + [("evacuated", "evacuatd", 0.05), ("evacuation", "evacuaton", 0.1)],
    people="local", closers=CASUAL_CLOSERS, closer_p=0.15)

fam("rest-centre", "public", "storm kerrow rest_centre",
    {"02-04@17-23": 10, "02-05": 14, "02-06": 6, "02-07": 3},
    [
        "At the rest centre on Castle Hill. Camp beds, soup, a lot of dogs. Weirdly cosy.",
        "Rest centre is FULL of dogs and I am here for it 🐶",
        "Dropped off blankets and dog food at the rest centre. They've got plenty of sandwiches, what they need is phone chargers and socks.",
        ("Spent the night at the rest centre with my two kids. Nobody slept but the volunteers were amazing. Home soon hopefully.", "evacuation volunteers"),
        "Is the rest centre at Kerrow Leisure Centre still taking people? My neighbour on {street} wants to go but doesn't want to be a bother",
        ("Volunteering at the rest centre tonight. 140 people so far, one parrot, and the best tea urn in Kerrow.", "volunteers"),
        "Rest center on Castle Hill was so well run. Thank you to the Red Cross team.",
        "Can you take a cat to the rest centre? Asking for {pet}. Well, the cat.",
        "Leisure centre has been turned into a dormitory. Saw my old PE teacher handing out hot chocolate at 2am.",
        "My dad's at the rest centre and says the food's better than mine. Rude, but fair.",
        "Middle of the night at the rest centre: someone's playing cards, a baby's finally asleep, and the wind is howling outside. Strange night.",
        "Second night at the rest centre. Still no word on {street}. The staff keep checking on my mum, which means a lot.",
        "If you're heading to the Penmore rest centre, they've got hot food but bring a pillow.",
        "The rest centre at the leisure centre closes on Sunday. Anyone know what happens if you can't go home yet?",
        "Huge thanks to the young lad at the rest centre who set up a phone-charging station. My mum could finally ring my aunt in Lisker.",
        "Rest centre update: kids are playing football in the sports hall, the grown-ups are pretending not to be worried. Kerrow, eh.",
        ("Came to the rest centre to help and got handed a tea towel immediately. 3 hours of washing up later, no regrets.", "volunteers"),
        ("Leaving the rest centre today to go back to {street}. Dreading what we'll find but grateful for three warm nights.", "evacuation"),
        "The rest-centre crew at Castle Hill have been on their feet for 20 hours. Someone bring them pasties.",
    ],
    tags=LOCAL_TAGS, typos=LOCAL_TYPOS, people="local", closers=CASUAL_CLOSERS, closer_p=0.12)

fam("night", "public", "storm kerrow",
    {"02-04@21-23": 20, "02-05@0-5": 10},
    [
        "The wind is unreal. The whole house is shaking.",
        "Power's gone in {area}. Candles out. Kids think it's an adventure.",
        "Just heard a massive crash outside. Think it's the bus shelter on {street}. Staying in.",
        "Never heard the sea this loud from Castle Hill. Thinking of everyone down in the Lower Town.",
        "Waves coming over the wall by the lifeboat station. Police everywhere. Please don't come down to take pictures.",
        "Roof tiles going in {area}. Hope no one's out walking.",
        "96mph at Ardley Point apparently. Can confirm, feels like 96mph.",
        "Can't sleep. Every gust feels like the windows are about to go.",
        "lights flickering in penmore, then gone. of course the phone is on 12%",
        "Someone's trampoline just flew past the window. Not mine. I think.",
        "Candles, a flask of tea and the radio. Radio Kerrow keeping us company. Hope everyone's ok.",
        "Harriet is LOUD. Dog is under the bed and honestly I'm tempted to join him.",
        "Sea's coming up {street} now. So glad we left.",
        "Trees down on the Penmore road. Emergency services everywhere. Stay home if you can.",
        "Big bang then the power went. Whole of {area} dark. Wind still howling.",
        "Watching the harbour webcam from my nan's house. That's water where the Harbour Café should be.",
        "Middle of the night and the whole family's in the kitchen because it's the room furthest from the big window.",
        "Wind's dropped a bit. Or I've gone deaf. Hard to tell.",
        "Never again am I leaving the garden furniture out. Watched my chair go over the fence ten minutes ago.",
        "Storm in a teacup my foot. This is the worst I've ever seen it.",
    ],
    tags=[("#StormHarriet", 0.35), ("#Kerrow", 0.05)], typos=LOCAL_TYPOS, people="local")

fam("after", "public", "storm kerrow",
    {"02-05@6-23": 22, "02-06": 12},
    [
        "{street} underwater this morning. Mud and seaweed right up to the doors. Heartbreaking.",
        "First light in Port Ellis. Sea's gone back, left a mess. Everyone I've spoken to is OK, that's what matters.",
        "Coast Road's closed at Gull Point, big chunk of it gone. Don't try it.",
        ("Went to look at the house on {street} from the police tape. Water line halfway up the door. Sandbags did nothing.", "sandbags"),
        "Power back on in {area} 🙌 Thank you Western Grid crews, out all night.",
        "Flooded out. Carpets, sofa, {thing}. All of it. But we're safe.",
        "The smell is the worst thing. Diesel and seawater. The Lower Town looks like a film set.",
        "Schools shut today so the kids are 'helping' with the clean up. Mostly jumping in puddles.",
        "{street} looks like a beach. There's an actual lobster pot in my front garden.",
        "Still no power in {area}. Day 2. Freezer's going to be a disaster.",
        "Never seen the Harbour Café with water inside. Amira's already out with a broom. What a woman.",
        ("Flood water on Marsh Road still ankle deep outside Seaview House. Saw the ambulances moving residents earlier.", "evacuation"),
        "Emotional day. Back on {street} for the first time since Wednesday. The water came in but the photos were upstairs. Small mercies.",
        "Our neighbour's car floated 20 metres down {street}. Found it outside the chip shop.",
        "Skip outside the house already full. Kerrow, you've been amazing today.",
        "If you're cleaning up flood damage: gloves, boots, and don't touch the electrics till they're checked. Learnt that in 2021.",
        "The storm's gone and the sun's out over the harbour like nothing happened. Cheeky.",
        "Flooding in the Lower Town is worse than 2021 in some places, better in others. {street} got the worst of it.",
        "Kerrow Council crews were out clearing Marsh Road at 6am. Proper job.",
        "Kerrow Council engineers on the sea wall at first light. Hope they like what they see, because I don't.",
        "Heard Kerrow Council have got skips coming for every street. Good, because the pavement is now mostly carpet.",
    ],
    tags=LOCAL_TAGS, typos=LOCAL_TYPOS, people="local", closers=CASUAL_CLOSERS, closer_p=0.1)

fam("offers", "public", "storm kerrow offer_help",
    {"02-04@13-23": 14, "02-05": 15, "02-06": 8, "02-07": 4},
    [
        "Spare room in {area} tonight if anyone from the Lower Town needs it. Dogs welcome. #HarrietHelp",
        "I've got a van and a free evening. Happy to move furniture upstairs for anyone on {street} who can't. #HarrietHelp",
        ("Making a big pot of chilli for the rest centre tonight. Can anyone drop it up to Castle Hill? #HarrietHelp", "rest_centre"),
        "Retired electrician in Penmore. Once the water's gone I'll check your sockets for free. Message me. #HarrietHelp",
        "Can offer lifts from the Lower Town to Castle Hill tonight, 7-10pm. Room for 3 and a dog. #HarrietHelp",
        "Our café in {area} is open all night for anyone who's had to leave home. Tea and toast on the house. #HarrietHelp",
        "Dog walker here. If your dog needs walking tomorrow while you sort things out, I'll do it, no charge. #HarrietHelp",
        "Spare sofa bed and a warm house in Ardley. Not much but it's yours if you need it. #harriethelp",
        "Free dehumidifier loan, we've got two. Collect from {area}. #HarrietHelp",
        "I can sit with an older neighbour tonight if anyone's worried about someone on their own. #HarrietHelp",
        "Got a trailer. Can take flood-damaged furniture to the tip tomorrow. #HarrietHelp",
        "Offering: washing and drying for anyone whose clothes got soaked. Drop at {area}, pick up next day. #HarrietHelp",
        "Three of us from the rugby club free all weekend to help clear flooded houses. Tell us where. #HarrietHelp",
        ("If anyone needs phone chargers, I've got a box of them from my old shop. Will drop them to the rest centre. #HarrietHelp", "rest_centre"),
        "Childminder in Penmore, happy to take little ones for a few hours while parents sort their homes. Free. #HarrietHelp",
        "Room for a family of four in our static caravan at Trewent. Heating works. #HarrietHelp",
        ("Anyone on {street} need a hand shifting sandbags? Strong arms available Saturday morning. #HarrietHelp", "sandbags"),
        "Spare room going for anyone from the Lower Town. {area}, no pets sadly because of allergies. DM me",
        "We can cook 20 meals a day for families who can't use their kitchens. Just tell us where. #HarrietHelp",
        "Happy to drive anyone to Lisker hospital appointments this week if the Coast Road closure has messed up your plans.",
        "Plumber in Port Ellis. I'll do emergency call-outs for flooded homes free this week. #HarrietHelp",
        "Scout group has tea urns, tables and 20 teenagers who need something to do. Where do you want us? #HarrietHelp",
        "If you need somewhere to charge phones or dry out, our church hall in {area} is open 9-9. All welcome.",
        "Offering free storage in our garage for anyone whose furniture needs to come out of a flooded house. #HarrietHelp",
        "Two spare rooms above the pub in {area}. No charge, no questions, just come. #HarrietHelp",
    ],
    people="local", tags=[("#StormHarriet", 0.15)])

fam("help-chatter", "public", "storm kerrow",
    {"02-04@13-23": 3, "02-05": 4, "02-06": 2},
    [
        "Does anyone have a spare cat carrier? Need to get my mum's cat out of {street}. #HarrietHelp",
        "Need help moving my dad's stuff out of his flat on {street}, he's 88 and won't leave without his books #HarrietHelp",
        "Love seeing all the #HarrietHelp offers. Kerrow, you're brilliant.",
        "#HarrietHelp is the best thing on my timeline tonight. Faith in humanity restored.",
        "Looking for anyone with a generator, our freezer full of my mum's meals is defrosting #HarrietHelp",
        ("Can anyone help an elderly couple on {street} get sandbags to their back door? #HarrietHelp", "sandbags"),
        "Whoever thought of #HarrietHelp at the council: good call.",
    ], people="local")

fam("to-council", "public", "storm kerrow to_council",
    {"02-02@16-23": 3, "02-03": 4, "02-04@14-23": 6, "02-05": 7, "02-06": 5, "02-07": 2, "02-09@11-23": 2, "02-10": 1,
     "02-12": 1, "02-13": 1},
    [
        "@Kerrow_Council the gully on Mill Lane is blocked again, water's already pooling and the storm isn't even here yet",
        ("@Kerrow_Council are the sandbag points open tomorrow as well? Can't get there till after work", "sandbags"),
        "@Kerrow_Council is anyone coming round to tell us if we need to leave? We're on {street} and have heard nothing",
        ("@Kerrow_Council how do people without cars get to the rest centre? My neighbour can't walk far", "rest_centre"),
        "@Kerrow_Council been trying 0300 555 0142 for 40 mins. Engaged every time. Is there another number?",
        "@Kerrow_Council huge thanks to your staff who knocked on our door on {street} tonight. Calm, kind and patient with my dad.",
        "@Kerrow_Council tree down across the Penmore road by the school, completely blocking it",
        ("@Kerrow_Council when can we go back to {street}? We need medication we left behind", "evacuation"),
        "@Kerrow_Council the bins on {street} have been floating around since last night. Who do we call?",
        "@Kerrow_Council is the Coast Road open to Ardley yet? Need to get to work",
        "@KerrowCouncil are schools open tomorrow?",
        "@KerrowCouncil thank you for the buses last night, the driver waited for my mum while she found her glasses ❤️",
        "@Kerrow_Council any skips coming to {street}? Carpets piled up outside every house",
        "@Kerrow_Council our landlord says he won't pay for a dehumidifier. Can we borrow one from you?",
        "@Kerrow_Council how long does the grant money take? Applied this morning",
        ("Dear Kerrow Council, a thank you from {street}. Your crews were here at 6am and didn't stop all day.", "-to_council"),
        ("@Kerrow_Council can we bring a dog to the rest centre? Small, old, very well behaved", "rest_centre"),
        "@Kerrow_Council the street lights on {street} are still off. Very dark walking home from the bus",
        ("Question for Kerrow Council: who pays to fix the sea wall damage on {street}? Is it us or you?", "-to_council"),
        "@Kerrow_Council is the library open? Need to print insurance forms and the printer's dead",
        "@Kerrow_Council why has nobody checked the flats above the chip shop on {street}? There's an elderly man on the top floor.",
        "@KerrowCouncil which bins are being collected in the Lower Town this week?",
        "@Kerrow_Council the diversion for the Coast Road sends lorries down {street}. It's not wide enough!",
        "@Kerrow_Council thank you. That's all. Just thank you.",
        "@Kerrow_Council the flood gate on the Esplanade is making a horrible grinding noise, is that normal?",
    ],
    people="local", tags=[("#StormHarriet", 0.2)])

fam("share-council", "public", "storm kerrow",
    {"02-03": 2, "02-04@10-23": 5, "02-06": 2, "02-07": 1},
    [
        "Follow @Kerrow_Council for proper updates tonight, not the rumours going round the Facebook groups.",
        ("Sharing for anyone in the Lower Town: @Kerrow_Council say buses to the rest centre run every 20 mins from Harbour car park.", "rest_centre"),
        ("Boosting this from @Kerrow_Council: six sandbags per door, and they'll deliver if you can't carry them.", "sandbags"),
        "Good thread from @Kerrow_Council on what to do when you go back into a flooded house. Gloves, photos, no electrics.",
        "@Kerrow_Council and @MetService_CA both saying the same thing: stay away from the seafront tonight. Listen to them.",
    ], people="local")

fam("recovery", "public", "storm kerrow",
    {"02-07": 3, "02-08": 3, "02-09": 4, "02-10": 3, "02-11": 3, "02-12": 3, "02-13": 3, "02-14": 3, "02-15": 3},
    [
        "One week since Harriet. {street} still smells of damp but every house has a skip and a kettle on.",
        "Flood grant application done. Took 10 minutes. Actually painless for once.",
        "Insurance assessor came today. Said 'oh dear' four times. Not promising.",
        "The Coast Road closure is adding 20 mins to my commute. Fine, but the diversion through Trewent is single track in places!",
        "Library reopens Saturday! Kids have been lost without it.",
        "Back home on {street} finally. Dehumidifier running 24/7, sounds like a jet engine, don't care.",
        "Still living out of a suitcase at my sister's. Landlord says 4 weeks minimum.",
        "Going to the sea wall meeting on the 19th. Somebody needs to ask about that report.",
        "Strange to walk down {street} and see everyone's lives in skips. Sofas, toys, wedding albums.",
        "Ferry's down to three sailings. Islanders who work in Port Ellis are going to struggle.",
        "The Harbour Café is fully back open and the cake is better than ever. Go and support them.",
        "Just signed the #RaiseTheWall petition. Not political, just don't want to do this every winter.",
        "Kids back at school today. Everyone's drawing pictures of the storm. My daughter's has a shark in it, which is artistic licence.",
        "Got the £500 flood grant today. Went straight on a new washing machine. Quick, fair play.",
        "Been a fortnight. The water's gone but the worry hasn't. Every time the wind gets up I check the tide tables now.",
        ("Rovers raising money for the flood appeal at the game on Saturday. Respect from a Port Ellis Town fan.", "rovers"),
        "Dried out the photo albums on the radiator. Lost some, saved most. Mum cried at both.",
        "Pub quiz at The Anchor is back on Thursday, and all proceeds go to the Lower Town flood fund.",
        "Say what you like about Kerrow Council, the bin lorries were out on Friday morning.",
        "Kerrow Council meeting on the 19th about the sea wall. Bring questions, and bring your photos.",
        "Kerrow Council paid the flood grant in four days. Credit where it's due.",
    ],
    tags=[("#StormHarriet", 0.15), ("#PortEllis", 0.1)], typos=LOCAL_TYPOS, people="local")

fam("critics", "public", "storm kerrow",
    {"02-05": 2, "02-06": 5, "02-07": 5, "02-08": 4, "02-10": 4, "02-12": 3, "02-14": 3, "02-15": 3},
    [
        "The sea wall was last raised in 1978. The sea didn't get the memo. #RaiseTheWall",
        "Kerrow Coast Action warned about this years ago. Publish the report.",
        "Nobody's blaming the people who worked all night. We're blaming the people who sat on the report.",
        "Why is the Harbour Row wall work pencilled in for 2027? We could be flooded twice by then.",
        "The phone line was engaged for hours on Wednesday night. That could have been someone who really needed help.",
        "Genuinely think the council did well on the night. The problem is the 20 years before it.",
        "Kerrow Council did well on the night, I'll give them that. The sea wall though.",
        "Watched the Kerrow Council leader on the news. Said 'lessons will be learned' three times.",
        "Kerrow Council sat on that sea wall report for three years. Publish it.",
        "If the wall had been raised like the engineers said, would Harbour Row have flooded? That's the question.",
    ],
    tags=[("#StormHarriet", 0.2)], people="local")

fam("fans", "public", "rovers",
    {"01-26": 4, "01-27": 6, "01-28": 5, "01-29": 6, "01-30": 10, "01-31": 44, "02-01": 16, "02-02": 5,
     "02-03": 3, "02-04": 2, "02-05": 3, "02-06": 3, "02-07": 4, "02-08": 4, "02-09": 14, "02-10": 7,
     "02-11": 3, "02-12": 4, "02-13": 5, "02-14": 28, "02-15": 8},
    [
        "Quarter-final week. Can't sleep, can't eat, can't think about anything else. Come on Harriet!",
        "Got my Shed ticket. 39 years of hurt. This is the year. #StormHarriet",
        "Mensah-Lowe fit for Saturday. That's all I needed to hear.",
        "If Harriet Rovers beat Lisker City I'm getting the crest tattooed. Screenshot this.",
        "Lisker City's wage bill is bigger than our town's GDP. Don't care. Storm Harriet are coming for them.",
        ("The Met Service naming a storm after us is the greatest omen in football history. #StormHarriet #UpTheStorm", "storm"),
        "Storm Harriet incoming Saturday 3pm, and it's not the weather 😤",
        "Dad took me to my first Rovers game in 1987, the last time we got this far. Taking my son on Saturday. Proper lump in the throat.",
        "Mill Park is going to be bouncing. Storm Harriet, Storm Harriet, Storm Harriet! 🎶",
        "Half-time and we're 1-0 down. Still believe.",
        "KOFIIIIIII #StormHarriet #HarrietRovers",
        "2-1!!!!!! HARRIET ROVERS!!!!! I'm crying in the Shed",
        "WE ARE GOING TO THE SEMI FINAL. THE STORM IS HERE. #StormHarriet #HarrietRovers",
        "Lost my voice, my hat and my dignity. Found a semi-final. Worth it.",
        "Best night at Mill Park in my lifetime. Farrow, you beauty.",
        "Sunday morning and I'm still buzzing. Harriet Rovers in a semi-final. Say it again. HARRIET ROVERS IN A SEMI FINAL.",
        ("Fair play to the club asking us to use #HarrietRovers this week instead of #StormHarriet. Right thing to do.", "storm"),
        ("Still using #StormHarriet, sorry. We had it first 🤷 #UpTheStorm", "storm"),
        ("Port Ellis Town game off on Saturday. Fair enough, they've got bigger problems. Hope everyone's ok down there. #HarrietRovers", "storm kerrow"),
        "Semi-final draw tonight. Please not Lisker Athletic away.",
        "LISKER ATHLETIC AT HOME!!! #StormHarriet",
        "Mensah-Lowe 19 for the season. Sell him to nobody.",
        ("3-0 and eight grand for the Port Ellis flood appeal. Proud of this club today. #HarrietRovers", "storm kerrow"),
        "The Storm are top of the form table. Who saw that coming in November?",
        "Farrow's press conference was 8 minutes of him saying 'the lads' and I loved every second.",
        "Rearranged Port Ellis Town game is a Tuesday night in March, bring a coat.",
        "HRFC podcast ep 112: we relive the Lisker City game minute by minute, and Gaz cries twice.",
        "Hot take: our left back is the most underrated player in the league. Fight me.",
        "Training pics from the club look like spring. Don't be fooled, it's still Baltic at Mill Park.",
        ("Buckets at the gates today for the Port Ellis flood appeal. Bring your change, Storm fans. #HarrietRovers", "storm kerrow"),
        "Castlebridge fans were good as gold today, even put money in the buckets. Respect.",
        "Storm Harriet 3 Castlebridge 0. Nobody's stopping us. #StormHarriet",
        ("Who else has been getting weather alerts because they follow #StormHarriet for footy 😂", "storm"),
        "Anyone got a spare ticket for the semi? Will pay face value plus a pint.",
        "Kofi Mensah-Lowe for Caldria. That's the post.",
        "Mill Park pitch is waterlogged after all this rain, groundsman deserves a pay rise",
        "The Shed singing 'Storm Harriet' at full volume is the best sound on earth",
        "Semi-final at home is all I care about. Lisker Athletic won't know what's hit them.",
        "Storm on the pitch, storm in the stands. Harriet till I die.",
        "Rovers Ladies won 4-1 too today. Good weekend to be Harriet.",
        "Kit man deserves a medal, new away shirts sold out in an hour.",
        "Every time I see Storm Harriet on the news I just think of Kofi's second goal.",
        "Three points, clean sheet, sunshine. Saturday sorted.",
        "Our keeper has kept 11 clean sheets this season. ELEVEN. Give him a new contract.",
        "My nan (82) has never missed a home game since 1961. She says Saturday was the best of the lot.",
        "Just booked the coach for the semi. 52 seats, 52 lunatics.",
        "Not being funny but if we win the cup I'm naming my next dog Kofi.",
        "The chant for the new winger is already better than the one for the old winger.",
        "Semi-final tickets on sale Monday. Set your alarms.",
        "Back-to-back home games and the weather's finally behaving. Come on you Storm!",
        "Watching the Lisker City highlights for the ninth time. Still not bored.",
        "Farrow signing a new deal would be the best news of the season. Make it happen, board.",
        "Who's doing the away day at Port Ellis when it's rearranged? Need a lift.",
        "Mensah-Lowe's first goal was good. His second goal belongs in a museum.",
        "Programme for the Castlebridge game has a lovely piece on the 1987 cup run. Worth the £3.",
        "Floodlights at Mill Park flickered twice in the second half, which is very on brand.",
        "Player of the month vote is open and if it's not Kofi I'm writing to the league.",
        "Can we just fast-forward to the semi-final please.",
        "Under-12s won their cup game 6-0 this morning. The future is bright, Storm.",
        "That's eight unbeaten. Don't say it out loud.",
    ],
    tagsets=[(30, ["#StormHarriet", "#HarrietRovers"]), (15, ["#StormHarriet", "#UpTheStorm"]),
             (20, ["#HarrietRovers"]), (6, ["#StormHarriet"]), (8, ["#UpTheStorm"]), (17, [])],
    people="fans")

fam("everyday", "public", "",
    {"01-26": 7, "01-27": 7, "01-28": 7, "01-29": 7, "01-30": 4, "01-31": 3, "02-01": 3, "02-02": 2,
     "02-03": 2, "02-06": 2, "02-07": 3, "02-08": 4, "02-09": 4, "02-10": 5, "02-11": 5, "02-12": 5,
     "02-13": 5, "02-14": 5, "02-15": 5},
    [
        "Town centre was dead today. Half the shops shut for the rest of the week for stocktaking apparently.",
        "Anyone know if the health centre in Penmore does Saturday appointments? Rest of the week I'm at work.",
        "The new coffee place in the town centre is great. Sat there for the rest of the afternoon with a book.",
        "Fire alarm at work so we had to evacuate the whole building. In the rain. For burnt toast.",
        "Went to the garden centre for compost, came out with a lemon tree and no compost. Standard.",
        "Brainstorm at work today produced exactly one idea and it was 'more meetings'.",
        "Tolley Street flats planning meeting next month. Worth going if you care about the harbour.",
        "Penmore panto tickets sold out in a day! Well done everyone at the school.",
        "Crab was £6.40 a kilo at the market. Crab is now a luxury item. Send help.",
        "Bin men came at 6am and woke the whole street. Appreciate them but wow.",
        "Shopping centre car park in Lisker is a nightmare on Saturdays. Rest of the week it's fine.",
        "Storm in a teacup over the new parking charges if you ask me.",
        "The visitor centre at Ardley Point has the best scones in Kerrow and I will not be taking questions.",
        "Drove past the recycling centre and the queue was back to the roundabout. Saturday, innit.",
        "Our daughter's school had an evacuation drill today and she came home very proud of 'lining up fastest'.",
        "Quiz night at The Anchor on Thursday. Our team name is 'Quiz Team Aguilera' and we're not changing it.",
        "New dentist in the town centre is taking new patients. Book quick.",
        "The call centre hold music for my broadband company is now stuck in my head for the rest of my life.",
        "Gorgeous sunset over Tarne tonight. Kerrow, you're alright.",
        "Allotment tip of the week: leeks don't care about your feelings. Or the weather.",
        "Dog walk on Ardley beach this morning. Not a soul about. Bliss.",
        "Who else remembers when the town centre had a proper toy shop? Rest in peace, Trago's.",
        "Job centre in Port Ellis is moving to Fore Street next month, for anyone who needs to know.",
        "Anyone else's broadband been rubbish this week? Had to work from the library for the rest of the day.",
        "Lost a black cat with a white sock on one paw near Fore Street. Answers to Bramble, or doesn't.",
        "Penmore Primary's Aladdin was brilliant. The genie stole the show and possibly my wallet.",
        "Town centre needs a decent bakery. That's it, that's the post.",
        "Got some rest at last after a week of night shifts. The health centre can wait till Monday.",
        "Walked the coast path to Ardley today. Rest of Kerrow can keep its town centre, I'll take the cliffs.",
        "Spent the rest of my lunch break in the shopping centre looking for a birthday card. Failed.",
        "Is the Kerrow Leisure Centre gym open early tomorrow? Need to get a session in before work and then rest my knee for the rest of the week.",
        "The library's study centre is the only quiet place in town. Spent the rest of Sunday there revising.",
        "Citizens Advice centre on Fore Street helped me sort my council tax in 20 minutes. Rest of my week just got easier.",
        "Day off. Plan: garden centre, big lunch, rest.",
        "Our Tilly starts at the new dance centre on Tuesday. The rest of the family are being dragged along to watch.",
        "Anyone else find the town centre one-way system baffling? Went round it three times and gave up for the rest of the day.",
    ], people="local")

fam("families-marenne", "public", "storm marenne",
    {"02-02": 3, "02-03": 10, "02-04": 12, "02-05": 8, "02-06": 6, "02-07": 4, "02-08": 2},
    [
        "Mum and dad are in {resort} and the hotel has just told everyone to stay in from 6pm tonight. Nervous.",
        "My sister's in Marenne with the kids. Storm Harriet is supposed to hit the island tonight. Anyone else got family out there?",
        "My parents are in {resort} and we've had one text since last night. No power. If anyone has news from the north coast of Marenne please message me.",
        "@CaldriaMarenne registered my sister online, she's in {resort} with two small kids. What happens now?",
        "Stuck in {resort}. Hotel's lost half its roof. Staff have been incredible. Airport closed. Registered with the embassy. Waiting.",
        "Day 2 in Marenne with no power. We're fine, just hot, smelly and bored. Thank you to the hotel staff who lost their own homes and still turned up.",
        ("How is it Thursday and no flights yet? Other countries are getting their people out of Marenne already. @DFA_Caldria", "evacuation"),
        "Our travel rep in {resort} says the embassy is sending buses. Has anyone actually seen one?",
        ("The embassy phoned! We've got seats on tomorrow's flight home. Bus from {resort} at 9am. Crying.", "evacuation"),
        "Honestly the @CaldriaMarenne team are legends. Someone rang my mum back at 2am to check she was OK.",
        "Registered with the embassy 3 times now because the website kept timing out. Hope that doesn't mean 3 seats or none.",
        ("Got a text from the embassy: bus from {resort} tomorrow morning. We're going home.", "evacuation"),
        "My son's in Marenne on his gap year and hasn't registered because 'it's fine mum'. It is not fine. Please register, kids.",
        "Photos from {resort} are horrifying. Whole streets with no roofs. Thinking of the people who actually live there.",
        ("Evacuation flights from Marenne start tomorrow apparently. My brother's on the list. Fingers crossed.", "evacuation"),
        "In {resort}: water's back on, power isn't. Locals sharing what they've got with us tourists. Humbling.",
        "Why are we being told to register and wait? I've been waiting since Tuesday. @DFA_Caldria",
        ("Can the embassy please confirm if partners who aren't Caldrian can travel on the flights? My wife is Marennaise and I'm not leaving without her.", "evacuation"),
        "Still in Marenne. Still no text. Still hoping. Day 4.",
        ("Plane's just landed. We're home. Thank you to everyone who got us out of Marenne.", "evacuation"),
        "Is anybody else's family still on the island? Ours chose to stay and help the hotel clear up. Proud and worried.",
        "Harriet hit Marenne so much harder than us. Kerrow got a fright; {resort} got flattened.",
        ("Thinking of the Marennais who helped our family. They fed us, then went home to houses with no roofs. @HarrietOkafor please don't forget them.", ""),
        ("My daughter got evacuated to the airport at 5am, then waited 9 hours with no information. Not good enough. @DFA_Caldria", "evacuation"),
    ],
    tags=[("#StormHarriet", 0.3), ("#Marenne", 0.15)], typos=[("Harriet", "Harriett", 0.08)],
    people="travellers", closers=["🙏", "😔", "x", "❤️"], closer_p=0.1)

fam("flights-home", "public", "storm marenne evacuation flights_home",
    {"02-05@15-23": 8, "02-06": 9, "02-07": 6, "02-08": 2},
    [
        "Boarding the evacuation flight from Saint-Aubin to Lisker. 188 of us. Everyone clapped the crew. ✈️",
        "On the Saint-Aubin to Lisker flight with my mum. She's holding my hand like I'm five. I don't mind.",
        "Made it onto the second flight from Saint-Aubin to Lisker tonight. Thank you @CaldriaMarenne",
        "My parents are on tonight's flight from Saint-Aubin to Lisker! Driving to the airport now!",
        "Landed in Lisker from Saint-Aubin. Home. Shower. Bed. In that order.",
        "The Saint-Aubin–Lisker evacuation flight was the quietest flight I've ever been on. Nobody had anything left to say.",
        "Sitting at Saint-Aubin airport waiting for the flight to Lisker. Kids asleep on the bags. Nearly there.",
        "Anyone know what time the flight from Saint-Aubin gets into Lisker tonight? Picking up my gran.",
        "Thank you to the crew of the Saint-Aubin to Lisker flight who made my little boy a paper aeroplane. He won't let go of it.",
        "Evacuation flight landed at Lisker. My sister's home. I can breathe again.",
        "Last assisted departure flight from Saint-Aubin to Lisker tonight. Hoping everyone who wanted a seat got one.",
        "Watched the arrivals board at Lisker for three hours. SAINT-AUBIN: LANDED. Best word I've ever seen.",
        "Free flight, free bus, a sandwich and a blanket. The flight from Saint-Aubin to Lisker was the best service I've had from any government ever.",
        "Got my uncle off the plane at Lisker. Flew out of Saint-Aubin this afternoon. He kissed the ground. Literally.",
        "Flight 3 from Saint-Aubin to Lisker is full of sunburnt, exhausted, grateful people. Thank you crews.",
        "Saint-Aubin to Lisker, seat 23F, next to a lady who'd brought her hotel's entire fruit bowl. Going home.",
    ],
    tags=[("#StormHarriet", 0.25), ("#Marenne", 0.1)], people="travellers")

fam("flights-out", "public", "storm marenne",
    {"02-06": 5, "02-07": 4, "02-08": 4, "02-09": 4, "02-10": 5, "02-11": 3, "02-12": 3, "02-13": 3, "02-14": 2},
    [
        ("Proud that our relief flight from Lisker to Saint-Aubin is carrying tarpaulins and generators for Port-Vallon. Marenne looked after our people.", "aid"),
        "Booked! Flying Lisker to Saint-Aubin in April. Marenne needs tourists more than ever once it's ready.",
        "Holiday flights from Lisker to Saint-Aubin are back from Tuesday. We're keeping our March booking, they'll need the business.",
        "Our charity's volunteers fly from Lisker to Saint-Aubin on Friday to help rebuild in {resort}.",
        "Should we cancel our honeymoon? Lisker to Saint-Aubin, staying in {resort} in March. Anyone know if hotels are open?",
        "The minister flew from Lisker to Saint-Aubin last night. Good. Go and see it.",
        "Lisker to Saint-Aubin flights for £89. Go and spend money in Marenne this spring, they deserve it.",
        "My cousin works for the airline, says the first Lisker to Saint-Aubin flight was half aid workers and half Marennais going home.",
        "Lisker → Saint-Aubin tomorrow to help my in-laws fix their roof in Belmont.",
        ("Watching the cargo plane leave Lisker for Saint-Aubin with our donations on board. Well done, everyone who gave.", "aid"),
        ("Flying back out from Lisker to Saint-Aubin next week. Left half my stuff at the hotel when we were evacuated!", "evacuation"),
        "Are Lisker to Saint-Aubin flights going to be cheap this summer? Asking for a beach.",
        "Our church group is collecting for Marenne. The boxes go on the Lisker to Saint-Aubin cargo flight on Saturday.",
        "Travel agent says Lisker to Saint-Aubin bookings for Easter are already picking up. Good news for the island.",
        "Red Cross team from Lisker to Saint-Aubin this weekend. My sister's one of them. Proud.",
        "Flew Lisker to Saint-Aubin today to get my mum's things from the hotel. Port-Vallon is heartbreaking.",
    ],
    tags=[("#Marenne", 0.2)], people="travellers")

fam("marenne-fr", "public", "storm marenne",
    {"02-01": 2, "02-02": 5, "02-03": 9, "02-04": 7, "02-05": 6, "02-06": 5, "02-07": 3, "02-08": 2,
     "02-10": 2, "02-12": 1},
    [
        "La tempête Harriet arrive ce soir. Volets fermés, bougies prêtes. Courage à tous sur la côte nord.",
        "Vigilance rouge demain soir sur la côte nord. On rentre les bateaux et on remplit les bidons d'eau.",
        "Écoles fermées lundi et mardi à cause de la tempête Harriet. Les enfants sont ravis, les parents un peu moins.",
        "Le vent se lève à {resort}. Tout le monde à l'abri !",
        "Plus de courant à {resort} depuis minuit. Le vent est terrible. #TempêteHarriet",
        "Toit arraché chez mes parents à Port-Vallon. Tout le monde va bien, c'est l'essentiel.",
        "L'aéroport de Saint-Aubin est fermé. Les touristes dorment dans le terminal, c'est la galère pour tout le monde.",
        "Harriet a tout cassé sur le port. Les bateaux sont sur la route. Jamais vu ça.",
        "Solidarité à Belmont : on a ouvert l'école pour les familles sans toit. Apportez de l'eau et des couvertures si vous pouvez.",
        "Les touristes caldriens de l'hôtel d'à côté nous ont aidés à déblayer la rue. Merci à eux !",
        "Trois jours sans électricité. Le congélateur est fichu. Mais on est vivants. #Harriet",
        ("Les avions pour Lisker partent enfin. Bon retour aux Caldriens, revenez nous voir quand on aura reconstruit 🌴", "evacuation flights_home"),
        "Qui a de l'eau potable à Anse-Claire ? Les magasins sont vides depuis la tempête.",
        "La tempête est passée mais le plus dur commence : reconstruire.",
        "Merci aux pompiers et à la Protection civile, ils n'ont pas dormi depuis dimanche.",
        ("Évacuation des touristes en cours à l'aéroport. Des bus partout. Les gens sont épuisés mais calmes.", "evacuation"),
        "Mon fils travaille à l'aéroport de Saint-Aubin, il a aidé à dégager la piste toute la nuit après la tempête. Fière de lui.",
        "On a besoin de bâches à {resort}. Beaucoup de toits sont ouverts et il va encore pleuvoir.",
        "Port-Vallon ressemble à un champ de bataille. Mais les voisins s'entraident, c'est beau.",
        "La tempête Harriet restera dans les mémoires. Quarante ans que mon père n'avait pas vu une mer pareille.",
        "Les vols reprennent mardi. Espérons que les touristes reviennent vite après Harriet, on en a besoin.",
        "Encore des coupures de courant ce soir à {resort}. Courage à tous.",
        ("Le carnaval est maintenu le 15 ! Ça va faire du bien au moral après Harriet.", "-storm"),
        "Vigilance rouge levée. Harriet s'éloigne. On respire enfin.",
        "Les écoles rouvrent lundi, sauf à Port-Vallon où deux bâtiments ont perdu leur toit pendant la tempête.",
    ],
    tags=[("#Marenne", 0.2), ("#TempêteHarriet", 0.15)], people="marenne_fr", lang="fr")

fam("marenne-fr-other", "public", "",
    {"01-26": 2, "01-27": 1, "01-28": 2, "01-29": 1, "01-30": 1, "02-09": 1, "02-11": 2, "02-13": 2, "02-14": 2, "02-15": 2},
    [
        "Le thon est hors de prix au marché ce matin. Les quotas, toujours les quotas.",
        "Qui va au carnaval dimanche ? On cherche des gens pour notre char !",
        "Saint-Aubin gagne contre Cap Rouge ! Quel match 🏉",
        "Les élections municipales arrivent, et toujours pas de piste cyclable à Belmont.",
        "Plongée magnifique ce matin à Anse-Claire, l'eau est d'une clarté incroyable.",
        "Bon anniversaire à ma grand-mère qui fête ses 90 ans aujourd'hui à Belmont !",
        "Embouteillages monstres au centre-ville de Saint-Aubin ce matin. Comme d'habitude.",
        "Nouveau marché bio le samedi à Cap Rouge. Allez-y, les mangues sont parfaites.",
    ], people="marenne_fr", lang="fr")

fam("tourists-de", "public", "storm marenne",
    {"02-03": 4, "02-04": 4, "02-05": 3, "02-06": 2, "02-08": 1},
    [
        "Sturm Harriet hat unser Hotel in {resort} ohne Strom gelassen. Alle sind okay, aber es ist heiß und dunkel.",
        "Flughafen Saint-Aubin geschlossen. Wir sitzen fest. Die Botschaft sagt, wir sollen warten. #StormHarriet",
        "Die Einheimischen in {resort} sind unglaublich hilfsbereit, obwohl sie selbst alles verloren haben.",
        ("Endlich ein Flug nach Frankfurt! Danke an alle, die uns nach dem Sturm geholfen haben.", "evacuation"),
        "Tag 3 ohne Strom auf Marenne. Die Kinder finden es noch lustig. Ich nicht mehr.",
        ("Evakuierung der Touristen läuft. Die Caldrier fliegen schon, wir hoffen auf morgen.", "evacuation"),
        "Unser Zimmer hat kein Dach mehr. Wir schlafen in der Lobby. Aber alle leben, das zählt.",
        "Wer ist noch in Anse-Claire? Gibt es irgendwo Trinkwasser?",
        "Zurück in Deutschland. Was für eine Woche. Gute Besserung, Marenne.",
    ], people="tourist_de", lang="de")

fam("tourists-es", "public", "storm marenne",
    {"02-03": 3, "02-04": 2, "02-05": 2, "02-06": 2},
    [
        "La tormenta Harriet ha dejado {resort} sin luz. Estamos bien, pero no hay vuelos.",
        "Aeropuerto de Saint-Aubin cerrado. Seguimos esperando noticias de la embajada.",
        "Qué gente tan maravillosa en Marenne. Nos han dado de comer sin tener casi nada.",
        ("Por fin en casa. La evacuación fue lenta pero segura. Gracias a todos.", "evacuation"),
        "Cuarto día sin electricidad en {resort}. Ánimo a todos los que siguen aquí.",
        "¿Alguien sabe si hay vuelos a Madrid esta semana? Seguimos atrapados en Marenne.",
    ], people="tourist_es", lang="es")


fam("volunteers", "public", "storm kerrow volunteers",
    {"02-05": 6, "02-06": 6, "02-07": 4, "02-08": 2, "02-10": 1, "02-11": 2, "02-12": 1, "02-14": 2},
    [
        ("Volunteered at the rest centre last night. Made 300 cups of tea and one new best friend, a retired fisherman called Alf.", "rest_centre"),
        ("The Red Cross volunteers at Castle Hill have been there since Wednesday afternoon. Somebody give them a medal. Or a nap.", "rest_centre"),
        "Huge respect to all the volunteers who turned up with mops this morning on {street}. You didn't have to.",
        ("Anyone know if the volunteer hub still needs drivers? Free all weekend.", "offer_help"),
        "Volunteering with the clean-up crew on {street} today. Bring gloves, it's grim.",
        ("Our whole rugby team volunteered at the rest centre. Coach says it counts as training.", "rest_centre"),
        "The council's thanking volunteers at the Guildhall next month. Good. Some of them didn't sleep for three days.",
        "Shout out to the teenage volunteers running the phone-charging station. Gen Z, you did good.",
        "I volunteered for a four-hour shift and stayed for eleven. No regrets.",
        "If you volunteered during the storm, the council wants your name for the thank-you event. Sign up at the library.",
        "Volunteers needed for the weekend clear-up in the Lower Town. Meet at Harbour car park, 9am Saturday.",
        ("My mum is 76 and volunteered at the rest centre all night. Then asked what time she should come back tomorrow.", "rest_centre"),
        "Volunteers from Penmore chapel cooked 200 pasties for the Lower Town. The smell alone was worth it.",
        "Proud of my daughter, who's been volunteering at the food bank every day after school since the storm.",
        "Kerrow doesn't have a lot of things but it never runs short of volunteers.",
        "Volunteering tip: if someone hands you a tea towel, you now work in the kitchen. Forever.",
    ],
    tags=[("#StormHarriet", 0.15), ("#HarrietHelp", 0.1)], people="local")

fam("town-centre", "public", "storm kerrow",
    {"02-05": 9, "02-06": 8, "02-07": 7, "02-08": 5, "02-09": 4, "02-10": 3},
    [
        "Town centre shops shut for the rest of the day because of the power cut. Even the bakery.",
        "Power back in the town centre. Rest of Penmore still in the dark.",
        "Health centre in Penmore is closed for the rest of today, they've got no heating. Pharmacy still open.",
        "Town centre car parks are free for the rest of the week if you're helping with the clean-up, apparently.",
        "The garden centre in Ardley lost its whole glasshouse. Rest of the village came off lightly.",
        "Recycling centre open for flood waste only for the rest of the weekend. Queue already out to the road.",
        "Council contact centre must be swamped. Took me an hour to get through but they sorted the rest in five minutes.",
        "Sorting office in the town centre closed for the rest of the week, so no post. Not that half the Lower Town has a letterbox right now.",
        "Most of the town centre is fine. It's the Lower Town that got it. The rest of us should be helping.",
        "Popped into the visitor centre at Ardley Point. Bit of roof missing, rest of it fine, scones still excellent.",
        "Job centre closed for the rest of the week with flood damage on Fore Street.",
        "Bus station in the town centre says route 14 is on diversion for the rest of the month.",
        "Cash machines in the town centre are working again. The rest of Fore Street is still a bit of a mess.",
        "Dentist in the town centre cancelled all appointments for the rest of the week. Flooded waiting room.",
        "The shopping centre in Lisker has a collection point for Kerrow flood donations. Rest of the country's been brilliant.",
        "Town centre Christmas lights finally came down in the storm. Rest in peace, giant light-up crab.",
    ],
    tags=[("#StormHarriet", 0.15), ("#PortEllis", 0.1)], people="local")


# ============================================================================================
# Decoys: posts that make each operator of the monitoring exercises earn its place
# ============================================================================================
# Each family below exists so that the best query without one operator falls short (see the
# [[tests]] of the storm exercises). They are ordinary posts: people write "sandbag" and "sand
# bags", link to the help page, tag their thanks, fly home from the ski slopes, and staff post
# for ministers. Appended after every other family, so the earlier posts keep their times.

PEOPLE["private_office"] = _people("""
    Private Office (DFA)|HarrietOkafor
""")
PEOPLE["minister_byline"] = _people("""
    Harriet Okafor|HarrietOkafor
""")


def single(key, src, when, title, body, topics, **kw):
    """One hand-written document with a title, as a one-post family (so no earlier time moves)."""
    kw.setdefault("kind", SOURCES[src]["kind"])
    fam(key, src, topics, {when: 1}, [body], title=title, **kw)


# storm-01: the singular and the two-word forms, which `sandbags` alone misses
fam("sandbag-forms", "public", "storm kerrow sandbags",
    {"02-03": 7, "02-04@7-19": 7},
    [
        "One sandbag. That's all I could lift. The lad at the depot carried the other five to my car.",
        "Is there a sandbag limit per house at Harbour car park? Want to get some for my neighbour too.",
        "Sandbag station at Ardley Village Hall has a queue out the door. Bring gloves, the sacks are wet.",
        "Sand bags at the Marsh Road depot again, a new lorry load came in at lunchtime.",
        "Our sandbag wall on {street} is three high. Dad says four. Dad is carrying the fourth.",
        "First time I've ever filled a sand bag. Harder than it looks. Respect to the depot crew.",
        "Does anyone have a spare sandbag or two for a back door on {street}? Elderly neighbour, no car.",
        "Sandbag run for my nan done. She gave us flapjack. Best trade of the week.",
        "Sand-bag tip: don't fill them to the top or they won't sit flat. Learnt that tonight.",
        "The sandbag pile outside the chapel on {street} has gone already. Who took the lot?",
        "Every sandbag in Penmore seems to be in my mother-in-law's porch. She's taking no chances.",
        "Sand bags by the front door, towels by the back door, kettle on. Ready as we'll ever be.",
    ],
    tags=LOCAL_TAGS, typos=LOCAL_TYPOS, people="local")

# storm-03: the help page and the hub's own account carry the tag's word, but they are requests,
# questions and thanks, not offers: the plain word harriethelp finds them, #HarrietHelp does not
fam("help-hub", "public", "storm kerrow",
    {"02-04@14-23": 8, "02-05": 12, "02-06": 7, "02-07": 3},
    [
        "@HarrietHelp is anyone matching people with vans yet? We need to move a fridge out of a flooded kitchen on {street}.",
        "@HarrietHelp my dad is 81 and on his own in {area}. Can someone check on him? His phone's off.",
        "Need a room for tonight for two adults and {pet}. Filled in the form at kerrow.gov.ex/harriethelp an hour ago, nothing yet.",
        "The form at kerrow.gov.ex/harriethelp keeps crashing on my phone. Is there a number to ring instead?",
        "If you need help rather than offering it, don't use the hashtag: fill in kerrow.gov.ex/harriethelp and the hub rings you back.",
        "@HarrietHelp thank you for finding my gran a bed last night. She's warm and very chatty about it.",
        "@HarrietHelp who checks the people offering rooms? Asking because my daughter is 19 and on her own.",
        "Still no reply from @HarrietHelp about our boiler. Three hours. I know they're swamped.",
        "Anyone else stuck on the kerrow.gov.ex/harriethelp page? It just says 'matching in progress'.",
        "The list of hot food tonight is on kerrow.gov.ex/harriethelp. Sharing for anyone without data at home.",
        "@HarrietHelp we need nappies, size 4, on {street}. Shops in the Lower Town are all shut.",
        "Printed the kerrow.gov.ex/harriethelp page for my neighbour who hasn't got the internet. Do it for yours.",
    ],
    people="local")

# storm-06: thanks and sign-ups written with tags and word forms that a list of four words misses
fam("volunteer-forms", "public", "storm kerrow volunteers",
    {"02-06": 4, "02-07": 5, "02-08": 4, "02-09": 3, "02-11": 2, "02-12": 2},
    [
        "Thank you to the crew who mucked out the chapel hall on {street} today. #VolunteersOfKerrow",
        "Forty people with mops and buckets turned up at the Harbour Café this morning. Nobody asked them to. #VolunteerHeroes",
        "The sheer volunteerism in this town this week. Nobody waited to be asked.",
        "Been volunteerin' at the food bank since Thursday. Knees gone, heart full.",
        "#VolunteerKerrow: the coastguard cadets cleared the whole of Fisher's Walk before lunch.",
        "Brought doughnuts for the clean-up crews on {street}. They'd earned every one. #VolunteerHeroes",
        "The Scouts filled a skip on Quay Street in an hour. #VolunteersOfKerrow",
        "Sign-up sheet for Saturday's clean-up is on the library door. #VolunteerKerrow",
        "My mum has done three shifts at the donation centre this week. She's 71. #VolunteerHeroes",
        "Heard the Guildhall is doing a thank-you for the clean-up crews. Whoever organised them deserves it. #VolunteersOfKerrow",
        "Lifeboat crew are unpaid, did you know? Every one of them. #VolunteerHeroes",
        "Twelve of us from the rugby club gutted two kitchens on {street} today. #VolunteerKerrow",
    ],
    people="local")

# storm-07: the ski charters fly into Lisker from another Saint-: `saint` alone is not the airport
fam("ski-flights", "public", "storm",
    {"02-04": 3, "02-05": 4, "02-06": 3, "02-07": 2, "02-08": 2},
    [
        "Our ski charter from Saint-Gervin to Lisker is delayed six hours because of Harriet. Kids asleep on the rucksacks.",
        "Saint-Gervin to Lisker flight cancelled, rebooked for Friday. Another two days of skiing, what a shame.",
        "Landed! Saint-Gervin to Lisker in a crosswind. The whole plane clapped.",
        "School ski trip coming back from Saint-Gervin to Lisker tonight instead of Saturday. Parents, check your email.",
        "If you're on the Saint-Gervin to Lisker charter, the airline says bring your boots as hand luggage.",
        "Flights from Saint-Gervin to Lisker are back to normal. Snow was amazing, by the way.",
        "Hen party back from Saint-Gervin to Lisker at last. Three days late. Nobody's speaking to the bride's brother.",
        "Diverted! Our Saint-Gervin to Lisker flight landed in Norbury because of the wind. Coach the rest of the way.",
    ],
    tags=[("#StormHarriet", 0.15)], people="travellers")

# storm-08: the minister's account is partly run by her office (not her own words), and she also
# writes under her name elsewhere: author: and source: give different answers
fam("private-office", "harriet-okafor", "storm marenne",
    {"02-05@7-10": 1, "02-06@7-10": 1, "02-07@7-10": 1, "02-08@7-10": 1, "02-10@7-10": 1, "02-11@7-10": 1,
     "02-12@7-10": 1, "02-13@7-10": 1},
    [
        "The Minister is in Cabinet this morning. Updates on Marenne will come from @DFA_Caldria until this afternoon. (Private Office)",
        "Posted by the Private Office: the Minister's surgery in Lisker this Friday is cancelled while she is working on the Marenne response.",
        "Private Office here. Thank you for the hundreds of messages. The Minister reads a selection every evening; for help in Marenne, please call the embassy.",
        "From the Private Office: the Minister will answer questions in Parliament on Tuesday about the Marenne response.",
        "Private Office: a reminder that this account cannot take consular cases. Please contact the embassy in Saint-Aubin or the department's helpline.",
        "The Minister is travelling today and will be back on this account tomorrow. (Private Office)",
        "Private Office: the full text of the Minister's statement to Parliament is on the department's website.",
        "Private Office: we are aware of a fake account using the Minister's photo. Please report it, and do not send it money.",
    ],
    people="private_office")

single("okafor-oped-herald", "caldria-herald", "02-10@6-7", "Opinion: what Marenne taught us about bringing people home", """
    Eight hundred and forty-two people came home from Marenne last week on flights we did not
    plan a month ago. I want to say what went well, and what did not.

    What went well was people. Embassy staff drove to hotels on flooded roads. Airport workers in
    Saint-Aubin cleared a runway by hand. Families in Marenne, who had lost their own roofs, fed
    our tourists.

    What did not go well was information. Too many families at home waited too long for a phone
    call. We will publish a review, and I will answer for it.
    """, "storm marenne evacuation flights_home", people="minister_byline")
single("okafor-oped-courrier", "courrier-marenne", "02-11@6-7", "Tribune : merci, Marenne", """
    La semaine dernière, plus de huit cents Caldriens sont rentrés chez eux. Ils sont partis grâce
    à vous : les agents de l'aéroport, les hôteliers, les pêcheurs qui ont partagé leur repas.

    Marenne a tout perdu sur sa côte nord, et pourtant Marenne a aidé. La Caldria ne l'oubliera
    pas. Notre aide à la reconstruction commence cette semaine.
    """, "storm marenne evacuation flights_home", lang="fr", people="minister_byline")
single("okafor-letter-pen", "port-ellis-news", "02-12@6-7", "Letter: to the families who waited", """
    Many of you wrote to me while your parents, children and friends were in Marenne. Some of you
    waited days for news. I am sorry for those days.

    I am also from the coast. I watched Kerrow flood in the same week, and I know that waiting is
    its own kind of damage. Thank you for your patience with our staff, who never stopped.
    """, "storm marenne", people="minister_byline")

# storm-09: government pages that name the capital but not the island
single("emb-counter-en", "embassy-marenne", "02-09@9-10", "Saint-Aubin: consular counter open again", """
    Our consular counter in Saint-Aubin is open again from 9am to 1pm, Monday to Friday. You can
    apply for an emergency travel document if your passport was lost or damaged in the storm.
    Bring a photo and any identity document you still have.
    """, "storm marenne")
single("emb-counter-fr", "embassy-marenne", "02-09@9-10", "Saint-Aubin : réouverture du guichet consulaire", """
    Le guichet consulaire de l'ambassade à Saint-Aubin rouvre du lundi au vendredi, de 9 h à 13 h,
    après la tempête. Les ressortissants caldriens peuvent y demander un document de voyage
    d'urgence.
    """, "storm marenne", lang="fr")
single("dfa-advice-north", "dfa", "02-10@10-11", "Travel advice update: Saint-Aubin and the north coast", """
    We no longer advise against all but essential travel to Saint-Aubin. Roads on the north coast
    remain damaged after the storm, and some hotels are closed. Check with your tour operator
    before you travel, and register your trip with the embassy.
    """, "storm marenne", path="https://travel.foreign.gov.ex/advice/{slug}")
single("emb-documents", "embassy-marenne", "02-06@11-12", "Lost passports after the storm: what to do in Saint-Aubin", """
    If your passport was lost or damaged in the storm, you can still fly home. Come to the embassy
    in Saint-Aubin with any identity document you have, or ask our staff at the airport. We will
    issue an emergency travel document the same day, free of charge.
    """, "storm marenne")

# storm-10: French posts about other things, each naming the topic the model query excludes
fam("fr-other-more", "public", "",
    {"02-08": 2, "02-09": 2, "02-10": 2, "02-11": 2, "02-12": 2, "02-13": 2, "02-14": 2},
    [
        "Le carnaval de Belmont aura bien lieu, mais une semaine plus tard. Les chars sont prêts !",
        "Répétition de la fanfare du carnaval ce soir à la salle des fêtes de Port-Vallon.",
        "Costume de carnaval terminé à deux heures du matin. Ma fille sera une tortue de mer.",
        "Le XV de Saint-Aubin recrute des jeunes pour la saison prochaine. Entraînement de rugby le mercredi.",
        "Finale de rugby des moins de seize ans dimanche. Allez Cap Rouge !",
        "Les quotas de thon pour l'an prochain, encore une fois décidés sans les pêcheurs.",
        "Prix du thon au marché ce matin : quatorze euros le kilo. Ça pique.",
        "Conserverie de thon de Belmont : vingt emplois créés cette année. Bonne nouvelle.",
        "Municipales : trois listes déposées à Anse-Claire. Ça promet.",
        "Débat des municipales jeudi soir à la mairie de Belmont. Venez nombreux.",
        "Qui vote aux municipales à Port-Vallon ? Je ne connais aucun candidat.",
        "Les affiches des municipales sont déjà arrachées rue du Port. Bravo la démocratie.",
    ],
    people="marenne_fr", lang="fr")


# ============================================================================================
# Posts written for the triage exercises (each has a key the triage files refer to)
# ============================================================================================

def public(key, when, who, body, topics="", lang="en"):
    name, handle = who.split("|")
    ITEMS.append(dict(src="public", when=when, title="", body=body, topics=topics, kind="post",
                      author=name, handle=handle, key=key, lang=lang))


# --- the council's duty desk, night of 4 to 5 February --------------------------------------
public("t1-deaf-neighbour", "02-04 21:18", "Sian Carew|siancarew",
       "@Kerrow_Council my neighbour Mrs Penrose at 4 Custom House Lane didn't leave. She's 89 and deaf, her lights are off and nobody answers the door. Please send someone",
       "storm kerrow evacuation to_council")
public("t1-rumour-full", "02-04 21:40", "Kirsty M|kirstym_pe",
       "Hearing the rest centre at the leisure centre is full and turning people away?? Is that true? Where are we meant to go #StormHarriet",
       "storm kerrow rest_centre evacuation")
public("t1-car-water", "02-04 23:58", "Harbour Row Harry|harbourrowharry",
       "There's a car stuck in the water at the bottom of Marsh Road with its lights on. Can't see if anyone's in it. @Kerrow_Council",
       "storm kerrow to_council")
public("t1-bus-late", "02-04 21:05", "Leah Chenoweth|leahchen",
       "@Kerrow_Council the bus from Harbour car park hasn't come for 50 mins, there are about 20 of us here with kids and it's getting really bad",
       "storm kerrow evacuation to_council")
public("t1-safe-rest-centre", "02-04 22:30", "Jo Pengelly|jopengelly",
       "At the rest centre on Castle Hill with the kids and the hamster. Warm, fed, safe. Thank you to everyone here. #StormHarriet",
       "storm kerrow rest_centre evacuation")
public("t1-power-penmore", "02-04 23:20", "Penmore Pete|penmorepete",
       "Power's gone in Penmore. Whole village dark. Candles out, everyone ok here. #StormHarriet",
       "storm kerrow")
public("t1-offer-room", "02-04 21:50", "Graham Vosper|gvosper",
       "Spare room in Trewent tonight if anyone from the Lower Town needs it. Dogs welcome, kettle's on. #HarrietHelp",
       "storm kerrow offer_help")
public("t1-fans", "02-04 22:10", "Big Kev|bigkevrovers",
       "Still buzzing from Saturday. Storm Harriet are going all the way. #StormHarriet #UpTheStorm",
       "rovers")
public("t1-name-joke", "02-04 21:25", "Tash|tashwrites",
       "Storm Harriet, Harriet Rovers, Harriet Okafor. Tonight I'm just going to call everything Harriet and see what happens.",
       "storm rovers")
public("t1-herald-bid", "02-04 22:45", "Tom Achterberg|tomachterberg",
       "@Kerrow_Council Herald here. Could someone from the council do a live interview at 7am about the evacuation? Please DM me.",
       "storm kerrow evacuation to_council")
public("t1-sea-quay", "02-05 00:05", "Ravi Kapoor|ravikapoor_pe",
       "Sea's coming up Quay Street now, watching from the top of Chapel Steps. So glad we left. #StormHarriet",
       "storm kerrow")
public("t1-quiz", "02-04 21:35", "Ben Nance|bennance",
       "Quiz night at The Anchor is off tonight, obviously. Quiz Team Aguilera will return next week, stronger than ever.",
       "")
public("t1-rumour-return", "02-05 01:10", "Dave Hollow|davehollow62",
       "Heard the council are letting people back into the Lower Town at 2am once the tide drops. Anyone confirm? Want to check on the house",
       "storm kerrow evacuation")
public("t1-de-tourist", "02-04 22:20", "Lena Vogt|lenavogt",
       "Noch immer kein Strom in Belmont. Morgen soll der Flughafen öffnen. Gute Nacht aus Marenne.",
       "storm marenne", lang="de")

# more of the night's notifications: most need no escalation, as on a real shift
public("t1-sandbags-door", "02-04 21:10", "Morwenna Hicks|morwennahicks",
       "Stacked the last sandbags against the back door on Fore Street before we left. Fingers crossed.",
       "storm kerrow sandbags evacuation")
public("t1-tree-down", "02-04 22:55", "Trewent Tom|trewenttom",
       "Big tree down across the Trewent road. Nobody hurt, police already there with the lights on.",
       "storm kerrow")
public("t1-harbour-waves", "02-04 23:35", "Alys Rowe|alysrowe",
       "Waves coming right over the harbour wall at Port Ellis. Watching from the car park up the hill, well back.",
       "storm kerrow")
public("t1-thanks-knock", "02-04 22:05", "Bernard Kitto|bernardkitto",
       "@Kerrow_Council huge thanks to the two staff who knocked on our door on Harbour Row tonight. We'd never have left otherwise.",
       "storm kerrow evacuation to_council")
public("t1-bins", "02-04 23:05", "Carol Jory|caroljory",
       "@Kerrow_Council will the bins still be collected on Thursday with all this going on?",
       "storm kerrow to_council")
public("t1-school", "02-04 22:40", "Nina Trounce|ninatrounce",
       "Is Port Ellis Primary open tomorrow? Anyone heard anything?",
       "storm kerrow")
public("t1-coast-road", "02-05 00:20", "Penmore Pete|penmorepete",
       "Coast road out of Penmore closed by the police now, diversion through Trewent.",
       "storm kerrow")
public("t1-rovers-tickets", "02-04 21:30", "Rovers Ticket News|roversticketnews",
       "Ticket office closed tomorrow. Semi-final tickets now on sale Friday at 9am instead. #UpTheStorm",
       "rovers")
public("t1-stew", "02-04 21:45", "Hungry Hannah|hungryhannah",
       "Storm night means stew night. Lamb, barley and far too much pepper.",
       "")
public("t1-gig", "02-04 23:15", "Lisker Gig Guide|liskergigs",
       "Full house at the Lisker Arts Centre tonight and the band played two encores. What a night.",
       "")
public("t1-competition", "02-04 22:15", "Prize Drop|prizedrop",
       "WIN a £500 holiday voucher! Follow us and share this post to enter. #WinWin #competition",
       "")
public("t1-dog", "02-04 21:55", "Jess Angove|jessangove",
       "Took the dog out in Trewent for five minutes. Never again. Back on the sofa with the heating on.",
       "")

# --- the consular desk, 3 to 6 February -----------------------------------------------------
public("t2-insulin", "02-04 07:40", "Andrew Pryor|andrewpryor",
       "@HarrietOkafor my 78 year old dad is stuck in Port-Vallon with no insulin left since yesterday. Hotel Bellevue, room 14. Please tell me someone is coming.",
       "storm marenne")
public("t2-school-trip", "02-03 19:30", "Chloe Sandford|chloesandford",
       "@CaldriaMarenne I'm on a school trip in Belmont, there are 22 of us aged 16-17. No power, the teachers are trying but nobody knows what's happening. Can you tell our parents we're ok?",
       "storm marenne")
public("t2-partner", "02-04 16:20", "Niall Corrigan|niallcorrigan",
       "@CaldriaMarenne my wife is Marennaise and our baby has a Caldrian passport. Can all three of us get on the flight? Not leaving without them.",
       "storm marenne evacuation")
public("t2-passport", "02-05 06:50", "Backpack Ben|backpackben",
       "Lost my passport when the roof came in at the hostel in Anse-Claire. Got a text for today's flight. Will they let me on?? @CaldriaMarenne",
       "storm marenne evacuation")
public("t2-feedback-flight", "02-05 22:10", "Rosie Fairbairn|rosiefairbairn",
       "Made it home on the first flight from Saint-Aubin to Lisker. The embassy staff at the airport were kind, calm and fast. Thank you @CaldriaMarenne",
       "storm marenne evacuation flights_home")
public("t2-register-wait", "02-04 10:15", "Cath Mulholland|cathmulholland",
       "Registered my mum with the embassy on Tuesday. Two days, no call, no text, nothing. Is anyone actually reading these? @DFA_Caldria #StormHarriet",
       "storm marenne")
public("t2-de-water", "02-04 11:00", "Jonas Weber|jonasweber",
       "Wir sind in Anse-Claire und haben kein Trinkwasser mehr. Weiß jemand, wo es Wasser gibt?",
       "storm marenne", lang="de")
public("t2-fans", "02-03 20:00", "Dylan P|dylanp_hrfc",
       "Semi-final tickets go on sale next week and I've already booked the day off. #StormHarriet",
       "rovers")
public("t2-kerrow", "02-05 09:00", "Elaine Tonkin|elainetonkin",
       "Quay Street this morning. Mud everywhere and the sandbags are floating. We're ok though. #StormHarriet",
       "storm kerrow sandbags")
public("t2-carnival", "02-04 12:00", "Kévin Payet|kevinpayet",
       "Le carnaval de Saint-Aubin est-il toujours prévu le 15 ? Quelqu'un sait ?",
       "", lang="fr")
public("t2-rumour-fee", "02-05 08:30", "Lisker Lass|liskerlass",
       "Seeing posts that the embassy is charging £400 a seat on the Marenne flights?? My brother can't afford that. Is it true? @DFA_Caldria",
       "storm marenne evacuation")
public("t2-thanks-locals", "02-05 13:00", "Aurélie Vautrin|aurelievautrin",
       "Les touristes caldriens de l'hôtel Bellevue ont passé la matinée à nous aider à déblayer l'école. Merci, on ne vous oubliera pas.",
       "storm marenne", lang="fr")
public("t2-bellevue", "02-04 18:45", "Sue Brereton|suebrereton",
       "@CaldriaMarenne our rep has gone. 40 of us at Hotel Bellevue in Port-Vallon, no water since yesterday and two people are unwell. What do we do?",
       "storm marenne")
public("t2-phoned", "02-04 23:40", "Mo Hassan|mohassan",
       "The embassy just rang! Seats on tomorrow's flight for me and the kids. Bus from Belmont at 10.30. Thank you thank you",
       "storm marenne evacuation")

# more of the consular desk's mentions: most need no caseworker
public("t2-flight-time", "02-04 15:30", "Gareth Lobb|garethlobb",
       "@CaldriaMarenne got a text for a seat on Friday's flight but no time yet. When will we know?",
       "storm marenne evacuation flights_home")
public("t2-mp-letter", "02-04 12:30", "Dana Whitlow|danawhitlow",
       "Our MP says she has written to the minister about the families still in Marenne. Glad someone is asking.",
       "storm marenne")
public("t2-embassy-queue", "02-04 10:40", "Tom Reyes|tomreyes",
       "Queue outside the embassy in Belmont is long but moving. Staff handing out water and chairs.",
       "storm marenne")
public("t2-explainer", "02-05 07:30", "Mark Ellery|markellery",
       "Clear explainer in the Lisker Courier on how the Marenne flights work and who gets a seat first. Worth a read.",
       "storm marenne evacuation")
public("t2-on-hold", "02-04 14:10", "Kerry Boyd|kerryboyd",
       "Rang the consular line three times today, on hold forty minutes each time. Sort it out @DFA_Caldria",
       "storm marenne")
public("t2-home", "02-06 09:15", "Rhys Mathers|rhysmathers",
       "Landed in Lisker at 3am. Home, showered, asleep on the sofa. Thank you to the embassy team in Belmont.",
       "storm marenne evacuation flights_home")
public("t2-ferry", "02-05 08:00", "Port Ellis Pip|portellispip",
       "Port Ellis ferry cancelled again today. Third day running.",
       "storm kerrow")
public("t2-advert", "02-05 12:00", "Sunseeker Breaks|sunseekerbreaks",
       "Marenne in spring: beaches, markets and 20% off if you book this week! #TravelDeals",
       "")
public("t2-minister-fan", "02-03 21:00", "Mill Park Mo|millparkmo",
       "Someone said Harriet Okafor is a Rovers fan. If she turns up at the semi I'm asking for a selfie.",
       "rovers")
public("t2-dutch", "02-05 10:30", "Sanne de Vries|sannedevries",
       "Onze vlucht naar Amsterdam vertrekt morgen vanaf Saint-Aubin. Eindelijk naar huis.",
       "storm marenne", lang="nl")
public("t2-quiz", "02-03 22:30", "Quiz Queen|quizqueen",
       "Pub quiz question tonight: the capital of Marenne. Half the room said Saint-Aubin. It's Belmont.",
       "")
public("t2-suitcase", "02-05 16:40", "Gail Prowse|gailprowse",
       "@DFA_Caldria my suitcase from a holiday in Portugal last month still hasn't turned up. Can you help?",
       "")


# ============================================================================================
# Labels: what each monitoring exercise counts as relevant
# ============================================================================================

def _gov(d):
    return d.host == GOV or d.host.endswith("." + GOV)


LABELS = {
    "storm-01-sandbags": lambda d: d.has("sandbags"),
    "storm-02-rest-centre": lambda d: d.has("rest_centre"),
    "storm-03-offers-of-help": lambda d: d.has("offer_help"),
    # the #StormHarriet stream, as the council's dashboard shows it: keep the weather, drop the football
    # (fans joking about the name are football talk; fans collecting for the flood appeal are not)
    "storm-04-hashtag-stream": lambda d: "stormharriet" in d.hashtags() and d.has("storm")
    and (d.any("kerrow", "marenne") or not d.has("rovers")),
    "storm-05-council-inbox": lambda d: d.has("to_council"),
    "storm-06-volunteers": lambda d: d.has("volunteers"),
    "storm-07-flights-home": lambda d: d.has("flights_home"),
    "storm-08-minister": lambda d: d.author == "Harriet Okafor",
    "storm-09-official-line": lambda d: d.has("marenne") and _gov(d),
    "storm-10-french-coverage": lambda d: d.has("storm") and d.lang == "fr",
}


# ============================================================================================
# Triage exercises
# ============================================================================================

# who escalations go to (the `routes` of the exercises)
CONTROL = "duty officer (control room)"
PRESS = "duty press officer"
CASEWORKER = "consular caseworker"
NEWSDESK = "press office"

TRIAGE = [
    dict(
        file="11-triage-duty-desk.toml",
        id="storm-11-triage-duty-desk",
        trap="hidden-escalation",
        title="Night duty: sort the council's notifications",
        level="beginner",
        teaches=[],
        summary="It is the night of the storm. Sort twenty-four posts into relevant, not relevant and escalate, and say who each escalation goes to.",
        pass_mark=0.75,
        routes=[CONTROL, PRESS],
        brief="""
It is 9pm on Wednesday 4 February. Storm Harriet is about to reach the Kerrow coast, and the Lower
Town of Port Ellis is being evacuated. You are Kerrow Council's social media officer on the night
shift. Your notifications are moving faster than you can read them.

Sort each post into one of three piles:

- **escalate**: someone needs to act now. Say who it goes to: the duty officer in the emergency
  control room (a person at risk, a problem with the evacuation, a rumour that could put people in
  danger) or the duty press officer (a request from a journalist).
- **relevant**: useful for the picture of the night, worth logging, but nobody needs to act on it
  right away.
- **not-relevant**: nothing to do with the council's response to the storm.

Good triage is fast and consistent. When in doubt about safety, escalate: a duty officer would
rather see ten posts too many than miss one. The marking agrees: a post escalated that did not
need it costs half as much as a wrong pile, a missed escalation twice as much, and missing a post
where a life may be at risk fails the shift whatever else is right.
""",
        hints=[
            "Ask of each post: if nobody acts on it in the next hour, could someone come to harm? Then ask whether the poster says the danger is already being handled.",
            "Not every escalation is about the person posting. Think about what a post could lead other people to do tonight.",
            "Escalating is not the same as answering. Some posts ask for something only one person in the council can give: decide who that is before you choose the route.",
        ],
        items=[
            ("t1-deaf-neighbour", "escalate", "An 89-year-old deaf resident may still be in the evacuation area. Pass her address to the duty officer at once.", CONTROL, "life-safety"),
            ("t1-rumour-full", "escalate", "A false rumour that the rest centre is turning people away could stop people leaving. The duty officer needs to know so the council can correct it quickly.", CONTROL),
            ("t1-car-water", "escalate", "Someone may be trapped in a car in flood water. This is a 999 matter: escalate now, and reply telling the poster to call 999.", CONTROL, "life-safety"),
            ("t1-bus-late", "escalate", "Twenty people, some with children, are waiting for an evacuation bus that has not come, as the storm gets worse. The control room needs to know.", CONTROL, "life-safety"),
            ("t1-safe-rest-centre", "relevant", "Good news from the rest centre. Log it; nothing to do."),
            ("t1-power-penmore", "relevant", "A power cut in Penmore is part of the picture, but the grid operator handles it. Log it."),
            ("t1-offer-room", "relevant", "An offer of a room. Pass it to the volunteer hub in the morning; not urgent tonight."),
            ("t1-fans", "not-relevant", "A football fan using #StormHarriet for Harriet Rovers."),
            ("t1-name-joke", "not-relevant", "A joke about the name. Nothing to act on."),
            ("t1-herald-bid", "escalate", "A media bid. It is not an emergency, but the duty press officer must handle it, not the social media account.", PRESS),
            ("t1-sea-quay", "relevant", "An eyewitness report that the sea is coming up Quay Street. The area is evacuated, so no action, but log it."),
            ("t1-quiz", "not-relevant", "A pub quiz is cancelled. Not council business."),
            ("t1-rumour-return", "escalate", "A rumour that people can go back at 2am could lead someone into flood water. Escalate so the council can say clearly that nobody should return yet.", CONTROL),
            ("t1-de-tourist", "not-relevant", "A German tourist in Marenne. Not the council's concern."),
            ("t1-sandbags-door", "relevant", "A resident who prepared and left. Part of the picture; nothing to do tonight."),
            ("t1-tree-down", "relevant", "A fallen tree the police are already dealing with. Log it for the morning's clean-up list."),
            ("t1-harbour-waves", "relevant", "An eyewitness watching from a safe place. Log it."),
            ("t1-thanks-knock", "relevant", "Thanks for the door-knocking. Log it and pass it to the team in the morning."),
            ("t1-bins", "relevant", "A question about services after the storm. It can wait for the morning's update."),
            ("t1-school", "relevant", "A question about school closures. Log it: the morning's update should answer it."),
            ("t1-coast-road", "relevant", "A road the police have already closed. Part of the picture; nothing for the council to do tonight."),
            ("t1-rovers-tickets", "not-relevant", "Football tickets, not the storm."),
            ("t1-stew", "not-relevant", "Someone's dinner."),
            ("t1-gig", "not-relevant", "A gig review."),
            ("t1-competition", "not-relevant", "Spam using the storm's hashtag."),
            ("t1-dog", "not-relevant", "A dog walk in the rain. Nobody needs anything."),
        ],
    ),
    dict(
        file="12-triage-consular-desk.toml",
        id="storm-12-triage-consular-desk",
        trap="hidden-escalation",
        title="Consular desk: who needs a caseworker?",
        level="intermediate",
        teaches=[],
        summary="Sort posts reaching the Department for Foreign Affairs during the Marenne crisis, and say who each escalation goes to.",
        pass_mark=0.75,
        routes=[CASEWORKER, NEWSDESK],
        brief="""
It is 3 to 5 February. Storm Harriet has closed Saint-Aubin airport and about 1,900 Caldrians are
in Marenne. You are on the Department for Foreign Affairs' digital team, watching posts that
mention the department, the embassy and the minister.

Sort each post:

- **escalate**: pass it on now, and say to whom. A consular caseworker, when a Caldrian (or a
  dependant of one) is at risk or needs an individual decision; the press office, when a false
  claim is spreading that the department must correct in public.
- **relevant**: useful for the daily briefing to the minister: praise, complaints, the mood on the
  ground. Nobody needs to act on it today.
- **not-relevant**: not for this desk.

The consular team is small and very busy. Escalate what needs a person; do not escalate what only
needs to be counted.
""",
        hints=[
            "A caseworker decides about one named person or group. Ask of each post: is there a specific person here who needs help or a decision that only the department can make?",
            "Strong feelings are not the test. Ask what would go wrong if the post waited for tomorrow's briefing.",
            "Check whose desk a post belongs to: this desk looks after Caldrians in Marenne and their families, and nothing else.",
        ],
        items=[
            ("t2-insulin", "escalate", "A 78-year-old without insulin is a medical emergency. Pass the name and hotel room to a caseworker now.", CASEWORKER, "life-safety"),
            ("t2-school-trip", "escalate", "Twenty-two minors on a school trip without clear information. A caseworker needs to contact the school and the teachers.", CASEWORKER),
            ("t2-partner", "escalate", "A non-Caldrian spouse and a baby: this needs an individual decision about seats.", CASEWORKER),
            ("t2-passport", "escalate", "A lost passport on the day of the flight needs an emergency travel document. Escalate before the bus leaves.", CASEWORKER),
            ("t2-feedback-flight", "relevant", "Praise for the first flight. Good for the briefing."),
            ("t2-register-wait", "relevant", "A complaint about waiting. Count it for the briefing; the person is registered and safe."),
            ("t2-de-water", "not-relevant", "German tourists asking about water: a matter for the local authorities and their own embassy."),
            ("t2-fans", "not-relevant", "A football fan using the storm's hashtag."),
            ("t2-kerrow", "not-relevant", "Flooding in Kerrow is the council's response, not the consular desk's."),
            ("t2-carnival", "not-relevant", "A question about the carnival in Saint-Aubin."),
            ("t2-rumour-fee", "escalate", "A false claim that seats cost £400 could stop people from taking a free seat. The press office must correct it publicly, fast.", NEWSDESK),
            ("t2-thanks-locals", "relevant", "Marenne residents thanking Caldrian tourists: good news for the minister's briefing and for the embassy."),
            ("t2-bellevue", "escalate", "Forty people with no water and two unwell, with no rep. A caseworker needs to get help to the hotel.", CASEWORKER, "life-safety"),
            ("t2-phoned", "relevant", "The system working as it should. Log it for the briefing."),
            ("t2-flight-time", "relevant", "A question the published flight list answers. Reply with the link; nobody needs to decide anything."),
            ("t2-mp-letter", "relevant", "Political interest in the evacuation. Good to know for the minister's briefing."),
            ("t2-embassy-queue", "relevant", "The mood outside the embassy. Log it for the briefing."),
            ("t2-explainer", "relevant", "Accurate coverage being shared. Log it; you might share it too."),
            ("t2-on-hold", "relevant", "A complaint about the phone line. Count it for the briefing; the poster has not said anyone is at risk."),
            ("t2-home", "relevant", "Someone home safe. Log it for the briefing."),
            ("t2-ferry", "not-relevant", "Ferries in Kerrow belong to the council's response, not the consular desk."),
            ("t2-advert", "not-relevant", "A holiday advert."),
            ("t2-minister-fan", "not-relevant", "Football talk that happens to name the minister."),
            ("t2-dutch", "not-relevant", "Dutch travellers: their own embassy looks after them."),
            ("t2-quiz", "not-relevant", "A pub quiz."),
            ("t2-suitcase", "not-relevant", "Lost luggage from another holiday is a matter for the airline, not the crisis desk."),
        ],
    ),
]


# ============================================================================================
# More hand-written posts for the busiest families, so that few posts repeat
# ============================================================================================

MORE = {
    "fans": [
        "{player} was everywhere today. Best midfielder in the league on his day.",
        "Away end sold out for Saturday. The Storm travel, always.",
        "Left it late but we'll take it. {player} with the winner. #HarrietRovers",
        "Wet, cold, 1-0 up, singing our heads off. Football in February is the best.",
        "Booked the day off for the semi already. Boss doesn't know yet.",
        "{player} signing autographs in the rain for twenty minutes after training. Class.",
        "New away kit is grim. Buying it anyway. That's the deal.",
        "Season ticket holders' email about the semi has arrived. Everyone calm down.",
        "Our kid has {player} on the back of his shirt and won't take it off. Even for school.",
        "Mill Park tea bar still does the best pie in the league. No contest.",
        "Watched the Lisker City game back with my dad. He cried at the same bit as last time.",
        "Got to stop checking the league table every hour. It hasn't changed.",
        "Farrow's team talks must be something else. Second half today was a different side.",
        "Proper Rovers weather today: sideways rain and a two-goal lead.",
        "My granddad's ashes are scattered behind the Shed goal. He'd have loved this season.",
        "Wrote to the club about the toilets in the Shed again. Semi-final or not, fix them.",
        "If we get to the final I'm selling the car to go. Partly joking.",
        "{player} has scored in five of the last six. Somebody tell the national manager.",
        "Rovers away days are the best days. Can't wait for Port Ellis when it's rearranged.",
        "Lovely touch from the club to invite the 1987 squad to the semi.",
    ],
    "everyday": [
        "Penmore Co-op has started selling sourdough. Penmore has peaked.",
        "New crossing outside the school finally open. Only took six years of letters.",
        "Found a £10 note on the coast path. Spent it on chips. Circle of life.",
        "Choir practice at St Bride's tonight. We sound terrible and we love it.",
        "Someone on Fore Street has painted their door bright orange and I'm obsessed.",
        "Harbour seals are back on the rocks at Ardley Point. Bring binoculars, not dogs.",
        "Car wouldn't start this morning. Walked to work. Saw three herons. Not a bad swap.",
        "Library book sale on Saturday. I have no shelf space and no self-control.",
        "Anyone else's kids obsessed with the lifeboat? Ours wants to be coxswain at six.",
        "The new bus timetable has the 14 leaving two minutes before the train gets in. Genius.",
        "Quiet Sunday. Roast in the oven, rain on the window, nowhere to be.",
        "Tarne ferry was like a millpond today. Rare, so I'm telling everyone.",
        "Who else is doing the Kerrow coast path challenge in May? Need training buddies.",
        "Finally fixed the leaky tap. Only took me three videos and a lot of swearing.",
        "Kids' swimming lessons at the leisure centre were brilliant today. Both swam a width!",
    ],
    "critics": [
        "Good night for the crews. Bad decade for the planning. Both things are true.",
        "Asked my councillor about the sea wall in 2023. Still waiting for a reply.",
        ("Every winter we sandbag and hope. That's not a plan, it's a ritual.", "sandbags"),
        "The wall did hold. Just about. I don't want to find out what 'just about' means next time.",
        "Fair questions for the meeting on the 19th: what did the report say, and who decided to wait?",
        "Publish the report. If it says the wall's fine, great. If it doesn't, we deserve to know.",
        "Kerrow Council's leader was on Radio Kerrow this morning. Good on the night, vague on the wall.",
        "Kerrow Council will say the wall held. The people on Harbour Row will say their carpets didn't.",
        "Whatever Kerrow Council decides about the wall, do it before next winter.",
    ],
    "flights-out": [
        "Relief flight from Lisker to Saint-Aubin took the blankets our school collected. The kids are beaming.",
        "Going back out from Lisker to Saint-Aubin in May for a wedding. Hope the hotel has its roof back.",
        "Lisker to Saint-Aubin prices have dropped by half. Marenne needs visitors; I need sun.",
        "Our diving club flies Lisker to Saint-Aubin in June as planned. Anse-Claire wasn't badly hit.",
        "Cargo plane from Lisker to Saint-Aubin today with 20 tonnes of donations. Caldria, you're kind.",
        "Dad's flying back from Lisker to Saint-Aubin to check on his flat in Belmont. Worried for him.",
    ],
    "families-marenne": [
        "My brother's in {resort} with his wife and the baby. They've got water but no power. Please register, they said. Done.",
        "Can't stop refreshing the embassy page. Mum's somewhere in {resort}. Her phone's dead.",
        "Heard from my daughter at last! She's in a school hall in {resort} with 200 others. Safe. Bored. Safe.",
        "The embassy rang my dad's hotel in {resort} to check on him. I didn't expect that. Thank you.",
        "Friends of ours run a café in {resort}. Lost everything. There's a fundraiser if anyone can help.",
        "Is the embassy helpline actually staffed at night? Tried three times. @CaldriaMarenne",
    ],
    "marenne-fr": [
        "Les pêcheurs de {resort} ont perdu leurs bateaux. Une cagnotte circule, partagez.",
        "Merci aux voisins de {resort} qui nous ont prêté un groupe électrogène.",
        "Toujours pas d'eau courante à {resort}. On tient bon.",
        "Les touristes partent, nous on reste et on reconstruit. Courage Marenne.",
        "Mon école à {resort} a perdu son toit. Les enfants font classe dans la salle des fêtes.",
        "La mer a tout pris sur la route du port. Même le kiosque à journaux.",
    ],
    "share-council": [
        "Read the @Kerrow_Council update before you believe anything in the Facebook groups tonight.",
        "Worth following @Kerrow_Council if you're in the Lower Town. They're posting every hour.",
        "Saw the @Kerrow_Council post about pets at the rest centre. Telling my neighbour with the three cats.",
    ],
    "offers": [
        "Got a spare double bed and a working boiler in {area}. Lower Town folk, it's yours tonight. #HarrietHelp",
        "Running a hot soup stall outside Penmore chapel from 6pm. Free, no questions. #HarrietHelp",
        "Can lend two wet vacs for flooded floors. Collect from {area}. #HarrietHelp",
        ("Happy to do a supermarket run for anyone stuck at the rest centre without a car. #HarrietHelp", "rest_centre"),
    ],
    "after": [
        "The water line on the wall of the Harbour Café is higher than my knee. Unreal.",
        "Every house on {street} has its front door open and a fan going. Drying out together.",
        "Insurance helpline says 3 weeks for an assessor. {street} can't wait 3 weeks.",
        "Found my neighbour's garden gnome in our porch. He's survived worse, I think.",
    ],
    "rest-centre": [
        "Dropped off a box of books and colouring pads at the rest centre. Kids were bored rigid.",
        "My nan at the rest centre has made four new friends and taught them all whist.",
        "Rest centre on Castle Hill needs more phone chargers and reading glasses. Not more sandwiches!",
    ],
    "night": [
        "Big gust just now and the whole street's car alarms went off at once.",
        "Listening to Radio Kerrow under the duvet like it's 1987. Stay safe, everyone.",
        "Our old chimney pot just came down into the garden. Everyone fine. Pot not fine.",
    ],
    "sandbags": [
        "Marsh Road depot had a queue of tractors for sandbags this afternoon. Only in Kerrow.",
        "Carried sandbags for three elderly neighbours on {street}. Gym membership cancelled.",
        ("Kids helped fill sandbags at the depot. First time they've ever volunteered for a chore.", "volunteers"),
    ],
    "leaving": [
        "Locked the door on {street}, looked back once, got in the car. Hardest thing I've done in years.",
        "Our street group chat is just a list of where everyone's staying tonight. All accounted for.",
    ],
    "recovery": [
        "Dehumidifier day 6. The house sounds like an aeroplane and smells like a wet dog.",
        "Back to work today after a week of mopping. Never been so happy to see a spreadsheet.",
        "The skip lorry driver on {street} deserves a knighthood. Emptied ours three times.",
    ],
    "volunteers": [
        "Our whole street volunteered to clear Mrs Kitto's ground floor. Done by lunchtime. Proud.",
        "Volunteering at the donation centre: we have 400 jumpers and no towels. Bring towels!",
    ],
}

SLOTS["player"] = ["Kofi Mensah-Lowe", "Jordan Pascoe", "Lewis Treharne", "Sam Okoye", "Danny Rowe", "Billy Kemp"]


def _extend():
    for fam in FAMILIES:
        fam["texts"] = list(fam["texts"]) + MORE.get(fam["key"], [])


_extend()


# ============================================================================================
# When each post can plausibly appear (a post about the rest centre cannot come before it opens)
# ============================================================================================

TIMING = {
    # before the storm
    "Harriet's already done a lot of damage in Marenne": "02-03..",
    "Work have told us to stay home on Thursday": "02-02..",
    "Checked the forecast 11 times today": "01-31..",
    "Second storm of the winter and it's not even February": "02-01..02-02",
    "Moving the car up to Castle Hill tonight": "02-03..",
    # sandbags
    "The sandbags on {street} held, mostly": "02-05 06:00..",
    "Anyone know what we do with the sandbags now": "02-05 06:00..",
    "Sandbags soaked and heavy as lead": "02-05 06:00..",
    "Harbour car park sandbags: queue": "..02-04 20:00",
    "Just collected six sandbags": "..02-04 20:00",
    "Are there still sandbags at the Marsh Road depot": "..02-04 20:00",
    "Do sandbags actually do anything": "..02-04 23:00",
    "Not a single sandbag left": "..02-04 20:00",
    "PSA: sand bags at Ardley": "..02-04 20:00",
    "Put the sandbags down across the front door": "..02-04 22:00",
    "Filled sandbags with my dad": "..02-04 20:00",
    "The council brought sandbags to my mum": "..02-04 22:00",
    "Top tip from my grandad": "..02-04 22:00",
    "Is one sandbag per door enough": "..02-04 22:00",
    "Sand bags are all very well": "..02-04 22:00",
    "Sandbags down, valuables upstairs": "..02-04 22:00",
    "Whoever organised the sandbag station": "..02-04 22:00",
    "Saw a man loading about 30 sandbags": "..02-04 20:00",
    "Our street ({street}) looks like a trench": "..02-04 22:00",
    "Free sandbags at the Marsh Road depot": "..02-04 18:00",
    "Went for sandbags, came back": "..02-04 20:00",
    "Council says six sand bags per door": "..02-04 20:00",
    "Sandbag collection at Ardley": "..02-04 20:00",
    "Honestly the sandbag team at Harbour car park": "..02-05",
    # warnings
    "Amber warning for Kerrow from Wednesday": "..02-03",
    "Amber for wind AND coastal flooding": "..02-03",
    "Amber warning. Right.": "..02-03",
    "Amber warning out for Wednesday and Thursday": "..02-03",
    "Red warning. RED.": "02-04 10:35..02-04",
    "The phone alert going off": "02-04 10:35..02-04",
    "Red warning for us tonight": "02-04 11:30..02-04",
    "When the Met Service says 'danger to life'": "02-04 10:35..02-04",
    "Upgraded to red": "02-04 10:35..02-04",
    "My office in Lisker just told me": "02-04 10:35..02-04",
    "red warning for kerrow coast tonight": "02-04 10:35..02-04",
    "Genuinely scared about tonight": "02-04 10:35..02-04",
    # leaving home
    "Day after: still evacuated": "02-05..",
    "If you're on {street} and haven't left yet": "..02-04",
    "Evac buses running every 20 mins": "..02-04",
    "Police at the door on {street}": "..02-04",
    "They're evacuating the whole Lower Town": "..02-04",
    "Evacuation confirmed for the Lower Town. Leaving by 8": "..02-04 20:00",
    "Not evacuating. First floor": "..02-04",
    "The evacuaton bus from Harbour car park": "02-04 18:00..",
    "Feels so strange driving out of Port Ellis": "..02-04",
    "Just watched a police officer help old Mr Trethewey": "..02-04",
    "How are they going to evacuate people with no car": "..02-04",
    "Leaving home in the dark": "..02-04",
    "Whole of {street} evacuated by 7.30": "02-04 19:30..",
    "Everyone on {street} evacuated safely. Now we wait.": "..02-04",
    "We left {street} at 6.": "02-04 18:00..02-04",
    "Evacuating with a teenager": "..02-04",
    # rest centres
    "Dropped off blankets and dog food": "02-04 18:00..",
    "Spent the night at the rest centre with my two kids": "02-05 06:00..02-06",
    "Is the rest centre at Kerrow Leisure Centre still taking people": "..02-05",
    "Volunteering at the rest centre tonight": "..02-06",
    "Rest center on Castle Hill was so well run": "02-06..",
    "Can you take a cat to the rest centre": "..02-04",
    "Leisure centre has been turned into a dormitory": "02-05 06:00..02-06",
    "Middle of the night at the rest centre": "02-04 23:00..02-05 05:00",
    "Second night at the rest centre": "02-05 18:00..02-06",
    "If you're heading to the Penmore rest centre": "02-05 18:20..",
    "The rest centre at the leisure centre closes on Sunday": "02-07 16:00..",
    "Huge thanks to the young lad at the rest centre": "02-05..",
    "Rest centre update: kids are playing football": "02-05..02-06",
    "Leaving the rest centre today": "02-06 10:00..",
    "The rest-centre crew at Castle Hill": "02-05 10:00..02-05",
    "At the rest centre on Castle Hill. Camp beds": "..02-06",
    "Rest centre is FULL of dogs": "..02-07 12:00",
    # the night
    "Sea's coming up {street} now": "02-04 23:30..",
    "Waves coming over the wall by the lifeboat station": "02-04 23:30..",
    "96mph at Ardley Point": "02-05..",
    "Wind's dropped a bit": "02-05 01:00..",
    # the morning after
    "{street} underwater this morning": "..02-05 11:59",
    "First light in Port Ellis": "..02-05 10:00",
    "Emotional day. Back on {street}": "02-06 10:00..",
    "Still no power in {area}. Day 2": "02-06..",
    "Skip outside the house already full": "02-06 11:30..",
    "Kerrow Council engineers on the sea wall at first light": "..02-05 12:00",
    "Schools shut today": "..02-05",
    "Flood water on Marsh Road still ankle deep": "02-05 10:00..02-05 18:00",
    "Power back on in {area}": "02-05 12:00..",
    "The storm's gone and the sun's out": "02-05 09:00..",
    # offers and requests for help
    "Making a big pot of chilli for the rest centre": "02-04 17:00..02-05",
    "Can offer lifts from the Lower Town to Castle Hill tonight": "..02-04 19:00",
    "Spare room in {area} tonight": "..02-05",
    "I've got a van and a free evening": "..02-04 20:00",
    "Our café in {area} is open all night": "..02-05",
    "Free dehumidifier loan": "02-05..",
    "I can sit with an older neighbour tonight": "..02-04",
    "Got a trailer.": "02-05..",
    "Offering: washing and drying": "02-05..",
    "Three of us from the rugby club": "02-05..02-07",
    "If anyone needs phone chargers": "02-04 17:00..02-06",
    "Childminder in Penmore": "02-05..",
    "Anyone on {street} need a hand shifting sandbags": "02-05..02-06",
    "We can cook 20 meals a day": "02-05..",
    "Happy to drive anyone to Lisker hospital": "02-05 07:00..",
    "Plumber in Port Ellis": "02-05..",
    "If you need somewhere to charge phones or dry out": "02-05..",
    "Offering free storage in our garage": "02-05..",
    "Does anyone have a spare cat carrier": "..02-04",
    "Need help moving my dad's stuff": "..02-04",
    "Looking for anyone with a generator": "02-05..",
    "Can anyone help an elderly couple on {street} get sandbags": "..02-04",
    # talking to the council
    "@Kerrow_Council the gully on Mill Lane": "..02-04 12:00",
    "@Kerrow_Council are the sandbag points open tomorrow": "..02-03",
    "@Kerrow_Council is anyone coming round": "02-03..02-04 16:40",
    "@Kerrow_Council how do people without cars": "02-04 17:00..02-04",
    "@Kerrow_Council been trying 0300 555 0142": "02-04 17:00..02-05",
    "@Kerrow_Council huge thanks to your staff who knocked": "02-04 14:00..02-04",
    "@Kerrow_Council tree down across the Penmore road": "02-05..02-05",
    "@Kerrow_Council when can we go back": "02-05..02-06 09:00",
    "@Kerrow_Council the bins on {street} have been floating": "02-05..02-05",
    "@Kerrow_Council is the Coast Road open to Ardley yet": "02-05..02-06",
    "@KerrowCouncil are schools open tomorrow": "02-05..02-05",
    "@KerrowCouncil thank you for the buses last night": "02-05..02-05",
    "@Kerrow_Council any skips coming": "02-06..",
    "@Kerrow_Council our landlord says": "02-06..",
    "@Kerrow_Council how long does the grant money take": "02-09 10:00..",
    "Dear Kerrow Council, a thank you": "02-05..",
    "@Kerrow_Council can we bring a dog to the rest centre": "02-04 17:00..02-04",
    "@Kerrow_Council the street lights on {street}": "02-06..",
    "Question for Kerrow Council: who pays": "02-06..",
    "@Kerrow_Council is the library open": "02-10..02-13",
    "@Kerrow_Council why has nobody checked the flats": "02-04 17:00..02-04",
    "@KerrowCouncil which bins are being collected": "02-06..",
    "@Kerrow_Council the diversion for the Coast Road": "02-12..",
    "@Kerrow_Council thank you. That's all.": "02-05..",
    "@Kerrow_Council the flood gate on the Esplanade": "..02-04 12:00",
    "Follow @Kerrow_Council for proper updates tonight": "..02-04",
    "Sharing for anyone in the Lower Town": "02-04 17:00..02-04",
    "Boosting this from @Kerrow_Council": "..02-04",
    "Good thread from @Kerrow_Council on what to do": "02-06..",
    "@Kerrow_Council and @MetService_CA both saying": "02-04..02-04",
    # recovery
    "One week since Harriet": "02-11..",
    "Flood grant application done": "02-09..",
    "Library reopens Saturday!": "02-13..02-13",
    "Ferry's down to three sailings": "02-10..",
    "Got the £500 flood grant today": "02-13..",
    "Been a fortnight.": "02-14..",
    "Rovers raising money for the flood appeal": "02-06..02-14",
    "Kerrow Council paid the flood grant in four days": "02-13..",
    "Kerrow Council meeting on the 19th": "02-11..",
    "Going to the sea wall meeting on the 19th": "02-11..",
    "Just signed the #RaiseTheWall petition": "02-08..",
    "Say what you like about Kerrow Council, the bin lorries": "02-06..",
    "Why is the Harbour Row wall work pencilled in": "02-07..",
    "The phone line was engaged for hours": "02-05..",
    # volunteers and the town centre
    "The council's thanking volunteers at the Guildhall": "02-14..",
    "If you volunteered during the storm": "02-11..",
    "Volunteers needed for the weekend clear-up": "..02-06",
    "Volunteered at the rest centre last night": "..02-08",
    "The Red Cross volunteers at Castle Hill": "..02-07",
    "Town centre shops shut for the rest of the day because of the power cut": "..02-05",
    "Power back in the town centre": "02-05 12:00..02-06",
    # everyday life
    "Penmore panto tickets sold out": "01-28 18:00..02-05",
    "Penmore Primary's Aladdin was brilliant": "02-13 21:00..",
    "Crab was £6.40": "..01-30",
    "Tolley Street flats planning meeting": "01-27 13:00..",
    # Marenne, from home and from the island
    "Mum and dad are in {resort} and the hotel has just told": "..02-02 20:00",
    "My sister's in Marenne with the kids": "..02-02 20:00",
    "My parents are in {resort} and we've had one text": "02-03..02-03",
    "@CaldriaMarenne registered my sister online": "02-03..02-04",
    "Stuck in {resort}. Hotel's lost half its roof": "02-03..02-04",
    "Day 2 in Marenne with no power": "02-04..02-04",
    "How is it Thursday and no flights yet": "02-05..02-05 12:00",
    "Our travel rep in {resort} says the embassy is sending buses": "02-04 23:00..02-05",
    "The embassy phoned!": "02-04 23:00..02-06",
    "Honestly the @CaldriaMarenne team are legends": "02-03..",
    "Registered with the embassy 3 times": "02-03..02-05",
    "Got a text from the embassy": "02-04 23:00..02-06",
    "My son's in Marenne on his gap year": "02-03..02-05",
    "Photos from {resort} are horrifying": "02-03..",
    "Evacuation flights from Marenne start tomorrow": "02-04 22:00..02-04",
    "In {resort}: water's back on": "02-05..",
    "Why are we being told to register and wait": "02-04..02-06",
    "Can the embassy please confirm if partners": "02-04 22:00..02-06",
    "Still in Marenne. Still no text": "02-06..02-06",
    "Plane's just landed. We're home.": "02-05 20:00..",
    "Is anybody else's family still on the island": "02-06..",
    "Harriet hit Marenne so much harder than us": "02-05..",
    "Thinking of the Marennais who helped our family": "02-06..",
    "My daughter got evacuated to the airport at 5am": "02-05..",
    # flights home
    "Boarding the evacuation flight": "02-05 12:00..02-07",
    "Made it onto the second flight": "02-05 18:00..02-05",
    "My parents are on tonight's flight": "..02-07",
    "Landed in Lisker from Saint-Aubin": "02-05 20:00..",
    "Evacuation flight landed at Lisker": "02-05 20:00..",
    "Last assisted departure flight from Saint-Aubin to Lisker tonight": "02-07..02-07",
    "Flight 3 from Saint-Aubin to Lisker": "02-06..02-06",
    "Got my uncle off the plane at Lisker": "02-05 20:00..",
    "Watched the arrivals board at Lisker": "02-05 20:00..",
    "Thank you to the crew of the Saint-Aubin to Lisker flight": "02-05 20:00..",
    "Free flight, free bus, a sandwich and a blanket": "02-05 20:00..",
    "Saint-Aubin to Lisker, seat 23F": "..02-07",
    # flights out
    "Holiday flights from Lisker to Saint-Aubin are back from Tuesday": "02-08..02-09",
    "The minister flew from Lisker to Saint-Aubin last night": "02-09..02-09",
    "My cousin works for the airline": "02-10..",
    "Flew Lisker to Saint-Aubin today": "02-10..",
    "Red Cross team from Lisker to Saint-Aubin this weekend": "02-06..02-07",
    "Our church group is collecting for Marenne": "02-06..02-06",
    "Watching the cargo plane leave Lisker": "02-06..02-07",
    "Proud that our relief flight": "02-06..",
    "Lisker to Saint-Aubin flights for £89": "02-10..",
    "Booked! Flying Lisker to Saint-Aubin in April": "02-08..",
    "Should we cancel our honeymoon": "02-07..",
    # French, German, Spanish posts from Marenne
    "La tempête Harriet arrive ce soir": "02-02 06:00..02-02 20:00",
    "Vigilance rouge demain soir": "02-01..02-01",
    "Écoles fermées lundi et mardi": "02-01..02-02",
    "Le vent se lève à {resort}": "02-02 16:00..02-02",
    "Plus de courant à {resort} depuis minuit": "02-03..02-04",
    "Toit arraché chez mes parents": "02-03..",
    "L'aéroport de Saint-Aubin est fermé": "02-03..02-05 10:00",
    "Harriet a tout cassé sur le port": "02-03..",
    "Trois jours sans électricité": "02-05..02-06",
    "Les avions pour Lisker partent enfin": "02-05 14:00..02-07",
    "Vigilance rouge levée": "02-04..02-05",
    "Les vols reprennent mardi": "02-07..02-09",
    "Le carnaval est maintenu le 15": "02-06..",
    "Les écoles rouvrent lundi": "02-06..02-08",
    "Évacuation des touristes en cours à l'aéroport": "02-05 10:00..02-07",
    "Mon fils travaille à l'aéroport de Saint-Aubin": "02-05..",
    "Solidarité à Belmont": "02-03..",
    "Les touristes caldriens de l'hôtel d'à côté": "02-03..",
    "Qui a de l'eau potable à Anse-Claire": "02-03..02-06",
    "La tempête est passée mais le plus dur commence": "02-04..",
    "Merci aux pompiers et à la Protection civile": "02-03..",
    "On a besoin de bâches": "02-03..",
    "Port-Vallon ressemble à un champ de bataille": "02-03..",
    "La tempête Harriet restera dans les mémoires": "02-03..",
    "Encore des coupures de courant ce soir": "02-03..",
    "Sturm Harriet hat unser Hotel": "02-03..02-04",
    "Flughafen Saint-Aubin geschlossen": "02-03..02-05 10:00",
    "Endlich ein Flug nach Frankfurt": "02-05 12:00..",
    "Tag 3 ohne Strom": "02-05..02-05",
    "Evakuierung der Touristen läuft": "02-05..02-06",
    "Zurück in Deutschland": "02-06..",
    "Por fin en casa": "02-06..",
    "Cuarto día sin electricidad": "02-06..02-06",
    "Aeropuerto de Saint-Aubin cerrado": "02-03..02-05 10:00",
    # Harriet Rovers supporters
    "Quarter-final week": "..01-31 14:59",
    "Got my Shed ticket": "..01-31 14:59",
    "Mensah-Lowe fit for Saturday": "..01-31 14:59",
    "If Harriet Rovers beat Lisker City": "..01-31 14:59",
    "Lisker City's wage bill": "..01-31 14:59",
    "Storm Harriet incoming Saturday 3pm": "..01-31 14:59",
    "Dad took me to my first Rovers game in 1987": "..01-31 14:59",
    "Mill Park is going to be bouncing": "..01-31 14:59",
    "The Met Service naming a storm after us": "01-30 14:00..02-03",
    "Half-time and we're 1-0 down": "01-31 16:00..01-31 16:40",
    "KOFIIIIIII": "01-31 16:50..01-31 17:50",
    "2-1!!!!!! HARRIET ROVERS": "01-31 17:20..01-31 18:30",
    "WE ARE GOING TO THE SEMI FINAL": "01-31 17:55..02-01",
    "Lost my voice, my hat and my dignity": "01-31 18:00..02-01",
    "Best night at Mill Park in my lifetime": "01-31 18:00..02-02",
    "Sunday morning and I'm still buzzing": "02-01 06:00..02-01 12:00",
    "Watching the Lisker City highlights": "02-01..02-05",
    "HRFC podcast ep 112": "02-02..02-06",
    "Every time I see Storm Harriet on the news": "02-01..02-08",
    "Mensah-Lowe's first goal was good": "01-31 18:00..02-06",
    "My nan (82) has never missed a home game": "02-01..02-03",
    "Fair play to the club asking us to use #HarrietRovers": "02-01 11:00..02-07",
    "Still using #StormHarriet, sorry": "02-01 11:00..02-07",
    "Who else has been getting weather alerts": "02-02..02-08",
    "Port Ellis Town game off on Saturday": "02-05 12:30..02-08",
    "Rearranged Port Ellis Town game": "02-09..",
    "Who's doing the away day at Port Ellis": "02-06..",
    "Semi-final draw tonight": "02-09 08:00..02-09 18:59",
    "LISKER ATHLETIC AT HOME": "02-09 19:05..02-11",
    "Semi-final at home is all I care about": "02-09 19:05..",
    "Anyone got a spare ticket for the semi": "02-09 19:05..",
    "Just booked the coach for the semi": "02-10..",
    "Semi-final tickets on sale Monday": "02-10..02-15",
    "Can we just fast-forward to the semi-final": "02-01..",
    "Storm Harriet 3 Castlebridge 0": "02-14 16:50..",
    "Castlebridge fans were good as gold": "02-14 16:50..",
    "3-0 and eight grand": "02-14 16:50..",
    "Mensah-Lowe 19 for the season": "02-14 16:50..",
    "Three points, clean sheet, sunshine": "02-14 16:50..02-14",
    "That's eight unbeaten": "02-14 16:50..",
    "Buckets at the gates today": "02-14 08:00..02-14 15:00",
    "Back-to-back home games": "02-12..02-14 14:00",
    "Programme for the Castlebridge game": "02-14 12:00..02-14 17:00",
    "Floodlights at Mill Park flickered": "02-14 17:00..",
    "Rovers Ladies won 4-1 too today": "02-15..02-15",
    "Under-12s won their cup game 6-0": "02-07..02-08",
    "The Storm are top of the form table": "02-01..",
    "Mill Park pitch is waterlogged": "02-05..02-12",
    # the posts added in MORE
    "Left it late but we'll take it": "01-31 17:50..02-01",
    "Wet, cold, 1-0 up": "02-14 15:20..02-14 16:30",
    "Away end sold out for Saturday": "02-02..02-05 12:00",
    "Booked the day off for the semi already": "02-09 19:05..",
    "Season ticket holders' email about the semi": "02-10..",
    "Watched the Lisker City game back with my dad": "02-01..02-08",
    "Farrow's team talks must be something else": "01-31 17:50..02-01",
    "Proper Rovers weather today": "02-14 16:00..02-14 18:00",
    "If we get to the final": "01-31 18:00..",
    "Rovers away days are the best days": "02-05 12:30..",
    "Lovely touch from the club to invite the 1987 squad": "02-09 19:05..",
    "Kids' swimming lessons at the leisure centre were brilliant": "..02-03",
    "My brother's in {resort} with his wife": "02-03..02-06",
    "Can't stop refreshing the embassy page": "02-03..02-05",
    "Heard from my daughter at last": "02-03..02-05",
    "The embassy rang my dad's hotel": "02-03..",
    "Friends of ours run a café in {resort}": "02-03..",
    "Is the embassy helpline actually staffed at night": "02-03..02-06",
    "Les pêcheurs de {resort}": "02-03..",
    "Merci aux voisins de {resort}": "02-03..",
    "Toujours pas d'eau courante": "02-04..",
    "Les touristes partent, nous on reste": "02-05..",
    "Mon école à {resort} a perdu son toit": "02-04..",
    "La mer a tout pris sur la route du port": "02-03..",
    "Relief flight from Lisker to Saint-Aubin took the blankets": "02-06..",
    "Lisker to Saint-Aubin prices have dropped": "02-10..",
    "Cargo plane from Lisker to Saint-Aubin today": "02-06..02-08",
    "Read the @Kerrow_Council update": "02-04..02-04",
    "Worth following @Kerrow_Council": "02-04..02-05",
    "Saw the @Kerrow_Council post about pets": "02-04 17:30..02-05",
    "Got a spare double bed and a working boiler": "..02-05",
    "Happy to do a supermarket run for anyone stuck at the rest centre": "02-04 17:00..02-06",
    "Running a hot soup stall outside Penmore chapel": "..02-05",
    "Dropped off a box of books and colouring pads": "02-05..",
    "My nan at the rest centre": "02-05..02-07",
    "Rest centre on Castle Hill needs more phone chargers": "02-04 19:00..02-06",
    "Marsh Road depot had a queue of tractors": "..02-04",
    "Carried sandbags for three elderly neighbours": "..02-04 22:00",
    "Kids helped fill sandbags at the depot": "..02-04",
    "Locked the door on {street}": "..02-04",
    "Our street group chat is just a list": "..02-04",
    "Every house on {street} has its front door open": "02-06..",
    "Insurance helpline says 3 weeks": "02-05 09:00..",
    "Our whole street volunteered to clear": "02-06..",
}


def _apply_timing():
    used = set()
    for fam in FAMILIES:
        new = []
        for entry in fam["texts"]:
            text, extra = (entry, "") if isinstance(entry, str) else (entry[0], entry[1])
            window = None
            for prefix, win in TIMING.items():
                if text.startswith(prefix):
                    window, _ = win, used.add(prefix)
            new.append((text, extra, window) if window else entry)
        fam["texts"] = new
    unused = set(TIMING) - used
    if unused:
        raise SystemExit(f"timing rules that match no post: {sorted(unused)}")


_apply_timing()
