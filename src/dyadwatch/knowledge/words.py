"""The short closed word lists and code sets the stages test words and codes against, by name.

The lists themselves are data: ``data/words.yaml`` holds each one with what it is for (its
``why``), read and checked by :mod:`dyadwatch.knowledge.wordlists`. Each attribute here is the
list of the same name in lowercase (``SPEECH_VERBS``: ``speech_verbs``), as a frozenset, a tuple
(where order matters, or a ``str.startswith`` argument) or a dict (words to CAMEO codes). Lemmas
are lowercase; codes are CAMEO codes or two-digit CAMEO roots. A list the file lacks, or one that
no attribute here reads, is a ``KnowledgeError`` at import.
"""

from __future__ import annotations

from typing import Final

from dyadwatch.knowledge.wordlists import load_word_lists

_LISTS: Final = load_word_lists()


# -- events: arguments of a trigger (events/clauses.py and its collaborators) ----------------------
SPEECH_VERBS: Final = _LISTS.words("speech_verbs")
OBJECT_CONTROL: Final = _LISTS.words("object_control")
RAISING: Final = _LISTS.words("raising")
DEFAULT_TARGET_PREPS: Final = _LISTS.ordered("default_target_preps")
CRISIS_NOUNS: Final = _LISTS.words("crisis_nouns")
GOVERNING_PREPS: Final = _LISTS.ordered("governing_preps")
TARGET_GOVERNING_PREPS: Final = _LISTS.ordered("target_governing_preps")
PRONOUNS_FOR_SPEAKER: Final = _LISTS.words("pronouns_for_speaker")
PERSON_PRONOUNS_FOR_SPEAKER: Final = _LISTS.words("person_pronouns_for_speaker")
OWN_STATE_NOUNS: Final = _LISTS.words("own_state_nouns")
OWN_POSSESSIVES: Final = _LISTS.words("own_possessives")
REFLEXIVES: Final = _LISTS.words("reflexives")
TIME_ENTITIES: Final = _LISTS.words("time_entities")
GUILT_WORDS: Final = _LISTS.words("guilt_words")
OBJECT_TOPIC_PREPS: Final = _LISTS.words("object_topic_preps")
CARRIER_NOUNS: Final = _LISTS.words("carrier_nouns")
ANSWERING_VERBS: Final = _LISTS.words("answering_verbs")
ANSWERING_ROOTS: Final = _LISTS.words("answering_roots")
DEMANDING_VERBS: Final = _LISTS.words("demanding_verbs")
PROTEST_TOPIC_NOUNS: Final = _LISTS.words("protest_topic_nouns")
PROTEST_TOPIC_PREPS: Final = _LISTS.words("protest_topic_preps")
ADVERBIAL_GERUND_PREPS: Final = _LISTS.words("adverbial_gerund_preps")
ADVISORY_MODALS: Final = _LISTS.words("advisory_modals")
DECIDING: Final = _LISTS.words("deciding")
ROLE_NOUNS: Final = _LISTS.words("role_nouns")
ROLE_ADJECTIVES: Final = _LISTS.words("role_adjectives")
AGENT_EVENT_NOUNS: Final = _LISTS.words("agent_event_nouns")
REJECTED_ACTS: Final = _LISTS.words("rejected_acts")
PENALTY_VERBS: Final = _LISTS.words("penalty_verbs")
ACTIVE_PASSIVES: Final = _LISTS.words("active_passives")
INVERSE_VERBS: Final = _LISTS.words("inverse_verbs")
UNDERGOING_VERBS: Final = _LISTS.words("undergoing_verbs")
INTENT_NOUNS: Final = _LISTS.words("intent_nouns")
MESSAGE_NOUNS: Final = _LISTS.words("message_nouns")
AUTHORING_VERBS: Final = _LISTS.words("authoring_verbs")
SETTING_NOUN_PREPS: Final = _LISTS.words("setting_noun_preps")
EMPTY_IT_VERBS: Final = _LISTS.words("empty_it_verbs")
OWN_CLAIM_NOUNS: Final = _LISTS.words("own_claim_nouns")
TAKING_VERBS: Final = _LISTS.words("taking_verbs")
CIRCUMSTANCE_MARKS: Final = _LISTS.words("circumstance_marks")
PARTICIPATING_VERBS: Final = _LISTS.words("participating_verbs")

