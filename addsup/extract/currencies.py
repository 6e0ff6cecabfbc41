"""Currencies as news prints them: signs and codes before a number (``$``, ``RM``, ``Rp``,
``USD``), names after it (``ringgit``, ``Chinese yuan renminbi``, ``billion RM``).

Every active ISO 4217 code is read as a code where it stands in capitals next to a number,
except the few that are also English words in capitals ("TOP 10", "ALL 3"). A sign or name
that does not say which currency it is ("$", "dollars", "rupees") gives the likeliest one
and is flagged as assumed; "¥" is decided from the text (yen in Japanese stories, else yuan).
"""

from __future__ import annotations

import re

ISO_CODES = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
    BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
    GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR
    KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK
    MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR
    SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH
    UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
    """.split()
)
# codes that are also words or names written in capitals ("TOP 10", "AMD chips", an "IRR")
_WORDLIKE = frozenset(
    {"ALL", "TOP", "CUP", "BOB", "PEN", "GEL", "MAD", "SOS", "TRY", "MOP", "AMD", "NIO", "IRR"}
    | {"BAM", "ANG", "ERN"}
)
PREFIX_CODES = ISO_CODES - _WORDLIKE

# sign or local abbreviation before a number -> (code, assumed)
PREFIX_SIGNS: dict[str, tuple[str, bool]] = {
    "U.S.$": ("USD", False),
    "US$": ("USD", False),
    "HK$": ("HKD", False),
    "S$": ("SGD", False),
    "A$": ("AUD", False),
    "AU$": ("AUD", False),
    "C$": ("CAD", False),
    "CA$": ("CAD", False),
    "NZ$": ("NZD", False),
    "NT$": ("TWD", False),
    "R$": ("BRL", False),
    "$": ("USD", True),
    "€": ("EUR", False),
    "£": ("GBP", False),
    "₩": ("KRW", False),
    "₽": ("RUB", False),
    "₹": ("INR", False),
    "₱": ("PHP", False),
    "฿": ("THB", False),
    "₫": ("VND", False),
    "₺": ("TRY", False),
    "₴": ("UAH", False),
    "₦": ("NGN", False),
    "₪": ("ILS", False),
    "₮": ("MNT", False),
    "¥": ("CNY", True),  # or yen: by_place
    "RMB": ("CNY", False),
    "RM": ("MYR", False),
    "Rp": ("IDR", False),
    "Rs": ("INR", True),
    "Rs.": ("INR", True),
    "Tk": ("BDT", False),
    "KSh": ("KES", False),
    "Ksh": ("KES", False),
    "Sh": ("KES", True),
    # one letter, written close before an amount in billions: "P1.2 billion" in Manila
    "P": ("PHP", True),
    "R": ("ZAR", True),
    "N": ("NGN", True),
}
LETTER_SIGNS = frozenset(s for s in PREFIX_SIGNS if len(s) == 1 and s.isalpha())
# what may stand right before a number as a currency, longest first (an ISO code too)
PREFIX = re.compile(
    r"(?:"
    + "|".join(re.escape(s) for s in sorted(PREFIX_SIGNS, key=len, reverse=True))
    + r"|[A-Z]{3})$"
)

# a currency named after a number (lowercase words) -> (code, assumed)
_NAMES = {
    "dollar": ("USD", True),
    "u.s. dollar": ("USD", False),
    "us dollar": ("USD", False),
    "american dollar": ("USD", False),
    "hong kong dollar": ("HKD", False),
    "singapore dollar": ("SGD", False),
    "australian dollar": ("AUD", False),
    "canadian dollar": ("CAD", False),
    "new zealand dollar": ("NZD", False),
    "taiwan dollar": ("TWD", False),
    "new taiwan dollar": ("TWD", False),
    "yuan": ("CNY", False),
    "chinese yuan": ("CNY", False),
    "chinese yuan renminbi": ("CNY", False),
    "yuan renminbi": ("CNY", False),
    "renminbi": ("CNY", False),
    "yen": ("JPY", False),
    "japanese yen": ("JPY", False),
    "won": ("KRW", False),
    "korean won": ("KRW", False),
    "south korean won": ("KRW", False),
    "ruble": ("RUB", False),
    "rouble": ("RUB", False),
    "russian ruble": ("RUB", False),
    "russian rouble": ("RUB", False),
    "tugrik": ("MNT", False),
    "togrog": ("MNT", False),
    "euro": ("EUR", False),
    "pound sterling": ("GBP", False),
    "pounds sterling": ("GBP", False),
    "sterling": ("GBP", False),
    "british pound": ("GBP", False),
    "ringgit": ("MYR", False),
    "rupiah": ("IDR", False),
    "dong": ("VND", False),
    "rupee": ("INR", True),
    "indian rupee": ("INR", False),
    "pakistani rupee": ("PKR", False),
    "sri lankan rupee": ("LKR", False),
    "nepalese rupee": ("NPR", False),
    "baht": ("THB", False),
    "peso": ("MXN", True),
    "mexican peso": ("MXN", False),
    "philippine peso": ("PHP", False),
    "argentine peso": ("ARS", False),
    "chilean peso": ("CLP", False),
    "colombian peso": ("COP", False),
    "reais": ("BRL", False),
    "brazilian real": ("BRL", False),
    "rand": ("ZAR", False),
    "naira": ("NGN", False),
    "cedi": ("GHS", False),
    "shilling": ("KES", True),
    "kenyan shilling": ("KES", False),
    "ugandan shilling": ("UGX", False),
    "tanzanian shilling": ("TZS", False),
    "birr": ("ETB", False),
    "kwacha": ("ZMW", True),
    "lira": ("TRY", False),
    "turkish lira": ("TRY", False),
    "riyal": ("SAR", True),
    "saudi riyal": ("SAR", False),
    "qatari riyal": ("QAR", False),
    "rial": ("IRR", True),
    "omani rial": ("OMR", False),
    "dirham": ("AED", True),
    "dinar": ("KWD", True),
    "kuwaiti dinar": ("KWD", False),
    "shekel": ("ILS", False),
    "new shekel": ("ILS", False),
    "swiss franc": ("CHF", False),
    "franc": ("CHF", True),
    "krona": ("SEK", False),
    "kronor": ("SEK", False),
    "swedish krona": ("SEK", False),
    "norwegian krone": ("NOK", False),
    "danish krone": ("DKK", False),
    "zloty": ("PLN", False),
    "zlotys": ("PLN", False),
    "forint": ("HUF", False),
    "koruna": ("CZK", False),
    "hryvnia": ("UAH", False),
    "hryvnias": ("UAH", False),
    "tenge": ("KZT", False),
    "som": ("KGS", True),
    "manat": ("AZN", True),
    "lari": ("GEL", False),
    "dram": ("AMD", False),
    "kip": ("LAK", False),
    "kyat": ("MMK", False),
    "riel": ("KHR", False),
    "taka": ("BDT", False),
    "afghani": ("AFN", False),
    "leu": ("RON", True),
    "lei": ("RON", False),
    "lev": ("BGN", False),
    "leva": ("BGN", False),
    "pataca": ("MOP", False),
}
# plurals ("dollars", "rubles"); names that do not change ("yen", "won") are read as they are
SUFFIX_NAMES: dict[str, tuple[str, bool]] = _NAMES | {
    f"{k}s": v for k, v in _NAMES.items() if not k.endswith(("s", "yen", "won", "yuan", "renminbi"))
}
# the local abbreviations also written after the number ("12.6 billion RM")
SUFFIX_CODES: dict[str, tuple[str, bool]] = {c: (c, False) for c in PREFIX_CODES} | {
    "RM": ("MYR", False),
    "RMB": ("CNY", False),
    "Rp": ("IDR", False),
}
# up to three words after a number, read against the names above (longest first): words
# of letters ("yuan.Lü" is "yuan"), or an abbreviation with its full stops ("U.S.")
_WORD = r"((?:[A-Za-z]\.){2,}|[^\W\d_]+)"
SUFFIX_WORDS = re.compile(rf"\s*{_WORD}(?:[ \t]+{_WORD})?(?:[ \t]+{_WORD})?")
# the first word of every name and code: most words after a number are none, and one set
# look-up tells so before the longer match
NAME_FIRSTS = frozenset(k.split()[0] for k in SUFFIX_NAMES) | frozenset(SUFFIX_CODES)


def _places(words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + words + r")\b", re.IGNORECASE)


# A sign or name that several countries use is read as the currency of the country the text
# names most (title included): "¥" is yen in a story about Japan and yuan in one about China;
# "Rs" is Pakistani rupees in a story about Pakistan. Each entry: the default currency with
# the places that speak for it, then the other currencies with theirs.
_CHINA = (
    "china|chinese|beijing|shanghai|yuan|renminbi|rmb|pboc|guangdong|guangzhou|shenzhen|"
    "zhejiang|jiangsu|shandong|liaoning|jilin|heilongjiang|sichuan|chongqing|tianjin|hubei|"
    "henan|hebei|fujian|yunnan|xinjiang|alibaba|huawei"
)
_JAPAN = (
    "japan|japanese|tokyo|osaka|yen|nikkei|boj|toyota|honda|nissan|sony|softbank|panasonic|"
    "toshiba|hitachi|nintendo|mitsubishi|keidanren"
)
_BY_PLACE: dict[str, tuple[re.Pattern[str], list[tuple[str, re.Pattern[str]]]]] = {
    "CNY": (_places(_CHINA), [("JPY", _places(_JAPAN))]),
    "INR": (
        _places("india|indian|delhi|new delhi|mumbai|rbi"),
        [
            ("PKR", _places("pakistan|pakistani|karachi|islamabad|lahore")),
            ("LKR", _places("sri lanka|sri lankan|colombo")),
            ("NPR", _places("nepal|nepalese|nepali|kathmandu")),
        ],
    ),
    "MXN": (
        _places("mexico|mexican"),
        [
            ("PHP", _places("philippines|philippine|filipino|manila")),
            ("ARS", _places("argentina|argentine|buenos aires")),
            ("CLP", _places("chile|chilean|santiago")),
            ("COP", _places("colombia|colombian|bogota")),
        ],
    ),
    "KWD": (
        _places("kuwait|kuwaiti"),
        [
            ("IQD", _places("iraq|iraqi|baghdad")),
            ("JOD", _places("jordan|jordanian|amman")),
            ("BHD", _places("bahrain|bahraini")),
            ("DZD", _places("algeria|algerian")),
            ("TND", _places("tunisia|tunisian")),
            ("RSD", _places("serbia|serbian|belgrade")),
        ],
    ),
    "SAR": (_places("saudi|riyadh"), [("QAR", _places("qatar|qatari|doha"))]),
    "KES": (
        _places("kenya|kenyan|nairobi"),
        [("UGX", _places("uganda|ugandan|kampala")), ("TZS", _places("tanzania|tanzanian"))],
    ),
    "AED": (_places("emirates|uae|dubai|abu dhabi"), [("MAD", _places("morocco|moroccan"))]),
    "ZAR": (_places("south africa|south african|johannesburg|pretoria"), []),
}


def by_place(code: str, text: str) -> str:
    """The currency an ambiguous sign or name (read as ``code``) stands for in ``text``."""
    entry = _BY_PLACE.get(code)
    if entry is None:
        return code
    default, others = entry
    best, most = code, len(default.findall(text))
    for other, places in others:
        n = len(places.findall(text))
        if n > most:
            best, most = other, n
    return best


def suffix_currency(text: str, pos: int) -> tuple[str, bool, int] | None:
    """The currency named right after ``pos`` ("yuan", "Chinese yuan renminbi", "RM"):
    (code, assumed, end), or None."""
    m = SUFFIX_WORDS.match(text, pos)
    if not m:
        return None
    words = [w for w in m.groups() if w]
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        hit = (SUFFIX_CODES.get(phrase) if n == 1 else None) or SUFFIX_NAMES.get(phrase.lower())
        if hit:
            return hit[0], hit[1], m.end(n)
    return None


# "the yuan's fall to 7.25 per dollar": a rate quoted against the dollar is an amount of the
# currency its sentence names before it
PER_DOLLAR = re.compile(r"\s+(?:per|to\s+the|against\s+the|a)\s+(?:u\.s\.\s+|us\s+)?dollar\b", re.I)
_NAMED = re.compile(
    r"\b("
    + "|".join(
        sorted(
            (re.escape(k) for k in SUFFIX_NAMES if " " not in k and not k.startswith("dollar")),
            key=len,
            reverse=True,
        )
    )
    + r")\b",
    re.IGNORECASE,
)


def quoted_against_dollar(text: str, sentence_start: int, start: int, end: int) -> str | None:
    """The currency of a rate like "7.25 per dollar" at ``start:end``, named earlier in its
    sentence ("the yuan's fall to"), or None."""
    if not PER_DOLLAR.match(text, end):
        return None
    names = _NAMED.findall(text, sentence_start, start)
    if not names:
        return None
    code, _ = SUFFIX_NAMES[names[-1].lower()]
    return by_place(code, text)
