"""Cues around an actor mention: gazetteer hits, titles, places and the article's focus country.

Small functions over a parsed ``Doc`` shared by :mod:`dyadwatch.actors.resolve` (mentions) and
:mod:`dyadwatch.actors.people` (named people). None of them consults the knowledge files except through
the entity ids our gazetteer put on the ``Doc`` (``kind:code``, see :mod:`dyadwatch.nlp.pipeline`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyadwatch.knowledge.words import (
    ARRIVING_PEOPLE,
    COLLECTIVE_HEADS,
    FLAG_PARTICIPLES,
    FORMER_WORDS,
    LOCATIVE_PREPS,
    NOT_DOERS,
    OWN_PLACE_PREPS,
    PERSONAL_PRONOUNS,
    PLACE_NOUNS,
    PLACING_VERBS,
    SECTOR_ADJECTIVES,
)
from dyadwatch.nlp.tree import children as children_of
from dyadwatch.read.dateline import find_dateline

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Span, Token

# Words that stand before a name as a title; stripped from the name, kept as a cue.
TITLE_WORDS = frozenset({
    "general", "president", "minister", "gen", "gen.", "dr", "dr.", "mr", "mr.", "mrs", "mrs.",
    "ms", "ms.", "colonel", "col", "col.", "admiral", "prime", "foreign", "defence", "defense",
    "king", "queen", "prince", "princess", "sheikh", "commander", "chief", "lt", "lt.",
    "lieutenant", "major", "maj", "maj.", "marshal", "ambassador", "senator", "sen", "sen.",
    "secretary", "emir", "sultan", "pope", "cardinal", "archbishop", "bishop", "rev", "rev.",
    "reverend", "judge", "justice", "brig", "brig.", "brigadier", "capt", "capt.", "captain",
    "sgt", "sgt.", "sergeant", "chancellor", "premier", "governor", "mayor", "crown", "former",
    "ex", "acting", "interim", "deputy", "vice", "rep", "rep.", "representative",
    # clergy: "Grand Ayatollah X", "Imam X", "Rabbi X" (REL titles in roles.tsv)
    "grand", "ayatollah", "imam", "rabbi", "mufti", "patriarch",
})
COUNTRYISH = ("country", "adjective", "capital")
# Role terms that are adjectives inside a body's name: the "National" of "National Disaster
# Management Authority" or "Kenya National Union of Teachers" and the "Civilian" of "Civilian
# Joint Task Force" name no citizens (CVL).
NAME_ADJECTIVES = frozenset({"national", "civilian"})
# Words of a removal or retirement from office before a title: the holder is no longer in office.
_REMOVED = frozenset({"ousted", "deposed", "toppled", "overthrown", "exiled", "jailed", "retired"})
# Held by those now in power: "the detained president" governs no more (a coup's captive).
_HELD = frozenset({"detained", "imprisoned"})
# The sectors of state office: PLOVER's ELI is former officials of the government or the armed
# forces, so "former" makes only their holders ELI ("an exiled cleric" stays REL, "a former
# rebel commander" REB, "a former journalist" JRN).
STATE_OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "ELI"})
# Adjectives of regions of several states: "European officials", "Arab foreign ministers" are of
# no one country, least of all the story's own ("Western diplomats" are CAMEO's WST, a name in
# countries.tsv, found before these are read).
REGIONS = frozenset({
    "european", "african", "arab", "western", "asian", "gulf", "nordic", "baltic", "balkan",
    "scandinavian", "latin", "caribbean", "eurasian", "pan-african", "pan-arab",
})
# Words that count people: "thousands of Lebanese" are people, not the state.
_COUNTS = frozenset({"dozens", "scores", "hundreds", "thousands", "tens", "millions"})
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"[’']s$")


# The words that open the reason of a mention given a country by default (its clause's place,
# the story's setting, the article's focus) rather than by a nationality of its own; the event
# stage reads them to let the text's own evidence override that default.
NO_NATIONALITY = "no nationality"
# How a reason says an actor was given the article's focus country, for lack of its own.
FOCUS_GUESS = "; the article is about"
# How a reason says a capital named as where something happens stands for its people ("in
# Dhaka"); the event stage reads it to tell a protest's setting from whom it is aimed at.
AS_A_PLACE = "as a place"
# How a reason begins for a state named by its country's name ("Myanmar", "Serbia's"), not by a
# town or a place in it; the event stage reads it to tell the state from a place of it.
COUNTRY_NAME = "country name '"


@dataclass(frozen=True)
class Cue:
    """A country (ISO alpha-3 or IGO code) and why the mention belongs to it."""

    code: str
    why: str
    kind: str = "country"  # the gazetteer kind of the evidence, or "focus"/"place"/"person"


def hit_of(ent: Span) -> tuple[str, str] | None:
    """(kind, code) of an entity our gazetteer tagged, from its ent_id ``kind:code``."""
    ent_id = ent.ent_id_
    if ":" not in ent_id:
        return None
    kind, _, code = ent_id.partition(":")
    return kind, code


def flag_name(noun: Token) -> Token | None:
    """The country's name in "a British-flagged tanker", "a Panama-registered ship", "a
    Greek-owned vessel": the thing is that country's, as "a British tanker" is. The name is
    read before the hyphen, however the parser attached it."""
    doc = noun.doc
    for child in children_of(noun):
        if child.i < noun.i and child.i >= 2 and child.lower_ in FLAG_PARTICIPLES and doc[child.i - 1].text == "-" \
                and doc[child.i - 2].ent_type_ in ("NORP", "GPE"):
            return doc[child.i - 2]
    return None


def entity_index(doc: Doc, ents: Iterable[Span] | None = None) -> dict[int, Span]:
    """Every token index inside an entity (of ``ents``, by default ``doc.ents``), mapped to
    that entity."""
    return {i: ent for ent in (doc.ents if ents is None else ents) for i in range(ent.start, ent.end)}


def clean_name(text: str) -> tuple[str, list[str]]:
    """A person's name without leading titles or a possessive, and the title words removed."""
    words = [w for w in _SPACES.split(text.strip()) if w]
    titles: list[str] = []
    while len(words) > 1 and words[0].lower().strip(",") in TITLE_WORDS:
        titles.append(words.pop(0).strip(","))
    name = " ".join(words)
    return _POSSESSIVE.sub("", name), titles


