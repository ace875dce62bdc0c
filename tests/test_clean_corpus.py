"""LineCleaner behaviours that mattered on real es/fr/it dumps (bench/boilerplate.py, ML-Crisis).

Fast and self-contained: the lines below are written for the tests, shaped like what the dumps hold.
"""
from __future__ import annotations


from storyweave.clean import LineCleaner, build_stats

BODY = [
    "El Gobierno anunció el martes un nuevo paquete de medidas para contener las protestas en la capital.",
    "Miles de personas se concentraron en la plaza central durante toda la noche, según testigos.",
    "Derechos humanos y libertades",
    "La oposición rechazó el anuncio y convocó nuevas marchas para el viernes en varias ciudades.",
    "Derechos humanos y libertades",
    "Todo resulta sumamente extraño.",
]


_TOPICS = ["la economía regional y sus exportaciones de gas natural",
           "las elecciones municipales y la participación de los jóvenes",
           "la sequía en el sur y las restricciones de agua para el campo",
           "el nuevo hospital universitario y sus listas de espera",
           "la huelga de transportes y los retrasos en los trenes"]


def _other_story(i: int) -> str:
    # Stories differ in words, not only in digits: the cleaner folds digits when it
    # recognises the same story stored twice.
    return (f"Artículo sobre {_TOPICS[i]}, publicado por la redacción.\n"
            f"Segunda frase distinta sobre {_TOPICS[i]}, con cifras de {i * 7} millones.")


def test_short_real_lines_survive_without_evidence():
    out = LineCleaner().clean("Titular de la noticia", "\n".join(BODY), outlet="diario")
    kept = out.text.split("\n")
    assert "Todo resulta sumamente extraño." in kept  # a one-line closing sentence
    assert kept.count("Derechos humanos y libertades") == 2  # a crosshead used twice in one story
    assert out.removed == []


def test_crosshead_repeated_inside_one_article_is_not_outlet_furniture():
    # OutletLineStats counts distinct articles, so a line repeated within one story counts once.
    stats = build_stats([("diario", "\n".join(BODY))] + [("diario", _other_story(i)) for i in range(5)])
    out = LineCleaner(stats).clean("Titular", "\n".join(BODY), outlet="diario")
    assert out.text.count("Derechos humanos y libertades") == 2


def test_line_in_three_articles_of_one_outlet_is_removed_with_its_reason():
    footer = "Consulta los casos en los que el diario restringirá los comentarios"
    docs = [("diario", f"{_other_story(i)}\n{footer}") for i in range(3)]
    cleaner = LineCleaner(build_stats(docs))
    out = cleaner.clean("Titular", f"{BODY[0]}\n{footer}", outlet="diario")
    assert footer not in out.text and BODY[0] in out.text
    assert [(r.text, r.reason) for r in out.removed] == [(footer, "repeated-in-outlet")]
    # Another outlet never printed it: kept there.
    assert footer in cleaner.clean("Titular", f"{BODY[0]}\n{footer}", outlet="otro").text


def test_articles_of_no_known_outlet_share_one_pool_with_a_higher_bar():
    """A dump without `source`/`url`: furniture still repeats, across a mix of sites, so a
    short line counts as boilerplate from 4 distinct articles on (3 may share a slogan)."""
    footer = "El Diario de la Mañana, decano de la prensa regional"
    three = LineCleaner(build_stats([(None, f"{_other_story(i)}\n{footer}") for i in range(3)]))
    assert footer in three.clean("Titular", f"{BODY[0]}\n{footer}", outlet=None).text
    four = LineCleaner(build_stats([(None, f"{_other_story(i)}\n{footer}") for i in range(4)]))
    out = four.clean("Titular", f"{BODY[0]}\n{footer}", outlet=None)
    assert footer not in out.text and BODY[0] in out.text
    assert [(r.text, r.reason) for r in out.removed] == [(footer, "repeated-in-corpus")]
    # the same story stored four times is one article, not four
    same = LineCleaner(build_stats([(None, f"{_other_story(0)}\n{footer}")] * 4))
    assert footer in same.clean("Titular", f"{BODY[0]}\n{footer}", outlet=None).text
    # an outlet's own pool is not the anonymous one
    assert footer in four.clean("Titular", f"{BODY[0]}\n{footer}", outlet="diario").text


def test_long_paragraph_repeated_twice_is_kept_but_three_times_removed():
    para = ("La comunidad internacional pidió el fin inmediato de la violencia y el respeto de los "
            "derechos humanos, mientras las organizaciones humanitarias reclamaban acceso a las zonas "
            "sitiadas del país, donde faltan medicamentos y alimentos desde hace semanas.")
    assert len(para) > 120
    two = build_stats([("diario", f"{_other_story(i)}\n{para}") for i in range(2)])
    assert para in LineCleaner(two).clean("T", f"{BODY[0]}\n{para}", outlet="diario").text
    three = build_stats([("diario", f"{_other_story(i)}\n{para}") for i in range(3)])
    out = LineCleaner(three).clean("T", f"{BODY[0]}\n{para}", outlet="diario")
    assert para not in out.text and out.removed[0].reason == "repeated-in-outlet"


def test_removed_lines_are_stripped_and_keep_reasons_in_order():
    text = "\n".join(["  Leer más: Otras noticias del día  ", BODY[0], "© 2020 Cable News Network.",
                      BODY[1], "Mundo | Política | Economía | Deportes"])
    out = LineCleaner().clean("Titular", text, outlet=None)
    assert [(r.text, r.reason) for r in out.removed] == [
        ("Leer más: Otras noticias del día", "read-more"),
        ("© 2020 Cable News Network.", "photo-credit"),
        ("Mundo | Política | Economía | Deportes", "navigation"),
    ]
    assert out.text == f"{BODY[0]}\n{BODY[1]}"


def test_dateline_only_line_removed_but_sentence_opening_with_a_date_kept():
    opening = ("Roma, 2 novembre 2015 – Patrimonio Unesco, centro economico della Siria, "
               "Aleppo è oggi una città divisa.")
    out = LineCleaner().clean("Titolo", f"2 novembre 2015\n{opening}", outlet=None)
    assert opening in out.text
    assert [(r.text, r.reason) for r in out.removed] == [("2 novembre 2015", "dateline")]


def test_long_quote_in_another_script_is_kept():
    # Global Voices quotes tweets in the original (often Arabic) and then translates them.
    arabic = ("اليوم طلاب المدارس في مسيرة سلمية من المنصورة والشيخ صباحا قد تعرضوا لإطلاق نار "
              "وهناك جرحى بين الطلاب")
    assert len(arabic) >= 100
    text = f"{BODY[0]}\n{arabic}\n{BODY[1]}"
    assert arabic in LineCleaner().clean("Titular", text).text


def test_same_story_stored_twice_keeps_its_short_lines():
    story = "\n".join(BODY)
    stats = build_stats([("gv", story), ("gv", story)] + [("gv", _other_story(i)) for i in range(5)])
    out = LineCleaner(stats).clean("Titular", story, outlet="gv")
    assert "Todo resulta sumamente extraño." in out.text
