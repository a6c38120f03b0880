"""Tell whether a text is English, cheaply and offline (script shares and stopword ratios)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from briefgen.errors import NotEnglishError

#: Texts with fewer letters or words than this are too short to judge: they pass.
MIN_LETTERS = 60
MIN_WORDS = 15
#: Scripts whose one character says as much as a few Latin letters, and how many.
DENSE_SCRIPTS = {"CJK": 3, "HANGUL": 3, "HIRAGANA": 2, "KATAKANA": 2}
#: A language wins over English when its stopwords are at least this share of all words and
#: more than FOREIGN_OVER_ENGLISH times English's share (bilingual documents pass).
MIN_FOREIGN_RATIO = 0.12
FOREIGN_OVER_ENGLISH = 2.0
#: Enough characters to judge a document; more only costs time.
SAMPLE_CHARS = 60_000

WORD = re.compile(r"[^\W\d_]+")

# The most frequent function words of each language, less those that are also common English
# words ("a", "in", "on", "was", "die", "also"...), so an English text scores near zero on them.
STOPWORDS: dict[str, frozenset[str]] = {
    "English": frozenset(
        "the of and to a in is that for on with as was by at it be are this from or an have "
        "has had not but which their they its were been will would also he she his her we our "
        "who said met discussed both two during about after other more than into".split()),
    "German": frozenset(
        "der die das und ist nicht sich mit dem den des auf für eine ein einer eines einem "
        "einen zu von im ich sie wir ihr auch zum zur bei nach über wie wird werden wurde "
        "wurden oder aber sowie sind haben hat hatte dass durch gegen vom beiden unter zwischen "
        "heute außerdem bereits noch sehr mehr".split()),
    "French": frozenset(
        "le la les et des du de un une est dans pour que qui sur au aux avec par ce cette ces "
        "sont ont été être il elle ils nous vous leur leurs mais ou où pas aussi entre lors "
        "dont ainsi deux sa ses qu l d".split()),
    "Spanish": frozenset(
        "el la los las y del de que en un una es por con para se su sus lo como más pero fue "
        "han ha este esta estos entre sobre también ambos dos desde hasta durante según muy "
        "ya le les".split()),
    "Italian": frozenset(
        "il lo la gli le e di del della dei delle che un una è per con sono non si al alla "
        "nel nella anche ha hanno tra fra questo questa più dal dalla sul sulla ma ed dell "
        "l".split()),
    "Portuguese": frozenset(
        "o os da das dos e de que em um uma é para com não se por mais na nas nos ao aos foi "
        "como mas também entre sobre seu sua seus suas ambos dois pelo pela".split()),
    "Dutch": frozenset(
        "de het een en van te dat die niet zijn op voor met er aan ook als bij naar om werd "
        "wordt worden maar nog zich tussen heeft hebben onder beide twee deze dit uit".split()),
    "Polish": frozenset(
        "w z na się nie że jest o oraz jak po przez dla od jego jej są był była było także "
        "również między obu dwa ze który która które tym tego".split()),
    "Turkish": frozenset(
        "ve bir bu da de ile için olarak olan gibi daha çok ama iki arasında ayrıca sonra "
        "kadar ise değil tarafından".split()),
    "Indonesian": frozenset(
        "yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga adalah oleh "
        "atau telah sebagai kedua antara mereka kami bahwa".split()),
    "Russian": frozenset(
        "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по "
        "только ее мне было вот от меня еще нет о из ему также между для при это этом был "
        "были была".split()),
    "Ukrainian": frozenset(
        "і й та в у на з із що не до як це від для за про його її також між був була були "
        "було є щодо під час".split()),
    "Bulgarian": frozenset(
        "и в на не да се от за че с е са по като към това той тя те беше бяха също между "
        "при".split()),
}
LATIN_LANGUAGES = ("German", "French", "Spanish", "Italian", "Portuguese", "Dutch", "Polish",
                   "Turkish", "Indonesian")
CYRILLIC_LANGUAGES = ("Russian", "Ukrainian", "Bulgarian")

#: Scripts that are each, in practice, one language.
SCRIPT_LANGUAGE = {"GREEK": "Greek", "HEBREW": "Hebrew", "HANGUL": "Korean", "THAI": "Thai",
                   "DEVANAGARI": "Hindi", "ARMENIAN": "Armenian", "GEORGIAN": "Georgian",
                   "BENGALI": "Bengali", "TAMIL": "Tamil", "ETHIOPIC": "Amharic",
                   "KHMER": "Khmer", "LAO": "Lao", "MYANMAR": "Burmese", "SINHALA": "Sinhala"}
ASCII_LETTERS = re.compile("[A-Za-z]+")
NON_ASCII = re.compile("[^\x00-\x7f]")
PERSIAN_LETTERS = frozenset("پچژگی")
URDU_LETTERS = frozenset("ٹڈڑںےھ")


def check_english(text: str, name: str) -> None:
    """Refuse a text that is clearly in another language.

    Raises:
        NotEnglishError: the text looks like another language (named when it can be told).
    """
    language = detect_foreign_language(text)
    if language is not None:
        raise NotEnglishError(f"'{name}' looks like {language}, not English; briefgen reads "
                              "English only for now; give an English text or translation")


def detect_foreign_language(text: str) -> str | None:
    """Name the language of ``text`` when it is clearly not English, else return None.

    Short texts, English texts and texts that mix English with another language in similar
    measure (bilingual statements) all return None: only a confident "not English" counts.
    """
    sample = text[:SAMPLE_CHARS]
    # ASCII letters are Latin: counted in one pass, only the other letters one by one.
    scripts = Counter(script_of(c) for c in NON_ASCII.findall(sample) if c.isalpha())
    scripts["LATIN"] += len(sample) - len(ASCII_LETTERS.sub("", sample))
    letters = sum(scripts.values())
    if sum(n * DENSE_SCRIPTS.get(s, 1) for s, n in scripts.items()) < MIN_LETTERS:
        return None
    if scripts["LATIN"] >= letters / 2:
        return _language_by_stopwords(sample, LATIN_LANGUAGES)
    kana = scripts.pop("HIRAGANA", 0) + scripts.pop("KATAKANA", 0)
    if kana:
        scripts["CJK"] += kana
    del scripts["LATIN"]
    script = scripts.most_common(1)[0][0]
    if script == "CJK":
        return "Japanese" if kana > scripts["CJK"] / 10 else "Chinese"
    if script == "CYRILLIC":
        return _language_by_stopwords(sample, CYRILLIC_LANGUAGES, minimum=0.0) or \
            "a language in Cyrillic script"
    if script == "ARABIC":
        chars = set(sample)
        if chars & URDU_LETTERS:
            return "Urdu"
        return "Persian" if chars & PERSIAN_LETTERS else "Arabic"
    return SCRIPT_LANGUAGE.get(script, f"a language in {script.title()} script")


def _language_by_stopwords(sample: str, candidates: tuple[str, ...],
                           minimum: float = MIN_FOREIGN_RATIO) -> str | None:
    words = [w.lower() for w in WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    english = _ratio(words, STOPWORDS["English"])
    ratios = {lang: _ratio(words, STOPWORDS[lang]) for lang in candidates}
    best = max(ratios, key=ratios.__getitem__)
    if ratios[best] > 0 and ratios[best] >= minimum and \
            ratios[best] > FOREIGN_OVER_ENGLISH * english:
        return best
    return None


def _ratio(words: list[str], stopwords: frozenset[str]) -> float:
    return sum(w in stopwords for w in words) / len(words)


def script_of(char: str) -> str:
    """Return the Unicode script of a letter as the first word of its name (LATIN, CJK...)."""
    if char < "\u0250":
        return "LATIN"
    name = unicodedata.name(char, "")
    if name.startswith(("CJK ", "KANGXI")):
        return "CJK"
    return name.split(" ", 1)[0] if name else "UNKNOWN"
