from decimal import Decimal

import pytest

from align.text.numbers import find_numbers, parse_number, spelled_numbers


@pytest.mark.parametrize("raw, lang, value", [
    ("12,000", "en", "12000"),
    ("12 000", "fr", "12000"),
    ("12\u202f000", "fr", "12000"),
    ("12\u00a0000", "fr", "12000"),
    ("4.57", "en", "4.57"),
    ("4,57", "fr", "4.57"),
    ("2.450", "fr", "2450"),
    ("2.450", "de", "2450"),
    ("8839,8", "de", "8839.8"),
    ("1,234.5", "en", "1234.5"),
    ("1.234,5", "de", "1234.5"),
])
def test_parse_number(raw, lang, value):
    assert parse_number(raw, lang) == Decimal(value)


@pytest.mark.parametrize("text, keys", [
    ("中国制造业增加值达32.5万亿元", ["32500000000000"]),          # = 32.5 trillion
    ("共有1.2万家企业", ["12000"]),                              # = 12,000
    ("一万二千家企业", ["12000"]),
    ("增长4.57%，占比3.5％", ["4.57%", "3.5%"]),
    ("百分之三点五的增长", ["3.5%"]),
    ("亚当共活了九百三十岁", ["930"]),
    ("三亿五千万人", ["350000000"]),
    ("第三日", ["3"]),
    ("二〇二四年", ["2024"]),
    ("2024年8月31日", ["2024", "31"]),                           # the month is a word elsewhere (Aug.)
    ("八月三十一日", ["31"]),
    ("12,000家", ["12000"]),
    ("万物都是一些人一起做的，十分好", []),                          # words, not numbers
    ("社会消费品零售总额", []),                                     # 零售, retail: a word
    ("共有一百零五名", ["105"]),                                  # a 零 for the tens left out
    ("三千零二十", ["3020"]),
    ("1至11月份", ["11"]),                                       # January (a word elsewhere) to November:
    ("2024年1-11月", ["2024", "11"]),                            # ... and the first 11 months
    ("3至5个百分点", ["3", "5"]),                                  # a range of numbers, not of months
    ("3万8000人和5000人", ["38000", "5000"]),                      # the rest in smaller units: one number
    ("3億5000万円", ["350000000"]),
    ("3万 8000", ["30000", "8000"]),                              # apart, two numbers
])
def test_find_numbers_in_chinese(text, keys):
    assert [n.key for n in find_numbers(text, "zh")] == keys


def test_chinese_number_span_covers_its_scale_characters():
    text = "达32.5万亿元"
    (number,) = find_numbers(text, "zh")
    assert text[number.start:number.end] == number.text == "32.5万亿"


@pytest.mark.parametrize("text, lang, keys", [
    ("32.5 trillion yuan", "en", ["32500000000000"]),
    ("32,5 billions de yuans", "fr", ["32500000000000"]),
    ("32,5 milliards", "fr", ["32500000000"]),
    ("3 Milliarden Euro", "de", ["3000000000"]),
    ("4,57 %", "fr", ["4.57%"]),
    ("30 per cent", "en", ["30%"]),
    ("in 2023 and 2024", "en", ["2023", "2024"]),
    ("la 5G et la 6G, 10km, le 1er mai, die 1950er", "fr", ["5", "6", "10", "1", "1950"]),
    ("G20, COVID-19, H1N1, A320", "en", ["19"]),
    ("32,5 mille milliards de yuans", "fr", ["32500000000000"]),
    ("3 tausend Milliarden Euro", "de", ["3000000000000"]),
    ("13 миллионов человек", "ru", ["13000000"]),
    ("2,5 млрд рублей", "ru", ["2500000000"]),
    ("3 εκατομμύρια", "el", ["3000000"]),
    ("10 ملايين نسمة", "ar", ["10000000"]),
    ("2,5 mln zł", "pl", ["2500000"]),
    ("5 milljónir", "is", ["5000000"]),
    ("3 miljarder kronor", "sv", ["3000000000"]),
    ("인구는 약 1000만 명", "ko", ["10000000"]),
    ("13 миллионов", "und", ["13000000"]),           # a scale word that means one thing everywhere
    ("3 billion", "und", ["3000000000"]),            # one that does not: English decides
    ("0.25%포인트 인하, 0.5%p 상승, 3% 증가", "ko", ["0.25", "0.5", "3%"]),   # Korean percentage points
])
def test_find_numbers_normalises_scale_and_percent(text, lang, keys):
    assert [n.key for n in find_numbers(text, lang)] == keys


