"""Raw item -> Article: parse, find the outlet, clean, identify language, find dates and names."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlparse

from .clean import LineCleaner, OutletLineStats, block_page, strip_outlet
from .dates import find_dates, resolve
from .entities import NameExtractor
from .figures import number_keys
from .htmlextract import url_date
from .ingest import parse_item
from .quotes import extract_quotes
from .language import LanguageIdentifier
from .models import Article, Parsed, RawItem, Rejected, RemovedLine

__all__ = ["ArticleBuilder", "DERIVE_VERSION", "article_id", "outlet_of", "original_source"]

# Raise when an Article's derived fields change meaning (2: countries and cities share one
# name key across languages; 3: names from sentence starts and title-case headlines;
# 4: cities that CLDR names alike in Latin scripts, such as Istanbul and Beirut; 5: lines
# repeated across articles of no known outlet are boilerplate too; 6: publication stamps
# such as "Publié le ... - Mis à jour le ..." are datelines, and "СМИ"/"ЗМІ" are no names;
# 7: wire credit lines, "(Reporting by ...; Editing by ...)", are boilerplate, places are
# read from context ("the town of Pazarcık", lists) and an article keeps 12, not 5;
# 8: "Más información: ..." and other related-link lines in es/fr/de/it are read-more;
# 9: "shares in Renault" makes no place, and "nach Angaben" no German name; 10: a story on
# one line keeps its body when a junk phrase ends it, and is split into title and body;
# 11: the outlet's name is taken off headlines, "... - Reuters"; 12: the word after a wire
# dateline opens a sentence, "(AFP) - Astronomers ...", and Russian "у Лукойла" is no place;
# 13: a country named in several words or abbreviated is one name, "США" = "United States";
# 14: a URL's date, "/2019/11/17/", is the publication date when no metadata gives one;
# 15: "American", "Saudis", "North Korean" take their country's key; 16: bare French,
# Italian and Spanish weekdays are dates, "a déclaré lundi"; 17: "dijo un portavoz" is an
# unnamed speaker, and four more quote attributions; 18: a speaker is shown without the
# country titling them, "Президент Франции Эмманюэль Макрон"; 19: "Lire : …", "LEE: …",
# "A lire également" are read-more lines; 20: "Chief Executive", "General" and other titles
# are not shown as part of a speaker's name; 21: "in the United States", "in der Türkei":
# a country or city after a locative and an article is a place; 22: "15 de marzo del
# 2011", "15 marzo del 2011" are full dates; 23: German abbreviations ("CDU", "EZB") are
# names, not common nouns; 24: an international organisation's abbreviation is one name
# in every language, "OTAN" / "Nato" / "НАТО"; 25: "a-t-il ajouté" is the speaker quoted
# in the sentence before, and Italian "Lo ha detto" names no speaker "Lo"; 26: a quoted
# abbreviation's speaker key is taken as written, "ECB", "США"; 27: "EZB-Rats" speaks
# under the ECB's key; 28: a first line an outlet repeats atop its pages is no title; 29:
# "Siria, portavoce …: «…»" is not said by Syria; 30: "Miércoles 16/02/2011. Actualizado
# 11:40h." is a publication stamp; 31: "«…», a-t-il ajouté, … de Tripoli" is not said by
# Tripoli; 32: a stamp's two-digit year, "Jue. 24/02/11. Actualizado 14:03h."; 33: "C'est",
# "Plusieurs" and capitals after a colon or an opening quote are no names; 34: a dump's
# first line that stories days apart open with is no title; 35: a place after a preposition is
# no speaker, nor a word after a colon seen "mid-sentence"; 36: "au Caire" is Cairo; 37:
# nor is the site's header below such a line; 38: mojibake is repaired, "iniciÃ³" ->
# "inició"; 39: a Turkish name's case ending, "Bağdat'ta"; 40: a bot-check page is no
# story; 41: Polish names by their nominative, "w Polsce" -> Polska; 42: places in Arabic
# text; 43: Turkish months and titles are no names; 44: Polish quotes, a place after the
# verb is no speaker; 45: Turkish quotes; 46: sentences end before "À", "Ş", "Ł" and
# Arabic letters too; 47: a Turkish speaker is the subject before the quote; 48: Polish
# common words are shown as written; 49: a German noun after "in" is a place only where a
# gazetteer knows it; 50: a German speaker of common nouns only is none; 51: a German
# compound of dictionary words is no name, its abbreviation or unknown head is; 52: a German
# dictionary word after "in" is a place only where a gazetteer knows it; 53: "in 2019
# Holiday" makes no place; 54: a function word, an English people or a city by the verb is
# no speaker; 55: nor is a German compound of a dictionary noun a place; 56: one of two
# words of four letters or more: "Donbass" is a place; 57: a hyphenated German word with a
# part no dictionary knows is a name: "Von-Kármán-Krater"; 58: "E'" is no speaker; 59: a
# known place after a compass word, "southern Turkey", "на юге Турции", is a place; 60:
# nor is a person after a dative "a"/"à", "exigieron a Saleh", nor an unknown word after
# English "a", "a White House aide"; 61: nor after Portuguese "a", "a Petrobras"; 62: a
# headline opening with a quoted word, "'Cosmos': Can Fox ...", is no code; 63: natural features
# and squares mark places, "la isla de Vantotene, Merkel" is no list, a German adjective of
# a place ("Pekinger") is no name, Earth no place; 64: a byline is
# furniture, "Par Christophe Ayad, Serge Michel et ..."; 65: Earth, "Земля", is no
# name; 66: "Tierra", "Terre" after a bare locative are places again, and German
# surnames are read by given_names.words_after_given_names; 67: a Ukrainian "’" is read as
# the dictionary's "'", "Ф’юрі" is no "Ф’юра"; 68: an elision is a listed word's, "C'est",
# "Nell'incontro", so "Sana'a", "Chang'e-4" are names; 69: an event is placed at a crater
# or a square its reports name, and a re-derive rebuilds the events; 70: a time of day is
# one number key, "10.26 Uhr" = "10:26 am", no decimal 10.26; 71: organisations named in each
# language's own words are one name, "Белый дом" = "White House"; 72: and "Consejo Nacional
# Transitorio", the Syrian National Council; 73: "Евросоюз" is the EU, "Vaticano" and
# "Ватикан" the Vatican, "Eliseo" the Élysée; 74: a figure with a scale word is its
# value, "2,3 тис." = "2,300", "5 milliards" = "5 billion"; 75: "vers 23 heures", "в 23
# часа" are times of day; 76: Chinese names in Palladius Cyrillic have their pinyin's
# key, "Цзиньпин" = "Jinping"; 77: central banks are organisations, "Bank of Canada",
# "Swiss National Bank", "Народний банк Китаю"; 78: a script-only app's placeholder
# ("... doesn't work properly without JavaScript enabled") is a block page; 79: an
# article keeps the name keys of its title alone, `title_names`): stores derived before
# are derived again on their next update.
DERIVE_VERSION = 79


def article_id(content_hash: str) -> str:
    """The id of the article derived from a raw item: stable for the same bytes."""
    return "a" + content_hash[:12]


# "... reported, citing Interfax" / "передає Укрінформ" / "-- IANS": the agency behind a copy.
_CITING = re.compile(r"(?:citing|according to|cited by|передає|повідомляє|со ссылкой на|"
                     r"сообщает|передает|berichtet|unter berufung auf|selon|según)\s+"
                     r"(?:the\s+)?([A-ZА-ЯІЇЄҐ][\w-]+(?:\s+[A-ZА-ЯІЇЄҐ][\w-]+)?)", re.UNICODE)
_SIGNATURE = re.compile(r"^\s*(?:--|—|–)\s*([A-ZА-ЯІЇЄҐ][\w .&-]{1,30})\s*$|"
                        r"^\s*[-–—]\s*([A-Z][\w ]{2,30}International)\s*$", re.M | re.UNICODE)
_GENERIC_DIRS = re.compile(r"^(\d+|articles?|news|corpus|data|input|texts?|raw|docs?|tmp)$", re.I)


def outlet_of(parsed: Parsed, item: RawItem) -> str | None:
    """Outlet from metadata, then the URL's host, then the folder a text file sits in."""
    if parsed.source:
        return parsed.source.strip()
    url = parsed.url or item.fields.get("url")
    if url:
        host = urlparse(url).hostname or ""
        return host.removeprefix("www.") or None
    if item.provenance.kind == "txt":
        folder = os.path.basename(os.path.dirname(item.provenance.origin))
        if folder and not _GENERIC_DIRS.match(folder):
            return folder
    return None


