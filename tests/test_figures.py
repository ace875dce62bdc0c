from storyweave.figures import is_clock, number_keys


def test_a_time_of_day_is_one_key_in_any_writing():
    same = ["touched down at 10:26 am Beijing time", "um 10.26 Uhr Pekinger Zeit",
            "прилунился в 10:26 по пекинскому времени", "à 10h26, heure de Pékin",
            "alle 10.26 ora di Pechino", "о 10.26 за пекінським часом"]
    assert all(number_keys(t) == {"10:26"} for t in same), [number_keys(t) for t in same]
    assert number_keys("at around 6:50 pm local time") == number_keys("близько 18:50") == {"18:50"}
    assert number_keys("at 6pm") == {"18:00"} and number_keys("12:30 am") == {"0:30"}
    assert number_keys("um 4 Uhr") == {"4:00"} and number_keys("at 10:26:30") == {"10:26"}
    assert all(is_clock(k) for k in number_keys("entre las 22.00 y las 22.20 horas"))
    # an hour alone with the word for hours is a time of day after "vers", "a las", "в" ...
    assert number_keys("Vers 23 heures") == number_keys("a las 23 horas") == {"23:00"}
    assert number_keys("в 23 часа по Москве") == number_keys("о 23 годині") == {"23:00"}
    # ... and a span of time without it
    assert number_keys("pendant 23 heures") == number_keys("за 23 часа") == {"23"}


def test_decimals_sums_and_scores_stay_figures():
    assert number_keys("magnitude 6.2 quake, 1,200 killed") == {"6.2", "1200"}
    assert number_keys("shares closed at 10.26") == {"10.26"}  # no clock word: a decimal
    assert number_keys("à 3.50 %, puis 3,75%") == {"3.50", "3.75"}
    assert number_keys("won 115-112 and 98:87") == {"115", "112", "98", "87"}
    assert not any(is_clock(k) for k in number_keys("20.000 Menschen, 0,25 Prozentpunkte"))


def test_a_figure_with_a_scale_word_is_its_value_in_any_language():
    assert number_keys("понад 2,3 тис. людей") == number_keys("more than 2,300 people") == {"2300"}
    assert number_keys("3,8 тысячи погибших") == number_keys("3.800 muertos") == {"3800"}
    assert number_keys("5 milliards de yens") == number_keys("5 billion yen") == {"5000000000"}
    assert number_keys("1,5 млрд иен") == number_keys("1.5bn yen") == number_keys("1,5 Mrd. Yen")
    assert number_keys("$1.3 million") == number_keys("$1,3 млн") == number_keys("1,3 Mio. Dollar")
    assert number_keys("2.500 millones de euros") == number_keys("2,5 mil millones") == {"2500000000"}
    assert number_keys("oltre 3mila morti") == number_keys("3 mil muertos") == {"3000"}
    assert number_keys("the 100m final, Zehntausende, millions of people") == set()


def test_a_time_of_day_is_no_quantity_to_contradict():
    from storyweave.figures import contradicts

    # one shared toll, and a time of day on one side, a sum on the other: no clash, no crash
    assert not contradicts(number_keys("1,200 dead by 11:00"), number_keys("1.200 muertos, 2,5 millones"))
    assert contradicts(number_keys("3,800 dead, magnitude 7.8"), number_keys("2,3 тис. загиблих, магнітуда 7,8"))
    # two moments of one story, or one moment in two time zones: no clash either
    assert not contradicts(number_keys("Around 400 firefighters"), number_keys("Vers 23 heures"))
    assert not contradicts({"10:26"}, {"5:26"})


def test_sums_in_two_currencies_are_no_rival_values():
    from storyweave.figures import contradicts, keys_and_currencies

    def currencies(text):
        keys, units = keys_and_currencies(text)
        assert keys == number_keys(text)
        return units

    fr = "environ 5 milliards de yens (près de 39 millions d'euros)"
    ru = "примерно на 5 млрд иен (около $44 млн)"
    assert currencies(fr) == {"5000000000": "JPY", "39000000": "EUR"}
    assert currencies(ru) == {"5000000000": "JPY", "44000000": "USD"}
    assert currencies("1,3 Mio. Dollar") == currencies("$1.3 million") == {"1300000": "USD"}
    assert not contradicts(number_keys(fr), number_keys(ru), currencies(fr), currencies(ru))
    assert contradicts(number_keys(fr), number_keys(ru))  # read without their currencies
    usd = "près de 39 millions de dollars"
    assert contradicts(number_keys(usd), number_keys(ru), currencies(usd), currencies(ru))


def test_any_two_sentences_of_the_demo_compare_without_error_and_symmetrically():
    # contradicts() compares every summary sentence with every candidate passage of an
    # event: whatever the keys (clocks, decimals, scaled sums), it must answer, both ways
    import itertools
    from pathlib import Path

    from storyweave.figures import contradicts

    corpus = Path(__file__).resolve().parent.parent / "demo" / "corpus"
    lines = [ln for p in sorted(corpus.rglob("*.txt")) for ln in p.read_text("utf-8").splitlines()]
    keys = [k for k in map(number_keys, lines) if k]
    assert len(keys) > 40 and any(is_clock(x) for k in keys for x in k)
    for a, b in itertools.combinations(keys, 2):
        assert contradicts(a, b) == contradicts(b, a)


def test_a_figure_key_reads_as_a_reader_writes_it():
    from storyweave.figures import readable

    assert [readable(k) for k in ("6500000000", "55000000", "1250000", "800000000000", "10000000")] == \
        ["6.5 billion", "55 million", "1.25 million", "800 billion", "10 million"]
    assert [readable(k) for k in ("1234567", "23000", "2300", "3.75", "10:26")] == \
        ["1,234,567", "23,000", "2300", "3.75", "10:26"]
    assert readable(next(iter(number_keys("понад 2,3 тис. людей")))) == "2300"
