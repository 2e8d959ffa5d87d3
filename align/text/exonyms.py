"""Place names that each language writes its own way (Spain / España / Espagne / Spanien, Munich / München,
Moscow / Moscou / Москва): the same place, so a name rendered so is not missing from a translation.

A table written for the project (countries, regions, rivers and cities that news and literature name most often,
in English, French, German, Spanish, Italian, Portuguese, Dutch, Icelandic and Russian; accents dropped, lower
case, as `align.search.vectors.words` gives them). Names a language shares with another (Paris, Berlin) or that
begin alike (China / Chine, Italy / Italia) need no entry: the name check finds them by their first letters.
"""
from __future__ import annotations

from functools import lru_cache

from align.text.lang import strip_accents

_GROUPS = """
spain espana espagne spanien spagna espanha spanje spann испания
germany allemagne deutschland alemania germania alemanha duitsland thyskaland германия
france frankreich francia franca frankrijk frakkland франция
england angleterre inglaterra inghilterra engeland англия
britain bretagne britannien bretana britannia bretanha brittannie bretland британия
italy italie italien italia italie italia italie italia италия
greece grece griechenland grecia grecia griekenland grikkland греция
switzerland suisse schweiz suiza svizzera suica zwitserland sviss швейцария
austria autriche osterreich oostenrijk austurriki австрия
netherlands niederlande nederland holland hollande holanda olanda holland нидерланды голландия
belgium belgique belgien belgica belgio belgie belgia бельгия
poland pologne polen polonia polska pollandi польша
russia russie russland rusia rusland russland rossiya россия
japan japon giappone japao japan япония
korea coree corea coreia korea корея
india inde indien индия
united unis vereinigten unidos uniti verenigde соединенные
america amerique amerika америка
mexico mexique mexiko mejico messico мексика
brazil bresil brasilien brasil brasile brazilie бразилия
turkey turquie turkei turquia turchia turkije tyrkland турция
egypt egypte agypten egipto egitto egito egyptaland египет
ukraine ucrania ucraina ucrania oekraine ukraina украина
sweden suede schweden suecia svezia suecia zweden svithjod швеция
norway norvege norwegen noruega norvegia noorwegen noregur норвегия
denmark danemark dinamarca danimarca denemarken danmork дания
finland finlande finnland finlandia finlandia finnland финляндия
iceland islande island islandia islanda ijsland исландия
hungary hongrie ungarn hungria ungheria hongarije ungverjaland венгрия
scotland ecosse schottland escocia scozia schotland skotland шотландия
ireland irlande irland irlanda ierland irland ирландия
wales galles gales wales уэльс
china chine cina kina китай
taiwan taiwan тайвань
vietnam viet-nam viet вьетнам
africa afrique afrika africa африка
asia asie asien азия
europe europa европа
mediterranean mediterranee mittelmeer mediterraneo средиземное
danube donau danubio dunai дунай
rhine rhin rhein reno rijn рейн
alps alpes alpen alpi alparnir альпы
london londres londra londen лондон
moscow moscou moskau moscu mosca moskou moskva москва
munich munchen muenchen мюнхен
vienna vienne wien viena wenen вена
cologne koln keulen кельн
geneva geneve genf ginebra ginevra genebra женева
venice venise venedig venecia venezia veneza venetie венеция
rome rom roma рим
athens athenes athen atenas atene athene афины
lisbon lisbonne lissabon lisboa lisbona лиссабон
brussels bruxelles brussel bruselas bruxelas bruxelas брюссель
warsaw varsovie warschau varsovia varsavia varsovia warschau варшава
prague prag praga praag прага
copenhagen copenhague kopenhagen copenaghen kaupmannahofn копенгаген
beijing pekin peking pechino pequim пекин
naples naples neapel napoles napoli napels неаполь
florence florenz florencia firenze florenca флоренция
milan mailand milano milao милан
turin turin torino турин
"""

_ALIASES: dict[str, frozenset[str]] = {}
_PLACE_OF: dict[str, str] = {}
for _line in _GROUPS.strip().splitlines():
    _names = [strip_accents(name) for name in _line.split()]   # as the words of a text are read
    _group = frozenset(_names)
    for _name in _group:
        _ALIASES[_name] = _ALIASES.get(_name, frozenset()) | _group
        _PLACE_OF.setdefault(_name, _names[0])


_BY_STEM: dict[str, set[str]] = {}
for _name in _ALIASES:
    if len(_name) >= 5:
        _BY_STEM.setdefault(_name[:5], set()).add(_name)


@lru_cache(maxsize=1 << 12)
def exonyms(word: str) -> frozenset[str]:
    """The other names of the place `word` names (a lower-case word without accents), or none; an inflected
    form (Polish `Polski`, Russian `России`) is read by the name that shares its first five letters and about its
    length.

    >>> sorted(exonyms("spain"))[:3], "poland" in exonyms("polski")
    (['espagne', 'espana', 'espanha'], True)
    """
    if word in _ALIASES:
        return _ALIASES[word] - {word}
    return frozenset().union(*(_ALIASES[n] for n in _same_stem(word))) - {word}


def _same_stem(word: str) -> list[str]:
    """The table's names sharing `word`'s first five letters and about its length (`polski` / `polska`)."""
    return sorted(n for n in _BY_STEM.get(word[:5], ()) if abs(len(n) - len(word)) <= 3) if len(word) >= 5 else []


@lru_cache(maxsize=1 << 12)
def place(word: str, inflected: bool = True) -> str | None:
    """The place `word` names, by its English name (`espagne`, `espana`, `spanien` -> `spain`), or None; with
    `inflected`, also a form read by its stem (`deutschlands`), which may be a demonym's (`engländer`).

    >>> place("espagne"), place("deutschlands"), place("deutschlands", inflected=False), place("paris")
    ('spain', 'germany', None, None)
    """
    if word in _PLACE_OF:
        return _PLACE_OF[word]
    if not inflected:
        return None
    found = {_PLACE_OF[n] for n in _same_stem(word)}
    return found.pop() if len(found) == 1 else None
