<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About DigitPad</source>
        <translation>DigitPad 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;DigitPad {version}&lt;/h3&gt;&lt;p&gt;Draw a digit, watch a convnet read it. The network is the Keras MNIST convnet (Conv32–Pool–Conv64–Pool–Conv64–Dense64–Dense10).&lt;/p&gt;&lt;p&gt;Licence: {licence}&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;{link}&quot;&gt;The project: how to install, use and train DigitPad&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;DigitPad {version}&lt;/h3&gt;&lt;p&gt;숫자를 그리고, 합성곱 신경망(컨브넷)이 그 숫자를 읽는 과정을 지켜보세요. 신경망은 Keras의 MNIST 컨브넷입니다(Conv32–Pool–Conv64–Pool–Conv64–Dense64–Dense10).&lt;/p&gt;&lt;p&gt;라이선스: {licence}&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;{link}&quot;&gt;프로젝트: DigitPad 설치, 사용, 학습 방법&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrix</name>
    <message>
        <source>Rows: the true digit. Columns: what the network said. Click a cell to see those images.</source>
        <translation>행은 실제 숫자, 열은 신경망이 답한 숫자입니다. 칸을 클릭하면 해당 이미지를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>true digit</source>
        <translation>실제 숫자</translation>
    </message>
    <message>
        <source>predicted digit</source>
        <translation>예측한 숫자</translation>
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
        <source>Kept as a {digit} in my drawings; press again to take it back</source>
        <translation>내 그림에 저장했습니다(레이블 {digit}). 다시 누르면 내 그림에서 뺍니다</translation>
    </message>
    <message>
        <source>The drawing is a {digit}: keep it with that label in my drawings</source>
        <translation>이 그림의 정답은 {digit}입니다. 이 레이블로 내 그림에 저장합니다</translation>
    </message>
    <message>
        <source>An opened image has no strokes to keep in my drawings: draw the digit on the pad to keep it</source>
        <translation>연 이미지에는 내 그림에 저장할 획이 없습니다. 저장하려면 패드에 숫자를 그리세요</translation>
    </message>
    <message>
        <source>Kept in my drawings; press again to take it back</source>
        <translation>내 그림에 저장했습니다. 다시 누르면 내 그림에서 뺍니다</translation>
    </message>
    <message>
        <source>No digit stands out, so there is no answer to confirm; if it is a digit, say which with the buttons below</source>
        <translation>두드러지는 숫자가 없어 확인할 답이 없습니다. 숫자라면 아래 버튼으로 어떤 숫자인지 알려 주세요</translation>
    </message>
    <message>
        <source>Digit #{position}?</source>
        <translation>{position}번째 숫자?</translation>
    </message>
    <message>
        <source>Is it right?</source>
        <translation>맞나요?</translation>
    </message>
</context>
<context>
    <name>DesignFormula</name>
    <message>
        <source>already flat</source>
        <translation>이미 펼쳐짐</translation>
    </message>
    <message>
        <source>the mean of each {rows}×{columns} map</source>
        <translation>{rows}×{columns} 맵 각각의 평균</translation>
    </message>
    <message>
        <source>4·{channels} = {parameters:,} (γ, β, mean, variance)</source>
        <translation>4·{channels} = {parameters:,} (γ, β, 평균, 분산)</translation>
    </message>
</context>
<context>
    <name>DesignProblem</name>
    <message>
        <source>the design has no layers</source>
        <translation>설계에 층이 없습니다</translation>
    </message>
    <message>
        <source>the design has {count} layers; DigitPad trains at most {limit}</source>
        <translation>설계의 층이 {count}개입니다. DigitPad는 층 {limit}개까지 학습합니다</translation>
    </message>
    <message>
        <source>{name}: two layers have this name</source>
        <translation>{name}: 이 이름을 쓰는 층이 둘입니다</translation>
    </message>
    <message>
        <source>the design has {parameters:,} parameters; DigitPad trains at most {limit:,}</source>
        <translation>설계의 매개변수가 {parameters:,}개입니다. DigitPad는 매개변수 {limit:,}개까지 학습합니다</translation>
    </message>
    <message>
        <source>the network must end with 10 numbers, one per digit, but its output is {shape}; end with Dense 10 softmax</source>
        <translation>신경망은 숫자마다 하나씩 값 10개로 끝나야 하는데 출력이 {shape}입니다. Dense 10 softmax로 끝내세요</translation>
    </message>
    <message>
        <source>{name}: the last layer must give probabilities: use the softmax activation</source>
        <translation>{name}: 마지막 층은 확률을 내야 합니다. softmax 활성화 함수를 쓰세요</translation>
    </message>
    <message>
        <source>{name}: DigitPad&apos;s designs have no layer {kind!r} (they have {kinds})</source>
        <translation>{name}: DigitPad의 설계에는 {kind!r} 층이 없습니다(있는 층: {kinds})</translation>
    </message>
    <message>
        <source>layer {name!r}: a name is letters, digits and _ only</source>
        <translation>층 {name!r}: 이름에는 글자, 숫자, _만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>{name}: {key} must be a whole number ≥ 1, got {value!r}</source>
        <translation>{name}: {key} 값은 1 이상의 정수여야 하는데 {value!r}입니다</translation>
    </message>
    <message>
        <source>{name}: {value:,} {key} is more than DigitPad allows ({limit:,})</source>
        <translation>{name}: {key} 값({value:,})이 DigitPad가 허용하는 값({limit:,})보다 큽니다</translation>
    </message>
    <message>
        <source>{name}: {key} {value} is larger than the 28×28 image</source>
        <translation>{name}: {key} 값({value})이 28×28 이미지보다 큽니다</translation>
    </message>
    <message>
        <source>{name}: padding must be &apos;valid&apos; or &apos;same&apos;, got {value!r}</source>
        <translation>{name}: padding은 &apos;valid&apos; 또는 &apos;same&apos;이어야 하는데 {value!r}입니다</translation>
    </message>
    <message>
        <source>{name}: the activation must be one of {choices}, got {value!r}</source>
        <translation>{name}: 활성화 함수는 {choices} 중 하나여야 하는데 {value!r}입니다</translation>
    </message>
    <message>
        <source>{name}: softmax gives the final probabilities, so only the last layer may use it</source>
        <translation>{name}: softmax는 최종 확률을 내므로 마지막 층만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>{name}: the dropout rate must be at least 0 and below 1, got {value!r}</source>
        <translation>{name}: 드롭아웃 비율은 0 이상 1 미만이어야 하는데 {value!r}입니다</translation>
    </message>
    <message>
        <source>{name}: epsilon must be a small positive number, got {value!r}</source>
        <translation>{name}: epsilon은 작은 양수여야 하는데 {value!r}입니다</translation>
    </message>
    <message>
        <source>{name}: {kind} needs maps, but its input is already flat {shape}</source>
        <translation>{name}: {kind} 층에는 맵이 필요한데, 입력({shape})이 이미 펼쳐져 있습니다</translation>
    </message>
    <message>
        <source>{name}: Dense needs a flat input, but its input is maps {shape}; add Flatten or GlobalAveragePooling2D before it</source>
        <translation>{name}: Dense 층에는 펼쳐진 입력이 필요한데 입력이 맵 {shape}입니다. 앞에 Flatten이나 GlobalAveragePooling2D를 넣으세요</translation>
    </message>
    <message>
        <source>{name}: a {window}×{window} patch does not fit the {size}×{size} map</source>
        <translation>{name}: {window}×{window} 패치가 {size}×{size} 맵에 들어가지 않습니다</translation>
    </message>
    <message>
        <source>{name}: a {window}×{window} window does not fit the {size}×{size} map</source>
        <translation>{name}: {window}×{window} 윈도우가 {size}×{size} 맵에 들어가지 않습니다</translation>
    </message>
    <message>
        <source>too large for a network design ({size:,} bytes)</source>
        <translation>신경망 설계 파일로는 너무 큽니다({size:,}바이트)</translation>
    </message>
    <message>
        <source>not a text file (Keras JSON is text, as model.to_json() writes it)</source>
        <translation>텍스트 파일이 아닙니다(Keras JSON은 model.to_json()이 쓰는 것처럼 텍스트입니다)</translation>
    </message>
    <message>
        <source>cannot be read ({error})</source>
        <translation>읽을 수 없습니다({error})</translation>
    </message>
    <message>
        <source>broken JSON ({error})</source>
        <translation>JSON 형식이 깨져 있습니다({error})</translation>
    </message>
    <message>
        <source>broken JSON ({error} at line {line}, column {column})</source>
        <translation>JSON 형식이 깨져 있습니다({line}번째 줄 {column}번째 칸: {error})</translation>
    </message>
    <message>
        <source>not a Keras Sequential model (it holds a {kind}); DigitPad designs are Sequential stacks, as model.to_json() writes them</source>
        <translation>Keras Sequential 모델이 아닙니다({kind} 모델입니다). DigitPad 설계는 model.to_json()이 쓰는 것과 같은 Sequential 층 쌓기입니다</translation>
    </message>
    <message>
        <source>not a Keras Sequential model (it has no &quot;class_name&quot;: &quot;Sequential&quot;); DigitPad designs are Sequential stacks, as model.to_json() writes them</source>
        <translation>Keras Sequential 모델이 아닙니다(&quot;class_name&quot;: &quot;Sequential&quot;이 없습니다). DigitPad 설계는 model.to_json()이 쓰는 것과 같은 Sequential 층 쌓기입니다</translation>
    </message>
    <message>
        <source>the model&apos;s config has no list of layers</source>
        <translation>모델 설정에 층 목록이 없습니다</translation>
    </message>
    <message>
        <source>layer {position} is not a Keras layer&apos;s config</source>
        <translation>{position}번째 층이 Keras 층 설정이 아닙니다</translation>
    </message>
    <message>
        <source>{name}: the model reads inputs of shape {shape}; DigitPad&apos;s are 28×28×1</source>
        <translation>{name}: 모델의 입력 모양이 {shape}입니다. DigitPad의 입력은 28×28×1입니다</translation>
    </message>
    <message>
        <source>{name}: a Lambda layer is code, and DigitPad reads designs as data only</source>
        <translation>{name}: Lambda 층은 코드입니다. DigitPad는 설계를 데이터로만 읽습니다</translation>
    </message>
    <message>
        <source>{name}: DigitPad&apos;s maps are channels_last</source>
        <translation>{name}: DigitPad의 맵은 channels_last 형식입니다</translation>
    </message>
    <message>
        <source>{name}: DigitPad&apos;s {kind} layers always have a bias</source>
        <translation>{name}: DigitPad의 {kind} 층에는 언제나 편향이 있습니다</translation>
    </message>
    <message>
        <source>{name}: dilated or grouped convolutions are not among DigitPad&apos;s layers</source>
        <translation>{name}: 팽창(dilated) 합성곱이나 그룹 합성곱은 DigitPad의 층에 없습니다</translation>
    </message>
    <message>
        <source>{name}: DigitPad normalises each map (axis -1, with γ and β)</source>
        <translation>{name}: DigitPad는 맵마다 정규화합니다(축 -1, γ와 β 포함)</translation>
    </message>
    <message>
        <source>{name}: keepdims is not among DigitPad&apos;s settings</source>
        <translation>{name}: keepdims는 DigitPad의 설정에 없습니다</translation>
    </message>
    <message>
        <source>{name}: {key} {value} is not square; DigitPad&apos;s patches are n×n</source>
        <translation>{name}: {key} 값({value})이 정사각형이 아닙니다. DigitPad의 패치는 n×n입니다</translation>
    </message>
    <message>
        <source>the design is not a list of layers with a kind and a name</source>
        <translation>설계가 종류와 이름을 가진 층의 목록이 아닙니다</translation>
    </message>
