"""Benchmark and measured accuracy of the language stage (intel/language). Prints JSON.

Run with `.venv/bin/python bench/bench_language.py [path/to/job_ads.jsonl]`. The corpus is the
dev job ads in ../shared/eval/dev (read here, never copied into the repository). Measures:

* tokens/s with a cold word cache (dictionaries loaded, cache empty) and with a warm cache;
* raw libvoikko analyses/s on the same tokens, for scale;
* language detection against the ads' `language` field;
* on WORD_FORMS below (job-ad word forms with the lemma and compound split a Finnish reader
  expects): how many get the right best lemma, the right lemma among the candidates, and the
  right compound parts.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from jatkumo.intel.language import Analyser, tokenise
from jatkumo.intel.language.analyser import create_voikko

DEFAULT_ADS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "job_ads.jsonl"
WARM_ROUNDS = 5

# (word form, acceptable lemmas, acceptable compound splits separated by "|", parts by "+").
WORD_FORMS = [
    ("hitsauskoulutusta", "hitsauskoulutus", "hitsaus+koulutus"),
    ("hitsaajaa", "hitsaaja", "hitsaaja"),
    ("lähihoitajia", "lähihoitaja", "lähi+hoitaja"),
    ("sähköasentajan", "sähköasentaja", "sähkö+asentaja"),
    ("trukkikorttia", "trukkikortti", "trukki+kortti"),
    ("tulityökortin", "tulityökortti", "tuli+työ+kortti"),
    ("hygieniapassin", "hygieniapassi", "hygienia+passi"),
    (
        "ammattikorkeakoulututkinnon",
        "ammattikorkeakoulututkinto",
        "ammatti+korkea+koulu+tutkinto|ammattikorkeakoulu+tutkinto",
    ),
    ("työterveyshuoltoa", "työterveyshuolto", "työ+terveys+huolto|työterveys+huolto"),
    ("asiakaspalvelutehtäviin", "asiakaspalvelutehtävä", "asiakas+palvelu+tehtävä"),
    ("CNC-koneistajaa", "cnc-koneistaja", "cnc+koneistaja"),
    ("PLC-ohjelmointia", "plc-ohjelmointi", "plc+ohjelmointi"),
    ("C/CE-kortin", "c/ce-kortti", "c/ce+kortti"),
    ("B-ajokortti", "b-ajokortti", "b+ajo+kortti|b+ajokortti"),
    ("IT-tukihenkilöksi", "it-tukihenkilö", "it+tuki+henkilö"),
    ("LVI-asentajaa", "lvi-asentaja", "lvi+asentaja"),
    ("ICT-alalla", "ict-ala", "ict+ala"),
    ("logistiikka-alan", "logistiikka-ala", "logistiikka+ala"),
    ("siivoojia", "siivooja", "siivooja"),
    ("kokoaikatyö", "kokoaikatyö", "koko+aika+työ|kokoaika+työ"),
    ("vuorotyötä", "vuorotyö", "vuoro+työ"),
    ("esihenkilötyöstä", "esihenkilötyö", "esi+henkilö+työ|esihenkilö+työ"),
    ("sairaanhoitajaksi", "sairaanhoitaja", "sairaan+hoitaja"),
    ("koneenasentajan", "koneenasentaja", "koneen+asentaja"),
    ("rakennustyömaalla", "rakennustyömaa", "rakennus+työ+maa|rakennus+työmaa"),
    ("varastotyöntekijöitä", "varastotyöntekijä", "varasto+työntekijä|varasto+työn+tekijä"),
    (
        "kunnossapitoasentaja",
        "kunnossapitoasentaja",
        "kunnossapito+asentaja|kunnossa+pito+asentaja",
    ),
    ("metsäkoneteollisuudelle", "metsäkoneteollisuus", "metsä+kone+teollisuus"),
    ("ruokapalvelualalla", "ruokapalveluala", "ruoka+palvelu+ala"),
    ("ohjelmistokehittäjää", "ohjelmistokehittäjä", "ohjelmisto+kehittäjä"),
    ("kiinteistönhoitajan", "kiinteistönhoitaja", "kiinteistön+hoitaja"),
    ("lääkeluvat", "lääkelupa", "lääke+lupa"),
    ("laitoshuoltajaksi", "laitoshuoltaja", "laitos+huoltaja"),
    ("myyntineuvottelijan", "myyntineuvottelija", "myynti+neuvottelija"),
    ("autonasentajaa", "autonasentaja", "auton+asentaja"),
    ("putkiasentajia", "putkiasentaja", "putki+asentaja"),
    ("kirvesmiehiä", "kirvesmies", "kirves+mies"),
    ("työturvallisuuskorttia", "työturvallisuuskortti", "työ+turvallisuus+kortti"),
    ("hitsausohjeiden", "hitsausohje", "hitsaus+ohje"),
    ("konepiirustuksia", "konepiirustus", "kone+piirustus"),
    ("kuljetusalan", "kuljetusala", "kuljetus+ala"),
    ("rekkakuskiksi", "rekkakuski", "rekka+kuski"),
    ("tuotantopäällikkö", "tuotantopäällikkö", "tuotanto+päällikkö"),
    ("varhaiskasvatuksen", "varhaiskasvatus", "varhais+kasvatus"),
    ("vuorolisineen", "vuorolisä", "vuoro+lisä"),
    ("sähkötöihin", "sähkötyö", "sähkö+työ"),
    ("siivousalalle", "siivousala", "siivous+ala"),
    ("hitsaustyöt", "hitsaustyö", "hitsaus+työ"),
    ("hoitotyön", "hoitotyö", "hoito+työ"),
    ("kotihoidossa", "kotihoito", "koti+hoito"),
    ("asiakaspalvelijaksi", "asiakaspalvelija", "asiakas+palvelija"),
    ("talotekniikan", "talotekniikka", "talo+tekniikka"),
    ("työnjohtajaksi", "työnjohtaja", "työn+johtaja"),
    ("osaamista", "osaaminen", "osaaminen"),
    ("johtamiseen", "johtaminen", "johtaminen"),
    ("perehdytämme", "perehdyttää", "perehdyttää"),
    ("hitsattuja", "hitsattu|hitsata", "hitsattu|hitsata"),
    ("koneistajan", "koneistaja", "koneistaja"),
    ("tiimiimme", "tiimi", "tiimi"),
    ("tarttis", "tarvita", "tarvita"),
    ("kaks", "kaksi", "kaksi"),
    ("pitäis", "pitää", "pitää"),
    ("hitsata", "hitsata", "hitsata"),
    ("sä", "sinä", "sinä"),
    ("tehny", "tehdä", "tehdä"),
    ("kuusi", "kuusi", "kuusi"),
    ("Tampereella", "tampere", "tampere"),
]


def _load_texts(path: Path) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [(f"{row['title']}\n{row['text']}", row.get("language", "fi")) for row in rows]


def _throughput(texts: list[str]) -> dict[str, float | int]:
    analyser = Analyser()
    start = time.perf_counter()
    analyser.analyse_word("hitsaaja")  # loads Voikko
    load_seconds = time.perf_counter() - start
    analyser.clear_cache()
    token_count = sum(len(tokenise(text)) for text in texts)
    start = time.perf_counter()
    for text in texts:
        analyser.analyse(text, "fi")
    cold = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(WARM_ROUNDS):
        for text in texts:
            analyser.analyse(text, "fi")
    warm = (time.perf_counter() - start) / WARM_ROUNDS
    voikko = create_voikko()
    words = [span.key for text in texts for span in tokenise(text)]
    start = time.perf_counter()
    for word in words:
        voikko.analyze(word)
    raw = time.perf_counter() - start
    return {
        "tokens": token_count,
        "word_types": analyser.cache_info().currsize,
        "voikko_load_seconds": round(load_seconds, 3),
        "tokens_per_second_cold_cache": round(token_count / cold),
        "tokens_per_second_warm_cache": round(token_count / warm),
        "raw_libvoikko_analyses_per_second": round(len(words) / raw),
    }


def _word_form_accuracy() -> dict[str, object]:
    analyser = Analyser()
    best = anywhere = parts_right = 0
    misses = []
    for form, lemmas, splits in WORD_FORMS:
        readings = analyser.analyse_word(form)
        expected_lemmas = set(lemmas.split("|"))
        expected_splits = {tuple(split.split("+")) for split in splits.split("|")}
        best_right = readings[0].lemma in expected_lemmas
        best += best_right
        anywhere += any(reading.lemma in expected_lemmas for reading in readings)
        split_right = readings[0].parts in expected_splits
        parts_right += split_right
        if not (best_right and split_right):
            got = [f"{r.lemma} ({'+'.join(r.parts)})" for r in readings]
            misses.append({"form": form, "expected": lemmas, "got": got})
    total = len(WORD_FORMS)
    return {
        "word_forms": total,
        "best_lemma_right": f"{best}/{total}",
        "lemma_among_candidates": f"{anywhere}/{total}",
        "compound_parts_right": f"{parts_right}/{total}",
        "misses": misses,
    }


def _detection(texts: list[tuple[str, str]]) -> dict[str, object]:
    analyser = Analyser()
    right = sum(analyser.detect(text).language == language for text, language in texts)
    return {"ads": len(texts), "language_right": f"{right}/{len(texts)}"}


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ADS
    ads = _load_texts(path)
    finnish = [text for text, language in ads if language == "fi"]
    report = {
        "corpus": {"file": str(path), "finnish_ads": len(finnish)},
        "throughput_finnish_ads": _throughput(finnish),
        "language_detection": _detection(ads),
        "word_forms": _word_form_accuracy(),
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
