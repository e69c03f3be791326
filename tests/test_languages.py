"""Issue 17: the window in Korean (or English), following the system or chosen in View > Language.

The translation files must match the code (tools/update_translations.py refreshes them), a window
started in a Korean session must read as Korean, and switching the language must change what the
window shows at once, both ways.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from digitpad.app.common import language
from digitpad.app.window.automation import draw, visible_texts, wait_until
from drawings import seven

ROOT = Path(__file__).resolve().parent.parent
KOREAN_SESSION = {"LANG": "ko_KR.UTF-8", "LC_ALL": "ko_KR.UTF-8", "LANGUAGE": "ko"}

# What Korean interfaces keep in Latin script: layer names, data sets, optimizers, devices,
# libraries, file formats and names, units, keys.  A text made only of these is left out of the
# share; a text that also has Hangul is Korean.
LATIN_NAMES = re.compile(
    r"\b(conv\d|pool\d|dense|probabilities|MNIST|Adam|RMSprop|SGD|ReLU|CPU|GPU|TensorFlow( Lite)?|Keras|"
    r"SavedModel|ONNX|DigitPad|JSON( lines)?|PNG|IDX|npz|jsonl|json|keras|tflite|onnx|png|mnist|pendigits-train|"
    r"px|GB|MB|Ctrl|Shift|Esc|adam|rmsprop|sgd|img/s)\b",
    re.IGNORECASE)
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture(autouse=True)
def english_afterwards():
    """Translators are the application's: leave English installed for the tests that follow."""
    yield
    if QApplication.instance() is not None:
        language.install(language.SOURCE_LANGUAGE)


def _tools():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def korean_share(texts: list[str]) -> tuple[float, list[str], list[str]]:
    """(share, Korean texts, texts still in Latin script), over the distinct texts that have words."""
    korean, latin = [], []
    for text in sorted(set(texts) - set(language.LANGUAGES.values())):  # each language named in itself
        if HANGUL.search(text):
            korean.append(text)
        elif LATIN.search(LATIN_NAMES.sub("", text)):
            latin.append(text)
    return len(korean) / max(1, len(korean) + len(latin)), korean, latin


# --- the translation files --------------------------------------------------------------------

@pytest.mark.parametrize("code", list(language.LANGUAGES))
def test_translation_files_hold_every_text_of_the_code(code):
    """Every text of the code is in the .ts, and nothing else is.  Fails after a text changes until
    tools/update_translations.py has run (and the new text is translated: the next test)."""
    tools = _tools()
    committed = tools.ts_path(code)
    in_code = set(tools.texts_of_the_code(code, language.SOURCE_LANGUAGE))
    in_file = set(tools.messages(committed))
    assert not in_code - in_file, f"texts of the code that {committed.name} lacks: {sorted(in_code - in_file)}"
    assert not in_file - in_code, f"texts of {committed.name} no longer in the code: {sorted(in_file - in_code)}"


def core_templates() -> dict[str, tuple[str, str]]:
    """Every template the core gives its ``Words`` and ``Problem``s, with the kind and where it is written."""
    found = {}
    for path in sorted((ROOT / "model").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        constants = {node.targets[0].id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
                     and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Constant)}
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and getattr(call.func, "id", None) in ("Words", "Problem") and call.args:
                first = call.args[0]
                choices = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
                for choice in choices:
                    template = choice.value if isinstance(choice, ast.Constant) else constants.get(
                        getattr(choice, "id", None))
                    if isinstance(template, str):
                        found[template] = (call.func.id, f"{path.relative_to(ROOT)}:{call.lineno}")
    return found


def test_every_template_of_the_core_is_listed_for_translation():
    """A reason the core words but the window's lists lack stays English inside a Korean sentence."""
    templates = core_templates()
    assert len(templates) > 100
    sources = {(context, source) for context, source, _ in _tools().messages(_tools().ts_path("ko"))}
    missing = [(template, where) for template, (kind, where) in templates.items() if template != "{text}" and not (
        ("DesignProblem", template) in sources if kind == "Problem" else
        ("FileProblem", template) in sources or ("DesignFormula", template) in sources)]
    assert missing == []


