<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>ConfusionMatrix</name>
    <message>
        <source>Rows: the true digit. Columns: what the network said. Click a cell to see those images.</source>
        <translation>행은 실제 숫자, 열은 신경망이 답한 숫자입니다. 칸을 클릭하면 해당 이미지를 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>CorrectionRow</name>
    <message>
        <source>✓ Right</source>
        <translation>✓ 맞아요</translation>
    </message>
    <message>
        <source>Keep this drawing with its label in my drawings, to train on later</source>
        <translation>이 그림을 레이블과 함께 내 그림에 저장해 두고 나중에 학습에 씁니다</translation>
    </message>
    <message>
        <source>No, it&apos;s</source>
        <translation>아니요, 정답은</translation>
    </message>
    <message>
        <source>The drawing is a {digit}: keep it with that label in my drawings</source>
        <translation>이 그림의 정답은 {digit}입니다. 이 레이블로 내 그림에 저장합니다</translation>
    </message>
    <message>
        <source>Digit {position}?</source>
        <translation>{position}번째 숫자?</translation>
    </message>
    <message>
        <source>Is it right?</source>
        <translation>맞나요?</translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <source>Drawing pad</source>
        <translation>그림판</translation>
    </message>
    <message>
        <source>Draw a digit here with the mouse or a pen</source>
        <translation>여기에 마우스나 펜으로 숫자를 그리세요</translation>
    </message>
</context>
<context>
    <name>ExplanationView</name>
    <message>
        <source>Explanation of one unit</source>
        <translation>유닛 하나의 계산 설명</translation>
    </message>
    <message>
        <source>Arrow keys: the next unit · Page Up, Page Down: the layer before, after · Esc: close</source>
        <translation>화살표 키: 옆 유닛 · Page Up, Page Down: 앞 층, 뒤 층 · Esc: 닫기</translation>
    </message>
    <message>
        <source>digit</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>logit z</source>
        <translation>로짓 z</translation>
    </message>
    <message>
        <source>exp(z − max)</source>
        <translation>exp(z − 최댓값)</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>row {row}, column {column}</source>
        <translation>{row}행 {column}열</translation>
    </message>
    <message>
        <source>the 28×28 image</source>
        <translation>28×28 입력 이미지</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&lt;/b&gt; · map {channel} · {where}: &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt; · 특성 맵 {channel} · {where}: &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{layer}, map {channel}</source>
        <translation>{layer}, 맵 {channel}</translation>
    </message>
    <message>
        <source>input patch
({source})</source>
        <translation>입력 패치
({source})</translation>
    </message>
    <message>
        <source>kernel
(filter {filter}, input {channel})</source>
        <translation>합성곱 커널
(필터 {filter}, 입력 {channel})</translation>
    </message>
    <message>
        <source>products
(sum {total})</source>
        <translation>원소별 곱
(합 {total})</translation>
    </message>
    <message>
        <source> → ReLU → &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation> → ReLU → &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Σ of the products = {products}; + bias {bias} = {total}</source>
        <translation>곱의 합 Σ = {products}; + 편향 {bias} = {total}</translation>
    </message>
    <message>
        <source>Σ of the products over all {count} input maps = {products}; + bias {bias} = {total}</source>
        <translation>입력 맵 {count}개 전체에 걸친 곱의 합 Σ = {products}; + 편향 {bias} = {total}</translation>
    </message>
    <message>
        <source>The sum, map by map: these {shown} of the {count} input maps add most. Click one to see its patch and kernel.</source>
        <translation>합을 입력 맵별로 나눈 값입니다. 입력 맵 {count}개 중 가장 크게 기여하는 {shown}개입니다. 하나를 클릭하면 그 맵의 패치와 커널을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>{layer} map {channel}</source>
        <translation>{layer} 맵 {channel}</translation>
    </message>
    <message>
        <source>Max pooling keeps the largest of each 2×2 window of {source}, map {channel} (rows {top}–{bottom}, columns {left}–{right}): {value}. It has no weights; it halves the height and the width.</source>
        <translation>최대 풀링은 {source}의 맵 {channel}에서 2×2 창({top}–{bottom}행, {left}–{right}열)의 가장 큰 값만 남깁니다: {value}. 가중치가 없고, 높이와 너비를 절반으로 줄입니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&lt;/b&gt; · element {index}: &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt; · {index}번째 원소: &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Flatten only reorders. The value at {where} of {source} map {channel} becomes element &lt;b&gt;{index}&lt;/b&gt; of one long vector: (row × width + column) × maps + map = ({row} × {width} + {column}) × {maps} + {channel} = {index}. The dense layer reads that vector.</source>
        <translation>Flatten은 순서만 바꿉니다. {source} 맵 {channel}의 {where} 값이 긴 벡터 하나의 &lt;b&gt;{index}&lt;/b&gt;번째 원소가 됩니다: (행 × 너비 + 열) × 맵 수 + 맵 = ({row} × {width} + {column}) × {maps} + {channel} = {index}. 완전 연결 층이 이 벡터를 읽습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&lt;/b&gt; · unit {unit}: &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt; · 유닛 {unit}: &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Every one of the {count} inputs times its weight, added up. The {shown} that add most:</source>
        <translation>입력 {count}개 하나하나에 가중치를 곱해서 모두 더합니다. 가장 크게 기여하는 {shown}개:</translation>
    </message>
    <message>
        <source>input {index}: {value} × {weight}</source>
        <translation>입력 {index}: {value} × {weight}</translation>
    </message>
    <message>
        <source>Σ of inputs × weights = {products}; + bias {bias} = {total}</source>
        <translation>입력 × 가중치의 합 Σ = {products}; + 편향 {bias} = {total}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&lt;/b&gt; · digit {digit}: &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt; · 숫자 {digit}: &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Softmax: each exponential divided by their sum {total}. For {digit}: {exponential} ÷ {total} = &lt;b&gt;{probability}&lt;/b&gt;, the bar the chart shows. (Subtracting the largest logit first changes no probability; it keeps the exponentials small.)</source>
        <translation>소프트맥스: 각 지수 값을 지수 값의 합 {total}로 나눕니다. {digit}의 경우 {exponential} ÷ {total} = &lt;b&gt;{probability}&lt;/b&gt;, 차트의 막대가 보여 주는 값입니다. (가장 큰 로짓을 먼저 빼도 확률은 그대로이고, 지수 값이 너무 커지지 않습니다.)</translation>
    </message>
