"""Dates in article text: explicit, partial and relative; each with a role, source and confidence.

Written by hand on purpose (measured, see OFFLINE_STACK.md): dateparser's `search_dates`
reads "we", "sat", "1344" as dates and misses Ukrainian "у вівторок"; htmldate takes a
crawl banner for the publication date. Here a date's *role* comes from where it stands:
a crawl banner ("Today: ..."), a photo caption, a copyright line, a dateline, or a sentence.
Relative mentions ("on Tuesday", "вчора") stay relative until an anchor (the publication
date, or the event's consensus date found by clustering) resolves them.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta

from .models import Article, DateMention, RemovedLine

__all__ = ["find_dates", "resolve", "article_event_date", "consensus_date", "dateline_date",
           "day_of"]

_MONTHS: dict[str, int] = {}
for _names in [
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
]:
    for _i, _n in enumerate(_names.split()):
        _MONTHS.setdefault(_n, _i + 1)
_MONTHS["sept"] = 9

_WEEKDAYS: dict[str, int] = {}
for _names in [
    "monday tuesday wednesday thursday friday saturday sunday",
    "понеділок вівторок середу четвер п'ятницю суботу неділю",
    "понеділка вівторка середи четверга п'ятниці суботи неділі",
    "понедельник вторник среду четверг пятницу субботу воскресенье",
    "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "lunes martes miércoles jueves viernes sábado domingo",
    "lunedì martedì mercoledì giovedì venerdì sabato domenica",
]:
    for _i, _n in enumerate(_names.split()):
        _WEEKDAYS.setdefault(_n, _i)
_WEEKDAYS.update({"пʼятницю": 4, "п’ятницю": 4, "середа": 2, "sonnabend": 5})

_MONTH_RX = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_WD_RX = "|".join(sorted(map(re.escape, _WEEKDAYS), key=len, reverse=True))
_F = re.IGNORECASE | re.UNICODE

_DIGIT = re.compile(r"\d")
_ISO = re.compile(r"\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d{2})\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:\.|-?го|-?th|er)?\s+(?:de\s+)?({_MONTH_RX})\.?"
                        rf"(?:,?\s+(?:del?\s+)?((?:19|20)\d{{2}}))?(?![\w])", _F)  # "de/del 2011"
_MONTH_DAY = re.compile(rf"\b({_MONTH_RX})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b"
                        rf"(?:,?\s+((?:19|20)\d{{2}}))?", _F)
# "on Tuesday", "у вівторок", "во вторник", "am Dienstag", "минулого вівторка", "le mardi"
_WEEKDAY = re.compile(rf"(?<![\w'’ʼ])(?:(?:on|last|this|у|в|во|am|le|el|минулого|минулої|"
                      rf"в минувший|в прошлый|в прошлую|letzten)\s+)?({_WD_RX})(?![\w'’ʼ])", _F)
_RELATIVE_WORDS = ("yesterday|вчора|учора|вчера|gestern|hier|ayer|ieri|"
                   "the day before yesterday|позавчора|позавчера|vorgestern")
_RELATIVE_DAY = re.compile(rf"(?<!\w)({_RELATIVE_WORDS})(?!\w)", _F)
# A quick case-sensitive test on the lowercased line before the case-blind scans above,
# which re.IGNORECASE makes try every position of every line.
_ANY_RELATIVE = re.compile(f"{_WD_RX}|{_RELATIVE_WORDS}")
_RELATIVE_OFFSETS = {"позавчора": -2, "позавчера": -2, "vorgestern": -2,
                     "the day before yesterday": -2}


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_day(m: re.Match[str], lang: str) -> tuple[int, int]:
    """(month, day) of a numeric date's first two numbers: day first, except an English
    "5/14" whose second number cannot be a month."""
    a, b = int(m.group(1)), int(m.group(3))
    return (a, b) if m.group(2) == "/" and lang == "en" and b > 12 else (b, a)


def _explicit(line: str, lang: str) -> list[tuple[int, str, date | None, str | None]]:
    """(offset, text, date or None, relative 'md:M-D' when the year is missing)."""
    found: list[tuple[int, str, date | None, str | None]] = []
    taken: list[tuple[int, int]] = []
    if not _DIGIT.search(line):
        return found  # every explicit form has a day number: most lines end here

    def add(m: re.Match[str], y: int | None, mo: int, d: int) -> None:
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        if y is None:
            if 1 <= mo <= 12 and 1 <= d <= 31:
                found.append((m.start(), m.group(0), None, f"md:{mo}-{d}"))
        elif (value := _safe_date(y, mo, d)) is not None:
            found.append((m.start(), m.group(0), value, None))

    for m in _ISO.finditer(line):
        add(m, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for m in _NUMERIC.finditer(line):
        add(m, int(m.group(4)), *_month_day(m, lang))
    for m in _DAY_MONTH.finditer(line):
        add(m, int(m.group(3)) if m.group(3) else None, _MONTHS[m.group(2).lower()], int(m.group(1)))
    for m in _MONTH_DAY.finditer(line):
        add(m, int(m.group(3)) if m.group(3) else None, _MONTHS[m.group(1).lower()], int(m.group(2)))
    return found


def _relative(line: str) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []
    if not _ANY_RELATIVE.search(line.lower()):
        return out  # most lines name no weekday and no "yesterday": skip the slow scans
    for m in _WEEKDAY.finditer(line):
        word = m.group(1).lower()
        if m.group(0).lower() == word and _bare_slavic_weekday(m.group(1)):
            continue
        out.append((m.start(), m.group(0), f"weekday:{_WEEKDAYS[word]}"))
    for m in _RELATIVE_DAY.finditer(line):
        out.append((m.start(), m.group(0), f"days:{_RELATIVE_OFFSETS.get(m.group(1).lower(), -1)}"))
    return out


_CYRILLIC = re.compile("[а-яёіїєґ]")


def _bare_slavic_weekday(word: str) -> bool:
    """A lowercase Ukrainian or Russian weekday without a preposition ("вівторок був
    важким"): too vague to keep, since news writes the day as "у вівторок". A bare
    capitalised English weekday is a date, and so is a bare Romance one: French,
    Italian and Spanish news write "a déclaré lundi", "ha detto lunedì", "llegó este
    martes" with no preposition."""
    return not word[:1].isupper() and bool(_CYRILLIC.search(word))


_ROLE_OF_REMOVED = {"crawl-banner": "crawl", "photo-credit": "caption"}


# What may stand beside the date(s) of a publication stamp: "Publié le 19 novembre 2018 à
# 12h32 - Mis à jour le 19 novembre 2018 à 18h05", "Updated: 14 May 2019, 10:32",
# "Miércoles 16/02/2011. Actualizado 11:40h.".
_STAMP_WORDS = re.compile(
    r"\b\d{1,2}(?::\d{2}(?::\d{2})?h?|h\d{2})\b|\b(?:gmt|utc)(?:[+-]\d{1,2})?\b|"
    r"\b(?:last updated|updated|published|posted|publié|publiée|mis à jour|modifié|publicado|"
    r"actualizado|pubblicato|aggiornato|"
    r"veröffentlicht|aktualisiert|оновлено|опубліковано|опубликовано|обновлено|року|года|г|р)\b"
    r"|[,.:|–—-]", _F)


def dateline_date(line: str, lang: str = "en") -> date | None:
    """The date of a line that is nothing but a date (and maybe a time or a place), or a
    publication stamp: one date, or a published and an updated one (the first is returned),
    with stamp words and times around them."""
    s = line.strip()
    if len(s) > 100:
        return None
    hits = _explicit(s, lang) or _short_year(s, lang)
    if not 1 <= len(hits) <= 2 or any(h[2] is None for h in hits):
        return None
    rest = s
    for h in hits:
        rest = rest.replace(h[1], " ")
    words = _STAMP_WORDS.sub(" ", rest).split()
    if len(hits) == 1 and len(s) <= 60 and len(words) <= 2:
        return hits[0][2]
    # short particles only ("le", "à", "am", "el"): a stamp, not a sentence with a date
    return hits[0][2] if len(words) <= 4 and all(len(w) <= 3 for w in words) else None


# "Jue. 24/02/11. Actualizado 14:03h.": a two-digit year, read only in a stamp (in prose
# "24/02/11" may be anything)
_SHORT_NUMERIC = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2(\d{2})\b(?![./]\d)")


def _short_year(line: str, lang: str) -> list[tuple[int, str, date | None, str | None]]:
    out: list[tuple[int, str, date | None, str | None]] = []
    for m in _SHORT_NUMERIC.finditer(line):
        yy = int(m.group(4))
        out.append((m.start(), m.group(0), _safe_date((1900 if yy >= 70 else 2000) + yy,
                                                      *_month_day(m, lang)), None))
    return out


def find_dates(text: str, removed: list[RemovedLine] | None = None,
               lang: str = "en") -> list[DateMention]:
    """All date mentions of an article's clean text and of its removed lines."""
    mentions: list[DateMention] = []
    for rl in removed or []:
        role = _ROLE_OF_REMOVED.get(rl.reason, "other")
        if rl.reason == "dateline":
            role = "published"
        for _off, txt, value, rel in _explicit(rl.text, lang):
            conf = {"published": 0.8, "caption": 0.5}.get(role, 0.2)
            mentions.append(DateMention(role, "text", conf, value, rel, txt))
    offset = 0
    for line in text.split("\n"):
        copyright_line = "©" in line or "copyright" in line.lower()
        for off, txt, value, rel in _explicit(line, lang):
            role = "copyright" if copyright_line else "event"
            mentions.append(DateMention(role, "text", 0.7 if role == "event" else 0.1,
                                        value, rel, txt, offset + off))
        for off, txt, rel in _relative(line):
            mentions.append(DateMention("event", "text", 0.6, None, rel, txt, offset + off))
        offset += len(line) + 1
    return mentions


def resolve(relative: str, anchor: date, near: bool = False) -> date | None:
    """Resolve 'weekday:N', 'days:K' or 'md:M-D' against an anchor.

    With `near=False` the anchor is a publication date: "on Tuesday" is the latest
    Tuesday on or before it. With `near=True` the anchor is an event's consensus date:
    the matching day nearest to it (either side) is taken.
    """
    kind, _, val = relative.partition(":")
    if kind == "days":
        return anchor + timedelta(days=int(val))
    if kind == "weekday":
        back = (anchor.weekday() - int(val)) % 7
        if near and back > 3:
            return anchor + timedelta(days=7 - back)
        return anchor - timedelta(days=back)
    if kind == "md":
        mo, d = map(int, val.split("-"))
        options = [x for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                   if (x := _safe_date(y, mo, d)) is not None]
        if not near:  # a publication cannot report a day after it, bar a few days' slack
            options = [x for x in options if x <= anchor + timedelta(days=3)] or options
        return min(options, key=lambda x: abs((x - anchor).days)) if options else None
    return None


def day_of(published: datetime | None) -> date | None:
    return published.date() if published else None


def article_event_date(a: Article, anchor: date | None = None) -> tuple[date | None, float, str]:
    """Best guess of the date of what an article reports: (date, confidence, how).

    With a publication date, news is about the last few days: a date in the text within
    [published - 3 days, published + 1] is the event ("3 January", "14 May 2019"); earlier
    dates are background ("won the run-off on 21 April"), later ones plans. Failing that,
    relative mentions ("on Tuesday") resolved against it, then the publication date itself.
    Without one: explicit dates, then relative mentions resolved near `anchor` (an event's
    consensus date), then a photo caption. Crawl dates never count.
    """
    pub = day_of(a.published)
    events = [m for m in a.dates if m.role == "event"]
    dated = [m.value for m in events if m.value is not None
             and (not m.relative or m.relative.startswith("md:"))]
    if pub:
        near = [d for d in dated if pub - timedelta(days=3) <= d <= pub + timedelta(days=1)]
        if near:
            return max(near), 0.8, "explicit"
        rel = [resolve(m.relative, pub) for m in events
               if m.relative and not m.relative.startswith("md:")]
        rel = [d for d in rel if d is not None and pub - timedelta(days=7) <= d <= pub]
        if rel:
            return Counter(rel).most_common(1)[0][0], 0.6, "relative"
        return pub, 0.4, "published"
    # Without a publication date, values inferred from an event (events.py) are not
    # evidence of the article's own date: leave them out so reclustering stays stable.
    dated = [m.value for m in events if m.value is not None and m.source != "inferred"
             and (not m.relative or m.relative.startswith("md:"))]
    if dated:
        best, n = Counter(dated).most_common(1)[0]
        return (best if n > 1 else dated[0]), 0.8, "explicit"
    if anchor:
        rel = [resolve(m.relative, anchor, True) for m in events if m.relative]
        rel = [d for d in rel if d is not None]
        if rel:
            return Counter(rel).most_common(1)[0][0], 0.6, "relative"
    captions = [m.value for m in a.dates if m.role == "caption" and m.value]
    if captions:
        return captions[0], 0.5, "caption"
    return None, 0.0, "none"


def consensus_date(candidates: list[tuple[date, float]]) -> tuple[date | None, float]:
    """Weighted vote of members' dates; neighbouring days support each other (time zones)."""
    if not candidates:
        return None, 0.0
    score: Counter[date] = Counter()
    for d, w in candidates:
        score[d] += w
        score[d - timedelta(days=1)] += w * 0.3
        score[d + timedelta(days=1)] += w * 0.3
    best = max(score, key=lambda d: (score[d], -d.toordinal()))
    total = sum(w for _, w in candidates)
    support = sum(w for d, w in candidates if abs((d - best).days) <= 1)
    return best, round(support / total, 3) if total else 0.0
