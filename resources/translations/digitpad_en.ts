<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
</context>
<context>
    <name>PredictionPanel</name>
    <message numerus="yes">
        <source>%n digits; digit {position} is a {label}: Unsure: {label} or {runner_up}? ({percent}%)</source>
        <translation>
            <numerusform>%n digit; digit {position} is a {label}: Unsure: {label} or {runner_up}? ({percent}%)</numerusform>
            <numerusform>%n digits; digit {position} is a {label}: Unsure: {label} or {runner_up}? ({percent}%)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n digits; digit {position} is a {label}: {percent}% sure</source>
        <translation>
            <numerusform>%n digit; digit {position} is a {label}: {percent}% sure</numerusform>
            <numerusform>%n digits; digit {position} is a {label}: {percent}% sure</numerusform>
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
