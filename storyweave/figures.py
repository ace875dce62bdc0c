"""Figures that identify a story (casualties, sums, magnitudes, the minute it happened),
compared across languages: a claim and a passage that share "1,200", "6.2" or "10:26" likely
report one fact."""
from __future__ import annotations

import re
from decimal import Decimal

__all__ = ["contradicts", "is_clock", "is_telling", "keys_and_currencies", "number_keys", "readable"]

# A number as news writes it: "1,200", "1 200", "20.000" (groups of three digits are
# thousands in every writing), "6.2", "6,2", "115".
_GROUPED = r"\d{1,3}(?:[ ,.\u00a0]\d{3})+"
_FIGURE = rf"(?:{_GROUPED}|\d+(?:[.,]\d+)?)"
_NUMBER = re.compile(rf"(?<![\w.,]){_FIGURE}(?![\w]|[.,]\d)")

# A time of day in the ways news writes one: "10:26", "10:26 am", "6.50pm", "10.26 Uhr",
# "10h26", "um 4 Uhr", "alle 10.26", "о 18.50". A dot or comma between hour and minutes is
# read as a clock only beside a clock word: alone, "10.26" is a decimal (a price, a score).
# Hand-written because dateparser and the date finders read dates, not times of day.
_MERIDIEM = r"(?P<{}>[ap])\.?\s?m\b\.?"  # "am", "p.m.", named by the branch it stands in
_CLOCK_WORD = r"(?:Uhr|h\b|ч\b|час|год|godz|horas?\b|hrs?\b|heures?\b|ore\b|Ortszeit)"
_CLOCK = re.compile(
    r"(?<![\w.,:])(?P<h>[01]?\d|2[0-3])"
    # hour and minutes ("10:26", "10.26 Uhr", "10h26", "6:50 pm"), seconds ignored
    r"(?:(?P<sep>:|[.,]|\s?h\s?)(?P<m>[0-5]\d)(?::[0-5]\d)?(?![\d%]|[.,:]\d|\s%)"
    rf"(?:\s?{_MERIDIEM.format('ampm')}|(?P<word>\s?{_CLOCK_WORD}))?"
    # or an hour alone ("6 pm", "4 Uhr", "vers 23 heures")
    rf"|\s?(?:{_MERIDIEM.format('ampm2')}|Uhr\b|(?P<hours>heures?|horas?|часа?|часов|годин[аиі]?)\b))",
    re.I)
_CLOCK_BEFORE = re.compile(r"(?:\b(?:um|alle|ore|las|à|a las|о|об)\s)$", re.I)
# "vers 23 heures", "a las 23 horas", "в 23 часа" are times of day; "pendant 23 heures",
# "23 horas de búsqueda", "за 23 часа" spans of time: the word before tells them apart.
# Looser than `_CLOCK_BEFORE` ("в", "a", "до"): there the word before is all that tells
# "10.26" from a decimal, here the word for hours already says it is about the clock.
_HOUR_BEFORE = re.compile(r"(?:\b(?:à|a|vers|dès|gegen|um|hacia|las|sobre las|alle|verso le"
                          r"|около|в|о|об|к|близько|до)\s)$", re.I)


# Scale words after a figure, per language: "2,3 тис." = "2,300", "5 milliards" = "5 billion".
# Longest first ("mil millones" is a billion, "mil" a thousand). English "m" is left out:
# it is as often metres ("the 100m final") as millions.
_SCALE_WORDS = {
    1_000_000_000: r"mil\s+millones|mil\s+milhões|billions?|bn|Milliarden?|Mrd\.|milliards?|miliard[oi]"
                   r"|mld\.?|bilhão|bilhões|млрд\.?|миллиард(?:ов|а)?|мільярд(?:ів|а)?",
    1_000_000: r"millions?|Millionen|Mio\.|mln\.?|millón|millones|milion[ei]|milhão|milhões"
               r"|млн\.?|миллион(?:ов|а)?|мільйон(?:ів|а)?",
    1_000: r"thousand|Tausend|Tsd\.|mila|mille|mil|тыс\.?|тысяч[аи]?|тис\.?|тисяч[аі]?",
}
_SCALES = list(_SCALE_WORDS)  # group s0, s1, s2 of _SCALE_AFTER: billion, million, thousand
_ANY_FIGURE = re.compile(rf"(?<![\w.,]){_FIGURE}")
# A scale word right after a figure ("2,3 тис.", "3mila", "1.5bn"): tried only where a
# figure ends, which is much cheaper than scanning the text for all the words.
_SCALE_AFTER = re.compile(
    r"[ \u00a0]?(?:" + "|".join(f"(?P<s{i}>{w})" for i, w in enumerate(_SCALE_WORDS.values()))
    + r")(?![\w])", re.I)


