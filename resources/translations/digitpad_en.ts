<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ExplanationView</name>
    <message numerus="yes">
        <source>Padding “same” adds zeros around the input so that the maps keep ⌈size / stride⌉ positions: the %n grey cell(s) of the patch are those zeros.</source>
        <translation>
            <numerusform>Padding “same” adds zeros around the input so that the maps keep ⌈size / stride⌉ positions: the %n grey cell of the patch is one of those zeros.</numerusform>
            <numerusform>Padding “same” adds zeros around the input so that the maps keep ⌈size / stride⌉ positions: the %n grey cells of the patch are those zeros.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n grey cell(s) lie in the padding and take no part.</source>
        <translation>
            <numerusform>The %n grey cell lies in the padding and takes no part.</numerusform>
            <numerusform>The %n grey cells lie in the padding and take no part.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The windows start every {stride} pixels, so neighbouring windows overlap: they share %n row(s) or column(s).</source>
        <translation>
            <numerusform>The windows start every {stride} pixels, so neighbouring windows overlap: they share %n row or column.</numerusform>
            <numerusform>The windows start every {stride} pixels, so neighbouring windows overlap: they share %n rows or columns.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeatureMapsPanel</name>
    <message numerus="yes">
        <source>%n layer(s), {parameters} parameters ({formula}). Each square is one feature map: bright where the layer responds. Click a pixel of a map, or a unit, to see how its number is computed.</source>
        <translation>
            <numerusform>%n layer, {parameters} parameters ({formula}). Each square is one feature map: bright where the layer responds. Click a pixel of a map, or a unit, to see how its number is computed.</numerusform>
            <numerusform>%n layers, {parameters} parameters ({formula}). Each square is one feature map: bright where the layer responds. Click a pixel of a map, or a unit, to see how its number is computed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message numerus="yes">
        <source>Exported {path} and checked it on %Ln drawing(s)</source>
        <translation>
            <numerusform>Exported {path} and checked it on %Ln drawing</numerusform>
            <numerusform>Exported {path} and checked it on %Ln drawings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayerRow</name>
    <message numerus="yes">
        <source>{kind} · {shape} · %Ln param(s)</source>
        <translation>
            <numerusform>{kind} · {shape} · %Ln param</numerusform>
            <numerusform>{kind} · {shape} · %Ln params</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n map(s) of {layer}; click one to enlarge it</source>
        <translation>
            <numerusform>%n map of {layer}; click it to enlarge it</numerusform>
            <numerusform>%n maps of {layer}; click one to enlarge it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) of {layer}; click one to enlarge it</source>
        <translation>
            <numerusform>%n unit of {layer}; click it to enlarge it</numerusform>
            <numerusform>%n units of {layer}; click one to enlarge it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapDetail</name>
    <message numerus="yes">
        <source>Filter {index}: %n kernel(s) of 3×3, one per input map (blue negative, red positive, ±{extent})</source>
        <translation>
            <numerusform>Filter {index}: %n kernel of 3×3, one per input map (blue negative, red positive, ±{extent})</numerusform>
            <numerusform>Filter {index}: %n kernels of 3×3, one per input map (blue negative, red positive, ±{extent})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Filter {index}: %n kernel(s) of {rows}×{cols}, one per input map (blue negative, red positive, ±{extent})</source>
        <translation>
            <numerusform>Filter {index}: %n kernel of {rows}×{cols}, one per input map (blue negative, red positive, ±{extent})</numerusform>
            <numerusform>Filter {index}: %n kernels of {rows}×{cols}, one per input map (blue negative, red positive, ±{extent})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PredictionPanel</name>
    <message numerus="yes">
        <source>%n digits; #{position}: no digit stands out ({label} at only {percent}%)</source>
        <translation>
            <numerusform>%n digit; #{position}: no digit stands out ({label} at only {percent}%)</numerusform>
            <numerusform>%n digits; #{position}: no digit stands out ({label} at only {percent}%)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n digits; #{position} is a {label} ({percent}%) or {other}? Turned or slanted a little, it reads as {other}</source>
        <translation>
            <numerusform>%n digit; #{position} is a {label} ({percent}%) or {other}? Turned or slanted a little, it reads as {other}</numerusform>
            <numerusform>%n digits; #{position} is a {label} ({percent}%) or {other}? Turned or slanted a little, it reads as {other}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n digits; #{position} is a {label}, unsure: {label} or {runner_up}? ({percent}%)</source>
        <translation>
            <numerusform>%n digit; #{position} is a {label}, unsure: {label} or {runner_up}? ({percent}%)</numerusform>
            <numerusform>%n digits; #{position} is a {label}, unsure: {label} or {runner_up}? ({percent}%)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n digits; #{position} is a {label}, {percent}% sure</source>
        <translation>
            <numerusform>%n digit; #{position} is a {label}, {percent}% sure</numerusform>
            <numerusform>%n digits; #{position} is a {label}, {percent}% sure</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message numerus="yes">
        <source>Show cancelled and failed runs (%n)</source>
        <translation>
            <numerusform>Show cancelled and failed runs (%n)</numerusform>
            <numerusform>Show cancelled and failed runs (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) could not be read and are not shown: {reason}</source>
        <translation>
            <numerusform>%n run could not be read and is not shown: {reason}</numerusform>
            <numerusform>%n runs could not be read and are not shown: {reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n runs: their curves, the settings that differ and the digits that changed are below.</source>
        <translation>
            <numerusform>Comparing %n run: its curves, its settings and its digits are below.</numerusform>
            <numerusform>Comparing %n runs: their curves, the settings that differ and the digits that changed are below.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> run(s)</source>
        <translation>
            <numerusform> run</numerusform>
            <numerusform> runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) and their models? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n run and its model? This cannot be undone.</numerusform>
            <numerusform>Delete %n runs and their models? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them marked Keep (★).</source>
        <translation>
            <numerusform>%n of them is marked Keep (★).</numerusform>
            <numerusform>%n of them are marked Keep (★).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message numerus="yes">
        <source>&lt;b&gt;Test accuracy {accuracy}%&lt;/b&gt; on the MNIST test set (%Ln image(s)). Trained on {counts} in {duration} on {device}.</source>
        <translation>
            <numerusform>&lt;b&gt;Test accuracy {accuracy}%&lt;/b&gt; on the MNIST test set (%Ln image). Trained on {counts} in {duration} on {device}.</numerusform>
            <numerusform>&lt;b&gt;Test accuracy {accuracy}%&lt;/b&gt; on the MNIST test set (%Ln images). Trained on {counts} in {duration} on {device}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Test accuracy {accuracy}%&lt;/b&gt; on the held-back drawings (%Ln image(s)). Trained on {counts} in {duration} on {device}.</source>
        <translation>
            <numerusform>&lt;b&gt;Test accuracy {accuracy}%&lt;/b&gt; on the held-back drawings (%Ln image). Trained on {counts} in {duration} on {device}.</numerusform>
            <numerusform>&lt;b&gt;Test accuracy {accuracy}%&lt;/b&gt; on the held-back drawings (%Ln images). Trained on {counts} in {duration} on {device}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainSettings</name>
    <message numerus="yes">
        <source>%Ln drawing(s) you labelled</source>
        <translation>
            <numerusform>%Ln drawing you labelled</numerusform>
            <numerusform>%Ln drawings you labelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU (%n core(s))</source>
        <translation>
            <numerusform>CPU (%n core)</numerusform>
            <numerusform>CPU (%n cores)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pen strokes %Ln drawing(s)</source>
        <translation>
            <numerusform>pen strokes %Ln drawing</numerusform>
            <numerusform>pen strokes %Ln drawings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Forget all %Ln drawing(s) you labelled?</source>
        <translation>
            <numerusform>Forget the %Ln drawing you labelled?</numerusform>
            <numerusform>Forget all %Ln drawings you labelled?</numerusform>
        </translation>
    </message>
</context>
</TS>
