"""An event's actors: one entry per entity across scripts, built by the real extractor."""
from storyweave.derive import ArticleBuilder
from storyweave.actors import actors, display_names
from storyweave.ingest import make_item
from storyweave.models import Event, Membership, Parsed

REPORTS = [
    ("en", "Ghosn flees to Lebanon", "Carlos Ghosn said in Beirut that Ghosn had fled injustice. "
     "He left Japan by the Black Sea route, officials said."),
    ("en", "Ghosn in Beirut", "Former Nissan chief Carlos Ghosn spoke in Beirut. Ghosn said he "
     "would clear his name. Ships on the Black Sea were searched."),
    ("ru", "Гон бежал в Ливан", "Бывший глава Nissan Карлос Гон заявил в Бейруте, что бежал от "
     "несправедливости. Гон сказал, что США не знали."),
    ("ru", "Гон в Бейруте", "Карлос Гон выступил в Бейруте. По словам Гона, США и Япония не "
     "были в курсе."),
]


def _build(reports, title="Report"):
    """Articles from (lang, text) or (lang, title, text) rows, by the product's builder."""
    arts = []
    for i, row in enumerate(reports):
        lang, head, text = row if len(row) == 3 else (row[0], title, row[1])
        item = make_item(f"r{i}.txt", "txt", f"{head}\n{text}".encode(), "")
        arts.append(ArticleBuilder().build(item, i, Parsed(title=head, text=text, lang=lang)))
    return arts


def _event_of(arts):
    ev = Event(id="ev-1", title="Event", members=[Membership(a.id, 1.0) for a in arts])
    return ev, {a.id: a for a in arts}


def _shown(arts):
    ev, by_id = _event_of(arts)
    return actors(ev, by_id, display_names(arts))


def _shown_names(arts):
    return [a["name"] for a in _shown(arts)]


def _event():
    return _event_of(_build(REPORTS))


def test_a_name_transliterated_a_letter_apart_is_one_actor():
    ev, arts = _event()
    shown = actors(ev, arts, display_names(list(arts.values())))
    names = [a["name"] for a in shown]
    ghosn = [a for a in shown if "Ghosn" in a["name"]]
    assert len(ghosn) == 1 and ghosn[0]["articles"] == 4, names
    assert ghosn[0]["languages"] == ["en", "ru"]
    assert not any(n in ("Гон", "Карлос Гон") for n in names), names


def test_abbreviations_are_not_joined_to_latin_look_alikes():
    ev, arts = _event()  # "США" (sga) is one letter from "Sea" (sea) of the Black Sea
    shown = {a["name"]: a for a in actors(ev, arts, display_names(list(arts.values())))}
    usa = [a for n, a in shown.items() if n in ("США", "United States")]
    assert len(usa) == 1 and usa[0]["languages"] == ["ru"], list(shown)


def test_countries_are_left_to_the_gazetteer_not_joined_by_spelling():
    from storyweave.aliases import script_aliases

    arts = _build([("en", "French officials met Ghosn's lawyers in Beirut on Monday, French media said."),
                   ("en", "French prosecutors and Ghosn's lawyers met in Beirut, French papers said."),
                   ("ru", "Франция и адвокаты Гона встретились в Бейруте, сообщила Франция.")],
                  title="Ghosn")
    forms = {k: f for a in arts for k, f in a.name_forms.items()}
    joined = {forms[c]: forms[l] for c, l in script_aliases(arts).items()}
    assert "Франция" not in joined, joined


def test_an_acronym_and_the_name_it_abbreviates_are_one_actor():
    from storyweave.actors import _join_acronyms

    def entry(name, key, ids, lang="en"):
        return {"name": name, "key": key, "kind": "name", "articles": len(ids), "mentions": len(ids),
                "languages": [lang], "first_article": sorted(ids)[0], "other_keys": []}

    holders = {"bank": {"a", "b"}, "ekb": {"b", "c", "d"}, "uni": {"a"}, "emerg": {"c"}}
    entries = [entry("ECB", "ekb", holders["ekb"], "de"),
               entry("European Central Bank", "bank", holders["bank"]),
               entry("Unidad Militar de Emergencias", "emerg", {"c"}, "es"),
               entry("UN", "uni", holders["uni"])]
    out = _join_acronyms(entries, holders, {k: i for i, k in enumerate("abcd")})
    names = [e["name"] for e in out]
    assert names[0] == "European Central Bank (ECB)" and out[0]["articles"] == 4
    assert out[0]["languages"] == ["de", "en"] and out[0]["first_article"] == "a"
    assert out[0]["other_keys"] == ["ekb"]  # the acronym's key still finds the actor
    assert "UN" in names and "Unidad Militar de Emergencias" in names  # no full name of its own


