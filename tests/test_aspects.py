"""Aspects: sub-topics across languages, with labels that say what, not when."""
import numpy as np

from storyweave.aspects import find_aspects
from storyweave.summarize import Sentence

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
