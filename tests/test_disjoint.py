from storyweave._disjoint import DisjointSets


def test_first_added_item_roots_its_set_and_groups_keep_order():
    s = DisjointSets(["c", "a", "b", "d"])
    s.union("b", "a")
    s.union("d", "b")
    assert s.find("d") == "a"  # "a" was added before "b" and "d"
    assert s.groups() == [["c"], ["a", "b", "d"]]
    assert s.groups(min_size=2) == [["a", "b", "d"]]