def is_ethnic(ent: Span) -> bool:
    """'ethnic Albanians', 'ethnic Serb civilians': a people, not a nationality."""
    doc = ent.doc
    return ent.start > 0 and doc[ent.start - 1].lower_ in ("ethnic", "ethnically")


# Participles after "X-" that name a backer, a birthplace or a schooling, outside the actor:
# "Iranian-backed militias" in Iraq are Iraq's, a "Somali-born lawmaker" may be Dutch.
# ("Saudi-led", the actor's own leader, is not among them.) An occupier's appointees are of
# the land they govern: "Moscow-installed officials" in Kherson are Ukraine's. A language names
# a community, not a state: "Russian-speaking protesters" in Tallinn are Estonia's.
_OUTSIDE_PARTICIPLES = frozenset({
    "backed", "sponsored", "supported", "funded", "financed", "armed", "trained", "allied",
    "aligned", "inspired", "born", "educated", "raised", "installed", "appointed", "imposed",
    "speaking",
})


def is_outside_tie(ent: Span) -> bool:
    """'Iranian-backed', 'Russia-sponsored', 'Somali-born', 'Moscow-installed': the name is
    tied to the actor from outside it (a backer, a birthplace, an occupier), not its
    nationality; so is the agent of such a participle after the actor ("rebels backed by
    Rwanda", "militias armed and trained by Iran")."""
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ in _OUTSIDE_PARTICIPLES:
        return True
    return is_backer_agent(ent)