def test_a_given_name_is_found_before_an_inflected_cyrillic_surname():
    arts = _build([("en", "Usyk beat Tyson Fury in Riyadh. Fury said he had won the fight."),
                   ("ru", "Усик победил Тайсона Фьюри в Эр-Рияде. Фьюри не согласился с судьями."),
                   ("ru", "Бой Усика и Тайсона Фьюри прошёл в Эр-Рияде. Фьюри потребовал реванша.")],
                  title="Usyk")
    names = _shown_names(arts)
    assert "Tyson Fury" in names, names
    assert not {"Tyson", "Тайсон", "Фьюри"} & set(names), names


def test_country_adjectives_are_neither_actors_nor_given_names():
    from storyweave.gazetteer import english_demonym

    assert english_demonym("Syrian") == "Syria" and english_demonym("French") == "France"
    assert english_demonym("Lebanese") == "Lebanon" and english_demonym("Roman") is None
    arts = _build([("en", "Prosecutors arrested American Greg Kelly and Carlos Ghosn, French media said."),
                   ("en", "American Greg Kelly was held with Carlos Ghosn, French officials said on Monday."),
                   ("en", "Greg Kelly, an American executive, and Carlos Ghosn were arrested, French "
                          "papers said.")], title="Ghosn")
    names = _shown_names(arts)
    assert "Greg Kelly" in names and "Carlos Ghosn" in names, names
    assert not {"French", "American", "American Greg Kelly"} & set(names), names


def test_an_adjective_that_shares_its_country_key_stands_for_the_country():
    arts = _build([("en", "Russian forces shelled the port, Russian officials said on Monday."),
                   ("en", "Russian troops entered the town, Russian media said."),
                   ("en", "The Russian army denied it, Russian officials said.")], title="Port")
    shown = {a["name"]: a for a in _shown(arts)}
    assert "Russia" in shown and shown["Russia"]["kind"] == "place", list(shown)


def test_a_name_of_two_words_is_joined_through_cyrillic_inflection():
    arts = _build([
        ("en", "Zelensky was sworn in before the Verkhovna Rada in Kyiv on Monday, the Rada said."),
        ("uk", "Зеленський склав присягу у Верховній Раді. Засідання Верховної Ради тривало годину."),
        ("ru", "Зеленский принес присягу в Верховной Раде. Депутаты Верховной Рады аплодировали."),
    ])
    names = _shown_names(arts)
    assert "Verkhovna Rada" in names and "Verkhovna" not in names, names


def test_a_country_opens_no_longer_name():
    """The demo's Notre-Dame reports: "президент Франции Эммануэль Макрон" is no actor
    "France Emmanuel Macron"."""
    from pathlib import Path

    corpus = Path(__file__).resolve().parent.parent / "demo" / "corpus"
    rows = []
    for path, lang in (("hindustantimes/notre-dame-fire.txt", "en"), ("tagesspiegel/notre-dame-in-flammen.txt", "de"),
                       ("lemonde/incendie-notre-dame.txt", "fr"), ("unian/pozhezha-notr-dam.txt", "uk"),
                       ("kommersant/pozhar-notr-dam.txt", "ru")):
        head, _, text = (corpus / path).read_text("utf-8").partition("\n")
        rows.append((lang, head, text))
    names = _shown_names(_build(rows))
    assert "Emmanuel Macron" in names, names
    assert not [n for n in names if n != "Emmanuel Macron" and "Macron" in n], names


def test_a_name_most_reports_write_after_the_same_word_is_shown_with_it():
    # "State" is no name by itself, so "Department" alone would be the actor; a title
    # ("Minister") before a surname is not made part of the name.
    arts = _build([("en", "Lavrov met Pompeo at the State Department. Minister Lavrov spoke."),
                   ("en", "The State Department hosted talks. Minister Lavrov left after them."),
                   ("en", "Talks at the State Department ended. Lavrov flew home.")])
    names = _shown_names(arts)
    assert "State Department" in names and "Lavrov" in names and "Department" not in names


