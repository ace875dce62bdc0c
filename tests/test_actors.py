"""An event's actors: one entry per entity across scripts, built by the real extractor."""
from storyweave.derive import ArticleBuilder
from storyweave.explain import actors, display_names
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


def _event():
    arts = []
    for i, (lang, title, text) in enumerate(REPORTS):
        item = make_item(f"r{i}.txt", "txt", f"{title}\n{text}".encode(), "")
        arts.append(ArticleBuilder().build(item, i, Parsed(title=title, text=text, lang=lang)))
    ev = Event(id="ev-1", title="Ghosn", members=[Membership(a.id, 1.0) for a in arts])
    return ev, {a.id: a for a in arts}


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
    from storyweave.explain import _script_aliases

    texts = [("en", "French officials met Ghosn's lawyers in Beirut on Monday, French media said."),
             ("en", "French prosecutors and Ghosn's lawyers met in Beirut, French papers said."),
             ("ru", "Франция и адвокаты Гона встретились в Бейруте, сообщила Франция.")]
    arts = []
    for i, (lang, text) in enumerate(texts):
        item = make_item(f"f{i}.txt", "txt", text.encode(), "")
        arts.append(ArticleBuilder().build(item, i, Parsed(title="Ghosn", text=text, lang=lang)))
    forms = {k: f for a in arts for k, f in a.name_forms.items()}
    joined = {forms[c]: forms[l] for c, l in _script_aliases(arts).items()}
    assert "Франция" not in joined, joined


def test_an_acronym_and_the_name_it_abbreviates_are_one_actor():
    from storyweave.explain import _join_acronyms

    def entry(name, key, ids, lang="en"):
        return {"name": name, "key": key, "kind": "name", "articles": len(ids), "mentions": len(ids),
                "languages": [lang], "first_article": sorted(ids)[0]}

    holders = {"bank": {"a", "b"}, "ekb": {"b", "c", "d"}, "uni": {"a"}, "emerg": {"c"}}
    entries = [entry("ECB", "ekb", holders["ekb"], "de"),
               entry("European Central Bank", "bank", holders["bank"]),
               entry("Unidad Militar de Emergencias", "emerg", {"c"}, "es"),
               entry("UN", "uni", holders["uni"])]
    out = _join_acronyms(entries, holders, {k: i for i, k in enumerate("abcd")})
    names = [e["name"] for e in out]
    assert names[0] == "European Central Bank (ECB)" and out[0]["articles"] == 4
    assert out[0]["languages"] == ["de", "en"] and out[0]["first_article"] == "a"
    assert "UN" in names and "Unidad Militar de Emergencias" in names  # no full name of its own


def test_a_given_name_is_found_before_an_inflected_cyrillic_surname():
    texts = [("en", "Usyk beat Tyson Fury in Riyadh. Fury said he had won the fight."),
             ("ru", "Усик победил Тайсона Фьюри в Эр-Рияде. Фьюри не согласился с судьями."),
             ("ru", "Бой Усика и Тайсона Фьюри прошёл в Эр-Рияде. Фьюри потребовал реванша.")]
    arts = []
    for i, (lang, text) in enumerate(texts):
        item = make_item(f"u{i}.txt", "txt", text.encode(), "")
        arts.append(ArticleBuilder().build(item, i, Parsed(title="Usyk", text=text, lang=lang)))
    ev = Event(id="ev-2", title="Usyk", members=[Membership(a.id, 1.0) for a in arts])
    by_id = {a.id: a for a in arts}
    names = [a["name"] for a in actors(ev, by_id, display_names(arts))]
    assert "Tyson Fury" in names, names
    assert not {"Tyson", "Тайсон", "Фьюри"} & set(names), names


def test_country_adjectives_are_neither_actors_nor_given_names():
    from storyweave.gazetteer import english_demonym

    assert english_demonym("Syrian") == "Syria" and english_demonym("French") == "France"
    assert english_demonym("Lebanese") == "Lebanon" and english_demonym("Roman") is None
    texts = ["Prosecutors arrested American Greg Kelly and Carlos Ghosn, French media said.",
             "American Greg Kelly was held with Carlos Ghosn, French officials said on Monday.",
             "Greg Kelly, an American executive, and Carlos Ghosn were arrested, French papers said."]
    arts = []
    for i, text in enumerate(texts):
        item = make_item(f"k{i}.txt", "txt", text.encode(), "")
        arts.append(ArticleBuilder().build(item, i, Parsed(title="Ghosn", text=text, lang="en")))
    ev = Event(id="ev-3", title="Ghosn", members=[Membership(a.id, 1.0) for a in arts])
    names = [a["name"] for a in actors(ev, {a.id: a for a in arts}, display_names(arts))]
    assert "Greg Kelly" in names and "Carlos Ghosn" in names, names
    assert not {"French", "American", "American Greg Kelly"} & set(names), names


def test_an_adjective_that_shares_its_country_key_stands_for_the_country():
    texts = ["Russian forces shelled the port, Russian officials said on Monday.",
             "Russian troops entered the town, Russian media said.",
             "The Russian army denied it, Russian officials said."]
    arts = []
    for i, text in enumerate(texts):
        item = make_item(f"r{i}.txt", "txt", text.encode(), "")
        arts.append(ArticleBuilder().build(item, i, Parsed(title="Port", text=text, lang="en")))
    ev = Event(id="ev-4", title="Port", members=[Membership(a.id, 1.0) for a in arts])
    shown = {a["name"]: a for a in actors(ev, {a.id: a for a in arts}, display_names(arts))}
    assert "Russia" in shown and shown["Russia"]["kind"] == "place", list(shown)
