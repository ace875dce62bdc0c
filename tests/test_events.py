"""EventBuilder's reader-facing fields, on articles built by the product's ArticleBuilder."""
from storyweave.derive import ArticleBuilder
from storyweave.events import EventBuilder
from storyweave.ingest import make_item
from storyweave.models import Parsed


def _article(seq: int, title: str, text: str, lang: str):
    item = make_item(f"{seq}.txt", "txt", f"{title}\n{text}".encode(), "")
    return ArticleBuilder().build(item, seq, Parsed(title=title, text=text, lang=lang))


def test_place_is_where_the_reports_lead_says_not_the_background_they_mention():
    inauguration = [
        _article(1, "Zelensky sworn in as president",
                 "Volodymyr Zelensky was sworn in as president in Kyiv on Monday. "
                 "He promised to end the war in Donbass. Fighting in Donbass goes on.", "en"),
        _article(2, "Зеленский вступил в должность",
                 "Киев. Зеленский принес присягу в понедельник. Он пообещал мир в Донбассе.", "ru"),
        _article(3, "Selenskyj vereidigt",
                 "Selenskyj wurde am Montag in Kiew vereidigt. Er will den Krieg im Donbass beenden, "
                 "sagte er. In Donbass wird weiter gekämpft.", "de"),
    ]
    assert EventBuilder()._place(inauguration) in ("Kyiv", "Kiew", "Киев")


def test_a_place_of_two_words_is_shown_whole_and_is_a_place_among_the_actors():
    """Keys are per word: "in New York" marks "New"; the event reads "New York"."""
    from storyweave.actors import actors, display_names
    from storyweave.models import Event, Membership

    reports = [
        _article(1, "Stocks fall", "Stocks fell sharply in New York on Friday. Traders in "
                 "New York sold tech shares, said analyst Jane Doe.", "en"),
        _article(2, "Wall Street slides", "Shares slid in New York as New York traders sold, "
                 "Jane Doe said.", "en"),
    ]
    assert EventBuilder()._place(reports) == "New York"
    ev = Event(id="ev-1", title="t", members=[Membership(a.id, 1.0) for a in reports])
    listed = actors(ev, {a.id: a for a in reports}, display_names(reports))
    assert {"name": "New York", "kind": "place"}.items() <= next(
        e for e in listed if e["name"] == "New York").items()
    detroit = [_article(3, "Detroit", "A man was shot in Detroit on Monday, Detroit Police said.",
                        "en")]
    assert EventBuilder()._place(detroit) == "Detroit"  # a known city: never "Detroit Police"


def test_place_without_locative_evidence_is_none():
    a = _article(1, "Markets rose", "Shares rose on Monday as investors cheered the results.", "en")
    assert EventBuilder()._place([a]) is None


def test_display_names_prefer_the_target_language_and_english_place_names():
    from storyweave import Engine
    from storyweave.namekeys import name_key

    arts = [
        _article(1, "Selenskyj vereidigt", "Der neue Präsident Selenskyj sprach in Kiew. "
                 "Selenskyj will Frieden mit Russland.", "de"),
        _article(2, "Selenskyj im Amt", "Präsident Selenskyj dankte den Wählern. Russland schwieg.", "de"),
        _article(3, "Zelensky sworn in", "President Zelensky spoke in Kyiv. The Russian side "
                 "was silent, and Russian media ignored Zelensky.", "en"),
        _article(4, "Зеленський склав присягу", "Президент Зеленський виступив у Києві. Росія мовчить.", "uk"),
    ]
    display = Engine.display_names(arts, "en")
    assert display[name_key("Zelensky")] == "Zelensky"  # the English reports' spelling
    assert display[name_key("Kyiv")] == "Kyiv"
    assert display[name_key("Russia")] == "Russia"  # not the commoner English adjective
    assert Engine.display_names(arts, "de")[name_key("Zelensky")] == "Selenskyj"
    # a place the target-language reports spell their own way keeps that spelling
    quake = [_article(5, "Erdbeben in der Türkei", "Das Beben in der Türkei tötete Tausende.", "de"),
             _article(6, "Quake hits Turkey", "The quake in Turkey killed thousands.", "en"),
             _article(7, "Землетрясение в Турции", "Землетрясение в Турции унесло жизни.", "ru")]
    assert Engine.display_names(quake, "en")[name_key("Turkey")] == "Turkey"
    assert Engine.display_names(quake, "de")[name_key("Turkey")] == "Türkei"
    assert Engine.display_names(quake[::2], "en")[name_key("Turkey")] == "Türkiye"  # CLDR's
    us = [_article(8, "Talks in the U.S.", "Lavrov arrived in the U.S. on Monday.", "en"),
          _article(9, "Gespräche in den USA", "Lawrow kam am Montag in den USA an.", "de")]
    assert Engine.display_names(us, "en")[name_key("U.S.")] == "United States"  # no abbreviation


def test_an_event_is_titled_by_a_headline_not_by_a_first_line_that_reads_as_a_sentence():
    import numpy as np

    from storyweave.cluster import EventState, signals_of

    note = _article(1, "Este post es parte de nuestra cobertura especial de Elecciones en Egipto.",
                    "Mohamed Morsi gana las elecciones presidenciales en Egipto.", "es")
    report = _article(2, "Morsi gana las elecciones en Egipto",
                      "El islamista Mohamed Morsi gana las elecciones presidenciales.", "es")
    v = np.ones(384, np.float32) / np.sqrt(384)
    signals = {a.id: signals_of(a, v * (1.0 if a is note else 0.9)) for a in (note, report)}
    state = EventState(anchor=signals[note.id])
    for a in (note, report):
        state.add(signals[a.id])
    # the note's vector is the closer one to the centroid; the headline still wins
    assert EventBuilder()._title([note, report], state, signals) == "Morsi gana las elecciones en Egipto"


def test_an_event_is_placed_at_a_crater_or_square_its_reports_name():
    reports = [_article(1, "Probe lands", "The probe landed in the Von Karman crater on Thursday.", "en"),
               _article(2, "Зонд сел", "Зонд совершил посадку в кратере Фон Карман в четверг.", "ru")]
    # shown whole, with its particle and its feature word, as the English report writes it
    assert EventBuilder()._place(reports) == "Von Karman crater"
