<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AgreementChart</name>
    <message>
        <source>{measure} per code</source>
        <translation>{measure} لكل رمز</translation>
    </message>
    <message>
        <source>{codes} undefined, not drawn</source>
        <translation>{codes} غير معرَّفة، فلم تُرسم</translation>
    </message>
    <message>
        <source>threshold {value}</source>
        <translation>العتبة {value}</translation>
    </message>
</context>
<context>
    <name>AgreementFilters</name>
    <message>
        <source>coding</source>
        <translation>الترميز</translation>
    </message>
    <message>
        <source>gold</source>
        <translation>المعيار الذهبي</translation>
    </message>
    <message>
        <source>bootstrap replicates for the presence α interval (0: none)</source>
        <translation>عدد تكرارات إعادة المعاينة (bootstrap) لفترة ثقة α الحضور (0: بلا فترة)</translation>
    </message>
    <message>
        <source>Each coder against gold</source>
        <translation>كل مُرمِّز مقابل المعيار الذهبي</translation>
    </message>
    <message>
        <source>Also compare each coder with the adjudicated gold layer (uα and span F1, gold as the reference); coding layer only</source>
        <translation>قارن أيضًا كل مُرمِّز بطبقة المعيار الذهبي الناتجة عن التحكيم (uα و F1 للمقاطع، والمعيار الذهبي هو المرجع)؛ لطبقة الترميز فقط</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>احسب</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>المرمِّزون</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>الرموز</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <source>Replicates</source>
        <translation>التكرارات</translation>
    </message>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
</context>
<context>
    <name>AgreementGold</name>
    <message>
        <source>Coder</source>
        <translation>المُرمِّز</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>فترة الثقة 95%</translation>
    </message>
    <message>
        <source>F1 exact</source>
        <translation>F1 تطابق تام</translation>
    </message>
    <message>
        <source>F1 overlap</source>
        <translation>F1 تداخل</translation>
    </message>
    <message>
        <source>Precision (overlap)</source>
        <translation>الدقة (تداخل)</translation>
    </message>
    <message>
        <source>Recall (overlap)</source>
        <translation>الاستدعاء (تداخل)</translation>
    </message>
    <message>
        <source>Tick “Each coder against gold” (coding layer) and compute to compare each coder with the adjudicated gold layer.</source>
        <translation>اختر «كل مُرمِّز مقابل المعيار الذهبي» (طبقة الترميز) ثم احسب لمقارنة كل مُرمِّز بطبقة المعيار الذهبي الناتجة عن التحكيم.</translation>
    </message>
    <message>
        <source>No chosen document has gold yet: adjudicate in the review window first.</source>
        <translation>لا معيار ذهبيًا بعدُ في أي من الوثائق المختارة: أجرِ التحكيم أولًا في نافذة المراجعة.</translation>
    </message>
    <message>
        <source>Gold is the reference of precision and recall; each coder is compared on the documents both coded (up to {documents}). Clusters still undecided count as gold marking nothing.</source>
        <translation>المعيار الذهبي هو مرجع الدقة والاستدعاء؛ ويُقارَن كل مُرمِّز على الوثائق التي رمّزها كلاهما (حتى {documents}). وتُحسب العناقيد التي لم يُحكَم فيها بعدُ كأن المعيار الذهبي لم يُعلِّم فيها شيئًا.</translation>
    </message>
</context>
<context>
    <name>AgreementNote</name>
    <message>
        <source>left out (no documents): {names}</source>
        <translation>استُبعد (بلا وثائق): {names}</translation>
    </message>
    <message>
        <source>fewer than two coders with documents: agreement is undefined</source>
        <translation>أقل من مرمِّزَين لديهما وثائق: الاتفاق غير معرَّف</translation>
    </message>
    <message>
        <source>α_u and the token kappas use the {used} of {total} documents coded by all {coders} coders</source>
        <translation>يستخدم α_u ومعاملا كابا للكلمات {used} من أصل {total} وثيقة رمَّزها المرمِّزون الـ{coders} جميعًا</translation>
    </message>
    <message>
        <source>uα family: no bootstrap interval ({reason})</source>
        <translation>عائلة uα: لا فترة ثقة بإعادة المعاينة ({reason})</translation>
    </message>