</context>
<context>
    <name>DesignSetting</name>
    <message>
        <source>filters</source>
        <translation>필터 수</translation>
    </message>
    <message>
        <source>units</source>
        <translation>유닛 수</translation>
    </message>
    <message>
        <source>patch size</source>
        <translation>패치 크기</translation>
    </message>
    <message>
        <source>patch size (kernel_size)</source>
        <translation>패치 크기(kernel_size)</translation>
    </message>
    <message>
        <source>window size</source>
        <translation>윈도우 크기</translation>
    </message>
    <message>
        <source>window size (pool_size)</source>
        <translation>윈도우 크기(pool_size)</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>스트라이드</translation>
    </message>
</context>
<context>
    <name>DigitChanges</name>
    <message>
        <source>Per digit: the last selected run&apos;s test accuracy minus the first&apos;s</source>
        <translation>숫자별: 선택한 학습 기록 중 가장 최근 기록의 테스트 정확도에서 가장 오래된 기록의 정확도를 뺀 값</translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <source>Drawing pad</source>
        <translation>그림 패드</translation>
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
        <translation>&lt;b&gt;{layer}&lt;/b&gt; · 맵 {channel} · {where}: &lt;b&gt;{value}&lt;/b&gt;</translation>
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
        <translation>커널
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
        <source> → tanh(z) = (e^z − e^−z) / (e^z + e^−z) → &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation> → tanh(z) = (e^z − e^−z) / (e^z + e^−z) → &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source> → sigmoid σ(z) = 1 / (1 + e^−z) → &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation> → 시그모이드 σ(z) = 1 / (1 + e^−z) → &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Stride {stride}, padding {padding}: the window of row {row}, column {column} starts at row {row} × {stride} − {pad_top} = {top}, column {column} × {stride} − {pad_left} = {left} of {source}.</source>
        <translation>스트라이드 {stride}, 패딩 {padding}: {row}행 {column}열의 윈도우는 {source}의 {row} × {stride} − {pad_top} = {top}행, {column} × {stride} − {pad_left} = {left}열에서 시작합니다.</translation>
    </message>
    <message numerus="yes">
        <source>Padding “same” adds zeros around the input so that the maps keep ⌈size / stride⌉ positions: the %n grey cell(s) of the patch are those zeros.</source>
        <translation>
            <numerusform>“same” 패딩은 맵이 ⌈크기 / 스트라이드⌉ 칸을 유지하도록 입력 둘레에 0을 덧붙입니다: 패치의 회색 칸 %n개가 그 0입니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n grey cell(s) lie in the padding and take no part.</source>
        <translation>
            <numerusform>회색 칸 %n개는 패딩에 있어 계산에 들어가지 않습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Average pooling takes the mean of each {size}×{size} window of {source}, map {channel} (rows {top}–{bottom}, columns {left}–{right}): {total} ÷ {count} = {value}. It has no weights.</source>
        <translation>평균 풀링은 {source}의 맵 {channel}에서 {size}×{size} 윈도우({top}–{bottom}행, {left}–{right}열)의 평균을 냅니다: {total} ÷ {count} = {value}. 가중치가 없습니다.</translation>
    </message>
    <message>
        <source>Max pooling keeps the largest of each 2×2 window of {source}, map {channel} (rows {top}–{bottom}, columns {left}–{right}): {value}. It has no weights; it halves the height and the width.</source>
        <translation>최대 풀링은 {source}의 맵 {channel}에서 2×2 윈도우({top}–{bottom}행, {left}–{right}열)의 가장 큰 값만 남깁니다: {value}. 가중치가 없고, 높이와 너비를 절반으로 줄입니다.</translation>
    </message>
    <message>
        <source>Max pooling keeps the largest of each {size}×{size} window of {source}, map {channel} (rows {top}–{bottom}, columns {left}–{right}): {value}. It has no weights.</source>
        <translation>최대 풀링은 {source}의 맵 {channel}에서 {size}×{size} 윈도우({top}–{bottom}행, {left}–{right}열)의 가장 큰 값만 남깁니다: {value}. 가중치가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>The windows start every {stride} pixels, so neighbouring windows overlap: they share %n row(s) or column(s).</source>
        <translation>
            <numerusform>윈도우가 {stride}픽셀마다 시작하므로 이웃한 윈도우가 겹칩니다: 행이나 열을 %n개 공유합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Global average pooling takes the mean of the whole {height}×{width} map {channel} of {source}: {total} ÷ {count} = {value}. One number per map; it has no weights.</source>
        <translation>전역 평균 풀링은 {source}의 {height}×{width} 맵 {channel} 전체의 평균을 냅니다: {total} ÷ {count} = {value}. 맵마다 숫자 하나이며, 가중치가 없습니다.</translation>
    </message>
    <message>
        <source>unit {unit} of {source}</source>
        <translation>{source}의 유닛 {unit}</translation>
    </message>
    <message>
        <source>{where} of {source}, map {channel}</source>
        <translation>{source}, 맵 {channel}의 {where}</translation>
    </message>
    <message>
        <source>Batch normalization of {place} = {x}, with the numbers it stored in training for this channel: (x − mean) / √(variance + ε) · γ + β = ({x} − {mean}) / √({variance} + {epsilon}) · {gamma} + {beta} = &lt;b&gt;{value}&lt;/b&gt;. When predicting it uses these moving averages, not a batch&apos;s own.</source>
        <translation>{place} = {x}의 배치 정규화. 학습 중 이 채널에 저장한 숫자로 계산합니다: (x − 평균) / √(분산 + ε) · γ + β = ({x} − {mean}) / √({variance} + {epsilon}) · {gamma} + {beta} = &lt;b&gt;{value}&lt;/b&gt;. 예측할 때는 배치 자체의 통계가 아니라 이 이동 평균을 씁니다.</translation>
    </message>
    <message>
        <source>Dropout passes values unchanged when predicting: {place} = {x} → &lt;b&gt;{value}&lt;/b&gt;. During training it zeroes a fraction {rate} of them at random and scales the rest by 1 / (1 − {rate}), so that no unit can count on another.</source>
        <translation>드롭아웃은 예측할 때 값을 그대로 넘깁니다: {place} = {x} → &lt;b&gt;{value}&lt;/b&gt;. 학습 중에는 값의 {rate} 비율을 무작위로 0으로 만들고 나머지 값은 1 / (1 − {rate})배로 키워, 어떤 유닛도 다른 유닛에 기댈 수 없게 합니다.</translation>
    </message>
    <message>
        <source>ReLU keeps what is above zero: max(0, {x}) = &lt;b&gt;{value}&lt;/b&gt;, from {place}.</source>
        <translation>ReLU는 0보다 큰 값만 남깁니다: max(0, {x}) = &lt;b&gt;{value}&lt;/b&gt;, {place}에서 온 값입니다.</translation>
    </message>
    <message>
        <source>tanh squashes any number into −1…1: tanh(z) = (e^z − e^−z) / (e^z + e^−z); tanh({x}) = &lt;b&gt;{value}&lt;/b&gt;, from {place}.</source>
        <translation>tanh는 어떤 수든 −1…1 사이로 압축합니다: tanh(z) = (e^z − e^−z) / (e^z + e^−z); tanh({x}) = &lt;b&gt;{value}&lt;/b&gt;, {place}에서 온 값입니다.</translation>
    </message>
    <message>
        <source>The sigmoid squashes any number into 0…1: σ(z) = 1 / (1 + e^−z); σ({x}) = &lt;b&gt;{value}&lt;/b&gt;, from {place}.</source>
        <translation>시그모이드는 어떤 수든 0…1 사이로 압축합니다: σ(z) = 1 / (1 + e^−z); σ({x}) = &lt;b&gt;{value}&lt;/b&gt;, {place}에서 온 값입니다.</translation>
    </message>
    <message>
        <source>A linear activation passes the value unchanged: {x} → &lt;b&gt;{value}&lt;/b&gt;, from {place}.</source>
        <translation>선형 활성화는 값을 그대로 넘깁니다: {x} → &lt;b&gt;{value}&lt;/b&gt;, {place}에서 온 값입니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&lt;/b&gt; · element {index}: &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt; · {index}번째 원소: &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Flatten only reorders. The value at {where} of {source} map {channel} becomes element &lt;b&gt;{index}&lt;/b&gt; of one long vector: (row × width + column) × maps + map = ({row} × {width} + {column}) × {maps} + {channel} = {index}. The dense layer reads that vector.</source>
        <translation>펼침 층은 순서만 바꿉니다. {source} 맵 {channel}의 {where} 값이 긴 벡터 하나의 &lt;b&gt;{index}&lt;/b&gt;번째 원소가 됩니다: (행 × 너비 + 열) × 맵 수 + 맵 = ({row} × {width} + {column}) × {maps} + {channel} = {index}. 완전 연결 층이 이 벡터를 읽습니다.</translation>
    </message>
    <message>
        <source>Softmax: each exponential divided by their sum {total}. For {digit}: {exponential} ÷ {total} = &lt;b&gt;{probability}&lt;/b&gt;, for the drawing as drawn. (Subtracting the largest logit first changes no probability; it keeps the exponentials small.) When the pen lifts (and for a photo), the chart&apos;s bar is this reading and six of the drawing a little turned, narrowed or slanted, together.</source>
        <translation>소프트맥스: 각 지수 값을 지수 값의 합({total})으로 나눕니다. {digit}의 경우 {exponential} ÷ {total} = &lt;b&gt;{probability}&lt;/b&gt;, 그린 그대로의 그림에 대한 값입니다. (가장 큰 로짓을 먼저 빼도 확률은 그대로이고, 지수 값이 너무 커지지 않습니다.) 펜을 떼면(사진일 때도) 차트의 막대는 이 값과, 그림을 조금 돌리거나 좁히거나 기울여 읽은 여섯 값을 함께 모은 것입니다.</translation>
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
        <source>Each input is a cell of {layer}&apos;s maps: map (row, column).</source>
        <translation>입력 하나하나는 {layer} 맵의 한 칸입니다: 맵 (행, 열).</translation>
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
        <source>The logits z are the layer before&apos;s ten values, unchanged: this layer only applies softmax, which turns the ten into probabilities:</source>
        <translation>로짓 z는 앞 층의 값 열 개를 그대로 씁니다. 이 층은 소프트맥스만 적용해 열 개의 값을 확률로 바꿉니다:</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&lt;/b&gt; · digit {digit}: &lt;b&gt;{value}&lt;/b&gt; for the drawing as drawn; the chart&apos;s {chart} is seven readings together</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt; · 숫자 {digit}: &lt;b&gt;{value}&lt;/b&gt;(그린 그대로의 그림). 차트의 {chart}는 일곱 가지로 읽은 값을 합친 것입니다</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}&lt;/b&gt; · digit {digit}: &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{layer}&lt;/b&gt; · 숫자 {digit}: &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The logit z of digit {digit}: each of the {count} inputs from the layer before times digit {digit}&apos;s weight, added up, plus its bias: {products} + {bias} = &lt;b&gt;{total}&lt;/b&gt;. Every digit&apos;s logit is made the same way; softmax turns the ten into probabilities:</source>
        <translation>숫자 {digit}의 로짓 z는 앞 층에서 온 입력 {count}개에 숫자 {digit}의 가중치를 각각 곱해 더하고 편향을 더한 값입니다: {products} + {bias} = &lt;b&gt;{total}&lt;/b&gt;. 모든 숫자의 로짓이 같은 방식으로 만들어지고, 소프트맥스가 이 열 개를 확률로 바꿉니다:</translation>
    </message>
    <message>
        <source>input {index} = {layer} map {map} ({row}, {column}): {value} × {weight}</source>
        <translation>입력 {index} = {layer} 맵 {map} ({row}, {column}): {value} × {weight}</translation>
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
        <source>Opening {file}…</source>
        <translation>{file} 파일을 여는 중…</translation>
    </message>
    <message>
        <source>Could not open {file}: {reason}</source>
        <translation>{file} 파일을 열 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{file} was not shown: the pad changed while it was being read. Open it again to show it.</source>
        <translation>{file} 파일을 읽는 동안 패드가 바뀌어서 보여 주지 않았습니다. 보려면 다시 여세요.</translation>
    </message>
    <message>
        <source>Opened {file}</source>
        <translation>{file} 파일을 열었습니다</translation>
    </message>
    <message>
        <source>The pad shows an opened image, which is a file already: Save drawing saves the strokes you draw. To save strokes over the image, choose Edit &gt; Draw over the image (Ctrl+D) first.</source>
        <translation>패드에 열린 이미지는 이미 파일로 있습니다. 그림 저장은 직접 그린 획을 저장합니다. 이미지 위에 그린 획을 저장하려면 먼저 편집 &gt; 이미지 위에 그리기(Ctrl+D)를 고르세요.</translation>
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
    <name>FileProblem</name>
    <message>
        <source>no such file</source>
        <translation>파일이 없습니다</translation>
    </message>
    <message>
        <source>is a folder, not an image</source>
        <translation>이미지가 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>the image is too large to open safely ({error})</source>
        <translation>이미지가 너무 커서 안전하게 열 수 없습니다({error})</translation>
    </message>
    <message>
        <source>a HEIC/HEIF photo (an iPhone&apos;s); reading one needs pi-heif: pip install pi-heif</source>
        <translation>HEIC/HEIF 사진(아이폰 사진)입니다. 읽으려면 pi-heif가 필요합니다: pip install pi-heif</translation>
    </message>
    <message>
        <source>a PDF, not an image; save the scanned page as PNG or JPEG</source>
        <translation>이미지가 아니라 PDF입니다. 스캔한 페이지를 PNG나 JPEG로 저장하세요</translation>
    </message>
    <message>
        <source>not an image DigitPad can read; save it as PNG or JPEG</source>
        <translation>DigitPad가 읽을 수 있는 이미지가 아닙니다. PNG나 JPEG로 저장하세요</translation>
    </message>
    <message>
        <source>its name ends in {suffix} but it holds no image: it is damaged, or another kind of file renamed</source>
        <translation>확장자는 {suffix}이지만 이미지가 들어 있지 않습니다. 파일이 손상되었거나 다른 종류의 파일의 이름만 바꾼 것입니다</translation>
    </message>
    <message>
        <source>the image is damaged or truncated ({error})</source>
        <translation>이미지가 손상되었거나 잘려 있습니다({error})</translation>
    </message>
    <message>
        <source>the file is larger than {megabytes} MB (the limit for a drawing); it is not a drawing</source>
        <translation>파일이 {megabytes}MB(그림 파일의 한도)보다 큽니다. 그림 파일이 아닙니다</translation>
    </message>
    <message>
        <source>cannot read ({error})</source>
        <translation>읽을 수 없습니다({error})</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>빈 파일입니다</translation>
    </message>
    <message>
        <source>no such model file</source>
        <translation>모델 파일이 없습니다</translation>
    </message>
    <message>
        <source>not a .keras model file (DigitPad reads Keras 3 .keras files only)</source>
        <translation>.keras 모델 파일이 아닙니다(DigitPad는 Keras 3의 .keras 파일만 읽습니다)</translation>
    </message>
    <message>
        <source>the file is {size:,.0f} MB; DigitPad opens models of up to {limit} MB</source>
        <translation>파일 크기가 {size:,.0f}MB입니다. DigitPad는 {limit}MB까지의 모델만 엽니다</translation>
    </message>
    <message>
        <source>not a Keras model (the file is corrupt or truncated)</source>
        <translation>Keras 모델 파일이 아닙니다(파일이 손상되었거나 잘렸습니다)</translation>
    </message>
    <message>
        <source>not a Keras model (the file is corrupt or truncated: {error})</source>
        <translation>Keras 모델 파일이 아닙니다(파일이 손상되었거나 잘렸습니다: {error})</translation>
    </message>
    <message>
        <source>not a DigitPad model: the archive holds {name!r} (expected only {names})</source>
        <translation>DigitPad 모델이 아닙니다: 압축 파일 안에 {name!r} 파일이 있습니다({names}만 있어야 합니다)</translation>
    </message>
    <message>
        <source>not a Keras model (no {member} in the archive)</source>
        <translation>Keras 모델 파일이 아닙니다(압축 파일 안에 {member} 파일이 없습니다)</translation>
    </message>
    <message>
        <source>its {member} would inflate to {size:,.1f} MB; the limit is {limit:g} MB</source>
        <translation>안에 든 {member} 파일을 풀면 {size:,.1f}MB가 됩니다. 한도는 {limit:g}MB입니다</translation>
    </message>
    <message>
        <source>its {member} is compressed {ratio:,.0f}:1, which no model is (the limit is {limit}:1)</source>
        <translation>안에 든 {member} 파일이 {ratio:,.0f}:1로 압축되어 있습니다. 이런 모델은 없습니다(한도 {limit}:1)</translation>
    </message>
    <message>
        <source>its {member} inflates beyond {limit:g} MB (the limit), more than the archive declares</source>
        <translation>안에 든 {member} 파일을 풀면 한도인 {limit:g}MB를 넘습니다. 압축 파일에 적힌 크기보다 큽니다</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>파일이나 폴더가 없습니다</translation>
    </message>
    <message>
        <source>no such file or folder (expected MNIST as a .npz file or a folder of IDX files)</source>
        <translation>파일이나 폴더가 없습니다(MNIST는 .npz 파일이나 IDX 파일이 든 폴더여야 합니다)</translation>
    </message>
    <message>
        <source>not a readable MNIST .npz (an .npz is a zip archive, and this file is not one)</source>
        <translation>읽을 수 있는 MNIST .npz 파일이 아닙니다(.npz는 zip 압축 파일인데 이 파일은 그렇지 않습니다)</translation>
    </message>
    <message>
        <source>not a readable MNIST .npz ({error})</source>
        <translation>읽을 수 있는 MNIST .npz 파일이 아닙니다({error})</translation>
    </message>
    <message>
        <source>no {stem} or {stem}.gz in this folder (expected the four MNIST IDX files)</source>
        <translation>이 폴더에 {stem} 파일도 {stem}.gz 파일도 없습니다(MNIST IDX 파일 네 개가 있어야 합니다)</translation>
    </message>
    <message>
        <source>not an IDX file (bad magic number)</source>
        <translation>IDX 파일이 아닙니다(매직 넘버가 맞지 않습니다)</translation>
    </message>
    <message>
        <source>IDX data type 0x{code:02x} is not unsigned bytes (0x08)</source>
        <translation>IDX 데이터 형식이 부호 없는 바이트(0x08)가 아니라 0x{code:02x}입니다</translation>
    </message>
    <message>
        <source>truncated IDX header</source>
        <translation>IDX 헤더가 잘려 있습니다</translation>
    </message>
    <message>
        <source>is a folder, not a stroke file</source>
        <translation>획 파일이 아니라 폴더입니다</translation>
    </message>
    <message>
        <source>missing arrays {missing} (found {found}; expected x_train, y_train, x_test, y_test)</source>
        <translation>배열 {missing}이(가) 없습니다(있는 배열: {found}. x_train, y_train, x_test, y_test가 있어야 합니다)</translation>
    </message>
    <message>
        <source>not a readable .npz archive ({error})</source>
        <translation>읽을 수 있는 .npz 압축 파일이 아닙니다({error})</translation>
    </message>
    <message>
        <source>IDX header says {expected} bytes of data for shape {shape}, file has {found}</source>
        <translation>IDX 헤더에 따르면 모양 {shape}의 데이터는 {expected}바이트인데 파일에는 {found}바이트가 있습니다</translation>
    </message>
    <message>
        <source>x_{split} has shape {shape}, expected (n, 28, 28)</source>
        <translation>x_{split}의 모양이 {shape}입니다. (n, 28, 28)이어야 합니다</translation>
    </message>
    <message>
        <source>y_{split} has shape {shape}, expected ({count},)</source>
        <translation>y_{split}의 모양이 {shape}입니다. ({count},)이어야 합니다</translation>
    </message>
    <message>
        <source>x_{split} must hold integers 0..255, got dtype {dtype}</source>
        <translation>x_{split}에는 0..255의 정수가 있어야 하는데 자료형이 {dtype}입니다</translation>
    </message>
    <message>
        <source>y_{split} must hold digit labels 0..9, got dtype {dtype}</source>
        <translation>y_{split}에는 0..9의 숫자 레이블이 있어야 하는데 자료형이 {dtype}입니다</translation>
    </message>
    <message>
        <source>x_{split} is empty</source>
        <translation>x_{split}이(가) 비어 있습니다</translation>
    </message>
    <message>
        <source>not valid JSON ({error} at column {column})</source>
        <translation>올바른 JSON이 아닙니다({column}번째 칸: {error})</translation>
    </message>
    <message>
        <source>not valid JSON ({error})</source>
        <translation>올바른 JSON이 아닙니다({error})</translation>
    </message>
    <message>
        <source>expected a JSON object with a &quot;strokes&quot; list</source>
        <translation>&quot;strokes&quot; 목록이 있는 JSON 객체여야 합니다</translation>
    </message>
    <message>
        <source>&quot;width&quot; and &quot;height&quot; must be numbers</source>
        <translation>&quot;width&quot;와 &quot;height&quot;는 숫자여야 합니다</translation>
    </message>
    <message>
        <source>&quot;label&quot; must be a digit 0..9, got {label!r}</source>
        <translation>&quot;label&quot;은 0..9의 숫자여야 하는데 {label!r}입니다</translation>
    </message>
    <message>
        <source>no &quot;label&quot; (a digit 0..9 is needed here)</source>
        <translation>&quot;label&quot;이 없습니다(여기에는 0..9의 숫자가 필요합니다)</translation>
    </message>
    <message>
        <source>the line is longer than {megabytes} MB (the limit); it is not a drawing</source>
        <translation>줄이 한도인 {megabytes}MB보다 깁니다. 그림이 아닙니다</translation>
    </message>
    <message>
        <source>the drawing has more than {limit:,} points (the limit); it is not a drawing</source>
        <translation>그림의 점이 한도인 {limit:,}개보다 많습니다. 그림이 아닙니다</translation>
    </message>
    <message>
        <source>strokes must be a list of strokes, each a list of [x, y] points</source>
        <translation>strokes는 획의 목록이어야 하고, 각 획은 [x, y] 점의 목록이어야 합니다</translation>
    </message>
    <message>
        <source>stroke {stroke} is not a list of [x, y] number pairs</source>
        <translation>{stroke}번째 획이 [x, y] 숫자 쌍의 목록이 아닙니다</translation>
    </message>
    <message>
        <source>stroke {stroke}, point {point} is not a finite number</source>
        <translation>{stroke}번째 획의 {point}번째 점이 유한한 수가 아닙니다</translation>
    </message>
    <message>
        <source>stroke {stroke} has a coordinate beyond ±{limit:g}; the drawing is not in pixel units</source>
        <translation>{stroke}번째 획에 ±{limit:g} 범위를 벗어나는 좌표가 있습니다. 그림이 픽셀 단위가 아닙니다</translation>
    </message>
    <message>
        <source>the drawing box must have a positive width and height, got {box!r}</source>
        <translation>그림 상자의 너비와 높이는 양수여야 하는데 {box!r}입니다</translation>
    </message>
    <message>
        <source>cannot be loaded: {error}</source>
        <translation>불러올 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>cannot be loaded: it contains code (a Lambda layer), which DigitPad refuses to run</source>
        <translation>불러올 수 없습니다: 코드(Lambda 층)가 들어 있는데, DigitPad는 이런 코드를 실행하지 않습니다</translation>
    </message>
    <message>
        <source>does not hold a Keras model</source>
        <translation>Keras 모델이 들어 있지 않습니다</translation>
    </message>
    <message>
        <source>model files must end in .keras</source>
        <translation>모델 파일 이름은 .keras로 끝나야 합니다</translation>
    </message>
    <message>
        <source>no such folder</source>
        <translation>폴더가 없습니다</translation>
    </message>
    <message>
        <source>could not save the model ({error}); the old file is unchanged</source>
        <translation>모델을 저장할 수 없습니다({error}). 원래 파일은 그대로입니다</translation>
    </message>
    <message>
        <source>a Keras model file must end in .keras</source>
        <translation>Keras 모델 파일 이름은 .keras로 끝나야 합니다</translation>
    </message>
    <message>
        <source>a TensorFlow Lite file must end in .tflite</source>
        <translation>TensorFlow Lite 파일 이름은 .tflite로 끝나야 합니다</translation>
    </message>
    <message>
        <source>ONNX export needs tf2onnx and onnxruntime: pip install &apos;digitpad[onnx]&apos;</source>
        <translation>ONNX로 내보내려면 tf2onnx와 onnxruntime이 필요합니다: pip install &apos;digitpad[onnx]&apos;</translation>
    </message>
    <message>
        <source>could not write the export ({error})</source>
        <translation>내보낸 파일을 쓸 수 없습니다({error})</translation>
    </message>
    <message>
        <source>the export gives shape {shape}, not {expected}; nothing was written</source>
        <translation>내보낸 모델의 출력 모양이 {shape}입니다(예상한 모양: {expected}). 아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <source>the export&apos;s probabilities differ from the model&apos;s by {difference:.2g} (more than {tolerance:g}); nothing was written</source>
        <translation>내보낸 모델의 확률이 원래 모델과 {difference:.2g}만큼 다릅니다({tolerance:g} 초과). 아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <source>{error}</source>
        <translation>{error}</translation>
    </message>
    <message>
        <source>skipped a damaged drawing ({place}: {reason})</source>
        <translation>손상된 그림을 건너뛰었습니다({place}: {reason})</translation>
    </message>
    <message>
        <source>skipped a damaged drawing ({error})</source>
        <translation>손상된 그림을 건너뛰었습니다({error})</translation>
    </message>
    <message>
        <source>skipped {place}: it has no label</source>
        <translation>{place}을(를) 건너뛰었습니다: 레이블이 없습니다</translation>
    </message>
    <message>
        <source>the loss became {loss} at epoch {epoch}, batch {batch}; lower the learning rate and train again</source>
        <translation>에포크 {epoch}의 배치 {batch}에서 손실이 {loss}이(가) 되었습니다. 학습률을 낮추고 다시 학습하세요</translation>
    </message>
    <message>
        <source>out of memory on {device} at batch size {batch_size}; try a smaller batch size</source>
        <translation>배치 크기 {batch_size}에서 {device}의 메모리가 부족합니다. 배치 크기를 줄여 보세요</translation>
    </message>
    <message>
        <source>out of memory; try a smaller batch size or fewer drawings</source>
        <translation>메모리가 부족합니다. 배치 크기를 줄이거나 그림 수를 줄여 보세요</translation>
    </message>
    <message>
        <source>not a Keras model (its config.json is not readable JSON: {error})</source>
        <translation>Keras 모델 파일이 아닙니다(config.json을 JSON으로 읽을 수 없습니다: {error})</translation>
    </message>
    <message>
        <source>not a Keras model (its weights are not readable)</source>
        <translation>Keras 모델 파일이 아닙니다(가중치를 읽을 수 없습니다)</translation>
    </message>
    <message>
        <source>not a Keras model (its config has no list of layers)</source>
        <translation>Keras 모델 파일이 아닙니다(구성에 층 목록이 없습니다)</translation>
    </message>
    <message>
        <source>DigitPad runs Sequential models only</source>
        <translation>DigitPad는 Sequential 모델만 실행합니다</translation>
    </message>
    <message>
        <source>DigitPad runs Keras Sequential models only; this is {kind!r}</source>
        <translation>DigitPad는 Keras Sequential 모델만 실행합니다. 이 모델은 {kind!r}입니다</translation>
    </message>
    <message>
        <source>it contains code (a Lambda layer), which DigitPad refuses to run</source>
        <translation>코드(Lambda 층)가 들어 있는데, DigitPad는 이런 코드를 실행하지 않습니다</translation>
    </message>
    <message>
        <source>layer {kind!r} is not one DigitPad runs (it runs {kinds})</source>
        <translation>{kind!r} 층은 DigitPad가 실행하는 층이 아닙니다(실행하는 층: {kinds})</translation>
    </message>
    <message>
        <source>layer {kind!r} has no readable config</source>
        <translation>{kind!r} 층의 구성을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>the model reads images of shape {shape}, DigitPad needs 28×28×1</source>
        <translation>모델의 입력 이미지 모양이 {shape}입니다. DigitPad에는 28×28×1이 필요합니다</translation>
    </message>
    <message>
        <source>the model has output shape {shape}, DigitPad needs 10 digit probabilities</source>
        <translation>모델의 출력 모양이 {shape}입니다. DigitPad에는 숫자별 확률 10개가 필요합니다</translation>
    </message>
    <message>
        <source>{name}: a softmax before the last layer is not one DigitPad runs</source>
        <translation>{name}: 마지막 층이 아닌 곳의 softmax는 DigitPad가 실행하지 않습니다</translation>
    </message>
    <message>
        <source>{name}: only channels_last maps run in DigitPad</source>
        <translation>{name}: DigitPad는 channels_last 형식의 맵만 실행합니다</translation>
    </message>
    <message>
        <source>{name}: activation {activation!r} is not one DigitPad runs ({activations})</source>
        <translation>{name}: 활성화 함수 {activation!r}은(는) DigitPad가 실행하지 않습니다(실행하는 함수: {activations})</translation>
    </message>
    <message>
        <source>{name}: it has {count} weight arrays; a {kind} with its settings has {expected}</source>
        <translation>{name}: 가중치 배열이 {count}개입니다. 이 설정의 {kind} 층에는 {expected}개가 있어야 합니다</translation>
    </message>
    <message>
        <source>{name}: dilated or grouped convolutions do not run in DigitPad</source>
        <translation>{name}: 팽창(dilated) 합성곱이나 그룹(grouped) 합성곱은 DigitPad에서 실행되지 않습니다</translation>
    </message>
    <message>
        <source>{name}: a dropout rate must be a number from 0 to below 1, not {rate!r}</source>
        <translation>{name}: 드롭아웃 비율은 0 이상 1 미만의 수여야 하는데 {rate!r}입니다</translation>
    </message>
    <message>
        <source>{name}: global pooling that keeps its dimensions does not run in DigitPad</source>
        <translation>{name}: 차원을 유지하는(keepdims) 전역 풀링은 DigitPad에서 실행되지 않습니다</translation>
    </message>
    <message>
        <source>{name}: only BatchNormalization over the channels (axis −1) runs in DigitPad</source>
        <translation>{name}: DigitPad는 채널 축(axis −1)에 대한 BatchNormalization만 실행합니다</translation>
    </message>
    <message>
        <source>{name}: epsilon must be a small positive number, not {epsilon!r}</source>
        <translation>{name}: epsilon은 작은 양수여야 하는데 {epsilon!r}입니다</translation>
    </message>
    <message>
        <source>{name}: its statistics are not one number per channel with a variance ≥ 0</source>
        <translation>{name}: 통계값이 채널마다 하나씩이 아니거나 분산이 0보다 작습니다</translation>
    </message>
    <message>
        <source>{name}: its {what} {value!r} is not a positive whole number</source>
        <translation>{name}: {what} 값({value!r})이 양의 정수가 아닙니다</translation>
    </message>
    <message>
        <source>{name}: its {what} {value!r} is not square; DigitPad runs square ones only</source>
        <translation>{name}: {what} 값({value!r})이 정사각형이 아닙니다. DigitPad는 정사각형만 실행합니다</translation>
    </message>
    <message>
        <source>{name}: its {what} {size} is larger than any 28×28 model needs</source>
        <translation>{name}: {what} 값({size})이 28×28 모델에 필요한 것보다 큽니다</translation>
    </message>
    <message>
        <source>dilation rate</source>
        <translation>팽창 비율</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <source>pool size</source>
        <translation>윈도우 크기</translation>
    </message>
    <message>
        <source>{name}: padding {padding!r} does not run in DigitPad (valid or same only)</source>
        <translation>{name}: 패딩 {padding!r}은(는) DigitPad에서 실행되지 않습니다(valid나 same만 가능)</translation>
    </message>
    <message>
        <source>{name}: a {kind} needs maps (height × width × channels), it gets {shape}</source>
        <translation>{name}: {kind} 층에는 맵(높이 × 너비 × 채널)이 필요한데 입력이 {shape}입니다</translation>
    </message>
    <message>
        <source>{name}: kernel {kernel} does not fit input {shape}</source>
        <translation>{name}: 커널 {kernel}이(가) 입력 {shape}에 맞지 않습니다</translation>
    </message>
    <message>
        <source>{name}: a {rows}×{cols} window does not fit the {height}×{width} map</source>
        <translation>{name}: {rows}×{cols} 윈도우가 {height}×{width} 맵에 들어가지 않습니다</translation>
    </message>
    <message>
        <source>{name}: its statistics do not fit input {shape}</source>
        <translation>{name}: 통계값이 입력 {shape}에 맞지 않습니다</translation>
    </message>
