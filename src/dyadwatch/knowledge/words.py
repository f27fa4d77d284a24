"""Short closed word lists and code sets the stages test words and codes against.

Each list is named for what it is used for and says so; tables long enough to be data live in
``src/dyadwatch/data/`` with their loaders. Lemmas are lowercase; codes are CAMEO codes or
two-digit CAMEO roots.
"""

from __future__ import annotations

from typing import Final

# -- events: arguments of a trigger (events/clauses.py and its collaborators) ---------------------

# Verbs that introduce reported speech: "X said it would ...", and the speaker of a quotation.
SPEECH_VERBS: Final = frozenset({
    "say", "add", "state", "tell", "note", "declare", "announce", "stress", "affirm", "insist",
    "explain", "write", "reiterate", "emphasize", "emphasise", "underline", "express", "indicate",
    "report", "claim", "confirm", "quote", "remark", "assert", "argue", "maintain", "point",
})
# Verbs whose object is the subject of their infinitive: "urged X to withdraw" (X withdraws).
OBJECT_CONTROL: Final = frozenset({
    "urge", "ask", "call", "allow", "force", "tell", "invite", "encourage", "persuade", "press",
    "permit", "help", "request", "pressure", "push", "order", "appeal", "implore", "beg",
    "instruct", "compel", "oblige", "convince", "want",
})
# Passive verbs whose subject is the subject of their infinitive: "X is expected to visit".
RAISING: Final = frozenset({
    "expect", "set", "schedule", "slate", "due", "suppose", "poise", "plan", "believe", "say",
    "report", "understand", "think", "likely", "certain", "sure", "reckon",
})
# Prepositions that may introduce a target when the pattern names none, tried in this order.
DEFAULT_TARGET_PREPS: Final = ("with", "to", "against", "on", "toward", "towards", "for")
# Nouns of a conflict, which stand for the country it is in ("mediating the crisis").
CRISIS_NOUNS: Final = frozenset({
    "crisis", "conflict", "war", "fighting", "standoff", "dispute", "unrest",
})
# Prepositions under which a mention that is no actor names one: "a group OF Liberians".
GOVERNING_PREPS: Final = ("of", "from", "at", "by")
# ... and for a target, also where and with whom: "official contact WITH the US", "targets IN X".
TARGET_GOVERNING_PREPS: Final = (*GOVERNING_PREPS, "with", "in")
# Pronouns that stand for the speaker of reported speech ("Egypt said it would ...").
PRONOUNS_FOR_SPEAKER: Final = frozenset({"it", "they", "we", "us", "itself", "themselves"})
# In a person's reported speech, the pronouns that stand for that person ("the president said HE
# condemned the attack"), and the possessed nouns that stand for the state or government the
# person speaks for ("the minister said HIS COUNTRY would not negotiate").
PERSON_PRONOUNS_FOR_SPEAKER: Final = frozenset({"he", "she", "i", "me", "him", "her"})
OWN_STATE_NOUNS: Final = frozenset({"country", "nation", "government", "administration"})
OWN_POSSESSIVES: Final = frozenset({"his", "her", "my", "our"})
# Reflexive pronouns: never an actor of their own ("declared itself ready").
REFLEXIVES: Final = frozenset({"itself", "themselves", "himself", "herself", "oneself"})
# Entity types of a preposition's object that make it a date, not a place or party.
TIME_ENTITIES: Final = frozenset({"DATE", "TIME"})
# Adjectives whose gerund has the subject of 'be': "X is guilty of violating the truce".
GUILT_WORDS: Final = frozenset({"guilty", "responsible", "culpable", "liable"})
# Prepositions of a topic: with a direct object, their phrase is the object's topic ("held talks
# about joint patrols"), never the verb's own object.
OBJECT_TOPIC_PREPS: Final = frozenset({"about", "regarding", "concerning"})
# Prepositions of time and manner whose gerund is done by the clause's subject ("signed the deal
# after meeting X", "protested by blocking roads"); not "for"/"of", whose gerund is the object's
# ("thanked Egypt for hosting", "accused X of shelling").
ADVERBIAL_GERUND_PREPS: Final = frozenset({
    "after", "before", "by", "while", "since", "without", "upon", "on", "through", "despite",
    "in", "besides", "instead",
})
# Modals of obligation that advise rather than require ("Y should withdraw", "Y ought to", "Y
# needs to"): what a speaker says another should do is an appeal, what it must do a demand.
ADVISORY_MODALS: Final = frozenset({"should", "ought", "need", "needs"})
# Frame verbs of deciding: a decision taken is the act decided ("the EU decided to impose
# sanctions" imposes them), not an intent to it.
DECIDING: Final = frozenset({"decide", "resolve"})
# Nouns and adjectives of taking part in an act, whose 'in' gerund is done by the one taking
# part: "X played a key role in brokering the truce", "X was instrumental in mediating".
ROLE_NOUNS: Final = frozenset({"role", "part", "hand", "lead"})
ROLE_ADJECTIVES: Final = frozenset({
    "instrumental", "successful", "active", "key", "central", "crucial", "pivotal", "involved",
})
# Event nouns that name the one who acts, not the act ("the UN envoy", "the mediator"): an event
# as what someone serves as ("acted as mediator between X and Y"), never as the subject of a
# clause ("the UN envoy for Yemen said ...", where the noun is a title).
AGENT_EVENT_NOUNS: Final = frozenset({
    "envoy", "envoys", "mediator", "mediators", "broker", "intermediary", "intermediaries",
    "go-between", "facilitator", "facilitators",
})
# What another party did or said, whose rejection objects to it (a disapproval, 110) rather than
# turning down a request or an offer (a refusal, 12): "rejected the court's ruling", "rejected the
# election results". CAMEO's refusals imply declining to cooperate or to yield.
REJECTED_ACTS: Final = frozenset({
    "decision", "decisions", "ruling", "rulings", "verdict", "result", "results", "outcome",
    "move", "annexation", "remarks", "comments", "statement", "statements", "report", "findings",
    "assessment", "characterisation", "characterization", "portrayal", "label", "conclusion",
    "conclusions"})
