"""Aspects: sub-topics across languages, with labels that say what, not when."""
import numpy as np

from storyweave.aspects import find_aspects
from storyweave.sentences import Sentence

DIM = 32


def _sentences(rng):
    arms, iran = rng.standard_normal(DIM), rng.standard_normal(DIM)
    accent = rng.standard_normal(DIM)  # what the embedder adds to every Ukrainian sentence
    rows = [("a1", "en", "Arms control treaty talks on Monday stalled over missile limits.", arms, 0),
            ("a2", "en", "The arms control treaty and missile limits dominated Monday.", arms, 0),
            ("a3", "uk", "Переговори про договір щодо ракет зайшли в глухий кут.", arms, 1),
            ("a1", "en", "Iran sanctions and the nuclear deal were raised as well.", iran, 0),
            ("a2", "en", "On Iran, the nuclear deal and sanctions divided the ministers.", iran, 0),
            ("a3", "uk", "Щодо Ірану, санкції та ядерна угода розділили міністрів.", iran, 1)]
    sents, vecs = [], []
    for i, (art, lang, text, topic, uk) in enumerate(rows):
        v = topic + 0.15 * rng.standard_normal(DIM) + 0.9 * uk * accent
        sents.append(Sentence(art, 0, len(text), text, lang, i))
        vecs.append(v / np.linalg.norm(v))
    return sents, np.array(vecs)


def _langs(aspects):
    return sorted(tuple(a.languages) for a in aspects)


def test_language_shift_keeps_a_sub_topic_together_across_languages():
    sents, vecs = _sentences(np.random.default_rng(0))
    plain = find_aspects(sents, vecs, lambda m: m, min_sim=0.8)
    assert _langs(plain) == [("en",), ("en",)]  # the Ukrainian reports fall out
    uk_en = float(vecs[0] @ vecs[2])
    shift = {("en", "uk"): 0.9 - uk_en, ("uk", "en"): 0.9 - uk_en}
    shifted = find_aspects(sents, vecs, lambda m: m, min_sim=0.8, lang_shift=shift)
    assert _langs(shifted) == [("en", "uk"), ("en", "uk")]


def test_labels_leave_out_weekdays_and_months():
    sents, vecs = _sentences(np.random.default_rng(0))
    labels = " ".join(a.label for a in find_aspects(sents, vecs, lambda m: m, min_sim=0.8))
    assert "arms" in labels or "treaty" in labels or "missile" in labels
    assert "monday" not in labels.lower()


def test_labels_leave_out_agencies_and_how_news_is_told():
    rng = np.random.default_rng(1)
    topic = rng.standard_normal(DIM)
    texts = ["BEIRUT (Reuters) - Ghosn fled bail, a source told Reuters news agency.",
             "Ghosn fled bail and escaped, a source said, Reuters reported.",
             "Sources quoted by Reuters said Ghosn fled bail."]
    sents = [Sentence(f"a{i}", 0, len(t), t, "en", i) for i, t in enumerate(texts)] + \
        [Sentence("a9", 0, 20, "Unrelated words here.", "en", 9)]
    vecs = np.array([topic + 0.05 * rng.standard_normal(DIM) for _ in texts] +
                    [rng.standard_normal(DIM)])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    label = find_aspects(sents, vecs, lambda m: m, min_sim=0.8)[0].label
    assert "fled" in label and "bail" in label
    assert not {"reuters", "source", "sources", "news", "agency", "reported"} & set(label.split(", "))


def _one_aspect(texts, rng, others=("Unrelated words here about weather.",)):
    topic = rng.standard_normal(DIM)
    sents = [Sentence(f"a{i}", 0, len(t), t, "en", i) for i, t in enumerate(texts)] + \
        [Sentence(f"z{i}", 0, len(t), t, "en", 90 + i) for i, t in enumerate(others)]
    vecs = np.array([topic + 0.05 * rng.standard_normal(DIM) for _ in texts] +
                    [rng.standard_normal(DIM) for _ in others])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    return find_aspects(sents, vecs, lambda m: m, min_sim=0.8)[0].label


def test_labels_keep_recurring_phrases_whole_and_do_not_cut_names():
    label = _one_aspect(["Talks on the New START treaty and arms control went nowhere.",
                         "Arms control and the START treaty were discussed at length.",
                         "ECB President Christine Lagarde was not asked about the START treaty."],
                        np.random.default_rng(2))
    assert "START treaty" in label and "arms control" in label.lower()
    assert "President Christine" not in label


def test_wire_copies_do_not_make_a_phrase_recur():
    copy = "Crowds gathered near the burning cathedral spire."
    label = _one_aspect([copy, copy, copy, "Firefighters battled the flames for hours.",
                         "Hundreds of firefighters battled the blaze overnight."],
                        np.random.default_rng(3))
    assert "firefighters battled" in label.lower()
    assert "cathedral spire" not in label


def _aspect_of(texts, others, rng, **kw):
    """Label of the aspect made of `texts` (one sub-topic, several reports) in an event
    whose other sentences are `others` (another sub-topic)."""
    from storyweave.entities import NameExtractor

    topic, rest = rng.standard_normal(DIM), rng.standard_normal(DIM)
    rows = [(f"a{i}", lang, t, topic) for i, (lang, t) in enumerate(texts)] + \
        [(f"b{i}", lang, t, rest) for i, (lang, t) in enumerate(others)]
    sents = [Sentence(art, 0, len(t), t, lang, i) for i, (art, lang, t, _) in enumerate(rows)]
    vecs = np.array([v + 0.05 * rng.standard_normal(DIM) for *_, v in rows])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    aspects = find_aspects(sents, vecs, lambda m: m, min_sim=0.8, names=NameExtractor(), **kw)
    return next(a.label for a in aspects if "a0" in {p.article_id for p in a.passages})


_SOCHI = [("en", "Mr Lavrov and Mr Pompeo met in the resort for several hours of talks."),
          ("en", "The two ministers sat down in the resort for long talks on Tuesday."),
          ("en", "Mr Lavrov called the long talks with Mr Pompeo frank and useful.")]


def test_a_label_leads_with_the_name_the_aspect_shares_and_the_event_hardly_gives():
    iran = [("en", "On Iran, Mr Pompeo said Washington did not seek a war with Tehran."),
            ("en", "Mr Pompeo told reporters that Washington did not seek war with Iran."),
            ("en", "Iran was discussed as Mr Pompeo said Washington sought no war.")]
    label = _aspect_of(iran, _SOCHI, np.random.default_rng(4))
    assert label.startswith("Iran, ")
    assert "Pompeo" not in label  # named all over the event: says nothing about this part


def test_no_outlet_and_no_other_script_leads_a_label():
    iran = [("en", "Washington did not seek a war with the country, Mr Pompeo told Ukrinform."),
            ("en", "Washington sought no war with the country, Mr Pompeo told Ukrinform."),
            ("uk", "Щодо Ірану Помпео сказав Укрінформу, що Вашингтон не прагне війни."),
            ("uk", "Помпео заявив Укрінформу, що Вашингтон не прагне війни з Іраном.")]
    label = _aspect_of(iran, _SOCHI, np.random.default_rng(5),
                       outlets=frozenset({"ukrin"}))
    assert "Ukrinform" not in label and "Іран" not in label