def is_backer_agent(ent: Span) -> bool:
    """'Rwanda' in 'rebels backed by Rwanda': the agent ("by") of a backing participle that
    describes a noun (or of a relative clause on it: "rebels who are backed by Rwanda"), not
    the doer of a clause of its own ("Rwanda backed the rebels")."""
    root = conj_root(ent.root)
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "by" or prep.i == root.i:
        return False
    verb = conj_root(prep.head)  # "armed and trained by Iran": the first participle
    return (verb.lower_ in _OUTSIDE_PARTICIPLES or prep.head.lower_ in _OUTSIDE_PARTICIPLES) \
        and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN")


def is_origin_of_mention(ent: Span) -> bool:
    """'migrants coming from Libya', 'refugees from Syria', 'men who had crossed from France':
    the name says where the people of a mention came from, not where the story is set or
    whose article it is (the police who arrest them are not Libya's)."""
    root = conj_root(ent.root)
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "from":
        return False
    owner = prep.head
    if owner.pos_ == "VERB" and owner.dep_ in ("acl", "relcl"):
        owner = owner.head  # "migrants coming from Libya": the people the clause describes
    return owner.pos_ == "NOUN" and owner.lemma_.lower() in ARRIVING_PEOPLE


def is_allegiance(ent: Span) -> bool:
    """'pro-Russian separatists', 'anti-Iranian protesters': a side taken, not a nationality
    (the separatists are Ukraine's, wherever the text places them)."""
    if ent.text.lower().replace(" ", "").startswith(("pro-", "anti-")):
        return True
    doc = ent.doc
    return ent.start >= 2 and doc[ent.start - 1].text == "-" and doc[ent.start - 2].lower_ in ("pro", "anti")


def region_word(span: Span, head: Token) -> Token | None:
    """The adjective of a region of several states modifying the mention ("European" in
    "European officials", "African" in "West African leaders"), if any."""
    for t in span:
        if t.i < head.i and t.lower_ in REGIONS and t.dep_ in ("amod", "compound", "nmod"):
            return t
    return None


def named_cause(head: Token) -> bool:
    """A name titled as a cause, not an actor: "Typhoon Haiyan", "Hurricane Ian", "Cyclone
    Remal" (the title is one of the ``not_doers`` of ``words.yaml``)."""
    return head.pos_ == "PROPN" and any(c.dep_ == "compound" and c.lower_ in NOT_DOERS for c in head.children)


def is_former(tokens: list[Token]) -> bool:
    """'former', 'ex-', and the words of a removal from office ('ousted president X', 'the
    exiled king', 'a retired general'): PLOVER's ELI counts former, ousted and exiled officials
    and those no longer in the government or the armed forces. "Late" before a title ("Libya's
    late leader") is one who died: his office is past too."""
    return out_of_office(tokens) or any(t.lower_ == "late" and t.dep_ == "amod" for t in tokens)


def out_of_office(tokens: list[Token]) -> bool:
    """'former', 'ex-', 'ousted', 'jailed', 'exiled': a living person put or kept out of the
    office they held. Unlike ``is_former``, 'the late president' is not: his followers may be
    the government he left behind."""
    return any(t.lower_ in FORMER_WORDS or t.lower_ in _REMOVED or t.lower_ in _HELD or t.lower_.startswith("ex-")
               for t in tokens)


def ex_title(token: Token) -> Token | None:
    """The noun of "ex-president", "ex-ministers" when the parser made 'ex', '-' and the noun
    three siblings of one role and handed over 'ex' as the mention's head."""
    doc = token.doc
    if token.lower_ != "ex" or token.i + 2 >= len(doc) or doc[token.i + 1].text != "-":
        return None
    noun = doc[token.i + 2]
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.head.i == token.head.i else None


