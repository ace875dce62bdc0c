from storyweave.chinese import pinyin
from storyweave.namekeys import name_key


def test_a_chinese_name_in_palladius_cyrillic_has_its_pinyins_key():
    for cyrillic, latin in [("Цзиньпин", "Jinping"), ("Цзіньпін", "Jinping"), ("Цюэцяо", "Queqiao"),
                            ("Цюецяо", "Queqiao"), ("Чанъэ", "Chang'e"), ("Чан’е", "Chang'e"),
                            ("Юйту", "Yutu"), ("Синьцзян", "Xinjiang"), ("Шэньчжэнь", "Shenzhen")]:
        assert name_key(cyrillic) == name_key(latin), (cyrillic, pinyin(cyrillic))
    assert pinyin("Цзиньпином") == "Jinping"  # a case ending is no syllable


def test_russian_and_ukrainian_words_are_no_palladius():
    for word in ["Лена", "Дина", "Россия", "Сюжет", "Сюда", "Місяця", "Криниця", "Сюзанна",
                 "спецзащиты", "Одесі", "Лавров"]:
        assert pinyin(word) is None, word
