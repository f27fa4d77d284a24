"""Closed word lists the stages match text against, one section per stage."""

from __future__ import annotations

# geo

# Prepositions whose object is a party to the event, not its place ("relations with Algeria").
GEO_PARTY_PREPS = frozenset({"with", "against", "by", "for", "toward", "towards"})
# Subject verbs that keep a toponym literal ("Mali borders Niger", "Gaza lies ...").
GEO_LOCATIVE_VERBS = frozenset({
    "lie", "border", "stretch", "sit", "neighbour", "neighbor", "cover", "straddle", "extend",
    "locate", "situate", "experience", "see", "witness", "suffer", "host",
})  # fmt: skip
# Head nouns that make a modifier toponym literal ("Torkula village", "Algeria's south").
GEO_NOUNS = frozenset({
    "city", "town", "village", "province", "region", "district", "county", "state", "area",
    "border", "borders", "coast", "capital", "territory", "strip", "north", "south", "east",
    "west", "center", "centre", "outskirts", "suburb", "suburbs", "neighbourhood", "street",
    "streets", "island", "islands", "airport", "port", "camp", "valley", "river", "mountains",
    "desert", "countryside", "heartland", "side", "part", "parts", "soil", "airspace",
    "waters", "governorate", "municipality", "department", "prefecture", "oblast", "highway",
    "road", "square", "mainland", "peninsula", "enclave", "zone", "base", "corridor",
})  # fmt: skip
# Nouns a place can be the topic of without being where anything happens.
GEO_TOPIC_NOUNS = frozenset({
    "situation", "crisis", "conflict", "policy", "role", "stance", "stances", "issue",
    "issues", "question", "future", "relations", "relationship", "ties", "news", "report",
    "reports", "view", "views", "interest", "interests", "war", "affairs", "development",
    "developments", "problem", "problems", "history", "economy", "politics", "case",
})  # fmt: skip
# Prepositions whose object is where something came from, not where the event happened.
GEO_ORIGIN_PREPS = frozenset({"from"})
# Verbs of saying: a place hanging from one belongs to the saying ("X said in Paris").
GEO_SPEECH_VERBS = frozenset(
    {"say", "tell", "report", "announce", "state", "claim", "add", "confirm"}
)
# Head nouns that make a modifier toponym stand for an actor ("US troops", "Russia's minister").
GEO_ACTOR_NOUNS = frozenset({
    "government", "governments", "minister", "ministers", "ministry", "army", "armies",
    "forces", "force", "troops", "soldiers", "military", "officials", "official", "embassy",
    "president", "presidency", "prime", "police", "authorities", "leader", "leaders",
    "leadership", "interests", "dollar", "dollars", "currency", "team", "delegation",
    "parliament", "court", "administration", "regime", "navy", "diplomats", "diplomat",
    "ambassador", "envoy", "counterpart", "counterparts", "spokesman", "spokeswoman",
    "company", "firm", "bank", "media", "intelligence", "cabinet", "state-run", "officer",
    "officers", "command", "delegates", "representatives", "representative", "king",
    "monarch", "premier", "chancellor", "senate", "congress", "junta", "coalition", "side",
    "partner", "partners", "counterterrorism", "aspirations", "stance", "position", "policy",
    "soldier", "citizen", "citizens", "nationals", "national", "airstrike", "airstrikes",
})  # fmt: skip
# Words ending a facility or district name; the name before them is looked up when the whole
# is not in the gazetteer ("Deir Ezzor Airport" -> Deir Ezzor).
GEO_SITE_WORDS = frozenset({
    "airport", "square", "prison", "university", "camp", "district", "governorate", "suburb",
    "base", "hospital", "checkpoint", "farms", "mountains", "province", "quarter", "bridge",
    "dam", "stadium", "mosque", "church", "street", "road", "highway", "valley", "hills",
    "heights", "crossing", "airbase", "port", "market", "city", "state", "region", "county",
    "town", "village", "island", "islands", "neighborhood", "neighbourhood", "palace",
})  # fmt: skip
# Buildings and sites a possessive place contains ("Mecca's hospital", "Abuja's Centre").
GEO_FACILITIES = GEO_SITE_WORDS - {"city", "state", "region", "county", "province", "governorate"} | {
    "centre", "center", "hall", "cathedral", "temple", "school", "compound", "hotel", "court",
}  # fmt: skip
# Prepositions that put what follows at a place ("shot in Yala").
GEO_LOCATING_PREPS = frozenset({
    "in", "at", "near", "outside", "to", "from", "into", "across", "throughout", "via",
    "around", "toward", "towards", "inside",
})  # fmt: skip
# Prepositions that only a place follows, never a person or an organisation ("in Kafr Nabl").
GEO_INSIDE_PREPS = frozenset({"in", "near", "outside", "inside", "at"})
# Words between such a preposition and the name ("in eastern Ghouta").
GEO_DIRECTIONS = frozenset({
    "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
    "northeastern", "northwestern", "southeastern", "southwestern", "rural", "downtown",
    "suburban", "greater", "the", "neighbouring", "neighboring", "nearby",
})  # fmt: skip
# Lower-case compass words that make the name after them an area's ("eastern Ghouta").
GEO_COMPASS = frozenset({
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
    "south-western",
})  # fmt: skip
# Compass words that begin a part of a place's name ("North Darfur", "Upper Egypt").
GEO_COMPASS_NAMES = GEO_COMPASS | {"north", "south", "east", "west", "upper", "lower", "greater"}
# Lower-case nouns of areas and settlements a name before them belongs to ("the Tarvel area").
GEO_AREA_NOUNS = frozenset({
    "area", "district", "neighbourhood", "neighborhood", "suburb", "suburbs", "camp", "region",
    "province", "town", "village", "city", "governorate", "county", "municipality",
    "countryside", "junction", "road", "highway", "crossing", "valley", "plain", "plains",
    "desert", "outskirts",
})  # fmt: skip
# Words after a town's name that make the whole a local body, service or paper named after
# the town ("Kaduna Police", "Galway County Council", "Tulsa World").
GEO_LOCAL_BODIES = frozenset({
    "police", "council", "county", "city", "municipality", "municipal", "mayor", "mayoral",
    "fire", "sheriff", "court", "district", "school", "schools", "college", "university",
    "hospital", "airport", "port", "harbour", "harbor", "station", "library", "museum", "zoo",
    "chamber", "board", "authority", "department", "township", "borough", "parish", "town",
    "village", "regional", "public", "community", "memorial", "high", "state", "times",
    "post", "herald", "tribune", "gazette", "journal", "news", "daily", "observer", "courier",
    "chronicle", "star", "record", "examiner", "press", "register", "citizen", "sun",
})  # fmt: skip
# Month and day names, capitalised like places but never places.
GEO_CALENDAR = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
})  # fmt: skip
# Small words inside a place name ("Bustan al-Diwan", "Ras el Ain").
GEO_NAME_PARTICLES = frozenset({"al", "el", "de", "du", "da", "la", "le", "bin", "ibn", "-", "of"})
# Words before a name that make it a person's ("Foreign Minister Gabi Ashkenazi", "President
# Steinmeier"), whatever NER labelled it.
GEO_TITLES = frozenset({
    "minister", "president", "chancellor", "secretary", "ambassador", "envoy", "spokesman",
    "spokeswoman", "spokesperson", "senator", "governor", "mayor", "general", "gen", "gen.",
    "commander", "king", "queen", "prince", "premier", "leader", "sheikh", "mr", "mr.", "mrs",
    "mrs.", "ms", "ms.", "dr", "dr.", "lt", "col", "col.", "colonel", "sen.", "rep.", "pope",
    "ayatollah", "emir", "sultan", "chief", "counterpart", "director", "judge", "lawmaker",
})  # fmt: skip
# Words joining the parts of one place name ("Sea of Japan", "Trinidad and Tobago").
GEO_JOINERS = frozenset({"of", "and", "&"})