# Verbs of the penalty a demand attaches ("withdraw OR FACE sanctions", "or risk war"): a demand
# with a penalty is a threat, one with a deadline too an ultimatum.
PENALTY_VERBS: Final = frozenset({"face", "risk", "suffer", "bear"})
# Passive verbs whose subject is the doer: "forces were engaged in ethnic cleansing".
ACTIVE_PASSIVES: Final = frozenset({"engage", "involve", "implicate"})
# Verbs whose subject undergoes the act their object noun names, done by the noun's 'from'
# phrase: "X faced criticism from Y", "the plan drew condemnation from Y"; and the verb of
# "X came under attack from Y", whose 'under' phrase names the act; "received a warning from Y".
INVERSE_VERBS: Final = frozenset({"face", "draw", "attract", "earn", "incur", "receive", "get", "obtain"})
UNDERGOING_VERBS: Final = frozenset({"come"})

# Nouns of intending whose to-infinitive is done by their owner ("plans to attack", "a bid to
# seize", "its decision to withdraw"), unlike nouns the infinitive is asked of ("calls to resign").
INTENT_NOUNS: Final = frozenset({
    "plan", "decision", "bid", "attempt", "effort", "intention", "threat", "promise", "pledge",
    "vow", "readiness", "willingness", "refusal", "determination", "move", "push", "drive",
})
# Nouns of a written or spoken message, whose participle says what its author does ("a statement
# calling for talks", "in a letter urging X to withdraw"): the author, not the message, acts.
MESSAGE_NOUNS: Final = frozenset({
    "statement", "letter", "message", "communique", "communiqué", "declaration", "speech",
    "address", "note", "resolution", "motion", "decree", "appeal", "petition", "editorial",
    "post", "tweet", "video", "broadcast", "interview", "report", "memo", "memorandum",
    "proclamation", "notice", "announcement", "remarks", "comment", "bill", "document",
})
# Verbs whose subject (or passive agent) makes the message that is their object ("issued a
# statement", "sent a letter", "the council adopted a resolution").
AUTHORING_VERBS: Final = frozenset({
    "issue", "release", "send", "publish", "make", "deliver", "write", "sign", "adopt", "pass",
    "post", "give", "circulate", "present", "submit", "table", "read", "broadcast", "air",
    "unveil", "draft", "pen", "address", "put", "approve", "introduce",
})
# Prepositions by which an event noun sets the time or occasion of its clause ("after talks",
# "during a visit", "at a meeting", "in talks", "following talks").
SETTING_NOUN_PREPS: Final = frozenset({"after", "before", "during", "at", "in", "following", "since", "upon", "on"})
# Verbs whose 'it' is empty ("it is unclear who ...", "it remains to be seen"), no actor.
EMPTY_IT_VERBS = frozenset({"be", "seem", "appear", "remain", "look", "happen"})
# Claim nouns that may be a party's word about its own deed; an allegation, an accusation, a
# charge or a report is always made about another.
OWN_CLAIM_NOUNS = frozenset({"claim", "assertion"})
# Taking ground: a deed a side claims of itself and its enemy denies ("Russian claims that it
# had captured the town"), never an accusation the denier answers.
TAKING_VERBS = frozenset({"capture", "seize", "take", "overrun", "retake", "recapture", "liberate"})
# Subordinators of a clause that tells the act another act was part of ("were killed WHEN
# gunmen stormed the hotel", "AS troops shelled the town").
CIRCUMSTANCE_MARKS = frozenset({"when", "as", "after"})
# Verbs whose subject takes part in the act an 'in' phrase names ("participated in the talks");
# "take part" is told by its object.
PARTICIPATING_VERBS = frozenset({"participate", "engage", "involve", "partake"})

