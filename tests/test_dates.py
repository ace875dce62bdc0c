from datetime import date, datetime, timezone

from storyweave.dates import article_event_date, consensus_date, dateline_date, find_dates, resolve
from storyweave.models import Article, RemovedLine


def values(text, lang="en", removed=None):
    return [(m.role, m.value, m.relative) for m in find_dates(text, removed, lang)]


def test_explicit_dates_in_several_languages():
    assert ("event", date(2019, 5, 14), None) in values("They met on 14 May 2019 in Sochi.")
    assert ("event", date(2019, 5, 14), None) in values("They met on May 14, 2019.")
    assert ("event", date(2019, 5, 14), None) in values("Зустріч відбулася 14 травня 2019 року.", "uk")
    assert ("event", date(2019, 5, 14), None) in values("Встреча прошла 14 мая 2019 г.", "ru")
    assert ("event", date(2019, 5, 14), None) in values("Das Treffen fand am 14. Mai 2019 statt.", "de")
    # Spanish and Italian often write the year after "del" ("de" + article)
    assert ("event", date(2011, 3, 15), None) in values("El 15 de marzo del 2011 salieron a la calle.", "es")
    assert ("event", date(2011, 3, 15), None) in values("Il 15 marzo del 2011 scesero in strada.", "it")


def test_weekdays_that_dateparser_misses_are_found():
    for text, lang in [("Лавров у вівторок зустрівся з Помпео.", "uk"),
                       ("Лавров во вторник встретился с Помпео.", "ru"),
                       ("Lawrow traf Pompeo am Dienstag.", "de"),
                       ("Lavrov met Pompeo on Tuesday.", "en")]:
        assert ("event", None, "weekday:1") in values(text, lang), text


def test_romance_news_writes_the_weekday_bare_and_slavic_news_does_not():
    for text, lang in [("Le ministre a déclaré lundi que les discussions continuent.", "fr"),
                       ("Il ministro ha detto lunedì che i colloqui continuano.", "it"),
                       ("El ministro llegó este lunes a Damasco.", "es")]:
        assert ("event", None, "weekday:0") in values(text, lang), text
    assert values("Для всіх вівторок був важким.", "uk") == []


def test_words_are_not_dates():
    assert values("We sat with the set of 1344 readers.") == []


def test_relative_resolution_against_publication_and_event():
    assert resolve("weekday:1", date(2019, 5, 15)) == date(2019, 5, 14)  # published Wednesday
    assert resolve("weekday:1", date(2019, 5, 14)) == date(2019, 5, 14)
    assert resolve("weekday:1", date(2019, 5, 13), near=True) == date(2019, 5, 14)
    assert resolve("days:-1", date(2019, 5, 15)) == date(2019, 5, 14)
    assert resolve("md:12-10", date(2019, 12, 11)) == date(2019, 12, 10)


def test_crawl_banner_and_caption_have_their_own_roles():
    removed = [RemovedLine("Today: Saturday, 27 April 2024", "crawl-banner"),
               RemovedLine("Photo: ministers in Sochi, 14 May 2019 © Reuters", "photo-credit")]
    roles = values("The ministers met on Tuesday.", removed=removed)
    assert ("crawl", date(2024, 4, 27), None) in roles
    assert ("caption", date(2019, 5, 14), None) in roles


def test_event_date_ignores_crawl_date_and_uses_caption_when_alone():
    removed = [RemovedLine("Today: Saturday, 27 April 2024", "crawl-banner"),
               RemovedLine("Photo: ministers in Sochi, 14 May 2019 © Reuters", "photo-credit")]
    a = Article("a1", "h", "x", "T", "Ministers met.", lang="en",
                dates=find_dates("Ministers met.", removed))
    assert article_event_date(a)[0] == date(2019, 5, 14)


def test_event_date_prefers_past_explicit_over_announced_future():
    text = "They met on 14 May 2019. They will meet again on 10 December 2019."
    a = Article("a1", "h", "x", "T", text, published=datetime(2019, 5, 15, tzinfo=timezone.utc),
                dates=find_dates(text))
    assert article_event_date(a)[0] == date(2019, 5, 14)


def test_dateline_and_consensus():
    assert dateline_date("14.05.2019 18:32") == date(2019, 5, 14)
    assert dateline_date("The minister said on 14 May 2019 that talks went well") is None
    d, conf = consensus_date([(date(2019, 5, 14), 0.8), (date(2019, 5, 14), 0.6),
                              (date(2024, 4, 27), 0.4)])
    assert d == date(2019, 5, 14) and conf > 0.7


def test_publication_stamps_are_datelines_in_several_languages():
    """A stamp is boilerplate and dates the report (the first date: published, not updated);
    a sentence that names a date is not a stamp."""
    assert dateline_date("Publié le 19 novembre 2018 à 12h32 - Mis à jour le 20 novembre 2018 "
                         "à 18h05", "fr") == date(2018, 11, 19)
    assert dateline_date("Pubblicato il 12 marzo 2011 alle 10:30", "it") == date(2011, 3, 12)
    assert dateline_date("Updated: 14 May 2019, 10:32") == date(2019, 5, 14)
    # elmundo.es atop each page: a time written "11:40h", and a time zone
    assert dateline_date("Miércoles 16/02/2011. Actualizado 11:40h.", "es") == date(2011, 2, 16)
    assert dateline_date("Updated 14 May 2019 10:32 GMT") == date(2019, 5, 14)
    assert dateline_date("Jue. 24/02/11. Actualizado 14:03h.(GMT-5)", "es") == date(2011, 2, 24)
    assert dateline_date("Rebels took 24/02/11 as the day they would march on Tripoli", "en") is None
    assert dateline_date("Le 14 mai 2019 à Kyiv, le président a prêté serment", "fr") is None
    assert dateline_date("Ghosn was arrested on 19 November 2018") is None


def test_a_dated_url_is_the_publication_date_when_no_metadata_gives_one():
    from storyweave.derive import ArticleBuilder
    from storyweave.ingest import make_item
    from storyweave.models import Parsed

    text = "Жители Клинцов восхищаются новым сквером. Его торжественно открыли в пятницу."
    url = "http://vesti-mglin.ru/politics/region/2019/11/17/zhiteli-klincov"
    build = lambda **kw: ArticleBuilder().build(  # noqa: E731
        make_item("x.jsonl", "jsonl", text.encode(), "line 1"), 1,
        Parsed(title="Сквер Щорса", text=text, lang="ru", **kw))
    a = build(url=url)
    assert (a.published.date(), a.published_source) == (date(2019, 11, 17), "url")
    # "в пятницу" is read against it: the Friday before, 15 November
    assert any(m.value == date(2019, 11, 15) for m in a.dates if m.relative)
    meta = datetime(2019, 11, 18, tzinfo=timezone.utc)
    assert build(url=url, published=meta, published_source="metadata").published == meta
    assert build(url="https://riastrela.ru/posts/id18478-jiteli").published is None