@pytest.mark.parametrize("code", list(language.LANGUAGES))
def test_the_shipped_qm_is_compiled_from_the_ts(code):
    """The .qm in the package gives every translation of its .ts (run tools/update_translations.py)."""
    tools = _tools()
    assert tools.mismatched_qm(tools.qm_path(code), tools.ts_path(code)) == []


@pytest.mark.parametrize("code", list(language.LANGUAGES))
def test_every_entry_is_translated(code):
    tools = _tools()
    assert tools.unfinished(tools.ts_path(code)) == []


@pytest.mark.parametrize("code", list(language.LANGUAGES))
def test_translations_keep_placeholders_plurals_and_markup(code):
    """A translation must keep the template's {names} (str.format would fail), its %n and its tags,
    and have at most one mnemonic."""
    tools = _tools()
    for (context, source, _), message in tools.messages(tools.ts_path(code)).items():
        translation = message.find("translation")
        forms = [form.text for form in translation.findall("numerusform")] or [translation.text]
        for text in forms:
            where = f"[{context}] {source!r} → {text!r}"
            fields = r"{\w+[!:]?[^{}]*}"  # with a conversion or format spec: {value!r}, {limit:,}
            assert set(re.findall(fields, text)) == set(re.findall(fields, source)), where
            assert re.findall(r"%L?n", text) == re.findall(r"%L?n", source), where
            assert re.findall(r"</?\w+", text) == re.findall(r"</?\w+", source), where
            assert text.replace("&&", "").count("&") == source.replace("&&", "").count("&") <= 1, where