</context>
<context>
    <name>FiltersController</name>
    <message>
        <source>Reading the images to search…</source>
        <translation>찾아볼 이미지를 읽는 중…</translation>
    </message>
    <message>
        <source>Finding the images that excite each unit most in {set}…</source>
        <translation>{set}에서 각 유닛을 가장 강하게 자극하는 이미지를 찾는 중…</translation>
    </message>
    <message>
        <source>Finding the images that excite each unit most: {done} of {total}…</source>
        <translation>각 유닛을 가장 강하게 자극하는 이미지를 찾는 중: {total}개 중 {done}개…</translation>
    </message>
    <message>
        <source>Could not find the top images: {reason}</source>
        <translation>가장 강하게 자극하는 이미지를 찾지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>The top images come once the search through the images is done…</source>
        <translation>이미지 검색이 끝나면 가장 강하게 자극하는 이미지가 나타납니다…</translation>
    </message>
    <message>
        <source>{layer} sees only {size}×{size} pixels: what it looks for is its kernel itself (blue negative, red positive).</source>
        <translation>{layer} 층은 {size}×{size} 픽셀만 봅니다: 이 유닛이 찾는 것은 커널 그 자체입니다 (파랑 음수, 빨강 양수).</translation>
    </message>
    <message>
        <source>{layer} keeps the largest values of {convolution}, which sees only {size}×{size} pixels: what it looks for is that kernel (blue negative, red positive).</source>
        <translation>{layer} 층은 {convolution}의 가장 큰 값만 남기고, {convolution} 층은 {size}×{size} 픽셀만 봅니다: 이 유닛이 찾는 것은 그 커널입니다 (파랑 음수, 빨강 양수).</translation>
    </message>
    <message>
        <source>{layer} sees only {size}×{size} pixels: its kernels say what it looks for.</source>
        <translation>{layer} 층은 {size}×{size} 픽셀만 봅니다: 이 층이 무엇을 찾는지는 커널을 보면 알 수 있습니다.</translation>
    </message>
    <message>
        <source>{layer} keeps the largest values of {convolution}, which sees only {size}×{size} pixels: its kernels say what it looks for.</source>
        <translation>{layer} 층은 {convolution}의 가장 큰 값만 남기고, {convolution} 층은 {size}×{size} 픽셀만 봅니다: 무엇을 찾는지는 {convolution}의 커널을 보면 알 수 있습니다.</translation>
    </message>
    <message>
        <source>Finding the pattern it wants most…</source>
        <translation>가장 원하는 패턴을 찾는 중…</translation>
    </message>
    <message>
        <source>The input it wants most (gradient ascent from grey noise): it reaches {value} on it.</source>
        <translation>가장 원하는 입력 (회색 잡음에서 경사 상승): 이 입력에서 {value}에 이릅니다.</translation>
    </message>
    <message>
        <source>Finding what each unit of {layer} wants…</source>
        <translation>{layer}의 각 유닛이 원하는 것을 찾는 중…</translation>
    </message>
    <message>
        <source>What each unit of {layer} wants most, unit 0 at the top left, row by row.</source>
        <translation>{layer}의 각 유닛이 가장 원하는 입력입니다(왼쪽 위가 유닛 0, 행 순서).</translation>
    </message>
