"""The message catalogue is complete: every key in both languages, the same placeholders."""

import pytest

from optimize.messages import (
    LANGS,
    MessageKeyError,
    catalogue,
    default_lang,
    placeholders,
    say,
)


def test_every_key_has_every_language_with_the_same_placeholders() -> None:
    problems = []
    for key, texts in catalogue().items():
        missing = [lang for lang in LANGS if not texts.get(lang, "").strip()]
        if missing:
            problems.append(f"{key}: no {', '.join(missing)} text")
            continue
        fields = {lang: placeholders(texts[lang]) for lang in LANGS}
        if len(set(fields.values())) > 1:
            problems.append(f"{key}: placeholders differ {fields}")
    assert not problems, "\n".join(problems)


def test_chinese_texts_are_chinese() -> None:
    """A zh text left in English is the commonest translation slip."""
    english_only = [
        key
        for key, texts in catalogue().items()
        if not any("\u4e00" <= char <= "\u9fff" for char in texts["zh"])
        and any(char.isalpha() for char in texts["zh"])
        and texts["zh"] == texts["en"]
    ]
    assert not english_only


def test_say_fills_placeholders_and_refuses_unknown_keys() -> None:
    assert say("common.amount_unit", "zh") == "亿元"
    with pytest.raises(MessageKeyError):
        say("common.no_such_key", "en")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "C"}, "zh"),
        ({}, "en"),
    ],
)
def test_default_lang_reads_the_locale_like_gettext(environ: dict[str, str], expected: str) -> None:
    assert default_lang(environ) == expected