def test_every_design_problem_and_formula_the_core_words_is_in_the_windows_list():
    """The core says a design's problems and its formulas' words in English (the CLI's words); the window finds
    each by its template."""
    import ast

    from digitpad.app.train import design_words
    from digitpad.model.network import design_formats, designs

    def template(argument) -> str | None:  # a text, a module constant, or a local chosen by an if-expression
        return argument.value if isinstance(argument, ast.Constant) else getattr(designs, argument.id, None)

    tree = ast.parse(Path(designs.__file__).read_text("utf-8"))
    files = ast.parse(Path(design_formats.__file__).read_text("utf-8"))  # why a design file cannot be read
    used = {template(node.args[0]) for node in [*ast.walk(tree), *ast.walk(files)]
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem" and node.args} - {None}
    used |= {node.value for node in ast.walk(tree) if isinstance(node, ast.IfExp)
             for node in (node.body, node.orelse) if isinstance(node, ast.Constant) and "{name}" in str(node.value)}
    assert len(used) >= 20 and used <= set(design_words.TEMPLATES), used - set(design_words.TEMPLATES)
    formulas = {template(node.args[0]) for node in ast.walk(tree)
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Words" and node.args}
    assert len(formulas) >= 3 and formulas <= set(design_words.FORMULAS), formulas - set(design_words.FORMULAS)


def test_every_reason_a_file_cannot_be_opened_is_in_the_windows_list():
    """The core words why a drawing, an image, a model or training data cannot be opened, why a model cannot be
    saved or exported, and why a training stopped; the window says each in its language."""
    import ast

    from digitpad.app.common import file_words

    modules = ("ink/images", "ink/preprocessing", "files/drawings", "files/model_archive", "files/datasets", "errors",
               "files/my_drawings",
               "training/keras_models", "training/export", "training/loop", "training/callbacks")  # read: Keras' side
    used = set()
    for module in modules:
        tree = ast.parse((ROOT / "model" / f"{module}.py").read_text("utf-8"))
        used |= {"".join(part.value for part in ast.walk(node.args[0]) if isinstance(part, ast.Constant))
                 for node in ast.walk(tree) if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Words"}
    assert len(used) >= 20 and used <= set(file_words.TEMPLATES), used - set(file_words.TEMPLATES)


def test_a_korean_window_says_why_a_file_cannot_be_opened_in_korean(ready_window, settings_file, tmp_path, qtbot):
    from digitpad.app.window.automation import open_and_wait

    QSettings(str(settings_file), QSettings.Format.IniFormat).setValue("language", "ko")
    window = ready_window()
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")  # what a scanner often writes
    assert not open_and_wait(window, scan)
    assert window.banner.text() == ("scan.pdf 파일을 열 수 없습니다: 이미지가 아니라 PDF입니다. "
                                    "스캔한 페이지를 PNG나 JPEG로 저장하세요")
    # What Python's readers and Pillow say, in Korean too ("'utf-8' codec can't decode byte 0xff…" was English).
    (tmp_path / "latin.json").write_bytes('{"strokes": []} é'.encode("latin-1"))
    (tmp_path / "cut.png").write_bytes((ROOT / "docs" / "images" / "unsure-views.png").read_bytes()[:400])
    (tmp_path / "broken.json").write_text('{"strokes": [[[1, 2]] [[3, 4]]]}', "utf-8")
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "notes.jpg").write_text("a shopping list", "utf-8")
    said = {}
    for name in ("latin.json", "cut.png", "broken.json", "empty.png", "notes.jpg"):
        assert not open_and_wait(window, tmp_path / name)
        said[name] = window.banner.text()
    assert said == {
        "latin.json": "latin.json 파일을 열 수 없습니다: 읽을 수 없습니다(UTF-8 텍스트가 아닙니다)",
        "cut.png": "cut.png 파일을 열 수 없습니다: 이미지가 손상되었거나 잘려 있습니다(파일이 중간에 끊겨 있습니다)",
        "broken.json": "broken.json 파일을 열 수 없습니다: 올바른 JSON이 아닙니다(23번째 칸: ',' 구분자가 있어야 "
                       "합니다)",
        "empty.png": "empty.png 파일을 열 수 없습니다: 빈 파일입니다",
        "notes.jpg": "notes.jpg 파일을 열 수 없습니다: 확장자는 .jpg이지만 이미지가 들어 있지 않습니다. 파일이 "
                     "손상되었거나 다른 종류의 파일의 이름만 바꾼 것입니다"}
    fake = tmp_path / "fake.keras"
    fake.write_bytes(b"not a zip archive")
    task = window.models.load(fake)  # a model file too: its reason in Korean, with its name, not its whole path
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    assert window.banner.text() == ("모델을 불러올 수 없습니다: fake.keras: "
                                    "Keras 모델 파일이 아닙니다(파일이 손상되었거나 잘렸습니다)")
    # A Keras model whose network the window cannot run: why, in Korean, with the file's name (it was English,
    # with the whole path).
    said = {}
    for name, change in (("lambda.keras", {"class_name": "Lambda"}),
                         ("oblong.keras", {"config": {"name": "conv1", "strides": [1, 2]}}),
                         ("dilated.keras", {"config": {"name": "conv1", "dilation_rate": [2, 2]}})):
        bundled_with(tmp_path / name, first_layer=change)
        loading = window.models.load(tmp_path / name)
        qtbot.waitUntil(lambda loading=loading: loading.done, timeout=30_000)
        said[name] = window.banner.text()
    assert said == {
        "lambda.keras": "모델을 불러올 수 없습니다: lambda.keras: 코드(Lambda 층)가 들어 있는데, DigitPad는 "
                        "이런 코드를 실행하지 않습니다",
        "oblong.keras": "모델을 불러올 수 없습니다: oblong.keras: conv1: 스트라이드 값([1, 2])이 정사각형이 아닙니다. "
                        "DigitPad는 정사각형만 실행합니다",
        "dilated.keras": "모델을 불러올 수 없습니다: dilated.keras: conv1: 팽창(dilated) 합성곱이나 "
                         "그룹(grouped) 합성곱은 DigitPad에서 실행되지 않습니다"}


def bundled_with(target: Path, first_layer: dict) -> None:
    """A copy of the bundled model whose first Conv2D's config has ``first_layer``'s changes merged in."""
    import zipfile

    with zipfile.ZipFile(ROOT / "resources" / "digitpad.keras") as source:
        members = {name: source.read(name) for name in source.namelist()}
    config = json.loads(members["config.json"])
    layer = config["config"]["layers"][1]
    layer.update({key: value for key, value in first_layer.items() if key != "config"})
    layer["config"].update(first_layer.get("config", {}))
    members["config.json"] = json.dumps(config).encode()
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)



def test_a_korean_window_says_why_a_drawing_or_training_data_is_malformed_in_korean(ready_window, settings_file,
                                                                                     tmp_path, qtbot):
    """A drawing whose strokes are not points, an MNIST whose headers are right but whose images are 27 pixels
    tall (found only when the worker reads it), and an export into a folder that is gone: each reason in Korean,
    with the file's name."""
    import numpy as np

    from digitpad.app.window.automation import open_and_wait

    QSettings(str(settings_file), QSettings.Format.IniFormat).setValue("language", "ko")
    window = ready_window()
    drawing = tmp_path / "mine.json"
    drawing.write_text('{"strokes": [[[10, 10], [20, "twenty"]]]}', "utf-8")
    assert not open_and_wait(window, drawing)
    assert window.banner.text() == "mine.json 파일을 열 수 없습니다: 1번째 획이 [x, y] 숫자 쌍의 목록이 아닙니다"
    rng = np.random.default_rng(0)
    np.savez(tmp_path / "short.npz", x_train=rng.integers(0, 256, (20, 27, 28), dtype=np.uint8),
             y_train=rng.integers(0, 10, 20, dtype=np.uint8), x_test=rng.integers(0, 256, (10, 28, 28), dtype=np.uint8),
             y_test=rng.integers(0, 10, 10, dtype=np.uint8))
    panel = window.train_panel
    panel.settings.mnist_path.setText(str(tmp_path / "short.npz"))
    panel.start_training()
    qtbot.waitUntil(lambda: panel.task.done, timeout=120_000)
    assert panel.phase_label.text() == ("학습 실패: short.npz: x_train의 모양이 (20, 27, 28)입니다. (n, 28, 28)이어야 "
                                        "합니다. 사용 중인 모델은 그대로입니다.")
    task = window.files.export_model("tflite", tmp_path / "gone" / "digits.tflite")  # Keras' side, in the worker
    qtbot.waitUntil(lambda: task.done, timeout=120_000)
    assert window.banner.text().endswith(": gone: 폴더가 없습니다")
    (tmp_path / "a folder.png").mkdir()  # what the system says is in Korean too: it was "Is a directory"
    draw(window.canvas, [[(70, 60), (210, 60), (150, 160), (120, 240)]])
    assert not window.files.save_drawing(tmp_path / "a folder.png")
    assert window.banner.text() == "a folder.png 파일을 저장할 수 없습니다: 폴더입니다"


def test_a_korean_window_says_why_a_training_stopped_in_korean(ready_window, settings_file, qtbot, mnist_path):
    """A learning rate too high for the data: the loss becomes NaN, and the worker's reason is the core's Words."""
    from faulty_worker import serve_with_poisoned_data

    QSettings(str(settings_file), QSettings.Format.IniFormat).setValue("language", "ko")
    window = ready_window(worker_target=serve_with_poisoned_data)
    panel = window.train_panel
    panel.settings.mnist_path.setText(str(mnist_path))
    panel.settings.mnist_limit_spin.setValue(1000)
    panel.start_training()
    qtbot.waitUntil(lambda: panel.task.done, timeout=120_000)
    said = panel.phase_label.text()
    assert re.fullmatch(r"학습 실패: 에포크 1의 배치 \d+에서 손실이 nan이\(가\) 되었습니다. 학습률을 낮추고 다시 "
                        r"학습하세요. 사용 중인 모델은 그대로입니다.", said), said
    runs = panel.runs_view  # the run is kept as failed, its reason in words: the record held NaN, not JSON's
    runs.stopped_check.setChecked(True)
    qtbot.waitUntil(lambda: any(run.status == "failed" for run in runs.model.runs), timeout=10_000)
    failed = next(run for run in runs.model.runs if run.status == "failed")
    tooltip = runs.model.index(runs.model.run_index(failed.id), 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "손실이 nan이(가) 되었습니다" in tooltip, tooltip
    window.set_language("en")  # worded again in the other language
    QApplication.processEvents()  # the LanguageChange Qt posted
    assert re.search(r"the loss became nan at epoch 1, batch \d+; lower the learning rate", panel.phase_label.text())


def test_a_korean_window_says_which_of_my_drawings_it_skipped_in_korean(ready_window, settings_file, tmp_path):
    from digitpad.model.files.my_drawings import MyDrawings

    kept = MyDrawings(tmp_path / "data")
    for digit in (1, 2):
        kept.append(seven(), digit)
    kept.path.write_bytes(kept.path.read_bytes()[:-25])  # a crash in the middle of the last write
    QSettings(str(settings_file), QSettings.Format.IniFormat).setValue("language", "ko")
    window = ready_window()
    window._refresh_my_drawings()
    said = window.statusBar().currentMessage()
    skipped = r"손상된 그림을 건너뛰었습니다\(my-drawings.jsonl:2: 올바른 JSON이 아닙니다\(\d+번째 칸: [^A-Za-z]+\)\)"
    assert re.fullmatch(skipped, said), said

def korean_network_editor(tmp_path, qtbot):
    from digitpad.app.window.main import build_main_window

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("language", "ko")
    window = build_main_window(settings=settings, data_dir=tmp_path / "data", load_model=False)
    qtbot.addWidget(window)
    return window.train_panel.settings.network_editor


def test_a_korean_network_editor_says_why_a_design_cannot_be_trained_in_korean(tmp_path, qtbot):
    from digitpad.model.network.designs import PRESETS, Design

    editor = korean_network_editor(tmp_path, qtbot)
    layers = [layer.with_settings(kernel=5) if layer.kind == "Conv2D" else layer for layer in PRESETS["seed"].layers]
    editor.set_design(Design(tuple(layers)), custom=True)
    assert editor.problem_label.text() == "이 설계는 학습할 수 없습니다: conv3: 5×5 패치가 4×4 맵에 들어가지 않습니다"


def test_a_korean_network_editor_names_a_setting_as_the_editor_does_not_by_its_keras_key(tmp_path, qtbot):
    from digitpad.model.network.designs import PRESETS, Design

    editor = korean_network_editor(tmp_path, qtbot)
    layers = [layer.with_settings(filters=0) if layer.name == "conv1" else layer for layer in PRESETS["seed"].layers]
    editor.set_design(Design(tuple(layers)), custom=True)
    assert "conv1: 필터 수 값은 1 이상의 정수여야 하는데 0입니다" in editor.problem_label.text()
    oblong = tmp_path / "oblong.json"
    oblong.write_text('{"class_name": "Sequential", "config": {"layers": [{"class_name": "Conv2D", '
                      '"config": {"name": "c", "filters": 8, "kernel_size": [3, 5]}}]}}')
    assert "c: 패치 크기(kernel_size) 값([3, 5])이 정사각형이 아닙니다" in editor.open_design(str(oblong))


def test_a_korean_network_editor_says_why_a_design_file_cannot_be_opened_in_korean(tmp_path, qtbot):
    """The reason came from the core in English inside the Korean sentence."""
    editor = korean_network_editor(tmp_path, qtbot)
    broken = tmp_path / "broken.json"
    broken.write_text('{"class_name": "Sequential", "config": {"layers": [{"class_name": "Lambda", '
                      '"config": {"name": "f"}}]}}')
    assert editor.open_design(str(broken)) == ("broken.json 파일을 열 수 없습니다: "
                                               "f: Lambda 층은 코드입니다. DigitPad는 설계를 데이터로만 읽습니다")
    broken.write_text('{"class_name": "Sequential",\n "config": {"layers": [1 2]}}')  # what Python's reader says
    assert editor.open_design(str(broken)) == ("broken.json 파일을 열 수 없습니다: JSON 형식이 깨져 있습니다"
                                               "(2번째 줄 26번째 칸: ',' 구분자가 있어야 합니다)")
    broken.write_text("[" * 100_000)
    assert editor.open_design(str(broken)).endswith("JSON 형식이 깨져 있습니다(너무 깊게 중첩되어 있습니다)")


def test_a_korean_train_panel_says_why_mnist_cannot_be_read_in_korean_and_rewords_it_at_a_switch(tmp_path, qtbot):
    window = korean_network_editor(tmp_path, qtbot).window()
    panel = window.train_panel
    (tmp_path / "mnist.npz").write_bytes(b"not a zip archive")
    panel.settings.mnist_path.setText(str(tmp_path / "mnist.npz"))
    panel.start_training()
    assert panel.task is None
    assert ("mnist.npz: 읽을 수 있는 MNIST .npz 파일이 아닙니다(.npz는 zip 압축 파일인데 이 파일은 그렇지 않습니다)"
            in panel.phase_label.text())
    window.set_language("en")
    QApplication.processEvents()  # the LanguageChange Qt posted
    assert "mnist.npz: not a readable MNIST .npz (an .npz is a zip archive" in panel.phase_label.text()


def test_a_korean_network_editor_says_its_formulas_words_in_korean(tmp_path, qtbot):
    from digitpad.model.network.designs import Design, LayerSpec

    editor = korean_network_editor(tmp_path, qtbot)
    editor.set_design(Design((LayerSpec("Conv2D", "conv1", {"filters": 8}), LayerSpec("BatchNormalization", "norm"),
                              LayerSpec("GlobalAveragePooling2D", "mean"), LayerSpec("Flatten", "flat"),
                              LayerSpec("Dense", "out", {"units": 10, "activation": "softmax"}))), custom=True)
    table = editor.summary_table
    words = [table.item(row, column).text() for row in range(1, 4) for column in (3, 4)]
    assert words == ["", "4·8 = 32 (γ, β, 평균, 분산)", "26×26 맵 각각의 평균", "", "이미 펼쳐짐", ""]


def test_the_korean_training_chart_has_room_for_its_tick_labels(tmp_path, qtbot):
    """At 200 px the chart's plot was 77 px tall, and in Korean's taller font every tick label read "…"."""
    from PySide6.QtGui import QFontMetricsF

    curves = korean_network_editor(tmp_path, qtbot).window().train_panel.curves
    curves.resize(curves.minimumSizeHint().expandedTo(curves.minimumSize()))
    curves.chart().resize(curves.size())  # the view lays its chart out when shown; offscreen it is not shown
    QApplication.processEvents()
    line = QFontMetricsF(curves.axis_loss.labelsFont()).height()
    ticks = round((curves.axis_loss.max() - curves.axis_loss.min()) / curves.axis_loss.tickInterval()) + 1
    assert curves.chart().plotArea().height() >= ticks * line * 1.2


def test_the_translations_ship_in_the_package():
    folder = language.translations_folder()
    assert {path.name for path in folder.glob("*.qm")} >= {f"digitpad_{code}.qm" for code in language.LANGUAGES}
    setuptools = (ROOT / "pyproject.toml").read_text()
    assert '"digitpad.resources.translations"' in setuptools.split("[tool.setuptools.package-dir]")[0]  # a package
    assert '"digitpad.resources.translations" = ["*.qm"]' in setuptools  # its package data


# --- which language ---------------------------------------------------------------------------

def test_the_choice_or_the_systems_first_language_that_digitpad_has():
    assert language.resolve("ko", ["en-US"]) == "ko"  # chosen in View > Language
    assert language.resolve("en", ["ko-KR"]) == "en"
    assert language.resolve(language.SYSTEM, ["ko-Kore-KR", "ko-KR", "ko"]) == "ko"
    assert language.resolve(language.SYSTEM, ["fr-FR", "fr", "ko-KR"]) == "ko"  # the first it has
    assert language.resolve(language.SYSTEM, ["de-DE", "de"]) == "en"  # unknown: English
    assert language.resolve(language.SYSTEM, ["C"]) == "en"
    assert language.resolve("klingon", ["ko"]) == "en"


SYSTEM_LANGUAGE = """
from PySide6.QtCore import QCoreApplication
from digitpad.app.common import language
application = QCoreApplication([])
print(language.resolve(language.SYSTEM))
"""


@pytest.mark.parametrize("environment, expected", [
    (KOREAN_SESSION, "ko"),
    ({"LANG": "ko_KR.UTF-8", "LC_ALL": "", "LANGUAGE": ""}, "ko"),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "", "LANGUAGE": ""}, "en"),
    ({"LANG": "fr_FR.UTF-8", "LC_ALL": "", "LANGUAGE": ""}, "en"),
    ({"LANG": "fr_FR.UTF-8", "LC_ALL": "", "LANGUAGE": "fr:ko"}, "ko"),
])
def test_the_system_language_comes_from_lang_lc_all_and_language(environment, expected):
    result = subprocess.run([sys.executable, "-c", SYSTEM_LANGUAGE], capture_output=True, text=True, timeout=120,
                            env={**os.environ, **environment})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


