"""A synthetic news corpus for the throughput benchmark, from our own templates.

Each article is about 500 words of wire copy in one of three kinds, drawn in these shares:

* **diplomacy** (55%) and **security** (25%): a dateline and a lead that reports an event, then
  further event sentences mixed with quotations (attributed, some running over two sentences),
  background (history and earlier events of the same actors), context (figures, economy) and
  colour, in about the proportions of the wire stories in our dev sets: roughly a third of the
  sentences report an event, a fifth are quotations, the rest background, figures and colour;
* **other news** (20%: business, sport, weather, culture): people and places, but few political
  events.

People are invented (first names and surnames from our own lists) and hold the roles of their
country's government, army or opposition; they are introduced with their title and then named
by surname or referred to as "he" or "she", as news writing does. Everything is deterministic
for a seed.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

COUNTRIES = [
    ("France", "French", "Paris"), ("Germany", "German", "Berlin"),
    ("Algeria", "Algerian", "Algiers"), ("Mali", "Malian", "Bamako"),
    ("Nigeria", "Nigerian", "Abuja"), ("Kenya", "Kenyan", "Nairobi"),
    ("Egypt", "Egyptian", "Cairo"), ("Turkey", "Turkish", "Ankara"),
    ("Russia", "Russian", "Moscow"), ("Ukraine", "Ukrainian", "Kyiv"),
    ("China", "Chinese", "Beijing"), ("Japan", "Japanese", "Tokyo"),
    ("India", "Indian", "New Delhi"), ("Pakistan", "Pakistani", "Islamabad"),
    ("Brazil", "Brazilian", "Brasilia"), ("Argentina", "Argentine", "Buenos Aires"),
    ("Mexico", "Mexican", "Mexico City"), ("Canada", "Canadian", "Ottawa"),
    ("Iran", "Iranian", "Tehran"), ("Morocco", "Moroccan", "Rabat"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Sudan", "Sudanese", "Khartoum"),
]  # fmt: skip
FIRST = [
    "Amina", "Karim", "Lena", "Tomas", "Yusuf", "Ines", "Rafael", "Mei", "Oleg", "Sara",
    "Daniel", "Nadia", "Hiro", "Fatou", "Pavel", "Lucia", "Omar", "Grace", "Ivan", "Leila",
]  # fmt: skip
SURNAMES = [
    "Benali", "Okafor", "Moreau", "Kovalenko", "Haddad", "Tanaka", "Silva", "Mensah",
    "Petrov", "Rahimi", "Keller", "Ndiaye", "Castillo", "Osei", "Varga", "Lindqvist",
    "Mwangi", "Farouk", "Duarte", "Brandt", "Sato", "Kamau", "Zidane", "Orlov",
]  # fmt: skip
ROLES = ["foreign minister", "defence minister", "prime minister", "interior minister",
         "trade minister", "army chief of staff", "president"]  # fmt: skip
TOPICS = ["trade", "border security", "energy supplies", "migration", "water rights",
          "debt relief", "fishing quotas", "a ceasefire", "prisoner exchanges", "grain exports",
          "the disputed border region", "visa rules"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

LEADS = {
    "diplomacy": [
        "{adj_a} {role_a} {pa} met {adj_b} {role_b} {pb} in {city_b} on {weekday} to discuss {topic}.",
        "{a} and {b} signed an agreement on {topic} in {city_a} on {weekday}.",
        "{a} accused {b} on {weekday} of violating the agreement on {topic}.",
        "{a} expelled two {adj_b} diplomats on {weekday}, the foreign ministry in {city_a} said.",
        "{adj_a} {role_a} {pa} arrived in {city_b} on {weekday} for talks on {topic}.",
    ],
    "security": [
        "{adj_a} troops clashed with {adj_b} forces near the border on {weekday}, officials said.",
        "{a} condemned an attack on its embassy in {city_b} on {weekday}.",
        "Police in {city_a} arrested dozens of protesters on {weekday} after clashes near parliament.",
        "{a} accused {b} on {weekday} of shelling villages along the border.",
    ],
    "other": [
        "{city_a} Athletic beat {city_b} Rovers 2-1 on {weekday} to move top of the league.",
        "Shares in {adj_a} telecom operator Lumina rose {m} percent on {weekday} after strong results.",
        "Heavy rain flooded parts of {city_a} on {weekday}, closing schools and several roads.",
        "The {city_a} film festival opened on {weekday} with a record number of entries.",
    ],
}
EVENTS = {
    "diplomacy": [
        "{pb} praised {a} for its role in the talks on {topic}.",
        "{a} threatened to impose sanctions on {b} over {topic}.",
        "The {adj_a} government said it would send humanitarian aid to {b}.",
        "{pa} urged {b} to return to the negotiating table.",
        "{b} rejected the proposal and recalled its ambassador from {city_a}.",
        "{pa} also met opposition leaders and members of civil society groups.",
        "{adj_b} {role_b} {pb} is expected to visit {city_a} next month.",
        "{a} reportedly offered to mediate between {b} and its neighbours.",
        "The two ministers agreed to set up a joint committee on {topic}.",
        "{b} summoned the {adj_a} ambassador to protest against the decision.",
        "{adj_a} officials held talks with the {adj_b} delegation in {city_a} last week.",
    ],
    "security": [
        "{adj_b} forces fired artillery at positions held by {adj_a} troops.",
        "{a} deployed additional troops to the border region.",
        "Gunmen killed three police officers at a checkpoint near {city_a}.",
        "{b} denied any involvement in the attack.",
        "The army said its soldiers had captured a rebel commander in the north.",
        "Security forces used tear gas to disperse the crowd.",
        "{pa} vowed to punish those responsible for the attack.",
        "{b} called for an independent investigation into the killings.",
        "{adj_a} police detained two {adj_b} nationals suspected of spying.",
    ],
    "other": [
        "The company signed a supply deal with a {adj_b} carmaker.",
        "Coach {pa} praised his players after the match.",
        "The mayor of {city_a} visited the flooded districts on {weekday}.",
    ],
}
QUOTES = [
    '"We will not accept any interference in our internal affairs," {pa} told reporters.',
    '"The talks were frank and useful," said {pb}, who leads the {adj_b} delegation.',
    '"This is a difficult moment for the region. We expect our partners to keep their word," {pa} said.',
    '"Our doors remain open to dialogue," {surname_b} said at a news conference in {city_b}.',
    '"Nobody wants an escalation," a senior {adj_a} official said.',
    '"We have made progress on several issues, but much remains to be done," {surname_a} added.',
    '"The people are tired of promises," said one resident of {city_a}. "We want results."',
    '"It was a very good day for us," {surname_a} said after the meeting.',
    '"The situation on the ground is calm but tense," a spokesman for the army said.',
]
BACKGROUND = [
    "Relations between {a} and {b} have been strained since {year}, when a dispute over {topic} "
    "led to the closure of several border crossings.",
    "{pa}, a former diplomat, took office in {year} after winning a narrow election.",
    "{surname_b} has held the post since {year} and is seen as close to the {adj_b} president.",
    "{a} and {b} fought a brief war over the border region in {year}.",
    "The two countries signed a peace treaty in {year}, but parts of it were never carried out.",
    "{b} is one of {a}'s largest trading partners.",
    "Earlier this year, {a} hosted a regional summit on {topic}.",
    "{a} has long insisted that the dispute should be settled through negotiations.",
    "The border between the two countries runs for more than {n}00 kilometres through desert "
    "and mountains.",
    "Previous rounds of talks collapsed without agreement in {year}.",
    "She studied law in {city_b} before entering politics.",
    "He served as ambassador to several African and Asian countries.",
]
CONTEXT = [
    "Trade between the two countries reached {n} billion dollars last year, official figures show.",
    "Inflation in {a} rose to {m} percent in {month}, according to the central bank.",
    "The {adj_a} economy is expected to grow by {m} percent this year.",
    "About {n} percent of the region's population lives below the poverty line.",
    "The central bank left its main rate unchanged at {m}.5 percent.",
    "Prices of staple foods have risen by {m} percent since the start of the year.",
    "The country produces about {n}0,000 barrels of oil a day.",
    "Unemployment among young people stands at about {n} percent.",
]
COLOUR = [
    "Temperatures are expected to reach {n} degrees later in the week, forecasters said.",
    "Residents described long queues at petrol stations and bakeries in the morning.",
    "The stadium, which seats {n},000 people, was completed {m} years ago.",
    "Several roads were closed after heavy rain flooded low-lying neighbourhoods.",
    "The delegation arrived late in the evening after a delayed flight.",
    "Traffic was heavy on the main highway into the city for most of the day.",
    "Street vendors sold flags and snacks outside the conference centre.",
    "The meeting took place in a hotel overlooking the harbour.",
    "Shops in the old town stayed open late as the holiday approached.",
    "The festival drew visitors from across the region despite the weather.",
    "Hospital staff said the new wing would add {n} beds by the end of the year.",
    "Engineers said repairs to the bridge would take at least {m} more weeks.",
    "Attendance at the annual book fair fell slightly compared with last year.",
    "The museum will extend its opening hours during the summer months.",
]
SOURCING = [
    "The foreign ministry did not respond to a request for comment.",
    "Officials spoke on condition of anonymity because they were not authorised to brief reporters.",
    "The figures could not be independently verified.",
    "State television showed images of the meeting but gave no details.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
# Sentences of each kind per article (low, high) after the lead.
MIX = {
    "diplomacy": {"event": (9, 12), "quote": (5, 7), "background": (6, 8), "context": (4, 6),
                  "colour": (6, 9), "sourcing": (1, 3)},
    "security": {"event": (8, 9), "quote": (5, 7), "background": (5, 8), "context": (4, 6),
                 "colour": (8, 11), "sourcing": (1, 3)},
    "other": {"event": (1, 3), "quote": (3, 5), "background": (2, 4), "context": (7, 8),
              "colour": (14, 14), "sourcing": (0, 1)},
}  # fmt: skip
KINDS = [("diplomacy", 0.55), ("security", 0.25), ("other", 0.20)]


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(SURNAMES)
    return f"{first} {last}", last


def _pool(kind: str) -> dict[str, list[str]]:
    return {
        "event": EVENTS[kind], "quote": QUOTES, "background": BACKGROUND, "context": CONTEXT,
        "colour": COLOUR, "sourcing": SOURCING,
    }  # fmt: skip


def article(rng: random.Random, number: int, start: date = date(2021, 1, 4)) -> dict[str, Any]:
    """One synthetic article record (id, title, text, date, source) and its ``kind``."""
    kind = rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
    (a, adj_a, city_a), (b, adj_b, city_b) = rng.sample(COUNTRIES, 2)
    (pa, surname_a), (pb, surname_b) = _person(rng), _person(rng)
    values = {
        "a": a, "adj_a": adj_a, "city_a": city_a, "b": b, "adj_b": adj_b, "city_b": city_b,
        "role_a": rng.choice(ROLES), "role_b": rng.choice(ROLES), "pa": pa, "pb": pb,
        "surname_a": surname_a, "surname_b": surname_b, "topic": rng.choice(TOPICS),
        "weekday": rng.choice(WEEKDAYS), "year": rng.randint(1995, 2019),
        "month": rng.choice(MONTHS),
    }  # fmt: skip

    def fill(template: str) -> str:
        return template.format(**values, n=rng.randint(2, 90), m=rng.randint(2, 9))

    lead = fill(rng.choice(LEADS[kind]))
    body: list[str] = []
    for part, (low, high) in MIX[kind].items():
        pool = _pool(kind)[part]
        body += [fill(t) for t in rng.sample(pool, min(len(pool), rng.randint(low, high)))]
    rng.shuffle(body)
    # Later mentions of a person: surname or pronoun, as in the text a reader sees.
    body = [s.replace(pa + " ", surname_a + " ", 1) if i > 3 else s for i, s in enumerate(body)]
    paragraphs: list[str] = []
    while body:
        size = rng.randint(2, 4)
        paragraphs.append(" ".join(body[:size]))
        body = body[size:]
    day = start + timedelta(days=rng.randrange(300))
    text = f"{city_a.upper()}, {day:%B} {day.day} - {lead}\n\n" + "\n\n".join(paragraphs) + "\n"
    return {
        "id": f"bench{number:05d}",
        "title": f"{a} and {b}: {values['topic']}" if kind != "other" else f"{city_a} news",
        "text": text,
        "date": day.isoformat(),
        "source": f"Wire {number % 7}",
        "kind": kind,
    }


def synthetic_corpus(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` synthetic articles of about 500 words (see the module doc)."""
    rng = random.Random(seed)
    return [article(rng, i) for i in range(n)]