</context>
<context>
    <name>AgreementPairs</name>
    <message>
        <source>Span F1, exact match</source>
        <translation>F1 للمقاطع، تطابق تام</translation>
    </message>
    <message>
        <source>Span F1, overlap ≥ 0.5</source>
        <translation>F1 للمقاطع، تداخل ≥ 0.5</translation>
    </message>
    <message>
        <source>Row: reference coder. F1 is symmetric; hover for precision and recall. Not chance-corrected: read it beside α.</source>
        <translation>الصف: المرمِّز المرجعي. مقياس F1 متماثل؛ مرِّر المؤشر لرؤية الدقة والاستدعاء. لا يصحِّح أثر الصدفة، فاقرأه إلى جانب α.</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>تطابق تام</translation>
    </message>
    <message>
        <source>overlap match</source>
        <translation>تطابق بالتداخل</translation>
    </message>
    <message>
        <source>{other} against {reference} ({match})</source>
        <translation>{other} مقابل {reference} ({match})</translation>
    </message>
    <message>
        <source>precision {precision}, recall {recall}, F1 {f1}</source>
        <translation>الدقة {precision}، الاستدعاء {recall}، F1 {f1}</translation>
    </message>
    <message>
        <source>spans {reference} / {other}</source>
        <translation>المقاطع {reference} / {other}</translation>
    </message>
</context>
<context>
    <name>AgreementQuestions</name>
    <message>
        <source>question</source>
        <translation>السؤال</translation>
    </message>
    <message>
        <source>level</source>
        <translation>مستوى القياس</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>فترة الثقة 95%</translation>
    </message>
    <message>
        <source>% agreement</source>
        <translation>نسبة الاتفاق %</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <source>coders</source>
        <translation>المرمِّزون</translation>
    </message>
    <message>
        <source>nominal</source>
        <translation>اسمي</translation>
    </message>
    <message>
        <source>ordinal</source>
        <translation>ترتيبي</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>فتري</translation>
    </message>
</context>
<context>
    <name>AgreementStage</name>
    <message>
        <source>reading the project</source>
        <translation>قراءة المشروع</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>البدء</translation>
    </message>
    <message>
        <source>tokenising the documents</source>
        <translation>تقسيم الوثائق إلى كلمات</translation>
    </message>
    <message>
        <source>uα family (2016) with bootstrap</source>
        <translation>عائلة uα (2016) مع إعادة المعاينة</translation>
    </message>
    <message>
        <source>α_u (2004)</source>
        <translation>α_u (2004)</translation>
    </message>
    <message>
        <source>character α</source>
        <translation>α على مستوى الأحرف</translation>
    </message>
    <message>
        <source>presence α (bootstrap)</source>
        <translation>α الحضور (إعادة المعاينة)</translation>
    </message>
    <message>
        <source>token κ</source>
        <translation>κ على مستوى الكلمات</translation>
    </message>
    <message>
        <source>done</source>
        <translation>اكتمل</translation>
    </message>
    <message>
        <source>each coder against gold</source>
        <translation>كل مُرمِّز مقابل المعيار الذهبي</translation>
    </message>
    <message>
        <source>uα family inside {name}</source>
        <translation>عائلة uα داخل {name}</translation>
    </message>
    <message>
        <source>span F1 {name}</source>
        <translation>F1 للمقاطع {name}</translation>
    </message>
    <message>
        <source>each coder against gold: {name}</source>
        <translation>كل مُرمِّز مقابل المعيار الذهبي: {name}</translation>
    </message>