# -- events: triggers (events/triggers.py and its collaborators) ----------------------------------

# Dependencies under which an adjective is matched as a verb ("ready to", "willing to").
ADJECTIVE_TRIGGER_DEPS: Final = ("acomp", "xcomp", "ccomp")
# Verbs that lend their subject to an event noun: "held talks", "imposed a curfew".
LIGHT_VERBS: Final = frozenset({
    "hold", "have", "conduct", "launch", "carry", "stage", "begin", "start", "continue", "resume",
    "renew", "open", "make", "pay", "give", "issue", "announce", "impose", "lodge", "file",
    "declare", "order", "mount", "organize", "organise", "initiate", "undertake", "complete",
    "sign", "reach", "extend", "step", "intensify", "escalate", "join", "lead", "attend", "host",
    "deliver", "register", "submit", "send", "offer", "unleash", "wage", "perform",
    "commit", "keep", "maintain", "seek", "express", "voice", "convey", "pledge", "promise",
})
# Patterns of bare killing and wounding, which take the manner a clause gives them ("killed ...
# when they blew themselves up" is a suicide bombing).
MANNERLESS: Final = frozenset({"kill"})
# Prepositions that introduce what a verb is about ("accused X OF violating", "thanked X FOR
# helping"): the clause under them yields no event of its own.
ABOUT_PREPS: Final = frozenset({"of", "for", "over", "about"})
# Prepositions under which an event noun is a topic or background, not an event: "talks ON a
# troop pullback", "during a summit", "after days of fighting".
TOPIC_PREPS: Final = frozenset({
    "on", "about", "over", "regarding", "concerning", "into", "of",
    "during", "at", "before", "after", "since", "until", "following", "amid", "despite", "ahead",
    "throughout",
})
# Verbs of a completed formal agreement: "signed an accord to X" is 057, not an intent to X.
SIGNING: Final = frozenset({"sign", "ink", "conclude", "ratify", "initial", "seal"})
# Frames that enact a coercive complement rather than ask for it: "ordered the newspaper to
# close" is the closure (1721) itself, "ordered X to appear" a demand.
ENACTING: Final = frozenset({"order", "instruct", "direct", "command"})

# Verbs too general to stand for any event, whatever their word vectors say: the vector fallback
# (events/fallback.py) never matches them.
VAGUE_VERBS: Final = frozenset({
    "be", "have", "do", "get", "go", "come", "make", "take", "say", "see", "know", "think", "want",
    "look", "use", "find", "give", "tell", "become", "leave", "feel", "seem", "try", "put", "mean",
    "keep", "let", "begin", "show", "hear", "play", "run", "move", "live", "believe", "bring",
    "happen", "write", "provide", "sit", "stand", "lose", "pay", "include", "continue", "set",
    "learn", "change", "lead", "understand", "watch", "follow", "stop", "create", "speak", "read",
    "spend", "grow", "open", "walk", "win", "offer", "remember", "consider", "appear", "buy",
    "wait", "serve", "die", "send", "expect", "build", "stay", "fall", "cut", "reach", "remain",
    "suggest", "raise", "pass", "sell", "require", "report", "decide", "pull", "add", "need",
    "like", "love", "help", "turn", "start", "call", "ask", "work", "allow", "accord", "base",
    "aim", "face", "hold", "mark", "total", "rise",
})