# --- the window in Korean -----------------------------------------------------------------------

KOREAN_WINDOW = """
import json, os, sys
from PySide6.QtWidgets import QApplication
from digitpad.app.common import language
from digitpad.app.window.automation import draw, shown_window, visible_texts, wait_until
from digitpad.app.window.main import configure_application

application = QApplication(["digitpad"])
configure_application(application)
folder = sys.argv[1]
window = shown_window(os.path.join(folder, "settings.ini"), folder, (1360, 820))  # no language chosen: the system's
window.start_loading_model()
wait_until(application, lambda: window.predictor is not None, 120)
draw(window.canvas, [[(90, 70), (200, 70), (135, 225)]])
texts = []
for tab in range(window.tabs.count()):
    window.tabs.setCurrentIndex(tab)
    if tab == 0:
        window.feature_maps.select(2, 5)  # a map enlarged, with its kernels
    application.processEvents()
    texts += visible_texts(window)
print(json.dumps({"language": language.current_language(), "texts": texts}))
window.close()
os._exit(0)
"""


def test_a_korean_session_shows_a_korean_window(tmp_path):
    """Started with LANG=ko_KR.UTF-8 LC_ALL=ko_KR.UTF-8 LANGUAGE=ko, a digit drawn and every tab visited:
    at least 95% of the texts the window shows (labels, buttons, titles, menus, tool tips) are Korean,
    leaving aside the names Korean interfaces keep in Latin script."""
    script = tmp_path / "window.py"
    script.write_text(KOREAN_WINDOW)
    environment = {**os.environ, **KOREAN_SESSION, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True,
                            timeout=600, env=environment, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["language"] == "ko"
    share, korean, latin = korean_share(shown["texts"])
    print(f"Korean share {share:.1%}: {len(korean)} Korean texts, {len(latin)} in Latin script: {latin}")
    assert len(korean) > 60
    assert share >= 0.95, latin


# --- switching ------------------------------------------------------------------------------

def _language_action(window, code: str):
    return next(action for action in window.language_menu.actions() if action.data() == code)


def _hangul_texts(window) -> list[str]:
    """Texts in Hangul, leaving aside the language menu's "한국어" (each language is named in itself)."""
    return [text for text in visible_texts(window) if HANGUL.search(text) and text not in language.LANGUAGES.values()]


def _sample(window) -> dict[str, str]:
    """Texts from every part of the window: menus, buttons, tabs, captions, the Train panel, a chart."""
    panel = window.train_panel
    return {
        "menu": window.file_menu.title(),
        "action": window.open_action.text(),
        "button": window.clear_button.text(),
        "tab": window.tabs.tabText(1),
        "caption": window.answer.caption.text(),
        "question": window.correction.question.text(),
        "legend": window.feature_maps.legend.text(),
        "layer": window.feature_maps.rows[0].title.text(),
        "group": panel.settings.data_box.title(),
        "row": panel.settings.my_drawings_count.text(),
        "train": panel.train_button.text(),
        "curve": panel.curves.axis_x.titleText(),
        "tip": window.canvas.toolTip(),
    }


def test_view_language_switches_the_visible_texts_at_once_both_ways(ready_window, settings_file):
    window = ready_window()
    draw(window.canvas, seven())
    english = _sample(window)
    assert english["tab"] == "Train" and english["caption"].endswith("% sure")
    assert _hangul_texts(window) == []

    _language_action(window, "ko").trigger()
    QApplication.processEvents()  # Qt delivers the LanguageChange it posted: the next turn of the event loop
    korean = _sample(window)
    assert all(HANGUL.search(text) for text in korean.values()), korean
    assert korean["tab"] == "학습" and korean["caption"].startswith("확신도") and "합성곱 층" in korean["layer"]
    assert _language_action(window, "ko").isChecked() and language.current_language() == "ko"
    assert QSettings(str(settings_file), QSettings.Format.IniFormat).value("language") == "ko"  # remembered

    _language_action(window, "en").trigger()
    QApplication.processEvents()
    assert _sample(window) == english
    assert _hangul_texts(window) == []

    _language_action(window, language.SYSTEM).trigger()
    QApplication.processEvents()
    assert QSettings(str(settings_file), QSettings.Format.IniFormat).value("language") is None
    assert language.current_language() == language.resolve(language.SYSTEM)


def test_a_passing_message_is_said_again_in_the_new_language_and_an_error_stays(ready_window, tmp_path):
    """It was withdrawn at a switch: a person who switched to read it in Korean lost it."""
    window = ready_window()
    drawing = tmp_path / "seven.json"
    drawing.write_text('{"strokes": [[[70, 60], [210, 60], [150, 160], [120, 240]]]}')
    window.files.open_file(drawing)
    wait_until(QApplication.instance(), lambda: window.statusBar().currentMessage() == "Opened seven.json")
    window.banner.show_info("Nothing to save yet: draw a digit first.")
    _language_action(window, "ko").trigger()
    QApplication.processEvents()
    assert window.statusBar().currentMessage() == "seven.json 파일을 열었습니다" and not window.banner.isVisible()
    window.statusBar().showMessage("Some finished English text", 10000)  # a text given whole goes, as before
    _language_action(window, "en").trigger()
    QApplication.processEvents()
    assert window.statusBar().currentMessage() == ""
    window.banner.show_error("오류")
    _language_action(window, "ko").trigger()
    QApplication.processEvents()
    assert window.banner.isVisible() and window.banner.text() == "오류"


def test_the_chosen_language_is_used_at_the_next_start(ready_window, settings_file):
    QSettings(str(settings_file), QSettings.Format.IniFormat).setValue("language", "ko")
    window = ready_window()
    assert window.tabs.tabText(0) == "신경망" and window.view_menu.title() == "보기(&V)"
    assert _language_action(window, "ko").isChecked()


def test_a_korean_window_after_training_says_so_in_korean(ready_window, settings_file, qtbot, mnist_path):
    """The Train panel's progress, results and device lines come from the worker as data and are
    worded by the window: in Korean, and again in English after a switch."""
    QSettings(str(settings_file), QSettings.Format.IniFormat).setValue("language", "ko")
    window = ready_window()
    panel = window.train_panel
    panel.settings.mnist_path.setText(str(mnist_path))
    panel.settings.mnist_limit_spin.setValue(2000)
    panel.settings.epochs_spin.setValue(1)
    with qtbot.waitSignal(panel.trainingFinished, timeout=300_000):
        panel.train_button.click()
    for label in (panel.accuracy_label, panel.gallery_label, panel.phase_label, panel.settings.device_label,
                  panel.settings.counts_label):
        assert HANGUL.search(label.text()), label.text()
    assert "테스트 정확도" in panel.accuracy_label.text() and "완료" in panel.progress.format()
    assert "신경망: 원본 컨브넷." in panel.accuracy_label.text()  # which network the results are of
    panel.settings.network_editor.choose("dense")  # the editor moves on; the results stay the seed's
    _language_action(window, "en").trigger()
    QApplication.processEvents()
    assert "Test accuracy" in panel.accuracy_label.text() and panel.progress.format().startswith("Done in")
    assert "Network: Seed notebook's convnet." in panel.accuracy_label.text()
    assert panel.settings.device_label.text().startswith("Last run used")