</context>
<context>
    <name>AgreementTable</name>
    <message>
        <source>Code</source>
        <translation>الرمز</translation>
    </message>
    <message>
        <source>code path; (all) rows collapse a kind or a parent&apos;s sub-codes</source>
        <translation>مسار الرمز؛ صفوف «(الكل)» تجمع نوعًا أو الرموز الفرعية لرمز أصل</translation>
    </message>
    <message>
        <source>Docs</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <source>documents coded by two or more coders</source>
        <translation>الوثائق التي رمَّزها مرمِّزان أو أكثر</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>المرمِّزون</translation>
    </message>
    <message>
        <source>coders with documents</source>
        <translation>المرمِّزون الذين لديهم وثائق</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>الوحدات</translation>
    </message>
    <message>
        <source>spans measured by |uα of k</source>
        <translation>المقاطع التي يقيسها |uα للرمز k</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>الحكم</translation>
    </message>
    <message>
        <source>on |uα of k, uα overall: reliable ≥ .800, tentative ≥ .667</source>
        <translation>بحسب |uα للرمز k، وuα إجمالًا: موثوق ≥ .800، مبدئي ≥ .667</translation>
    </message>
    <message>
        <source>|uα of k [95% CI]</source>
        <translation>|uα للرمز k [فترة ثقة 95%]</translation>
    </message>
    <message>
        <source>this code&apos;s spans against everything else: are its units identified? (the verdict&apos;s figure)</source>
        <translation>مقاطع هذا الرمز مقابل كل ما سواها: هل تُحدَّد وحداته على نحو متَّسق؟ (الرقم الذي يقوم عليه الحكم)</translation>
    </message>
    <message>
        <source>(k)uα [95% CI]</source>
        <translation>(k)uα [فترة ثقة 95%]</translation>
    </message>
    <message>
        <source>(k)uα (2016 eq. 13): is this code told from the other codes of its kind where the coders&apos; spans meet?</source>
        <translation>(k)uα (2016، المعادلة 13): هل يُميَّز هذا الرمز من رموز نوعه الأخرى حيث تلتقي مقاطع المرمِّزين؟</translation>
    </message>
    <message>
        <source>(k) cov</source>
        <translation>تغطية (k)</translation>
    </message>
    <message>
        <source>coverage of (k)uα: share of the code&apos;s length lying where other coders&apos; spans of its kind meet it</source>
        <translation>تغطية (k)uα: نسبة طول الرمز الواقعة حيث تلتقيه مقاطع المرمِّزين الآخرين من النوع نفسه</translation>
    </message>
    <message>
        <source>uα (2016): unitizing and coding, 95% bootstrap interval</source>
        <translation>uα (2016): التقطيع والترميز معًا، فترة ثقة 95% بإعادة المعاينة</translation>
    </message>
    <message>
        <source>|uα (2016): spans regardless of code</source>
        <translation>|uα (2016): المقاطع بصرف النظر عن الرمز</translation>
    </message>
    <message>
        <source>cuα (2016): codes where spans overlap</source>
        <translation>cuα (2016): الرموز حيث تتداخل المقاطع</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s unitizing alpha (2004)</source>
        <translation>ألفا كريبندورف للتقطيع (2004)</translation>
    </message>
    <message>
        <source>char α</source>
        <translation>α الأحرف</translation>
    </message>
    <message>
        <source>binary alpha over characters</source>
        <translation>ألفا ثنائية على مستوى الأحرف</translation>
    </message>
    <message>
        <source>presence α [95% CI]</source>
        <translation>α الحضور [فترة ثقة 95%]</translation>
    </message>
    <message>
        <source>did the coders use the code in the same documents? bootstrap interval</source>
        <translation>هل استعمل المرمِّزون الرمز في الوثائق نفسها؟ فترة ثقة بإعادة المعاينة</translation>
    </message>
    <message>
        <source>{measure} over word tokens</source>
        <translation>{measure} على مستوى الكلمات</translation>
    </message>
    <message>
        <source>% agr</source>
        <translation>% اتفاق</translation>
    </message>
    <message>
        <source>percent agreement over tokens (no verdict: not chance-corrected)</source>
        <translation>نسبة الاتفاق على مستوى الكلمات (بلا حكم: لا تصحِّح أثر الصدفة)</translation>
    </message>
    <message>
        <source>undef</source>
        <translation>غير معرَّف</translation>
    </message>
    <message>
        <source>{replicates} undefined, left out of the interval</source>
        <translation>{replicates} غير معرَّفة، استُبعدت من الفترة</translation>
    </message>
    <message>
        <source>coverage {share} of the pairable matter</source>
        <translation>التغطية {share} من المادة القابلة للمقارنة</translation>
    </message>
    <message>
        <source>{level} CI [{low}, {high}] from {replicates} replicates; q(α &lt; .667) = {below_667}, q(α &lt; .800) = {below_800}</source>
        <translation>فترة ثقة {level} [{low}، {high}] من {replicates} تكرار؛ q(α &lt; .667) = {below_667}، q(α &lt; .800) = {below_800}</translation>
    </message>
    <message>
        <source>undefined: nothing to pair, or no variation (never shown as 0)</source>
        <translation>غير معرَّف: لا شيء للمقارنة أو لا تباين (ولا يُعرض صفرًا أبدًا)</translation>
    </message>
    <message>
        <source>definition: {text}</source>
        <translation>التعريف: {text}</translation>
    </message>
