from storyweave.clean import LineCleaner, build_stats

JUNK = [
    "Today: Saturday, 27 April 2024 year", "More From This Section", "Read: 1344",
    "To participate in the discussion / log in or register",
    "Get the latest news from around the world, delivered to your inbox",
    "© Agency / Photographer / Go to the mediabank", "READ MORE: Ministers meet again",
    "More about: #Ukraine #NATO", "News Line", "--IANS", "(ms/ab)", "Home | World | Politics | Sport",
    "Share on Facebook", "Сьогодні: субота, 27 квітня 2024", "Читайте також: Новини дня",
    "(Reporting by Lena Hartwig and Marco Benedetti; Editing by Paul Chandler)",
    "Reporting by Jane Doe; Editing by Tom Hogue",
    "Associated Press writer Jane Doe in Berlin contributed to this report.",
    "Más información: La UE activa su mecanismo de protección civil",
    'Lire : "En Egypte, plus de morts en cinq jours que pendant la révolution de 2011"',
    "LEE: El rastro macabro de ISIS en Siria: encuentran fosa común en Palmira",
    "A lire également", "leggi tutto »",
    "REUTERS/Kevin Lamarque", "El complejo fue atacado esta madrugada en Trípoli | EFE/Mohamed Messara",
    "A student holds a flag in Manila 89e2ecba-5456-11e0-8d67-af1915c87db7.jpg",
    "Activa las notificaciones push para mantenerte siempre informado", "¿Es un usuario nuevo? Regístrese",
    "N.B. Con Adblock attivo, potresti non vedere correttamente alcuni contenuti.", "envoye_special",
    "¿Desea activar las notificaciones en el escritorio?", "Reciba notificaciones de La Nación",
    "L'édition abonnés 100% digital", '"Giovedì", "Venerdì", "Sabato");', '"Giugno", "Luglio",',
    "'sitekey': '6LeusxoUAAAAACPdQ6XgmLNImULpa-gRylyMwpTZ',", "'callback': function (token) {",
    "By Jane Doe and John Roe", "Par Christophe Ayad, Serge Michel et Benjamin Barthe Publié le 13 "
    "janvier 2014", "scritto da Afef Abrougui", "Por: Sara Flounders",
]
KEEP = [
    "Ministers agree on new grain deal",  # a headline-like short line
    "The talks will continue next week.",  # one-line closing sentence
    "- Exports rose by 12 percent",  # bullet point
    "• Prices fell in March",
    "Twitter said on Tuesday it would ban political ads.",
    "Reporting by the state news agency said the cut was widely expected.",
    "Más información llegará mañana, dijo el portavoz del Gobierno.",
    "Voir la Syrie sombrer dans la guerre civile inquiète les voisins.",
    "Rebels took the town, the AFP/Reuters tally said on Monday.",
    "Interview",
    "By Monday, rebels had taken the city.", "Por Egipto pasa el canal de Suez.",
    "'Cosmos': Can Fox reboot shine amid 'billions and billions' of options?",  # a quoted key, no code
    '"Le peuple veut", "la chute du régime", scandaient-ils.',
]


def test_junk_lines_removed_with_reasons_and_real_short_lines_kept():
    text = "\n".join(JUNK[:7] + KEEP + JUNK[7:])
    out = LineCleaner().clean("Title", text, outlet=None)
    kept = out.text.split("\n")
    for line in KEEP:
        assert line in kept
    removed = {r.text: r.reason for r in out.removed}
    for line in JUNK:
        assert line.strip() in removed, line
    assert removed["Today: Saturday, 27 April 2024 year"] == "crawl-banner"
    assert removed["Reporting by Jane Doe; Editing by Tom Hogue"] == "credit-line"
    assert removed["By Jane Doe and John Roe"] == "byline"


def test_line_repeated_across_an_outlets_articles_is_boilerplate():
    slogan = "Daily Planet: the truth, every day"
    bodies = ["Floods closed the bridge.", "The mayor resigned today.", "Prices rose in May."]
    docs = [("planet", f"{body}\n{slogan}") for body in bodies]
    cleaner = LineCleaner(build_stats(docs))
    out = cleaner.clean("T", f"Another body sentence.\n{slogan}", outlet="planet")
    assert slogan not in out.text
    assert out.removed[0].reason == "repeated-in-outlet"
    # ...but not for another outlet, which never printed it
    assert slogan in cleaner.clean("T", f"Body.\n{slogan}", outlet="other").text


def test_stray_line_in_another_script_removed():
    text = "Міністр заявив про нові переговори у Києві.\nBreaking: sign up now\nПереговори триватимуть."
    out = LineCleaner().clean("Новини", text)
    assert "Breaking: sign up now" not in out.text and "Переговори триватимуть." in out.text


def test_the_same_story_stored_twice_does_not_make_its_lines_boilerplate():
    story = "Protesters gathered in Tahrir Square on Friday demanding reforms.\nShort line here."
    cleaner = LineCleaner(build_stats([("gv", story), ("gv", story), ("gv", story)]))
    assert "Short line here." in cleaner.clean("T", story, outlet="gv").text