def is_clock(key: str) -> bool:
    """Is this key of `number_keys` a time of day ("10:26")?"""
    return ":" in key


def is_telling(key: str) -> bool:
    """Does this key of `number_keys` by itself point at one fact: a time of day, a
    decimal, or a whole number of three digits or more ("10:26", "3.75", "2300",
    "1300000")? A two-digit count, age or span does not ("30 años de dictadura", "the
    64-year-old")."""
    return is_clock(key) or "." in key or len(key) >= 3


def number_keys(text: str) -> set[str]:
    """Numbers that identify a story (casualties, sums, magnitudes), normalised across
    languages ("1,200" = "1 200", "6.2" = "6,2"); years and single digits are left out.
    A figure with a scale word is its value ("2,3 тис." = "2,300" = "2300"; "1,5 млрд" =
    "1.5 billion" = "1500000000"). A time of day is one key in any writing ("10.26 Uhr" =
    "10:26 am" = "10h26" = "10:26"; "6:50 pm" = "18:50"), never a decimal or two numbers."""
    return {key for key, _, _ in _figures(text)}


def keys_and_currencies(text: str) -> tuple[set[str], dict[str, str]]:
    """`number_keys`, and the currency of each sum among them, in one reading ("près de 39
    millions d'euros" -> {"39000000": "EUR"}, "около $44 млн" -> {"44000000": "USD"}): two
    sums in two currencies are no rival values of one amount."""
    keys, units = set(), {}
    for key, start, end in _figures(text):
        keys.add(key)
        unit = _currency(text, start, end)
        if unit:
            units[key] = unit
    return keys, units


def _figures(text: str) -> list[tuple[str, int, int]]:
    """(key, start, end) of each figure of `number_keys`, in the text's offsets."""
    clocks, text = _clocks(text)
    scaled, text = _scaled(text)
    out = clocks + scaled
    for m in _NUMBER.finditer(text):
        value = _plain(m.group(0))
        if len(value) >= 2 and not re.fullmatch(r"(19|20)\d\d", value):
            out.append((value, m.start(), m.end()))
    return out


# Currencies as news writes them, before a figure ("$44", "US$ 2", "€3") or after it and
# its scale word ("39 millions d'euros", "1,3 млн долларов", "5 milliards de yens").
_CURRENCY_NAMES = {
    "USD": r"\$|US\$|USD|dollars?|Dollars?|dólar(?:es)?|dollari|доллар(?:ов|а|ы)?|долар(?:ів|а|и)?",
    "EUR": r"€|EUR|euros?|Euros?|euro|евро|євро",
    "GBP": r"£|GBP|pounds?|Pfund|libras?|sterline|фунт(?:ов|а|ів)?",
    "JPY": r"¥|JPY|yens?|Yen|иен|єн",
    "UAH": r"₴|UAH|hryvnias?|гривень|гривні|гривня|грн\.?",
    "RUB": r"₽|RUB|roubles?|rubles?|Rubel|рублей|рубля|рубль|руб\.?",
}
_CURRENCY_BEFORE = re.compile(
    "(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _CURRENCY_NAMES.items()) + r")\s?$")
_CURRENCY_AFTER = re.compile(
    r"\s?(?:(?:d['’]|de\s|di\s)?)(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _CURRENCY_NAMES.items())
    + r")(?!\w)")


def _currency(text: str, start: int, end: int) -> str | None:
    before = _CURRENCY_BEFORE.search(text[max(0, start - 5):start])
    after = _CURRENCY_AFTER.match(text, end)
    found = before or after
    return found.lastgroup if found else None