</context>
<context>
    <name>AgreementWindow</name>
    <message>
        <source>char α</source>
        <translation>α الأحرف</translation>
    </message>
    <message>
        <source>presence α</source>
        <translation>α الحضور</translation>
    </message>
    <message>
        <source>κ tokens</source>
        <translation>κ الكلمات</translation>
    </message>
    <message>
        <source>Agreement — {project}</source>
        <translation>الاتفاق بين المرمِّزين — {project}</translation>
    </message>
    <message>
        <source>Coder pairs</source>
        <translation>أزواج المرمِّزين</translation>
    </message>
    <message>
        <source>Document questions</source>
        <translation>أسئلة الوثيقة</translation>
    </message>
    <message>
        <source>Against gold</source>
        <translation>مقابل المعيار الذهبي</translation>
    </message>
    <message>
        <source>Chart of</source>
        <translation>رسم بياني لـ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>تصدير CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>تصدير JSON…</translation>
    </message>
    <message>
        <source>choose at least one coder</source>
        <translation>اختر مرمِّزًا واحدًا على الأقل</translation>
    </message>
    <message>
        <source>choose at least one code</source>
        <translation>اختر رمزًا واحدًا على الأقل</translation>
    </message>
    <message>
        <source>choose at least one document</source>
        <translation>اختر وثيقة واحدة على الأقل</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>أُلغي</translation>
    </message>
    <message>
        <source>Cannot compute:</source>
        <translation>تعذَّر الحساب:</translation>
    </message>
    <message>
        <source>Export agreement as {format}</source>
        <translation>تصدير الاتفاق بصيغة {format}</translation>
    </message>
    <message>
        <source>{format} files</source>
        <translation>ملفات {format}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>لا أحد</translation>
    </message>
    <message>
        <source>{pairable} coded by two or more, {complete} by all</source>
        <translation>{pairable} رمَّزها اثنان أو أكثر، و{complete} رمَّزها الجميع</translation>
    </message>
    <message>
        <source>layer {layer}</source>
        <translation>الطبقة: {layer}</translation>
    </message>
    <message>
        <source>uα family resampling {documents}</source>
        <translation>عائلة uα بإعادة معاينة {documents}</translation>
    </message>
    <message>
        <source>uα family without interval</source>
        <translation>عائلة uα بلا فترة ثقة</translation>
    </message>
    <message>
        <source>95% intervals: {replicates} bootstrap replicates, seed {seed} ({family}); hover a cell for its definition</source>
        <translation>فترات ثقة 95%: {replicates} تكرار لإعادة المعاينة، البذرة {seed} ({family})؛ مرِّر المؤشر فوق خلية لترى تعريفها</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>reliable</source>
        <translation>موثوق</translation>
    </message>
    <message>
        <source>tentative</source>
        <translation>مبدئي</translation>
    </message>
    <message>
        <source>not reliable</source>
        <translation>غير موثوق</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>غير معرَّف</translation>
    </message>
    <message>
        <source>too few units</source>
        <translation>وحدات أقل من اللازم</translation>
    </message>
</context>
</TS>
