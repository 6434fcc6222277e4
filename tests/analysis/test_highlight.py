from jatkumo.analysis.highlight import Segment, segments


def test_segments__split_text_at_evidence_spans():
    text = "Haemme hitsaajaa ja trukkikuskia"

    out = segments(text, [(7, 16, "welder"), (20, 32, "forklift driver")])

    assert [s.text for s in out] == ["Haemme ", "hitsaajaa", " ja ", "trukkikuskia"]
    assert out[1].concepts == ("welder",)
    assert "".join(s.text for s in out) == text


def test_segments__merge_overlapping_spans_and_list_every_concept():
    out = segments("MAG-hitsaus", [(0, 11, "MAG welding"), (4, 11, "welding")])

    assert out == [Segment("MAG-hitsaus", ("MAG welding", "welding"))]


def test_segments__ignore_spans_outside_the_text():
    assert segments("abc", [(2, 10, "x"), (3, 3, "y")]) == [Segment("abc")]