def test_comment_section_is_cut_and_junk_title_replaced():
    text = ("Body one.\nBody two.\nBody three.\nBody four.\n3 comentarios\n"
            "Pedro dice: great article\nAna dice: no estoy de acuerdo")
    out = LineCleaner().clean("T", text)
    assert out.text.endswith("Body four.")
    assert {r.reason for r in out.removed} == {"comment-section"}
    title, out = LineCleaner().clean_with_title("Home | World | Politics | Sport",
                                                "Real headline\nBody text here.")
    assert (title, out.text) == ("Real headline", "Body text here.")
    assert out.removed[0].reason == "navigation"


def test_a_recurring_headline_with_no_body_left_is_kept():
    # a site's teaser tops two of its pages; a third holds that headline alone (its body
    # all furniture): the headline stays rather than the article becoming empty
    stats = build_stats([("gv", "Teaser line of the site\nStory one, a long first paragraph."),
                         ("gv", "Teaser line of the site\nStory two, another long paragraph.")])
    title, out = LineCleaner(stats).clean_with_title("Teaser line of the site", "", outlet="gv")
    assert (title, out.text) == ("Teaser line of the site", "")
    title, out = LineCleaner(stats).clean_with_title("Teaser line of the site", "Headline\nBody.",
                                                     outlet="gv")
    assert (title, out.text) == ("Headline", "Body.")


STORY = ("Spaniards are voicing outrage after a court in Barcelona ruled on Thursday that five men "
         "were not guilty of rape. The court found them guilty of the lesser crime of sexual abuse. "
         "They were sentenced to 10 to 12 years each and fined 2,000 euros. A debate is taking "
         "place over whether to define rape as sex without explicit consent. The deputy prime "
         "minister said the law would be changed to make consent explicit. ")


def test_a_whole_story_on_one_line_loses_only_its_trailer():
    for trailer, reason in (("The Associated Press contributed to this report.", "credit-line"),
                            ("Copyright 2020 The Associated Press. All rights reserved. This "
                             "material may not be published, broadcast or redistributed.",
                             "photo-credit")):
        out = LineCleaner().clean("Spain court acquits five men", STORY + trailer)
        assert out.text == STORY.strip()
        assert [r.reason for r in out.removed] == [reason]
        assert out.removed[0].text.startswith(trailer.split(".")[0])


def test_a_long_banner_is_still_junk_as_a_whole():
    banner = ("Le Monde utilise des cookies pour vous offrir une expérience de qualité. Mesurer "
              "l'audience nous aide. Proposer des publicités est notre métier. En savoir plus et "
              "gérer les cookies, ici et maintenant, sur cette page.")
    out = LineCleaner().clean("Titre", banner + "\nLe président a parlé mardi à Paris.")
    assert out.text == "Le président a parlé mardi à Paris."
    assert [(r.text, r.reason) for r in out.removed] == [(banner, "cookies")]


def test_outlet_name_is_taken_off_the_headline():
    from storyweave.clean import strip_outlet

    assert strip_outlet("Lavrov meets Pompeo in Sochi - Reuters", None,
                        "https://www.reuters.com/world/x") == ("Lavrov meets Pompeo in Sochi", "Reuters")
    assert strip_outlet("BBC News | Lavrov meets Pompeo in Sochi", "BBC News") == \
        ("Lavrov meets Pompeo in Sochi", "BBC News")
    assert strip_outlet("Лавров и Помпео встретились в Сочи — РИА Новости", "РИА Новости") == \
        ("Лавров и Помпео встретились в Сочи", "РИА Новости")
    assert strip_outlet("Best movers in NYC 2025 | Top 19 Companies | Supermove", "Supermove Inc.") == \
        ("Best movers in NYC 2025 | Top 19 Companies", "Supermove")
    assert strip_outlet("Fitness equipment trends for 2025 - advantagefitness.com", None)[1] == \
        "advantagefitness.com"
    for kept in (("ECB to reveal bad loan hurdles for bank test - sources", "euronews", None),
                 ("Stock Market News for March 10, 2014 - Market News", "NASDAQ", "http://www.nasdaq.com/a"),
                 ("Sorbonne-Nouvelle students protest - again", "Le Monde", None),
                 ("CNN - CNN", "CNN", None),  # nothing would be left
                 ("Trump: CNN's poll of polls shows a close race", "CNN", None)):
        assert strip_outlet(*kept) == (kept[0], None)


def test_the_site_header_below_a_shared_first_line_is_no_title_either():
    from datetime import date

    header = "H Sei un appassionato di sicurezza?\nStay in Tune\nSeguimi su Twitter"
    pages = [(f"{header}\nServizi segreti: la relazione annuale\nIl testo integrale.", date(2012, 7, 13)),
             (f"{header}\nMori: un tempo per ogni cosa\nIntervista al prefetto.", date(2012, 9, 11))]
    cleaner = LineCleaner(build_stats((None, text, day) for text, day in pages))
    title, rest = pages[0][0].split("\n", 1)
    got, out = cleaner.clean_with_title(title, rest, None, guessed=True)
    assert got == "Servizi segreti: la relazione annuale"
    assert [r.reason for r in out.removed[:3]] == ["repeated-first-line"] * 3
    # a title the source gave stays
    assert cleaner.clean_with_title(title, rest, None)[0] == title
