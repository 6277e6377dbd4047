"""Writing systems in search: Uzbek Latin apostrophes folded to one form, and words in the other script.

Uzbek is written in Latin letters (oʻ and gʻ take a turned comma, U+02BB, typed as ', ‘, ’ or `) and, by many
readers here, in Cyrillic; Russian in Cyrillic, its names often in Latin letters. The search folds the apostrophes of
the stored text and of the words searched alike (common.fulltext.portal_document, fold_apostrophes below), and looks
up each word searched in both scripts as well (spellings below).

Russian Cyrillic ↔ Latin comes from cyrtranslit (maintained; Russian per GOST 7.79 System B, and practical spellings
such as "shch", "ts", "kh" read back). It has no Uzbek, so Uzbek Cyrillic ↔ Latin follows the official Uzbek Latin
alphabet (1995) in the small tables below: ў oʻ, қ q, ғ gʻ, ҳ h, х x, ш sh, ч ch, ж j, й y.
"""

import re

import cyrtranslit

# oʻ and gʻ: the letter's sign (MODIFIER LETTER TURNED COMMA, a letter to PostgreSQL's parser, so the word stays whole).
OKINA = "\u02bb"
# The signs typed for it: the ASCII apostrophe, the typographic quotes, the backtick and the modifier apostrophe.
APOSTROPHES = "'\u2018\u2019`\u02bc\u02bb"
_AFTER_O_OR_G = re.compile(f"([oOgG])[{APOSTROPHES}]")
# Elsewhere (the glottal stop in "ma'lumot", an English "Uzbekistan’s") every variant is the ASCII apostrophe,
# which separates words in the document and in the words searched alike.
_OTHER_APOSTROPHES = str.maketrans({sign: "'" for sign in APOSTROPHES if sign not in ("'", OKINA)})

# The same folding in SQL, for the stored documents (common.fulltext) and the highlighted texts: keep the two alike
# (tests/common/test_scripts.py compares them).
_SQL_APOSTROPHES = APOSTROPHES.replace("'", "''")
_SQL_OTHERS = "".join(sign for sign in APOSTROPHES if sign not in ("'", OKINA))
_SQL_AS_MANY_QUOTES = "''" * len(_SQL_OTHERS)
# "{text}" is the SQL expression folded.
FOLD_APOSTROPHES_SQL = (
    f"translate(regexp_replace({{text}}, '([oOgG])[{_SQL_APOSTROPHES}]', '\\1{OKINA}', 'g'), "
    f"'{_SQL_OTHERS}', '{_SQL_AS_MANY_QUOTES}')"
)


def fold_apostrophes(text: str) -> str:
    """``text`` with oʻ and gʻ written one way (U+02BB) and every other apostrophe as ASCII '."""
    return _AFTER_O_OR_G.sub(rf"\1{OKINA}", text).translate(_OTHER_APOSTROPHES)