def conj_root(token: Token) -> Token:
    """The first conjunct of a coordination ('Romanian' in 'Hungarian and Romanian' -> Hungarian)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it, in text order."""
    first = conj_root(token)
    out = [first]
    stack = [first]
    while stack:
        node = stack.pop()
        for child in children_of(node):
            if child.dep_ == "conj":
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def modified_noun(token: Token) -> Token | None:
    """The noun a name or nationality modifies: 'Hungarian' (and 'Romanian') in 'Hungarian and
    Romanian officials' -> officials; 'NATO' in 'NATO-led peacekeepers' -> peacekeepers."""
    node = conj_root(token)
    if node.dep_ not in ("amod", "compound", "nmod", "npadvmod", "nummod"):
        return None
    noun = node.head
    if noun.pos_ == "VERB" and noun.dep_ == "amod" and (
        noun.lower_.endswith(("led", "backed")) or noun.lower_ in FLAG_PARTICIPLES
    ):
        noun = noun.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i == token.i:
        return None
    return noun


def place_tokens(head: Token) -> list[Token]:
    """Objects of the place prepositions attached to a mention ('rebels in Mali', 'Albanians of
    southern Serbia', 'a group based in X', 'Palestinians living in Y'), nearest to the
    preposition's object first ('the Israeli-occupied West Bank': West Bank before Israeli)."""
    out: list[Token] = []
    for child in children_of(head):
        if child.dep_ == "prep" and child.lower_ in OWN_PLACE_PREPS:
            out.extend(_objects(child))
        elif child.dep_ in ("acl", "relcl") and child.lemma_.lower() in PLACING_VERBS:
            for grand in children_of(child):
                if grand.dep_ == "prep" and grand.lower_ in OWN_PLACE_PREPS:
                    out.extend(_objects(grand))
    return out


def _objects(prep: Token) -> list[Token]:
    """The objects of a preposition and their dependents, breadth first."""
    queue = [obj for obj in children_of(prep) if obj.dep_ == "pobj"]
    found: list[Token] = []
    while queue:
        node = queue.pop(0)
        found.append(node)
        queue.extend(children_of(node))
    return found


def locative_place(token: Token) -> Token | None:
    """The preposition when ``token`` is the object of a place preposition ('in Algiers')."""
    node = conj_root(token)
    while node.dep_ in ("compound", "amod") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ in LOCATIVE_PREPS:
        return node.head
    return None


# Verbs whose direct object is a place moved into ("entered eastern Congo"), not a party.
_ENTERING = frozenset({"enter", "invade", "penetrate", "reenter", "re-enter"})


def entered_place(token: Token, ents: dict[int, Span]) -> tuple[str, Span] | None:
    """'troops entered eastern Congo to fight rebels': the country a clause goes into when
    ``token`` is the object of its purpose clause ("to fight rebels"), whose foes are met
    there (code, entity). The clause's own subject is not placed so: the troops came in."""
    # "to fight rebels" or "to fight against rebels": a pobj hangs under its preposition
    verb = token.head.head if token.dep_ == "pobj" else token.head
    if token.dep_ not in ("dobj", "pobj") or verb.dep_ not in ("xcomp", "advcl") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb)
    ):
        return None
    main = verb.head
    if main.lemma_.lower() not in _ENTERING:
        return None
    for child in children_of(main):
        ent = ents.get(child.i) if child.dep_ == "dobj" else None
        hit = hit_of(ent) if ent is not None else None
        if ent is not None and hit is not None and hit[0] in ("country", "capital"):
            return hit[1], ent
    return None


