"""Institutions and organisations that each language names in its own words: "White House",
"Белый дом", "Maison Blanche", "Casa Bianca"; "Security Council", "Consejo de Seguridad",
"Совет Безопасности". Name keys are transliterated skeletons, so translated names never
meet by themselves ("Госдепартамент" and "State Department" share no letters), and news
names these in most stories about a crisis. CLDR has only countries and cities, and no
offline entity linker exists (OFFLINE_STACK.md), so the table is written here: the bodies
international news names most, in the languages storyweave reads. Each is one name key,
read as a phrase (countries.py) or, for a one-word form ("Госдепартамент", "Sicherheitsrat"),
by `name_key`. Inflected forms ("Белого дома", "des Weißen Hauses") meet through lemmas.
Abbreviations stay apart (gazetteer `_ORGANISATION_FORMS`); actors join "European Central
Bank" and "ECB" for display.
"""
from __future__ import annotations

from functools import lru_cache

from .gazetteer import phrase_form

__all__ = ["ORGANISATION", "organisation_codes", "organisation_form", "organisation_forms",
           "organisation_name"]

# An organisation's code: this mark and its English name (country codes are two letters)
ORGANISATION = "="

# English name: {language: forms, "|"-separated, the first being how that language writes
# the name in the nominative; German genitives are listed, as simplemma reads "Hauses" as
# "hausen" and leaves "Sicherheitsrats" as it is}. Bodies one country has in every country ("Foreign
# Ministry", "Supreme Court") are left out: their words name no one body.
_FORMS: dict[str, dict[str, str]] = {
    "White House": {"de": "Weißes Haus|Weiße Haus|Weißen Haus|Weißen Hauses",
                    "fr": "Maison Blanche|Maison-Blanche",
                    "es": "Casa Blanca", "it": "Casa Bianca", "pt": "Casa Branca",
                    "ru": "Белый дом", "uk": "Білий дім|Білого дому|Білому домі|Білим домом"},
    "State Department": {"en": "Department of State", "fr": "Département d'État|Département d'Etat",
                         "es": "Departamento de Estado", "it": "Dipartimento di Stato",
                         "pt": "Departamento de Estado",
                         "ru": "Госдепартамент|Государственный департамент|Госдеп",
                         "uk": "Держдепартамент|Державний департамент|Держдеп"},
    "Security Council": {"de": "Sicherheitsrat|Sicherheitsrats|Sicherheitsrates|Weltsicherheitsrat|"
                               "Weltsicherheitsrats", "fr": "Conseil de sécurité",
                         "es": "Consejo de Seguridad", "it": "Consiglio di Sicurezza",
                         "pt": "Conselho de Segurança", "ru": "Совет Безопасности|Совбез",
                         "uk": "Рада Безпеки"},
    "Arab League": {"de": "Arabische Liga", "fr": "Ligue arabe", "es": "Liga Árabe",
                    "it": "Lega Araba", "pt": "Liga Árabe", "ru": "Лига арабских государств",
                    "uk": "Ліга арабських держав"},
    "African Union": {"de": "Afrikanische Union", "fr": "Union africaine", "es": "Unión Africana",
                      "it": "Unione Africana", "pt": "União Africana", "ru": "Африканский союз",
                      "uk": "Африканський союз"},
    "Muslim Brotherhood": {"en": "Muslim Brothers", "de": "Muslimbruderschaft|Muslimbrüder",
                           "fr": "Frères musulmans", "es": "Hermanos Musulmanes|Hermandad Musulmana",
                           "it": "Fratelli Musulmani|Fratellanza Musulmana",
                           "pt": "Irmandade Muçulmana", "ru": "Братья-мусульмане",
                           "uk": "Брати-мусульмани"},
    "Islamic State": {"de": "Islamischer Staat|Islamische Staat|Islamischen Staat",
                      "fr": "État islamique|Etat islamique", "es": "Estado Islámico",
                      "it": "Stato Islamico", "pt": "Estado Islâmico",
                      "ru": "Исламское государство", "uk": "Ісламська держава"},
    "Free Syrian Army": {"de": "Freie Syrische Armee", "fr": "Armée syrienne libre",
                         "es": "Ejército Sirio Libre|Ejército Libre Sirio",
                         "it": "Esercito siriano libero|Esercito libero siriano",
                         "pt": "Exército Livre da Síria", "ru": "Свободная сирийская армия",
                         "uk": "Вільна сирійська армія"},
    "National Transitional Council": {
        "de": "Nationaler Übergangsrat|Übergangsrat|Übergangsrats|Übergangsrates",
        "fr": "Conseil national de transition",
        "es": "Consejo Nacional de Transición|Consejo Nacional Transitorio",
        "it": "Consiglio nazionale di transizione|Consiglio nazionale transitorio",
        "pt": "Conselho Nacional de Transição", "ru": "Национальный переходный совет",
        "uk": "Національна перехідна рада"},
    "Syrian National Council": {"de": "Syrischer Nationalrat|Syrische Nationalrat",
                                "fr": "Conseil national syrien", "es": "Consejo Nacional Sirio",
                                "it": "Consiglio nazionale siriano", "pt": "Conselho Nacional Sírio",
                                "ru": "Сирийский национальный совет", "uk": "Сирійська національна рада"},
    "Red Cross": {"de": "Rotes Kreuz|Rote Kreuz|Roten Kreuz|Roten Kreuzes", "fr": "Croix-Rouge",
                  "es": "Cruz Roja", "it": "Croce Rossa", "pt": "Cruz Vermelha",
                  "ru": "Красный Крест", "uk": "Червоний Хрест"},
    "European Commission": {"de": "Europäische Kommission|EU-Kommission",
                            "fr": "Commission européenne", "es": "Comisión Europea",
                            "it": "Commissione europea", "pt": "Comissão Europeia",
                            "ru": "Еврокомиссия|Европейская комиссия",
                            "uk": "Єврокомісія|Європейська комісія"},
    "European Parliament": {"de": "Europäisches Parlament|EU-Parlament|Europaparlament|Europaparlaments",
                            "fr": "Parlement européen", "es": "Parlamento Europeo",
                            "it": "Parlamento europeo", "pt": "Parlamento Europeu",
                            "ru": "Европарламент|Европейский парламент",
                            "uk": "Європарламент|Європейський парламент"},
    "European Central Bank": {"de": "Europäische Zentralbank", "fr": "Banque centrale européenne",
                              "es": "Banco Central Europeo", "it": "Banca centrale europea",
                              "pt": "Banco Central Europeu", "ru": "Европейский центральный банк",
                              "uk": "Європейський центральний банк"},
    "International Monetary Fund": {
        "de": "Internationaler Währungsfonds|Internationale Währungsfonds|Währungsfonds",
        "fr": "Fonds monétaire international", "es": "Fondo Monetario Internacional",
        "it": "Fondo monetario internazionale", "pt": "Fundo Monetário Internacional",
        "ru": "Международный валютный фонд", "uk": "Міжнародний валютний фонд"},
    "International Criminal Court": {
        "de": "Internationaler Strafgerichtshof|Internationale Strafgerichtshof",
        "fr": "Cour pénale internationale", "es": "Corte Penal Internacional|Tribunal Penal Internacional",
        "it": "Corte penale internazionale", "pt": "Tribunal Penal Internacional",
        "ru": "Международный уголовный суд", "uk": "Міжнародний кримінальний суд"},
    "World Health Organization": {
        "en": "World Health Organisation", "de": "Weltgesundheitsorganisation",
        "fr": "Organisation mondiale de la santé", "es": "Organización Mundial de la Salud",
        "it": "Organizzazione mondiale della sanità", "pt": "Organização Mundial da Saúde",
        "ru": "Всемирная организация здравоохранения", "uk": "Всесвітня організація охорони здоров'я"},
    "Federal Reserve": {"en": "Fed", "fr": "Réserve fédérale", "es": "Reserva Federal",
                        "it": "Riserva Federale", "pt": "Reserva Federal",
                        "ru": "Федеральная резервная система|ФРС", "uk": "Федеральна резервна система|ФРС"},
    # Central banks: "Bank" is no name by itself ("Bank of Canada", "Swiss National Bank")
    "Bank of England": {"fr": "Banque d'Angleterre", "es": "Banco de Inglaterra",
                        "it": "Banca d'Inghilterra", "pt": "Banco de Inglaterra",
                        "ru": "Банк Англии", "uk": "Банк Англії"},
    "Bank of Japan": {"fr": "Banque du Japon", "es": "Banco de Japón", "it": "Banca del Giappone",
                      "pt": "Banco do Japão", "ru": "Банк Японии", "uk": "Банк Японії"},
    "Bank of Canada": {"fr": "Banque du Canada", "es": "Banco de Canadá", "it": "Banca del Canada",
                       "pt": "Banco do Canadá", "ru": "Банк Канады", "uk": "Банк Канади"},
    "Swiss National Bank": {"de": "Schweizerische Nationalbank|Schweizerischen Nationalbank",
                            "fr": "Banque nationale suisse", "es": "Banco Nacional Suizo",
                            "it": "Banca nazionale svizzera", "pt": "Banco Nacional Suíço",
                            "ru": "Швейцарский национальный банк", "uk": "Швейцарський національний банк"},
    "People's Bank of China": {"fr": "Banque populaire de Chine", "es": "Banco Popular de China",
                               "it": "Banca popolare cinese", "pt": "Banco Popular da China",
                               "ru": "Народный банк Китая", "uk": "Народний банк Китаю"},
    "National Bank of Ukraine": {"de": "Ukrainische Nationalbank|Nationalbank der Ukraine",
                                 "fr": "Banque nationale d'Ukraine", "es": "Banco Nacional de Ucrania",
                                 "it": "Banca nazionale dell'Ucraina", "pt": "Banco Nacional da Ucrânia",
                                 "ru": "Национальный банк Украины|Нацбанк Украины",
                                 "uk": "Національний банк України|Нацбанк"},
    "Bank of Russia": {"de": "Russische Zentralbank|Russischen Zentralbank", "fr": "Banque de Russie",
                       "es": "Banco de Rusia|Banco Central de Rusia", "it": "Banca di Russia",
                       "pt": "Banco da Rússia", "ru": "Банк России|Центробанк|Центральный банк России",
                       "uk": "Банк Росії|Центробанк Росії|Центральний банк Росії"},
    "Élysée Palace": {"en": "Élysée|Elysee|Elysée|Elysee Palace", "fr": "Élysée|Elysée|Elysee",
                      "de": "Élysée-Palast|Elysée-Palast", "es": "Elíseo|Eliseo|Palacio del Elíseo",
                      "it": "Eliseo", "pt": "Eliseu|Palácio do Eliseu",
                      "ru": "Елисейский дворец", "uk": "Єлисейський палац"},
    "Notre-Dame": {"en": "Notre Dame", "ru": "Парижская Богоматерь|Нотр-Дам|Нотр-Дама",
                   "uk": "Паризька Богоматір|Нотр-Дам|Нотр-Дама"},
}


