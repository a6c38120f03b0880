"""The words of stances other than their verbs: normative objects, stance nouns, joint subjects.

The verbs are in ``briefgen.vocabulary.verbs``."""

from __future__ import annotations

import re

NORMATIVE = re.compile(
    r"\b(?:importance|important|need|needs|necessity|urgen(?:t|cy)|imperative|commitments?|"
    r"support|concern|concerns|opposition|priority|priorities|must|should|vital|critical|"
    r"essential|shared|mutual|determination|resolve|readiness|ironclad|steadfast|"
    r"opportunit(?:y|ies)|objectives?|goals?|pledges?|committed|determined|united|resolved|"
    r"ready|prepared)\b", re.I)


# Objects that make "made a commitment" a stance.
STANCE_NOUNS = frozenset({"commitment", "commitments", "pledge", "pledges", "announcement",
                          "proposal", "appeal", "call", "statement", "promise", "decision"})



SHARED_WORDS = frozenset({"our", "their", "its", "shared", "mutual", "common", "joint"})


# Nouns naming a party's own stance when a possessor is given ("Japan's decision").
# What a stance verb praises rather than reports ("thanked X for its support").
PRAISED = frozenset({"effort", "efforts", "support", "leadership"})
HELD_STANCES = frozenset({"commitment", "intent", "intention", "decision", "determination",
                          "effort", "efforts",
                          "plan", "plans", "readiness", "support", "proposal", "invitation",
                          "pledge", "resolve", "willingness"})


# Clauses that ask or describe rather than state ("to learn how the U.S. can support them").
INDIRECT_QUESTION = frozenset({"how", "what", "whether", "why", "where", "when", "if"})


# Particle verbs whose particle or object makes them a stance ("called on", "look forward").
PARTICLES = {"call": ("on", "for", "upon"), "look": ("forward",), "pay": ("tribute",),
             "stand": ("with", "by", "ready", "firm", "united"), "express": (), "raise": (),
             "share": (), "remain": (), "continue": (), "will": (), "shall": (), "deliver": (),
             "present": (), "extend": (), "offer": (), "convey": (), "voice": (), "make": ()}


# Verbs that need a stance noun as object to count ("expressed concern", "raised the importance").
NEEDS_STANCE_OBJECT = {"make", "express", "raise", "share", "extend", "offer", "convey", "voice",
                       "deliver", "present", "remain", "continue"}


JOINT_SUBJECT = re.compile(
    r"^(?:the\s+)?(?:two|three|four|five)$|"
    r"^(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|both|all)\s+[A-Za-z]+s$|"
    r"^(?:the\s+|both\s+|all\s+)?(?:two|three|four|five|both|all|several)?\s*(?:sides|leaders|"
    r"delegations|parties|participants|officials|ministers|countries|governments|partners|"
    r"group|council|ministerial|dialogue|meeting|talks|discussions|convening|summit|"
    r"counterparts|members|nations|allies|attendees|delegates|sherpas|envoys)\b|"
    r"^(?:they|both|all|we all|all three|each)\b", re.I)



FIRST_PERSON = frozenset({"we", "our", "us"})


THIRD_SINGULAR = frozenset({"he", "she"})
