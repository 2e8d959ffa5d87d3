"""The dictionary forms an English word may be an inflection of (`said` -> `say`, `cities` -> `city`): a
shipped dictionary lists lemmas, a text holds inflected words."""
from __future__ import annotations

from functools import lru_cache

_IRREGULAR = """
be am is are was were been being | have has had | do does did done | say said | go goes went gone
come came | take took taken | give gave given | see saw seen | know knew known | make made | get got gotten
find found | tell told | think thought | bring brought | buy bought | build built | stand stood
understand understood | sit sat | speak spoke spoken | eat ate eaten | drink drank drunk | write wrote written
rise rose risen | begin began begun | run ran | fall fell fallen | hold held | keep kept | leave left
lose lost | meet met | pay paid | send sent | sell sold | show shown | sleep slept | spend spent | feel felt
fight fought | fly flew flown | forget forgot forgotten | grow grew grown | hear heard | hide hid hidden
lay laid | lead led | lie lay lain | mean meant | ride rode ridden | ring rang rung | seek sought
shake shook shaken | shine shone | shoot shot | sing sang sung | smite smote smitten | steal stole stolen
strike struck | swear swore sworn | teach taught | tear tore torn | throw threw thrown | wake woke woken
wear wore worn | weep wept | win won | beget begat begotten | bear bore born borne | slay slew slain
choose chose chosen | draw drew drawn | drive drove driven | break broke broken | forgive forgave forgiven
freeze froze frozen | hang hung | die dying | lie lying | catch caught | fed feed | flee fled | bind bound
dig dug | light lit | sting stung | swim swam swum | stick stuck | bite bit bitten | blow blew blown
man men | woman women | child children | brother brethren | foot feet | tooth teeth | mouse mice | ox oxen
wife wives | knife knives | life lives | wolf wolves | leaf leaves | half halves | thief thieves
person people | good better best | bad worse worst | many more most | much more most | little less least
"""
_LEMMA_OF: dict[str, tuple[str, ...]] = {}
for _group in _IRREGULAR.split("|"):
    _lemma, *_forms = _group.split()
    for _form in _forms:
        _LEMMA_OF[_form] = _LEMMA_OF.get(_form, ()) + (_lemma,)

_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=1 << 15)
def english_lemmas(word: str) -> tuple[str, ...]:
    """The word itself and every dictionary form a regular or irregular inflection could come from, in a fixed
    order; a form that is no word costs nothing, it is only looked up.

    >>> english_lemmas("cities")
    ('cities', 'city', 'citie', 'citi')
    >>> english_lemmas("stopped")
    ('stopped', 'stopp', 'stoppe', 'stop')
    >>> english_lemmas("said")
    ('said', 'say')
    """
    out = [word, *_LEMMA_OF.get(word, ())]
    if len(word) > 3 and word.isascii():
        for ending, stems in (("ies", ("y", "ie", "i")), ("ied", ("y", "ie", "i")), ("es", ("", "e")),
                              ("s", ("",)), ("ed", ("", "e")), ("ing", ("", "e")), ("ly", ("",)),
                              ("er", ("", "e")), ("est", ("", "e")), ("ier", ("y",)), ("iest", ("y",))):
            if word.endswith(ending) and len(word) - len(ending) >= 2:
                stem = word[:-len(ending)]
                if ending == "s" and stem.endswith(("s", "u")):
                    continue     # `glass`, `virus`: no plural to undo
                out.extend(stem + tail for tail in stems)
                if ending in ("ed", "ing", "er", "est") and len(stem) > 2 and stem[-1] == stem[-2] \
                        and stem[-1] not in _VOWELS:
                    out.append(stem[:-1])       # stopped -> stop, bigger -> big
    return tuple(dict.fromkeys(out))