def original_source(text: str, removed_texts: list[str]) -> str | None:
    for line in removed_texts:
        m = _SIGNATURE.match(line)
        if m:
            return (m.group(1) or m.group(2)).strip()
    m = _CITING.search(text)
    return m.group(1) if m else None


@dataclass
class ArticleBuilder:
    stats: OutletLineStats = field(default_factory=OutletLineStats)
    langid: LanguageIdentifier = field(default_factory=LanguageIdentifier)
    names: NameExtractor = field(default_factory=NameExtractor)

    def parse(self, item: RawItem) -> Parsed | Rejected:
        return parse_item(item)

    def build(self, item: RawItem, seq: int, parsed: Parsed) -> Article | Rejected:
        prov = item.provenance
        outlet = outlet_of(parsed, item)
        title, cleaned = LineCleaner(self.stats).clean_with_title(parsed.title, parsed.text, outlet,
                                                                  parsed.title_guessed)
        url = parsed.url or item.fields.get("url")
        parsed.title, site = strip_outlet(title, outlet, url)
        removed = parsed.removed + cleaned.removed
        if site:
            removed.append(RemovedLine(site, "outlet-in-title"))
        if not cleaned.text.strip() and not parsed.title:
            return Rejected(prov.origin, prov.locator, "clean", "empty-after-cleaning",
                            f"all {len(removed)} lines were boilerplate", item.content_hash)
        blocked = block_page(parsed.title, cleaned.text)
        if blocked:
            return Rejected(prov.origin, prov.locator, "clean", "block-page",
                            f'a bot check, block or placeholder page ("{blocked}"), not a story',
                            item.content_hash)
        guess = self.langid.detect(f"{parsed.title}\n{cleaned.text}", parsed.lang)
        art = Article(id=article_id(item.content_hash), content_hash=item.content_hash,
                      origin=prov.origin, title=parsed.title, text=cleaned.text, seq=seq,
                      url=url, source=outlet,
                      author=parsed.author, lang=guess.lang,
                      lang_confidence=guess.confidence, removed=removed)
        art.original_source = original_source(cleaned.text, [r.text for r in removed])
        if art.source is None:  # no metadata, URL or folder: the signature is the best clue
            art.source = art.original_source
        self._dates(art, parsed)
        self._names(art)
        return art

    def _dates(self, art: Article, parsed: Parsed) -> None:
        art.dates = find_dates(art.text, art.removed, art.lang)
        if parsed.published:
            art.published = parsed.published
            art.published_source = parsed.published_source or "metadata"
            art.published_confidence = 0.95 if art.published_source == "metadata" else 0.85
        elif from_url := url_date(art.url):  # "/2019/11/17/": JSONL, feeds, WARC, URL lists
            art.published, art.published_source, art.published_confidence = from_url, "url", 0.85
        else:
            datelines = [m for m in art.dates if m.role == "published" and m.value]
            if datelines:
                d = datelines[0].value
                art.published = datetime(d.year, d.month, d.day, tzinfo=timezone.utc)
                art.published_source, art.published_confidence = "text", 0.8
        if art.published:
            pub = art.published.date()
            for m in art.dates:
                if m.value is None and m.relative:
                    m.value, m.source = resolve(m.relative, pub), "inferred"
                    m.confidence = min(m.confidence, 0.6)

    def _names(self, art: Article) -> None:
        found = self.names.extract(f"{art.title}.\n{art.text[:3000]}", art.lang)
        art.names = dict(found.counts.most_common(40))
        art.name_forms = {k: found.surfaces[k].most_common(1)[0][0] for k in art.names}
        title = self.names.extract(art.title, art.lang).counts if art.title else {}
        art.title_names = sorted(title)
        art.places = [k for k, _ in found.places.most_common(12)]
        art.places_in_context = [k for k, _ in found.places_in_context.most_common(12)
                                 if k not in found.places]
        art.numbers = sorted(number_keys(f"{art.title}\n{art.text[:3000]}"))
        art.quotes = extract_quotes(art.text, art.lang, self.names)