# -- events: codes (events/extract.py and its collaborators) --------------------------------------

# Roots a future or a reported 'must' may shift (the verbal families 01-02 and 10-13 stay;
# an intent stays an intent unless negated: "will not accept the plan" is a refusal).
SHIFTABLE_ROOTS: Final = frozenset({
    "03", "04", "05", "06", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20",
})
# Codes whose narrower codes differ by PLOVER context: "aid" in a clause about food is 073.
REFINABLE: Final = frozenset({
    "021", "023", "024", "031", "033", "034", "060", "070", "083", "090", "101", "103", "104",
    "112", "121", "122", "123", "141", "142", "143", "144", "145", "162", "172",
})
# Roots of event nouns a place name modifies as the venue, not the doer: "the Paris summit",
# "the Minsk agreements", "the Kabul bombing" (but "US sanctions" are the United States').
PLACE_NAMED_ROOTS: Final = frozenset({"04", "05", "14", "18", "19", "20"})
# Appeals whose target is the third party the complement names: "urged X to support Y" rallies
# support for Y (053), "called on Arabs to unite against Y" rallies opposition to Y (113).
THIRD_PARTY: Final = frozenset({"053", "113"})
# Roots whose target may be any other actor named in the clause: statements and intents
# ("expressed hope ... before the American delegation") and protests ("... to demand the
# resignation of President X"). Other events keep the target the pattern names, or none.
CLAUSE_TARGET_ROOTS: Final = frozenset({"01", "03", "14"})
# Codes that two joint sources do with each other ("X and Y met", "X and Y signed a deal").
RECIPROCAL: Final = frozenset({
    "040", "041", "044", "045", "046", "050", "051", "054", "057", "060", "061", "062", "063",
    "064", "190", "193", "194", "195", "196", "112", "111",
})
# Verbs that are mutual whatever their code ("X and Y exchanged prisoners").
RECIPROCAL_LEMMAS: Final = frozenset({
    "exchange", "swap", "trade", "share", "agree", "clash", "fight", "fail",
})
# Verbs whose 'with' target does the same back: "X exchanged prisoners with Y", "clashed with Y".
MUTUAL_WITH: Final = frozenset({"exchange", "swap", "clash", "fight", "skirmish", "trade"})
# Roots whose target, when the pattern names none, is an 'against' actor of the phrase or the
# place the act applies to ("imposed a curfew in X", "mobilized reservists for a war against X").
LOCATED_ROOTS: Final = frozenset({"08", "13", "14", "15", "16", "17", "18", "19", "20"})

# -- geo: toponyms and event places (geo/) ----------------------------------------------------


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

# -- actors: who a mention is (actors/) ---------------------------------------------------------

# A name's own words that say the person no longer holds the office: "former President X".
FORMER_WORDS = frozenset({"former", "ex", "ex-", "erstwhile", "onetime", "one-time", "then"})
# Prepositions that place a mention somewhere ("rebels in Mali", "doctors from Cuba").
OWN_PLACE_PREPS = frozenset({"in", "inside", "from", "of", "near", "across", "throughout", "within", "at"})
# Prepositions whose object is a location of the whole clause ("clashes erupted in Bamako").
LOCATIVE_PREPS = frozenset({"in", "inside", "across", "throughout", "within", "at", "near", "outside",
                            "around", "into"})
# Verbs of an "acl" clause that place a group: "rebels based in X", "Palestinians living in X".
PLACING_VERBS = frozenset({"base", "live", "operate", "reside", "station", "deploy", "active",
                           "fight", "hold", "settle", "stay", "work", "locate"})
# Personal pronouns: a mention that is one refers back to a person named before.
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me", "we", "us"})
# Nouns a place name can specify: "the town of X" is a place, whatever NER calls X.
PLACE_NOUNS = frozenset({"town", "city", "village", "capital", "province", "region", "district", "port",
               "state", "island", "enclave", "area", "camp", "municipality", "county"})
