"""A public-health vaccination drive: the words of the vaccination-drive corpus.

All places, people and organisations are fictional. Measles is spreading in the city of
Castlebridge. Castlebridge Health Board, the Public Health Agency and the city council run an MMR
catch-up drive: a walk-in clinic at the Corn Exchange from Monday 9 March, and a mobile clinic, the
Jab Bus. The first days bring queues and a run on doses; the second week brings a viral false claim;
the drive is extended in its last week.

Noise on purpose: Castlebridge Amateur Boxing Club talks about jabs all day; "delivery" means
parcels, a strike at a courier's depot, a maternity delivery suite and the government's "delivery
plan" as well as doses arriving; the Corn Exchange is also a concert and comedy venue; posts in
Spanish (the Estradan community and its embassy) and Polish.

Topics used for labels:
  mmr            about the MMR drive, measles or the vaccine
  corn_exchange  about the walk-in clinic at the Corn Exchange
  supply         vaccine supplies: doses delivered, stock running low or arriving
  misinfo        spreading a false claim about the vaccine (not debunking one)
  boxing         Castlebridge Amateur Boxing Club and boxing generally
"""

import re as _re

SEED = 20260309
YEAR = 2026
PREFIX = "vd"
THEME = "vaccination"
TITLE = "Catch Up Castlebridge: the MMR vaccination drive"
DESCRIPTION = (
    "Five weeks (23 February to 29 March 2026) of health service announcements, local news, public "
    "posts, a vaccine-sceptic campaign and community posts in Spanish and Polish around a measles "
    "outbreak and an MMR catch-up drive in the city of Castlebridge. With a boxing club that talks "
    "about jabs, couriers on strike, a concert venue that becomes a clinic, and a viral false claim."
)