</context>
<context>
    <name>ImageGallery</name>
    <message>
        <source>true digit {truth}, the network said {predicted}; click to open it on the pad and ask Why?</source>
        <translation>실제 숫자 {truth}, 신경망의 답 {predicted}. 클릭하면 패드에 열어 ‘왜?’를 물을 수 있습니다</translation>
    </message>
</context>
<context>
    <name>ImageSets</name>
    <message>
        <source>MNIST test</source>
        <translation>MNIST 테스트 세트</translation>
    </message>
    <message>
        <source>my drawings</source>
        <translation>내 그림</translation>
    </message>
</context>
<context>
    <name>InputPreview</name>
    <message>
        <source>What the network sees (28×28)</source>
        <translation>신경망이 보는 이미지 (28×28)</translation>
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
        <translation>층 이름, 종류, 출력 모양(높이 × 너비 × 맵 수), 학습되는 매개변수 수</translation>
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
        <source>Stride {stride}: the window moves {stride} pixels at a time.</source>
        <translation>스트라이드 {stride}: 윈도우가 한 번에 {stride}픽셀씩 움직입니다.</translation>
    </message>
    <message>
        <source>Padding “same” adds zeros around the input, so that the maps keep ⌈size / stride⌉ positions.</source>
        <translation>“same” 패딩은 입력 둘레에 0을 덧붙여 맵이 ⌈크기 / 스트라이드⌉ 칸을 유지하게 합니다.</translation>
    </message>
    <message>
        <source>A convolution: a {rows}×{cols} window slides over the input. At every position the {rows}×{cols}×{depth} patch is multiplied with each of the {filters} kernels and summed, one number per filter; the numbers of one filter form its response map.</source>
        <translation>합성곱 층: {rows}×{cols} 윈도우가 입력 위를 미끄러지듯 움직입니다. 위치마다 {rows}×{cols}×{depth} 패치를 합성곱 커널 {filters}개와 각각 곱해서 더하므로 필터마다 숫자 하나가 나옵니다. 한 필터의 숫자들이 모여 그 필터의 응답 맵이 됩니다.</translation>
    </message>
    <message>
        <source>Max pooling keeps the largest value of each {size}×{size} window: the maps keep their number and shrink. It has no weights.</source>
        <translation>최대 풀링 층: {size}×{size} 윈도우마다 가장 큰 값만 남깁니다. 맵의 개수는 그대로이고 크기가 줄어듭니다. 가중치는 없습니다.</translation>
    </message>
    <message>
        <source>Average pooling replaces each {size}×{size} window by its mean: the maps keep their number and shrink. It has no weights.</source>
        <translation>평균 풀링은 {size}×{size} 윈도우마다 그 평균으로 바꿉니다: 맵의 개수는 그대로이고 크기가 줄어듭니다. 가중치가 없습니다.</translation>
    </message>
    <message>
        <source>Global average pooling replaces each whole map by its mean: one number per map. It has no weights.</source>
        <translation>전역 평균 풀링은 맵 전체를 그 평균 하나로 바꿉니다: 맵마다 숫자 하나. 가중치가 없습니다.</translation>
    </message>
    <message>
        <source>Flatten lays the maps out as one vector, row by row, for the dense layers. It only reorders: no weights.</source>
        <translation>펼침 층: 맵들을 행 순서대로 펼쳐 벡터 하나로 만들어 완전 연결 층에 넘깁니다. 순서만 바꿀 뿐 가중치는 없습니다.</translation>
    </message>
    <message>
        <source>Batch normalization rescales each channel with numbers stored in training: (x − mean) / √(variance + ε) · γ + β. The shape stays the same.</source>
        <translation>배치 정규화는 학습 중 저장한 숫자로 채널마다 값의 크기를 조정합니다: (x − 평균) / √(분산 + ε) · γ + β. 모양은 그대로입니다.</translation>
    </message>
    <message>
        <source>Dropout passes values unchanged when predicting; during training it zeroes a fraction {rate} of them and scales the rest. It has no weights.</source>
        <translation>드롭아웃은 예측할 때 값을 그대로 넘기고, 학습 중에는 값의 {rate} 비율을 0으로 만들고 나머지의 크기를 키웁니다. 가중치가 없습니다.</translation>
    </message>
    <message>
        <source>An activation layer: every value goes through {activation}; the shape stays the same. It has no weights.</source>
        <translation>활성화 층: 모든 값에 {activation} 함수를 적용합니다. 모양은 그대로이고, 가중치가 없습니다.</translation>
    </message>
    <message>
        <source>A fully connected layer: each of its {units} units multiplies every input by a weight of its own, adds them and a bias, then ReLU keeps what is above zero.</source>
        <translation>완전 연결 층: 유닛 {units}개가 각자 모든 입력에 자기 가중치를 곱해 더하고 편향을 더한 뒤, ReLU로 0보다 큰 값만 남깁니다.</translation>
    </message>
    <message>
        <source>Shape: {shape} · Parameters: {parameters}</source>
        <translation>모양: {shape} · 매개변수: {parameters}</translation>
    </message>
    <message>
        <source>The output: softmax turns the ten numbers of the layer before into the probabilities of the drawing as drawn (the chart&apos;s while the pen moves).</source>
        <translation>출력: 소프트맥스가 앞 층의 숫자 열 개를 그린 모습 그대로 읽은 확률로 바꿉니다(펜을 움직이는 동안 차트가 보여 주는 확률).</translation>
    </message>
    <message>
        <source>The output: a fully connected layer gives one number (a logit) per digit, and softmax turns the ten into the probabilities of the drawing as drawn (the chart&apos;s while the pen moves).</source>
        <translation>출력 층: 완전 연결 층이 숫자마다 값 하나(로짓)를 내고, 소프트맥스가 이 10개를 그린 모습 그대로 읽은 확률로 바꿉니다(펜을 움직이는 동안 차트가 보여 주는 확률).</translation>
    </message>
    <message>
        <source>A fully connected layer: each of its {units} units multiplies every input by a weight of its own and adds them (and a bias).</source>
        <translation>완전 연결 층: 유닛 {units}개가 각자 모든 입력에 자기 가중치를 곱해 더합니다(편향도 더합니다).</translation>
    </message>
    <message>
        <source>Then tanh squashes each number into −1…1.</source>
        <translation>그다음 tanh가 각 숫자를 −1…1 사이로 압축합니다.</translation>
    </message>
    <message>
        <source>Then the sigmoid squashes each number into 0…1.</source>
        <translation>그다음 시그모이드가 각 숫자를 0…1 사이로 압축합니다.</translation>
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
        <source>AveragePooling2D</source>
        <comment>layer type: average pooling</comment>
        <translation>평균 풀링 층</translation>
    </message>
    <message>
        <source>GlobalAveragePooling2D</source>
        <comment>layer type: the mean of each whole map</comment>
        <translation>전역 평균 풀링 층</translation>
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
        <source>Dropout</source>
        <comment>layer type: zeroes random values in training</comment>
        <translation>드롭아웃 층</translation>
    </message>
    <message>
        <source>BatchNormalization</source>
        <comment>layer type: rescales with stored statistics</comment>
        <translation>배치 정규화 층</translation>
    </message>
    <message>
        <source>Activation</source>
        <comment>layer type: applies an activation function</comment>
        <translation>활성화 층</translation>
    </message>
    <message>
        <source>±{value} (blue &lt; 0 &lt; red)</source>
        <translation>±{value} (파랑 &lt; 0 &lt; 빨강)</translation>
    </message>
    <message>
        <source>max {value}</source>
        <translation>최대 {value}</translation>
    </message>