# What a side takes when it takes ground (TAKING_VERBS, events/speech.py): places, and the
# ground itself ("took control of", "seized a hill").
GROUND_NOUNS = PLACE_NOUNS | {"territory", "ground", "settlement", "control", "position", "hill", "base"}
# Adjectives that name a sector beside a weak head ("military officials", "civilian advisers").
SECTOR_ADJECTIVES = frozenset({"military", "civilian", "paramilitary", "parliamentary", "rebel", "militant",
                     "insurgent", "jihadist", "separatist", "islamist", "opposition", "police"})
# Plural heads that, with "both" or "two", refer back to two actors named before.
COLLECTIVE_HEADS = frozenset({"country", "nation", "state", "side", "government", "army", "military",
                    "leader", "neighbour", "neighbor", "president", "force", "capital"})
# Verbs of going somewhere: "X arrived in Mali" places X there without making X Malian.
MOVEMENT_VERBS = frozenset({"arrive", "visit", "travel", "fly", "go", "come", "return", "head", "land", "reach"})
# Heads that are part of a named body: "the UNITA militarist wing", "a Hamas faction".
PART_NOUNS = frozenset({"wing", "faction", "branch", "unit", "units", "leadership", "side",
                         "camp", "cell", "cells", "arm", "elements", "ranks", "loyalists",
                         "supporters", "members", "militants", "fighters", "spokesman",
                         "agency", "agencies", "body", "office", "movement", "organisation",
                         "organization", "group", "forces", "delegation"})
# Role terms that say little by themselves: a more specific role beside them decides the sector
# ("rebel leaders" REB, "army spokesman" MIL, "opposition candidates" OPP), as do the heads of
# bodies ("senate president" LEG, "union chairman" LAB, "head of the army" MIL).
WEAK_ROLE_TERMS = frozenset({
    "leader", "leaders", "official", "officials", "senior official", "senior officials", "head of",
    "spokesman", "spokeswoman", "spokesperson", "spokesmen", "representative", "representatives",
    "delegation", "delegate", "delegates", "adviser", "advisers", "advisor", "advisors", "chairman",
    "candidate", "candidates", "commander", "commanders", "officer", "officers", "negotiator",
    "negotiators", "chief", "head", "member", "members", "figure", "figures", "president",
    "presidents", "vice president", "chancellor", "chairwoman", "director", "director general",
    "secretary-general", "general secretary"})
# Military ranks, which say what a person is in the army, not what office he holds: a ranked
# head of state is coded by the office ("Colonel X" who rules is GOV).
MILITARY_RANKS = frozenset({"general", "generals", "colonel", "colonels", "lieutenant", "brigadier", "admiral",
                            "sergeant", "gen", "lt gen", "maj gen", "brig gen", "lt col", "col", "adm",
                            "field marshal"})
# A body of members ("farmers' unions", "the union of journalists") is of its members' sector:
# PLOVER files organised farm labour under AGR, teachers' bodies under EDU, and so on.
MEMBER_BODIES = frozenset({"union", "unions"})
# Head lemmas of ships: a ship's country is its flag's, registry's or owner's ("a Russian
# navy ship", "a Liberian-flagged tanker"), never that of the waters or port it is in
# (actors/roles.py).
VESSEL_NOUNS: Final = frozenset({
    "tanker", "ship", "vessel", "carrier", "freighter", "boat", "trawler", "frigate",
})
# Participles after a country's name that make a thing that country's: "British-flagged",
# "Panama-registered", "Greek-owned" (actors/resolve.py).
FLAG_PARTICIPLES: Final = frozenset({"flagged", "registered", "owned"})
# Words that turn the modifier after them against its sense ("anti-rebel militias",
# "counter-insurgency forces", "anti-regime protesters").
AGAINST_PREFIXES = frozenset({"anti", "counter"})
# Modifiers that state an insurgent aim without being a role term of that sector ("Islamist"
# alone is a religious-political current, REL; "Islamist fighters" are armed opposition).
INSURGENT_WORDS = frozenset({"islamist", "secessionist", "maoist"})
# Kin of an office holder ("the president's son", "the wife of the prime minister") are PLOVER
# ELI, families of (former) government officials; by lemma.
KIN_NOUNS = frozenset({"son", "daughter", "wife", "husband", "widow", "widower", "brother", "sister",
                       "nephew", "niece", "cousin", "mother", "father", "family", "relative", "child",
                       "grandson", "granddaughter", "stepson", "stepdaughter", "in-law"})
