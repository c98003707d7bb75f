from __future__ import annotations

import pytest

from byline.language import detect_language

SAMPLES = {
    "en": "North Korea has sent about 10,000 troops to Russia to train and fight in Ukraine within the next several weeks, the Pentagon said Monday.",
    "de": "Die Bundesregierung hat am Montag beschlossen, dass die neuen Regeln für alle Unternehmen gelten sollen, die in Deutschland tätig sind.",
    "fr": "Le gouvernement a annoncé lundi que les nouvelles règles seraient appliquées à toutes les entreprises qui sont présentes en France.",
    "es": "El gobierno anunció el lunes que las nuevas reglas se aplicarán a todas las empresas que operan en el país desde enero.",
    "it": "Il governo ha annunciato lunedì che le nuove regole saranno applicate a tutte le aziende che operano nel paese.",
    "pt": "O governo anunciou na segunda-feira que as novas regras serão aplicadas a todas as empresas que operam no país.",
    "nl": "De regering heeft maandag aangekondigd dat de nieuwe regels gelden voor alle bedrijven die in het land actief zijn.",
    "ru": "Правительство объявило в понедельник, что новые правила будут применяться ко всем компаниям, которые работают в стране.",
    "ja": "政府は月曜日、新しい規則を国内で事業を行うすべての企業に適用すると発表した。",
    "zh": "政府周一宣布，新规定将适用于在该国经营的所有公司。这是一个重要的决定。",
    "ko": "정부는 월요일 새로운 규칙이 국내에서 사업을 하는 모든 기업에 적용된다고 발표했다.",
    "ar": "أعلنت الحكومة يوم الاثنين أن القواعد الجديدة ستطبق على جميع الشركات التي تعمل في البلاد من هذا العام.",
    "el": "Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι οι νέοι κανόνες θα ισχύουν για όλες τις εταιρείες.",
    "pl": "Rząd ogłosił w poniedziałek, że nowe przepisy będą obowiązywać wszystkie firmy, które działają w kraju, i nie ma od tego wyjątków.",
}


@pytest.mark.parametrize(("code", "text"), SAMPLES.items())
def test_detect_language(code: str, text: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "Hello", "12345 678", "Menu Home"])
def test_too_little_text(text: str) -> None:
    assert detect_language(text) is None
