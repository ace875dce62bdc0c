"""Plain-text boilerplate removal, line by line, with corpus evidence.

Written by hand because no library cleans plain text: trafilatura keeps every junk line
of a text dump, and justext also drops headlines, short closing lines and bullet points.
A line is removed only on positive evidence: it matches a known junk pattern, or the same
(normalised) short line recurs in several articles of one outlet. Short real lines are
kept by default. Every removed line is returned with its reason, for audit.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urlparse

from .dates import dateline_date
from .entities import SENTENCE_BREAK
from .models import RemovedLine

__all__ = ["LineCleaner", "CleanText", "line_key", "OutletLineStats", "block_page"]

_CASED = re.UNICODE  # for signatures, where capitals are the evidence

# Site heuristics as data, not code: (reason, pattern) pairs matched against a whole line.
_RAW_PATTERNS: list[tuple[str, str]] = [
    ("crawl-banner", r"^(today|сьогодні|сегодня|heute|aujourd'hui|hoy|oggi)\s*[:,-]\s*\S.*\d{4}"),
    ("crawl-banner", r"^(last updated|updated|оновлено|обновлено)\s*[:]\s*.*\d"),
    ("read-more", r"^(read more|read also|see also|related|more from this section|more on this"
                  r"|читайте також|читайте также|читати також|дивіться також|смотрите также"
                  r"|подробнее|детальніше|mehr zum thema|lesen sie auch|weiterlesen|lire aussi"
                  r"|à lire aussi|leer más|lea también|leggi anche|ver también"
                  r"|vea también|voir aussi|vedi anche|siehe auch|das könnte sie auch interessieren)\b.*"),
    ("read-more", r"^(más información|plus d'infos?|mehr dazu|more information)\s*:.*"),
    # "Lire : «…»", "LEE: El rastro …", "A lire également", "leggi tutto »"
    ("read-more", r"^(lire|à lire|a lire|voir|lee|leer|ver más|ver mas)\s*:.*"),
    ("read-more", r"^(a lire aussi|à lire également|a lire également|lire la suite|leggi tutto"
                  r"|ver lista completa)\b.*"),
    ("view-counter", r"^(read|reads|views|переглядів|просмотров|прочитано|перегляди)\s*[:]?\s*[\d\s]+$"),
    ("view-counter", r"^[\d\s]+\s*(views|переглядів|просмотров|просмотра|перегляди)$"),
    ("comments", r"(to participate in the discussion|log in or register|leave a comment|"
                 r"add a comment|\bcomments?\s*\(\d+\)|щоб залишити коментар|"
                 r"чтобы оставить комментарий|коментарі|комментарии\s*\(?\d*\)?$|"
                 r"kommentare?\s*\(?\d*\)?$|kommentieren|commentaires?\s*\(?\d*\)?$)"),
    ("share", r"^((share|поділитися|поделиться|teilen|partager|compartir|follow us|subscribe"
              r"|підписуйтесь|подписывайтесь|abonnieren)(\s+(on|this|via|us|in|у|в|на))?\s*:?"
              r"|(facebook|twitter|telegram|whatsapp|linkedin|viber|e-?mail|print|x)\b)"
              r"([\s|/·•,]*(facebook|twitter|telegram|whatsapp|linkedin|viber|e-?mail|print|x)\b)*"
              r"[\s|/·•,]*$"),
    ("photo-credit", r"^((photo|фото|foto|picture|image|bild|illustration|ілюстрація|"
                     r"иллюстрация)\s*[:©]|©|\(c\)\s|copyright\b|credits?:)"),
    ("photo-credit", r"(©|\(c\))\s*[\w .,&/-]{0,80}$"),
    # a caption ends with the agency and its photographer ("REUTERS/Kevin Lamarque", "AFP /
    # STR", "| EFE/Mohamed Messara") or names the picture's file ("89e2ecba-….jpg")
    ("photo-credit", r"(^|[|.:–—-]\s*)(reuters|afp|ap|epa|efe|getty images)\s*/\s*\w[\w.'-]*"
                     r"( [\w.'-]+){0,3}(\s*\([^)]*\))?\s*$"),
    ("photo-credit", r"\b[\w-]+\.(jpe?g|png|gif|webp)\b"),
    ("site-slogan", r"(get the latest news|news you can trust|all rights reserved|"
                    r"всі права захищені|все права защищены|alle rechte vorbehalten|"
                    r"tous droits réservés|todos los derechos reservados|sign up for our newsletter)"),
    ("tags", r"^(more about|tags|теги|мітки|теґи|schlagworte|themen|mots-clés|etiquetas)\s*:.*"),
    ("tags", r"^(#[\w-]+[\s,]*)+$"),
    ("section-label", r"^(news line|стрічка новин|лента новостей|newsticker|breaking news|"
                      r"top stories|latest news|головні новини|главные новости)$"),
    ("signature", r"^(--|—|–)\s*[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ .&-]{1,24}$"),
    ("signature", r"(?i)^\((reuters|ap|afp|dpa|interfax|ians|ukrinform|tass|ria novosti)\)$"),
    ("signature", r"^\(?[a-zа-яіїєґ]{1,4}(/[a-zа-яіїєґ]{1,4})+\)?$"),
    # Wire credit lines: "(Reporting by Lena Hartwig; Editing by Paul Chandler)" names the
    # staff, not the story's actors.
    ("credit-line", r"^\(((additional|further|with) )?(reporting|writing|editing|compiled|"
                    r"research|graphics) by\b[^()]*\)$"),
    ("credit-line", r"^((additional|further) )?(reporting|writing) by\b[^.()]*;\s*"
                    r"(editing|writing) by\b[^.()]*\.?$"),
    ("credit-line", r"\b(contributed (to )?this (report|story)|contributed reporting)\.?\)?$"),
    ("advertising", r"^(advertisement|реклама|anzeige|publicité|publicidad|sponsored)$"),
    # a byline names the writers, not the story's actors: "By Jane Doe and John Roe", "Par
    # Christophe Ayad, Serge Michel et ... Publié le 13 janvier", "scritto da Afef Abrougui";
    # two capitalised words at least, so "By Monday" is no byline
    ("byline", r"^(?i:by|posted by|written by|text by|par|por|von|scritto da|tradotto da|"
               r"a cura di|escrito por|texto de|publié par|автор|автори|авторы)\s*:?\s*"
               r"[A-ZÀ-ÞА-ЯІЇЄҐ][\w'’.-]*(?:[ ,]+(?:(?:and|et|y|e|und|и|і|та|de|da|di|del|van|"
               r"von|der|le|la|al|el|bin|ben)\s+)*[A-ZÀ-ÞА-ЯІЇЄҐ][\w'’.-]*(?:\s*\([^()]{1,40}\))?)"
               r"{1,12}\s*(?:[|—–-]\s*.{0,60}|"
               r"(?i:publié le|publicado el|pubblicato il|updated) .{0,40})?$"),
    # es/fr/it forms of the above, measured on ML-Crisis dumps (bench/boilerplate.py)
    ("comments", r"^(\d+\s*»?\s*)?(comentarios?|commenti|commentaires?)\s*\(?\d*\)?$"),
    ("comments", r"^(leave a reply|deja un comentario|deja tu comentario|lascia un commento|"
                 r"laisser un commentaire|scrivi un commento|ajouter un commentaire|añadir comentario)\b"),
    ("share", r"^(condividi|comparte|partagez|envoyer par (e-?mail|courriel)|enviar por (correo|e-?mail)"
              r"|invia per email|imprimir|imprimer|stampa)(\s+(su|en|sur|this|questo|cet article"
              r"|esta noticia))?\s*:?\s*$"),
    ("site-slogan", r"(tutti i diritti riservati|riproduzione riservata)"),
    ("read-more", r"^(leggi tutto|continua a leggere|lire la suite|seguir leyendo|sigue leyendo|"
                  r"dans la même rubrique|sur le même sujet|la rédaction vous conseille|"
                  r"ti potrebbe interessare|potrebbe interessarti|te puede interesar|"
                  r"noticias relacionadas|articoli correlati|articles liés|lo más visto|lo más leído|"
                  r"più letti|les plus lus)\s*:?\s*$"),
    ("navigation", r"^(skip to (main )?content|saltar al contenido|aller au contenu|vai al contenuto|"
                   r"please enable javascript|activez (le )?javascript|habilita javascript|"
                   r"abilita javascript)\b"),
    ("reading-time", r"^(temps de lecture|tiempo de lectura|tempo di lettura|reading time)\s*:?\s*\d+\s*min"),
    ("subscribe", r"^(s'abonner|abonnez-vous|abbonati|suscríbete|iscriviti( alla newsletter)?|"
                  r"inscrivez-vous|recibe nuestro newsletter|newsletter)\b"),
    ("subscribe", r"^(activa las notificaciones|activez les notifications|attiva le notifiche|"
                  r"turn on (push )?notifications|regístrese|regístrate)\b|^¿es un usuario nuevo\?|"
                  r"^(¿desea activar|como desbloquear|reciba) (las? )?notificaciones\b|"
                  r"^l'édition abonnés\b"),
    ("advertising", r"^.{0,60}\b(adblock|ad ?blocker|bloqueur de publicités?|bloqueador de anuncios)\b.{0,80}$"),
    # a page's section or template name left as a line: "actualite", "envoye_special"
    ("slug", r"^[a-z][a-z0-9]*([_-][a-z0-9]+)*$"),
    ("cookies", r"(utilise des cookies|utiliza cookies|utilizza (i )?cookie|uses cookies|"
                r"^(política de (privacidad|cookies)|politique de (confidentialité|cookies)|"
                r"privacy policy|cookie policy|informativa (sulla )?privacy|mapa del sitio|"
                r"plan du site|mappa del sito)$)"),
]
# Script and style code that crawlers leave in text dumps (share widgets, trackers).
_CODE = re.compile(r"(^(//|/\*|\*/|<!--)|^(var|let|const)\s+[\w$]+\s*=|^function\b.*\(|"
                   r"^(if|for|while|switch)\s*\(.*\)\s*\{?$|^\}|\{$|^[\w$.\[\]'\"]+\s*(=|\+=)\s*.*;$|"
                   r"^!?[\w$.]+\(.*\);$|^-?[a-z-]+\s*:\s*[^;]+;\s*\}?$|^[#.][\w-]+[^{]*\{|"
                   # a quoted key opens code only before a value ("'Cosmos': Can Fox ..."
                   # is a headline)
                   r"^'[\w-]+'\s*:\s*(['\"\d\[{(-]|true\b|false\b|null\b|function\b|$)|"
                   r"^[a-z_$][\w$]*\s*:\s*(function\b|'[^']*'\s*,?$|\"[^\"]*\"\s*,?$|"
                   r"\d+\s*,?$|true\b|false\b)|^\"[^\"]*\"(\s*,\s*\"[^\"]*\")*\s*\)+;$|"
                   r"^\"[^\"]*\"(\s*,\s*\"[^\"]*\")+\s*,$)")
# A comment section's header: what follows it is readers' comments, not the article.
_COMMENT_HEAD = re.compile(r"^((\d+\s*»?\s*)(comentarios|commenti|commentaires|comments|kommentare|"
                           r"комментари[ийев]+|коментар[іїів]+)\b|"
                           r"(se han publicado|sono stati pubblicati) \d+ (comentarios|commenti)|"
                           r"(leave a reply|deja un comentario|lascia un commento|laisser un commentaire|"
                           r"réagir à cet article|commenta (la notizia|l'articolo))\b)", re.I | re.U)
# (reason, pattern, matched against the lowercased line). Case-blind patterns run on the
# lowercased line without re.IGNORECASE: the same verdicts on all 81,912 ML-Crisis lines,
# 2.7x faster (IGNORECASE defeats the regex engine's literal-prefix scan), and this runs
# ~30 times per line.
# Signatures and slugs are told by their case ("—AP", "envoye_special"): they read the line
# as written.
_CASED_REASONS = frozenset({"signature", "slug", "byline"})
PATTERNS: list[tuple[str, re.Pattern[str], bool]] = [
    (reason, re.compile(rx, _CASED), reason not in _CASED_REASONS) for reason, rx in _RAW_PATTERNS]
PATTERNS.append(("code", _CODE, False))
# Verdicts of a phrase somewhere in the line, which may be a part of it (LineCleaner._trailer);
# a line repeated across an outlet's articles is furniture as a whole.
_PATTERN_REASONS = frozenset(reason for reason, _rx, _low in PATTERNS)

# A line this long may be a whole article on one line; see LineCleaner._trailer.
LONG_LINE = 250
_TAIL_SENTENCES = 5
_MIN_PROSE_SENTENCES = 3
_NAV_SEPARATORS = re.compile(r"\s[|»›·•>/]\s")
_WORD = re.compile(r"\w+", re.UNICODE)


def line_key(line: str) -> str:
    """Normalised form for counting repeats: case, digits and spacing folded."""
    s = re.sub(r"\d+", "0", line.lower())
    return re.sub(r"\s+", " ", s).strip(" .:;-–—|")


_ASCII_ALPHA = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=8192)
def _char_script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return "cyrillic" if "CYRILLIC" in name else "latin" if "LATIN" in name \
        else name.split(" ")[0].lower()


def _script(text: str) -> str | None:
    """The dominant script of a text (ASCII letters counted in bulk: this runs per line)."""
    counts: Counter[str] = Counter(_char_script(ch) for ch in _NON_ASCII.findall(text)
                                   if ch.isalpha())
    n_ascii = len(_ASCII_ALPHA.findall(text))
    if n_ascii:
        counts["latin"] += n_ascii
    return counts.most_common(1)[0][0] if counts else None


def _is_navigation(line: str) -> bool:
    parts = [p for p in re.split(r"\s*[|»›·•>]\s*", line) if p.strip()]
    if len(parts) < 3 or len(_NAV_SEPARATORS.findall(f" {line} ")) < 2:
        return False
    return all(len(_WORD.findall(p)) <= 3 for p in parts)


@dataclass
class CleanText:
    text: str
    removed: list[RemovedLine]


# The reason a guessed title is dropped for opening other stories too; kept with the
# article's removed lines, so that a later run counts it as that story's first line.
REPEATED_TITLE = "repeated-first-line"
FIRST_LINE_DAYS = 3


class OutletLineStats:
    """How many distinct articles of each outlet contain each normalised short line.
    Articles of no known outlet (a JSONL dump without `source` or `url`) are pooled under
    `ANONYMOUS`: their site furniture (a footer, a "most read" box, a share widget) still
    repeats, only across a mix of sites, so the bar there is higher."""

    ANONYMOUS = ""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        # the publication days of the stories that open with a line
        self.first_days: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        self.articles: Counter[str] = Counter()
        self.stories: dict[str, set[str]] = defaultdict(set)

    def add(self, outlet: str | None, text: str, day: date | None = None) -> None:
        outlet = outlet or self.ANONYMOUS
        lines = [ln for ln in text.split("\n") if ln.strip()]
        if not lines:
            return
        # The same story stored twice (re-crawled, filed under two topics) would make
        # every one of its lines look "repeated": count each story once per outlet.
        # Its two longest lines identify a story (one alone could be a long standard
        # paragraph of the site's, such as an "about us" footer).
        story = "\n".join(line_key(ln) for ln in sorted(lines, key=len)[-2:])
        if story in self.stories[outlet]:
            return
        self.stories[outlet].add(story)
        keys = {line_key(ln) for ln in lines}
        self.counts[outlet].update(k for k in keys if k)
        if day is not None:
            self.first_days[outlet][line_key(lines[0])].add(day.toordinal())
        self.articles[outlet] += 1

    def repeated(self, outlet: str | None, line: str, max_len: int = 120) -> bool:
        outlet = outlet or self.ANONYMOUS
        key = line_key(line)
        n = self.counts.get(outlet, Counter()).get(key, 0)
        if outlet == self.ANONYMOUS:
            # Several sites mixed: two or three reports may share a short line of the
            # story itself (a quoted slogan, a wire sentence); furniture recurs more.
            return n >= 4 and len(key) <= max_len
        # A long line repeated twice may be a reused paragraph of one story; short
        # lines repeated twice, or anything repeated 3+ times, is site furniture.
        return n >= 3 or (n >= 2 and len(key) <= max_len)

    def stories_with(self, outlet: str | None, line: str) -> int:
        """In how many of the outlet's stories the line is."""
        return self.counts.get(outlet or self.ANONYMOUS, Counter()).get(line_key(line), 0)

    def repeated_first_line(self, outlet: str | None, line: str) -> bool:
        """Whether stories published more than `FIRST_LINE_DAYS` days apart open with this
        line: a headline is the news of a day or two (wire copies of one story share it,
        as ECB+'s 23 same-headline reports do), a line atop pages weeks apart is the site's.
        In ML-Crisis' 1,671 dumps all 63 first lines that two stories open with are
        furniture ("Retrouvez-nous sur :", "Este post es parte de nuestra cobertura especial
        …", a sidebar's headline)."""
        days = self.first_days.get(outlet or self.ANONYMOUS, {}).get(line_key(line), ())
        return bool(days) and max(days) - min(days) > FIRST_LINE_DAYS