</context>
<context>
    <name>FeatureMapsPanel</name>
    <message>
        <source>The network&apos;s layers and feature maps</source>
        <translation>신경망의 층과 특성 맵</translation>
    </message>
    <message>
        <source>layer max</source>
        <translation>층 최댓값</translation>
    </message>
    <message>
        <source>Loading the network…</source>
        <translation>신경망을 불러오는 중…</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s), {parameters} parameters ({formula}). Each square is one feature map: bright where the layer responds. Click a pixel of a map, or a unit, to see how its number is computed.</source>
        <translation>
            <numerusform>층 %n개, 매개변수 {parameters}개 ({formula}). 사각형 하나가 특성 맵 하나이고, 층이 강하게 반응한 곳이 밝습니다. 맵의 픽셀이나 유닛을 클릭하면 그 값이 어떻게 계산되는지 볼 수 있습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Open drawing or image</source>
        <translation>그림이나 이미지 열기</translation>
    </message>
    <message>
        <source>Drawings and images ({patterns});;All files (*)</source>
        <translation>그림과 이미지 ({patterns});;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Could not open {file}: {reason}</source>
        <translation>{file} 파일을 열 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Opened {file}</source>
        <translation>{file} 파일을 열었습니다</translation>
    </message>
    <message>
        <source>Nothing to save yet: draw a digit first.</source>
        <translation>아직 저장할 그림이 없습니다. 먼저 숫자를 그리세요.</translation>
    </message>
    <message>
        <source>Save drawing</source>
        <translation>그림 저장</translation>
    </message>
    <message>
        <source>PNG image with strokes (*.png);;Strokes JSON (*.json)</source>
        <translation>획이 담긴 PNG 이미지 (*.png);;획 JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not save {file}: {reason}</source>
        <translation>{file} 파일을 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>저장했습니다: {path}</translation>
    </message>
    <message>
        <source>The model is still loading; export it in a moment.</source>
        <translation>모델을 아직 불러오는 중입니다. 잠시 후에 내보내세요.</translation>
    </message>
    <message>
        <source>TensorFlow Lite for phones (*.tflite)</source>
        <translation>휴대폰용 TensorFlow Lite (*.tflite)</translation>
    </message>
    <message>
        <source>Keras model (*.keras)</source>
        <translation>Keras 모델 (*.keras)</translation>
    </message>
    <message>
        <source>TensorFlow SavedModel for serving (a folder)</source>
        <translation>서빙용 TensorFlow SavedModel (폴더)</translation>
    </message>
    <message>
        <source>ONNX (*.onnx)</source>
        <translation>ONNX (*.onnx)</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>모델 내보내기</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>{file} 파일로 내보내는 중…</translation>
    </message>
    <message numerus="yes">
        <source>Exported {path} and checked it on %Ln drawing(s)</source>
        <translation>
            <numerusform>{path} 파일로 내보내고 그림 %Ln개로 확인했습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export the model: {reason}</source>
        <translation>모델을 내보낼 수 없습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>ImageGallery</name>
    <message>
        <source>true digit {truth}, the network said {predicted}</source>
        <translation>실제 숫자 {truth}, 신경망의 답 {predicted}</translation>
    </message>
