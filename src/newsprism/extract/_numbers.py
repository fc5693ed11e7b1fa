"""Numbers written in digits or words: tables and a small parser.

Shared by the claims stage (counts, money, percentages) and the dates stage
("two weeks ago", "three years"). ``parse_number`` reads one number phrase;
``NUMBER_RE`` finds them in running text.
"""

from __future__ import annotations

import re

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000,
}
#: Vague quantities: (value, bound). "dozens" means at least 24, "hundreds" at least 200.
VAGUE: dict[str, tuple[float, str]] = {
    "a dozen": (12, "about"), "dozen": (12, "about"), "dozens": (24, "at_least"),
    "hundreds": (200, "at_least"), "thousands": (2_000, "at_least"), "millions": (2_000_000, "at_least"),
    "billions": (2_000_000_000, "at_least"), "tens of thousands": (20_000, "at_least"),
    "hundreds of thousands": (200_000, "at_least"), "tens of millions": (20_000_000, "at_least"),
    "hundreds of millions": (200_000_000, "at_least"),
}
FRACTIONS: dict[str, float] = {"half": 0.5, "a half": 0.5, "quarter": 0.25, "a quarter": 0.25}
#: Denominators of fractions written in words: "two-thirds", "a quarter of", "three fifths".
DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "tenth": 10, "tenths": 10,
}

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_SCALE = "hundred|thousand|million|billion|trillion"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = rf"(?:{_WORD})(?:[- ](?:{_WORD}))?(?:\s+(?:{_SCALE}))*(?:\s+(?:and\s+)?(?:{_WORD})(?:[- ](?:{_WORD}))?)?"
_VAGUE = "|".join(sorted((re.escape(k) for k in VAGUE), key=len, reverse=True))

# A fraction in words: a plural one stands alone ("two-thirds majority"); "a third" or "half" only
# as a share of something ("a third of voters", "more than half the seats"), not "a third time".
_FRACTION = (r"\b(?:two|three|four|five|six|seven|eight|nine)[- ](?:thirds|quarters|fifths|tenths)\b"
             r"|\b(?:a|one)[- ](?:half|third|quarter|fifth|tenth)\b(?=\s+of\b)"
             r"|\bhalf\b(?=\s+(?:of|the|its|their|all)\b)")

#: One number phrase: digits with optional scale word, a fraction, number words, or a vague quantity.
NUMBER_RE = re.compile(
    rf"(?<![\w.,])(?:(?:{_DIGITS})(?:\s*(?:{_SCALE}|bn|m|k)\b)?|{_FRACTION}|\b(?:{_VAGUE})\b|\b(?:a|one)\s+(?:{_SCALE})\b"
    rf"|\b{_WORDNUM}\b)",
    re.IGNORECASE,
)


def parse_number(text: str) -> tuple[float, str] | None:
    """Read one number phrase.

    Args:
        text: "115,000", "1.5 million", "twenty-five", "dozens", "hundreds of thousands".

    Returns:
        ``(value, bound)`` where bound is ``"exact"`` or the vagueness of a word
        such as "dozens" (``"at_least"``), or ``None`` when it is no number.

    >>> parse_number("1.5 million")
    (1500000.0, 'exact')
    >>> parse_number("twenty-five")
    (25.0, 'exact')
    """
    phrase = " ".join(text.lower().replace("-", " ").split())
    fraction = re.fullmatch(r"(?:(a|\w+) )?(" + "|".join(DENOMINATORS) + ")", phrase)
    if fraction and (fraction.group(1) in (None, "a") or fraction.group(1) in UNITS):
        numerator = UNITS.get(fraction.group(1) or "one", 1)
        return round(numerator / DENOMINATORS[fraction.group(2)], 4), "exact"
    if phrase.replace(" ", "-") in VAGUE or phrase in VAGUE:
        value, bound = VAGUE.get(phrase, VAGUE.get(phrase.replace(" ", "-"), (0, "exact")))
        return float(value), bound
    m = re.fullmatch(rf"({_DIGITS})\s*([a-z]*)", phrase)
    if m:
        number = float(m.group(1).replace(",", ""))
        scale = m.group(2)
        if scale and scale not in SCALES:
            return None
        return number * SCALES.get(scale, 1), "exact"
    return _parse_words(phrase)


def _parse_words(phrase: str) -> tuple[float, str] | None:
    total, current, seen = 0.0, 0.0, False
    for word in phrase.split():
        if word in ("and", "a"):
            if word == "a":
                current = current or 1
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current, "exact"