class LineCleaner:
    def __init__(self, stats: OutletLineStats | None = None):
        self.stats = stats or OutletLineStats()

    def classify(self, line: str, outlet: str | None, main_script: str | None) -> str | None:
        s = line.strip()
        low = s.lower()
        for reason, rx, on_lower in PATTERNS:
            if rx.search(low if on_lower else s):
                return reason
        if _is_navigation(s):
            return "navigation"
        if dateline_date(s) is not None:
            return "dateline"
        if self.stats.repeated(outlet, s):
            return "repeated-in-outlet" if outlet else "repeated-in-corpus"
        script = _script(s)
        if main_script and script and script != main_script and len(s) < 100:
            return "other-script"
        return None

    def clean(self, title: str, text: str, outlet: str | None = None) -> CleanText:
        lines = text.split("\n")
        main_script = _script(title + " " + text)
        kept: list[str] = []
        removed: list[RemovedLine] = []
        seen, in_comments = 0, False
        for line in lines:
            if not line.strip():
                kept.append("")
                continue
            seen += 1
            if not in_comments and seen > 3 and _COMMENT_HEAD.search(line.strip()):
                in_comments = True
            reason = "comment-section" if in_comments else self.classify(line, outlet, main_script)
            if reason in _PATTERN_REASONS and len(line.strip()) > LONG_LINE:
                head, tail = self._trailer(line, outlet, main_script)
                if head is not None:
                    line, reason = head, None
                    removed += tail
            if reason:
                removed.append(RemovedLine(line.strip(), reason))
            else:
                kept.append(line.rstrip())
        body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
        return CleanText(body, removed)

    def _trailer(self, line: str, outlet: str | None, main_script: str | None
                 ) -> tuple[str | None, list[RemovedLine]]:
        """A long line is often a whole article on one line (JSONL, feeds, data sets), so a
        rule that matches a part of it ("... contributed to this report.", "(c) 2020 The
        Associated Press. All rights reserved", a quoted opening that reads like code) must
        not delete the story. Junk sentences that open the line go, and so does a junk tail
        of a few sentences; a junk sentence amid the prose goes alone. A line with little
        prose besides its junk (a cookie banner, a copyright block) is junk as a whole.
        Returns (the kept part, or None when the whole line is junk; the removed parts)."""
        parts = [p.strip() for p in SENTENCE_BREAK.split(line.strip()) if p and p.strip()]
        junk = [self.classify(p, outlet, main_script) for p in parts]
        junk = [v if v != "other-script" else None for v in junk]
        lead = next((i for i, v in enumerate(junk) if not v), len(parts))
        end = next((k for k in range(max(lead, len(parts) - _TAIL_SENTENCES), len(parts))
                    if junk[k]), len(parts))  # a junk tail: from its first junk sentence on
        prose = [p for p, v in zip(parts[lead:end], junk[lead:end]) if not v]
        if sum(len(p.split()) >= 6 for p in prose) < _MIN_PROSE_SENTENCES:  # not list shards
            return None, []
        removed = [RemovedLine(p, v) for p, v in zip(parts[lead:end], junk[lead:end]) if v]
        if lead:
            removed.insert(0, RemovedLine(" ".join(parts[:lead]), junk[0] or ""))
        if end < len(parts):
            removed.append(RemovedLine(" ".join(parts[end:]), junk[end] or ""))
        return " ".join(prose), removed

    def clean_with_title(self, title: str, text: str, outlet: str | None = None,
                         guessed: bool = False) -> tuple[str, CleanText]:
        """Like `clean`, but a junk first line ("Home | News", a crawl banner) is not kept
        as the title: the first clean line becomes the title instead. A `guessed` title
        (a dump's first line) is junk too when other stories open with it."""
        main_script = _script(title + " " + text)
        reason = self.classify(title, outlet, main_script) if title.strip() else None
        if not reason and guessed and self.stats.repeated_first_line(outlet, title):
            reason = REPEATED_TITLE
        if not reason or reason == "other-script":
            return title, self.clean(title, text, outlet)
        out = self.clean("", text, outlet)
        first, _, rest = out.text.partition("\n")
        if not first.strip() and reason.startswith("repeated"):
            return title, out  # a headline with no body (a headlines feed) that recurs: kept
        dropped = [RemovedLine(title.strip(), reason)]
        # below a first line other stories open with, the site's header block goes on while
        # its lines are in other stories too ("Stay in Tune", "Seguimi su Twitter")
        while reason == REPEATED_TITLE and rest.strip() and \
                self.stats.stories_with(outlet, first) >= 2:
            dropped.append(RemovedLine(first.strip(), REPEATED_TITLE))
            first, _, rest = rest.partition("\n")
        return first.strip(), CleanText(rest.strip(), dropped + out.removed)


