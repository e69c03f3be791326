"""Refresh the window's translations with Qt's own tools (the lupdate and lrelease that PySide6 ships).

    python tools/update_translations.py           # after changing texts in app/: update the .ts, compile the .qm
    python tools/update_translations.py --check   # change nothing; exit 1 if a .ts or .qm is out of date

lupdate collects every ``tr()`` / ``QCoreApplication.translate()`` text of ``app/`` into
``resources/translations/digitpad_<language>.ts`` for each language of ``digitpad.app.common.language``
(a new language there gets a new file); texts no longer in the code are dropped.  Translate what
is new (marked unfinished) in Qt Linguist (``pyside6-linguist``) or any editor, then run this again:
lrelease compiles each ``.ts`` into the ``.qm`` that ships in the package.  English is the source
language: its file holds only the plural forms ("%n drawing(s)" → "1 drawing", "2 drawings").
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"


def qt_tool(name: str) -> Path:
    """Qt's ``lupdate`` or ``lrelease`` as PySide6 ships it (what ``pyside6-lupdate`` runs)."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"PySide6 has no {name} here ({folder}); install PySide6 with its tools")


def languages() -> tuple[str, list[str]]:
    """The source language and every language the window offers."""
    from digitpad.app.common.language import LANGUAGES, SOURCE_LANGUAGE

    return SOURCE_LANGUAGE, list(LANGUAGES)


def sources() -> list[Path]:
    return sorted((ROOT / "app").rglob("*.py"))


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"digitpad_{language}.ts"


def qm_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"digitpad_{language}.qm"


def update_ts(ts: Path, language: str, source_language: str) -> None:
    """Bring ``ts`` in line with the code: new texts added (unfinished), texts no longer used dropped.
    No source locations: they would change with every edit of the code and make every merge conflict."""
    command = [str(qt_tool("lupdate")), "-silent", "-no-obsolete", "-locations", "none",
               "-source-language", source_language, "-target-language", language,
               *[str(path) for path in sources()], "-ts", str(ts)]
    if language == source_language:
        command.insert(1, "-pluralonly")
    subprocess.run(command, check=True)


def release(ts: Path, qm: Path) -> None:
    subprocess.run([str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path) -> dict[tuple[str, str, str], ElementTree.Element]:
    """The messages of a .ts file by (context, source text, disambiguation)."""
    found = {}
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""), message.findtext("comment", ""))] = message
    return found


def unfinished(ts: Path) -> list[tuple[str, str, str]]:
    """Messages not (or no longer) translated: marked unfinished, vanished or obsolete, or empty."""
    missing = []
    for key, message in messages(ts).items():
        translation = message.find("translation")
        forms = translation.findall("numerusform") if message.get("numerus") == "yes" else [translation]
        if translation.get("type") is not None or not all((form.text or "").strip() for form in forms):
            missing.append(key)
    return missing


def texts_of_the_code(language: str, source_language: str) -> dict[tuple[str, str, str], ElementTree.Element]:
    """The messages lupdate finds in the code now (for ``language``: all of them, or the plural ones)."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "fresh.ts"
        update_ts(fresh, language, source_language)
        return messages(fresh)


def mismatched_qm(qm: Path, ts: Path) -> list[tuple[str, str, str]]:
    """Messages whose translation in the compiled ``qm`` is not the one in ``ts``.  Compared by what
    Qt reads from the file, not byte by byte: another Qt's lrelease may lay the same file out differently."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not translator.load(str(qm)):
        return list(messages(ts))
    wrong = []
    for (context, source, comment), message in messages(ts).items():
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in translation.findall("numerusform")]
            counts = {1: forms[0], 2: forms[-1]} if len(forms) > 1 else {2: forms[0]}
            if any(translator.translate(context, source, comment or None, n) != text for n, text in counts.items()):
                wrong.append((context, source, comment))
        elif translator.translate(context, source, comment or None) != (translation.text or ""):
            wrong.append((context, source, comment))
    return wrong


def stale_files(language: str, source_language: str) -> list[str]:
    """What is out of date for ``language``, in words; nothing is written to the repository."""
    ts, qm = ts_path(language), qm_path(language)
    if not ts.exists():
        return [f"{ts.name} does not exist"]
    in_code, in_file = set(texts_of_the_code(language, source_language)), set(messages(ts))
    problems = [f"{ts.name} lacks a text of the code: [{context}] {source!r}"
                for context, source, _ in sorted(in_code - in_file)]
    problems += [f"{ts.name} has a text no longer in the code: [{context}] {source!r}"
                 for context, source, _ in sorted(in_file - in_code)]
    problems += [f"{qm.name} is out of date with {ts.name}: [{context}] {source!r}"
                 for context, source, _ in mismatched_qm(qm, ts)]
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything is out of date")
    args = parser.parse_args()
    source_language, all_languages = languages()
    problems = []
    for language in all_languages:
        if args.check:
            problems += stale_files(language, source_language)
        else:
            TRANSLATIONS.mkdir(parents=True, exist_ok=True)
            update_ts(ts_path(language), language, source_language)
            release(ts_path(language), qm_path(language))
        if ts_path(language).exists():
            problems += [f"{ts_path(language).name}: to translate: [{context}] {source!r}"
                         for context, source, _ in unfinished(ts_path(language))]
    for problem in problems:
        print(problem)
    if problems and args.check:
        print("run: python tools/update_translations.py, then translate what is marked unfinished")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