</context>
<context>
    <name>LearningCurves</name>
    <message>
        <source>Loss (left axis, red) and accuracy (right axis, blue) while the network learns; dashed lines are the validation set</source>
        <translation>신경망이 학습하는 동안의 손실(왼쪽 축, 빨강)과 정확도(오른쪽 축, 파랑). 점선은 검증 세트입니다</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <source>val loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <source>train acc</source>
        <translation>학습 정확도</translation>
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
        <source>Draw over the image: only your strokes are read; Undo brings the image back.</source>
        <translation>이미지 위에 그리기: 그린 획만 읽습니다. 실행 취소하면 이미지가 돌아옵니다.</translation>
    </message>
    <message>
        <source>There is no opened image to draw over.</source>
        <translation>위에 그릴 열린 이미지가 없습니다.</translation>
    </message>
    <message>
        <source>Test image on the pad: the true digit is {truth}, the trained network said {predicted}. Why? and the Network tab explain the model in use.</source>
        <translation>패드의 테스트 이미지: 실제 숫자는 {truth}, 학습한 신경망의 답은 {predicted}입니다. ‘왜?’와 신경망 탭은 사용 중인 모델을 설명합니다.</translation>
    </message>
    <message>
        <source>A click does not draw on an opened image, so it stays. To draw over it, choose Edit &gt; Draw over the image (Ctrl+D); Clear (Esc) starts afresh. Undo returns to the image.</source>
        <translation>열린 이미지는 클릭해도 그려지지 않고 그대로 남습니다. 그 위에 그리려면 편집 &gt; 이미지 위에 그리기(Ctrl+D)를 고르세요. 지우기(Esc)는 새로 시작합니다. 실행 취소하면 이미지로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Could not take the drawing back: {reason}</source>
        <translation>그림을 내 그림에서 뺄 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Could not keep the drawing: {reason}</source>
        <translation>그림을 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Taken back: the drawing is no longer in my drawings</source>
        <translation>이 그림을 내 그림에서 뺐습니다</translation>
    </message>
    <message>
        <source>My drawings no longer held it: nothing to take back</source>
        <translation>내 그림에 이미 이 그림이 없습니다. 뺄 것이 없습니다</translation>
    </message>
    <message>
        <source>Kept as a {label} instead of a {earlier} in my drawings ({total} in all)</source>
        <translation>내 그림의 레이블을 바꿨습니다: {earlier} → {label}(모두 {total}개)</translation>
    </message>
    <message>
        <source>Digit #{position} kept as a {label} in my drawings ({total} in all); train on them in the Train tab</source>
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
        <source>Could not read that run&apos;s model: {reason}</source>
        <translation>그 학습 기록의 모델을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Test image on the pad: the true digit is {truth}, the trained network said {predicted}; it reads the pad beside the model in use.</source>
        <translation>패드의 테스트 이미지: 실제 숫자는 {truth}, 학습한 신경망의 답은 {predicted}입니다. 학습한 신경망이 사용 중인 모델 옆에서 패드를 읽습니다.</translation>
    </message>
    <message>
        <source>just trained</source>
        <translation>방금 학습한 신경망</translation>
    </message>
    <message>
        <source>&amp;Undo network change</source>
        <translation>신경망 변경 실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo network change</source>
        <translation>신경망 변경 다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>{model} — DigitPad</source>
        <translation>{model} — DigitPad</translation>
    </message>
    <message>
        <source>Draw a digit first: the explanation is of the network&apos;s answer to it.</source>
        <translation>먼저 숫자를 그리세요. 설명은 그 숫자에 대한 신경망의 답을 풀어 보여 줍니다.</translation>
    </message>
    <message>
        <source>The Network tab shows the second network: {name}</source>
        <translation>신경망 탭에 두 번째 신경망을 표시합니다: {name}</translation>
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
        <source>&amp;Draw over the image</source>
        <translation>이미지 위에 그리기(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Previous digit of the number</source>
        <translation>이전 자리 숫자(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next digit of the number</source>
        <translation>다음 자리 숫자(&amp;N)</translation>
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
        <source>&amp;Runs (in Train)</source>
        <translation>학습 기록(학습 탭)(&amp;R)</translation>
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
        <translation>시스템 기본값 ({language})</translation>
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
        <translation>크게 본 맵과 그 커널</translation>
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
    <message numerus="yes">
        <source>Filter {index}: %n kernel(s) of {rows}×{cols}, one per input map (blue negative, red positive, ±{extent})</source>
        <translation>
            <numerusform>필터 {index}: 입력 맵마다 하나씩, {rows}×{cols} 커널 %n개 (파랑은 음수, 빨강은 양수, ±{extent})</numerusform>
        </translation>
    </message>
    <message>
        <source>Pooling has no weights: each cell is the largest of 2×2 below it.</source>
        <translation>최대 풀링 층에는 가중치가 없습니다. 각 칸은 아래 층의 2×2 윈도우에서 가장 큰 값입니다.</translation>
    </message>
    <message>
        <source>Pooling has no weights: each cell is the largest of {size}×{size} below it.</source>
        <translation>최대 풀링 층에는 가중치가 없습니다. 각 칸은 아래 층의 {size}×{size} 윈도우에서 가장 큰 값입니다.</translation>
    </message>
    <message>
        <source>Pooling has no weights: each cell is the mean of {size}×{size} below it.</source>
        <translation>평균 풀링 층에는 가중치가 없습니다. 각 칸은 아래 층의 {size}×{size} 윈도우의 평균입니다.</translation>
    </message>
    <message numerus="yes">
        <source>Filter {index}: %n kernel(s) of 3×3, one per input map (blue negative, red positive, ±{extent})</source>
        <translation>
            <numerusform>필터 {index}: 입력 맵마다 하나씩, 3×3 커널 %n개 (파랑은 음수, 빨강은 양수, ±{extent})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MnistSourceBox</name>
    <message>
        <source>MNIST could not be downloaded ({reason}). Try again, or choose a local copy.</source>
        <translation>MNIST를 내려받지 못했습니다({reason}). 다시 시도하거나 컴퓨터에 있는 사본을 고르세요.</translation>
    </message>
    <message>
        <source>Training needs MNIST, which is not on this computer yet: choose a local mnist.npz or IDX folder, or download it once ({size} MB).</source>
        <translation>학습에는 MNIST가 필요한데 아직 이 컴퓨터에 없습니다. 컴퓨터에 있는 mnist.npz나 IDX 폴더를 고르거나, 한 번 내려받으세요({size} MB).</translation>
    </message>
    <message>
        <source>Choose mnist.npz…</source>
        <translation>mnist.npz 선택…</translation>
    </message>
    <message>
        <source>Choose IDX folder…</source>
        <translation>IDX 폴더 선택…</translation>
    </message>
    <message>
        <source>Download once ({size} MB)</source>
        <translation>한 번 내려받기({size} MB)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>From {url}, checked against its checksum, kept in {folder}</source>
        <translation>{url}에서 내려받아 체크섬을 확인하고 {folder}에 보관합니다</translation>
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
        <source>A folder of MNIST&apos;s IDX files</source>
        <translation>MNIST IDX 파일 폴더</translation>
    </message>
    <message>
        <source>this computer is not connected to the internet</source>
        <translation>이 컴퓨터가 인터넷에 연결되어 있지 않습니다</translation>
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
        <translation>모델 준비 완료({seconds}초): {model}, 매개변수 {parameters}개</translation>
    </message>
    <message>
        <source>Could not load the model: {reason}</source>
        <translation>모델을 불러올 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Back to {model}</source>
        <translation>이전 모델로 돌아갔습니다: {model}</translation>
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
    <name>NetworkEditor</name>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Seed notebook&apos;s convnet</source>
        <translation>원본 컨브넷</translation>
    </message>
    <message>
        <source>Dense (the book&apos;s chapter 2)</source>
        <translation>완전 연결 신경망 (책의 2장)</translation>
    </message>
    <message>
        <source>LeNet-5</source>
        <translation>LeNet-5</translation>
    </message>
    <message>
        <source>Keras example (mnist_convnet)</source>
        <translation>Keras 예제 (mnist_convnet)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>사용자 정의</translation>
    </message>
    <message>
        <source>Custom: {file}</source>
        <translation>사용자 정의: {file}</translation>
    </message>
    <message>
        <source>Earlier custom: {file}</source>
        <translation>이전 사용자 정의: {file}</translation>
    </message>
    <message>
        <source>Earlier custom design</source>
        <translation>이전 사용자 정의 설계</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>열기…</translation>
    </message>
    <message>
        <source>Open a design saved as Keras JSON (model.to_json()); it is read as data, never run</source>
        <translation>Keras JSON(model.to_json())으로 저장한 설계를 엽니다. 데이터로만 읽으며 코드는 실행하지 않습니다</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <source>Save the design as Keras JSON, which keras.models.model_from_json reads</source>
        <translation>설계를 keras.models.model_from_json이 읽는 Keras JSON으로 저장합니다</translation>
    </message>
    <message>
        <source>Copy as Keras code</source>
        <translation>Keras 코드로 복사</translation>
    </message>
    <message>
        <source>Copy Python that builds this network, in the notebook&apos;s style</source>
        <translation>이 신경망을 만드는 파이썬 코드를 노트북 방식으로 복사합니다</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Add a layer of this kind after the chosen one</source>
        <translation>선택한 층 뒤에 이 종류의 층을 추가합니다</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Move the chosen layer up</source>
        <translation>선택한 층을 위로 옮깁니다</translation>
    </message>
    <message>
        <source>Move the chosen layer down</source>
        <translation>선택한 층을 아래로 옮깁니다</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>필터 수</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>유닛 수</translation>
    </message>
    <message>
        <source>Patch size</source>
        <translation>패치 크기</translation>
    </message>
    <message>
        <source>Window size</source>
        <translation>윈도우 크기</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>스트라이드</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>패딩</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Dropout rate</source>
        <translation>드롭아웃 비율</translation>
    </message>
    <message>
        <source>Layer (type)</source>
        <translation>층 (종류)</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>출력 모양</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Shape: how</source>
        <translation>모양 계산</translation>
    </message>
    <message>
        <source>Parameters: how</source>
        <translation>매개변수 계산</translation>
    </message>
    <message>
        <source>Hide the layers&apos; settings</source>
        <translation>층 설정 숨기기</translation>
    </message>
    <message>
        <source>Edit layers</source>
        <translation>층 편집</translation>
    </message>
    <message>
        <source>Output shape: {formula}</source>
        <translation>출력 모양: {formula}</translation>
    </message>
    <message>
        <source>Parameters: {formula}</source>
        <translation>매개변수: {formula}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>{parameters} parameters · {operations} multiply-adds per image</source>
        <translation>매개변수 {parameters}개 · 이미지당 곱셈-덧셈 {operations}회</translation>
    </message>
    <message>
        <source>slow: about {minutes} min per epoch on this computer&apos;s CPU</source>
        <translation>느림: 이 컴퓨터의 CPU에서 에포크당 약 {minutes}분</translation>
    </message>
    <message>
        <source>This design cannot be trained: {reason}</source>
        <translation>이 설계는 학습할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>The seed notebook&apos;s convnet (Deep Learning with Python, 5.1): DigitPad&apos;s own.</source>
        <translation>원본 노트북의 컨브넷(케라스 창시자에게 배우는 딥러닝, 5.1): DigitPad의 기본 신경망.</translation>
    </message>
    <message>
        <source>The book&apos;s chapter 2: one hidden layer of 512 units, no convolution.</source>
        <translation>책의 2장: 유닛 512개의 은닉층 하나, 합성곱 없음.</translation>
    </message>
    <message>
        <source>LeCun et al., 1998: LeNet-5, with tanh and average pooling.</source>
        <translation>LeCun 외, 1998: tanh와 평균 풀링을 쓰는 LeNet-5.</translation>
    </message>
    <message>
        <source>The Keras example mnist_convnet: two small convolutions and Dropout.</source>
        <translation>Keras 예제 mnist_convnet: 작은 합성곱 두 개와 드롭아웃.</translation>
    </message>
    <message>
        <source>Your design from {file}: change its layers below (Ctrl+Z undoes a change).</source>
        <translation>{file} 파일의 설계입니다. 아래에서 층을 바꿀 수 있고, Ctrl+Z로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Your own design: change its layers below (Ctrl+Z undoes a change).</source>
        <translation>직접 만든 설계입니다. 아래에서 층을 바꿀 수 있고, Ctrl+Z로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Could not open {file}: {reason}</source>
        <translation>{file} 파일을 열 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Could not save {file}: {reason}</source>
        <translation>{file} 파일을 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Saved the design to {path}</source>
        <translation>설계를 저장했습니다: {path}</translation>
    </message>
    <message>
        <source>Open network design</source>
        <translation>신경망 설계 열기</translation>
    </message>
    <message>
        <source>Keras JSON (*.json);;All files (*)</source>
        <translation>Keras JSON (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Save network design</source>
        <translation>신경망 설계 저장</translation>
    </message>
    <message>
        <source>Keras JSON (*.json)</source>
        <translation>Keras JSON (*.json)</translation>
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
        <translation>답과 2순위 비교</translation>
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
        <translation>숫자를 그리세요</translation>
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
        <source>Unsure: no digit stands out; the likeliest, {label}, is only {percent}%</source>
        <translation>확실하지 않음: 두드러지는 숫자가 없습니다. 가장 가능성 높은 {label}도 {percent}%뿐입니다</translation>
    </message>
    <message>
        <source>Unsure: {label} ({percent}%) or {other}? Turned or slanted a little, it reads as {other}</source>
        <translation>확실하지 않음: {label} ({percent}%) 아니면 {other}? 조금 돌리거나 기울여 읽으면 {other}에 가깝습니다</translation>
    </message>
    <message>
        <source>Unsure, the ink is hard to read: {label} or {runner_up}? ({percent}%)</source>
        <translation>확실하지 않음(잉크를 알아보기 어려움): {label} 아니면 {runner_up}? ({percent}%)</translation>
    </message>
    <message>
        <source>Unsure: {label} or {runner_up}? ({percent}%)</source>
        <translation>확실하지 않음: {label} 아니면 {runner_up}? ({percent}%)</translation>
    </message>
    <message>
        <source>{percent}% sure</source>
        <translation>확신도 {percent}%</translation>
    </message>
    <message numerus="yes">
        <source>%n digits; #{position}: no digit stands out ({label} at only {percent}%)</source>
        <translation>
            <numerusform>숫자 %n개. {position}번째 숫자: 두드러지는 숫자 없음({label}도 {percent}%뿐)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n digits; #{position} is a {label} ({percent}%) or {other}? Turned or slanted a little, it reads as {other}</source>
        <translation>
            <numerusform>숫자 %n개. {position}번째 숫자는 {label} ({percent}%) 아니면 {other}? 조금 돌리거나 기울여 읽으면 {other}에 가깝습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n digits; #{position} is a {label}, unsure: {label} or {runner_up}? ({percent}%)</source>
        <translation>
            <numerusform>숫자 %n개. {position}번째 숫자는 {label}, 확실하지 않음: {label} 아니면 {runner_up}? ({percent}%)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n digits; #{position} is a {label}, {percent}% sure</source>
        <translation>
            <numerusform>숫자 %n개. {position}번째 숫자는 {label}, 확신도 {percent}%</numerusform>
        </translation>
    </message>
    <message>
        <source>#{position}: no digit stands out</source>
        <translation>{position}번째(두드러지는 숫자 없음)</translation>
    </message>
    <message>
        <source>#{position}: {label} or {runner_up}?</source>
        <translation>{position}번째({label} 아니면 {runner_up}?)</translation>
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
        <source>Working out why…</source>
        <translation>이유를 계산하는 중…</translation>
    </message>
    <message>
        <source>Could not explain: {reason}</source>
        <translation>설명할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Why {target} and not {versus}: red pushed toward {target}, blue toward {versus}. Method: {method}.</source>
        <translation>왜 {versus} 말고 {target}인지: 빨강은 {target} 쪽으로, 파랑은 {versus} 쪽으로 이끈 부분입니다. 방법: {method}.</translation>
    </message>
    <message>
        <source>Red: what pushed the network toward {target}. Method: {method}.</source>
        <translation>빨강: 신경망을 {target} 쪽으로 이끈 부분. 방법: {method}.</translation>
    </message>
    <message>
        <source>integrated gradients on the input (64 steps from a blank image)</source>
        <translation>입력에 대한 통합 그래디언트 (빈 이미지에서 64단계)</translation>
    </message>
</context>
<context>
    <name>ProbabilityChart</name>
    <message>
        <source>Probabilities of the ten digits</source>
        <translation>숫자 10개의 확률</translation>
    </message>
    <message>
        <source>How likely the network thinks each digit is, in percent (the bars add up to 100). When the pen lifts (and for a photo), the drawing is read seven ways together: as drawn, and a little turned, narrowed or slanted. Click a bar to see how its probability is computed.</source>
        <translation>신경망이 각 숫자라고 보는 확률(%)입니다. 막대를 모두 더하면 100입니다. 펜을 떼면(사진일 때도) 그림을 일곱 가지로 읽어 함께 모읍니다: 그린 그대로, 그리고 조금 돌리거나 좁히거나 기울여서. 막대를 클릭하면 그 확률이 어떻게 계산되는지 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>ReaderError</name>
    <message>
        <source>Expecting value</source>
        <translation>값이 있어야 합니다</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>&apos;,&apos; 구분자가 있어야 합니다</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>&apos;:&apos; 구분자가 있어야 합니다</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>큰따옴표로 감싼 속성 이름이 있어야 합니다</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>문자열이 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>허용되지 않는 제어 문자가 있습니다</translation>
    </message>
    <message>
        <source>Invalid \escape</source>
        <translation>잘못된 이스케이프(\) 문자입니다</translation>
    </message>
    <message>
        <source>Invalid \uXXXX escape</source>
        <translation>잘못된 \uXXXX 이스케이프입니다</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>JSON 값 뒤에 다른 내용이 더 있습니다</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>너무 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>image file is truncated</source>
        <translation>파일이 중간에 끊겨 있습니다</translation>
    </message>
    <message>
        <source>broken data stream when reading image file</source>
        <translation>이미지 데이터가 깨져 있습니다</translation>
    </message>
</context>
<context>
    <name>RunCurves</name>
    <message>
        <source>The selected runs&apos; curves: solid while training, dashed on the validation set</source>
        <translation>선택한 학습 기록의 곡선: 실선은 학습 중, 점선은 검증 세트</translation>
    </message>
    <message>
        <source>training: solid, ● · validation: dashed, ■</source>
        <translation>학습: 실선, ● · 검증: 점선, ■</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
</context>
<context>
    <name>RunWords</name>
    <message>
        <source>seed convnet</source>
        <translation>원본 컨브넷</translation>
    </message>
    <message>
        <source>dense network</source>
        <translation>완전 연결 신경망</translation>
    </message>
    <message>
        <source>Keras example</source>
        <translation>Keras 예제</translation>
    </message>
    <message>
        <source>fine-tuned</source>
        <translation>미세 조정한 모델</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>사용자 정의</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>빠른 학습</translation>
    </message>
    <message>
        <source>seed notebook</source>
        <translation>원본 노트북</translation>
    </message>
    <message>
        <source>for drawings</source>
        <translation>손글씨용</translation>
    </message>
    <message>
        <source>own settings</source>
        <translation>직접 설정</translation>
    </message>
</context>
<context>
    <name>RunsTableModel</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
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
        <source>Test accuracy</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>The pad reads with this run&apos;s model</source>
        <translation>패드가 이 학습 기록의 모델로 읽고 있습니다</translation>
    </message>
    <message>
        <source>before the first epoch ended</source>
        <translation>첫 에포크 완료 전</translation>
    </message>
    <message>
        <source>epoch {done} of {epochs}</source>
        <translation>에포크 {epochs}개 중 {done}개 완료</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Every training is kept here. Select two or more to compare them; double-click a name to rename it.</source>
        <translation>학습할 때마다 기록이 여기에 보관됩니다. 두 개 이상을 선택해 비교하세요. 이름을 두 번 클릭하면 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation>이 모델 사용</translation>
    </message>
    <message>
        <source>Read beside</source>
        <translation>나란히 비교</translation>
    </message>
    <message>
        <source>This run&apos;s network reads the drawing on the pad too, beside the model in use</source>
        <translation>이 학습 기록의 신경망도 사용 중인 모델 옆에서 패드의 그림을 읽습니다</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>보관</translation>
    </message>
    <message>
        <source>A kept run is never removed to make room</source>
        <translation>보관한 학습 기록은 공간 확보를 위해 삭제되지 않습니다</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>against epoch</source>
        <translation>에포크 기준</translation>
    </message>
    <message>
        <source>against seconds</source>
        <translation>시간(초) 기준</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Beyond either limit the oldest runs are removed, never a kept one (★)</source>
        <translation>어느 한도든 넘으면 가장 오래된 학습 기록부터 지웁니다. 보관한 기록(★)은 지우지 않습니다</translation>
    </message>
    <message numerus="yes">
        <source>Show cancelled and failed runs (%n)</source>
        <translation>
            <numerusform>취소되거나 실패한 학습 기록도 보기 (%n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the runs: {reason}</source>
        <translation>학습 기록을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>The pad reads with this run&apos;s model already</source>
        <translation>패드가 이미 이 학습 기록의 모델로 읽고 있습니다</translation>
    </message>
    <message>
        <source>Unkeep</source>
        <translation>보관 해제</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) could not be read and are not shown: {reason}</source>
        <translation>
            <numerusform>학습 기록 %n개를 읽을 수 없어 표시하지 않습니다: {reason}</numerusform>
        </translation>
    </message>
    <message>
        <source>No runs yet: every training is kept here.</source>
        <translation>아직 학습 기록이 없습니다. 학습할 때마다 기록이 여기에 보관됩니다.</translation>
    </message>
    <message>
        <source>No finished runs yet: the cancelled and failed ones are hidden.</source>
        <translation>아직 끝까지 마친 학습 기록이 없습니다. 취소되거나 실패한 기록은 숨겨져 있습니다.</translation>
    </message>
    <message>
        <source>Select two or more runs (Ctrl+click) to compare them.</source>
        <translation>비교하려면 학습 기록을 두 개 이상 선택하세요(Ctrl+클릭).</translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n runs: their curves, the settings that differ and the digits that changed are below.</source>
        <translation>
            <numerusform>학습 기록 %n개를 비교합니다. 곡선, 서로 다른 설정, 달라진 숫자가 아래에 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings that differ: select two or more runs.</source>
        <translation>설정 차이: 학습 기록을 두 개 이상 선택하면 보입니다.</translation>
    </message>
    <message>
        <source>Only the settings that differ:</source>
        <translation>설정 차이만:</translation>
    </message>
    <message>
        <source>These runs were trained the same way.</source>
        <translation>이 학습 기록들은 같은 설정으로 학습했습니다.</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>층</translation>
    </message>
    <message>
        <source>recipe</source>
        <translation>레시피</translation>
    </message>
    <message>
        <source>device used</source>
        <translation>사용한 장치</translation>
    </message>
    <message>
        <source>random seed</source>
        <translation>난수 시드</translation>
    </message>
    <message>
        <source>status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>MNIST images</source>
        <translation>MNIST 이미지</translation>
    </message>
    <message>
        <source>strokes</source>
        <translation>펜 획</translation>
    </message>
    <message>
        <source>my drawings</source>
        <translation>내 그림</translation>
    </message>
    <message>
        <source>scribbles</source>
        <translation>낙서</translation>
    </message>
    <message>
        <source>digit pairs</source>
        <translation>숫자 쌍</translation>
    </message>
    <message>
        <source>paper scans</source>
        <translation>종이 스캔</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Adam&apos;s β₂</source>
        <translation>Adam의 β₂</translation>
    </message>
    <message>
        <source>learning-rate schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <source>augmentation</source>
        <translation>데이터 증식</translation>
    </message>
    <message>
        <source>renderings per drawing</source>
        <translation>그림당 렌더링 수</translation>
    </message>
    <message>
        <source>scribbles to learn from</source>
        <translation>학습할 낙서 수</translation>
    </message>
    <message>
        <source>digit pairs to learn from</source>
        <translation>학습할 숫자 쌍 수</translation>
    </message>
    <message>
        <source>paper scans to learn from</source>
        <translation>학습할 종이 스캔 수</translation>
    </message>
    <message>
        <source>share in other styles</source>
        <translation>다른 필체 비율</translation>
    </message>
    <message>
        <source>share as another digitizer</source>
        <translation>다른 입력 장치처럼 만든 비율</translation>
    </message>
    <message>
        <source>share narrow or wide</source>
        <translation>좁고 길게 또는 납작하게 쓴 비율</translation>
    </message>
    <message>
        <source>label smoothing</source>
        <translation>레이블 스무딩</translation>
    </message>
    <message>
        <source>validation share</source>
        <translation>검증 비율</translation>
    </message>
    <message>
        <source>calibration</source>
        <translation>확률 보정</translation>
    </message>
    <message>
        <source>batches per call</source>
        <translation>호출당 배치 수</translation>
    </message>
    <message>
        <source>device asked for</source>
        <translation>요청한 장치</translation>
    </message>
    <message>
        <source>From {first} to {last}: test accuracy {before} → {after}; better on digits: {better}; worse on: {worse}</source>
        <translation>{first} → {last}: 테스트 정확도 {before} → {after}, 좋아진 숫자 {better}, 나빠진 숫자 {worse}</translation>
    </message>
    <message numerus="yes">
        <source> run(s)</source>
        <translation>
            <numerusform>개</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete “{name}” and its model? This cannot be undone.</source>
        <translation>“{name}” 학습 기록과 그 모델을 삭제할까요? 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>It is marked Keep (★).</source>
        <translation>보관(★) 표시가 되어 있습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n of them marked Keep (★).</source>
        <translation>
            <numerusform>그중 %n개는 보관(★) 표시가 되어 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>It is the model in use: the pad goes back to the bundled model.</source>
        <translation>지금 사용 중인 모델입니다. 패드는 기본 모델로 돌아갑니다.</translation>
    </message>
    <message>
        <source>One of them is the model in use: the pad goes back to the bundled model.</source>
        <translation>그중 하나는 지금 사용 중인 모델입니다. 패드는 기본 모델로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>학습 기록 삭제</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) and their models? This cannot be undone.</source>
        <translation>
            <numerusform>학습 기록 %n개와 그 모델을 삭제할까요? 되돌릴 수 없습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>They have no model to use. The run in use and the selected runs are shown either way.</source>
        <translation>취소되거나 실패한 학습 기록에는 쓸 수 있는 모델이 없습니다. 사용 중인 기록과 선택한 기록은 이 설정과 상관없이 표시됩니다.</translation>
    </message>
    <message>
        <source>Keep at most:</source>
        <translation>보관 한도:</translation>
    </message>
    <message>
        <source>Could not change the run: {reason}</source>
        <translation>학습 기록을 바꿀 수 없습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>SecondNetworkPanel</name>
    <message>
        <source>The second network&apos;s answer</source>
        <translation>두 번째 신경망의 답</translation>
    </message>
    <message>
        <source>Stop reading with the second network</source>
        <translation>두 번째 신경망으로 읽기 중지</translation>
    </message>
    <message>
        <source>Second network: {name} ({parameters} parameters), beside {first}</source>
        <translation>두 번째 신경망: {name} (매개변수 {parameters}개) · 사용 중인 모델: {first}</translation>
    </message>
    <message>
        <source>Second network:</source>
        <translation>두 번째 신경망:</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>숫자를 그리세요</translation>
    </message>
    <message>
        <source>Unsure: {label} or {runner_up}? ({percent}%)</source>
        <translation>확실하지 않음: {label} 아니면 {runner_up}? ({percent}%)</translation>
    </message>
    <message>
        <source>{percent}% sure</source>
        <translation>확신도 {percent}%</translation>
    </message>
</context>
<context>
    <name>SystemError</name>
    <message>
        <source>No such file or directory</source>
        <translation>그런 파일이나 폴더가 없습니다</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>권한이 없습니다</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>장치에 남은 공간이 없습니다</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>읽기 전용 파일 시스템입니다</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>폴더입니다</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>폴더가 아닙니다</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>파일이 이미 있습니다</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>디스크 할당량을 넘었습니다</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>입출력 오류입니다</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>파일 이름이 너무 깁니다</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>열린 파일이 너무 많습니다</translation>
    </message>
    <message>
        <source>Directory not empty</source>
        <translation>폴더가 비어 있지 않습니다</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>허용되지 않는 작업입니다</translation>
    </message>
    <message>
        <source>Device or resource busy</source>
        <translation>장치나 자원이 사용 중입니다</translation>
    </message>
    <message>
        <source>Cannot allocate memory</source>
        <translation>메모리를 할당할 수 없습니다</translation>
    </message>
    <message>
        <source>Too many levels of symbolic links</source>
        <translation>심볼릭 링크가 너무 여러 단계로 이어져 있습니다</translation>
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
    <name>TopImagesView</name>
    <message>
        <source>The images of {set} that excite {layer} {channel} most (a unit of a dense layer sees the whole image). Click one to put it on the pad.</source>
        <translation>{set}에서 {layer} 유닛 {channel}의 값을 가장 크게 만드는 이미지 (완전 연결 층의 유닛은 이미지 전체를 봅니다). 하나를 클릭하면 패드에 올립니다.</translation>
    </message>
    <message>
        <source>The images of {set} that excite {layer} {channel} most: the yellow box is what it sees at its strongest place (red), the crop beside it enlarges that. Click one to put it on the pad.</source>
        <translation>{set}에서 {layer} 맵 {channel}의 값을 가장 크게 만드는 이미지: 노란 상자는 가장 강하게 반응한 곳(빨강)에서 보는 영역이고, 옆의 잘라낸 그림이 그것을 확대합니다. 하나를 클릭하면 패드에 올립니다.</translation>
    </message>
    <message>
        <source>Patterns of every unit of {layer}</source>
        <translation>{layer} 층 전체 유닛의 패턴</translation>
    </message>
    <message>
        <source>The input each unit of the layer wants most, found by gradient ascent from grey noise (a few seconds, in the background)</source>
        <translation>층의 각 유닛이 가장 원하는 입력을 회색 잡음에서 시작해 경사 상승법으로 찾습니다(백그라운드에서 몇 초).</translation>
    </message>
    <message>
        <source>max {value}</source>
        <translation>최대 {value}</translation>
    </message>
    <message>
        <source>max {value} · digit {digit}</source>
        <translation>최대 {value} · 숫자 {digit}</translation>
    </message>
    <message>
        <source>image {index} of {set}: {value}</source>
        <translation>{set}의 이미지 {index}: {value}</translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <source>This recipe learns from pen strokes: choose a stroke file above (for example pendigits-train.jsonl), or it trains on MNIST only.</source>
        <translation>이 레시피는 펜 획으로 학습합니다. 위에서 획 파일(예: pendigits-train.jsonl)을 고르세요. 고르지 않으면 MNIST로만 학습합니다.</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>학습 기록</translation>
    </message>
    <message>
        <source>Also write TensorBoard logs</source>
        <translation>TensorBoard 로그도 쓰기</translation>
    </message>
    <message>
        <source>TensorBoard is not installed: pip install &apos;digitpad[tensorboard]&apos;</source>
        <translation>TensorBoard가 설치되어 있지 않습니다: pip install &apos;digitpad[tensorboard]&apos;</translation>
    </message>
    <message>
        <source>Then view them with: tensorboard --logdir {folder}</source>
        <translation>보는 방법: tensorboard --logdir {folder}</translation>
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
        <source>A training is under way. Quitting stops it, and what the network has learnt so far is lost.</source>
        <translation>학습이 진행 중입니다. 지금 끝내면 학습이 멈추고, 신경망이 지금까지 학습한 내용은 사라집니다.</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} · batch {batch}/{batches} · ETA {eta}</source>
        <translation>에포크 {epoch}/{epochs} · 배치 {batch}/{batches} · 남은 시간 {eta}</translation>
    </message>
    <message>
        <source>loss {loss} · accuracy {accuracy} · {speed} img/s</source>
        <translation>손실 {loss} · 정확도 {accuracy} · 초당 {speed}장</translation>
    </message>
    <message>
        <source>loss {loss} · accuracy {accuracy} · validation accuracy {validation} · {speed} img/s</source>
        <translation>손실 {loss} · 정확도 {accuracy} · 검증 정확도 {validation} · 초당 {speed}장</translation>
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
            <numerusform>&lt;b&gt;테스트 정확도 {accuracy}%&lt;/b&gt; (MNIST 테스트 세트, 이미지&#xa0;%Ln개). 학습 데이터: {counts}. {device}에서 {duration} 걸렸습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Test accuracy {accuracy}%&lt;/b&gt; on the held-back drawings (%Ln image(s)). Trained on {counts} in {duration} on {device}.</source>
        <translation>
            <numerusform>&lt;b&gt;테스트 정확도 {accuracy}%&lt;/b&gt; (따로 떼어 둔 그림, 이미지&#xa0;%Ln개). 학습 데이터: {counts}. {device}에서 {duration} 걸렸습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Network: {network}.</source>
        <translation>신경망: {network}.</translation>
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
        <source>the model in use, fine-tuned</source>
        <translation>사용 중인 모델(미세 조정)</translation>
    </message>
    <message>
        <source>MNIST {count}</source>
        <translation>MNIST&#xa0;{count}개</translation>
    </message>
    <message>
        <source>strokes {count}</source>
        <translation>펜 획&#xa0;{count}개</translation>
    </message>
    <message>
        <source>my drawings {count}</source>
        <translation>내 그림&#xa0;{count}개</translation>
    </message>
    <message>
        <source>scribbles {count}</source>
        <translation>낙서&#xa0;{count}개</translation>
    </message>
    <message>
        <source>digit pairs {count}</source>
        <translation>숫자 쌍&#xa0;{count}개</translation>
    </message>
    <message>
        <source>paper scans {count}</source>
        <translation>종이 스캔&#xa0;{count}개</translation>
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
        <source>MNIST is ready ({file}): press Train to start.</source>
        <translation>MNIST가 준비되었습니다({file}). ‘학습 시작’을 누르면 시작합니다.</translation>
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
        <source>Quit DigitPad</source>
        <translation>DigitPad 끝내기</translation>
    </message>
    <message>
        <source>Stop training and quit</source>
        <translation>학습을 멈추고 끝내기</translation>
    </message>
    <message>
        <source>Keep training</source>
        <translation>학습 계속하기</translation>
    </message>
    <message>
        <source>A training is starting. Quitting stops it.</source>
        <translation>학습을 시작하는 중입니다. 끝내면 학습이 멈춥니다.</translation>
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
        <source>Cannot train: {reason}. The model in use is unchanged.</source>
        <translation>학습할 수 없습니다: {reason}. 사용 중인 모델은 그대로입니다.</translation>
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
        <source>{reason} (Network, above: change the design or choose a preset)</source>
        <translation>{reason} (위쪽 ‘신경망’에서 설계를 고치거나 목록에서 다른 신경망을 고르세요)</translation>
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
        <source>Could not save the model: {reason}</source>
        <translation>모델을 저장할 수 없습니다: {reason}</translation>
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
        <source>mnist.npz or IDX folder</source>
        <translation>mnist.npz 또는 IDX 폴더</translation>
    </message>
    <message>
        <source>MNIST as a mnist.npz file or a folder of IDX files; empty: the copy downloaded once</source>
        <translation>MNIST: mnist.npz 파일 또는 IDX 파일 폴더. 비워 두면 한 번 내려받은 사본을 씁니다</translation>
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
        <source>a .jsonl stroke file</source>
        <translation>.jsonl 획 파일</translation>
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
        <source>Seed notebook: RMSprop, batch 64, 5 epochs</source>
        <translation>원본 노트북: RMSprop, 배치 크기 64, 에포크 5회</translation>
    </message>
    <message>
        <source>Best for drawings: MNIST + pen strokes, augmented</source>
        <translation>손글씨에 최적: MNIST + 펜 획, 데이터 증식</translation>
    </message>
    <message>
        <source>Fast (default): Adam, warm-up then cosine decay</source>
        <translation>빠른 학습 (기본): Adam, 워밍업 후 코사인 감쇠</translation>
    </message>
    <message>
        <source>warm-up, cosine decay</source>
        <translation>워밍업 후 코사인 감쇠</translation>
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
        <translation>그림마다 조금씩 휘고 펜을 바꿔 다시 그린 사본을 몇 개씩 학습할지 정합니다</translation>
    </message>
    <message>
        <source>Share of the data held back to draw the validation curves and to make the probabilities honest; pen strokes are held back by whole writers</source>
        <translation>검증 곡선을 그리고 확률을 정직하게 맞추려고 따로 떼어 두는 데이터 비율. 펜 획은 쓴 사람 단위로 통째로 떼어 둡니다</translation>
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
        <source>Stroke copies</source>
        <translation>획 사본 수</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>검증 비율</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>난수 시드</translation>
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
        <source>the network cannot be trained as it is; see the reason under Network</source>
        <translation>지금 신경망으로는 학습할 수 없습니다. ‘신경망’ 아래에 나온 이유를 보세요</translation>
    </message>
    <message>
        <source>the model in use is still loading; fine-tune it in a moment</source>
        <translation>사용 중인 모델을 아직 불러오는 중입니다. 잠시 후에 미세 조정하세요</translation>
    </message>
    <message>
        <source>Waiting for TensorFlow…</source>
        <translation>TensorFlow 준비 중…</translation>
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
        <translation>MNIST 학습 이미지&#xa0;{train}개 중 {used}개 + 테스트 이미지&#xa0;{test}개</translation>
    </message>
    <message>
        <source>MNIST {train} training + {test} test images</source>
        <translation>MNIST 학습 이미지&#xa0;{train}개 + 테스트 이미지&#xa0;{test}개</translation>
    </message>
    <message>
        <source>{images}, not on this computer yet: Train offers to download it once, or Choose… a local copy</source>
        <translation>{images}, 아직 이 컴퓨터에 없음: ‘학습 시작’을 누르면 한 번 내려받을 수 있고, ‘선택…’으로 컴퓨터에 있는 사본을 쓸 수도 있습니다</translation>
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
<context>
    <name>WhyController</name>
    <message>
        <source>Integrated gradients: which pixels changed the score, following the ink stroke by stroke.</source>
        <translation>통합 그래디언트: 잉크를 획 단위로 따라가며 점수를 바꾼 픽셀을 보여 줍니다.</translation>
    </message>
    <message>
        <source>class map on {layer} ({method})</source>
        <translation>{layer}의 클래스 맵 ({method})</translation>
    </message>
    <message>
        <source>{method}: which regions, as {layer} sees them, hold the evidence for the answer. It is as blurred as that layer&apos;s receptive fields, never negative, and can light up empty paper where the network notices missing ink; integrated gradients mark only the pixels drawn.</source>
        <translation>{method}: {layer} 층이 보는 대로, 답의 근거가 어느 영역에 있는지 보여 줍니다. 그 층의 수용 영역만큼 흐릿하고 음수가 없으며, 잉크가 없다는 것을 신경망이 알아챈 빈 종이를 밝힐 수도 있습니다. 통합 그래디언트는 그려진 픽셀만 표시합니다.</translation>
    </message>
    <message>
        <source>{method} on {layer} (where that layer&apos;s features speak for the digit)</source>
        <translation>{layer}의 {method} (이 층의 특성 가운데 그 숫자의 근거가 되는 곳)</translation>
    </message>
</context>
</TS>