def sentence_places(token: Token, ents: dict[int, Span]) -> list[tuple[str, Span]]:
    """Countries named as the place of the clause in ``token``'s sentence: (code, entity);
    last, the country entered to fight the foes ``token`` names (see :func:`entered_place`)."""
    out: list[tuple[str, Span]] = []
    seen: set[int] = set()
    for tok in token.sent:
        ent = ents.get(tok.i)
        if ent is None or ent.start in seen:
            continue
        hit = hit_of(ent)
        if hit is None or hit[0] not in ("country", "capital"):
            continue
        # "at a US base", "an Indian army camp": the name modifies the thing it owns, which
        # stands elsewhere; only a name that is itself the object of the preposition sets a clause
        if conj_root(ent.root).dep_ in ("compound", "amod", "nmod"):
            continue
        if locative_place(ent.root) is not None:
            seen.add(ent.start)
            out.append((hit[1], ent))
    entered = entered_place(token, ents)
    return out if entered is None else [*out, entered]


def dateline_country(doc: Doc, ents: Iterable[Span]) -> str | None:
    """The country of a dateline that names it ("GAO, Mali (AP) -", "BAMAKO -")."""
    dateline = find_dateline(doc.text[:400])
    if dateline is None:
        return None
    place = dateline.place
    for ent in ents:
        if ent.start_char > place.end + 40:
            break
        hit = hit_of(ent)
        if ent.end_char > place.start and hit is not None and hit[0] in ("country", "capital"):
            return hit[1]
    return None