# Roles whose place is not their country ("the embassy in Cairo", "an envoy in Bamako").
DIPLOMATIC_STEMS = ("embass", "consul", "ambassador", "envoy", "diplomat", "delegation", "mission")

# -- events: targets and owners (events/targets.py, events/build.py) --------------------------------

# Roots of acts on things whose owner is the target when the pattern's object is the thing
# ("seized a British tanker"): reduced relations, coercion, violence.
OWNED_ROOTS: Final = frozenset({"16", "17", "18", "19", "20"})
# Roots whose pattern may name the person acted on as its object ("summon the ambassador"):
# disapproval, rejection, threats, reduced relations, coercion.
RECIPIENT_ROOTS: Final = frozenset({"11", "12", "13", "16", "17"})
# Places and things that belong to the body named before them: an attack on "an army base" or "a
# police station" is an attack on the army or the police.
FACILITY_NOUNS: Final = frozenset({
    "base", "airbase", "station", "post", "outpost", "checkpoint", "headquarters", "convoy",
    "position", "camp", "barracks", "office", "building", "compound", "patrol", "vehicle",
    "installation", "facility", "depot", "garrison", "stronghold", "hideout",
})
# Nouns whose modifier is what they stand against, not whom they belong to: "government critics"
# are not the government.
OPPOSING_NOUNS: Final = frozenset({"critic", "opponent", "enemy", "rival", "victim", "foe", "detractor"})
# Modals of a "so" clause that make it an aim ("so X could leave"), not a result ("so X left").
MODAL_AIMS: Final = frozenset({"could", "would", "can", "will", "might", "may"})

# -- events: violent codes (events/violence.py) ----------------------------------------------------

# Codes a rule may replace: the generic and weapon codes of violent acts, and damage to property
# done by a weapon ("a car bomb tore through a market"). Abduction, blockade, occupation and
# ceasefire violations say something no rule here knows better.
REFINABLE_VIOLENCE: Final = frozenset({
    "171", "1712", "180", "182", "1823", "183", "190", "193", "194", "195",
})
# Prepositions after an intransitive violent verb whose object is what it is done to ("opened
# fire on X", "shot at X", "fell upon X"): the victim, or that the act was done to someone.
ASSAULTED_PREPS: Final = frozenset({"on", "at", "upon"})
KILLING_VERBS: Final = frozenset({"kill", "murder", "slay", "massacre", "slaughter", "execute"})
# 'shoot' and 'gun' kill only with "dead", "down" or "to death"
SHOOTING_VERBS: Final = frozenset({"shoot", "gun", "stab", "hack", "beat"})

# What a weapon subject makes of the act, by the subject's head lemma, in two parts. Munitions
# (and the crewless drone and the airstrike) stand in the subject for a doer the text leaves
# unnamed: they are also means to parties.py (WEAPON_NOUNS below).
MUNITION_CODES: Final[dict[str, str]] = {
    "bomb": "183", "explosive": "183", "device": "183", "ied": "183", "blast": "183",
    "explosion": "183", "grenade": "183", "landmine": "183", "mine": "183",
    "rocket": "194", "missile": "194", "shell": "194", "mortar": "193",
    "drone": "195", "airstrike": "195",
}
# Crewed weapons ("tanks shelled", "jets struck") and volleys ("a barrage hit"): they give the
# code, but parties.py takes them for the doer itself (an unnamed armed force), not for a means
# whose doer another clause may name.
CREWED_WEAPON_CODES: Final[dict[str, str]] = {
    "artillery": "194", "tank": "194", "howitzer": "194", "barrage": "194", "salvo": "194",
    "jet": "195", "warplane": "195", "aircraft": "195", "plane": "195", "helicopter": "195",
    "gunship": "195",
}
WEAPON_CODES: Final[dict[str, str]] = {**MUNITION_CODES, **CREWED_WEAPON_CODES}
# A modifier of a bomb that names the kind of bombing.
BOMB_KIND_CODES: Final[dict[str, str]] = {
    "car": "1832", "truck": "1832", "lorry": "1832", "vehicle": "1832", "motorcycle": "1832",
    "bus": "1832", "roadside": "1833", "suicide": "1831",
}
CHEMICAL_WORDS: Final = frozenset({
    "chemical", "nerve", "sarin", "chlorine", "mustard", "toxic", "poison", "biological",
    "vx", "anthrax",
})
NUCLEAR_WORDS: Final = frozenset({"nuclear", "atomic"})

