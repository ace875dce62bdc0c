from storyweave.dedup import Deduplicator

WIRE = ("Russian Foreign Minister Sergei Lavrov met US Secretary of State Mike Pompeo in Sochi "
        "on Tuesday to discuss arms control, Iran and Venezuela, officials said after the talks.")


def test_wire_copies_with_new_headlines_form_one_group_rooted_at_the_first():
    docs = [("a1", "Lavrov meets Pompeo\n" + WIRE),
            ("a2", "Pompeo in Sochi\n" + WIRE + " The meeting lasted three hours."),
            ("a3", "Quake hits Italy\nA strong earthquake struck central Italy overnight, "
                   "killing dozens of people in several mountain towns, officials said.")]
    groups = Deduplicator().groups(docs)
    assert groups == {"a1": "a1", "a2": "a1", "a3": "a3"}


def test_headlines_alone_are_not_called_copies():
    groups = Deduplicator().groups([("a", "Fed keeps rates"), ("b", "Fed keeps rates")])
    assert groups["b"] == "b"


def test_stored_signatures_give_the_same_groups_as_fresh_ones():
    dedup = Deduplicator()
    docs = [("a1", "Lavrov meets Pompeo\n" + WIRE), ("a2", "Pompeo in Sochi\n" + WIRE),
            ("a3", "Short headline")]
    sigs = {i: dedup.signature(t) for i, t in docs}
    assert sigs["a3"] is None and sigs["a1"].dtype == dedup.signature_dtype
    assert dedup.groups(docs, sigs) == dedup.groups(docs) == {"a1": "a1", "a2": "a1", "a3": "a3"}
