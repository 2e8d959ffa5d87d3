"""The review of the seed pair, and the detectors on mutations of it: each caught at the right pair, nothing else."""
import pytest

from align.review.review import review_documents
from conftest import SOURCE_SEED, TARGET_SEED, read


def flags_of(review):
    """(source ids, target texts when there is no source, flag type, severity) for every flag."""
    out = set()
    for pair in review.pairs:
        key = tuple(s.id for s in pair.source) or tuple(t.text[:30] for t in pair.target)
        for flag in pair.flags:
            out.add((key, flag.type, flag.severity))
    return out


@pytest.fixture(scope="module")
def seed():
    return read(SOURCE_SEED), read(TARGET_SEED)


@pytest.fixture(scope="module")
def baseline(seed):
    return flags_of(review_documents(*seed))


def test_seed_review_is_right(seed):
    review = review_documents(*seed)
    body = [p for p in review.pairs if p.source and p.target]
    assert [(tuple(s.id for s in p.source), tuple(t.id for t in p.target)) for p in body] == \
        [((f"s{i}",), (f"t{j}",)) for i, j in zip(range(3, 13), [0, 1, 2, 3, 5, 6, 7, 8, 9, 10])]
    assert flags_of(review) == {
        (("s0",), "dropped", "info"), (("s1",), "dropped", "info"), (("s2",), "dropped", "info"),
        ((":La Chine reste le plus grand ",), "added", "info"),
        ((":Comment les nouvelles forces ",), "added", "info"),
        (("s4",), "partial_omission", "warning"),
    }
    (omission,) = [f for p in review.pairs for f in p.flags if f.type == "partial_omission"]
    (span,) = omission.spans
    assert review.source.segments[4].text[span.start:span.end] == "Xinhua"
    assert not any(f.type == "number_mismatch" for p in review.pairs for f in p.flags)


def test_summary_figures(seed):
    s = review_documents(*seed).summary
    assert (s.source_segments, s.target_segments, s.pairs) == (13, 12, 15)
    assert s.source_aligned == s.target_aligned == 1.0 and 0.5 < s.mean_score <= 1.0
    assert s.flags == {"added": 2, "dropped": 3, "partial_omission": 1}
    assert s.severities == {"info": 5, "warning": 1, "error": 0}


def mutate(target, old, new):
    assert old in target, old
    return target.replace(old, new, 1)


