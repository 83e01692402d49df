"""Question and intent words: understood, never required.

`parse` splits what a reader typed into what they want (drugs, side effects, the cells that
make something, interleukins) and the words left to search for:

>>> parse("drugs for psoriasis")
Plan(rest='psoriasis', intent='drugs', question=True)
>>> parse("Actemra side effects")
Plan(rest='Actemra', intent='side_effects', question=True)
>>> parse("how does IL-6 work")
Plan(rest='IL-6', intent='', question=True)
>>> parse("which interleukin drives psoriasis")
Plan(rest='psoriasis', intent='interleukins', question=True)
>>> parse("IL-17 inhibitors")
Plan(rest='IL-17', intent='drugs', question=True)
>>> parse("what do Th17 cells make")
Plan(rest='Th17 cells', intent='products', question=True)
>>> parse("neutrophil chemotaxis")
Plan(rest='neutrophil chemotaxis', intent='', question=False)
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

_DRUG = r"(?:drugs?|medicines?|medications?|treatments?|therap(?:y|ies)|biologics?)"
_SIDE = (r"(?:side[- ]?effects?|adverse (?:effects?|events?|reactions?)|safety|risks?|"
         r"toxicit(?:y|ies))")
_IL = r"(?:interleukins?|cytokines?|ils?)"
# (pattern, intent); the first that matches wins. `rest` is what is left to look up.
_PATTERNS: list[tuple[str, str]] = [
    (rf"^(?:what |which |the )?{_DRUG} (?:for|against|in|treating|to treat|"
     rf"targeting|that target|that block|blocking|acting on|on) (?P<rest>.+)$",
     "drugs"),
    (rf"^(?P<rest>.+?) (?:{_DRUG}|inhibitors?|blockers?|antagonists?|"
     r"antibod(?:y|ies))$", "drugs"),
    (rf"^(?:what are (?:the )?)?{_SIDE} (?:of|with|from|on) (?P<rest>.+)$",
     "side_effects"),
    (rf"^(?P<rest>.+?)(?:'s)? {_SIDE}$", "side_effects"),
    (r"^(?:what|which cells?|who) (?:makes?|produces?|secretes?|releases?) "
     r"(?P<rest>.+)$", "makers"),
    (r"^(?:what|which cells?) (?:cells? )?(?:make|produce|secrete) (?P<rest>.+)$",
     "makers"),
    (r"^(?P<rest>.+?) (?:is |are )?(?:made|produced|secreted) by$", "makers"),
    (r"^what (?:do|does|can) (?P<rest>.+?) (?:make|produce|secrete|release)$",
     "products"),
    (r"^what (?:is|are) (?:made|produced|secreted|released) by (?P<rest>.+)$",
     "products"),
    (r"^(?:products|cytokines|interleukins) (?:of|made by|from) (?P<rest>.+)$",
     "products"),
    (rf"^(?:which|what) {_IL} (?P<rest>.+)$", "interleukins"),
]
# Words a question is built of; dropped only when the text reads as a question.
_QUESTION_START = (r"^(?:what|which|how|why|who|where|when|does|do|is|are|can|"
                   r"tell me about|explain)\b")
_STOP_WORDS = """what which how why who where when does do did is are was were can could
the a an of for to about with by on work works working role function functions tell me explain
drive drives driven cause causes caused involved linked associated play plays act acts doing
it its this that there matter matters important"""
STOP = frozenset(_STOP_WORDS.split())


class Plan(NamedTuple):
    rest: str  # the words left to search for (the original text when nothing was understood)
    intent: str = ""  # drugs | side_effects | makers | products | interleukins | ""
    question: bool = False  # intent or question words were taken out


@cache
def _compiled() -> tuple[list[tuple[re.Pattern[str], str]], re.Pattern[str]]:
    """The patterns, compiled on the first search rather than when the window starts
    (~2 ms, before the first paint)."""
    return [(re.compile(p), intent) for p, intent in _PATTERNS], re.compile(_QUESTION_START)


def _strip_question(text: str) -> str:
    words = [w for w in text.split() if w.casefold().strip("?.,!") not in STOP]
    return " ".join(w.strip("?.,!") for w in words)


def parse(text: str) -> Plan:
    """What `text` asks for. A text that is only intent words keeps its words."""
    plain = " ".join(text.split())
    low = plain.lower().rstrip("?.! ")
    if len(plain.lower()) != len(plain):  # a letter whose lower case is longer: İ
        plain = plain.lower()
    patterns, question_start = _compiled()
    for pattern, intent in patterns:
        m = pattern.match(low)
        if m:
            start, end = m.span("rest")
            rest = _strip_question(plain[start:end]) or plain[start:end]
            return Plan(rest, intent, True)
    if question_start.match(low):
        rest = _strip_question(plain)
        if rest:
            return Plan(rest, "", True)
    return Plan(plain)