def build_stats(items: Iterable[tuple]) -> OutletLineStats:
    """Line counts of (outlet, text) or (outlet, text, publication day) items."""
    stats = OutletLineStats()
    for item in items:
        stats.add(*item)
    return stats


# What a crawler gets instead of the story: a bot check, a block or an error page, or a
# script-only app's placeholder ("Zaznacz NIE JESTEM ROBOTEM", "Checking your browser",
# "Access denied", "... doesn't work properly without JavaScript enabled"). Each phrase
# alone could sit in a story about bots, so only a short page counts (`block_page`).
_BLOCK_PAGE = re.compile(
    r"\b(?:i'?m not a robot|are you a (?:robot|human)|verify (?:that )?you are (?:a )?human"
    r"|unusual traffic from your|checking your browser|enable javascript and cookies"
    r"|access (?:to this page has been )?denied|you have been blocked|request (?:was )?blocked"
    r"|403 forbidden|429 too many requests|(?:complete|solve) the captcha"
    r"|nie jestem robotem|ich bin kein roboter|je ne suis pas un robot|no soy un robot"
    r"|non sono un robot|я не робот|robot değilim|zugriff verweigert|accès refusé"
    r"|acceso denegado|accesso negato|доступ (?:запрещ[её]н|заборонено|обмежено)"
    # a web app's placeholder for browsers without scripts (Vue's and React's templates)
    r"|(?:doesn'?t|does not|won'?t) work (?:properly )?without javascript"
    r"|you need to enable javascript|javascript (?:is )?(?:required|disabled)"
    r"|(?:please )?enable javascript (?:to|in your browser)|bitte aktivieren sie javascript"
    r"|javascript (?:ist )?deaktiviert|(?:veuillez )?activer (?:le )?javascript"
    r"|javascript est désactivé)\b", re.I)
