"""Wire stories as they arrive: the dateline (and sometimes a date line) in the text, no metadata.

Written for dyadwatch's tests; every story is made up for the test, in the layouts of the
agencies named. Each case gives the publication date the top of the story implies (None when it
implies none), the dateline's place name, and the dates the story's events happened on: a
weekday before publication for "on Tuesday" in the past tense, the publication date itself for
an event without a cue (dated to the week of publication), and None when nothing dates it (a
relative cue and no publication date). Weekdays were checked against the calendar.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    id: str
    text: str
    published: str | None
    place: str
    event_dates: tuple[str | None, ...]
    """The distinct dates of the story's events (ISO), None for an undated event."""


STORIES: tuple[Story, ...] = (
    # -- Reuters ----------------------------------------------------------------------------------
    Story("reuters-kyiv",
          "KYIV, March 14, 2024 (Reuters) - Russian forces shelled Kharkiv on Tuesday, "
          "Ukrainian officials said.",
          "2024-03-14", "KYIV", ("2024-03-12",)),
    Story("reuters-washington",
          "WASHINGTON, June 25, 2024 (Reuters) - U.S. Secretary of State Antony Blinken met "
          "Chinese Foreign Minister Wang Yi on Monday.",
          "2024-06-25", "WASHINGTON", ("2024-06-24",)),
    Story("reuters-beirut-dateline-year-from-date-line",
          "Border report\nPublished 6:10 AM EDT, June 25, 2024\n\n"
          "BEIRUT, June 25 (Reuters) - Israel struck southern Lebanon on Sunday, the Lebanese "
          "army said.",
          "2024-06-25", "BEIRUT", ("2024-06-23",)),
    Story("reuters-moscow-undated",
          "MOSCOW (Reuters) - Russia expelled two Estonian diplomats on Wednesday, the foreign "
          "ministry said.",
          None, "MOSCOW", (None,)),
    Story("reuters-addis-no-cue",
          "ADDIS ABABA, Feb 3, 2023 (Reuters) - Ethiopia and Kenya signed a security agreement.",
          "2023-02-03", "ADDIS ABABA", ("2023-02-03",)),
    Story("reuters-nairobi-yearless",
          "NAIROBI, Oct 7 (Reuters) - Kenyan police arrested 12 protesters on Saturday.",
          None, "NAIROBI", (None,)),
    Story("reuters-gaza-year-from-body",
          "GAZA, Oct 9 (Reuters) - Israeli aircraft struck Gaza on Sunday. The war began on "
          "October 7, 2023.",
          "2023-10-09", "GAZA", ("2023-10-08",)),
    # -- AFP --------------------------------------------------------------------------------------
    Story("afp-bamako",
          "BAMAKO, Aug 19, 2020 (AFP) - Mutinous Malian soldiers detained President Ibrahim "
          "Boubacar Keita on Tuesday.",
          "2020-08-19", "BAMAKO", ("2020-08-18",)),
    Story("afp-paris",
          "PARIS, Jan 10, 2022 (AFP) - France condemned Mali's military junta on Sunday.",
          "2022-01-10", "PARIS", ("2022-01-09",)),
    Story("afp-niamey-undated",
          "NIAMEY (AFP) - Niger's junta expelled the French ambassador on Friday, state "
          "television announced.",
          None, "NIAMEY", (None,)),
    Story("afp-tunis-date-line",
          "Friday 25/09/2020\n\nTUNIS (AFP) - Tunisian President Kais Saied received Libyan "
          "Prime Minister Fayez al-Sarraj on Thursday.",
          "2020-09-25", "TUNIS", ("2020-09-24",)),
    Story("afp-dakar-day-month-year",
          "DAKAR, 3 March 2021 (AFP) - Senegalese police arrested opposition leader Ousmane "
          "Sonko on Wednesday.",
          "2021-03-03", "DAKAR", ("2021-03-03",)),
    Story("afp-ndjamena-weekday",
          "N'DJAMENA, Tuesday, March 12, 2024 (AFP) - Chadian soldiers killed opposition leader "
          "Yaya Dillo on February 28, 2024, his party said.",
          "2024-03-12", "N'DJAMENA", ("2024-02-28",)),
    # -- AP ---------------------------------------------------------------------------------------
    Story("ap-kyiv-undated",
          "KYIV, Ukraine (AP) — Russian troops attacked Kyiv on Sunday, officials said.",
          None, "KYIV", (None,)),
    Story("ap-nairobi-published",
          "Published 6:10 AM EDT, June 25, 2024\n\nNAIROBI, Kenya (AP) — Kenyan police fired "
          "tear gas at protesters on Tuesday.",
          "2024-06-25", "NAIROBI", ("2024-06-25",)),
    Story("ap-jerusalem-future",
          "JERUSALEM (AP) — Israeli Prime Minister Benjamin Netanyahu will meet Egyptian "
          "President Abdel Fattah al-Sisi next week.",
          None, "JERUSALEM", (None,)),
    Story("ap-un-updated",
          "Updated 4:30 PM GMT, October 11, 2024\n\nUNITED NATIONS (AP) — The U.N. Security "
          "Council condemned Israel.",
          "2024-10-11", "UNITED NATIONS", ("2024-10-11",)),
    Story("ap-new-york-dash",
          "Protests in New York\n\nJune 3, 2023\n\nNEW YORK — New York police arrested 40 "
          "protesters on Saturday.",
          "2023-06-03", "NEW YORK", ("2023-06-03",)),
    # -- TAP --------------------------------------------------------------------------------------
    Story("tap-tunis-day-month-year",
          "Tunis, 3 March 2024 (TAP) - President Kais Saied received Algerian Foreign Minister "
          "Ahmed Attaf on Saturday.",
          "2024-03-03", "Tunis", ("2024-03-02",)),
    Story("tap-tunis-year-from-body",
          "Tunis, March 5 (TAP) - Tunisia signed a trade agreement with Libya on Tuesday, "
          "according to a statement dated March 5, 2024.",
          "2024-03-05", "Tunis", ("2024-03-05",)),
    Story("tap-tunis-april",
          "Tunis, 12 April 2023 (TAP) - Foreign Minister Nabil Ammar received the Italian "
          "ambassador on Tuesday.",
          "2023-04-12", "Tunis", ("2023-04-11",)),
    # -- PTI --------------------------------------------------------------------------------------
    Story("pti-new-delhi-no-dash",
          "Thursday, March 14, 2024\n\nNew Delhi, Mar 14 (PTI) India and Bangladesh signed three "
          "agreements on Thursday.",
          "2024-03-14", "New Delhi", ("2024-03-14",)),
    Story("pti-islamabad",
          "Islamabad, Jan 5, 2023 (PTI) On Wednesday, Pakistan accused India of violating the "
          "ceasefire.",
          "2023-01-05", "Islamabad", ("2023-01-04",)),
    Story("pti-kathmandu-future",
          "Kathmandu, Dec 1 (PTI) Nepal's prime minister will visit China next month.",
          None, "Kathmandu", (None,)),
    # -- APS --------------------------------------------------------------------------------------
    Story("aps-algiers",
          "ALGIERS, March 3, 2024 (APS) - President Abdelmadjid Tebboune received the Tunisian "
          "foreign minister on Saturday.",
          "2024-03-03", "ALGIERS", ("2024-03-02",)),
    Story("aps-algiers-dash-date-line",
          "Algeria, US hold talks\n\nFriday 25/09/2020\nALGIERS – Algeria and the United States "
          "held talks on security cooperation.",
          "2020-09-25", "ALGIERS", ("2020-09-25",)),
    Story("aps-algiers-abbreviated",
          "ALGIERS, 10 Jan 2022 (APS) - Algeria recalled its ambassador to Spain.",
          "2022-01-10", "ALGIERS", ("2022-01-10",)),
    # -- Xinhua -----------------------------------------------------------------------------------
    Story("xinhua-beijing",
          "BEIJING, Dec. 30, 2022 (Xinhua) -- Chinese President Xi Jinping held talks with "
          "Russian President Vladimir Putin on Friday.",
          "2022-12-30", "BEIJING", ("2022-12-30",)),
    Story("xinhua-nairobi-year-from-body",
          "NAIROBI, March 14 (Xinhua) -- Kenya signed a trade agreement with Tanzania on "
          "Wednesday.\n\nThe talks opened in Arusha on March 1, 2024.",
          "2024-03-14", "NAIROBI", ("2024-03-13",)),
    Story("xinhua-addis-future",
          "ADDIS ABABA, Feb. 18 (Xinhua) -- Ethiopia will host Somalia's president next month.",
          None, "ADDIS ABABA", (None,)),
    # -- MAP --------------------------------------------------------------------------------------
    Story("map-rabat-dash",
          "Wednesday 14 February 2024\n\nRabat - King Mohammed VI received the Mauritanian "
          "president on Tuesday.",
          "2024-02-14", "Rabat", ("2024-02-13",)),
    Story("map-rabat-numeric",
          "Rabat, 05/03/2024 (MAP) - Morocco and Spain signed a migration agreement.",
          "2024-03-05", "Rabat", ("2024-03-05",)),
    Story("map-dakhla",
          "Dakhla, Oct 2, 2023 (MAP) - Morocco's foreign minister met his Gambian counterpart "
          "on Sunday.",
          "2023-10-02", "Dakhla", ("2023-10-01",)),
    # -- dpa --------------------------------------------------------------------------------------
    Story("dpa-berlin-undated",
          "Berlin (dpa) - German Chancellor Olaf Scholz met French President Emmanuel Macron on "
          "Monday.",
          None, "Berlin", (None,)),
    Story("dpa-berlin",
          "BERLIN, March 14, 2024 (dpa) - Germany summoned the Russian ambassador on Wednesday.",
          "2024-03-14", "BERLIN", ("2024-03-13",)),
    # -- Anadolu ----------------------------------------------------------------------------------
    Story("anadolu-ankara-date-line",
          "14.03.2024\n\nANKARA (AA) - Turkish Foreign Minister Hakan Fidan met his Iraqi "
          "counterpart on Tuesday.",
          "2024-03-14", "ANKARA", ("2024-03-12",)),
    Story("anadolu-istanbul",
          "ISTANBUL, Jan 15, 2024 (Anadolu) - Turkish police detained 30 suspects on Sunday.",
          "2024-01-15", "ISTANBUL", ("2024-01-14",)),
    # -- Gulf and Middle East agencies -------------------------------------------------------------
    Story("irna-tehran",
          "Tehran, March 14, 2024, IRNA -- Iran's foreign minister met the Omani foreign "
          "minister yesterday.",
          "2024-03-14", "Tehran", ("2024-03-13",)),
    Story("kuna-kuwait",
          "Published: 14/03/2024 10:22\n\nKUWAIT, March 14 (KUNA) -- Kuwait's Emir received the "
          "Saudi foreign minister on Thursday.",
          "2024-03-14", "KUWAIT", ("2024-03-14",)),
    Story("spa-riyadh",
          "Riyadh, March 14, 2024, SPA -- Saudi Arabia condemned Iran.",
          "2024-03-14", "Riyadh", ("2024-03-14",)),
    Story("wam-abu-dhabi",
          "ABU DHABI, 14th March, 2024 (WAM) -- The UAE President received the Egyptian "
          "President on Wednesday.",
          "2024-03-14", "ABU DHABI", ("2024-03-13",)),
    Story("qna-doha-future-month",
          "DOHA, March 14 (QNA) - Qatar's Emir will visit Washington in June.",
          None, "DOHA", (None,)),
    Story("mena-cairo",
          "CAIRO, Oct. 9, 2023 (MENA) - Egyptian President Abdel Fattah al-Sisi received the "
          "Jordanian foreign minister on Sunday.",
          "2023-10-09", "CAIRO", ("2023-10-08",)),
    # -- ANSA, EFE --------------------------------------------------------------------------------
    Story("ansa-rome",
          "ROME, March 14, 2024 (ANSA) - Italian Premier Giorgia Meloni met Libyan Prime Minister "
          "Abdul Hamid Dbeibah on Tuesday.",
          "2024-03-14", "ROME", ("2024-03-12",)),
    Story("efe-madrid",
          "Madrid, Mar 14, 2024 (EFE).- Spain's foreign minister met his Moroccan counterpart on "
          "Wednesday.",
          "2024-03-14", "Madrid", ("2024-03-13",)),
)