# -- events: triggers (events/triggers.py and its collaborators) -----------------------------------
ADJECTIVE_TRIGGER_DEPS: Final = _LISTS.ordered("adjective_trigger_deps")
LIGHT_VERBS: Final = _LISTS.words("light_verbs")
MANNERLESS: Final = _LISTS.words("mannerless")
ABOUT_PREPS: Final = _LISTS.words("about_preps")
TOPIC_PREPS: Final = _LISTS.words("topic_preps")
SIGNING: Final = _LISTS.words("signing")
ENACTING: Final = _LISTS.words("enacting")
ASKING_ROOTS: Final = _LISTS.words("asking_roots")
AGREEING: Final = _LISTS.words("agreeing")
VAGUE_VERBS: Final = _LISTS.words("vague_verbs")

# -- events: codes (events/extract.py and its collaborators) ---------------------------------------
SHIFTABLE_ROOTS: Final = _LISTS.words("shiftable_roots")
REFINABLE: Final = _LISTS.words("refinable")
PLACE_NAMED_ROOTS: Final = _LISTS.words("place_named_roots")
THIRD_PARTY: Final = _LISTS.words("third_party")
CLAUSE_TARGET_ROOTS: Final = _LISTS.words("clause_target_roots")
RECIPROCAL: Final = _LISTS.words("reciprocal")
RECIPROCAL_LEMMAS: Final = _LISTS.words("reciprocal_lemmas")
MUTUAL_WITH: Final = _LISTS.words("mutual_with")
LOCATED_ROOTS: Final = _LISTS.words("located_roots")

# -- events: the PLOVER manual's notes on borderline reports (events/plover.py) ----------------
PLOVER_HALT_WORDS: Final = _LISTS.words("plover_halt_words")
PLOVER_HALT_VERBS: Final = _LISTS.words("plover_halt_verbs")
PLOVER_FIGHT_WORDS: Final = _LISTS.words("plover_fight_words")
PLOVER_CONFLICT_WORDS: Final = _LISTS.words("plover_conflict_words")
PLOVER_DISMISSAL_WORDS: Final = _LISTS.words("plover_dismissal_words")
PLOVER_PARDON_WORDS: Final = _LISTS.words("plover_pardon_words")
PLOVER_CANCEL_WORDS: Final = _LISTS.words("plover_cancel_words")
PLOVER_PAYMENT_WORDS: Final = _LISTS.words("plover_payment_words")
PLOVER_JOINT_WORDS: Final = _LISTS.words("plover_joint_words")
PLOVER_RELIEF_WORDS: Final = _LISTS.words("plover_relief_words")
PLOVER_PLACE_PREPS: Final = _LISTS.words("plover_place_preps")
PLOVER_DROP_VERBS: Final = _LISTS.words("plover_drop_verbs")
PLOVER_DEMAND_NOUNS: Final = _LISTS.words("plover_demand_nouns")
PLOVER_RESCUE_WORDS: Final = _LISTS.words("plover_rescue_words")
PLOVER_CROWD_FORCE: Final = _LISTS.words("plover_crowd_force")
PLOVER_CROWD_NOUNS: Final = _LISTS.words("plover_crowd_nouns")
PLOVER_CONDITION_WORDS: Final = _LISTS.words("plover_condition_words")
PLOVER_ACCEPT_VERBS: Final = _LISTS.words("plover_accept_verbs")
PLOVER_WEAPON_WORDS: Final = _LISTS.words("plover_weapon_words")
PLOVER_TROOP_WORDS: Final = _LISTS.words("plover_troop_words")
PLOVER_MOVE_VERBS: Final = _LISTS.words("plover_move_verbs")
PLOVER_REBUFF_VERBS: Final = _LISTS.words("plover_rebuff_verbs")
PLOVER_MUTUAL_WORDS: Final = _LISTS.words("plover_mutual_words")
PLOVER_PUSH_VERBS: Final = _LISTS.words("plover_push_verbs")
PLOVER_CROWD_CONTROL: Final = _LISTS.words("plover_crowd_control")
PLOVER_SEARCH_VERBS: Final = _LISTS.words("plover_search_verbs")
PLOVER_RAID_VERBS: Final = _LISTS.words("plover_raid_verbs")
PLOVER_CUT_VERBS: Final = _LISTS.words("plover_cut_verbs")
PLOVER_SERVICE_WORDS: Final = _LISTS.words("plover_service_words")
PLOVER_MEDIA_WORDS: Final = _LISTS.words("plover_media_words")
PLOVER_THREAT_EXPEL: Final = _LISTS.words("plover_threat_expel")
PLOVER_THREAT_ARREST: Final = _LISTS.words("plover_threat_arrest")
PLOVER_THREAT_TERRITORY: Final = _LISTS.words("plover_threat_territory")
PLOVER_THREAT_RESTRICT: Final = _LISTS.words("plover_threat_restrict")
PLOVER_THREAT_VIOLENCE: Final = _LISTS.words("plover_threat_violence")
PLOVER_THREAT_RELATIONS: Final = _LISTS.words("plover_threat_relations")