def test_a_russian_adjective_is_shown_with_the_noun_it_names():
    # Only "Белом" is capitalised in "в Белом доме", so the adjective alone is the name key;
    # it is shown as the phrase, in the nominative, the noun's gender agreed.
    arts = _build([("ru", "Парад прошёл на Красной площади. На Красной площади его принял Путин."),
                   ("ru", "Концерт на Красной площади длился час, сообщило Центральное "
                          "телевидение Китая."),
                   ("ru", "Митинг на Красной площади закончился. Об этом сообщило Центральное "
                          "телевидение Китая.")])
    names = _shown_names(arts)
    assert "Красная площадь" in names and "Центральное телевидение" in names, names
    assert "Красная" not in names and "Центральный" not in names


def test_spellings_of_one_transliterated_name_are_one_actor():
    arts = _build([
        ("es", "Gadafi resiste", "El líder libio Muamar Gadafi habló en Trípoli. Gadafi dijo que no se irá."),
        ("es", "Gadafi en Trípoli", "Muamar Gadafi apareció en la televisión. Gadafi culpó a Al Qaeda."),
        ("fr", "Kadhafi résiste", "Le dirigeant libyen Mouammar Kadhafi a parlé à Tripoli. Kadhafi reste."),
        ("it", "Gheddafi resiste", "Il leader libico Muammar Gheddafi ha parlato a Tripoli. Gheddafi resta."),
    ])
    shown = _shown(arts)
    leader = [a for a in shown if a["name"].endswith(("Gadafi", "Kadhafi", "Gheddafi"))]
    assert len(leader) == 1 and leader[0]["articles"] == 4, [a["name"] for a in shown]
    assert leader[0]["languages"] == ["es", "fr", "it"]


def test_two_names_with_the_same_consonants_in_one_report_stay_apart():
    # "Mohamed" and "Mahmoud" share m-m-d, but are letters too far apart; two people named
    # in most of the same reports are not spellings of one name
    arts = _build([
        ("en", "Talks", "Mohamed Morsi met Mahmoud Abbas in Cairo. Morsi and Abbas spoke."),
        ("en", "Talks", "Mohamed Morsi and Mahmoud Abbas met again. Morsi said little."),
        ("en", "Talks", "Mahmoud Abbas flew home after meeting Mohamed Morsi."),
    ])
    from storyweave.aliases import script_aliases

    assert script_aliases(arts) == {}


def test_a_given_name_before_an_arabic_article_and_surname_is_chained():
    arts = _build([
        ("es", "Gadafi habla", "El líder libio Muamar el Gadafi habló en Trípoli. Gadafi dijo que resistirá."),
        ("es", "Gadafi resiste", "Muamar el Gadafi apareció en la televisión estatal. Gadafi culpó a Occidente."),
        ("es", "Hijo de Gadafi", "Seif al-Islam, hijo de Muamar el Gadafi, habló también. Gadafi calló."),
    ])
    names = _shown_names(arts)
    assert "Muamar el Gadafi" in names and "Muamar" not in names, names  # as written


def test_one_report_chains_a_name_across_an_arabic_article_but_not_to_a_common_word():
    arts = _build([("es", "Gadafi habla", "El líder libio Muamar     el Gadafi habló en Trípoli. "
                    "Gadafi dijo que Muamar no se irá. En Camp David el Estado árabe no nació, "
                    "recordó Gadafi ante Camp David.")])
    names = _shown_names(arts)
    assert "Muamar el Gadafi" in names and "Muamar" not in names, names
    assert not any("Estado" in n for n in names), names


def test_a_one_word_name_is_shown_with_the_of_phrase_its_mentions_go_on_with():
    arts = _build([
        ("es", "Irán vota", "Ayer el Consejo de Guardianes votó en Teherán. Rusia criticó al Consejo de Guardianes."),
        ("es", "Votación", "Los miembros del Consejo de Guardianes aprobaron la ley sobre Irán."),
        ("es", "Irán", "Tras el voto, el Consejo de Guardianes pidió calma en Irán."),
    ])
    names = _shown_names(arts)
    assert "Consejo de Guardianes" in names, names
    assert not any(n.startswith("Guardianes de") for n in names), names  # the tail of that name


