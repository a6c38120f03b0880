"""English function words: what carries no topic and no content of its own."""

from __future__ import annotations

STOPWORDS = frozenset(
    "a an the and or but nor of in on at to for from by with as is are was were be been being "
    "it its this that these those he she they we our their his her them us i you not no also "
    "such which who whom whose will would can could should may might must has have had do does "
    "did than then there here into over under about after before during while including other "
    "more most all both each any some own same so very further well across between through "
    "toward towards against within without upon per via among around".split())
#: The small words of a proper name that its acronym may skip ("Ministry of Foreign Affairs").
NAME_LINKING_WORDS = frozenset("and of the for on in to a an & at by with".split())