# -- events: parties named elsewhere in the clause (events/elsewhere.py, events/unnamed.py) ----------
POLICY_NOUNS: Final = _LISTS.words("policy_nouns")
SEAT_NOUNS: Final = _LISTS.words("seat_nouns")
EDGE_NOUNS: Final = _LISTS.words("edge_nouns")
HOLDING_PARTICIPLES: Final = _LISTS.words("holding_participles")
RELEASING_WORDS: Final = _LISTS.words("releasing_words")

# -- events: parties no one names (events/unnamed.py) ------------------------------------------------
LEADERSHIP_ASKS: Final = _LISTS.words("leadership_asks")
ASKING_VERBS: Final = _LISTS.words("asking_verbs")
STATE_DEEDS: Final = _LISTS.words("state_deeds")

# -- events: matters and messages (events/matters.py) ------------------------------------------
DEED_ANAPHORS: Final = _LISTS.words("deed_anaphors")
DOER_OF_NOUNS: Final = _LISTS.words("doer_of_nouns")
VIOLENT_DEED_ANAPHORS: Final = _LISTS.words("violent_deed_anaphors")
VIOLENT_DEED_VERBS: Final = _LISTS.words("violent_deed_verbs")
SEIZING_DEED_ANAPHORS: Final = _LISTS.words("seizing_deed_anaphors")
SEIZING_DEED_VERBS: Final = _LISTS.words("seizing_deed_verbs")

# -- geo: toponyms and event places (geo/) ---------------------------------------------------------
GEO_PARTY_PREPS: Final = _LISTS.words("geo_party_preps")
GEO_LOCATIVE_VERBS: Final = _LISTS.words("geo_locative_verbs")
GEO_NOUNS: Final = _LISTS.words("geo_nouns")
GEO_TOPIC_NOUNS: Final = _LISTS.words("geo_topic_nouns")
GEO_ORIGIN_PREPS: Final = _LISTS.words("geo_origin_preps")
GEO_SPEECH_VERBS: Final = _LISTS.words("geo_speech_verbs")
GEO_ACTOR_NOUNS: Final = _LISTS.words("geo_actor_nouns")
GEO_SITE_WORDS: Final = _LISTS.words("geo_site_words")
GEO_FACILITIES: Final = _LISTS.words("geo_facilities")
GEO_LOCATING_PREPS: Final = _LISTS.words("geo_locating_preps")
GEO_INSIDE_PREPS: Final = _LISTS.words("geo_inside_preps")
GEO_DIRECTIONS: Final = _LISTS.words("geo_directions")
GEO_COMPASS: Final = _LISTS.words("geo_compass")
GEO_COMPASS_NAMES: Final = _LISTS.words("geo_compass_names")
GEO_AREA_NOUNS: Final = _LISTS.words("geo_area_nouns")
GEO_LOCAL_BODIES: Final = _LISTS.words("geo_local_bodies")
GEO_CALENDAR: Final = _LISTS.words("geo_calendar")
GEO_NAME_PARTICLES: Final = _LISTS.words("geo_name_particles")
GEO_TITLES: Final = _LISTS.words("geo_titles")
GEO_JOINERS: Final = _LISTS.words("geo_joiners")