</context>
<context>
    <name>InputPreview</name>
    <message>
        <source>What the network sees (28×28)</source>
        <translation>신경망이 보는 입력 (28×28)</translation>
    </message>
    <message>
        <source>What the network sees: your drawing as 28×28 grey pixels, MNIST-style</source>
        <translation>신경망이 보는 이미지: 그린 숫자를 MNIST처럼 28×28 회색 픽셀로 바꾼 것</translation>
    </message>
</context>
<context>
    <name>LayerRow</name>
    <message numerus="yes">
        <source>{kind} · {shape} · %Ln param(s)</source>
        <translation>
            <numerusform>{kind} · {shape} · 매개변수&#xa0;%Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>Layer name, type, output shape (height × width × maps) and trainable parameters</source>
        <translation>층 이름, 종류, 출력 크기(높이 × 너비 × 맵 수), 학습되는 매개변수 수</translation>
    </message>
    <message>
        <source>The largest activation in this layer: the brightest colour</source>
        <translation>이 층에서 가장 큰 활성값: 가장 밝은 색</translation>
    </message>
    <message numerus="yes">
        <source>%n map(s) of {layer}; click one to enlarge it</source>
        <translation>
            <numerusform>{layer}의 특성 맵 %n개. 하나를 클릭하면 크게 볼 수 있습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) of {layer}; click one to enlarge it</source>
        <translation>
            <numerusform>{layer}의 유닛 %n개. 하나를 클릭하면 크게 볼 수 있습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Maps of {layer}</source>
        <translation>{layer}의 특성 맵</translation>
    </message>
    <message>
        <source>A convolution: a {rows}×{cols} window slides over the input. At every position the {rows}×{cols}×{depth} patch is multiplied with each of the {filters} kernels and summed, one number per filter; the numbers of one filter form its response map.</source>
        <translation>합성곱 층: {rows}×{cols} 창이 입력 위를 미끄러지듯 움직입니다. 위치마다 {rows}×{cols}×{depth} 패치를 합성곱 커널 {filters}개와 각각 곱해서 더하므로 필터마다 숫자 하나가 나옵니다. 한 필터의 숫자들이 모여 그 필터의 응답 맵이 됩니다.</translation>
    </message>
    <message>
        <source>Max pooling keeps the largest value of each {size}×{size} window: the maps keep their number and shrink. It has no weights.</source>
        <translation>최대 풀링 층: {size}×{size} 창마다 가장 큰 값만 남깁니다. 맵의 개수는 그대로이고 크기가 줄어듭니다. 가중치는 없습니다.</translation>
    </message>
    <message>
        <source>Flatten lays the maps out as one vector, row by row, for the dense layers. It only reorders: no weights.</source>
        <translation>Flatten: 맵들을 행 순서대로 펼쳐 벡터 하나로 만들어 완전 연결 층에 넘깁니다. 순서만 바꿀 뿐 가중치는 없습니다.</translation>
    </message>
    <message>
        <source>The output: a fully connected layer gives one number (a logit) per digit, and softmax turns the ten into the probabilities of the chart.</source>
        <translation>출력 층: 완전 연결 층이 숫자마다 값 하나(로짓)를 내고, 소프트맥스가 이 10개를 차트의 확률로 바꿉니다.</translation>
    </message>
    <message>
        <source>A fully connected layer: each of its {units} units multiplies every input by a weight of its own, adds them and a bias, then ReLU keeps what is above zero.</source>
        <translation>완전 연결 층: 유닛 {units}개가 각자 모든 입력에 자기 가중치를 곱해 더하고 편향을 더한 뒤, ReLU로 0보다 큰 값만 남깁니다.</translation>
    </message>
    <message>
        <source>Shape: {shape} · Parameters: {parameters}</source>
        <translation>크기: {shape} · 매개변수: {parameters}</translation>
    </message>
    <message>
        <source>Conv2D</source>
        <comment>layer type: a convolution layer</comment>
        <translation>합성곱 층</translation>
    </message>
    <message>
        <source>MaxPooling2D</source>
        <comment>layer type: max pooling</comment>
        <translation>최대 풀링 층</translation>
    </message>
    <message>
        <source>Dense</source>
        <comment>layer type: a fully connected layer</comment>
        <translation>완전 연결 층</translation>
    </message>
    <message>
        <source>Flatten</source>
        <comment>layer type: turns the maps into one vector</comment>
        <translation>펼침 층</translation>
    </message>
    <message>
        <source>max {value}</source>
        <translation>최대 {value}</translation>
    </message>
