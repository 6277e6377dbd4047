"""The demo's places and countries, as each language names them: English -> (Russian, Uzbek)."""

# The cities the demo's meetings and activities take place in (activities.Place).
PLACES = ("Tashkent", "Bukhara", "Fergana", "Namangan", "Samarkand")

PLACE_NAMES = {
    "Tashkent": ("Ташкент", "Toshkent"),
    "Bukhara": ("Бухара", "Buxoro"),
    "Fergana": ("Фергана", "Fargʻona"),
    "Namangan": ("Наманган", "Namangan"),
    "Samarkand": ("Самарканд", "Samarqand"),
    # countries
    "Uzbekistan": ("Узбекистан", "Oʻzbekiston"),
    "Estonia": ("Эстония", "Estoniya"),
    "United States": ("США", "AQSh"),
}