# -- actors: who a mention is (actors/) ------------------------------------------------------------
FORMER_WORDS: Final = _LISTS.words("former_words")
OWN_PLACE_PREPS: Final = _LISTS.words("own_place_preps")
LOCATIVE_PREPS: Final = _LISTS.words("locative_preps")
PLACING_VERBS: Final = _LISTS.words("placing_verbs")
PERSONAL_PRONOUNS: Final = _LISTS.words("personal_pronouns")
PLACE_NOUNS: Final = _LISTS.words("place_nouns")
GROUND_NOUNS: Final = _LISTS.words("ground_nouns")
SECTOR_ADJECTIVES: Final = _LISTS.words("sector_adjectives")
COLLECTIVE_HEADS: Final = _LISTS.words("collective_heads")
MOVEMENT_VERBS: Final = _LISTS.words("movement_verbs")
ARRIVING_PEOPLE: Final = _LISTS.words("arriving_people")
PART_NOUNS: Final = _LISTS.words("part_nouns")
WEAK_ROLE_TERMS: Final = _LISTS.words("weak_role_terms")
MILITARY_RANKS: Final = _LISTS.words("military_ranks")
MEMBER_BODIES: Final = _LISTS.words("member_bodies")
VESSEL_NOUNS: Final = _LISTS.words("vessel_nouns")
FLAG_PARTICIPLES: Final = _LISTS.words("flag_participles")
AGAINST_PREFIXES: Final = _LISTS.words("against_prefixes")
INSURGENT_WORDS: Final = _LISTS.words("insurgent_words")
KIN_NOUNS: Final = _LISTS.words("kin_nouns")
DIPLOMATIC_STEMS: Final = _LISTS.ordered("diplomatic_stems")

# -- events: targets and owners (events/targets.py, events/build.py) -------------------------------
AIMED_ROOTS: Final = _LISTS.words("aimed_roots")
AIMED_CODES: Final = _LISTS.words("aimed_codes")
OWNED_ROOTS: Final = _LISTS.words("owned_roots")
RECIPIENT_ROOTS: Final = _LISTS.words("recipient_roots")
FACILITY_NOUNS: Final = _LISTS.words("facility_nouns")
OPPOSING_NOUNS: Final = _LISTS.words("opposing_nouns")
MODAL_AIMS: Final = _LISTS.words("modal_aims")

# -- events: violent codes (events/violence.py) ----------------------------------------------------
REFINABLE_VIOLENCE: Final = _LISTS.words("refinable_violence")
ASSAULTED_PREPS: Final = _LISTS.words("assaulted_preps")
KILLING_VERBS: Final = _LISTS.words("killing_verbs")
SHOOTING_VERBS: Final = _LISTS.words("shooting_verbs")
MUNITION_CODES: Final = _LISTS.code_of("munition_codes")
CREWED_WEAPON_CODES: Final = _LISTS.code_of("crewed_weapon_codes")
WEAPON_CODES: Final = _LISTS.code_of("weapon_codes")
BOMB_KIND_CODES: Final = _LISTS.code_of("bomb_kind_codes")
CHEMICAL_WORDS: Final = _LISTS.words("chemical_words")
NUCLEAR_WORDS: Final = _LISTS.words("nuclear_words")
NONCOMBATANTS: Final = _LISTS.words("noncombatants")
COUNT_NOUNS: Final = _LISTS.words("count_nouns")
HUNDREDS_WORDS: Final = _LISTS.words("hundreds_words")
PROMINENT_TITLES: Final = _LISTS.words("prominent_titles")
SECURITY_WORDS: Final = _LISTS.words("security_words")
DISSENT_WORDS: Final = _LISTS.words("dissent_words")
DISSENT_VERBS: Final = _LISTS.words("dissent_verbs")
ASSAILANTS: Final = _LISTS.words("assailants")
PRIVATE_DOERS: Final = _LISTS.words("private_doers")
PORTION_WORDS: Final = _LISTS.words("portion_words")
PICTURE_AND_PLAY_DOERS: Final = _LISTS.words("picture_and_play_doers")
MOVEMENT_CODES: Final = _LISTS.words("movement_codes")