</context>
<context>
    <name>LearningCurves</name>
    <message>
        <source>Loss and accuracy while the network learns; dashed lines are the validation set</source>
        <translation>신경망이 학습하는 동안의 손실과 정확도. 점선은 검증 세트입니다</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>훈련 손실</translation>
    </message>
    <message>
        <source>val loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <source>train acc</source>
        <translation>훈련 정확도</translation>
    </message>
    <message>
        <source>val acc</source>
        <translation>검증 정확도</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Loading the model… you can start drawing.</source>
        <translation>모델을 불러오는 중… 그림은 지금 바로 그려도 됩니다.</translation>
    </message>
    <message>
        <source>Could not keep the drawing: {reason}</source>
        <translation>그림을 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Digit {position} kept as a {label} in my drawings ({total} in all); train on them in the Train tab</source>
        <translation>{position}번째 숫자를 내 그림에 저장했습니다(레이블 {label}, 모두 {total}개). 학습 탭에서 이 그림들로 학습할 수 있습니다</translation>
    </message>
    <message>
        <source>Kept as a {label} in my drawings ({total} in all); train on them in the Train tab</source>
        <translation>내 그림에 저장했습니다(레이블 {label}, 모두 {total}개). 학습 탭에서 이 그림들로 학습할 수 있습니다</translation>
    </message>
    <message>
        <source>TensorFlow&apos;s process ended unexpectedly ({reason}); the next training starts a new one</source>
        <translation>TensorFlow 프로세스가 예기치 않게 끝났습니다({reason}). 다음 학습 때 새로 시작합니다</translation>
    </message>
    <message>
        <source>Draw a digit first: the explanation is of the network&apos;s answer to it.</source>
        <translation>먼저 숫자를 그리세요. 설명은 그 숫자에 대한 신경망의 답을 풀어 보여 줍니다.</translation>
    </message>
    <message>
        <source>DigitPad: draw a digit, watch a convnet read it. The network is the Keras MNIST convnet (Conv32–Pool–Conv64–Pool–Conv64–Dense64–Dense10).</source>
        <translation>DigitPad: 숫자를 그리고, 합성곱 신경망(컨브넷)이 그 숫자를 읽는 과정을 지켜보세요. 신경망은 Keras의 MNIST 컨브넷입니다(Conv32–Pool–Conv64–Pool–Conv64–Dense64–Dense10).</translation>
    </message>
    <message>
        <source>Brush width in pixels of the 280×280 pad (the network sees the same either way)</source>
        <translation>280×280 패드 기준 브러시 굵기(픽셀). 굵기를 바꿔도 신경망이 보는 이미지는 같습니다</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>브러시</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Undo the last stroke (Ctrl+Z)</source>
        <translation>마지막 획 취소 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>다시 실행 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Clear the pad (Esc)</source>
        <translation>패드 지우기 (Esc)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open drawing or image…</source>
        <translation>그림이나 이미지 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save drawing…</source>
        <translation>그림 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Load model…</source>
        <translation>모델 불러오기(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Revert to bundled model</source>
        <translation>기본 모델로 되돌리기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export model…</source>
        <translation>모델 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo stroke</source>
        <translation>획 실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo stroke</source>
        <translation>획 다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>지우기(&amp;C)</translation>
    </message>
    <message>
        <source>Thinner brush</source>
        <translation>브러시 가늘게</translation>
    </message>
    <message>
        <source>Thicker brush</source>
        <translation>브러시 굵게</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>신경망(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Explain the answer</source>
        <translation>답 설명 보기(&amp;E)</translation>
    </message>
    <message>
        <source>How the network computed its answer; then arrow keys move between units, Page Up and Page Down between layers, and Esc closes it</source>
        <translation>신경망이 답을 어떻게 계산했는지 보여 줍니다. 화살표 키로 유닛 사이를, Page Up과 Page Down으로 층 사이를 옮겨 다니고, Esc로 닫습니다</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>시스템 설정 ({language})</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About DigitPad</source>
        <translation>DigitPad 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>모델 불러오기</translation>
    </message>
    <message>
        <source>Keras models (*.keras)</source>
        <translation>Keras 모델 (*.keras)</translation>
    </message>
    <message>
        <source>{width} px</source>
        <translation>{width} px</translation>
    </message>
</context>
<context>
    <name>MapDetail</name>
    <message>
        <source>An enlarged map and its kernels</source>
        <translation>크게 본 맵과 그 합성곱 커널</translation>
    </message>
    <message>
        <source>Click a map to enlarge it</source>
        <translation>맵을 클릭하면 크게 볼 수 있습니다</translation>
    </message>
    <message>
        <source>{layer} · map {index}</source>
        <translation>{layer} · 맵 {index}</translation>
    </message>
    <message>
        <source>map {index} · {height}×{width} · max {value}</source>
        <translation>맵 {index} · {height}×{width} · 최대 {value}</translation>
    </message>
    <message>
        <source>unit {index} · value {value}</source>
        <translation>유닛 {index} · 값 {value}</translation>
    </message>
    <message>
        <source>Pooling has no weights: each cell is the largest of 2×2 below it.</source>
        <translation>최대 풀링 층에는 가중치가 없습니다. 각 칸은 아래 층의 2×2 패치에서 가장 큰 값입니다.</translation>
    </message>
    <message numerus="yes">
        <source>Filter {index}: %n kernel(s) of 3×3, one per input map (blue negative, red positive, ±{extent})</source>
        <translation>
            <numerusform>필터 {index}: 입력 맵마다 하나씩, 3×3 합성곱 커널 %n개 (파랑은 음수, 빨강은 양수, ±{extent})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelController</name>
    <message>
        <source>Loading {file}…</source>
        <translation>{file} 불러오는 중…</translation>
    </message>
    <message>
        <source>Could not keep the trained model: {reason}</source>
        <translation>학습한 모델을 보관할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>모델 없음</translation>
    </message>
    <message>
        <source>bundled model</source>
        <translation>기본 모델</translation>
    </message>
    <message>
        <source>Model ready: {model}, {parameters} parameters in {seconds} s</source>
        <translation>모델 준비 완료: {model}, 매개변수 {parameters}개, {seconds}초</translation>
    </message>
    <message>
        <source>Could not load the model: {reason}</source>
        <translation>모델을 불러올 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Back to {model}</source>
        <translation>다시 사용하는 모델: {model}</translation>
    </message>
    <message>
        <source>Could not load the model: {reason}. Using the bundled model instead.</source>
        <translation>모델을 불러올 수 없습니다: {reason}. 대신 기본 모델을 사용합니다.</translation>
    </message>
    <message>
        <source>No model: load one with File &gt; Load model…</source>
        <translation>모델이 없습니다. 파일 &gt; 모델 불러오기…로 불러오세요</translation>
    </message>
    <message>
        <source>Still using {model}</source>
        <translation>계속 사용하는 모델: {model}</translation>
    </message>
</context>
<context>
    <name>PredictionPanel</name>
    <message>
        <source>The answer</source>
        <translation>신경망의 답</translation>
    </message>
    <message>
        <source>The digit the network reads</source>
        <translation>신경망이 읽은 숫자</translation>
    </message>
    <message>
        <source>What the network sees (28×28)</source>
        <translation>신경망이 보는 이미지 (28×28)</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>왜?</translation>
    </message>
    <message>
        <source>Show which parts of the drawing pushed the network toward its answer</source>
        <translation>그림의 어느 부분이 신경망을 이 답으로 이끌었는지 보여 줍니다</translation>
    </message>
    <message>
        <source>toward the answer</source>
        <translation>답으로 이끈 부분</translation>
    </message>
    <message>
        <source>answer vs runner-up</source>
        <translation>답 대 2순위</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>모델을 불러오는 중…</translation>
    </message>
    <message>
        <source>Nothing to read: no ink stands out from the paper</source>
        <translation>읽을 것이 없습니다: 종이에서 두드러지는 잉크가 없습니다</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>숫자를 그려 보세요</translation>
    </message>
    <message>
        <source>{answer} (the network being trained)</source>
        <translation>{answer} (학습 중인 신경망)</translation>
    </message>
    <message>
        <source>{answer} …</source>
        <translation>{answer} …</translation>
    </message>
    <message>
        <source>Unsure, the ink is hard to read: {label} or {runner_up}? ({percent}%)</source>
        <translation>확실하지 않음, 잉크를 읽기 어렵습니다: {label} 아니면 {runner_up}? ({percent}%)</translation>
    </message>
    <message>
        <source>Unsure: {label} or {runner_up}? ({percent}%)</source>
        <translation>확실하지 않음: {label} 아니면 {runner_up}? ({percent}%)</translation>
    </message>
    <message>
        <source>{percent}% sure</source>
        <translation>{percent}% 확신</translation>
    </message>
    <message numerus="yes">
        <source>%n digits; digit {position} is a {label}: Unsure: {label} or {runner_up}? ({percent}%)</source>
        <translation>
            <numerusform>숫자 %n개. {position}번째 숫자는 {label}, 확실하지 않음: {label} 아니면 {runner_up}? ({percent}%)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n digits; digit {position} is a {label}: {percent}% sure</source>
        <translation>
            <numerusform>숫자 %n개. {position}번째 숫자는 {label}, {percent}% 확신</numerusform>
        </translation>
    </message>
    <message>
        <source>digit {position}: {label} or {runner_up}?</source>
        <translation>{position}번째 숫자: {label} 아니면 {runner_up}?</translation>
    </message>
    <message>
        <source>{answer}; unsure of {digits}</source>
        <translation>{answer}. 확실하지 않은 숫자: {digits}</translation>
    </message>
    <message>
        <source>Explaining when you lift the pen…</source>
        <translation>펜을 떼면 설명합니다…</translation>
    </message>
    <message>
        <source>Could not explain: {reason}</source>
        <translation>설명할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Why {target} and not {versus}: red pushed toward {target}, blue toward {versus}. Method: {method}.</source>
        <translation>{target} 대 {versus}: 빨강은 {target} 쪽으로, 파랑은 {versus} 쪽으로 이끈 부분입니다. 방법: {method}.</translation>
    </message>
    <message>
        <source>Red: what pushed the network toward {target}. Method: {method}.</source>
        <translation>빨강: 신경망을 {target} 쪽으로 이끈 부분. 방법: {method}.</translation>
    </message>
    <message>
        <source>integrated gradients on the input (64 steps from a blank image)</source>
        <translation>입력에 대한 통합 그레이디언트 (빈 이미지에서 64단계)</translation>
    </message>
</context>
<context>
    <name>ProbabilityChart</name>
    <message>
        <source>Probabilities of the ten digits</source>
        <translation>숫자 10개의 확률</translation>
    </message>
    <message>
        <source>How likely the network thinks each digit is, in percent (the bars add up to 100). Click a bar to see how its probability is computed.</source>
        <translation>신경망이 각 숫자라고 보는 확률(%)입니다. 막대를 모두 더하면 100입니다. 막대를 클릭하면 그 확률이 어떻게 계산되는지 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>TensorFlow&apos;s process could not start ({reason})</source>
        <translation>TensorFlow 프로세스를 시작할 수 없습니다({reason})</translation>
    </message>
    <message>
        <source>TensorFlow&apos;s process ended unexpectedly ({reason})</source>
        <translation>TensorFlow 프로세스가 예기치 않게 끝났습니다({reason})</translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <source>This recipe learns from pen strokes: choose a stroke file above (for example pendigits-train.jsonl), or it trains on MNIST only.</source>
        <translation>이 레시피는 펜 획으로 학습합니다. 위에서 획 파일(예: pendigits-train.jsonl)을 고르세요. 고르지 않으면 MNIST로만 학습합니다.</translation>
    </message>
    <message>
        <source>Train the network</source>
        <translation>신경망 학습</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습 시작</translation>
    </message>
    <message>
        <source>Train a new model with these settings; the pad keeps using the current one</source>
        <translation>이 설정으로 새 모델을 학습합니다. 패드는 지금 모델을 계속 사용합니다</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop within a fraction of a second; the model in use stays as it is</source>
        <translation>1초도 안 되어 멈춥니다. 사용 중인 모델은 그대로입니다</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation>이 모델 사용</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <source>Load model…</source>
        <translation>모델 불러오기…</translation>
    </message>
    <message>
        <source>Revert to bundled</source>
        <translation>기본 모델로 되돌리기</translation>
    </message>
    <message>
        <source>Confusion matrix on the test set (click a cell to see its images):</source>
        <translation>테스트 세트의 혼동 행렬 (칸을 클릭하면 해당 이미지를 볼 수 있습니다):</translation>
    </message>
    <message>
        <source>No model trained yet.</source>
        <translation>아직 학습한 모델이 없습니다.</translation>
    </message>
    <message>
        <source>Misclassified test images</source>
        <translation>잘못 분류한 테스트 이미지</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Test accuracy {accuracy}%&lt;/b&gt; on the MNIST test set (%Ln image(s)). Trained on {counts} in {duration} on {device}.</source>
        <translation>
            <numerusform>&lt;b&gt;테스트 정확도 {accuracy}%&lt;/b&gt; (MNIST 테스트 세트, 이미지 %Ln개). 학습 데이터: {counts}. {device}에서 {duration} 걸렸습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Test accuracy {accuracy}%&lt;/b&gt; on the held-back drawings (%Ln image(s)). Trained on {counts} in {duration} on {device}.</source>
        <translation>
            <numerusform>&lt;b&gt;테스트 정확도 {accuracy}%&lt;/b&gt; (따로 떼어 둔 그림, 이미지 %Ln개). 학습 데이터: {counts}. {device}에서 {duration} 걸렸습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last run: {counts}.</source>
        <translation>지난 학습 데이터: {counts}.</translation>
    </message>
    <message>
        <source>Misclassified test images ({count}), true → predicted</source>
        <translation>잘못 분류한 테스트 이미지 ({count}개), 실제 → 예측</translation>
    </message>
    <message>
        <source>Test images of {truth} read as {predicted} ({count})</source>
        <translation>실제 {truth}, 예측 {predicted}인 테스트 이미지 ({count}개)</translation>
    </message>
    <message>
        <source>mnist {count}</source>
        <translation>MNIST {count}개</translation>
    </message>
    <message>
        <source>strokes {count}</source>
        <translation>펜 획 {count}개</translation>
    </message>
    <message>
        <source>my drawings {count}</source>
        <translation>내 그림 {count}개</translation>
    </message>
    <message>
        <source>scribbles {count}</source>
        <translation>낙서 {count}개</translation>
    </message>
    <message>
        <source>digit pairs {count}</source>
        <translation>숫자 쌍 {count}개</translation>
    </message>
    <message>
        <source>Loading MNIST…</source>
        <translation>MNIST 불러오는 중…</translation>
    </message>
    <message>
        <source>Reading {path}…</source>
        <translation>{path} 읽는 중…</translation>
    </message>
    <message>
        <source>Rendering drawings…</source>
        <translation>그림을 이미지로 렌더링하는 중…</translation>
    </message>
    <message>
        <source>Preparing images…</source>
        <translation>이미지 준비 중…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Starting TensorFlow…</source>
        <translation>TensorFlow 시작하는 중…</translation>
    </message>
    <message>
        <source>Training started; the pad keeps using the current model.</source>
        <translation>학습을 시작했습니다. 패드는 지금 모델을 계속 사용합니다.</translation>
    </message>
    <message>
        <source>Cancelling… (stops after the batches under way)</source>
        <translation>취소하는 중… (처리 중인 배치가 끝나면 멈춥니다)</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} · batch {batch}/{batches} · ETA {eta} · {speed} img/s</source>
        <translation>에포크 {epoch}/{epochs} · 배치 {batch}/{batches} · 남은 시간 {eta} · 초당 {speed}장</translation>
    </message>
    <message>
        <source>loss {loss} · accuracy {accuracy}</source>
        <translation>손실 {loss} · 정확도 {accuracy}</translation>
    </message>
    <message>
        <source>loss {loss} · accuracy {accuracy} · validation accuracy {validation}</source>
        <translation>손실 {loss} · 정확도 {accuracy} · 검증 정확도 {validation}</translation>
    </message>
    <message>
        <source>Done in {duration} on {device}</source>
        <translation>{device}에서 {duration} 만에 완료</translation>
    </message>
    <message>
        <source>Finished, with warnings: {warnings}</source>
        <translation>끝났습니다. 경고: {warnings}</translation>
    </message>
    <message>
        <source>Finished. Look at the mistakes, then use or save the model.</source>
        <translation>끝났습니다. 틀린 이미지를 살펴본 뒤 모델을 사용하거나 저장하세요.</translation>
    </message>
    <message>
        <source>Training finished: test accuracy {accuracy}%</source>
        <translation>학습 완료: 테스트 정확도 {accuracy}%</translation>
    </message>
    <message>
        <source>Training failed: {reason}. The model in use is unchanged.</source>
        <translation>학습 실패: {reason}. 사용 중인 모델은 그대로입니다.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Training failed: {reason}</source>
        <translation>학습 실패: {reason}</translation>
    </message>
    <message>
        <source>Cancelled. The model in use is unchanged.</source>
        <translation>취소했습니다. 사용 중인 모델은 그대로입니다.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Training cancelled; the model in use is unchanged.</source>
        <translation>학습을 취소했습니다. 사용 중인 모델은 그대로입니다.</translation>
    </message>
    <message>
        <source>trained {time} ({accuracy}%)</source>
        <translation>{time}에 학습한 모델 ({accuracy}%)</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>모델 저장</translation>
    </message>
    <message>
        <source>Keras models (*.keras)</source>
        <translation>Keras 모델 (*.keras)</translation>
    </message>
    <message>
        <source>Saved the model to {path}</source>
        <translation>모델을 저장했습니다: {path}</translation>
    </message>
    <message>
        <source>could not save: {reason}</source>
        <translation>저장할 수 없습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>TrainSettings</name>
    <message>
        <source>Training data and settings</source>
        <translation>학습 데이터와 설정</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>mnist.npz or a folder of IDX files (empty: Keras&apos; download)</source>
        <translation>mnist.npz 또는 IDX 파일 폴더 (비우면 Keras에서 내려받음)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <source>all {count}</source>
        <translation>전체 {count}개</translation>
    </message>
    <message>
        <source>Train on the first N MNIST images only: a quick run to watch it learn</source>
        <translation>MNIST 이미지 중 앞의 N개로만 학습합니다. 학습 과정을 빨리 보고 싶을 때 쓰세요</translation>
    </message>
    <message>
        <source>Pen strokes</source>
        <translation>펜 획</translation>
    </message>
    <message>
        <source>JSON lines of labelled strokes, e.g. pendigits-train.jsonl</source>
        <translation>레이블이 붙은 획의 JSON lines 파일 (예: pendigits-train.jsonl)</translation>
    </message>
    <message>
        <source>My drawings</source>
        <translation>내 그림</translation>
    </message>
    <message>
        <source>Clear…</source>
        <translation>지우기…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln drawing(s) you labelled</source>
        <translation>
            <numerusform>레이블을 붙인 그림&#xa0;%Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Fast (default): Adam, one-cycle schedule</source>
        <translation>빠르게 (기본): Adam, 원사이클 스케줄</translation>
    </message>
    <message>
        <source>Seed notebook: RMSprop, batch 64, 5 epochs</source>
        <translation>원본 노트북: RMSprop, 배치 크기 64, 에포크 5번</translation>
    </message>
    <message>
        <source>Best for drawings: MNIST + pen strokes, augmented</source>
        <translation>손글씨 그림용: MNIST + 펜 획, 데이터 증식</translation>
    </message>
    <message>
        <source>one-cycle</source>
        <translation>원사이클</translation>
    </message>
    <message>
        <source>Warm the learning rate up over the first 10% of steps, then decay it to zero</source>
        <translation>처음 10% 스텝 동안 학습률을 서서히 올린 뒤 0까지 줄입니다</translation>
    </message>
    <message>
        <source>on</source>
        <translation>사용</translation>
    </message>
    <message>
        <source>Small random rotations, shears, shifts and pen-width changes of the images</source>
        <translation>이미지를 무작위로 조금씩 회전하고 기울이고 옮기고 펜 굵기를 바꿉니다</translation>
    </message>
    <message>
        <source>How many differently bent and re-penned copies of each drawing to train on</source>
        <translation>그림마다 조금씩 휘고 펜을 바꿔 다시 그린 사본을 몇 개씩 학습할지</translation>
    </message>
    <message>
        <source>Share of the data held back to draw the validation curves</source>
        <translation>검증 곡선을 그리려고 따로 떼어 두는 데이터 비율</translation>
    </message>
    <message>
        <source>fine-tune the model in use</source>
        <translation>사용 중인 모델 미세 조정</translation>
    </message>
    <message>
        <source>Start from the model in use instead of a fresh network</source>
        <translation>새 신경망 대신 사용 중인 모델에서 시작합니다</translation>
    </message>
    <message>
        <source>watch it learn</source>
        <translation>학습 과정 보기</translation>
    </message>
    <message>
        <source>While it trains, the pad&apos;s answer, chart, maps and explanation follow the network being trained, a few times a second. The model in use stays until you press Use this model.</source>
        <translation>학습하는 동안 패드의 답, 차트, 특성 맵, 계산 설명이 1초에 몇 번씩 학습 중인 신경망을 따라갑니다. 사용 중인 모델은 ‘이 모델 사용’을 누를 때까지 그대로입니다.</translation>
    </message>
    <message>
        <source>MNIST images</source>
        <translation>MNIST 이미지</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>레시피</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>스케줄</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>데이터 증식</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>사본 수</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>검증 비율</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Choose something to train on: MNIST, a stroke file or your drawings.</source>
        <translation>학습할 데이터를 고르세요: MNIST, 획 파일, 내 그림 중에서 고를 수 있습니다.</translation>
    </message>
    <message>
        <source>the model in use is still loading; fine-tune it in a moment</source>
        <translation>사용 중인 모델을 아직 불러오는 중입니다. 잠시 후에 미세 조정하세요</translation>
    </message>
    <message>
        <source>Waiting for TensorFlow…</source>
        <translation>TensorFlow 기다리는 중…</translation>
    </message>
    <message>
        <source>Last run used {device}.</source>
        <translation>지난 학습은 {device}에서 실행했습니다.</translation>
    </message>
    <message>
        <source>No GPU found: training runs on the CPU.</source>
        <translation>GPU가 없습니다. CPU에서 학습합니다.</translation>
    </message>
    <message>
        <source>Training uses the device chosen here (the first GPU by default).</source>
        <translation>여기서 고른 장치로 학습합니다 (기본값은 첫 번째 GPU).</translation>
    </message>
    <message numerus="yes">
        <source>CPU (%n core(s))</source>
        <translation>
            <numerusform>CPU (코어 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing chosen to train on.</source>
        <translation>학습할 데이터를 고르지 않았습니다.</translation>
    </message>
    <message>
        <source>MNIST {used} of {train} training + {test} test images</source>
        <translation>MNIST 훈련 이미지&#xa0;{train}개 중 {used}개 + 테스트 이미지&#xa0;{test}개</translation>
    </message>
    <message>
        <source>MNIST {train} training + {test} test images</source>
        <translation>MNIST 훈련 이미지&#xa0;{train}개 + 테스트 이미지&#xa0;{test}개</translation>
    </message>
    <message>
        <source>{images} from Keras&apos; download, which needs the internet once (or Choose… a local mnist.npz)</source>
        <translation>{images}, Keras에서 내려받음 (처음 한 번 인터넷 필요. 또는 선택…으로 내 컴퓨터의 mnist.npz 지정)</translation>
    </message>
    <message>
        <source>MNIST: {error}</source>
        <translation>MNIST: {error}</translation>
    </message>
    <message numerus="yes">
        <source>pen strokes %Ln drawing(s)</source>
        <translation>
            <numerusform>펜 획 그림&#xa0;%Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>pen strokes: {error}</source>
        <translation>펜 획: {error}</translation>
    </message>
    <message>
        <source>MNIST</source>
        <translation>MNIST 선택</translation>
    </message>
    <message>
        <source>MNIST (*.npz);;All files (*)</source>
        <translation>MNIST (*.npz);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.json)</source>
        <translation>JSON lines (*.jsonl *.json)</translation>
    </message>
    <message>
        <source>Clear my drawings</source>
        <translation>내 그림 지우기</translation>
    </message>
    <message numerus="yes">
        <source>Forget all %Ln drawing(s) you labelled?</source>
        <translation>
            <numerusform>레이블을 붙인 그림 %Ln개를 모두 지울까요?</numerusform>
        </translation>
    </message>
</context>
</TS>
