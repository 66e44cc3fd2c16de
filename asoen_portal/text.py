"""Vietnamese text helpers shared by search and import code."""

import unicodedata


def fold(text: str) -> str:
    """Lower-case `text` and strip its diacritics, so "xuan thuy" matches "Xuân Thủy".

    NFD splits most Vietnamese letters into base + combining marks; đ/Đ is a letter of its own
    and has no decomposition, so it is mapped by hand.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())