BLOCK_PAGE_WORDS = 120


def block_page(title: str, text: str) -> str | None:
    """The bot-check or block phrase of a page that is nothing more, else None."""
    page = f"{title}\n{text}"
    if len(page.split()) > BLOCK_PAGE_WORDS:
        return None
    m = _BLOCK_PAGE.search(page)
    return m.group(0) if m else None


# "Headline - Outlet", "Outlet | Headline": the separators sites put between a page's
# title and their name (a hyphen only with spaces around it, so "Sorbonne-Nouvelle" stays).
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—·•:]{1,2}\s+")
_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)*\.[a-z]{2,6}$", re.I)
_HOST_NOISE = frozenset({"www", "com", "org", "net", "co", "uk", "de", "fr", "ru", "ua", "news",
                         "edition", "amp", "m", "home", "en"})


def _squash(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _outlet_keys(outlet: str | None, url: str | None) -> set[str]:
    keys = {_squash(outlet)} if outlet and not _DOMAIN.match(outlet.strip()) else set()
    for host in (outlet if outlet and _DOMAIN.match(outlet.strip()) else None,
                 urlparse(url).hostname if url else None):
        if host:
            keys |= {_squash(label) for label in host.lower().split(".") if label not in _HOST_NOISE}
    return {k for k in keys if len(k) >= 3}


def _names_outlet(segment: str, keys: set[str]) -> bool:
    seg = _squash(segment)
    if len(seg) < 3 or len(segment.split()) > 5:  # a site's name is short; "CNN's poll of ..." is no name
        return False
    if _DOMAIN.match(segment.strip().rstrip(".")):
        return True
    # "Supermove" for "Supermove Inc.", a cut "Freightwaves Checkpoin", "The Motley Fool"
    return any(seg == k or (len(seg) >= 4 and (k.startswith(seg) or seg.startswith(k))) for k in keys)


def strip_outlet(title: str, outlet: str | None, url: str | None = None) -> tuple[str, str | None]:
    """The headline without the outlet's name that sites add to a page title ("Lavrov
    meets Pompeo - Reuters", "BBC News | ..."): as a name it would stand among the story's
    actors, and two headlines of one site would look alike for it. Returns (headline, the
    removed part or None); a title that would keep fewer than 3 words stays whole."""
    parts = _TITLE_SEPARATOR.split(title.strip())
    keys = _outlet_keys(outlet, url)
    if len(parts) < 2 or not (keys or any(_DOMAIN.match(p) for p in parts)):
        return title, None
    seps = _TITLE_SEPARATOR.findall(title.strip())
    for cut, keep in ((parts[-1], slice(0, -1)), (parts[0], slice(1, None))):
        if _names_outlet(cut, keys):
            kept_parts = parts[keep]
            kept_seps = seps[:-1] if keep.stop == -1 else seps[1:]
            head = kept_parts[0] + "".join(s + p for s, p in zip(kept_seps, kept_parts[1:]))
            if len(head.split()) >= 3:
                return head.strip(), cut.strip()
    return title, None