@pytest.mark.parametrize("text, lang, keys", [
    ("12 MILLIONEN Euro", "de", ["12000000"]),
    ("3 Milliards", "fr", ["3000000000"]),
    ("7 Per Cent", "en", ["7%"]),
    ("5 PROZENT", "de", ["5%"]),
])
def test_scale_and_percent_words_in_any_case(text, lang, keys):
    assert [n.key for n in find_numbers(text, lang)] == keys


def test_spans_point_at_the_written_number():
    text = "revenu de 32,5 billions de yuans"
    (number,) = find_numbers(text, "fr")
    assert text[number.start:number.end] == number.text == "32,5 billions"


@pytest.mark.parametrize("text, lang, keys", [
    ("douze mille entreprises", "fr", {"12000"}),
    ("quatre-vingt-dix usines et deux cent mille emplois", "fr", {"90", "200000"}),
    ("vingt et un pays", "fr", {"21"}),
    ("twenty-five thousand people", "en", {"25000"}),
    ("one hundred and five cars", "en", {"105"}),
    ("zwei Millionen Menschen", "de", {"2000000"}),
    ("Le plan couvre les robots.", "fr", set()),
])
def test_spelled_numbers(text, lang, keys):
    assert spelled_numbers(text, lang) == keys


@pytest.mark.parametrize("text, keys, shown", [
    ("ارتفع التضخم إلى ٢٦٫٥٪ في أكتوبر", ["26.5%"], ["٢٦٫٥٪"]),        # Arabic digits, decimal separator, percent
    ("بلغ ١٬٢٥٠ مليون", ["1250000000"], ["١٬٢٥٠ مليون"]),
    ("سال ۱۴۰۳", ["1403"], ["۱۴۰۳"]),                                 # Persian digits
    ("成長率は５．５％だった", ["5.5%"], ["５．５％"]),                   # a full-width decimal point
])
def test_arabic_and_persian_digits_read_as_numbers(text, keys, shown):
    found = find_numbers(text, "ar")
    assert [n.key for n in found] == keys and [text[n.start:n.end] for n in found] == shown == [n.text for n in found]


@pytest.mark.parametrize("text, lang, keys", [
    ("à 350 M€, contre 310 M€", "fr", ["350000000", "310000000"]),     # a scale letter against the currency sign
    ("12 Md€ et 5 k€", "fr", ["12000000000", "5000"]),
    ("a $5bn deal and 3mn users", "en", ["5000000000", "3000000"]),     # a scale written against the figure
    ("5 m de haut, 5G, 10km", "fr", ["5", "5", "10"]),                  # metres, a network, kilometres
])
def test_scales_glued_to_figures_or_currency_signs(text, lang, keys):
    assert [n.key for n in find_numbers(text, lang)] == keys


@pytest.mark.parametrize("text, keys", [
    ("politika faizini yüzde 50'de sabit tuttu", ["50%"]),     # Turkish: the percent before its number
    ("enflasyon %48,6 oldu", ["48.6%"]),
    ("50% 60 days", ["50%", "60"]),                            # a percent after a number stays with that one
])
def test_a_percent_written_before_its_number(text, keys):
    assert [n.key for n in find_numbers(text, "tr")] == keys


@pytest.mark.parametrize("text, keys", [
    ("fondée au XIXe siècle", ["19"]), ("la Ve République", ["5"]), ("Napoléon Ier", ["1"]),
    ("Le XXIème siècle et 1789", ["21", "1789"]),          # `Le`, `Ce` are words, not L and C
])
def test_french_roman_ordinals_are_numbers(text, keys):
    assert [n.key for n in find_numbers(text, "fr")] == keys