def small_number(text: str) -> int | None:
    """A small count written in digits or words ("3", "three", "a", "an"), else ``None``."""
    word = text.lower()
    if word in ("a", "an", "one"):
        return 1
    if word.isdigit():
        return int(word)
    parsed = _parse_words(word.replace("-", " "))
    return int(parsed[0]) if parsed else None


# -- claim modifiers and units ----------------------------------------------------

#: Words just before a number that qualify it (longest first when matching).
BOUNDS: dict[str, str] = {
    "more than": "more_than", "over": "more_than", "in excess of": "more_than", "upwards of": "more_than",
    "above": "more_than", "well over": "more_than", "nearly": "about", "almost": "about", "about": "about",
    "some": "about", "around": "about", "approximately": "about", "roughly": "about", "an estimated": "about",
    "estimated": "about", "close to": "about", "circa": "about", "c.": "about", "at least": "at_least",
    "no fewer than": "at_least", "up to": "at_most", "at most": "at_most", "no more than": "at_most",
    "as many as": "at_most", "less than": "less_than", "fewer than": "less_than", "under": "less_than",
    "below": "less_than", "just under": "less_than", "just over": "more_than",
}
BOUND_RE = re.compile(r"\b(" + "|".join(sorted((re.escape(b) for b in BOUNDS), key=len, reverse=True)) + r")\s+$",
                      re.IGNORECASE)
CURRENCY_SIGNS: dict[str, str] = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH"}
CURRENCY_SIGN_RE = re.compile(r"(US\$|\$|€|£|¥|₽|₴)\s?$")
UNIT_WORDS: dict[str, str] = {
    "%": "%", "percent": "%", "per cent": "%", "percentage points": "percentage points",
    "dollars": "USD", "usd": "USD", "euros": "EUR", "eur": "EUR", "pounds": "GBP", "gbp": "GBP",
    "rubles": "RUB", "roubles": "RUB", "yuan": "CNY", "yen": "JPY", "hryvnias": "UAH", "rupees": "INR",
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2", "km2": "km2",
    "miles": "mi", "mile": "mi", "metres": "m", "meters": "m", "feet": "ft", "hectares": "ha", "acres": "acre",
    "tonnes": "t", "tons": "t", "tonne": "t", "ton": "t", "kg": "kg", "kilograms": "kg", "kilos": "kg",
    "barrels": "barrels", "litres": "l", "liters": "l", "mw": "MW", "megawatts": "MW", "gw": "GW",
    "gigawatts": "GW", "kwh": "kWh", "degrees": "degrees", "°": "degrees", "mg": "mg", "grams": "g",
    "moles": "mol", "mol": "mol", "cm": "cm", "mm": "mm", "inches": "in", "centimetres": "cm", "centimeters": "cm",
    "mph": "mph", "miles per hour": "mph", "kph": "km/h", "km/h": "km/h", "kilometres per hour": "km/h",
    "kilometers per hour": "km/h", "foot": "ft", "meter": "m", "metre": "m", "micrometers": "um", "micrometres": "um",
    "light-years": "ly", "light years": "ly", "°f": "degF", "°c": "degC",
}
UNIT_RE = re.compile(r"^\s?(" + "|".join(sorted((re.escape(u) for u in UNIT_WORDS), key=len, reverse=True)) + r")(?!\w)",
                     re.IGNORECASE)
#: Words before a number that make it a label, not a quantity ("page 5", "No. 10").
LABEL_BEFORE = re.compile(r"(?:\b(?:page|pages|p\.|pp\.|no\.|number|chapter|section|article|resolution|flight|route|"
                          r"room|platform|gate|channel|level|category|grade|class|season|episode|version|model|"
                          r"highway|interstate|paragraph|aged|age|ages|age of|tel\.?|phone|fax|zip|code|week|stage|phase|"
                          r"phoned|called|call|dial|dialled|dialed|film|movie|album|song)\s*#?\s*|#\s*)$",
                          re.IGNORECASE)
#: Reporting verbs whose subject is the source of a claim in their clause.
REPORTING_LEMMAS = frozenset({
    "say", "tell", "estimate", "emphasize", "emphasise", "stress", "report", "claim", "announce", "admit", "add",
    "state", "confirm", "write", "post", "note", "insist", "warn", "declare", "according", "concede", "explain",
    "reveal", "suggest", "allege", "assert", "indicate", "calculate",
})
