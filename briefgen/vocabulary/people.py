"""The words of people: offices, title words, ranks and honorifics, name particles."""

from __future__ import annotations

# Office nouns: a title names an office when it holds one of these.
OFFICE_WORDS = frozenset(
    "secretary minister president vice-president president-elect premier chancellor ambassador "
    "advisor adviser director director-general representative envoy commissioner chair chairman "
    "chairwoman chairperson co-chair governor senator congressman congresswoman administrator "
    "counselor counsellor spokesperson spokesman head chief commander king queen prince "
    "princess emir sultan mayor coordinator attorney general leader delegate officer consul "
    "chargé charge speaker undersecretary under-secretary czar adviser ministers secretaries "
    "presidents members member deputy assistant principal executive lead negotiator "
    "ambassador-at-large councillor councilor judge justice governor-general".split())


# Words that occur inside titles ("Assistant Secretary for Western Hemisphere Affairs").
TITLE_WORDS = OFFICE_WORDS | frozenset(
    "special senior deputy assistant associate acting interim first second vice under foreign "
    "national security defense defence state affairs international global economic political "
    "military public homeland energy interior trade commerce treasury health justice labor "
    "labour education agriculture transportation environment climate human rights religious "
    "freedom enforcement narcotics law management resources development relations operations "
    "policy programs planning affairs cooperation diplomacy democracy peace council command "
    "department ministry office bureau agency administration assembly parliament house senate "
    "congress embassy mission cabinet staff intelligence counterterrorism nonproliferation arms "
    "control consular migration refugees population hemisphere western eastern asian african "
    "european pacific oceanian near south north central east west high crown-indigenous "
    "indigenous women issues civilian apparatus general at large of for the and to on in "
    "multilateral bilateral strategic communications information cyber science technology "
    "research innovation finance financial monetary sanctions terrorism counter crisis emergency "
    "humanitarian assistance aid reconstruction recovery maritime space aviation army navy "
    "air force marine guard staff joint chiefs national-security legal legislative "
    "ministerial presidential royal federal provincial regional local chief's nsa fm pm dpm "
    "srsg sg dg hrvp".split())


RANKS = (
    "Field Marshal", "Air Chief Marshal", "Air Marshal", "Lieutenant General", "Major General",
    "Brigadier General", "Vice Admiral", "Rear Admiral", "Lieutenant Colonel", "Lt. Gen.",
    "Maj. Gen.", "Brig. Gen.", "Lt. Col.", "Vice Adm.", "Rear Adm.", "General", "Gen.",
    "Admiral", "Adm.", "Colonel", "Col.", "Brigadier", "Commodore", "Captain", "Capt.", "Marshal",
    "His Excellency", "Her Excellency", "H.E.", "The Honorable", "The Honourable", "Honorable",
    "Honourable", "Hon.", "Dr.", "Dr", "Professor", "Prof.", "Sheikh", "Sheikha", "Sayyid",
    "Sayyida", "Sir", "Dame",
    "His Majesty", "Her Majesty", "His Royal Highness", "Her Royal Highness", "His Highness",
    "Her Highness", "Ambassador", "Amb.",
)


HONORIFIC_WORDS = frozenset({"his", "her", "majesty", "highness", "excellency", "royal",
                             "honorable", "honourable", "sheikh", "sheikha", "sayyid"})


# Forms of address that are no rank (Mr., and their equivalents in South Asia and West Africa).
PLAIN_HONORIFICS = ("Mr.", "Ms.", "Mrs.", "Mr", "Ms", "Mrs", "Mx.", "Madam", "Miss", "Shri",
                    "Smt.", "Shrimati", "Mallam", "Alhaji", "Hajiya")


NAME_PARTICLES = frozenset("al el de da das do dos del della der di du la le van von bin ibn "
                           "bint ben abu abd y e st".split())


# Tokens that NER sometimes tags PERSON but that are never a person's name.
NOT_NAME_TOKENS = frozenset({"covid-19", "covid", "gavi", "state", "council", "ministry"})


NOT_NAME_WORDS = frozenset({"dialogue", "summit", "council", "strategic", "partnership",
                            "agreement", "initiative", "forum", "conference", "strategy", "accords",
                            "program", "fund", "alliance", "declaration", "statement", "act"})


#: Styles written before a name that are no office: plain honorifics and forms of address
#: ("Mr", "Shri", "Hon.", "Her Excellency").
STYLES = frozenset({h.lower().rstrip(".") for h in PLAIN_HONORIFICS} |
                   {"hon", "the hon", "honourable", "honorable", "dr", "his", "her",
                    "excellency", "h.e"})


#: Offices of local government and committees that the title words do not hold (minutes).
MEMBER_OFFICES = frozenset({"cllr", "cllrs", "cr", "crs", "councillor", "councillors",
                            "councilmember", "councilmembers", "councilman", "councilwoman",
                            "alderman", "aldermen", "clerk", "mayor", "deputy", "treasurer",
                            "trustee", "trustees", "commissioner", "commissioners", "manager",
                            "members", "member", "analyst", "analysts", "officer", "officers",
                            "secretary", "chairman", "chair", "vice-chair", "supervisor",
                            "supervisors", "selectman", "selectmen", "reeve", "warden",
                            "district", "county", "town", "city", "parish", "acting", "research",
                            "attorney", "planner", "engineer", "assistant", "executive",
                            "associate", "coordinator", "principal"})