@lru_cache(maxsize=1)
def organisation_codes() -> dict[str, str]:
    """{phrase_form of any form: organisation code}, English names included."""
    out: dict[str, str] = {}
    for english, by_lang in _FORMS.items():
        for form in [english, *"|".join(by_lang.values()).split("|")]:
            out.setdefault(phrase_form(form), ORGANISATION + english)
    return out


def organisation_name(surface: str) -> str | None:
    """'Белый дом' / 'Maison-Blanche' -> 'White House'; None for other words."""
    code = organisation_codes().get(phrase_form(surface))
    return code[len(ORGANISATION):] if code else None


def organisation_form(code: str, lang: str) -> str | None:
    """How a language writes the organisation in the nominative ('Белый дом'), if listed."""
    if not code.startswith(ORGANISATION):
        return None
    english = code[len(ORGANISATION):]
    if lang == "en":
        return english if english in _FORMS else None
    forms = _FORMS.get(english, {}).get(lang)
    return forms.split("|")[0] if forms else None


def organisation_forms(english: str) -> list[str]:
    """Every form of the organisation of this English name, in every language ([] for
    other names): what its acronyms may abbreviate ("CNT", "Conseil national de transition")."""
    by_lang = _FORMS.get(english)
    return [english, *"|".join(by_lang.values()).split("|")] if by_lang else []