def test_an_institution_named_by_its_common_noun_is_no_actor():
    # "el Gobierno", "l'Etat", "il Paese", "jefe de Estado": Romance capitals for no one in
    # particular; a real institution's name goes on ("Conseil national"; "Liga Árabe", shown
    # by its English name)
    arts = _build([
        ("es", "Libia", "Ayer el Gobierno anunció medidas. Según el Gobierno, el jefe de Estado "
                        "habló con Nicolas Sarkozy y con la Liga Árabe en la ciudad de Bengasi."),
        ("es", "Libia hoy", "Nicolas Sarkozy dijo que el Gobierno no cederá ante la Liga Árabe. "
                            "El Estado libio y el jefe de Estado guardaron silencio en Bengasi."),
        ("fr", "Libye", "Nicolas Sarkozy a reçu le Conseil national libyen. L'Etat et le Guide "
                        "se taisent, selon le Conseil national réuni à Bengasi."),
        ("fr", "Libye hier", "Le Conseil national a écrit à Nicolas Sarkozy. L'Etat libyen "
                             "et le Guide ont menacé Bengasi, dit la Nato."),
        ("it", "Libia", "Secondo Nicolas Sarkozy il Paese è diviso, e il Governo tace. Il Paese "
                        "aspetta mentre la Nato decide su Bengasi."),
    ])
    names = _shown_names(arts)
    assert {"Nicolas Sarkozy", "Arab League", "Conseil national", "Nato"} <= set(names), names
    assert not {"Gobierno", "Estado", "Etat", "Guide", "Paese", "Governo"} & set(names), names


def test_an_article_in_capitals_inside_a_sentence_is_part_of_the_name():
    from storyweave.institutions import institution_mention

    text = "Se juzgará en el Tribunal de La Haya, dijo el Gobierno."
    assert not institution_mention(text, text.index("Haya"), "Haya", "es")
    assert institution_mention(text, text.index("Gobierno"), "Gobierno", "es")
    arabic = "Habló Seif el Islam, y el Islam no fue tema."
    starts = [i for i in range(len(arabic)) if arabic.startswith("Islam", i)]
    assert [institution_mention(arabic, i, "Islam", "es") for i in starts] == [False, True]


def test_polish_people_show_their_nominative_and_institutions_their_written_phrase():
    # "Lecha Kaczyńskiego" is Lech Kaczyński; "Centralnej Komisji Egzaminacyjnej" stays as
    # written, as its lemmas would not agree ("Centralny Komisja Egzaminacyjny")
    texts = ["Wyniki podała w piątek dyrekcja Centralnej Komisji Egzaminacyjnej w Warszawie. "
             "Pomnik Lecha Kaczyńskiego stanął obok.",
             "Jak poinformował rzecznik Centralnej Komisji Egzaminacyjnej, matury odbędą się. "
             "Fundacja imienia Lecha Kaczyńskiego pomogła."]
    names = _shown_names(_build([("pl", t) for t in texts]))
    assert "Lech Kaczyński" in names and "Centralnej Komisji Egzaminacyjnej" in names


def test_names_with_different_figures_are_not_joined_across_scripts():
    from storyweave.aliases import script_aliases

    arts = _build([("de", "Die Sonde Chang'e 4 landete am Rand des Kraters. Der Rand des Kraters ist steil."),
                   ("ru", "Зонд «Чанъэ-4» сел на Луне, передал «Юйту-2»."),
                   ("ru", "Аппарат «Чанъэ-4» и луноход «Юйту-2» работают.")], title="Mond")
    forms = {k: f for a in arts for k, f in a.name_forms.items()}
    joined = {forms[c]: forms[l] for c, l in script_aliases(arts).items()}
    assert not any(c.startswith("Чанъэ") for c in joined), joined


def test_a_name_with_its_figure_written_apart_still_meets_its_other_script():
    from storyweave.aliases import script_aliases

    reports = [("de", "Der Rover Yutu 2 fuhr los. Yutu 2 sendet Bilder."),
               ("en", "The Yutu-2 rover drove off the lander."),
               ("ru", "Луноход «Юйту-2» съехал с платформы.")]
    for order in (reports, reports[::-1]):
        arts = _build(order, title="Mond")
        forms = {k: f for a in arts for k, f in a.name_forms.items()}
        joined = {forms[c]: forms[l] for c, l in script_aliases(arts).items()}
        assert joined.get("Юйту-2", "").startswith("Yutu"), joined


