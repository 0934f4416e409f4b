"""The check speaks to editors in their language, as a French desk meets it: a briefing
written in French gets its problems in French, from the editors' catalogues
(`generator/core/editor/`); `--editor-language` (or `EDITOR_LANGUAGE`) chooses another;
a language without a catalogue gets English. The catalogues are strict: the same keys,
in the same order, with the same placeholders, and every key is used."""

from __future__ import annotations

import re
import shutil

import pytest
from test_bad_inputs import CASE_PARAMS, broken_copy, main_in_process

from conftest import ROOT, edit
from generator.core.editor import EDITOR_CATALOGUES, editor_catalogue, editor_languages
from generator.core.errors import ContentError
from generator.core.settings import Settings
from generator.pipeline import checked_content

FRENCH = ROOT / "tests" / "briefings" / "french"


@pytest.fixture
def french_with_mistakes(tmp_path):
    """The French briefing with a misspelt field and a wrong fare."""
    content = tmp_path / "contenu"
    shutil.copytree(FRENCH, content)
    field_line = edit(content / "tarifs.yml", '  covers: "Un trajet sur le réseau Valmobus"', '  covert: "Un trajet sur le réseau Valmobus"')
    fare_line = edit(content / "tarifs.yml", "before: {value: 45, unit: euros}", "before: {value: 46, unit: euros}")
    return content, field_line, fare_line


def check(content, *options: str):
    return main_in_process(["--content", str(content), "--archive", str(content / "archive"), *options, "check"])


def test_a_french_briefing_gets_its_problems_in_french(french_with_mistakes):
    content, field_line, fare_line = french_with_mistakes
    result = check(content)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "remarque, pas un problème" not in line]
    assert lines == [
        f"{content}/tarifs.yml:{field_line}:3: tarifs[ticket-unite].covert: champ inconnu `covert`\u202f; vouliez-vous dire «\u00a0covers\u00a0»\u202f?",
        f"{content}/tarifs.yml:{fare_line}:11: tarifs[abonnement-mensuel].before: chiffre «\u00a046\u202f€\u00a0» introuvable dans courrier, hebdo, que ce fait cite\u202f; vérifiez le nombre",
        "2 problèmes dans le contenu\u202f; corrigez-les et vérifiez à nouveau.",
    ]


@pytest.mark.parametrize("how", ["option", "environment"])
def test_the_editor_may_ask_for_another_language(french_with_mistakes, how, monkeypatch):
    content, field_line, fare_line = french_with_mistakes
    if how == "option":
        result = check(content, "--editor-language", "en")
    else:
        monkeypatch.setenv("EDITOR_LANGUAGE", "en")
        result = check(content)
    assert result.stderr.splitlines()[-3:] == [
        f"{content}/tarifs.yml:{field_line}:3: tarifs[ticket-unite].covert: unknown field `covert`; did you mean 'covers'?",
        f"{content}/tarifs.yml:{fare_line}:11: tarifs[abonnement-mensuel].before: figure '46\u202f€' not found in courrier, hebdo, which this fact cites; check the number",
        "2 problems in the content; fix them and check again.",
    ]


def test_a_language_without_a_catalogue_gets_english(french_with_mistakes):
    content, _, _ = french_with_mistakes
    result = check(content, "--editor-language", "sw")
    assert result.stderr.splitlines()[-1] == "2 problems in the content; fix them and check again."


def test_every_catalogue_has_the_english_keys_in_order_with_the_same_placeholders():
    english = editor_catalogue("en")
    assert "fr" in editor_languages()
    for language in editor_languages():
        words = editor_catalogue(language)
        assert list(words) == list(english), language
        for key, text in words.items():
            assert sorted(re.findall(r"\{(\w+)\}", text)) == sorted(re.findall(r"\{(\w+)\}", english[key])), (language, key)


def test_every_key_of_the_editors_catalogue_is_used_and_every_key_used_is_in_it():
    code = "\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "generator").rglob("*.py")))
    quoted = set(re.findall(r"""["'](\w+)["']""", code))
    counted = {key for key in editor_catalogue("en") if re.sub(r"_(one|two|few|many|other)$", "", key) in quoted}  # say_count's nouns
    used = set(re.findall(r"""\bsay\(\s*["'](\w+)["']""", code)) | quoted & set(editor_catalogue("en")) | counted
    named = set(re.findall(r"""\bsay\(\s*["'](\w+)["']""", code))
    assert sorted(named - set(editor_catalogue("en"))) == [], "keys the code says that the catalogue lacks"
    assert sorted(set(editor_catalogue("en")) - used) == [], f"keys no code uses: delete them from every catalogue in {EDITOR_CATALOGUES}"


# --- every problem the corpus of mistakes causes is said in French too -----------------


def _said(case, tmp_path, language: str) -> list[str]:
    content = broken_copy(case, tmp_path / language)
    try:
        checked_content(Settings(content_dir=content, archive_dir=content / "archive" if case.archive else None, site_url=None, editor_language=language))
    except ContentError as error:
        where = (content / case.expect_file, case.line, case.column, case.field)
        return [problem.message for problem in error.problems if (problem.file, problem.line, problem.column, problem.field) == where]
    return []


@pytest.mark.parametrize("case", CASE_PARAMS)
def test_every_mistake_of_the_corpus_is_said_in_french_too(case, tmp_path):
    english, french = _said(case, tmp_path, "en"), _said(case, tmp_path, "fr")
    assert english and french, "the case's problem is not reported"
    untranslated = [message for message in french if message in english]
    assert not untranslated, f"said in English to a French editor: {untranslated}"


def test_a_briefing_too_broken_to_say_its_language_is_reported_in_the_editors_locale(french_with_mistakes, monkeypatch):
    content, _, _ = french_with_mistakes
    (content / "briefing.yml").write_text("", encoding="utf-8")
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("EDITOR_LANGUAGE", raising=False)
    result = check(content)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == "1 problème dans le contenu\u202f; corrigez-le et vérifiez à nouveau.", result.stderr
