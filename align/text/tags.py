"""Language tags as users and CAT tools write them (BCP 47: `en`, `en-US`, `fr-CA`, `zh-Hans`, `pt-BR`).

A tag is checked and written in its canonical case (`EN-us` -> `en-US`), kept as given in TMX and XLIFF
`xml:lang`; the toolkit's rules look only at its primary language subtag (`en-US` -> `en`).
"""
from __future__ import annotations

import re

from align.errors import AlignError

ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en
eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv
ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne
ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st
su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())
"""Two-letter language codes: BCP 47 requires these where a language has one (`en`, never `eng`)."""

THREE_LETTER = frozenset("""
und mul zxx mis
yue cmn wuu hak nan hsn gan cjy cdo fil haw ast ckb kab ceb hmn sco gsw fur lij vec scn nap lmo pms mwl ext arn
quz zza tet tpi bal brx doi kok mai mni sat hne awa bho mag ace ban bug min mad bew ilo pam war hil bcl
pag tsg mdh syr arc cop got grc ang enm fro frm gmh goh non sga peo pal akk sux egy phn uga lad rom rmy
csb dsb hsb szl rue ltg sgs vot liv krl vep izh smn sms sma smj sjd sju kpv koi udm chm mhr mrj mdf myv sah tyv
alt kjh krc kum nog lez ava dar lbe inh tab agx crh gag kaa uzs azb tly glk mzn lrc bqi sdh hac luz zgh tzm shi
rif kab taq ttq thv mfe pap srn djk jam tcs bis pis hwc gcr acf lou crs rcf
""".split())
"""Three-letter codes for languages without a two-letter one (and `und`, `mul`, `zxx`, `mis`)."""

_SUBTAG = re.compile(r"^[A-Za-z0-9]{1,8}$")


def language_tag(value: str) -> str:
    """The canonical form of a BCP 47 tag, or an AlignError (exit 2) naming what is wrong with it.

    >>> language_tag("EN-us"), language_tag("zh-hans-cn"), language_tag("fr")
    ('en-US', 'zh-Hans-CN', 'fr')
    """
    text = value.strip()
    parts = text.replace("_", "-").split("-")
    if not text or not all(_SUBTAG.match(p) for p in parts):
        raise AlignError(f"invalid language tag {value!r} (a BCP 47 tag such as en, en-US, fr-CA, zh-Hans)",
                         exit_code=2)
    primary, rest = parts[0].lower(), parts[1:]
    if not primary.isalpha() or len(primary) not in (2, 3):
        raise AlignError(f"invalid language tag {value!r}: the language subtag must be 2 or 3 letters", exit_code=2)
    known = primary in ISO_639_1 or primary in THREE_LETTER or (len(primary) == 3 and "qaa" <= primary <= "qtz")
    if not known:
        raise AlignError(f"unknown language {primary!r} in tag {value!r} (use an ISO 639 code such as en, fr, zh)",
                         exit_code=2)
    out = [primary]
    stage = 0                      # 1 after the script, 2 after the region, 3 in variants
    for k, part in enumerate(rest):
        if part.lower() == "x":    # private use: everything after it, as written in lower case
            if k == len(rest) - 1:
                raise AlignError(f"invalid language tag {value!r}: nothing after -x-", exit_code=2)
            out += ["x"] + [p.lower() for p in rest[k + 1:]]
            break
        if stage < 1 and len(part) == 4 and part.isalpha():
            out.append(part.title())
            stage = 1
        elif stage < 2 and ((len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit())):
            out.append(part.upper())
            stage = 2
        elif len(part) >= 5 or (len(part) == 4 and part[0].isdigit()):
            out.append(part.lower())
            stage = 3
        else:
            raise AlignError(f"invalid language tag {value!r}: cannot read the subtag {part!r}", exit_code=2)
    return "-".join(out)


def primary_language(tag: str | None) -> str | None:
    """The language the rules use: the primary subtag of a tag, in lower case.

    >>> primary_language("pt-BR"), primary_language(None)
    ('pt', None)
    """
    if not tag:
        return tag
    return tag.replace("_", "-").split("-")[0].lower()
