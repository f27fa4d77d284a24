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
# Reflexive pronouns: never an actor of their own ("declared itself ready").
REFLEXIVES: Final = frozenset({"itself", "themselves", "himself", "herself", "oneself"})
# Entity types of a preposition's object that make it a date, not a place or party.
TIME_ENTITIES: Final = frozenset({"DATE", "TIME"})
# Adjectives whose gerund has the subject of 'be': "X is guilty of violating the truce".
GUILT_WORDS: Final = frozenset({"guilty", "responsible", "culpable", "liable"})
# Passive verbs whose subject is the doer: "forces were engaged in ethnic cleansing".
ACTIVE_PASSIVES: Final = frozenset({"engage", "involve", "implicate"})

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