MUTATIONS = {
    "drop a sentence": (
        lambda t: "\n".join(line for line in t.split("\n") if not line.startswith("Jin a déclaré que le pays mènerait")),
        {(("s5",), "dropped", "error")}),
    "change a number": (
        lambda t: mutate(t, "12 000 entreprises", "15 000 entreprises"),
        {(("s12",), "number_mismatch", "error")}),
    "change a scale word": (
        lambda t: mutate(t, "32,5 billions de yuans", "32,5 milliards de yuans"),
        {(("s7",), "number_mismatch", "error")}),
    "merge two sentences": (
        lambda t: mutate(t, "résolus.\nIl a souligné", "résolus, et il a souligné"),
        {(("s9", "s10"), "merged", "info")}),
    "split one": (
        lambda t: mutate(t, "à grande échelle dans le secteur manufacturier, et renforcerait",
                         "à grande échelle dans le secteur manufacturier. Il renforcerait"),
        {(("s5",), "split", "info")}),
    "insert an unrelated sentence": (
        lambda t: mutate(t, "entre autres.\n", "entre autres.\nLe festival de jazz de Montreux a attiré cette "
                                               "année plus de deux cent mille visiteurs venus du monde entier.\n"),
        {(("Le festival de jazz de Montreu",), "added", "error")}),
    "repeat a sentence": (   # a pasted duplicate: added, and no other pair's score moves for it
        lambda t: "\n".join(line + ("\n" + line if line.startswith("Notant que l’industrie") else "")
                            for line in t.split("\n")),
        {(("Notant que l’industrie numériq",), "added", "error")}),
    "cut half a sentence": (
        lambda t: mutate(t, " indépendantes et contrôlables dans des domaines clés tels que les circuits intégrés et "
                            "les équipements médicaux, a déclaré Jin.", "."),
        {(("s11",), "partial_omission", "warning")}),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_mutation_is_caught_at_the_right_pair_and_nothing_else(seed, baseline, name):
    change, expected = MUTATIONS[name]
    source, target = seed
    review = review_documents(source, change(target))
    got = flags_of(review)
    assert got - baseline == expected
    assert baseline - got == set()


# The same mutations at other places of the document (line numbers of the French file).
_LINES = read(TARGET_SEED).split("\n")
_SOURCE_OF_LINE = {0: "s3", 1: "s4", 2: "s5", 3: "s6", 5: "s7", 6: "s8", 7: "s9", 8: "s10", 9: "s11", 10: "s12"}
_UNRELATED = "Le temps sera ensoleillé demain sur toute la côte atlantique, selon les prévisionnistes de Météo-France."


@pytest.mark.parametrize("line", [0, 1, 2, 3, 5, 6, 7, 8, 9, 10])
def test_dropping_any_sentence(seed, baseline, line):
    target = "\n".join(text for k, text in enumerate(_LINES) if k != line)
    got = flags_of(review_documents(seed[0], target))
    assert got - baseline == {((_SOURCE_OF_LINE[line],), "dropped", "error")}


@pytest.mark.parametrize("first", [0, 1, 2, 5, 6, 7, 8, 9])
def test_dropping_two_sentences_in_a_row(seed, baseline, first):
    """Also right after the headline and dateline, which are themselves cheap to leave out."""
    target = "\n".join(text for k, text in enumerate(_LINES) if k not in (first, first + 1))
    got = flags_of(review_documents(seed[0], target))
    dropped = {((_SOURCE_OF_LINE[k],), "dropped", "error") for k in (first, first + 1)}
    # s4 carries the seed's one warning (no "Xinhua"); it goes when s4 is dropped
    assert got - baseline == dropped
    assert baseline - got <= {(("s4",), "partial_omission", "warning")}


@pytest.mark.parametrize("line", [0, 2, 3, 5, 6, 7, 8, 9, 10])
def test_cutting_any_sentence_in_half(seed, baseline, line):
    text = _LINES[line]
    cut = text[:len(text) // 2].rsplit(" ", 1)[0] + "."
    target = "\n".join(cut if k == line else t for k, t in enumerate(_LINES))
    got = flags_of(review_documents(seed[0], target))
    expected = {((_SOURCE_OF_LINE[line],), "partial_omission", "warning")}
    if any(c.isdigit() for c in text[len(cut) - 1:]):  # the cut also took a number (5G, 6G) away
        expected.add(((_SOURCE_OF_LINE[line],), "number_mismatch", "warning"))
    assert got - baseline == expected


@pytest.mark.parametrize("line", [0, 2, 5, 7, 10])
def test_replacing_a_sentence_with_another_is_low_similarity_not_omission(seed, baseline, line):
    target = "\n".join(_UNRELATED if k == line else t for k, t in enumerate(_LINES))
    got = flags_of(review_documents(seed[0], target))
    assert got - baseline == {((_SOURCE_OF_LINE[line],), "low_similarity", "warning")}


@pytest.mark.parametrize("first", [0, 5, 8])
def test_swapping_two_sentences_is_reported_as_reordered(seed, baseline, first):
    lines = list(_LINES)
    lines[first], lines[first + 1] = lines[first + 1], lines[first]
    got = flags_of(review_documents(seed[0], "\n".join(lines)))
    pair = (_SOURCE_OF_LINE[first], _SOURCE_OF_LINE[first + 1])
    assert {f for f in got - baseline if f[1] != "partial_omission"} == {(pair, "reordered", "info")}


@pytest.mark.parametrize("position", [0, 3, 6, 9, 12])
def test_inserting_an_unrelated_sentence_anywhere(seed, baseline, position):
    target = "\n".join(_LINES[:position] + [_UNRELATED] + _LINES[position:])
    got = flags_of(review_documents(seed[0], target))
    assert got - baseline == {((_UNRELATED[:30],), "added", "error")}


def test_cutting_the_sentence_that_already_omits_a_name_widens_its_warning(seed, baseline):
    """Line 1 already carries a partial-omission warning (no "Xinhua"); cut in half, it still has exactly
    one warning, which now also names what the cut removed."""
    text = _LINES[1]
    cut = text[:len(text) // 2].rsplit(" ", 1)[0] + "."
    review = review_documents(seed[0], "\n".join(cut if k == 1 else t for k, t in enumerate(_LINES)))
    assert flags_of(review) == baseline
    pair = next(p for p in review.pairs if [s.id for s in p.source] == ["s4"])
    [flag] = pair.flags
    assert flag.type == "partial_omission"
    named = {pair.source[0].text[span.start:span.end] for span in flag.spans}
    assert {"Xinhua", "SMEs", "Jin"} <= named


def test_a_section_title_left_out_is_a_warning_the_headline_only_information():
    """The headline at the top is often left out on purpose; a heading inside the text is a section title lost."""
    source = ("Robots on the factory floor\n\n"
              "The minister visited the robot factory in Shanghai on Monday morning.\n"
              "Exports of electric vehicles rose by thirty percent in the first half of the year.\n\n"
              "Plans for the coming decade\n\n"
              "The government will invest in research centres across the country.\n"
              "Officials expect the new plants to open before the end of next year.\n")
    target = ("Le ministre a visité l'usine de robots de Shanghai lundi matin.\n"
              "Les exportations de véhicules électriques ont augmenté de trente pour cent au premier semestre.\n\n"
              "Le gouvernement investira dans des centres de recherche dans tout le pays.\n"
              "Les responsables s'attendent à ce que les nouvelles usines ouvrent avant la fin de l'année "
              "prochaine.\n")
    review = review_documents(source, target)
    left_out = {p.source[0].text: f.severity for p in review.pairs if not p.target for f in p.flags
                if f.type == "dropped"}
    assert left_out == {"Robots on the factory floor": "info", "Plans for the coming decade": "warning"}


def test_the_length_only_note_names_the_dictionary_where_one_ships():
    from align.review.review import DICTIONARY_NOTE, LENGTH_ONLY_NOTE, length_only_note
    assert length_only_note("zh", "en") == length_only_note("en", "zh") == DICTIONARY_NOTE
    assert length_only_note("ja", "en") == LENGTH_ONLY_NOTE
