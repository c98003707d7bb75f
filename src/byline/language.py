"""Language of a text (ISO 639-1), from its script and its most frequent function words.

Scripts used by one language decide at once (Hangul → ko, kana → ja, Greek → el, Hebrew → he,
Thai → th…). Latin, Cyrillic and Arabic texts are scored against small stop-word profiles: the
language whose function words cover most tokens wins. Cheap: one pass over at most a few
thousand characters, no model.
"""

from __future__ import annotations

import re
from collections import Counter

# The most frequent, fairly distinctive function words of each language.
_PROFILES: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "en": "the and of to in is that for it was with as on be at by this are from have has "
              "not but or an they which you he she his her their were been would will said",
        "de": "der die und das ist nicht ein eine zu den von mit sich des auf für dem im auch "
              "es an als wird sie wir ich bei oder nach einer aus wie hat sind noch",
        "fr": "le la les de des et est un une du en que qui dans pour pas au sur ne se ce il "
              "elle sont avec plus par mais ont été cette aux leur nous vous",
        "es": "el la los las de y en que un una es del por con no se para su al lo como más "
              "pero sus le ha fue este esta entre también muy sobre",
        "it": "il la di che e è un una per non con del della le gli dei si sono al nel ha "
              "anche come ma più alla questo questa delle dello sul",
        "pt": "o a os as de e que do da em um uma para é com não no na dos das por se mais "
              "ao foi como mas ele ela seu sua também são",
        "nl": "de het een en van is dat in op te niet zijn voor met die er aan ook als bij "
              "maar om door naar heeft worden werd wordt dit nog",
        "sv": "och att det som en på är av för med till den inte har de om ett var jag men "
              "så från kan vid eller också när sig",
        "da": "og at det som en på er af for med til den ikke har de om et var jeg men så "
              "fra kan ved eller også når sig efter",
        "no": "og at det som en på er av for med til den ikke har de om et var jeg men så "
              "fra kan ved eller også når seg etter ble",
        "fi": "ja on ei se että oli hän ovat mutta kun tai myös kuin joka sen ole mukaan "
              "vain niin nyt jo olla ollut hänen",
        "pl": "i w nie na się z do że to jest jak o po ale co tak od za przez jego już czy "
              "oraz są ich dla tym może",
        "cs": "a v se na je že s z do to o jako ale by jsou k pro po od jeho také však "
              "který která které bylo byl",
        "ro": "și în de la a cu nu o un pe că din este se care mai sunt pentru ca fost au "
              "lui sau dar această",
        "hu": "a az és hogy nem is egy van de meg már csak mint ez volt kell el azt ha még "
              "vagy pedig után amely",
        "tr": "ve bir bu da de için ile olarak çok daha gibi en ama o olan kadar sonra "
              "var ne değil ise şey göre",
        "id": "yang dan di ini itu dengan untuk dari tidak dalam akan pada juga ke ada "
              "karena oleh atau bisa mereka sudah saat",
        "vi": "và của là có được trong cho không người những một các với này đã đến khi "
              "để cũng như từ nhiều",
        "ru": "и в не на что с по это как к но он из за то от она так его для же все "
              "был была были также при",
        "uk": "і в не на що з та це як до але він із за то від вона так його для же все "
              "був була були також є",
        "bg": "и в на да се за от че с не е по са като това той тя но са ще който които "
              "което беше",
        "sr": "и у на да се за од је са не као то он она али су из који која које био",
        "ar": "في من على أن إلى عن مع هذا التي الذي ما لا كان هذه بين قد كل بعد",
        "fa": "و در به از که این را با است برای آن یک می شود بود تا هم",
        "ur": "کے کی اور میں سے کو ہے کہ یہ نے پر ایک ہیں تھا",
    }.items()
}
# Scripts that point to one language (first matching range wins).
_SCRIPTS: list[tuple[str, str]] = [
    ("\u3040-\u30ff", "ja"),  # hiragana and katakana; Japanese also uses CJK ideographs
    ("\uac00-\ud7af\u1100-\u11ff", "ko"),
    ("\u0370-\u03ff", "el"),
    ("\u0590-\u05ff", "he"),
    ("\u0e00-\u0e7f", "th"),
    ("\u0900-\u097f", "hi"),
    ("\u0980-\u09ff", "bn"),
    ("\u0b80-\u0bff", "ta"),
    ("\u10a0-\u10ff", "ka"),
    ("\u0530-\u058f", "hy"),
]
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SCRIPT_RES = [(re.compile(f"[{ranges}]"), code) for ranges, code in _SCRIPTS]

MIN_WORDS = 5
SAMPLE_CHARS = 6000


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short or unclear."""
    if not text:
        return None
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if letters < 10:
        return None
    for pattern, code in _SCRIPT_RES:
        if len(pattern.findall(sample)) > letters * 0.2:
            return code
    if len(_HAN.findall(sample)) > letters * 0.3:
        return "zh"
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    counts = Counter(words)
    scores = {code: sum(counts[w] for w in profile) for code, profile in _PROFILES.items()}
    best = max(scores, key=scores.__getitem__)
    if scores[best] < max(2, len(words) * 0.08):
        return None
    return best