def test_a_name_one_report_in_four_writes_after_a_preposition_is_no_place():
    # "en Gadafi" (es: "a proposal on Gadafi"), "in Aleppo": only the gazetteer's place stays one
    arts = _build([("es", "La oposición habló en Gadafi y su régimen, dijo en Aleppo un portavoz."),
                   ("es", "Muamar Gadafi respondió a la oposición, que se reunió en Aleppo."),
                   ("es", "Gadafi habló por la radio. Los rebeldes de Aleppo celebraron."),
                   ("es", "Según Gadafi, la oposición miente. Aleppo sigue sitiada.")], title="Libia")
    kinds = {a["name"]: a["kind"] for a in _shown(arts)}
    assert kinds.get("Muamar Gadafi", kinds.get("Gadafi")) == "name", kinds
    assert kinds["Aleppo"] == "place", kinds
    # a report calling it a square makes it a place however few reports do
    arts = _build([("it", "I manifestanti sono tornati in piazza Tahrir ieri sera."),
                   ("it", "Tahrir era piena. La folla di Tahrir chiede elezioni."),
                   ("it", "Tahrir resta il cuore della protesta, dicono gli attivisti.")], title="Cairo")
    assert {a["name"]: a["kind"] for a in _shown(arts)}.get("Tahrir") == "place"


def test_an_organisation_each_language_names_in_its_own_words_is_one_actor():
    arts = _build([("en", "Lavrov met Trump at the White House after talks at the State Department."),
                   ("en", "Trump received Lavrov in the White House; the State Department said little."),
                   ("ru", "Лавров встретился с Трампом в Белом доме после переговоров в Госдепартаменте."),
                   ("ru", "В Белом доме Трамп принял Лаврова, Госдепартамент промолчал.")],
                  title="Lavrov")
    shown = {a["name"]: a for a in _shown(arts)}
    for name in ("White House", "State Department"):
        assert shown[name]["languages"] == ["en", "ru"] and shown[name]["kind"] == "name", shown
    assert not {"Белый дом", "Госдепартамент", "Белый"} & set(shown)


def test_an_acronym_of_an_organisations_own_words_joins_its_english_name():
    arts = _build([("es", "El Consejo Nacional de Transición (CNT) tomó Trípoli. El CNT pidió calma."),
                   ("fr", "Le Conseil national de transition (CNT) contrôle Tripoli, dit le CNT."),
                   ("es", "Los rebeldes del CNT entraron en Trípoli con el Consejo Nacional de Transición.")],
                  title="Libia")
    names = _shown_names(arts)
    assert "National Transitional Council (CNT)" in names and "CNT" not in names, names


def test_a_common_noun_opening_a_title_is_no_actor_but_a_body_acting_is():
    arts = _build([("ru", "Лавров и Помпео обсудили будущее Договора о СНВ. Помпео сказал, что Конгресс "
                          "одобрил бюджет."),
                   ("ru", "Судьба Договора о сокращении вооружений неясна, заявил Лавров, а Конгресс "
                          "промолчал."),
                   ("ru", "Помпео назвал условия продления Договора о СНВ.")], title="СНВ")
    names = _shown_names(arts)
    assert "Договор" not in names and "Конгресс" in names, names


def test_a_name_a_report_writes_before_a_bracketed_acronym_is_that_acronyms_actor():
    arts = _build([("ru", "Зонд сел на Луну, сообщило Центральное телевидение Китая (CCTV). "
                          "Центральное телевидение показало снимки."),
                   ("en", "The probe landed, CCTV said. CCTV showed the first pictures from Beijing."),
                   ("ru", "Как передает Центральное телевидение Китая, зонд передал снимки в Пекин."),
                   ("en", "Istanbul (AFP) - The probe landed, AFP and CCTV reported from Istanbul.")],
                  title="Moon")
    shown = {a["name"]: a for a in _shown(arts)}
    assert "CCTV" in shown and shown["CCTV"]["languages"] == ["en", "ru"], list(shown)
    assert not any(n.startswith("Центральн") for n in shown), list(shown)


def test_a_word_of_the_events_place_is_shown_as_that_place():
    arts = _build([("en", "The probe landed in the Von Karman crater, CNSA said. Karman is a deep crater."),
                   ("en", "China's probe touched down in the Von Karman crater on the far side."),
                   ("ru", "Зонд сел в кратере Фон Карман на обратной стороне Луны.")], title="Moon")
    ev, by_id = _event_of(arts)
    ev.place = "Von Karman crater"
    shown = {a["name"]: a for a in actors(ev, by_id, display_names(arts))}
    assert shown["Von Karman crater"]["kind"] == "place" and "Karman" not in shown, list(shown)
    assert shown["Von Karman crater"]["languages"] == ["en", "ru"]
