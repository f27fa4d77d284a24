"""Which of the actors a trigger's clause names pair as its doers and its targets.

The party finder (build.py) collects the actors a clause names; these rules decide which of them
are parties at all and who acts on whom: where a meeting is held is no party to it, a place of
the doer's own left from or forces moved are no target, joint doers act on each other only when
the act is mutual, names listed beside a known target add nothing, a coordinated title shares
its neighbour's nationality, and unnamed forces who hold an official are that official's state's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dyadwatch.actors.cues import AS_A_PLACE, COUNTRY_NAME, FOCUS_GUESS, NO_NATIONALITY
from dyadwatch.events.parties import same as _same
from dyadwatch.knowledge.words import MUTUAL_ACTS, MUTUAL_OBJECT, SIGNING, WALKOUT_SECTORS
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from dyadwatch.events.match import Match
    from dyadwatch.records import Actor


# Meetings, calls, summits and negotiations: where they are held is no party to them (not
# visits, whose place is the host's, nor mediation "in" a conflict, which names whose it is).
_MEETING_CODES = frozenset({"040", "041", "044", "046"})


def each_other(trigger: Token) -> bool:
    """Whether the clause of ``trigger`` says its doers act on each other ("accused EACH OTHER",
    "attacked ONE ANOTHER's positions"), not in a clause below it."""
    stack = [trigger]
    while stack:
        tok = stack.pop()
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ in ("other", "another") and tok.lower_ == ("each" if nxt.lower_ == "other" else "one"):
            return True
        stack.extend(c for c in children_of(tok) if c.dep_ not in ("ccomp", "advcl", "relcl", "conj", "nsubj"))
    return False


def mutual_act(trigger: Token) -> bool:
    """Whether ``trigger`` is a mutual act of its joint doers whatever place or thing its clause
    also names ("Israeli and Palestinian gunmen exchanged fire IN JENIN"); not when a 'with'
    names the other side ("police and soldiers clashed WITH PROTESTERS")."""
    return trigger.lemma_.lower() in MUTUAL_ACTS and not any(
        c.dep_ == "prep" and c.lower_ == "with" for c in children_of(trigger))


def venue(token: Token, code: str, trigger: Token | None = None) -> bool:
    """Whether ``token`` is where a meeting is held ("met AT a villa in Geneva", "resumed talks
    IN Kuala Lumpur") or a document signed ("signed a ceasefire IN Jeddah"), not someone met or
    acted on."""
    if token.dep_ != "pobj" or token.head.lower_ not in ("in", "at"):
        return False
    return code in _MEETING_CODES or (trigger is not None and trigger.lemma_.lower() in SIGNING)


def home_place(token: Token, target: Actor, sources: list[Actor], code: str) -> bool:
    """Whether ``target`` is a place of the doer's own country named as where something leaves
    from ("expelled two Russian diplomats FROM VILNIUS", "pulled its troops back from Avdiivka"),
    or where relations with another are cut ("closed the Taiwanese embassy IN MANAGUA", 16): the
    place is no party to the act, and those it is done to are named elsewhere or not at all. A
    place abroad is ("recalled its ambassador from Minsk": Belarus), and so is a home place a
    measure applies to ("imposed a curfew in Kano")."""
    return (token.ent_type_ == "GPE" and token.dep_ == "pobj"
            and (token.head.lower_ == "from" or (token.head.lower_ == "in" and code[:2] == "16"))
            and target.country is not None and any(s.country == target.country for s in sources))


def own_forces(match: Match, target: Actor, sources: list[Actor]) -> bool:
    """Whether ``target`` is the forces an act moves or uses, not whom it acts on: the object its
    pattern names ("deployed TROOPS", "vowed to send more TROOPS to the border"), when they are
    state forces of the doer's own country (or of none)."""
    # a country guessed from what the article is about says nothing of whose forces they are
    country = None if FOCUS_GUESS in target.reason else target.country
    if match.code[:2] == "19" and match.trigger.lemma_.lower() in MUTUAL_OBJECT:
        return False  # "rebels fought the army": the army fought is the other side, not forces used
    if target.sector not in ("MIL", "COP", "SPY") or any(country not in (None, s.country) for s in sources):
        return False
    if match.code[:3] == _RETURN:
        return False  # "rebels freed twelve Ethiopian soldiers": captives are acted on, never used
    # a show of force or an alert moves the doer's own forces, whatever it calls them ("put ITS
    # ARTILLERY UNITS on high alert", "put its air defences on alert"): the word for the forces
    # need not be the pattern's
    if match.code[:2] == _POSTURE_ROOT and match.obj is not None and any(
            target.start <= t.idx < target.end for t in match.obj.subtree):
        return True
    return any(target.start <= o.idx < target.end and {o.lemma_.lower(), o.lower_} & m.pattern.objects
               for m in (match, match.inner) if m is not None
               for moved in _moved(m) for o in counted(moved))


# CAMEO's return or release (084): those freed are whom it acts on, whoever holds them.
_RETURN = "084"
# CAMEO's root of military posture (15): what it moves or alerts is the doer's own forces.
_POSTURE_ROOT = "15"


def _moved(match: Match) -> list[Token]:
    """What an act moves or uses: its object, or in a passive with a 'by' agent its subject
    ("warships were sent to the Gulf by Iran": the warships are Iran's, not whom it acts on)."""
    if match.obj is not None:
        return [match.obj]
    if not any(c.dep_ == "agent" for c in children_of(match.trigger)):
        return []
    return [c for c in children_of(match.trigger) if c.dep_ == "nsubjpass"]


def counted(obj: Token) -> list[Token]:
    """An object and, when it counts something ("thousands OF soldiers"), what it counts."""
    return [obj, *(p for c in children_of(obj) if c.dep_ == "prep" and c.lower_ == "of"
                   for p in children_of(c) if p.dep_ == "pobj")]


def reciprocal(actors: list[Actor]) -> list[tuple[Actor, Actor | None]]:
    # two bodies of one state do things with each other too ("Sudan's army and the RSF agreed")
    return [(a, b) for a in actors for b in actors
            if not _same(a, b) and (a.country != b.country or a.sector != b.sector)]


def named_members(actors: list[Actor]) -> list[Actor]:
    """Targets listed beside a known one that our lists cannot place at all (no country, no
    sector: "sanctions on Russia's two largest oil companies, Rosneft and Lukoil", the names of
    the companies just counted) add no party the known one does not already stand for."""
    if not any(a.country for a in actors):
        return actors
    return [a for a in actors if a.country or a.sector]


def inherit_country(actors: list[Actor]) -> list[Actor]:
    """'Algerian Foreign Minister X and Army Chief of Staff Y': Y shares X's nationality."""
    out: list[Actor] = []
    last_country: str | None = None
    for a in actors:
        if a.country is None and last_country is not None and a.sector is not None:
            a = replace(a, country=last_country, cameo_code=last_country + a.sector,
                        reason=a.reason + f"; coordinated with a {last_country} actor")
        last_country = a.country or last_country
        out.append(a)
    return out


def domestic_forces(source: Actor, target: Actor) -> Actor:
    """Unnamed soldiers or police who arrest or detain a country's official are that country's
    forces ("soldiers detained him", of Mali's president, in a story datelined Paris): the
    country they were given by default (the story's setting or focus) yields to the text's
    own evidence. A nationality in the mention ("French troops") is never overridden."""
    if (
        source.sector not in ("MIL", "COP")
        or NO_NATIONALITY not in source.reason
        or target.country is None
        or target.country == source.country
        or target.sector not in ("GOV", "ELI", "MIL", "JUD", "LEG")
    ):
        return source
    return replace(source, country=target.country, cameo_code=target.country + source.sector,
                   reason=f"{source.sector} without a nationality acting on an official of "
                          f"{target.country} -> {target.country}")


# Roots of meetings and visits, whose partner a 'with' phrase names wherever the parser hangs
# it in the act's own clause ("held a call lasting two hours WITH X", "discussed it by
# telephone WITH X").
_MEETING_ROOT = "04"
_VISIT_CODES = frozenset({"042"})
# Clauses of their own below a trigger: a 'with' in them is another act's.
_OWN_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis"})
# Prepositions of the means of a call, whose object may carry its 'with' ("by telephone WITH X").
_MEANS_PREPS = frozenset({"by", "via"})


def deep_partner(match: Match, code: str, actor: Callable[[Token], Actor | None],
                 sources: list[Actor]) -> list[Actor]:
    """The partner of a meeting or a visit the pattern did not find where it looks: an actor
    after 'with' anywhere in the act's own clause, and for a visit the state of the place it
    was made 'in' ("made an unannounced stop IN LAHORE": Pakistan, the host), when that is not
    the visitor's own. Empty for any other act."""
    if code[:2] != _MEETING_ROOT:
        return []
    heads = [h for h in (match.trigger, match.obj) if h is not None]
    stack, seen = list(heads), set()
    while stack:
        tok = stack.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        visited = code in _VISIT_CODES and tok.lower_ == "in" and any(tok.head.i == h.i for h in heads)
        if tok.dep_ == "prep" and (tok.lower_ == "with" or visited):
            for p in (c for c in children_of(tok) if c.dep_ == "pobj"):
                found = actor(p)
                if found is None or not found.country or any(_same(found, s) for s in sources) or (
                        visited and FOCUS_GUESS in found.reason):  # a town our lists miss: unknown state
                    continue
                if not visited:
                    return [found]
                if all(found.country != s.country for s in sources):  # the place stands for its state
                    return [replace(found, sector=None, kind="state", cameo_code=found.country,
                                    reason=found.reason + "; the place visited -> its state")]
        if tok.dep_ == "prep" and tok.lower_ not in _MEANS_PREPS:
            continue  # "met amid tensions WITH IRAN", "over the dispute with Israel": another matter
        stack.extend(c for c in children_of(tok) if c.dep_ not in _OWN_CLAUSES)
    return []


# How a mention ends when it names whose deed it is ("Serbia's decision", "the Philippines' move").
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")


def protest_recipients(targets: list[Actor], sources: list[Actor]) -> list[Actor]:
    """Whom a protest is aimed at, as PLOVER codes it: a foreign state named bare ("against
    Israel's bombing", "outside the U.S. embassy") stands for its government, which makes the
    policy protested; so does the protesters' own state named by its country's name as the doer
    of what is protested ("against MYANMAR'S refusal": its people do not protest against
    themselves; "blocked roads across France" names where, not whose deed), and a body named as
    such (the army, a court) keeps its sector. The people of a town of the protesters' own
    country, named as where they protest ("blocked roads in Dhaka"), are its setting, no one it is aimed at; and those of the protesters' own kind
    ("journalists marched to protest the arrest of two reporters": civilians, workers and
    professions, not lawmakers who walk out of their own chamber) are whom they protest for."""
    homes = {s.country for s in sources if s.country}
    own = {s.cameo_code for s in sources if s.sector in WALKOUT_SECTORS}  # not lawmakers leaving their chamber
    return [a.with_sector("GOV", "a protest against a state is aimed at its government")
            if a.kind == "state" and a.sector is None and a.country and not a.unknown
            and (a.country not in homes or (a.reason.startswith(COUNTRY_NAME) and a.text.endswith(_POSSESSIVE)))
            else a
            for a in targets if not (AS_A_PLACE in a.reason and a.country in homes) and a.cameo_code not in own]


# A visit (CAMEO 042) is made by people who speak for their side; state forces sent somewhere
# ("US troops arrived in Poland", "Kenyan police officers landed in Haiti") are deployed there.
_VISIT = "042"
_DEPLOYED_SECTORS = frozenset({"MIL", "COP"})
_CONFISCATION = "1711"


def no_such_act(code: str, sources: list[Actor]) -> bool:
    """Whether the doers cannot do the act their verb names: state forces named as a body of
    people make no visit (they are deployed), and a company taking over a firm buys it ("Nippon
    Steel took over a U.S. steel maker"), no confiscation (1711)."""
    if not sources:
        return False
    if code == _VISIT:
        return all(s.kind == "group" and s.sector in _DEPLOYED_SECTORS for s in sources)
    return code == _CONFISCATION and all(s.sector == "BUS" for s in sources)
