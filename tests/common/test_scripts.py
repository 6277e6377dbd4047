import pytest
from django.db import connection

from common import scripts

SAMPLES = [
    "O'zbekiston O‘zbekiston O’zbekiston Oʻzbekiston o`zbek",
    "G'alaba gʻalaba g‘alaba",
    "ma'lumot maʼlumot ma’lumot",
    "Uzbekistan’s ‘quoted’ text",
    "Бобоев, Ўзбекистон",
    "",
]


@pytest.mark.django_db
@pytest.mark.parametrize("text", SAMPLES)
def test_the_database_folds_apostrophes_as_the_search_does(text):
    """The stored documents fold in SQL, the words searched in Python: they must agree."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + scripts.FOLD_APOSTROPHES_SQL.format(text="%s"), [text])
        assert cursor.fetchone()[0] == scripts.fold_apostrophes(text)


def test_oʻ_and_gʻ_are_written_one_way():
    assert scripts.fold_apostrophes("O'zbekiston o‘g’il") == "Oʻzbekiston oʻgʻil"
    assert scripts.fold_apostrophes("maʼlumot Uzbekistan’s") == "ma'lumot Uzbekistan's"


def test_a_word_is_spelt_in_both_scripts():
    assert scripts.spellings("Бобоев") == ["бобоев", "boboev"]
    assert scripts.spellings("Boboev") == ["boboev", "бобоев"]
    assert scripts.spellings("Ўзбекистон") == ["ўзбекистон", "uzbekiston", "oʻzbekiston"]
    assert scripts.spellings("O'zbekiston") == ["oʻzbekiston", "озбекистон", "ўзбекистон"]
    assert scripts.spellings("Эстония") == ["эстония", "estoniya"]  # not GOST's "e'stoniya", split in two
    assert scripts.spellings("2023") == ["2023"]


def test_a_text_is_given_in_each_script():
    assert scripts.in_each_script("Мехр Нури") == ["Мехр Нури", "mehr nuri", "mexr nuri"]