# Victims who take no part in fighting: many of them killed is mass killing.
NONCOMBATANTS: Final = frozenset({
    "civilian", "villager", "people", "person", "resident", "inhabitant", "worshipper",
    "worshiper", "student", "schoolchild", "child", "woman", "man", "refugee", "pilgrim",
    "passenger", "shopper", "family", "farmer", "fisherman", "herder", "mourner", "concertgoer",
    "citizen", "patient", "migrant", "displaced", "tribesman", "muslim", "christian", "jew",
    "hindu", "spectator", "voter",
})
# A quantity noun whose 'of' phrase names what is counted ("hundreds of civilians").
COUNT_NOUNS: Final = frozenset({
    "hundred", "hundreds", "thousand", "thousands", "ten", "tens", "million", "millions", "score",
    "scores", "dozen", "dozens",
})
HUNDREDS_WORDS: Final = frozenset({"hundred", "hundreds", "thousand", "thousands", "million", "millions", "tens"})
# Politically prominent people: killing one is an assassination.
PROMINENT_TITLES: Final = frozenset({
    "president", "minister", "premier", "chancellor", "mayor", "governor", "senator",
    "lawmaker", "legislator", "mp", "parliamentarian", "congressman", "congresswoman",
    "king", "queen", "prince", "emir", "sultan", "ambassador", "envoy", "leader", "candidate",
    "judge", "prosecutor", "politician", "speaker", "chairman", "head", "vice-president",
})
# Those who put down dissent, and the dissenters.
SECURITY_WORDS: Final = frozenset({
    "police", "policeman", "policemen", "officer", "security", "force", "soldier", "troop",
    "army", "guard", "gendarme", "gendarmerie", "riot",
})
DISSENT_WORDS: Final = frozenset({
    "protester", "protestor", "demonstrator", "marcher", "crowd", "procession", "mourner",
    "rally", "sit-in", "striker", "dissident", "rioter", "picket",
})
DISSENT_VERBS: Final = frozenset({"protest", "demonstrate", "march", "rally", "strike", "riot"})
# Lone attackers: not the organised armed forces of conventional fighting.
ASSAILANTS: Final = frozenset({
    "gunman", "gunmen", "attacker", "assailant", "knifeman", "shooter", "mob",
})
# Private people going about their day: a blockade (191) or an advance into a place (192) is
# an act of armed or state forces, so "workers sealed off the street" or "shoppers pushed into
# the market" is no event. Protesters who block a road are coded by the protest rows.
PRIVATE_DOERS: Final = frozenset({
    "worker", "shopper", "resident", "villager", "fan", "supporter", "driver", "tourist",
    "customer", "passenger", "farmer", "engineer", "crew", "firefighter", "rescuer", "volunteer",
    "visitor", "spectator", "commuter", "motorist", "player", "team", "buyer", "investor",
    "trader", "company", "firm", "bank", "utility", "contractor", "builder",
})
MOVEMENT_CODES: Final = frozenset({"191", "192"})

# -- events: parties and references (events/parties.py, events/references.py) -------------------

# Operations whose leader ("the U.S.-led offensive") is the doer of a passive act in them.
OPERATION_NOUNS = frozenset({"offensive", "operation", "raid", "assault", "campaign", "attack", "strike",
              "incursion", "invasion", "crackdown", "sweep", "mission", "intervention"})
