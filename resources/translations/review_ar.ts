<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Adjudication</name>
    <message>
        <source>Select a cluster first (N moves to the next disagreement).</source>
        <translation>اختر عنقودًا أولًا (ينتقل N إلى الاختلاف التالي).</translation>
    </message>
    <message>
        <source>Automatic adjudication ({strategy}) running…</source>
        <translation>التحكيم الآلي ({strategy}) جارٍ…</translation>
    </message>
    <message>
        <source>Automatic adjudication cancelled: nothing was stored.</source>
        <translation>أُلغي التحكيم الآلي: لم يُحفظ شيء.</translation>
    </message>
</context>
<context>
    <name>AdjudicationPanel</name>
    <message>
        <source>Unanimous: every coder gave the same version</source>
        <translation>بالإجماع: أعطى كل المرمِّزين النسخة نفسها</translation>
    </message>
    <message>
        <source>Majority: more than half of the coders</source>
        <translation>بالأغلبية: أكثر من نصف المرمِّزين</translation>
    </message>
    <message>
        <source>Threshold: at least the share of coders set beside</source>
        <translation>بالعتبة: نسبة المرمِّزين المحدَّدة بجانبه على الأقل</translation>
    </message>
    <message>
        <source>Adjudication into gold</source>
        <translation>التحكيم إلى المعيار الذهبي</translation>
    </message>
    <message>
        <source>Select a cluster.</source>
        <translation>اختر عنقودًا.</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>رفض (R)</translation>
    </message>
    <message>
        <source>Edit gold… (E)</source>
        <translation>تعديل المعيار الذهبي… (E)</translation>
    </message>
    <message>
        <source>Rationale of this decision (Enter saves it)</source>
        <translation>مسوِّغ هذا القرار (يحفظه مفتاح Enter)</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>تراجع (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>إعادة (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Automatic adjudication ▾</source>
        <translation>التحكيم الآلي ▾</translation>
    </message>
    <message>
        <source>Share of coders the threshold strategy needs</source>
        <translation>نسبة المرمِّزين التي تشترطها استراتيجية العتبة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>share</source>
        <translation>النسبة</translation>
    </message>
    <message>
        <source>{key} · Accept {coder}</source>
        <translation>{key} · قبول {coder}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gold:&lt;/b&gt; not decided yet</source>
        <translation>&lt;b&gt;المعيار الذهبي:&lt;/b&gt; لم يُحسم بعد</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gold:&lt;/b&gt; {decision}</source>
        <translation>&lt;b&gt;المعيار الذهبي:&lt;/b&gt; {decision}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gold:&lt;/b&gt; {decision} — {spans} in gold</source>
        <translation>&lt;b&gt;المعيار الذهبي:&lt;/b&gt; {decision} — {spans} فيه</translation>
    </message>
</context>
<context>
    <name>AdjudicationStrategy</name>
    <message>
        <source>manual</source>
        <translation>يدوي</translation>
    </message>
    <message>
        <source>unanimous</source>
        <translation>بالإجماع</translation>
    </message>
    <message>
        <source>majority</source>
        <translation>بالأغلبية</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>بالعتبة</translation>
    </message>
</context>
<context>
    <name>Adjudicator</name>
    <message>
        <source>{action}: {reason}</source>
        <translation>{action}: {reason}</translation>
    </message>
    <message>
        <source>{action}: done (Ctrl+Z undoes it)</source>
        <translation>{action}: تمّ (يتراجع عنه Ctrl+Z)</translation>
    </message>
    <message>
        <source>{coder} marked nothing in cluster #{number}: reject it (R) or edit the gold span (E)</source>
        <translation>لم يحدِّد {coder} شيئًا في العنقود رقم {number}: ارفضه (R) أو عدِّل مقطع المعيار الذهبي (E)</translation>
    </message>
    <message>
        <source>Accept {coder}&apos;s version of cluster #{number}</source>
        <translation>قبول نسخة {coder} من العنقود رقم {number}</translation>
    </message>
    <message>
        <source>Reject cluster #{number}</source>
        <translation>رفض العنقود رقم {number}</translation>
    </message>
    <message>
        <source>Edit the gold span of cluster #{number}</source>
        <translation>تعديل مقطع المعيار الذهبي في العنقود رقم {number}</translation>
    </message>
    <message>
        <source>Rationale of cluster #{number}</source>
        <translation>مسوِّغ العنقود رقم {number}</translation>
    </message>
    <message>
        <source>Link gold: {link}</source>
        <translation>ربط في المعيار الذهبي: {link}</translation>
    </message>
    <message>
        <source>Remove gold link: {link}</source>
        <translation>إزالة رابط من المعيار الذهبي: {link}</translation>
    </message>
    <message>
        <source>Take {coder}&apos;s answer to {question} as gold</source>
        <translation>اعتماد إجابة {coder} عن السؤال {question} معيارًا ذهبيًا</translation>
    </message>
    <message>
        <source>Clear the gold answer to {question}</source>
        <translation>حذف الإجابة الذهبية عن السؤال {question}</translation>
    </message>
    <message>
        <source>Set the gold answer to {question}</source>
        <translation>تعيين الإجابة الذهبية عن السؤال {question}</translation>
    </message>
    <message>
        <source>Automatic adjudication failed: {reason}</source>
        <translation>تعذّر التحكيم الآلي: {reason}</translation>
    </message>
    <message>
        <source>{decided} decided, {already} already decided, {left} left for review, {conflicts} in conflict</source>
        <translation>حُسم الآن: {decided}، محسوم من قبل: {already}، متروك للمراجعة: {left}، متعارض: {conflicts}</translation>
    </message>
    <message>
        <source>; answers: {decided} decided, {already} already had gold, {left} left for review</source>
        <translation>؛ الإجابات: حُسم منها {decided}، وكان لـ{already} إجابة ذهبية من قبل، وتُرك {left} للمراجعة</translation>
    </message>
    <message>
        <source>Automatic adjudication ({strategy})</source>
        <translation>التحكيم الآلي ({strategy})</translation>
    </message>
    <message>
        <source>{action}: {counts}</source>
        <translation>{action}: {counts}</translation>
    </message>
</context>
<context>
    <name>ClusterTable</name>
    <message>
        <source>Range</source>
        <translation>المدى</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>الأصناف</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>المعيار الذهبي</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>— (marked nothing)</source>
        <translation>— (لم يحدِّد شيئًا)</translation>
    </message>
</context>
<context>
    <name>EditGoldDialog</name>
    <message>
        <source>Edit gold span</source>
        <translation>تعديل مقطع المعيار الذهبي</translation>
    </message>
    <message>
        <source>Use the text selection</source>
        <translation>استخدام التحديد في النص</translation>
    </message>
    <message>
        <source>Start (code point)</source>
        <translation>البداية (نقطة ترميز)</translation>
    </message>
    <message>
        <source>End (after the last)</source>
        <translation>النهاية (بعد آخر حرف)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>الرمز</translation>
    </message>
    <message>
        <source>Select text in the document first.</source>
        <translation>حدِّد نصًّا في الوثيقة أولًا.</translation>
    </message>
    <message>
        <source>The span is empty: the end must come after the start.</source>
        <translation>المقطع فارغ: يجب أن تأتي النهاية بعد البداية.</translation>
    </message>
</context>
<context>
    <name>GoldLinks</name>
    <message>
        <source>{code}: “{text}”</source>
        <translation>{code}: «{text}»</translation>
    </message>
    <message>
        <source>{relation} {span}</source>
        <translation>{relation} {span}</translation>
    </message>
    <message>
        <source>from {span} ({relation})</source>
        <translation>من {span} ({relation})</translation>
    </message>
    <message>
        <source>Links of the gold span</source>
        <translation>روابط مقطع المعيار الذهبي</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>ربط</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>إزالة الرابط</translation>
    </message>
    <message>
        <source>Gold span</source>
        <translation>مقطع المعيار الذهبي</translation>
    </message>
    <message>
        <source>Its links</source>
        <translation>روابطه</translation>
    </message>
    <message>
        <source>New link</source>
        <translation>رابط جديد</translation>
    </message>
    <message>
        <source>no gold span of a kind it can link to</source>
        <translation>لا مقطع في المعيار الذهبي من نوع يمكن ربطه به</translation>
    </message>
</context>
<context>
    <name>ReviewAnswers</name>
    <message>
        <source>Only &amp;disagreements</source>
        <translation>الاختلافات &amp;فقط</translation>
    </message>
    <message>
        <source>Select a question: 1–9 take that coder&apos;s answer as gold, Delete clears the gold answer, or choose any answer below. Ctrl+Z undoes.</source>
        <translation>اختر سؤالًا: المفاتيح 1–9 تعتمد إجابة ذلك المُرمِّز معيارًا ذهبيًا، و⁦Delete⁩ يحذف الإجابة الذهبية، أو اختر أي إجابة أدناه. ⁦Ctrl+Z⁩ للتراجع.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>السؤال</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>المرمِّزون</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>المعيار الذهبي</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>عيّنها</translation>
    </message>
    <message>
        <source>one answer</source>
        <translation>إجابة واحدة</translation>
    </message>
    <message>
        <source>agree</source>
        <translation>متفقون</translation>
    </message>
    <message>
        <source>differ</source>
        <translation>مختلفون</translation>
    </message>
    <message>
        <source>{lead}, {when}</source>
        <translation>{lead}، {when}</translation>
    </message>
    <message>
        <source>No coder answered a question of this document.</source>
        <translation>لم يُجب أي مُرمِّز عن أسئلة هذه الوثيقة.</translation>
    </message>
    <message>
        <source>{questions}, {differ} with different answers, {open} of them without a gold answer.</source>
        <translation>{questions}، اختلفت الإجابات في {differ} منها، و{open} منها بلا إجابة ذهبية.</translation>
    </message>
    <message>
        <source>{lane}: take {coder}&apos;s</source>
        <translation>{lane}: اعتماد إجابة {coder}</translation>
    </message>
    <message>
        <source>Clear gold (Delete)</source>
        <translation>حذف الإجابة الذهبية (⁦Delete⁩)</translation>
    </message>
    <message>
        <source>{coder} gave no answer to this question.</source>
        <translation>لم يُجب {coder} عن هذا السؤال.</translation>
    </message>
</context>
<context>
    <name>ReviewClass</name>
    <message>
        <source>missing</source>
        <translation>إغفال</translation>
    </message>
    <message>
        <source>code</source>
        <translation>رمز</translation>
    </message>
    <message>
        <source>boundary</source>
        <translation>حدود</translation>
    </message>
    <message>
        <source>attribute</source>
        <translation>سمة</translation>
    </message>
    <message>
        <source>relation</source>
        <translation>رابط</translation>
    </message>
    <message>
        <source>unanimous</source>
        <translation>إجماع</translation>
    </message>
</context>
<context>
    <name>ReviewDecision</name>
    <message>
        <source>accepted {coder}</source>
        <translation>قُبلت نسخة {coder}</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>عُدِّل</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>رُفض</translation>
    </message>
    <message>
        <source>{decision} ({strategy})</source>
        <translation>{decision} ({strategy})</translation>
    </message>
</context>
<context>
    <name>ReviewFigures</name>
    <message>
        <source>character α</source>
        <translation>α على مستوى الحروف</translation>
    </message>
    <message>
        <source>% agreement (tokens)</source>
        <translation>نسبة الاتفاق ٪ (الكلمات)</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>المقياس</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>الوحدات</translation>
    </message>
    <message>
        <source>&lt;b&gt;Agreement in this document&lt;/b&gt;</source>
        <translation>&lt;b&gt;الاتفاق بين المرمِّزين في هذه الوثيقة&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>جارٍ الحساب…</translation>
    </message>
    <message>
        <source>Agreement could not be computed: {reason}</source>
        <translation>تعذّر حساب الاتفاق: {reason}</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>غير معرَّف</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>{coders} ({names}); overall figures, every code (docs/agreement.md). One document: no confidence interval.</source>
        <translation>{coders} ({names})؛ أرقام إجمالية لكل الرموز (docs/agreement.md). وثيقة واحدة: لا فترة ثقة.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>لا أحد</translation>
    </message>
</context>
<context>
    <name>ReviewFilters</name>
    <message>
        <source>(any)</source>
        <translation>(الكل)</translation>
    </message>
    <message>
        <source>any disagreement</source>
        <translation>أي اختلاف</translation>
    </message>
    <message>
        <source>&amp;Class</source>
        <translation>ال&amp;صنف</translation>
    </message>
    <message>
        <source>C&amp;ode</source>
        <translation>ال&amp;رمز</translation>
    </message>
    <message>
        <source>Code&amp;r</source>
        <translation>ال&amp;مرمِّز</translation>
    </message>
</context>
<context>
    <name>ReviewLegend</name>
    <message>
        <source>Coders: {names}</source>
        <translation>المرمِّزون: {names}</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Read-only review: nothing here changes the coding or the gold layer. Open it as a lead to adjudicate.</source>
        <translation>مراجعة للقراءة فقط: لا شيء هنا يغيّر الترميز أو طبقة المعيار الذهبي. افتحها بصفة المشرف للتحكيم.</translation>
    </message>
    <message>
        <source>Adjudicating as {lead}: 1–9 accept that coder&apos;s version of the selected cluster (or, in Document questions, that coder&apos;s answer) into gold, R rejects it, E edits the gold span, Ctrl+Z undoes. The coders&apos; own coding never changes.</source>
        <translation>التحكيم بصفة {lead}: المفاتيح 1–9 تقبل نسخة المرمِّز المقابل من العنقود المحدَّد (أو إجابته في «أسئلة الوثيقة») في المعيار الذهبي، وR ترفضه، وE تعدّل مقطع المعيار الذهبي، وCtrl+Z تتراجع. ترميز المرمِّزين أنفسهم لا يتغيّر أبدًا.</translation>
    </message>
    <message>
        <source>Review and adjudication ({lead})</source>
        <translation>المراجعة والتحكيم ({lead})</translation>
    </message>
    <message>
        <source>Review (read-only)</source>
        <translation>المراجعة (للقراءة فقط)</translation>
    </message>
    <message>
        <source>{mode} — {project}</source>
        <translation>{mode} — {project}</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <source>&amp;Spans</source>
        <translation>ال&amp;مقاطع</translation>
    </message>
    <message>
        <source>Document &amp;questions</source>
        <translation>أسئلة الوثيقة</translation>
    </message>
    <message>
        <source>Previous disagreement (Shift+N)</source>
        <translation>الاختلاف السابق (Shift+N)</translation>
    </message>
    <message>
        <source>Next disagreement (N, F8)</source>
        <translation>الاختلاف التالي (N، F8)</translation>
    </message>
    <message>
        <source>gold</source>
        <translation>المعيار الذهبي</translation>
    </message>
    <message>
        <source>{shown} of {clusters} shown, {disagreements} with a disagreement. N / F8: next disagreement, Shift+N / Shift+F8: previous.</source>
        <translation>المعروض {shown} من {clusters}، فيها اختلاف: {disagreements}. N أو F8: الاختلاف التالي، Shift+N أو Shift+F8: السابق.</translation>
    </message>
    <message>
        <source>No disagreement among the clusters shown.</source>
        <translation>لا اختلاف في العناقيد المعروضة.</translation>
    </message>
</context>
</TS>
