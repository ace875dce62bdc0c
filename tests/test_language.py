from storyweave.language import LanguageIdentifier

L = LanguageIdentifier()


def test_ukrainian_russian_bulgarian_are_told_apart():
    assert L.detect("Лавров зустрівся з Помпео в Сочі у вівторок, повідомили в міністерстві.").lang == "uk"
    assert L.detect("Лавров встретился с Помпео в Сочи во вторник, сообщили в министерстве.").lang == "ru"
    assert L.detect("Лавров се срещна с Помпео в Сочи във вторник, съобщиха от министерството.").lang == "bg"


def test_confidence_is_low_for_very_short_text_and_metadata_hint_wins_then():
    short = L.detect("Министр заявил")
    assert short.confidence < 0.7
    hinted = L.detect("Министр заявил", hint="ru")
    assert (hinted.lang, hinted.source) == ("ru", "metadata")


def test_a_confident_model_overrides_a_wrong_hint():
    text = "Der Außenminister sagte am Dienstag, die Gespräche seien konstruktiv gewesen."
    assert L.detect(text, hint="en").lang == "de"


def test_many_languages_are_supported():
    assert len(L._model.nb_classes) >= 75
