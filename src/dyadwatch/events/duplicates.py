"""One real-world act, one event: two triggers of a sentence that report the same act.

A sentence often names one act twice: conjoined verbs ("troops attacked and shelled the town"),
an event noun restated in an apposition ("the attack, a bombing of the market, ..."), a noun and
the relative clause that restates it ("the raid, which targeted ..."), an event noun and the verb
it is the subject of ("the bombing killed five"). Each trigger makes its own events; this module
folds such a pair into one. A noun in a prepositional phrase ("killed in an ambush") is left
alone: which of the two words a reader takes for the act varies too much to pick one.

Two events fold only when all of these hold, so that acts that are truly distinct stay apart:

* their triggers are linked on the parse, as above (a link of the triggers alone: two acts
  merely in one sentence never fold); conjoined verbs that each have an object of their own
  are two clauses, each telling its own act ("stormed the village and killed ten militants"),
  unless the second names the first's party again by a pronoun ("... and wounded 20 of them");
* the same PLOVER type and the same CAMEO root, or two uses of force (the roots 18, 19, 20 and
  violent repression, 175), which CAMEO splits by weapon, manner and victims where the act is
  one ("the attack, a bombing": 190 and 183); an
  accusation and the act it accuses, or a statement and its content, differ in type;
* the same modality (an act and its denial are two claims);
* the same source, or for a restating noun (not a conjunction) one source unknown;
* the same target, or one target unknown: "attacked Mekelle and shelled Adigrat" names two
  targets and stays two events, as does a group of coordinated targets of one trigger (those
  come from one trigger, never two).

The folded event keeps one trigger's evidence (its trigger span, its id, its date): the verb
that tells the act with its parties over a noun that only names it (the relative clause's verb,
the verb whose subject the noun is), else the governing word (the first of conjoined verbs, the
noun an apposition describes). It takes the more specific of the two codes (with that code's
CAMEO and PLOVER records), and per role the more complete actor (a named one over an unknown
one, one with a sector over a bare state). The other trigger is kept as
``evidence.restated`` (its word and offsets) and the rule ends in "+restated". An act told three
times keeps the last word folded in.

A when-clause that tells a use of force under another ("the minister survived an assassination
attempt WHEN gunmen opened fire on his car", "three soldiers were killed when rebels ambushed
their patrol") tells how that act went: both uses of force, with a doer and a target each the
same or unnamed on one side, are one act, told by the main clause, with the clause's doer.

A participial clause of a verb with no subject of its own ("opened fire on the crowd, wounding
20", "imposed sanctions on Belarus, freezing the assets of officials", "dispersed the crowd by
firing tear gas", "Firing tear gas, police dispersed ...") states the outcome or the means of
the verb's act: one act, told by the head verb (see ``outcome_or_means`` for which pairs of
types fold). A clause with a subject or a conjunction of its own ("after", "while", "before")
tells an act of its own. A passive with no 'by', conjoined after an act ("raided a camp and 30
insurgents were killed", also when parsed under a following "officials said"), tells that act's
toll and folds the same way (link ``toll``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dyadwatch.knowledge.ontology import leaf_rank
from dyadwatch.knowledge.words import SPEECH_VERBS
from dyadwatch.nlp.tree import children as children_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dyadwatch.events.match import Match
    from dyadwatch.records import Actor, Event

VIOLENT_ROOTS = frozenset({"18", "19", "20"})


def use_of_force(event: Event) -> bool:
    """A use of force: the violent roots, and violent repression (175), which CAMEO parts from
    them by its victims only ("opened fire on demonstrators and wounded 20 of them")."""
    return event.cameo.root in VIOLENT_ROOTS or event.cameo.code == "175"


def _tokens(match: Match) -> list[Token]:
    """The tokens that stand for a match's act: its trigger, its event noun, and the object its
    pattern names ("carried out an attack": the attack)."""
    out = [match.trigger]
    if match.noun is not None:
        out.append(match.noun)
    if match.obj is not None and match.pattern.objects:
        out.append(match.obj)
    return out


def _link(x: Token, y: Token) -> str | None:
    """How token ``y`` restates the act of token ``x`` on the parse, or None."""
    if x.i == y.i:
        return None
    if y.dep_ == "conj" and any(c.i == x.i for c in y.conjuncts):
        later = y if y.i > x.i else x
        if later is y and _agentless_passive(y):
            return "toll"
        return None if _own_object(x) and _own_object(y) and not _refers_back(later) else "conj"
    if _toll_parsed_apart(x, y):
        return "toll"
    if y.head.i == x.i and y.dep_ == "appos":
        return "appos"
    if y.head.i == x.i and x.pos_ in ("NOUN", "PROPN") and (
            y.dep_ == "relcl" or (y.dep_ == "acl" and y.tag_ == "VBN")):
        return "relcl"  # "aid that Egypt delivered", "aid delivered by Egypt": one act, told by the verb
    if y.head.i == x.i and y.dep_ == "nsubj" and y.pos_ == "NOUN" and x.pos_ == "VERB":
        return "nsubj"
    if _participle_of(x, y):
        return "participle"
    if _when_clause_of(x, y):
        return "when"
    return None


def _when_clause_of(x: Token, y: Token) -> bool:
    """Whether ``y`` heads a when-clause of ``x``'s clause ("survived an assassination attempt
    WHEN gunmen opened fire on his car", "two soldiers were killed when rebels ambushed their
    patrol"): the clause tells how the act went; ``x`` is its verb, or the verb's own object
    or subject."""
    if y.dep_ != "advcl" or not any(c.dep_ in ("advmod", "mark") and c.lower_ == "when" for c in children_of(y)):
        return False
    return y.head.i == x.i or (x.dep_ in ("dobj", "nsubj", "nsubjpass") and x.head.i == y.head.i)


def _participle_of(verb: Token, clause: Token) -> bool:
    """Whether ``clause`` is a participle of ``verb`` that tells how its act went or what it did
    ("..., killing 12", "..., freezing the assets of", "... by firing tear gas", "Firing tear
    gas, police dispersed ..."): no subject of its own (whose act would be its own), and no
    conjunction that sets it in time or opposes it ("after shelling", "while denying"); a
    perfect participle ("having shelled") is past (tagged VBN) and tells an earlier act.
    Conjoined participles are each one ("..., killing 12 and wounding 30")."""
    if verb.pos_ not in ("VERB", "AUX") or clause.tag_ != "VBG" or clause.i == verb.i:
        return False
    chain = [clause]
    while chain[-1].dep_ == "conj" and chain[-1].head.tag_ == "VBG" and chain[-1].head.i != verb.i:
        chain.append(chain[-1].head)
    first = chain[-1]
    if first.dep_ == "advcl":
        attached = first.head.i == verb.i
    else:  # "dispersed the crowd by firing tear gas": the means, under 'by'
        prep = first.head
        attached = first.dep_ == "pcomp" and prep.lower_ == "by" and prep.head.i == verb.i
    return attached and not any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "mark", "aux") for t in chain for c in children_of(t))


def _toll_parsed_apart(act: Token, toll: Token) -> bool:
    """Whether ``toll``, a later passive with no 'by', is the toll of ``act`` where the parser
    does not conjoin them: hung under a following attribution ("... and six officers were
    killed, officials said"), or with the act hung under it ("jets bombed a wedding party; 20
    guests were killed")."""
    if toll.i <= act.i:
        return False
    under_said = (toll.dep_ == "ccomp" and toll.head.dep_ == "conj" and toll.head.head.i == act.i
                  and toll.head.lemma_.lower() in SPEECH_VERBS)
    return (under_said or (act.head.i == toll.i and clause_of_its_own(act))) and _agentless_passive(toll)


def clause_of_its_own(verb: Token) -> bool:
    """A verb with a subject of its own that the parser hangs as a complement of another
    ("jets bombed a wedding party; 20 guests were killed": 'bombed' under 'killed'): an act told
    in its own right, with its own doer, not part of the verb it hangs from."""
    return verb.dep_ in ("ccomp", "parataxis") and any(c.dep_ == "nsubj" for c in children_of(verb))


def _agentless_passive(verb: Token) -> bool:
    """Whether a verb is a passive with no 'by' of its own ("... and seven people were killed",
    "... and 40 supporters were arrested"): conjoined after an act, it tells what that act did to
    whom, the toll of the act, not an act of a doer of its own."""
    kids = children_of(verb)
    return any(c.dep_ == "nsubjpass" for c in kids) and not any(c.dep_ == "agent" for c in kids) \
        and not _placed_apart(verb)


def _placed_apart(verb: Token) -> bool:
    """Whether a verb names a place of its own ("... and two people were killed IN KHERSON"): a
    toll elsewhere than the act is another act."""
    return any(p.dep_ == "prep" and p.lower_ in ("in", "near", "at", "outside", "on")
               and any(o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC", "FAC") for o in children_of(p))
               for p in children_of(verb))


def _refers_back(verb: Token) -> bool:
    """Whether the object of the later of two conjoined verbs is the earlier one's, named again
    by a pronoun ("opened fire on demonstrators and wounded 20 of them", "arrested 40 protesters
    and detained them overnight"): the second verb tells what the first did to them."""
    for obj in children_of(verb):
        if obj.dep_ not in ("dobj", "nsubjpass"):
            continue
        if obj.pos_ == "PRON" and obj.lower_ in ("them", "him", "her", "they", "he", "she"):
            return True
        if any(p.dep_ == "prep" and p.lower_ == "of" and any(
                o.dep_ == "pobj" and o.lower_ in ("them", "those") for o in children_of(p))
               for p in children_of(obj)):
            return True
    return False


def _own_object(verb: Token) -> bool:
    """Whether a verb has an object of its own: conjoined verbs that each have one are two
    clauses ("stormed the village and killed ten militants"), each reporting its own act. An
    object its pattern names tells no party apart either: "declared a state of emergency and
    detained the leader", "recalled its ambassador and downgraded ties" are two acts each."""
    return any(c.dep_ in ("dobj", "nsubjpass") for c in children_of(verb))


def linked(a: Match, b: Match) -> tuple[str, bool] | None:
    """How the triggers of two matches are linked as one act (``conj``, ``appos``, ``relcl``,
    ``nsubj``, ``participle``), and whether ``a``'s event is the one to keep as evidence; None
    when they are not linked. The evidence is the verb that tells the act with its parties over
    the noun that names it (a relative clause, a verb with the event noun as subject), else the
    governing word (the first of conjoined verbs, the noun an apposition describes, the verb a
    participle tells the outcome of)."""
    for x in _tokens(a):
        for y in _tokens(b):
            kind = _link(x, y)
            if kind is not None:
                return kind, kind != "relcl"
            kind = _link(y, x)
            if kind is not None:
                return kind, kind == "relcl"
    return None


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    """One party in two mentions: one span, or one name of one country."""
    if a is None or b is None or a.unknown or b.unknown:
        return False
    if (a.start, a.end) == (b.start, b.end):
        return True
    return a.name == b.name and a.country == b.country


def _missing(actor: Actor | None) -> bool:
    return actor is None or actor.unknown


def _fuller(a: Actor | None, b: Actor | None) -> Actor | None:
    """The more complete of two mentions of one party: a named one over none, then the one that
    names a sector or a country the other lacks; ``a`` on a tie."""
    if _missing(a):
        return b if not _missing(b) else a
    if _missing(b) or a is None or b is None:
        return a
    return b if len(b.cameo_code) > len(a.cameo_code) else a


def _same_party(a: Actor | None, b: Actor | None) -> bool:
    """One party, or one unknown, or two mentions of one country's side ("sanctions on Belarus,
    freezing the assets of its officials"; "struck Libya, destroying tanks"), or of a side whose
    country the sentence leaves open ("shelled rebel positions, destroying two tanks": nothing
    says the tanks are another side's; two countries named do)."""
    if _missing(a) or _missing(b) or _same_actor(a, b):
        return True
    if a is None or b is None:
        return False
    return a.country is None or b.country is None or a.country == b.country


def _same_kind(a: Actor | None, b: Actor | None) -> bool:
    """Two mentions of one kind of party: the same sector, or one with none said."""
    return a is None or b is None or not a.sector or not b.sector or a.sector == b.sector


# Verbs of preventing: a refusal's participle of one of them tells what the refusal stopped
# ("vetoed the aid package, blocking 50 billion euros of funding"), not an act of its own.
_PREVENTING = frozenset({"block", "stall", "thwart", "prevent", "derail", "stymie", "scupper", "sink"})


def outcome_or_means(head: Event, told: Event, told_lemma: str = "") -> bool:
    """Whether ``told``, the event of a participle of ``head``'s verb, is ``head``'s act: by the
    doer it shares (the participle has none of its own) and the pair of types.

    * one type, each party one (or the participle's unnamed): the outcome or the means of the
      act ("opened fire on the crowd, wounding 20": violent repression and its casualties;
      "visited Islamabad, meeting the prime minister"). A type apart is an act apart
      ("arrested 12, releasing three hours later"; "met the president, pledging aid");
    * a protest and the demand it makes ("rallied in Caracas, demanding the release of ..."):
      PLOVER does not code a protest's topic as an event of its own;
    * a show of force and the firing it consists of when the fire hits no one ("held drills,
      firing shells into the sea"); fire that hits someone is an assault, and stays one;
    * a refusal and what it prevents ("vetoed the aid package, blocking the funding"): the
      participle names the veto's effect, so it is no cut of aid of its own. Another act after
      a refusal stays one ("rejected the plan, halting talks": talks were halted too).
    """
    if head.modality != told.modality:
        return False
    if not _same_actor(head.source, told.source) and not _missing(told.source):
        return False
    kinds = (head.plover.type, told.plover.type)
    if kinds == ("PROTEST", "REQUEST"):
        return True
    if kinds == ("MOBILIZE", "ASSAULT"):
        return _missing(told.target)
    if kinds[0] == "REJECT" and told_lemma in _PREVENTING:
        return True
    return kinds[0] == kinds[1] and _same_party(head.target, told.target)


def same_act(a: Event, b: Event, link: str, b_lemma: str = "") -> bool:
    """Whether events ``a`` and ``b``, of triggers linked by ``link``, are one act (for a
    participle, ``a`` is the event of the verb it belongs to, ``b_lemma`` the participle's)."""
    if link == "participle":
        return outcome_or_means(a, b, b_lemma)
    if link == "toll":  # victims of another kind are named as a group hit apart ("attacked a
        # village and two soldiers were killed": the soldiers too)
        return outcome_or_means(a, b, b_lemma) and _same_kind(a.target, b.target)
    if link == "when" and not (use_of_force(a) and use_of_force(b)):
        return False  # "the talks collapsed when X walked out": two acts
    if a.plover.type != b.plover.type or a.modality != b.modality:
        return False
    if a.cameo.root != b.cameo.root and not (use_of_force(a) and use_of_force(b)):
        return False
    if not _same_actor(a.source, b.source) and not (
        link != "conj" and (_missing(a.source) or _missing(b.source))):
        return False
    return _missing(a.target) or _missing(b.target) or _same_actor(a.target, b.target)


def fold(first: Event, other: Event, link: str = "") -> Event:
    """``first`` (the governing trigger's event) with what ``other`` adds: the more specific
    code, the more complete actors. A participle's code replaces its verb's only when the verb
    names the act in a root's general terms and the participle tells which act it was, in that
    root or among the violent ones ("a mob attacked two men, beating them": 180 becomes a
    beating, 182). A verb with a code of its own keeps it: the outcome is its toll ("fired the
    first shots, destroying tanks" stays an air attack) and the content of a measure names no
    other act ("filed a case against X, accusing it of genocide" stays a lawsuit)."""
    finer = leaf_rank(other.cameo.code) > leaf_rank(first.cameo.code)
    if link in ("participle", "toll"):
        finer = finer and leaf_rank(first.cameo.code) == 0 and (
            first.cameo.root == other.cameo.root
            or {first.cameo.root, other.cameo.root} <= VIOLENT_ROOTS)
    keep = other if finer else first
    evidence = replace(first.evidence, rule=f"{first.evidence.rule}+restated",
                       restated=other.evidence.trigger)
    return replace(first, cameo=keep.cameo, plover=keep.plover,
                   source=_fuller(first.source, other.source),
                   target=_fuller(first.target, other.target), evidence=evidence,
                   confidence=max(first.confidence, other.confidence))


def merge_restated(built: list[tuple[Match, list[Event]]]) -> list[Event]:
    """The events of one sentence's matches (in trigger order), each act once: an event that
    restates the act of an event of another match is folded into it, the evidence chosen by
    ``linked``; the other trigger is kept as ``evidence.restated``."""
    out: list[tuple[Match, Event]] = []
    for match, events in built:
        for event in events:
            for k, (earlier, kept) in enumerate(out):
                if earlier is match:
                    continue
                link = linked(earlier, match)
                if link is None:
                    continue
                head, told = (kept, event) if link[1] else (event, kept)
                told_match = match if link[1] else earlier
                if same_act(head, told, link[0], told_match.trigger.lemma_.lower()):
                    out[k] = (earlier, fold(head, told, link[0]))
                    break
            else:
                out.append((match, event))
    return [event for _, event in out]