# Collectives that stand for the parties just named ("the two leaders", "both sides"), whoever
# they are; other collectives ("the two armies") are bodies of the countries named last.
PEOPLE_OR_SIDES = frozenset({"leader", "president", "side", "head", "minister", "party", "neighbour", "neighbor"})
# Subjects that are no doer: causes ("the storm killed ten", "the blaze destroyed homes"),
# pronouns that stand for an event or a clause ("the attack, which killed ten", "it emerged"),
# and the measures of economic and weather copy, whose violent verbs are figures of speech
# ("temperatures hit 42 degrees", "markets were hammered").
NOT_DOERS = frozenset({
    "storm", "flood", "flooding", "quake", "earthquake", "tremor", "fire", "blaze", "wildfire",
    "disease", "virus", "epidemic", "pandemic", "outbreak", "accident", "crash", "collision",
    "cyclone", "hurricane", "typhoon", "tornado", "landslide", "mudslide", "avalanche", "drought",
    "heat", "heatwave", "cold", "famine", "tsunami", "eruption", "volcano", "lightning", "rain",
    "rains", "snow", "illness", "cancer", "infection", "it", "this", "that", "which",
    "temperature", "price", "market", "stock", "share", "index", "currency", "economy",
    "inflation", "rate", "profit", "loss", "sale", "demand", "supply", "figure", "number",
})  # fmt: skip
# Verbs of dying whose subject are the victims of the event noun they happen in.
DYING_VERBS = frozenset({"die", "perish", "kill", "wound", "injure", "lose"})
# Means of violence that stand in the subject for an unnamed doer: "a roadside bomb killed X".
# The munitions whose attack has a code of its own (MUNITION_CODES), and means that name no
# kind of attack to violence.py: shots, acts of fire, an attack itself, a sniper unseen.
WEAPON_NOUNS = frozenset(MUNITION_CODES) | {
    "strike", "bullet", "gunfire", "shelling", "bombardment", "bombing", "attack", "fire", "sniper",
}
# Prepositions after which an event noun is the setting of what the clause reports ("killed in
# the attack", "wounded during the raid"): a report of it. After any other preposition
# ("responsibility for", "an end to", "blamed X for", "anger over") it is a topic.
SETTING_PREPS = frozenset({"in", "during", "near", "at", "by"})
# Verbs by which a party takes on an act as its own ("claimed responsibility for the attack"):
# the act is reported, with that party as its doer. Denying or being blamed names no doer.
OWNING_VERBS = frozenset({"claim", "accept", "admit", "take", "bear", "acknowledge"})
# Nouns that introduce what an action answers: "in retaliation for", "in response to".
ANSWER_NOUNS = frozenset({
    "retaliation", "response", "reprisal", "revenge", "answer", "reaction", "punishment",
    "retribution", "protest",
})  # fmt: skip
# Prepositions (or participles used as such) placing a nominal event before the clause's own.
CAUSE_PREPS = frozenset({"after", "following", "since"})

# -- knowledge: office holders and story discards (knowledge/base.py, knowledge/discards.py) ----

# Words before an office title that keep the office the same ("acting president").
OFFICE_QUALIFIERS = ("acting ", "interim ", "transitional ", "caretaker ")
# "chief of staff": a title whose "chief" is not the head of the body it names.
STAFF_TITLE_WORDS = ("chief", "of", "staff")
# Titles of monarchs: heads of state for whom no election date applies.
MONARCH_TITLES = ("king", "queen", "emperor", "emir", "sultan", "grand duke", "prince")
# Words of state affairs that keep an article even among cues ("minister", "sanctions").
POLITICS_WORDS = frozenset({
    "minister", "president", "government", "ministry", "parliament", "army", "troops",
    "military", "sanctions", "talks", "ambassador", "embassy", "treaty", "ceasefire", "rebels",
    "officials", "diplomat", "diplomats", "senator", "policy", "election", "militants",
})
# Head lemmas of the rank and file of a party or armed group ("PTI supporters", "CCC activists",
# "members of the CHP", "Taliban fighters"): they act, and are acted on, as their group, so take
# its country and its sector on the day (a party out of government OPP, in government GOV or
# PTY, an armed group its own), not a generic civilian or militia sector (actors/roles.py).
MEMBER_NOUNS: Final = frozenset({
    "member", "supporter", "activist", "loyalist", "follower", "cadre", "fighter", "militant",
    "partisan", "sympathiser", "sympathizer",
})
# Sectors of the groups whose rank and file take the group's sector: parties (OPP, PTY, or GOV
# for a governing party on the day) and armed groups (REB, UAF, PRM, MIL, CRM).
MEMBER_GROUP_SECTORS: Final = frozenset({"OPP", "PTY", "GOV", "REB", "UAF", "PRM", "MIL", "CRM"})