def setting_country(doc: Doc, ents: Iterable[Span]) -> str | None:
    """The country a story is set in, as opposed to the one it names most: its dateline's, else
    the country most often named as a place ("in Mali"; the first on a tie), else the first
    country its lead sentence names. Unnamed soldiers and police are that country's."""
    ents = list(ents)
    found = dateline_country(doc, ents)
    if found is not None:
        return found
    counts: dict[str, int] = {}
    lead: str | None = None
    first_sentence_end = next(iter(doc.sents)).end if len(doc) else 0
    for ent in ents:
        hit = hit_of(ent)
        if (hit is None or hit[0] not in COUNTRYISH or is_ethnic(ent) or is_outside_tie(ent)
                or is_origin_of_mention(ent)):
            continue
        if lead is None and ent.start < first_sentence_end:
            lead = hit[1]
        if hit[0] != "adjective" and locative_place(ent.root) is not None:
            counts[hit[1]] = counts.get(hit[1], 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else lead


def focus_country(
    doc: Doc, organisations: dict[str, str | None], ents: Iterable[Span] | None = None
) -> str | None:
    """The dateline's country, else the country named most often in the article (first named
    on a tie), counting national organisations ("Hamas", "AFRICOM") as their country's names
    (``organisations`` maps an organisation's name to its country). Ethnic adjectives
    ('ethnic Albanians'), sides taken ('pro-Russian') and outside ties ('Iranian-backed',
    'Somali-born') do not count. ``ents`` are ``doc.ents``, if already at hand."""
    ents = list(doc.ents if ents is None else ents)
    dateline = dateline_country(doc, ents)  # "GAO, Mali (AP) -" names the country
    if dateline is not None:
        return dateline
    counts: dict[str, int] = {}
    for ent in ents:
        hit = hit_of(ent)
        if hit is None or hit[0] not in COUNTRYISH:
            code = organisations.get(hit[1]) if hit is not None and hit[0] == "organisation" else None
            if code is not None and not is_outside_tie(ent):  # "Hezbollah-trained" men: not Lebanon's story
                counts[code] = counts.get(code, 0) + 1  # "Hamas" speaks of PSE
            continue
        if ent.start_char < 400 and ent.text.isupper() and hit[0] == "capital":
            return hit[1]  # a dateline such as "ALGIERS –"
        if is_ethnic(ent) or is_allegiance(ent) or is_outside_tie(ent) or is_origin_of_mention(ent):
            continue
        counts[hit[1]] = counts.get(hit[1], 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


# -- the shape of a mention ---------------------------------------------------------------


def is_pronoun(token: Token) -> bool:
    """A personal pronoun ("he", "us"), not a name spelled like one ("US") or a name the
    tagger took for a pronoun ("Macron accused ...": no function word)."""
    if token.text.isupper() and len(token.text) > 1:
        return False  # "US", "UK": names, not "us"
    return token.lower_ in PERSONAL_PRONOUNS or (token.pos_ == "PRON" and token.is_stop)


def is_people_noun(ent: Span, forms: tuple[str, ...]) -> bool:
    """A plural demonym used as a noun ("Palestinians", "Serbs"), not an adjective; a demonym
    whose plural is the adjective itself ("thousands of Lebanese", "the Sudanese") when the
    parser reads it as a plural noun."""
    root = ent.root
    if root.dep_ in ("amod", "compound", "nmod") or root.pos_ == "ADJ":
        return False
    text = ent.text
    if text.endswith("s") and text[:-1] in forms:
        return True
    if not (text in forms and text.endswith(("ese", "ss", "sh", "ch"))):
        return False
    if root.tag_ in ("NNS", "NNPS"):
        return True
    # "thousands of Lebanese", "200 Swiss": counted, a people whatever the tagger says ("the
    # Chinese protested" may be the state speaking, and stays the state)
    of = root.head
    return root.dep_ == "pobj" and of.lower_ == "of" and (of.head.like_num or of.head.lower_ in _COUNTS)


def singular_definite(span: Span, head: Token) -> bool:
    """'the Algerian president', 'Mali's prime minister', 'President' - one office, not 'a
    minister' or 'ministers'."""
    if head.tag_ in ("NNS", "NNPS"):
        return False
    return not any(t.lower_ in ("a", "an", "vice", "deputy") for t in span if t.i < head.i)


def collective_marker(head: Token) -> Token | None:
    """'both' or 'two' in 'both countries', 'the two armies'."""
    if head.lemma_.lower() not in COLLECTIVE_HEADS or head.tag_ not in ("NNS", "NNPS"):
        return None
    return next((c for c in children_of(head) if c.lower_ in ("both", "two")), None)


def place_noun(token: Token) -> Token:
    """'the town of Cizre in southeastern Turkey': the noun the place name specifies."""
    node = conj_root(token)
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in PLACE_NOUNS:
        return node.head.head
    return token


def names_a_body(token: Token | None) -> bool:
    """Whether a role word beside a weak head names a body ("rebel", "army", "civilian")
    rather than qualifying it ("local", "national", "general")."""
    if token is None:
        return False
    return token.pos_ in ("NOUN", "PROPN") or token.lower_ in SECTOR_ADJECTIVES


def coordinated(token: Token) -> list[Token]:
    """A mention and the mentions coordinated with it or listed after 'including'; a noun with
    coordinated nationalities ("Hungarian and Romanian officials") gives one token per
    nationality, resolved by :meth:`ArticleActors.resolve` to one actor each."""
    out: list[Token] = []
    modifiers = [c for c in children_of(token) if c.dep_ in ("amod", "compound", "nmod")
                 and c.ent_type_ in ("NORP", "GPE", "ORG") and any(x.dep_ == "conj" for x in children_of(c))]
    if modifiers:
        nationalities = [t for t in conjuncts(modifiers[0]) if t.ent_type_ in ("NORP", "GPE", "ORG")]
        out.extend(nationalities if len(nationalities) > 1 else [token])
    else:
        out.append(token)
    for child in children_of(token):
        if (child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON")) or (
            child.dep_ == "appos" and child.ent_type_ == "PERSON" and token.ent_type_ == "PERSON"
        ) or (
            # "Saudi Arabia, Bahrain, the UAE and Egypt", parsed with Bahrain in apposition: a list
            # goes on from it; a lone place after another ("Kyiv, Ukraine") says where, no list
            child.dep_ == "appos" and child.ent_type_ == token.ent_type_ == "GPE"
            and any(c.dep_ == "conj" for c in children_of(child))
        ):
            out.extend(coordinated(child))
        elif child.dep_ == "prep" and child.lower_ == "including":
            for pobj in children_of(child):
                if pobj.dep_ == "pobj":
                    out.extend(coordinated(pobj))
    return out