_UZBEK_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "x", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "ў": f"o{OKINA}", "қ": "q", "ғ": f"g{OKINA}", "ҳ": "h",
}  # fmt: skip
_UZBEK_TO_CYRILLIC = [
    (f"o{OKINA}", "ў"), (f"g{OKINA}", "ғ"), ("sh", "ш"), ("ch", "ч"), ("yo", "ё"), ("yu", "ю"), ("ya", "я"),
    ("ye", "е"), ("ts", "ц"), ("a", "а"), ("b", "б"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "ҳ"),
    ("i", "и"), ("j", "ж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "қ"),
    ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("x", "х"), ("y", "й"), ("z", "з"),
    ("c", "к"), ("w", "в"),
]  # fmt: skip
_UZBEK_LATIN = re.compile("|".join(re.escape(latin) for latin, _cyrillic in _UZBEK_TO_CYRILLIC))
_UZBEK_CYRILLIC = dict(_UZBEK_TO_CYRILLIC)
# Uzbek letters that Russian lacks, for the Russian transliteration of an Uzbek Cyrillic word.
_UZBEK_LETTERS_IN_RUSSIAN = str.maketrans({"ў": "у", "қ": "к", "ғ": "г", "ҳ": "х"})
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[a-z]")
_NOT_A_LETTER = re.compile(r"[^\w" + OKINA + "]")


def _cyrillic_only(word: str) -> bool:
    return bool(CYRILLIC.search(word)) and not LATIN.search(word)


def _latin_only(word: str) -> bool:
    return bool(LATIN.search(word)) and not CYRILLIC.search(word)


def _russian_latin(word: str) -> str:
    return cyrtranslit.to_latin(word.translate(_UZBEK_LETTERS_IN_RUSSIAN), "ru") if _cyrillic_only(word) else word


def _uzbek_latin(word: str) -> str:
    return "".join(_UZBEK_TO_LATIN.get(letter, letter) for letter in word) if _cyrillic_only(word) else word


def _russian_cyrillic(word: str) -> str:
    return cyrtranslit.to_cyrillic(word.replace(OKINA, ""), "ru") if _latin_only(word) else word


def _uzbek_cyrillic(word: str) -> str:
    return _UZBEK_LATIN.sub(lambda match: _UZBEK_CYRILLIC[match[0]], word) if _latin_only(word) else word


# Each gives a word in one script and system; a word mixing both scripts, or in neither, stays as it is.
_SYSTEMS = [_russian_latin, _uzbek_latin, _russian_cyrillic, _uzbek_cyrillic]
WORD = re.compile(r"[^\W_]+")


def spellings(word: str) -> list[str]:
    """The word (lowercase, apostrophes folded) and its forms in the other script, Russian and Uzbek, without
    repeats: "бобоев" gives "boboev"; "boboev" gives "бобоев"; "oʻzbekiston" gives "озбекистон" and "ўзбекистон"."""
    word = fold_apostrophes(word.casefold())
    forms = [word, *(system(word) for system in _SYSTEMS)]
    # GOST's e' (э) and '' (ъ) are not letters of the word.
    cleaned = (_NOT_A_LETTER.sub("", form) for form in forms)
    return list(dict.fromkeys(form for form in cleaned if form))


def in_each_script(text: str) -> list[str]:
    """The words of ``text`` as typed (apostrophes folded), then in each other script and system, without
    repeats: "Akobir Бобоев" gives "Akobir Бобоев", "Akobir boboev", "акобир бобоев"."""
    text = fold_apostrophes(text)
    words = WORD.findall(text)
    forms = [text]
    for system in _SYSTEMS:
        forms.append(" ".join(_NOT_A_LETTER.sub("", system(word.casefold())) or word for word in words))
    distinct = {}
    for form in forms:
        distinct.setdefault(form.casefold(), form)
    return list(distinct.values())


# A person's name in the other script, suggested for someone to check (a name has no one right transliteration):
# practical spellings as names are written in passports and the press here, not a reversible standard.
_NAME_TO_CYRILLIC = [
    ("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("yu", "ю"), ("ya", "я"),
    ("yo", "ё"), (f"o{OKINA}", "ў"), (f"g{OKINA}", "ғ"), ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"),
    ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "х"), ("i", "и"), ("j", "дж"), ("k", "к"), ("l", "л"), ("m", "м"),
    ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"),
    ("w", "в"), ("x", "кс"), ("y", "й"), ("z", "з"),
]  # fmt: skip
_NAME_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "ў": f"o{OKINA}", "қ": "q", "ғ": f"g{OKINA}", "ҳ": "h",
}  # fmt: skip
_NAME_LATIN = re.compile("|".join(re.escape(latin) for latin, _cyrillic in _NAME_TO_CYRILLIC), re.IGNORECASE)
_NAME_CYRILLIC = dict(_NAME_TO_CYRILLIC)


def _same_case(source: str, text: str) -> str:
    return text[:1].upper() + text[1:] if source[:1].isupper() else text


def suggested_spelling(name: str, script: str, *, uzbek: bool = False) -> str:
    """``name`` in ``script`` ("cyrillic" or "latin") as a suggestion for a person to check: "Shukhrat Boboev"
    gives "Шухрат Бобоев", "Шухрат Бобоев" gives "Shukhrat Boboev" (with ``uzbek``, the Uzbek Latin letters:
    "Shuxrat Boboev"). Empty when the name is not wholly in the other script."""
    name = fold_apostrophes(" ".join(name.split()))
    if script == "cyrillic" and LATIN.search(name.casefold()) and not CYRILLIC.search(name):
        return _NAME_LATIN.sub(lambda match: _same_case(match[0], _NAME_CYRILLIC[match[0].lower()]), name)
    if script == "latin" and CYRILLIC.search(name) and not LATIN.search(name.casefold()):
        table = _UZBEK_TO_LATIN if uzbek else _NAME_TO_LATIN
        return "".join(_same_case(letter, table.get(letter.lower(), letter)) for letter in name)
    return ""
