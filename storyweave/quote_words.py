"""The words quotes.py reads attributions by, per language: speech verbs, participles that
keep the sentence's subject, prepositions before a place, indefinite articles before an
unnamed speaker. Data, kept apart from the scanner so a language is added here alone."""
from __future__ import annotations

import re

__all__ = ["ACCORDING", "ALL_VERBS", "INDEFINITE", "PARTICIPLE_RX", "PREPOSITIONS", "VERB_RX"]

VERBS = {
    "en": r"said|says|say|told|tells|added|adds|stated|states|warned|warns|declared|insisted|"
          r"explained|noted|announced|wrote|replied|according to",
    "uk": r"сказа(?:в|ла|ли)|заяви(?:в|ла|ли)|зазначи(?:в|ла|ли)|дода(?:в|ла|ли)|"
          r"наголоси(?:в|ла|ли)|повідоми(?:в|ла|ли)|підкресли(?:в|ла|ли)|каже|заявляє|"
          r"написа(?:в|ла)|пише|(?:і|й)деться|запевни(?:в|ла)|назва(?:в|ла|ли)|"
          r"за (?:його |її |їхніми )?словами",
    "ru": r"сказал[аи]?|заявил[аи]?|отметил[аи]?|добавил[аи]?|подчеркнул[аи]?|сообщил[аи]?|"
          r"говорит(?:ся)?|заявляет|написал[аи]?|пишет|парировал[аи]?|заверил[аи]?|назвал[аи]?|"
          r"по (?:его |ее |её |их )?словам",
    "de": r"sagte|sagt|sagten|erklärte|erklärt|betonte|fügte|warnte|schrieb|teilte|"
          r"hieß es|heißt es|nannte|so|laut",
    "fr": r"a(?:-t-(?:il|elle))? (?:dit|déclaré|affirmé|ajouté|souligné|expliqué|estimé|"
          r"indiqué|assuré|annoncé|prévenu|qualifié)|dit|déclare|affirme|ajoute|selon",
    "es": r"dijo|afirmó|declaró|señaló|aseguró|añadió|explicó|indicó|advirtió|subrayó|"
          r"manifestó|calificó|dice|afirma|asegura|según|a juicio de",
    "it": r"ha (?:detto|dichiarato|affermato|aggiunto|spiegato|sottolineato|annunciato|definito)|"
          r"dice|afferma|dichiara|secondo",
    "pl": r"powiedział[a]?|stwierdził[a]?|dodał[a]?|zaznaczył[a]?|podkreślił[a]?|oświadczył[a]?|"
          r"napisał[a]?|ocenił[a]?|przekonywał[a]?|zapowiedział[a]?|mówi|twierdzi|według",
    "tr": r"dedi|diye konuştu|söyledi|ifade etti|belirtti|kaydetti|vurguladı|açıkladı|"
          r"ifadelerini kullandı|dile getirdi|göre",
}


def _word_rx(rx: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{rx})(?![\w])", re.I)


# Scraped text often doubles spaces ("a  déclaré"): a verb's words may be any spaces apart.
VERBS = {lang: rx.replace(" ", r"\s+") for lang, rx in VERBS.items()}
VERB_RX = {lang: _word_rx(rx) for lang, rx in VERBS.items()}
ALL_VERBS = re.compile("|".join(f"(?:{rx})" for rx in VERBS.values()), re.I)

# "…, calling the landing “…”", "…, назвавши посадку «…»": a participle whose subject is
# the sentence's, not the last name before it ("congratulated the Chinese team, calling").
PARTICIPLES = {"en": r"calling(?! for| on)|describing", "uk": r"назвавши", "ru": r"назвав",
               "fr": r"qualifiant", "es": r"calificando", "it": r"definendo"}
PARTICIPLE_RX = {lang: _word_rx(rx) for lang, rx in PARTICIPLES.items()}

# A name right after one of these is where or whose, not who ("… de Paris, a annoncé",
# "в Москве заявили"): it is the speaker only when no other name is at hand.
PREPOSITIONS = {
    "en": "in at from of to for by with near on into", "fr": "de du des à au aux en dans pour par sur chez",
    "es": "de del en a desde para por con sobre", "it": "di del della dei a da in per con su nel",
    "de": "in aus nach von bei mit für zu im vom zum", "ru": "в во на из с со к по от для о об у при над под",
    "uk": "в у на з із зі до від для про при по над під щодо",
    "pl": "w we na z ze do od dla o przy po pod nad przez",
}
PREPOSITIONS = {k: set(v.split()) for k, v in PREPOSITIONS.items()}

# Verbs that are prepositions: the speaker follows them.
ACCORDING = re.compile(r"according to|selon|laut|según|secondo|a juicio de|"
                       r"за (?:його |її |їхніми )?словами|по (?:его |ее |её |их )?словам", re.I)

# "Lo ha detto un ufficiale", "a dit une source": the speaker is someone unnamed
INDEFINITE = {lang: re.compile(rf"\s*(?:{words})(?!\w)", re.I) for lang, words in {
    "en": "a|an|one of", "fr": "une?", "it": "una?|uno|un'", "es": "una?", "pt": "uma?",
    "de": "eine?[rm]?", "ru": "одна?|один", "uk": "одна?|один"}.items()}