# -- events: parties and references (events/parties.py, events/references.py) ----------------------
OPERATION_NOUNS: Final = _LISTS.words("operation_nouns")
PEOPLE_OR_SIDES: Final = _LISTS.words("people_or_sides")
NOT_DOERS: Final = _LISTS.words("not_doers")
DYING_VERBS: Final = _LISTS.words("dying_verbs")
WEAPON_NOUNS: Final = _LISTS.words("weapon_nouns")
SETTING_PREPS: Final = _LISTS.words("setting_preps")
OWNING_VERBS: Final = _LISTS.words("owning_verbs")
ANSWER_NOUNS: Final = _LISTS.words("answer_nouns")
RESPONSE_NOUNS: Final = _LISTS.words("response_nouns")
CAUSE_PREPS: Final = _LISTS.words("cause_preps")

# -- knowledge: office holders and story discards (knowledge/base.py, knowledge/discards.py) -------
# as prefixes: the word and its space
OFFICE_QUALIFIERS: Final = tuple(f"{word} " for word in _LISTS.ordered("office_qualifiers"))
STAFF_TITLE_WORDS: Final = _LISTS.ordered("staff_title_words")
MONARCH_TITLES: Final = _LISTS.ordered("monarch_titles")
POLITICS_WORDS: Final = _LISTS.words("politics_words")
MEMBER_NOUNS: Final = _LISTS.words("member_nouns")
MEMBER_GROUP_SECTORS: Final = _LISTS.words("member_group_sectors")

# -- events: places passed through and struck bases (events/passage.py) ----------------------------
PASSAGE_CODES: Final = _LISTS.words("passage_codes")
PASSAGE_LEMMAS: Final = _LISTS.words("passage_lemmas")
PLACE_ENTITIES: Final = _LISTS.words("place_entities")
SETTING_NOUNS: Final = _LISTS.words("setting_nouns")
HOSTING_VERBS: Final = _LISTS.words("hosting_verbs")
FORCE_ROOTS: Final = _LISTS.words("force_roots")

# -- events: security forces in the streets (events/deployment.py) ---------------------------------
PUBLIC_PLACES: Final = _LISTS.words("public_places")

# -- events: readings of a match that are no event (events/readings.py) ----------------------------
PARTNER_PREPS: Final = _LISTS.words("partner_preps")

# -- events: the state an agentless diplomatic act implies (events/implied.py) ---------------------
STATE_ACT_VERBS: Final = _LISTS.words("state_act_verbs")
STATE_ACT_ROOTS: Final = _LISTS.words("state_act_roots")
OWN_ENVOY_VERBS: Final = _LISTS.words("own_envoy_verbs")
FROM_PLACE_PREPS: Final = _LISTS.ordered("from_place_preps")
TO_PLACE_PREPS: Final = _LISTS.ordered("to_place_preps")

# -- events: targets named by an act's matter or message (events/matters.py) -----------------------
MATTER_ROOTS: Final = _LISTS.words("matter_roots")
MATTER_PREPS: Final = _LISTS.ordered("matter_preps")
MESSAGE_ROOTS: Final = _LISTS.words("message_roots")
SENT_MESSAGE_NOUNS: Final = _LISTS.words("sent_message_nouns")
TELLING_VERBS: Final = _LISTS.words("telling_verbs")
PRESS_SECTORS: Final = _LISTS.words("press_sectors")
UNOFFICIAL_INQUIRERS: Final = _LISTS.words("unofficial_inquirers")
FORECASTING_SECTORS: Final = _LISTS.words("forecasting_sectors")

_LISTS.check_all_read()