SOURCES = {
    "dept-health": dict(
        name="Department of Health", display="Health Caldria", handle="HealthCaldria",
        author="Department of Health", kind="press-release", web="https://www.health.gov.ex/news/{slug}"),
    "public-health-agency": dict(
        name="Public Health Agency", display="Public Health Agency", handle="PublicHealthCA",
        author="Public Health Agency", kind="press-release",
        web="https://www.publichealth.gov.ex/news/{y}/{m}/{slug}"),
    "health-board": dict(
        name="Castlebridge Health Board", display="Castlebridge Health Board", handle="CastlebridgeHB",
        author="Castlebridge Health Board", kind="press-release",
        web="https://www.castlebridgehealth.gov.ex/news/{slug}"),
    "castlebridge-council": dict(
        name="Castlebridge City Council", display="Castlebridge City Council", handle="CastlebridgeCC",
        author="Castlebridge City Council", kind="press-release",
        web="https://www.castlebridge.gov.ex/news/{y}/{m}/{slug}"),
    "evening-post": dict(
        name="Castlebridge Evening Post", display="Castlebridge Evening Post", handle="CastlebridgePost",
        author="Evening Post reporters", kind="news",
        web="https://www.castlebridgepost.example/news/{y}/{m}/{d}/{slug}"),
    "caldria-herald": dict(
        name="The Caldrian Herald", display="The Caldrian Herald", handle="CaldrianHerald",
        author="Herald reporters", kind="news",
        web="https://www.caldriaherald.example/health/{y}/{m}/{d}/{slug}"),
    "embassy-estrada": dict(
        name="Embajada de Estrada en Caldria", display="Embajada de Estrada", handle="EmbajadaEstrada",
        author="Embajada de Estrada en Caldria", kind="statement", lang="es",
        web={"es": "https://www.embajadaestrada.example/caldria/noticias/{slug}",
             "en": "https://www.embajadaestrada.example/caldria/en/news/{slug}"}),
    "parents-for-choice": dict(
        name="Parents for Choice Castlebridge", display="Parents for Choice", handle="ParentsForChoiceCB",
        author="Parents for Choice Castlebridge", kind="blog",
        web="https://parentsforchoice.example/castlebridge/{slug}"),
    "boxing-club": dict(
        name="Castlebridge Amateur Boxing Club", display="Castlebridge ABC", handle="CastlebridgeABC",
        author="Castlebridge ABC", kind="news", web="https://www.castlebridgeabc.example/news/{slug}"),
    "polish-centre": dict(
        name="Castlebridge Polish Community Centre", display="Polski Ośrodek Castlebridge", handle="PolskiCastlebridge",
        author="Castlebridge Polish Community Centre", kind="post", lang="pl",
        web="https://polskicastlebridge.example/{slug}"),
    "swiftdrop": dict(
        name="SwiftDrop Parcels", display="SwiftDrop", handle="SwiftDropHelp",
        author="SwiftDrop Parcels", kind="statement", web="https://www.swiftdrop.example/news/{slug}"),
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
        Sarah Okonkwo|sarahokonkwo
        Dan Mercer|danmercer_cb
        Aisha Begum|aishabegum
        Tom Riley|tomriley
        Castlebridge Dad|castlebridgedad
        Megan Price|meganprice
        Kieran Doyle|kierandoyle
        Hana Yusuf|hanayusuf
        Lucy Whitmore|lucywhitmore
        Gaz from Eastfield|gazeastfield
        Priya Chauhan|priyachauhan
        Becky Lane|beckylane
        Omar Farouk|omarfarouk
        Jen Harrow|jenharrow
        Nurse Nat|nursenat_cb
        Rob Castle|robcastle
        Zainab Hussain|zainabhussain
        Emma Thornley|emmathornley
        Marcus Bell|marcusbell
        Deb from Northgate|debnorthgate
        Alex Kim|alexkim_cb
        Ruth Summers|ruthsummers
        Farah Ali|farahali
        Ollie Grant|olliegrant
        Sophie Hale|sophiehale
        Chris Nwosu|chrisnwosu
        Leanne Moss|leannemoss
        Paul Dempsey|pauldempsey
        Yusuf Khan|yusufkhan_cb
        Grace Adeyemi|graceadeyemi
        Mum of 4, Castlebridge|mumof4cb
        Harry Blake|harryblake
        Claire Osei|claireosei
        Ian Fletcher|ianfletcher
        Teacher Tess|teachertess
        Martyna Zielińska|martynaz
    """),
    "sceptic": _people("""
        Natural Mama CB|naturalmamacb
        Truth Seeker 77|truthseeker77
        Question Everything|questioneverythingcb
        Free Parent|freeparent_cb
        Dave Speaks Out|davespeaksout
        Healthy Kids Naturally|healthykidsnat
    """),
    "spanish": _people("""
        María José Vargas|mjvargas
        Carlos Peña|carlospena_cb
        Lucía Herrera|luciaherrera
        Andrés Molina|andresmolina
        Familia Ruiz en Castlebridge|familiaruizcb
        Valentina Ortiz|valeortiz
        Estradeños en Castlebridge|estradenoscb
    """),
    "polish": _people("""
        Agnieszka Nowak|agnieszkanowak
        Piotr Wiśniewski|piotrw_cb
        Kasia Lewandowska|kasialew
        Marek Kamiński|marekkaminski
        Ola Dąbrowska|oladabrowska
    """),
    "boxers": _people("""
        Kofi 'Hands' Asante|kofihands
        Ringside Rach|ringsiderach
        CB Boxing Fan|cbboxingfan
        Southpaw Sam|southpawsam
        Eddie's Gym Rat|eddiesgymrat
        Dani Fists|danifists
    """),
}

SLOTS = {
    "venue": ["Eastfield Library", "Northgate Market", "Al-Noor Mosque", "St Mary's school", "Riverside Academy",
              "the Polish Community Centre", "Castlebridge College", "Hollins Park", "the Westgate shops"],
    "kids": ["my two", "both kids", "my youngest", "my daughter", "my son", "the twins", "my eldest"],
    "wait": ["20 minutes", "half an hour", "40 minutes", "an hour", "10 minutes", "15 minutes"],
}


def tokens(text: str) -> list[str]:
    return [t.lower() for t in _re.findall(r"[^\W_]+", text)]


ITEMS = []


def item(src, when, title, body, topics="", **kw):
    ITEMS.append(dict(src=src, when=when, title=title, body=body, topics=topics, **kw))


def post(src, when, body, topics="", **kw):
    ITEMS.append(dict(src=src, when=when, title="", body=body, topics=topics, kind="post", **kw))


# --- Public Health Agency, Department of Health, Health Board, council ----------------------

item("public-health-agency", "02-23 10:00", "Measles cases rise in Castlebridge", """
    The Public Health Agency has confirmed 20 cases of measles in Castlebridge since 1 January,
    compared with two in the whole of last year. Most cases are in children under 10 who have not had
    two doses of the MMR vaccine.

    Measles spreads very easily. Symptoms start with a high temperature, a runny nose, a cough and
    red, watery eyes, followed a few days later by a rash. If you think you or your child has measles,
    stay at home and phone your GP or the health line on 111. Do not go to a surgery or hospital
    without phoning first.

    The MMR vaccine is free and protects against measles, mumps and rubella. Check your child's red
    book, or ask your GP surgery, to see whether they have had both doses.
    """, "mmr")

item("public-health-agency", "03-02 11:00", "Measles: 31 cases in Castlebridge, 9 in hospital", """
    The number of confirmed measles cases in Castlebridge has risen to 31. Nine people have been
    treated in hospital, including a baby too young to be vaccinated.

    The agency and Castlebridge Health Board will announce extra vaccination clinics this week.
    """, "mmr")

item("health-board", "03-04 10:00", "Walk-in MMR vaccination clinic opens at the Corn Exchange on 9 March", """
    A walk-in clinic offering free MMR vaccinations will open at the Corn Exchange in Castlebridge
    city centre on Monday 9 March, as part of a drive to stop the spread of measles in the city.

    Anyone aged 1 or over who has not had two doses can walk in, Monday to Saturday, 9am to 7pm, until
    Saturday 28 March. No appointment is needed. Interpreters are available in Spanish, Polish, Arabic
    and Romanian.

    A mobile clinic, the Jab Bus, will visit schools, markets and community centres across the city
    during the same three weeks.
    """, "mmr corn_exchange")

item("dept-health", "03-04 10:30", "Minister backs Castlebridge MMR drive", """
    Rhian Talbot, Minister for Public Health, said: "Measles is back in Castlebridge because too many
    children have missed their jabs. This drive makes it as easy as possible to catch up. I urge every
    parent in the city to check their child's red book this week."

    The Department of Health is providing £1.4 million for extra clinics and for community
    organisations that help families who do not speak English as a first language.
    """, "mmr")

item("health-board", "03-09 19:30", "More than 1,100 vaccinated on first day of walk-in clinic", """
    More than 1,100 people were vaccinated at the Corn Exchange on the first day of the walk-in MMR
    clinic, and 240 more on the Jab Bus at Eastfield Library.

    We know some people waited more than an hour this morning. We have added four more vaccinators
    from tomorrow. If you can, come in the afternoon, when queues are shorter.
    """, "mmr corn_exchange")

item("health-board", "03-10 18:00", "Extra doses on the way after busy start", """
    Demand in the first two days has been higher than we planned for. The Jab Bus ran low on doses this
    afternoon at Northgate Market and had to turn some people away. We apologise.

    A delivery of 8,000 extra doses of MMR vaccine will arrive tomorrow morning, and we have asked for
    a second delivery next week. The Corn Exchange clinic has enough stock and is open as normal.
    """, "mmr supply corn_exchange")

item("health-board", "03-11 12:00", "8,000 extra MMR doses delivered", """
    The delivery of 8,000 extra MMR doses arrived at the Corn Exchange at 7am today and has been shared
    between the clinic and the Jab Bus. Thank you to the pharmacy team who worked overnight.

    The Jab Bus is back at Northgate Market tomorrow from 10am for everyone we had to turn away.
    """, "mmr supply corn_exchange")

item("health-board", "03-16 10:00", "10,000 vaccinated in the first week", """
    In the first week of the drive, 10,214 people had an MMR vaccination at the Corn Exchange or on the
    Jab Bus. About a third were children under 5. More than 1,900 were adults who had missed doses
    when they were young.

    The walk-in clinic at the Corn Exchange is open Monday to Saturday, 9am to 7pm, until 28 March.
    """, "mmr corn_exchange")

item("health-board", "03-18 09:00", "The MMR vaccine does not cause infertility or autism", """
    A video shared widely online this week claims that the MMR vaccine causes infertility and autism.
    Neither claim is true.

    The MMR vaccine has been given to hundreds of millions of children around the world for more than
    50 years. Large studies in many countries, following millions of children, have found no link
    between MMR and autism. There is no evidence at all that it affects fertility.

    The person in the video is not a registered doctor. If you have questions about the vaccine, our
    nurses at the Corn Exchange will answer them, with no pressure to have a jab on the day.
    """, "mmr corn_exchange")

item("health-board", "03-23 11:00", "Measles cases falling as drive passes 20,000 jabs", """
    New measles cases in Castlebridge have fallen for the second week running. More than 20,000 people
    have now had an MMR vaccination through the drive.
    """, "mmr")

item("health-board", "03-26 10:00", "Corn Exchange clinic extended to 4 April", """
    Because so many people are still coming, the walk-in MMR clinic at the Corn Exchange will stay open
    for one more week, until Saturday 4 April. The Jab Bus finishes on 28 March as planned.
    """, "mmr corn_exchange")

item("castlebridge-council", "02-26 15:00", "Corn Exchange spring programme announced", """
    Comedy, folk, a vintage fair and the return of the Castlebridge Beer Festival: the Corn Exchange
    spring programme is out. Please note that the main hall will not be available for events from 9
    to 28 March, while it is used as a health clinic. Events in the Long Room go ahead as planned.
    """, "")

item("castlebridge-council", "03-05 12:00", "Free parking for MMR clinic visitors", """
    People visiting the walk-in MMR clinic at the Corn Exchange can park free for up to two hours in
    the Market Square car park. Show your vaccination card at the ticket office.
    """, "mmr corn_exchange")

item("castlebridge-council", "03-12 09:00", "Council delivery plan: progress report", """
    The council's 2025-28 delivery plan sets out 42 commitments. This quarter, 31 are on track. Highlights
    include the new Eastfield library, the bus lane on Westgate, and support for the city's MMR
    vaccination drive.
    """, "")

# --- Evening Post and Herald ----------------------------------------------------------------

EP = "evening-post"
item(EP, "02-23 17:00", "Measles warning as cases rise in city", """
    Health chiefs have warned parents to check their children's vaccination records after 20 measles
    cases were confirmed in Castlebridge this year.
    """, "mmr", author="Nadia Hussain")

item(EP, "02-27 12:00", "Schools write to parents about measles", """
    Every primary school in Castlebridge has written to parents this week asking them to check their
    children's MMR doses. Riverside Academy said three pupils were off with suspected measles.
    """, "mmr", author="Nadia Hussain")

item(EP, "03-04 12:30", "Walk-in MMR clinic to open at Corn Exchange", """
    The Corn Exchange will become a walk-in vaccination clinic from Monday, as health chiefs try to halt
    the city's measles outbreak. No appointment is needed and the jabs are free.

    A mobile clinic, the Jab Bus, will tour schools and markets. The Corn Exchange's comedy and music
    nights will move to the Long Room until the end of the month.
    """, "mmr corn_exchange", author="Nadia Hussain")

item(EP, "03-09 13:00", "Queues round Market Square as MMR clinic opens", """
    The queue for the walk-in MMR clinic stretched round Market Square by 9am on its first morning, with
    parents, pushchairs and more than a few grandparents.

    "I wasn't sure my daughter had her second jab, so here we are," said Priya Chauhan, 34. Staff handed
    out water and colouring books. The Health Board said it would add more vaccinators.
    """, "mmr corn_exchange", author="Nadia Hussain")

item(EP, "03-10 19:00", "Jab Bus runs out of vaccine at Northgate Market", """
    Dozens of people were turned away from the Jab Bus at Northgate Market on Tuesday afternoon after it
    ran out of MMR doses. The Health Board apologised and said a delivery of extra doses was due on
    Wednesday.
    """, "mmr supply", author="Ben Archer")

item(EP, "03-11 16:00", "Vaccine delivery arrives as demand stays high", """
    A lorry carrying 8,000 doses of MMR vaccine arrived at the Corn Exchange at 7am on Wednesday. The
    Health Board said the Jab Bus would return to Northgate Market on Thursday.
    """, "mmr supply corn_exchange", author="Ben Archer")

item(EP, "03-14 21:00", "Boxing: Castlebridge ABC dominate home show", """
    Castlebridge Amateur Boxing Club won seven of nine bouts at their home show at Eastfield Leisure
    Centre. Head coach Eddie Marsh praised 16-year-old Dani Osei's "textbook jab".
    """, "boxing", author="Sports desk")

item(EP, "03-17 18:00", "False video about MMR shared thousands of times", """
    A video claiming that the MMR vaccine causes infertility has been shared thousands of times in
    Castlebridge community groups. The man in the video describes himself as a doctor but is not
    registered in Caldria.

    The Health Board said the claim was "completely false" and urged parents to ask nurses at the
    Corn Exchange if they had questions.
    """, "mmr", author="Nadia Hussain")

item(EP, "03-19 08:00", "SwiftDrop strike: parcel deliveries hit for three days", """
    Parcel deliveries across Castlebridge will be disrupted from today until Saturday as drivers at
    SwiftDrop's Eastfield depot strike over pay.
    """, "", author="Ben Archer")

item(EP, "03-23 12:00", "Measles cases fall for second week", """
    New measles cases have fallen for the second week in a row, and more than 20,000 people have had an
    MMR jab since the drive began, the Health Board said.
    """, "mmr", author="Nadia Hussain")

item(EP, "03-26 11:00", "Corn Exchange clinic to stay open an extra week", """
    The walk-in MMR clinic at the Corn Exchange will stay open until 4 April. The Long Room comedy night
    on Friday goes ahead.
    """, "mmr corn_exchange", author="Nadia Hussain")

item(EP, "03-27 19:30", "Review: Folk in the Long Room, Corn Exchange", """
    A packed Long Room at the Corn Exchange, a fiddle player who looked about 15, and a chorus the whole
    room knew. The main hall next door was still set out as a vaccination clinic, which gave the
    interval a strange hospital feel.
    """, "", author="Arts desk")

HER = "caldria-herald"
item(HER, "03-02 07:00", "Measles returns: how Castlebridge fell behind on vaccines", """
    Ten years ago, 94% of five-year-olds in Castlebridge had had both MMR doses. Now it is 86%. The
    reasons include pressure on GP surgeries, families who moved to the city and missed appointments,
    and a small but loud online campaign against vaccines.
    """, "mmr", author="Health correspondent")

item(HER, "03-09 12:00", "Hundreds queue as Castlebridge opens walk-in measles clinic", """
    Hundreds of parents queued outside the Corn Exchange in Castlebridge on Monday as a walk-in MMR
    clinic opened. The Minister for Public Health, Rhian Talbot, visited and thanked staff.
    """, "mmr corn_exchange", author="Health correspondent")

item(HER, "03-18 07:30", "Health officials rebut viral MMR video", """
    Health officials in Castlebridge have rebutted a viral video falsely claiming that the MMR vaccine
    causes infertility. Researchers said the claim had "no basis at all" and that the video's narrator
    was not a registered doctor.
    """, "mmr", author="Health correspondent")

item(HER, "03-20 09:00", "Government's health delivery plan 'off track', say MPs", """
    A committee of MPs says the Department of Health's delivery plan for waiting times is off track, with
    two of five targets missed.
    """, "", author="Political staff")

# --- Embassy of Estrada (Spanish) -----------------------------------------------------------

EE = "embassy-estrada"
item(EE, "03-05 10:00", "Vacunación gratuita contra el sarampión en Castlebridge", """
    Las autoridades sanitarias de Castlebridge ofrecen la vacuna triple vírica (sarampión, paperas y
    rubéola) de forma gratuita en el Corn Exchange a partir del lunes 9 de marzo, de lunes a sábado, de
    9 a 19 horas. No hace falta cita previa ni documentos. Habrá intérpretes de español.
    """, "mmr corn_exchange", lang="es")

item(EE, "03-17 12:00", "Aviso: vídeo falso sobre la vacuna triple vírica", """
    Circula un vídeo que afirma que la vacuna triple vírica causa infertilidad. Es falso. La vacuna es
    segura y se usa en todo el mundo desde hace más de cincuenta años.
    """, "mmr", lang="es")

item(EE, "03-02 09:00", "Registro consular: nuevas citas en marzo", """
    La sección consular abre nuevas citas para pasaportes y registro consular durante el mes de marzo.
    Reserve su cita en línea.
    """, "", lang="es")

item(EE, "03-18 18:00", "Celebración del Día de Estrada en Castlebridge", """
    Invitamos a toda la comunidad estradeña a celebrar el Día de Estrada el viernes 20 de marzo en el
    Centro Comunitario de Westgate, con música, comida típica y actividades para niños.
    """, "", lang="es")

# --- Parents for Choice (sceptic campaign) --------------------------------------------------

PFC = "parents-for-choice"
item(PFC, "03-03 20:00", "Why we're asking questions about the MMR push", """
    We are not anti-anything. We are parents who want to make informed choices. The city is about to
    turn the Corn Exchange into a vaccination centre, and nobody is asking whether parents have been
    given all the facts.
    """, "mmr corn_exchange")

item(PFC, "03-17 21:00", "Watch this before you take your child to the Corn Exchange", """
    A doctor has bravely spoken out about the MMR vaccine and infertility. Watch the video and decide
    for yourself. Our children's futures are too important to leave to the authorities.
    """, "mmr misinfo corn_exchange")

item(PFC, "03-24 20:00", "We were right to ask questions", """
    The Health Board called our questions misinformation. But they still have not explained why the
    vaccine rollout needed a building the size of the Corn Exchange. Think about it.
    """, "mmr corn_exchange")

# --- Castlebridge ABC (boxing) --------------------------------------------------------------

BX = "boxing-club"
item(BX, "03-01 10:00", "Home show on 14 March: tickets on sale", """
    Nine bouts, our best juniors and a visiting team from Norbury. Tickets for the club show at Eastfield
    Leisure Centre are on sale now. Doors 6pm.
    """, "boxing")

item(BX, "03-15 11:00", "Show report: seven wins from nine", """
    What a night. Dani Osei's jab was the punch of the evening, and Kofi Asante's double jab in the
    third round had the whole hall on its feet. Thank you to everyone who came.
    """, "boxing")

item(BX, "03-25 09:00", "Junior championships: squad announced", """
    Six of our juniors will box at the regional championships on 28 March. Training is Monday,
    Wednesday and Friday at 6pm. Work that jab.
    """, "boxing")

# --- SwiftDrop ------------------------------------------------------------------------------

item("swiftdrop", "03-18 17:00", "Industrial action at our Eastfield depot", """
    Deliveries in the Castlebridge area may be delayed from 19 to 21 March because of industrial action
    at our Eastfield depot. We are sorry for any inconvenience and will deliver every parcel as soon as
    we can.
    """, "")

item("swiftdrop", "03-22 09:00", "Deliveries back to normal in Castlebridge", """
    The industrial action at our Eastfield depot has ended. We expect to clear the backlog of deliveries
    by Tuesday.
    """, "")


# ============================================================================================
# Organisations' social posts
# ============================================================================================

for src, when, body, topics, lang in [
    # Castlebridge Health Board
    ("health-board", "02-24 09:00", "Measles is spreading in Castlebridge. Check your child's red book: have they had 2 doses of MMR? If not, call your GP surgery. It's free. #CatchUpCastlebridge", "mmr", "en"),
    ("health-board", "03-04 10:05", "From Monday 9 March: a walk-in MMR clinic at the Corn Exchange, Monday to Saturday, 9am to 7pm. No appointment. Free. For anyone aged 1 or over who has missed a dose. #CatchUpCastlebridge", "mmr corn_exchange", "en"),
    ("health-board", "03-04 10:10", "The Jab Bus is coming to a school, market or community centre near you. Timetable: https://www.castlebridgehealth.gov.ex/jabbus #CatchUpCastlebridge", "mmr", "en"),
    ("health-board", "03-06 12:00", "Not sure if you had both MMR jabs as a child? Come anyway. An extra dose is safe. #CatchUpCastlebridge", "mmr", "en"),
    ("health-board", "03-09 08:45", "The doors are open at the Corn Exchange! Walk-in MMR jabs until 7pm. #CatchUpCastlebridge", "mmr corn_exchange", "en"),
    ("health-board", "03-09 10:30", "Queue at the Corn Exchange is about an hour this morning. Thank you for your patience. Afternoons are usually quieter. #CatchUpCastlebridge", "mmr corn_exchange", "en"),
    ("health-board", "03-09 15:00", "Jab Bus at Eastfield Library until 5pm today. Shorter wait than the Corn Exchange right now!", "mmr corn_exchange", "en"),
    ("health-board", "03-09 19:35", "Day one: more than 1,100 vaccinated at the Corn Exchange and 240 on the Jab Bus. Thank you, Castlebridge. #CatchUpCastlebridge", "mmr corn_exchange", "en"),
    ("health-board", "03-10 15:40", "We're sorry: the Jab Bus at Northgate Market has run out of MMR doses for today. A delivery of 8,000 extra doses is due tomorrow morning. The Corn Exchange still has plenty.", "mmr supply corn_exchange", "en"),
    ("health-board", "03-11 07:30", "The delivery of 8,000 extra MMR doses has arrived. The Jab Bus is back at Northgate Market tomorrow from 10am for everyone we turned away.", "mmr supply", "en"),
    ("health-board", "03-12 12:00", "Interpreters at the Corn Exchange today: Spanish, Polish, Arabic and Romanian. Phone interpreting for other languages. #CatchUpCastlebridge", "mmr corn_exchange", "en"),
    ("health-board", "03-13 16:00", "Friday afternoon at the Corn Exchange: no queue at all. Walk straight in. #CatchUpCastlebridge", "mmr corn_exchange", "en"),
    ("health-board", "03-16 10:05", "10,214 people vaccinated in the first week of #CatchUpCastlebridge. A third were under 5. Thank you.", "mmr", "en"),
    ("health-board", "03-17 19:00", "A video going round says the MMR vaccine causes infertility. It doesn't. The man in the video isn't a registered doctor. Questions? Our nurses will answer them. #FactCheck", "mmr", "en"),
    ("health-board", "03-18 09:05", "The facts: MMR has been given to hundreds of millions of children for 50 years. Studies of millions of children found no link with autism, and there is no evidence it affects fertility. https://www.castlebridgehealth.gov.ex/news/mmr-facts", "mmr", "en"),
    ("health-board", "03-19 10:00", "Second delivery of MMR doses arrived this morning: 6,000 more for the final fortnight. #CatchUpCastlebridge", "mmr supply", "en"),
    ("health-board", "03-23 11:05", "New measles cases are falling for the second week running, and more than 20,000 of you have had your jab. Keep it up, Castlebridge.", "mmr", "en"),
    ("health-board", "03-26 10:05", "The Corn Exchange walk-in clinic will stay open one more week, until Saturday 4 April. #CatchUpCastlebridge", "mmr corn_exchange", "en"),
    # Public Health Agency, Department of Health, council
    ("public-health-agency", "02-23 10:05", "20 measles cases confirmed in Castlebridge this year. If you think you have measles, stay at home and phone 111 first. Don't go straight to a surgery.", "mmr", "en"),
    ("public-health-agency", "03-02 11:05", "Measles in Castlebridge: 31 cases, 9 people treated in hospital, including a baby too young for the vaccine. Check your family's MMR doses.", "mmr", "en"),
    ("public-health-agency", "03-18 10:00", "Measles symptoms: high temperature, runny nose, cough, red watery eyes, then a rash. Stay home and call 111. Protect others: don't walk into a surgery.", "mmr", "en"),
    ("dept-health", "03-04 10:35", "Our Minister for Public Health, Rhian Talbot: 'This drive makes it as easy as possible to catch up. Please check your child's red book this week.'", "mmr", "en"),
    ("dept-health", "03-09 14:00", "The Minister for Public Health visited the walk-in MMR clinic at the Corn Exchange in Castlebridge today and thanked the nurses and volunteers.", "mmr corn_exchange", "en"),
    ("dept-health", "03-20 09:30", "Our response to the committee's report on the waiting times delivery plan: we are investing in more staff and more clinics.", "", "en"),
    ("castlebridge-council", "02-26 15:05", "The Corn Exchange spring programme is out! Comedy, folk and the beer festival. Note: the main hall hosts a health clinic from 9 to 28 March.", "", "en"),
    ("castlebridge-council", "03-05 12:05", "Visiting the MMR clinic at the Corn Exchange? Park free for up to 2 hours in Market Square car park. Show your vaccination card.", "mmr corn_exchange", "en"),
    ("castlebridge-council", "03-12 09:05", "Our delivery plan progress report: 31 of 42 commitments on track, including the new Eastfield library.", "", "en"),
    ("castlebridge-council", "03-19 08:00", "Parcel deliveries from SwiftDrop may be delayed this week because of a strike. Bin collections are not affected.", "", "en"),
    # news
    ("evening-post", "03-04 12:35", "The Corn Exchange will become a walk-in MMR clinic from Monday https://www.castlebridgepost.example/news/2026/03/04/corn-exchange-clinic", "mmr corn_exchange", "en"),
    ("evening-post", "03-09 13:05", "Queues round Market Square as the walk-in MMR clinic opens at the Corn Exchange. Pictures: https://www.castlebridgepost.example/news/2026/03/09/queues", "mmr corn_exchange", "en"),
    ("evening-post", "03-10 19:05", "Jab Bus runs out of vaccine at Northgate Market. Extra doses due tomorrow.", "mmr supply", "en"),
    ("evening-post", "03-17 18:05", "A false video about the MMR vaccine has been shared thousands of times in city community groups. Here's what we know.", "mmr", "en"),
    ("evening-post", "03-19 08:05", "SwiftDrop strike: parcel deliveries across Castlebridge hit until Saturday", "", "en"),
    ("evening-post", "03-26 11:05", "The Corn Exchange MMR clinic will stay open until 4 April", "mmr corn_exchange", "en"),
    ("caldria-herald", "03-09 12:05", "Hundreds queue as Castlebridge opens walk-in measles clinic at the Corn Exchange", "mmr corn_exchange", "en"),
    ("caldria-herald", "03-18 07:35", "Health officials rebut viral video falsely linking MMR to infertility", "mmr", "en"),
    # the embassy of Estrada
    ("embassy-estrada", "03-05 10:05", "Vacuna triple vírica gratis en el Corn Exchange de Castlebridge desde el 9 de marzo. Sin cita y sin documentos. Habrá intérpretes de español.", "mmr corn_exchange", "es"),
    ("embassy-estrada", "03-09 11:00", "Hoy abre el centro de vacunación del Corn Exchange. Si sus hijos no tienen las dos dosis de la vacuna contra el sarampión, pueden ir sin cita.", "mmr corn_exchange", "es"),
    ("embassy-estrada", "03-12 12:05", "Recuerde: en el Corn Exchange hay intérpretes de español todos los días. La vacunación es gratuita.", "mmr corn_exchange", "es"),
    ("embassy-estrada", "03-17 12:05", "Aviso: circula un vídeo falso sobre la vacuna triple vírica. La vacuna es segura. No comparta el vídeo.", "mmr", "es"),
    ("embassy-estrada", "03-23 10:00", "Más de 20.000 personas vacunadas en Castlebridge. Gracias a la comunidad estradeña por participar.", "mmr", "es"),
    ("embassy-estrada", "03-02 09:05", "Nuevas citas consulares para pasaportes en marzo. Reserve en línea.", "", "es"),
    ("embassy-estrada", "03-18 18:05", "¡Celebremos juntos el Día de Estrada! Viernes 20 de marzo, Centro Comunitario de Westgate.", "", "es"),
    ("embassy-estrada", "03-21 10:00", "Gracias a todos por una celebración maravillosa del Día de Estrada. ¡Hasta el año que viene!", "", "es"),
    ("embassy-estrada", "03-05 10:10", "Free MMR vaccination at Castlebridge Corn Exchange from 9 March. No appointment, no documents needed, Spanish interpreters available.", "mmr corn_exchange", "en"),
    # the Polish community centre
    ("polish-centre", "03-05 11:00", "Bezpłatne szczepienia MMR w Corn Exchange od 9 marca, bez zapisów. Będą tłumacze języka polskiego.", "mmr corn_exchange", "pl"),
    ("polish-centre", "03-11 10:00", "Jab Bus będzie przy naszym ośrodku w czwartek od 10:00. Szczepienie przeciwko odrze jest bezpłatne.", "mmr", "pl"),
    ("polish-centre", "03-17 13:00", "Uwaga: film o szczepionce MMR, który krąży w internecie, jest fałszywy. Szczepionka jest bezpieczna.", "mmr", "pl"),
    ("polish-centre", "03-07 10:00", "Zapraszamy na kiermasz wielkanocny w sobotę 28 marca! Pisanki, pierogi i zabawy dla dzieci.", "", "pl"),
    ("polish-centre", "03-14 10:00", "Polska szkoła sobotnia: zapisy na nowy semestr są otwarte.", "", "pl"),
    # Parents for Choice
    ("parents-for-choice", "03-03 20:05", "Before you queue at the Corn Exchange, ask yourself: have you been told everything? We're just asking questions.", "mmr corn_exchange", "en"),
    ("parents-for-choice", "03-17 21:05", "A doctor has spoken out: the MMR vaccine and infertility. Watch before it's taken down. Your child, your choice.", "mmr misinfo", "en"),
    ("parents-for-choice", "03-18 20:00", "They say 'no link' between the MMR jab and autism. Then why won't they debate? Parents deserve honesty.", "mmr misinfo", "en"),
    ("parents-for-choice", "03-24 20:05", "We were right to ask questions. Share if you agree.", "mmr", "en"),
    # Castlebridge ABC
    ("boxing-club", "03-01 10:05", "Home show, 14 March, Eastfield Leisure Centre. Nine bouts. Tickets at the club. #JabAndMove", "boxing", "en"),
    ("boxing-club", "03-03 19:00", "Tonight's session: footwork, then jab, jab, cross for 20 minutes. Bring water. #JabAndMove", "boxing", "en"),
    ("boxing-club", "03-06 19:30", "Junior sparring tonight. Keep your jab long and your chin down. #JabAndMove", "boxing", "en"),
    ("boxing-club", "03-10 19:00", "Coach Eddie's tip of the week: the jab is a question. Make your opponent answer it. #JabAndMove", "boxing", "en"),
    ("boxing-club", "03-13 18:00", "Weigh-ins done. Nine bouts tomorrow. Our juniors are ready. #JabAndMove", "boxing", "en"),
    ("boxing-club", "03-14 23:00", "Seven wins from nine! Dani's jab was the punch of the night. Proud of every boxer. #JabAndMove", "boxing", "en"),
    ("boxing-club", "03-17 19:00", "Back to basics this week: jabs, jabs and more jabs. #JabAndMove", "boxing", "en"),
    ("boxing-club", "03-20 19:00", "Open session for beginners on Saturday. No experience needed, just trainers and a water bottle. We'll teach you the jab first.", "boxing", "en"),
    ("boxing-club", "03-25 09:05", "Six juniors heading to the regional championships on Saturday. Jab, move, repeat. #JabAndMove", "boxing", "en"),
    ("boxing-club", "03-28 21:00", "Two regional champions! Both won on the jab. What a club. #JabAndMove", "boxing", "en"),
    ("boxing-club", "03-11 08:00", "Yes, we know our name keeps coming up when people search for jabs this month. No, we don't do vaccinations. The Corn Exchange does. 🥊💉", "boxing", "en"),
    # SwiftDrop
    ("swiftdrop", "03-18 17:05", "Deliveries in Castlebridge may be delayed 19 to 21 March because of industrial action at our Eastfield depot. Sorry.", "", "en"),
    ("swiftdrop", "03-20 12:00", "Update: Castlebridge deliveries are still delayed. Track your parcel at swiftdrop.example/track.", "", "en"),
    ("swiftdrop", "03-22 09:05", "Industrial action over. We'll clear the Castlebridge delivery backlog by Tuesday.", "", "en"),
]:
    post(src, when, body, topics, lang=lang)


# ============================================================================================
# Families of public posts
# ============================================================================================

FAMILIES = []


def fam(key, src, topics, counts, texts, **kw):
    FAMILIES.append(dict(key=key, src=src, topics=topics, counts=counts, texts=texts, **kw))


CATCH = [("#CatchUpCastlebridge", 0.2), ("#MMR", 0.06)]

fam("worried", "public", "mmr",
    {"02-23": 4, "02-24": 4, "02-25": 3, "02-26": 2, "02-27": 3, "02-28": 2, "03-01": 2, "03-02": 4,
     "03-03": 3, "03-04": 2, "03-06": 1, "03-08": 1},
    [
        "Measles at my son's school. Checked his red book: one MMR dose, not two. How did we miss that?",
        "Didn't think measles was still a thing. Three kids off at Riverside with it apparently.",
        "Anyone know if the GP is doing MMR catch-up appointments? Can't get through on the phone.",
        "My baby is too young for the MMR and there's measles at nursery. Terrified, honestly.",
        "Had measles as a kid in the 80s. Horrible. Please vaccinate your children.",
        "Can adults get the MMR? I have no idea if I had it. My mum doesn't remember either.",
        "The school letter about measles has made me realise I have no clue where the kids' red books are.",
        "Measles cases up to 31 in Castlebridge. That's not a small number.",
        "Honest question: if my daughter had one MMR jab, is she protected at all?",
        "Every parent WhatsApp group in Castlebridge is talking about measles right now.",
        "My sister's a nurse on the children's ward. She says the measles kids are really poorly. Get the jab.",
        "GP surgery says next MMR appointment is in three weeks. Three weeks!",
    ], tags=CATCH, people="public")

fam("clinic-launch", "public", "mmr corn_exchange",
    {"03-04": 7, "03-05": 6, "03-06": 5, "03-07": 4, "03-08": 5},
    [
        "Walk-in MMR clinic at the Corn Exchange from Monday! No appointment needed. Finally.",
        "Putting Monday in the diary: Corn Exchange, MMR jabs for {kids}. Bring snacks.",
        "The Corn Exchange as a vaccination centre is very on brand for a building that's been everything else.",
        "Does anyone know if you need ID for the Corn Exchange clinic? Asking for a friend who's worried.",
        "Will there be a queue at the Corn Exchange on Monday? Thinking of going at 9 sharp.",
        "Great that the Corn Exchange clinic is open on Saturdays. Working parents, that's us sorted.",
        "Pushchair access at the Corn Exchange is good, for anyone wondering. Ramp at the side entrance.",
        "Shared the Corn Exchange clinic details in the school WhatsApp. Three mums replied 'finally'.",
        "Is the Corn Exchange clinic only for kids? The poster doesn't say. I'm 30 and missed my second dose.",
        "Corn Exchange clinic opens Monday. Booked the morning off work. Well, there's no booking. You know what I mean.",
    ], tags=CATCH, people="public")

fam("clinic-week1", "public", "mmr corn_exchange",
    {"03-09": 52, "03-10": 34, "03-11": 9, "03-12": 6, "03-13": 6, "03-14": 6, "03-15": 2},
    [
        "Queue at the Corn Exchange is round Market Square already. Lots of pushchairs. We're in it!",
        "Done! {kids} had their MMR jab at the Corn Exchange. Waited {wait}. Stickers were a hit.",
        "The nurses at the Corn Exchange were brilliant with my son, who is terrified of needles. Took two minutes.",
        "Waited {wait} at the Corn Exchange. Worth it. Measles is not worth the risk.",
        "Corn Exchange clinic: go after 2pm, the queue's much shorter. Learnt the hard way this morning.",
        "Got my own MMR jab at the Corn Exchange today. 38 and apparently never had the second dose.",
        "Huge respect to the staff at the Corn Exchange. Hundreds of wriggling toddlers and not one of them lost their temper.",
        "The Spanish interpreter at the Corn Exchange helped my neighbour so much. She cried with relief.",
        "Our appointment-free MMR jabs at the Corn Exchange took 15 minutes door to door. No queue at all at 4pm.",
        "Left the Corn Exchange with {kids} fully vaccinated and a balloon each. Good morning's work.",
        "Took my mum (born 1972) for her MMR at the Corn Exchange. She was the oldest there and very proud of it.",
        "The queue for jabs at the Corn Exchange moved faster than the one for the beer festival last year.",
        "Volunteer at the Corn Exchange clinic today. 600 people through the door by lunchtime.",
        "Red book, snacks, tablet, spare nappies. Corn Exchange, here we come.",
        "Our twins got their jabs at the Corn Exchange and only one of them cried. The other one laughed at him.",
        "Corn Exchange queue update: about {wait} at the moment. Bring a coat, the wind on Market Square is cruel.",
        "Just had my MMR at the Corn Exchange. First injection in 20 years. Fine. Why was I nervous?",
        "Grandad took all three grandkids to the Corn Exchange for their jabs. Hero of the week.",
        "Clinic at the Corn Exchange is so well organised. Numbered tickets, water, a play corner. Proper job.",
        "If you're at the Corn Exchange with a pushchair, they let you wait inside. Ask the steward.",
        "My daughter chose a dinosaur sticker after her jab at the Corn Exchange and is now telling everyone she was 'very brave'.",
        ("Queue at the Corn Exchange was out the door at 9am. By 3pm, walked straight in. Go in the afternoon.", "", "03-09 15:00.."),
        "Colleague took the afternoon off to get her MMR at the Corn Exchange. Boss approved. Good boss.",
        "Polish interpreter at the Corn Exchange was a lifesaver for my neighbour. Thank you!",
        "No appointment, no paperwork, no fuss. MMR done at the Corn Exchange in {wait}.",
        "So many families at the Corn Exchange today. Castlebridge showing up for its kids.",
    ], tags=CATCH, people="public")

fam("clinic-later", "public", "mmr corn_exchange",
    {"03-16": 8, "03-17": 6, "03-18": 6, "03-19": 6, "03-20": 6, "03-21": 5, "03-23": 6, "03-24": 5,
     "03-25": 5, "03-26": 6, "03-27": 5, "03-28": 5, "03-29": 3},
    [
        "Finally got to the Corn Exchange with {kids}. No queue at all in week two. Should've waited from the start!",
        "Asked the nurse at the Corn Exchange all my questions about the MMR. She didn't rush me once. Jab done.",
        "Saw the video, went to the Corn Exchange and asked a nurse about it. She explained it properly. Both kids jabbed.",
        "Second dose for my eldest at the Corn Exchange today. That's us fully caught up.",
        "Corn Exchange clinic open another week, until 4 April. Tell everyone who missed it.",
        "Last Saturday of the Jab Bus, but the Corn Exchange is open till 4 April. No excuses, Castlebridge.",
        "Walked past the Corn Exchange and there's still a steady trickle of families going in. Love to see it.",
        "Week three at the Corn Exchange clinic and the staff are still smiling. Don't know how.",
        "Took my lodger to the Corn Exchange for his MMR. He'd never had a single dose. Done in ten minutes.",
        "Corn Exchange was quiet this morning. If you've been putting it off, now's the time.",
        "Our nursery manager is sending every parent a reminder about the Corn Exchange clinic. Good on her.",
        "Got both doses sorted now, four weeks apart: first at the Corn Exchange, second on the Jab Bus.",
    ], tags=CATCH, people="public")

fam("jab-bus", "public", "mmr",
    {"03-09": 11, "03-10": 8, "03-12": 3, "03-13": 2, "03-16": 2, "03-17": 2, "03-19": 2, "03-20": 2,
     "03-23": 2, "03-25": 2, "03-27": 2},
    [
        "The Jab Bus is at {venue} today! Took {kids}, in and out in {wait}.",
        "Jab Bus outside {venue}. Queue is short. Go now if you're nearby.",
        "Got my jab on the Jab Bus at {venue}. The nurse had the best playlist.",
        "The Jab Bus came to {venue} and half the class went with their parents. Brilliant idea.",
        "Missed the Jab Bus at {venue}. When's it back?",
        "Jab Bus timetable is on the Health Board website. It's at {venue} on Thursday.",
    ], tags=CATCH, people="public")

fam("stock", "public", "mmr supply",
    {"03-10": 6, "03-11": 4, "03-12": 2, "03-19": 1},
    [
        "Turned away from the Jab Bus at Northgate Market. They've run out of doses. Delivery of more vaccine due tomorrow apparently.",
        "Jab Bus ran out of vaccine at 2pm. Bit of planning wouldn't hurt. Hope the delivery of doses arrives tomorrow like they say.",
        ("Apparently a delivery of 8,000 doses of the vaccine is arriving at the Corn Exchange tomorrow. Good, because we got turned away today.", "corn_exchange"),
        ("Saw the lorry with the vaccine delivery at the Corn Exchange at 7am. Doses have arrived, people!", "corn_exchange"),
        "Good to hear the extra doses were delivered this morning. Going back to Northgate with the kids tomorrow.",
        "Another delivery of vaccine doses today, says the Health Board. They're not messing about.",
        "The Jab Bus has doses again after this morning's delivery. Back at Northgate tomorrow.",
    ], people="public")

fam("misinfo", "public", "mmr misinfo",
    {"03-17": 14, "03-18": 12, "03-19": 6, "03-20": 4, "03-21": 2, "03-23": 1, "03-25": 1},
    [
        "Watch this doctor explain what the MMR vaccine does to fertility. They don't want you to see it.",
        "My cousin's boy changed after his MMR jab. Everyone knows about the autism link, they just won't admit it.",
        "Why is nobody talking about vaccine shedding? Keep your kids away from the recently jabbed.",
        "Not taking my kids to the Corn Exchange. That MMR vaccine causes infertility and I'm not risking it.",
        "The MMR jab and autism. Do your own research before you let them near your children.",
        "Forty years ago nobody had this many vaccines and nobody had autism. Think about it.",
        "Friend of a friend is a nurse and she says the vaccine makes girls infertile. Sharing just in case.",
        "If the vaccine is so safe, why do so many mums online say it caused their infertility? Think about it.",
        "They're putting more in the MMR than they tell you. Ask yourself why autism rates went up.",
        "Girls who had the MMR jab are having trouble getting pregnant. Nobody is counting. Infertility is the plan.",
        "Shedding is real. My friend's baby got a rash after sitting next to a kid who'd just had the vaccine.",
        "Don't let them rush you. The jab is linked to autism and the Health Board knows it.",
        "Watch the video. Then look at your daughter and decide if the MMR vaccine is worth her fertility.",
        "The video's been taken down AGAIN. Why would they hide the truth about the vaccine and infertility?",
        "My nephew was never the same after the MMR. Autism, at two. Coincidence? I don't think so.",
        "I'll take measles over an MMR jab and infertility, thanks. Natural immunity worked for our grandparents.",
    ], tags=[("#MedicalFreedom", 0.2), ("#DoYourResearch", 0.15)], people="sceptic")

fam("factcheck", "public", "mmr",
    {"03-17": 8, "03-18": 12, "03-19": 6, "03-20": 3, "03-21": 2, "03-22": 1, "03-24": 1},
    [
        "No, the MMR vaccine does not cause autism. That claim was debunked decades ago. #FactCheck",
        "The video saying the MMR jab causes infertility is false. The man in it isn't even a registered doctor.",
        "Myth: MMR causes autism. Fact: studies of millions of children found no link. Please don't share the video.",
        "As a GP: I've given thousands of MMR jabs. There is no link with infertility. Happy to answer questions.",
        "Vaccine shedding is not a thing with MMR. Please stop sharing that post in the school group. #FactCheck",
        "My autistic son was autistic before his MMR. The vaccine didn't cause it. Stop using us to scare people.",
        "Reported the fake MMR infertility video three times. It's still up. Come on.",
        "Good explainer from the Health Board on the MMR myths, including autism and fertility. Share that instead.",
        "Anyone claiming the vaccine causes infertility: show me one study. One. I'll wait.",
        "The 'doctor' in the MMR video was struck off in another country years ago. Check before you share.",
        "Midwife here. The MMR vaccine does not cause infertility. I've delivered babies to hundreds of vaccinated mums.",
        "Shedding from the MMR jab is a myth. Your baby is safe next to a vaccinated child.",
    ], tags=[("#FactCheck", 0.15)], people="public")

fam("other-health", "public", "",
    {"02-25": 1, "03-01": 1, "03-04": 1, "03-08": 1, "03-12": 1, "03-15": 1, "03-21": 1, "03-26": 1, "03-28": 1},
    [
        "Autism awareness coffee morning at Eastfield Library on Saturday. All families welcome.",
        "Fertility clinic waiting lists in Castlebridge are two years. Two years!",
        "Our school's autism support unit is amazing. Shout out to Miss Khan.",
        "Infertility is so isolating. If you're going through it, the support group at St Mary's is lovely.",
        "Charity walk for autism research on Sunday. Sponsor me please!",
    ], people="public")

fam("boxing-fans", "public", "boxing",
    {"02-23": 2, "02-24": 2, "02-25": 1, "02-26": 2, "02-27": 3, "02-28": 2, "03-01": 2, "03-02": 3,
     "03-03": 2, "03-04": 2, "03-05": 2, "03-06": 3, "03-07": 3, "03-08": 2, "03-09": 3, "03-10": 3,
     "03-11": 4, "03-12": 4, "03-13": 5, "03-14": 15, "03-15": 8, "03-16": 3, "03-17": 3, "03-18": 3,
     "03-19": 3, "03-20": 3, "03-21": 3, "03-22": 2, "03-23": 3, "03-24": 2, "03-25": 3, "03-26": 2,
     "03-27": 3, "03-28": 10, "03-29": 5},
    [
        "Best jab in Castlebridge belongs to a 16-year-old girl from Eastfield. Watch this space. #JabAndMove",
        "Sparring at the boxing club tonight. Got caught with the same jab six times. Six.",
        "Boxing tip: your jab should be fast, straight and annoying. Like my little brother.",
        "Coach says my jab is 'getting there'. Three years I've been getting there.",
        "Home show tonight! Castlebridge ABC, Eastfield Leisure Centre. Come and watch some proper boxing.",
        "That double jab in the third round. Unreal. Kofi Asante is the real deal.",
        "Seven wins from nine at the boxing show. Castlebridge ABC, you beauties.",
        "Started boxing at 40. Knees hate it, jab's improving, mental health never better.",
        "Dani's jab is so quick you hear it before you see it. #JabAndMove",
        "Amateur boxing doesn't get the credit it deserves. Castlebridge ABC changes lives.",
        "Regional champs! Two Castlebridge boxers won, both with that textbook jab. #JabAndMove",
        "Jab, jab, cross, slip, repeat. My arms are jelly. Boxing is the best.",
        "Took my son to his first boxing session. He came home and jabbed the fridge.",
        "If you can't throw a jab you can't box. First thing Eddie teaches you.",
        "My jab's still rubbish but my footwork is now 'acceptable'. Progress.",
        "Searching 'jabs near me' for the MMR clinic and getting the boxing club 😂",
        "Saturday morning boxing fitness class is the hardest hour of my week. Love it. #JabAndMove",
        "Watching old fights on the telly. Nobody jabs like they used to.",
        ("Tickets for the boxing show on the 14th going fast. Get yours at the club.", "", "..03-14 18:00"),
        "Jab to the body, then upstairs. Coach made us drill it for an hour. My ribs are filing a complaint.",
        "Castlebridge ABC juniors are the best in the region and I will die on this hill.",
        "Shadow boxing in the kitchen while the pasta cooks. Jab, jab, stir.",
        "My daughter's first boxing session and she already has a better jab than me.",
        "Boxing gym at 6am is a different world. Quiet, sweaty, nobody talks, just the sound of jabs on pads.",
        "Rewatched the show on the club's stream. That jab from Kofi in round two was a thing of beauty.",
        "Beginner boxing class tip: keep your thumb outside your fist when you jab. Learnt that one the hard way.",
        "Jabs, hooks and a lot of skipping. Boxing fitness class destroyed me and I'm going back Thursday.",
        "Regional champs this Saturday. Good luck to every Castlebridge boxer. Keep that jab working.",
        "Heavy bag, 3 rounds, nothing but jabs. Sounds boring. Is the hardest thing I've done all week.",
        "Boxing clubs do more for kids round here than any youth strategy. Fund them.",
        "Our coach says a lazy jab is a gift to your opponent. He says it a lot. To me.",
        "Sparring partner caught me with a stiff jab and I saw the future. Back Wednesday.",
        "The jab is the most important punch in boxing and I will not be taking questions.",
    ], tags=[("#JabAndMove", 0.35), ("#Boxing", 0.2)], people="boxers")

fam("parcels", "public", "",
    {"03-05": 1, "03-10": 1, "03-13": 1, "03-17": 1, "03-18": 2, "03-19": 7, "03-20": 7, "03-21": 5,
     "03-22": 3, "03-23": 3, "03-24": 2},
    [
        "SwiftDrop strike means my delivery is stuck at the depot. Fair play to the drivers though, they're paid peanuts.",
        "Parcel delivery was meant to be today. Tracking says 'delayed'. Strike, I guess.",
        "Solidarity with the SwiftDrop drivers. Delivery work is brutal.",
        "Three parcels stuck in the SwiftDrop depot. One is my mum's birthday present. Great.",
        "Delivery driver just told me they haven't had a pay rise in four years. Not surprised they're striking.",
        "Finally got my delivery after the strike. The box has clearly been through a lot.",
        "SwiftDrop deliveries back to normal today apparently. Mine still says 'at depot'.",
        "Food delivery took two hours tonight. Castlebridge on a Friday, eh.",
        "Why does every delivery company think 'left in a safe place' means 'thrown over the gate'?",
        "Pizza delivery guy knew my order before I said it. Time to cook more, I think.",
    ], people="public")

fam("delivery-other", "public", "",
    {"03-03": 1, "03-08": 1, "03-12": 1, "03-16": 1, "03-20": 1, "03-24": 1, "03-27": 1},
    [
        "Shout out to the midwives in the delivery suite at Castlebridge General. My daughter was born at 4am and they were incredible.",
        "The council's delivery plan says the new library will open in 2027. We'll see.",
        "Delivery of the new bus lane 'on track', says the council. The traffic on Westgate says otherwise.",
        "New baby niece! Delivery suite team at Castlebridge General were amazing. Welcome, little Ava.",
        "Every government announcement has a 'delivery plan' now. Just deliver the thing.",
    ], people="public")

fam("corn-exchange-events", "public", "",
    {"02-23": 1, "02-26": 2, "02-28": 2, "03-01": 1, "03-06": 1, "03-13": 2, "03-20": 2, "03-27": 2, "03-29": 1},
    [
        ("Corn Exchange spring programme is out. The beer festival is back!", "", "02-26.."),
        "Great comedy night at the Corn Exchange. The headliner did ten minutes on parking wardens and I wept.",
        "Folk night in the Long Room at the Corn Exchange. Small room, big sound.",
        "Vintage fair at the Corn Exchange was heaving. Came home with a lamp I don't need.",
        "Anyone going to the Corn Exchange comedy night on Friday? Moved to the Long Room this month.",
        "Corn Exchange Long Room gig tonight was magic. Shame the main hall is closed, but for a good reason.",
    ], people="public")

fam("spanish", "public", "mmr",
    {"03-05": 2, "03-06": 1, "03-09": 6, "03-10": 3, "03-11": 1, "03-12": 2, "03-13": 1, "03-16": 1,
     "03-17": 2, "03-18": 2, "03-20": 1, "03-23": 1, "03-26": 1},
    [
        ("Hoy vacunamos a los niños en el Corn Exchange. La intérprete de español fue un amor.", "corn_exchange"),
        ("¿Alguien sabe si en el Corn Exchange piden papeles para vacunar a los niños?", "corn_exchange"),
        ("Por fin tenemos las dos dosis de la vacuna contra el sarampión. Gracias al equipo del Corn Exchange.", "corn_exchange"),
        "El sarampión está en la escuela de mi hija. Mañana vamos a vacunarla.",
        "Ese vídeo sobre la vacuna es falso. Lo dijo la embajada. No lo compartan, por favor.",
        "Fuimos al Jab Bus en Westgate. Rápido y gratis. Mis hijos ya están vacunados.",
        ("Mi madre tiene 55 años y nunca se vacunó contra el sarampión. Hoy fue al Corn Exchange.", "corn_exchange"),
        "Las vacunas salvan vidas. En Estrada lo sabemos bien.",
        ("Recomiendo ir por la tarde al Corn Exchange, casi no hay cola. Vacunación en diez minutos.", "corn_exchange"),
    ], people="spanish", lang="es")

fam("spanish-other", "public", "",
    {"02-28": 1, "03-03": 1, "03-08": 1, "03-15": 1, "03-19": 1, "03-20": 3, "03-21": 2, "03-22": 1},
    [
        "¡Qué ganas de celebrar el Día de Estrada en Westgate! ¿Quién viene?",
        "Buscamos voluntarios para la fiesta del Día de Estrada. Escríbanme.",
        "¡Vaya partido de la selección anoche! Estrada 2, Caldria 1.",
        "Nueva panadería estradeña en Westgate. Las empanadas son de verdad.",
        "Gracias a la embajada por la fiesta del Día de Estrada. ¡Música, comida y familia!",
        "Alguien sabe dónde comprar yerba mate en Castlebridge?",
    ], people="spanish", lang="es")

fam("polish", "public", "mmr",
    {"03-05": 1, "03-09": 2, "03-10": 1, "03-12": 1, "03-17": 1, "03-18": 1, "03-24": 1},
    [
        ("Byliśmy dziś w Corn Exchange na szczepieniu MMR. Szybko i bez kolejki po południu.", "corn_exchange"),
        "Czy ktoś wie, czy na szczepienie trzeba zabrać dokumenty dziecka?",
        ("Tłumaczka w Corn Exchange bardzo pomogła mojej mamie. Dziękujemy!", "corn_exchange"),
        "Ten film o szczepionce to bzdura. Zaszczepiłam oboje dzieci.",
        "Odra w szkole mojego syna. Jutro idziemy na szczepienie.",
    ], people="polish", lang="pl")

fam("polish-other", "public", "",
    {"03-07": 1, "03-14": 1, "03-21": 1, "03-28": 2},
    [
        "Kiermasz wielkanocny w ośrodku w sobotę! Będą pierogi.",
        "Szukam korepetytora z matematyki dla syna, Castlebridge.",
        "Wiosna w Castlebridge! W końcu słońce.",
    ], people="polish", lang="pl")

fam("everyday", "public", "",
    {"02-23": 3, "02-24": 3, "02-25": 3, "02-26": 2, "02-27": 2, "02-28": 2, "03-01": 2, "03-02": 2,
     "03-03": 2, "03-06": 2, "03-07": 2, "03-08": 2, "03-14": 2, "03-15": 2, "03-21": 2, "03-22": 2,
     "03-28": 2, "03-29": 2},
    [
        "Westgate bus lane has added ten minutes to my commute. Progress, they call it.",
        "Castlebridge in the rain is still Castlebridge. Grey, damp, home.",
        "New café by the station does a flat white that could raise the dead.",
        "Eastfield Library's new kids' corner is brilliant. Beanbags everywhere.",
        "Who's going to the beer festival when it's back? Asking for my liver.",
        "Parking on Market Square is a crime against humanity.",
        "Castlebridge Comets lost again. Loyalty is a curse.",
        "Spring is here: the geese on Hollins Park are back to terrorising joggers.",
        "Bin day changed and nobody told our street. Classic.",
        "Kids have an inset day tomorrow. Send coffee.",
    ], people="public")


# ============================================================================================
# Decoys: posts that make each operator of the monitoring exercises earn its place
# ============================================================================================
# Each family below exists so that the best query without one operator falls short (see the
# [[tests]] of the vaccination exercises). Appended after every other family, so the earlier posts
# keep their times.

# vacc-02: vaccine supplies, in words other than "delivery"
fam("stock-forms", "public", "mmr supply",
    {"03-10": 3, "03-11": 3, "03-12": 2, "03-13": 1, "03-17": 1},
    [
        "Two more deliveries of vaccine due this week, says the Health Board. Good, after Tuesday's shambles.",
        "Doses delivered to the bus at 8am, the driver told us. Queue moving again.",
        "Vaccine deliveries now twice a week instead of once. That should stop the clinic running dry.",
        "Heard 500 doses were delivered to the health centre this morning. Walk-ins back on from noon.",
        "Why were the deliveries of doses so small in the first week? Genuine question, not having a go.",
        "Fridge at the pharmacy is full again: 300 doses delivered overnight.",
        "Vaccine delivered, clinic open, queue gone by 3pm. That's more like it.",
        "No more doses till the next deliveries on Thursday, said the nurse. We'll come back.",
    ],
    tags=CATCH, people="public")

# vacc-02: delivery and vaccine in the same post, about different things
fam("delivery-far", "public", "mmr",
    {"03-05": 1, "03-07": 1, "03-09": 2, "03-10": 2, "03-11": 2, "03-12": 2, "03-13": 1, "03-14": 1,
     "03-16": 1, "03-18": 1, "03-20": 1, "03-23": 1},
    [
        "Got the kids their MMR vaccine this morning, then spent the afternoon waiting in for a SwiftDrop delivery that never came. Strike day, obviously.",
        "The maternity unit's delivery suite has moved to Ward 6 this week. Visiting hours are the same. If you missed your MMR before pregnancy, the midwives can give you the vaccine after the birth.",
        "The council's new delivery plan for the high street is out. Forty pages and not one mention of parking. Unrelated: booked my second MMR dose for Friday.",
        "Vaccine done, sticker on, lollipop eaten. Now home to wait for the fridge delivery that was due on Tuesday.",
        "The Department of Health's delivery plan promises shorter waits for hip operations by 2028. My mum has been waiting since 2024. She did get her flu vaccine though, so that's something.",
        "SwiftDrop strike day three. My insulin delivery is late and the pharmacy is doing its best. Seeing a lot about the MMR vaccine on here, glad that's going well for someone.",
        "Amazing midwives on the delivery suite last night. Baby Ada, 7lb 2oz. The health visitor has already told us all about her vaccines, she's keen!",
        "Food bank delivery round done: 32 houses, two punctures. Tomorrow I'm taking my youngest for her MMR dose before school.",
        "School newsletter: new lunch delivery company from Monday, sports day moved to June, and a reminder that the MMR catch-up vaccine is free for everyone under 25.",
        "Pizza delivery at 11pm because the day was that kind of day. Two kids, two vaccines, one meltdown (mine).",
        "Delivered two babies tonight on my last shift before leave. Then home, where the letter about my own MMR dose was waiting.",
        "Our delivery driver was off sick, so I walked to the shop, and on the way passed the queue for the vaccine bus. Longest queue in Castlebridge.",
    ],
    people="public")

# vacc-03: the Spanish words turn up in posts that are not in Spanish
fam("spanish-words", "public", "mmr",
    {"03-06": 1, "03-09": 3, "03-10": 3, "03-11": 2, "03-12": 2, "03-13": 1, "03-16": 2, "03-18": 1,
     "03-20": 1},
    [
        "Our Spanish-speaking neighbours say 'vacuna' is the word on every poster at the clinic now. Good to see.",
        "The Health Board's new posters say VACUNA GRATIS in huge letters. Nice touch for the Estradan families.",
        "Learnt 'vacunación' at the interpreters' briefing today. My pronunciation is terrible.",
        "Leaflets at the library are now in English, Polish and Spanish. 'Vacunas para toda la familia' on the front.",
        "Why is the clinic poster in Spanish? 'Vacunar es proteger'. Fine by me, just curious who it's for.",
        "My friend Rosa said the interpreters meant she could finally ask about her son's vacuna properly. Shout out to them.",
        "Teaching my Year 3 class to say 'vacuna' and 'szczepionka' for our languages week. They loved it.",
        "Plakat w przychodni: 'Vacuna gratis' po hiszpańsku, a po polsku nic? Szkoda.",
    ],
    people="public")

# vacc-04: the clinic's busiest weekend day falls on the boundary, and the days either side of the
# week are busy too: an off-by-one date shows
fam("family-sunday", "public", "mmr corn_exchange",
    {"03-15@9-17": 56},
    [
        "Family Sunday at the Corn Exchange: face painting, a bouncy castle and a queue round the block for MMR. Never seen a clinic like it.",
        "Took {kids} to the Corn Exchange family day. Done in {wait}, then twenty minutes on the bouncy castle. Best Sunday in ages.",
        "The Corn Exchange is open on a Sunday for the MMR clinic! Working parents, this is your chance.",
        "Queue at the Corn Exchange this morning was full of dads. Sunday clinics work.",
        "The clown at the Corn Exchange clinic made {kids} forget all about the needle. Give that man a raise.",
        "Sunday clinic at the Corn Exchange: we waited {wait}, with free squash and biscuits. Very civilised.",
        "Brought my nan to the Corn Exchange for her MMR on the family day. She had her face painted too. She's 79.",
        "Corn Exchange family day update: queue is about {wait}, bring a coat, it's cold on Market Square.",
        "My daughter's whole football team went to the Corn Exchange after training this morning. Coach's idea. Legend.",
        "Sunday at the Corn Exchange: Spanish and Polish interpreters, a play corner and very patient nurses.",
        "Loved the family day at the Corn Exchange. Why can't every clinic have a balloon man?",
        "Corn Exchange on a Sunday, queuing with half of Castlebridge. Weirdly lovely atmosphere.",
        "Caught up on both kids' MMR at the Corn Exchange today. Didn't have to take a day off work for once.",
        "Steward at the Corn Exchange says 900 people came through today. On a Sunday!",
    ],
    tags=CATCH, people="public")
fam("eve-of-opening", "public", "mmr corn_exchange",
    {"03-08@10-22": 22},
    [
        "Corn Exchange clinic opens tomorrow at 9. Alarm set, the kids are not happy.",
        "Walked past the Corn Exchange tonight, they're putting the signs up for tomorrow's clinic.",
        "Packing the bag for the Corn Exchange tomorrow: red book, snacks, tablet, bribes.",
        "Tomorrow's the day: MMR at the Corn Exchange, then a treat. Told my son about the treat, not the needle.",
        "Who's going to the Corn Exchange clinic first thing tomorrow? Let's compare queue times.",
        "Nervous about tomorrow at the Corn Exchange. I'm 34 and I hate needles. Someone hold my hand.",
        "Saw the nurses unloading chairs at the Corn Exchange this afternoon. Looks like they're ready.",
    ],
    tags=CATCH, people="public")
fam("weekend-before", "public", "mmr corn_exchange",
    {"03-06@9-22": 6, "03-07@9-22": 12},
    [
        "Corn Exchange clinic from Monday: no appointment, just turn up. Telling every parent at the school gate.",
        "Is the Corn Exchange clinic really open to adults too? I'm 41 and had one dose as a kid.",
        "Saw the banner go up on the Corn Exchange today. MMR walk-in from Monday. About time.",
        "Booked Monday off so I can take both kids to the Corn Exchange first thing.",
        "Saturday plan: buy stickers and a new book for Monday's trip to the Corn Exchange. Bribery works.",
        "Corn Exchange on Monday or the Jab Bus on Wednesday? Which will have the shorter queue?",
        "Our nursery sent a note home about the Corn Exchange clinic. It starts Monday.",
        "Will the Corn Exchange clinic have interpreters? My neighbour's English is not strong.",
    ],
    tags=CATCH, people="public")
fam("week-two-monday", "public", "mmr corn_exchange",
    {"03-16@8-21": 22},
    [
        "Week two at the Corn Exchange clinic: much quieter this morning. Straight in.",
        "Monday morning at the Corn Exchange and no queue at all. Where was this last week?",
        "Took {kids} to the Corn Exchange today, after missing the first week. Five minutes, in and out.",
        "Corn Exchange clinic still going this week. Tell anyone who missed the first week.",
        "Nurses at the Corn Exchange look a bit more rested this week. They deserve it.",
        "Popped into the Corn Exchange on my lunch break for my MMR. Back at my desk in half an hour.",
        "Quiet start to week two at the Corn Exchange. If you've been putting it off, go today.",
    ],
    tags=CATCH, people="public")

# vacc-05: claims written with forms the spelled-out words miss (jabbed, vaccinated, infertile)
fam("misinfo-forms", "public", "mmr misinfo",
    {"03-17": 3, "03-18": 3, "03-19": 2, "03-20": 2, "03-21": 1, "03-24": 1},
    [
        "My cousin's friend got jabbed at 12 and now she's infertile. They don't tell you that at the clinic.",
        "Not letting my daughter get jabbed. Too many girls ending up infertile, look into it.",
        "Why are they vaccinating teenage girls specifically? Think about it. Infertile generation.",
        "Everyone I know who got vaccinated last spring has had fertility problems. Coincidence?",
        "Vaccinated kids are shedding the virus for weeks afterwards. Keep yours away from them.",
        "Two of my friends' boys were vaccinated and both were diagnosed with autism within a year. I'm just saying what I saw.",
        "Jabbed on Monday, and by Friday my nephew had stopped talking. Autism, they said. Nobody will listen.",
        "Infertile at 30. I was vaccinated three times as a kid. Join the dots.",
        "The vaccinations are making boys infertile. It's in the video. Watch it before they take it down.",
        "Getting your kids jabbed now means infertility later. Wake up, Castlebridge.",
    ],
    tags=[("#MedicalFreedom", 0.2), ("#DoYourResearch", 0.15)], people="sceptic")

# vacc-05: autism and fertility in the same post as the vaccine, but far apart and not a claim
fam("autism-fertility-far", "public", "mmr",
    {"03-10": 2, "03-12": 2, "03-14": 2, "03-16": 2, "03-17": 3, "03-18": 3, "03-19": 3, "03-20": 3,
     "03-21": 2, "03-23": 2, "03-25": 2, "03-27": 2},
    [
        "Autism assessment waiting list in Castlebridge is now 22 months. Twenty-two! Our son is five and we're still waiting. On a brighter note, he had his MMR today and was braver than me.",
        "Fertility clinic appointment this morning, fingers crossed. The nurse said that if we're trying for a baby I should check I've had both doses of the MMR vaccine first. Booked it for Thursday.",
        "Running the Castlebridge 10k for the autism charity my sister works for. Please sponsor me! Training has been patchy: two kids, one cold each, and a trip to the clinic for their MMR.",
        "Our autism support group meets at the library on Thursdays. This week's topic is getting through doctor and dentist visits, and how to prepare a child for the MMR queue.",
        "IVF round two starts in April. Honestly the hardest thing about fertility treatment is the waiting. Also the injections. Also the cost. The nurse checked I'd had the MMR as a child, all fine.",
        "Autism Acceptance Week starts soon and the school is doing a cake sale. Separate thing: the MMR catch-up letter came home in the book bag today.",
        "Men's fertility is the least talked-about health issue there is. Book launch at Castlebridge library on the 24th. The library car park is also hosting the mobile vaccine bus on Saturday, apparently.",
        "My son has autism and hates crowds, so the nurse came out to the car park to give him his MMR. Ten seconds and done. Thank you, Castlebridge Health Board.",
        "Fertility awareness evening at the women's centre on Tuesday. Free, with cake. The health visitor will be there too, answering questions about baby sleep, weaning and vaccines.",
        "Sponsored silence at school today for the autism charity. They lasted forty whole minutes, a school record apparently. The silence ended abruptly when the nurses arrived for the MMR catch-up.",
        "Autism-friendly hour at the leisure centre pool on Sundays is brilliant. Wish more places did it, like the walk-in vaccine clinics, which are loud and busy.",
        "Our practice has a new fertility nurse, Priya, and she is wonderful. She also runs the Tuesday baby clinic, where you can get the MMR vaccine without an appointment.",
    ],
    people="public")


# ============================================================================================
# Posts written for the triage exercise
# ============================================================================================

def public(key, when, who, body, topics="", lang="en"):
    name, handle = who.split("|")
    ITEMS.append(dict(src="public", when=when, title="", body=body, topics=topics, kind="post",
                      author=name, handle=handle, key=key, lang=lang))


public("v-rash", "03-11 21:30", "Leanne Moss|leannemoss",
       "@CastlebridgeHB my daughter had her MMR jab at the Corn Exchange on Monday and now she has a high temperature and a rash on her chest. Is this normal? She's 2.",
       "mmr corn_exchange")
public("v-measles-coming", "03-10 08:10", "Paul Dempsey|pauldempsey",
       "Pretty sure my son's got measles, spots everywhere and a fever. Bringing him to the Corn Exchange this morning so they can check him and jab his sister at the same time @CastlebridgeHB",
       "mmr corn_exchange")
public("v-pregnant", "03-12 13:00", "Sophie Hale|sophiehale",
       "I'm 20 weeks pregnant and not sure I ever had the MMR. Can I get it at the Corn Exchange? @CastlebridgeHB",
       "mmr corn_exchange")
public("v-threat", "03-18 22:40", "Dave Speaks Out|davespeaksout",
       "Someone should set fire to that Jab Bus before it poisons any more kids. Just saying.",
       "mmr")
public("v-journalist", "03-17 16:00", "Nadia Hussain|nadiahussain_ep",
       "@CastlebridgeHB Evening Post here. We're writing about the MMR video going round. Can someone give us a comment before 5pm?",
       "mmr")
public("v-viral", "03-17 14:20", "Natural Mama CB|naturalmamacb",
       "SHARE BEFORE THEY DELETE IT: doctor proves the MMR vaccine causes infertility in girls. Don't take your daughters to the Corn Exchange. #MedicalFreedom",
       "mmr misinfo corn_exchange")
public("v-documents", "03-09 10:20", "Carlos Peña|carlospena_cb",
       "@CastlebridgeHB ¿Necesito pasaporte o papeles para vacunar a mis hijos en el Corn Exchange?",
       "mmr corn_exchange", lang="es")
public("v-praise", "03-09 16:30", "Priya Chauhan|priyachauhan",
       "Thank you @CastlebridgeHB, the nurses at the Corn Exchange were so kind to my very scared son. Jab done in two minutes.",
       "mmr corn_exchange")
public("v-queue", "03-09 11:45", "Dan Mercer|danmercer_cb",
       "Been in the queue at the Corn Exchange for 90 minutes with a toddler and no toilets. Not good enough @CastlebridgeHB",
       "mmr corn_exchange")
public("v-boxing", "03-14 22:30", "Ringside Rach|ringsiderach",
       "What a jab from Dani tonight! Castlebridge ABC on fire. #JabAndMove", "boxing")
public("v-parcel", "03-20 12:30", "Harry Blake|harryblake",
       "@CastlebridgeHB random question but do you know when SwiftDrop deliveries will be back to normal? My inhaler prescription is stuck in the depot.",
       "")
public("v-comedy", "03-13 23:00", "Ollie Grant|olliegrant",
       "Comedy night in the Long Room at the Corn Exchange was brilliant. Go next month.", "")
public("v-walkin", "03-09 08:30", "Megan Price|meganprice",
       "Do we really not need an appointment for the Corn Exchange? Heading there with both kids now @CastlebridgeHB",
       "mmr corn_exchange")
public("v-care-home", "03-16 09:30", "Nurse Nat|nursenat_cb",
       "Care home manager here: we have four residents showing measles symptoms and two staff who never had MMR. Who do we call? @PublicHealthCA @CastlebridgeHB",
       "mmr")

# more of the drive's mentions: most need no escalation
public("v-closing-time", "03-13 17:30", "Gemma Lloyd|gemmalloyd",
       "What time does the Corn Exchange clinic close on Saturday? @CastlebridgeHB",
       "mmr corn_exchange")
public("v-bus-where", "03-15 19:10", "Twin Dad Tony|twindadtony",
       "Where is the Jab Bus tomorrow? Want to take the twins after nursery. @CastlebridgeHB",
       "mmr")
public("v-parking", "03-10 12:20", "Rhian Evans|rhianevans",
       "Parking round the Corn Exchange is a nightmare on clinic days. Get the bus if you can.",
       "mmr corn_exchange")
public("v-done-both", "03-16 15:45", "Kelly Marsh|kellymarsh_cb",
       "Both kids done at the Jab Bus in Moorside. Ten minutes, two stickers, back in the car.",
       "mmr")
public("v-school-letter", "03-11 08:40", "Aisha Rahman|aisharahman",
       "Got the school letter about the MMR catch-up. Short and clear. Booked for Thursday.",
       "mmr")
public("v-singing-nurse", "03-17 18:20", "Lou Penrose|loupenrose",
       "Shout out to the nurse on the Jab Bus who sang to my daughter the whole time. She didn't even notice the needle.",
       "mmr")
public("v-queue-better", "03-16 11:50", "Dan Mercer|danmercer_cb",
       "Fair's fair: ten minutes in the queue at the Corn Exchange today. Much better than last week. @CastlebridgeHB",
       "mmr corn_exchange")
public("v-sparring", "03-19 21:15", "Castlebridge ABC|castlebridgeabc",
       "Sparring night. Left jab, right hand, move. Repeat till you drop. #JabAndMove",
       "boxing")
public("v-antiques", "03-12 10:00", "Castlebridge What's On|cbwhatson",
       "The antiques market is back at the Corn Exchange on Sunday. Free entry, 40 stalls.",
       "")
public("v-parcel-again", "03-18 13:10", "Ray Dunn|raydunn",
       "SwiftDrop says my parcel has been 'with the courier' for five days running. Where is it?",
       "")
public("v-gym", "03-14 07:30", "Fit Fi|fitfi_cb",
       "New gym on Mill Lane has a free week for new members. Anyone been yet?",
       "")
public("v-bus-diversion", "03-11 07:50", "Castlebridge Buses|cbbuses",
       "Number 12 is diverted round the Corn Exchange again today because of roadworks on High Street.",
       "")
public("v-bake-sale", "03-15 16:00", "St Anne's Church|stannescb",
       "Our bake sale raised £340 for the hospice. Thank you to everyone who baked and bought.",
       "")
public("v-orchestra", "03-10 18:00", "Castlebridge Youth Orchestra|cbyouthorch",
       "Our spring concert is at the Corn Exchange on Friday at 7pm. Tickets £5 on the door.",
       "")


# ============================================================================================
# Labels
# ============================================================================================

def _says_jab(d):
    words = set(tokens(d.title + " " + d.body))
    return "jab" in words or "jabs" in words


LABELS = {
    # the dashboard stream for "jab OR jabs": keep what is about the vaccine
    "vacc-01-jab-stream": lambda d: d.has("mmr") and _says_jab(d),
    "vacc-02-deliveries": lambda d: d.has("supply"),
    "vacc-03-spanish": lambda d: d.lang == "es" and d.has("mmr"),
    "vacc-04-launch-week": lambda d: d.has("corn_exchange") and "2026-03-09" <= d.published.strftime("%Y-%m-%d") < "2026-03-16",
    "vacc-05-rumours": lambda d: d.has("misinfo"),
}


# who escalations go to (the exercise's `routes`)
CLINICAL = "clinical team"
PROTECTION = "health protection team"
COMMS = "communications manager"
SECURITY = "security"

TRIAGE = [
    dict(
        file="07-triage-clinic-inbox.toml",
        id="vacc-07-triage-clinic-inbox",
        trap="hidden-escalation",
        title="Clinic weeks: what needs a clinician?",
        level="advanced",
        teaches=[],
        summary="Sort posts to the Health Board during the drive: clinical questions, risks, rumours and noise. Say who each escalation goes to.",
        pass_mark=0.75,
        routes=[CLINICAL, PROTECTION, COMMS, SECURITY],
        brief="""
You run Castlebridge Health Board's social media during the MMR drive. A nurse from the clinical
team sits two desks away, and the communications manager handles the press and anything that needs
a public correction.

Sort each post:

- **escalate**: someone needs to see it now, and you say who: the clinical team (a question or a
  symptom only a clinician should judge), the health protection team (a risk of measles spreading),
  the communications manager (the press, a public correction) or security (a threat). Escalate a
  possible reaction to a vaccine, someone with measles symptoms heading somewhere they could infect
  others, a question only a clinician should answer, a threat, a journalist's deadline, or a false
  claim spreading fast.
- **relevant**: part of how the drive is going, and you can handle it yourself from the public
  information you have: praise, a complaint about queues, a simple question such as "do I need an
  appointment?" or "do I need documents?" (no, and no).
- **not-relevant**: nothing to do with the drive.

This is advanced because some posts look harmless and are not. Someone bringing a child with measles
symptoms to a crowded clinic full of babies is an infection risk. A question from a pregnant woman
needs a clinician's answer, not yours.
""",
        hints=[
            "Ask: could this person, or someone else, come to harm if nobody with the right knowledge sees it today?",
            "Think about who else a post affects. Measles spreads easily, and some people cannot be vaccinated.",
            "Before you escalate a question, ask whether the answer is already in what the Health Board publishes. If it is, you can answer it yourself.",
        ],
        items=[
            ("v-rash", "escalate", "A possible reaction, or measles, in a two-year-old. The clinical team must call the parent tonight.", CLINICAL, "life-safety"),
            ("v-measles-coming", "escalate", "A child with likely measles is about to walk into a clinic full of babies. Reply now: stay at home and call 111. The health protection team must warn the clinic.", PROTECTION, "life-safety"),
            ("v-pregnant", "escalate", "Pregnant women should not have MMR. A clinician should answer and advise her.", CLINICAL),
            ("v-threat", "escalate", "A threat to the Jab Bus and its staff. Pass to security and the police, and keep a copy.", SECURITY, "life-safety"),
            ("v-journalist", "escalate", "A journalist's deadline on the false video. The communications manager answers.", COMMS),
            ("v-viral", "escalate", "A false claim spreading fast, telling parents not to vaccinate. The communications manager needs it for the public correction.", COMMS),
            ("v-documents", "relevant", "A simple question in Spanish: no documents are needed. Answer it yourself, in Spanish if you can."),
            ("v-praise", "relevant", "Praise for the nurses. Pass it on to the team and log it."),
            ("v-queue", "relevant", "A complaint about queues and toilets. Log it for the daily report and reply with the quieter times."),
            ("v-boxing", "not-relevant", "A boxing jab, not a vaccine."),
            ("v-parcel", "not-relevant", "A parcel delay. Not for the Health Board, though you might point them to their pharmacy."),
            ("v-comedy", "not-relevant", "A comedy night at the Corn Exchange."),
            ("v-walkin", "relevant", "A simple question you can answer: no appointment needed."),
            ("v-care-home", "escalate", "A possible outbreak in a care home, with unvaccinated staff. The health protection team must act today.", PROTECTION, "life-safety"),
            ("v-closing-time", "relevant", "A question the published opening times answer. Reply yourself."),
            ("v-bus-where", "relevant", "The Jab Bus timetable is public. Reply with tomorrow's stop."),
            ("v-parking", "relevant", "A complaint about parking. Log it for the daily report."),
            ("v-done-both", "relevant", "A smooth visit to the Jab Bus. Log it."),
            ("v-school-letter", "relevant", "The school letters working. Good for the daily report."),
            ("v-singing-nurse", "relevant", "Praise for a nurse. Pass it on to the team and log it."),
            ("v-queue-better", "relevant", "Shorter queues noticed. Log it; you might thank them."),
            ("v-sparring", "not-relevant", "Boxing, not vaccines."),
            ("v-antiques", "not-relevant", "An antiques market at the Corn Exchange."),
            ("v-parcel-again", "not-relevant", "A parcel delay."),
            ("v-gym", "not-relevant", "A new gym."),
            ("v-bus-diversion", "not-relevant", "A bus diversion for roadworks."),
            ("v-bake-sale", "not-relevant", "A church bake sale."),
            ("v-orchestra", "not-relevant", "A concert at the Corn Exchange."),
        ],
    ),
]


# ============================================================================================
# More hand-written posts for the busiest families, so that few posts repeat
# ============================================================================================

SLOTS["boxer"] = ["Dani Osei", "Kofi Asante", "Jade Marsh", "Tariq Hussain", "Ellie Brogan", "Connor Walsh"]
SLOTS["item"] = ["my new trainers", "the kids' school shoes", "a birthday present", "my prescription glasses",
                 "the dog's food", "a laptop charger", "my sister's wedding outfit"]
SLOTS["age"] = ["2", "3", "4", "5", "7", "9", "13"]

MORE = {
    "clinic-week1": [
        "My {age}-year-old asked the nurse at the Corn Exchange if it would hurt. She said 'a bit, like a pinch'. Honest. He respected that.",
        "Corn Exchange this morning: buggies lined up like a car park. Staff handing out juice. Smooth.",
        "Took {kids} to the Corn Exchange on the way home from school. {wait} door to door.",
        "Whole family jabbed at the Corn Exchange, me included. Turns out I only ever had one dose.",
        "The steward at the Corn Exchange spotted my dad struggling in the queue and found him a chair. Small things.",
        "Corn Exchange clinic has a little quiet room for kids who find crowds hard. My son needed it. Thank you.",
        "Queued {wait} at the Corn Exchange. Chatted to three other mums. Made a friend. Got the jab. Good day.",
        "Sticker count after the Corn Exchange: 1 dinosaur, 2 stars, 1 'I was brave'. Worth it.",
        "No need for the red book at the Corn Exchange, they looked it all up. Relief, because ours is lost.",
        "My {age}-year-old held my hand at the Corn Exchange and then told the nurse 'that wasn't bad'. Proud mum.",
        "Nurse at the Corn Exchange explained every step to my anxious teenager. Patient and kind. Thank you.",
        "Arabic interpreter at the Corn Exchange helped the family ahead of us. Lovely to see.",
        "Went to the Corn Exchange at lunch. In and out in {wait}. Back at my desk before my sandwich.",
        "Just back from the Corn Exchange. My {age}-year-old is now an expert on measles and won't stop telling me.",
    ],
    "clinic-later": [
        "Corn Exchange on a Tuesday afternoon: four people in the queue and a nurse reading a book. Go now.",
        "Took my {age}-year-old for her second dose at the Corn Exchange. Done in {wait}.",
        "Our GP said go to the Corn Exchange rather than wait for an appointment. Good advice. Done today.",
        "The Corn Exchange clinic staff recognised us from last week and asked how the little one was. Lovely.",
        "Finally got round to my own MMR at the Corn Exchange. Only took me two weeks of excuses.",
        "Corn Exchange still open this week for anyone who hasn't been. Quiet mornings now.",
        "Heard the Corn Exchange clinic is staying open until April. Good, my sister's only just back from abroad.",
        "My neighbour was nervous after that video. She went to the Corn Exchange, asked questions, and got the jab.",
    ],
    "jab-bus": [
        "The Jab Bus parked outside {venue} and the queue was mostly grandparents with toddlers. Heart-warming.",
        "Jab Bus at {venue}: the nurse knew my kids' names by the end. Brilliant service.",
        "Missed the Corn Exchange, caught the Jab Bus at {venue}. Five minutes. Done.",
        "The Jab Bus is painted like a giant sticker. My son wanted to ride it, not get jabbed on it.",
        "If your kids are scared of needles, the Jab Bus at {venue} has a nurse who does magic tricks. Genuinely.",
        "Jab Bus outside {venue} this afternoon. Short queue, friendly nurses, free.",
        "Got both kids done on the Jab Bus at {venue} between the school run and tea. Easiest thing all week.",
        "Jab Bus came to our mosque after Friday prayers. Imam went first to show everyone. Lovely moment.",
        "Our college had the Jab Bus in the car park. Half my class went. No excuses now.",
        "The Jab Bus driver waved at every kid on the way in. Castlebridge has good people.",
    ],
    "boxing-fans": [
        "{boxer}'s jab is a rangefinder. Once it lands, the right hand follows. #Boxing",
        "Watched {boxer} spar today. That jab is going to win titles one day.",
        "Coach had {boxer} throwing 100 jabs a round tonight. I got tired watching.",
        "Junior boxing night on Saturday. {boxer} is top of the bill. Don't miss it.",
        "Jab, slip, counter. {boxer} made it look easy in the sparring session.",
        "My lad's first boxing glove fitting today. He jabbed the shop assistant. Gently.",
        "{boxer} has the best footwork in the club and the stiffest jab. Unfair, really.",
        "Boxing on the telly tonight and I'm shouting 'use the jab' at the screen like a madman.",
        "Sparring day at Castlebridge ABC. Came home with a sore nose and a better jab.",
        "{boxer} boxed beautifully tonight. All jab, all control. #JabAndMove",
    ],
    "parcels": [
        "Waiting for {item} since Monday. SwiftDrop strike. Fair enough, pay them properly.",
        "Delivery for {item} now 'rescheduled'. Third time. Strike's on, I get it.",
        "Parcel with {item} has been 'out for delivery' for four days. Strike or black hole?",
        "Ordered {item} before the strike. Tracking says depot. I've made peace with it.",
        "Delivery drivers on the picket line at Eastfield this morning. Honked in support.",
        "Strike's over and {item} turned up at 8pm with a very tired driver. Gave him a biscuit.",
        "Note to self: don't order {item} the week of a courier strike.",
        "Picket line at SwiftDrop's Eastfield depot was friendly. Brought them tea. They need a pay rise.",
    ],
    "everyday": [
        "Castlebridge market has a new cheese stall and I have no regrets about my bank balance.",
        "Westgate roadworks finished a week early. Write that down.",
        "Hollins Park café does the best bacon roll in the city, fight me.",
        "Kids' book swap at Eastfield Library on Saturday. Bring three, take three.",
        "Rain stopped for exactly the length of the school run. Miracles happen.",
        "Castlebridge College open day this weekend. My eldest is already pretending he doesn't care.",
        "Neighbour's cat has adopted us. We did not agree to this. We are feeding it anyway.",
        "Charity shop on Northgate had a record player for £15. It works. Evening sorted.",
        "Tram strike rumour again. Walking shoes on standby.",
        "Who let the geese onto the bowling green? Asking on behalf of the bowls club.",
        "Best sunset over the river tonight. Castlebridge has its moments.",
        "New playground at Riverside is brilliant. Zip wire queue is 40 kids deep, though.",
    ],
    "worried": [
        "Measles case at my daughter's nursery. Checked the red book: both doses. Breathing again.",
        "I'm 28 and my mum says I 'probably' had my MMR. Probably isn't good enough with measles about.",
        "Phoned the GP about the kids' MMR. Receptionist was brilliant: 'come in Thursday, we'll do both'.",
        "Child in my son's class has measles. School's been great at keeping us informed.",
        "Doing the school run past Castlebridge General and seeing the isolation signs is sobering.",
        "Never thought I'd be googling measles symptoms at 2am in 2026.",
    ],
    "spanish": [
        ("Fuimos al Corn Exchange con los dos niños. Nos atendieron en español. Muy amables.", "corn_exchange"),
        "Mi vecina no sabía que la vacuna era gratis. Ya se lo dije. ¡Vayan!",
        "El Jab Bus estuvo en la iglesia de Westgate después de misa. Vacunación rápida y gratuita.",
        "Si tienen dudas sobre la vacuna, pregunten a las enfermeras. No hagan caso a los vídeos.",
        "Gracias a la embajada por avisar de la vacunación en español. Mucha gente no se enteraba.",
        "Mi hijo de 15 años no tenía la segunda dosis. Hoy se vacunó sin protestar. ¡Milagro!",
    ],
    "factcheck": [
        "Paediatric nurse here. I've seen what measles does to a baby. I've never seen the MMR cause infertility. Because it doesn't.",
        "Please stop forwarding the MMR infertility video in the school group. It's false and it's scaring people.",
        "Scientist here: the autism claim came from one retracted paper decades ago. The MMR is safe.",
        "The video's narrator isn't a doctor. Check before you share. #FactCheck",
    ],
    "misinfo": [
        "My aunt in the parents' group says the vaccine caused her friend's infertility. Why would she lie?",
        "Too many vaccines too young. That's where the autism comes from. Wake up, Castlebridge.",
    ],
    "corn-exchange-events": [
        "Corn Exchange beer festival dates announced for May. Already booked the day off.",
        "Saw a brilliant tribute band at the Corn Exchange Long Room. My ears are still ringing.",
        "Corn Exchange has the best acoustics in Castlebridge. Fight me.",
    ],
    "spanish-other": [
        "¿Alguien va al partido de la selección el domingo? Lo ponen en el bar de Westgate.",
        "Clases de salsa los jueves en el centro comunitario. ¡Anímense!",
    ],
    "polish": [
        "Jab Bus był dziś przy polskim sklepie na Westgate. Zaszczepiłam córkę w pięć minut.",
        ("Bezpłatne szczepienie przeciw odrze w Corn Exchange. Tłumacz na miejscu. Polecam.", "corn_exchange"),
    ],
}


def _extend():
    for fam in FAMILIES:
        fam["texts"] = list(fam["texts"]) + MORE.get(fam["key"], [])


_extend()