def readable(key: str) -> str:
    """A key of `number_keys` as a reader writes it: "6500000000" -> "6.5 billion",
    "1300000" -> "1.3 million", "23000" -> "23,000"; times of day, decimals and small
    numbers as they are."""
    if not key.isdigit():
        return key
    n = int(key)
    for scale, word in ((1_000_000_000, "billion"), (1_000_000, "million")):
        if n >= scale and n * 1000 % scale == 0:  # three decimals at most: "1.25 million"
            value = f"{Decimal(n) / scale:f}"
            return (value.rstrip("0").rstrip(".") if "." in value else value) + f" {word}"
    return f"{n:,}" if n >= 10_000 else key


def _plain(figure: str) -> str:
    """A written figure in one writing: "1,200" / "1 200" -> "1200", "6,2" -> "6.2"."""
    if re.fullmatch(_GROUPED, figure):
        return re.sub(r"\D", "", figure)
    return figure.replace(",", ".")


def _scaled(text: str) -> tuple[list[tuple[str, int, int]], str]:
    """(the values of the figures with a scale word and their spans, the text with them
    blanked)."""
    found: list[tuple[str, int, int]] = []
    for m in _ANY_FIGURE.finditer(text):
        w = _SCALE_AFTER.match(text, m.end())
        if w is None:
            continue
        scale = _SCALES[int(w.lastgroup[1:])]  # the scale word's group, "s1": a million
        value = Decimal(_plain(m.group(0))) * scale  # "2.500 millones": 2,500 million
        key = str(int(value)) if value == value.to_integral_value() else str(value.normalize())
        found.append((key, m.start(), w.end()))
    return found, _blank(text, [(a, b) for _, a, b in found])


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with these spans blanked, same length (no figure read twice)."""
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _clocks(text: str) -> tuple[list[tuple[str, int, int]], str]:
    """(the times of day in the text as "H:MM" and their spans, the text with them blanked,
    same length)."""
    found: list[tuple[str, int, int]] = []
    for m in _CLOCK.finditer(text):
        key = _clock_key(m, text)
        if key:
            found.append((key, m.start(), m.end()))
    return found, _blank(text, [(a, b) for _, a, b in found])


def _clock_key(m: re.Match[str], text: str) -> str | None:
    hour, minutes, sep = int(m["h"]), m["m"], m["sep"]
    ampm = (m["ampm"] or m["ampm2"] or "").lower()
    if minutes is None:  # "6 pm", "4 Uhr", "vers 23 heures": an hour only
        if m["hours"] and not _HOUR_BEFORE.search(text[:m.start()]):
            return None  # "pendant 23 heures": a span
        minutes = "00"
    elif sep in ".," and not (ampm or m["word"] or _CLOCK_BEFORE.search(text[:m.start()])):
        return None  # "10.26" alone is a decimal
    if ampm:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    return f"{hour}:{minutes}"


def _same_scale(x: str, y: str) -> bool:
    """Two figures that could be values of one quantity: both whole or both decimal, and
    within a factor of two (3,800 vs 3,000 dead; magnitude 7.8 vs 7.5). A time of day is no
    quantity ("11:00" next to "1,200 dead")."""
    if ("." in x) != ("." in y) or is_clock(x) or is_clock(y):
        return False
    a, b = float(x), float(y)
    return min(a, b) > 0 and max(a, b) <= 2 * min(a, b)


def contradicts(nums_i: set[str], nums_j: set[str], units_i: dict[str, str] | None = None,
                units_j: dict[str, str] | None = None) -> bool:
    """Both give figures and they disagree: none in common, or each side has a figure of
    the same kind and size that the other lacks (a different toll next to a shared magnitude).
    Times of day are left out: two lines of one story tell of different moments ("the
    blaze broke out at 6:50 pm" / "vers 23 heures, Gallet a annoncé"), or of one moment
    in two time zones ("10:26 Beijing time" / "05:26 мск"); a shared one still anchors.
    `units_i`, `units_j` (`keys_and_currencies`): two sums in different currencies are no rival
    values ("39 millions d'euros" / "$44 млн", one sum converted)."""
    nums_i = {k for k in nums_i if not is_clock(k)}
    nums_j = {k for k in nums_j if not is_clock(k)}
    if not nums_i or not nums_j:
        return False
    if not nums_i & nums_j:
        return True
    units_i, units_j = units_i or {}, units_j or {}
    return any(_same_scale(x, y) and units_i.get(x) == units_j.get(y)
               for x in nums_i - nums_j for y in nums_j - nums_i)
