"""The English check: no readout of the corpora is refused; clearly foreign text is, by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import NotEnglishError
from briefgen.ingest import ingest
from briefgen.language import STOPWORDS, WORD, check_english, detect_foreign_language

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "tests" / "inputs"
ENGLISH_FILES = sorted([*(ROOT / "tests" / "corpus").glob("*.txt"),
                        *(ROOT / "tests" / "heldout").glob("*.txt"),
                        *(ROOT / "seeds").glob("*.txt")])

FOREIGN = {
    "Italian": "Il Segretario di Stato ha incontrato il Ministro degli Esteri a Roma. I due "
               "ministri hanno discusso della sicurezza energetica e della cooperazione tra "
               "i due paesi, che è una priorità per il governo.",
    "Portuguese": "O Secretário de Estado reuniu-se com o Ministro dos Negócios Estrangeiros em "
                  "Lisboa. Os dois discutiram a segurança energética e a cooperação entre os "
                  "dois países, que é uma prioridade para o governo.",
    "Dutch": "De minister van Buitenlandse Zaken heeft de ambassadeur ontvangen in Den Haag. "
             "Zij spraken over de veiligheid van de energievoorziening en de samenwerking "
             "tussen de twee landen, die voor de regering een prioriteit is.",
    "Polish": "Minister spraw zagranicznych spotkał się z ambasadorem w Warszawie. Rozmowa "
              "dotyczyła bezpieczeństwa energetycznego oraz współpracy między obu krajami, "
              "która jest dla rządu priorytetem, jak również sytuacji w regionie.",
    "Turkish": "Dışişleri Bakanı büyükelçi ile Ankara'da bir araya geldi. İki taraf enerji "
               "güvenliği ve iki ülke arasındaki işbirliği konusunu ele aldı ve bu konunun "
               "hükümet için bir öncelik olduğu da ayrıca vurgulandı.",
    "Indonesian": "Menteri Luar Negeri bertemu dengan duta besar di Jakarta. Kedua pihak "
                  "membahas keamanan energi dan kerja sama antara kedua negara, yang merupakan "
                  "prioritas bagi pemerintah dan akan terus diperkuat.",
    "Russian": "Министр иностранных дел встретился с послом в Москве. Стороны обсудили "
               "энергетическую безопасность и сотрудничество между двумя странами, которое "
               "является приоритетом для правительства.",
    "Ukrainian": "Міністр закордонних справ зустрівся з послом у Києві. Сторони обговорили "
                 "енергетичну безпеку та співпрацю між двома країнами, що є пріоритетом для "
                 "уряду, а також ситуацію в регіоні.",
    "Greek": "Ο Υπουργός Εξωτερικών συναντήθηκε με τον πρέσβη στην Αθήνα. Οι δύο πλευρές "
             "συζήτησαν την ενεργειακή ασφάλεια και τη συνεργασία μεταξύ των δύο χωρών.",
    "Arabic": "التقى وزير الخارجية بالسفير في القاهرة. وناقش الجانبان أمن الطاقة والتعاون بين "
              "البلدين، وهو أولوية بالنسبة للحكومة.",
    "Persian": "وزیر امور خارجه با سفیر در تهران دیدار کرد. دو طرف درباره امنیت انرژی و همکاری "
               "میان دو کشور گفتگو کردند که برای دولت یک اولویت است.",
    "Hebrew": "שר החוץ נפגש עם השגריר בירושלים. הצדדים דנו בביטחון האנרגטי ובשיתוף הפעולה בין "
              "שתי המדינות, שהוא בעדיפות עליונה לממשלה.",
    "Chinese": "外交部长在北京会见了大使。双方讨论了能源安全以及两国之间的合作，"
               "这是政府的优先事项。双方同意继续保持沟通，加强在各个领域的交流与合作，推动两国关系不断向前发展。",
    "Japanese": "外務大臣は東京で大使と会談しました。双方はエネルギー安全保障と"
                "両国間の協力について話し合い、これが政府にとって優先事項であることを確認しました。",
    "Korean": "외교부 장관은 서울에서 대사를 만났다. 양측은 에너지 안보와 양국 간 협력에 대해 "
              "논의했으며, 이는 정부의 우선 과제라는 점을 확인했다.",
    "Hindi": "विदेश मंत्री ने नई दिल्ली में राजदूत से मुलाकात की। दोनों पक्षों ने ऊर्जा सुरक्षा और "
             "दोनों देशों के बीच सहयोग पर चर्चा की, जो सरकार की प्राथमिकता है।",
}


# --------------------------------------------------------------------------- no false positives


@pytest.mark.parametrize("path", ENGLISH_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_english_readout_passes(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert detect_foreign_language(text) is None
    check_english(text, path.name)


def test_english_readouts_are_far_from_the_threshold() -> None:
    """Measured margin: in every corpus file, the best foreign stopword share is under a tenth
    of the English one (a text is refused only above twice the English share)."""
    assert len(ENGLISH_FILES) >= 37
    for path in ENGLISH_FILES:
        words = [w.lower() for w in WORD.findall(path.read_text(encoding="utf-8"))]
        english = sum(w in STOPWORDS["English"] for w in words) / len(words)
        foreign = max(sum(w in STOPWORDS[lang] for w in words) / len(words)
                      for lang in STOPWORDS if lang != "English")
        assert english > 0.25, path.name
        assert foreign < 0.1 * english, path.name


@pytest.mark.parametrize("text", [
    # Too short to judge.
    "Gespräch über die Lage.",
    "Réunion des ministres à Paris.",
    "外務大臣は会談した。",
    # English quoting another language.
    "The minister opened with the words “Wir schaffen das, und wir werden es gemeinsam "
    "schaffen” before the delegations discussed energy security, the situation in the region "
    "and the next round of talks, which will be held in Berlin in the autumn.",
    # A bilingual statement: English and French in equal measure.
    "The two ministers met in Ottawa and discussed the security of energy supplies.\n\n"
    "Les deux ministres se sont rencontrés à Ottawa et ont discuté de la sécurité des "
    "approvisionnements en énergie.",
    # Names in other scripts inside English.
    "Secretary Blinken met Foreign Minister Kuleba (Дмитро Кулеба) in Kyiv. They discussed "
    "energy security and the reconstruction of damaged infrastructure across the country.",
])
def test_what_is_not_refused(text: str) -> None:
    assert detect_foreign_language(text) is None


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(("fixture", "language"), [
    ("readout_de.txt", "German"), ("readout_fr.txt", "French"), ("readout_es.txt", "Spanish"),
])
def test_foreign_readouts_are_refused_by_name(fixture: str, language: str) -> None:
    path = INPUTS / fixture
    with pytest.raises(NotEnglishError) as info:
        ingest(str(path))
    assert str(info.value) == (f"'{path}' looks like {language}, not English; briefgen reads "
                               "English only for now; give an English text or translation")
    assert info.value.exit_code == 10


@pytest.mark.parametrize(("language", "text"), sorted(FOREIGN.items()))
def test_languages_are_named(language: str, text: str) -> None:
    assert detect_foreign_language(text) == language


def test_the_check_runs_on_decoded_text(tmp_path: Path) -> None:
    german = (INPUTS / "readout_de.txt").read_text(encoding="utf-8")
    for encoding in ("utf-16", "cp1252"):
        path = tmp_path / f"de-{encoding}.txt"
        path.write_bytes(german.encode(encoding))
        with pytest.raises(NotEnglishError, match="looks like German"):
            ingest(str(path))


def test_the_check_runs_on_the_text_of_a_web_page(tmp_path: Path) -> None:
    paragraphs = (INPUTS / "readout_fr.txt").read_text(encoding="utf-8").split("\n\n")
    page = ("<html lang='fr'><head><title>Entretien</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(NotEnglishError, match="looks like French"):
        ingest(str(path))


def test_the_check_can_be_turned_off() -> None:
    source = ingest(str(INPUTS / "readout_es.txt"), check_language=False)
    assert source.text.startswith("Conversación entre Estados Unidos")
