<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AssignDialog</name>
    <message>
        <source>By hand: every chosen document to every chosen coder</source>
        <translation>يدويًا: كل وثيقة مختارة لكل مرمِّز مختار</translation>
    </message>
    <message>
        <source>Reliability sample: a share of the documents</source>
        <translation>عيّنة الموثوقية: نسبة من الوثائق</translation>
    </message>
    <message>
        <source>Reliability sample: a number of documents</source>
        <translation>عيّنة الموثوقية: عدد من الوثائق</translation>
    </message>
    <message>
        <source>Assign documents</source>
        <translation>توزيع الوثائق</translation>
    </message>
    <message>
        <source>Take documents away even from coders who have annotated them (annotations are kept)</source>
        <translation>اسحب الوثائق حتى من المرمِّزين الذين وسموها (تبقى الوسوم محفوظة)</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>وزِّع</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>المرمِّزون</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>طريقة التوزيع</translation>
    </message>
    <message>
        <source>Share in the sample</source>
        <translation>النسبة في العيّنة</translation>
    </message>
    <message>
        <source>Documents in the sample</source>
        <translation>عدد الوثائق في العيّنة</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>بذرة جديدة</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <source>Smallest acceptable α</source>
        <translation>أصغر قيمة مقبولة لـ α</translation>
    </message>
    <message>
        <source>Significance level p</source>
        <translation>مستوى الدلالة p</translation>
    </message>
    <message>
        <source>P of the rarest category</source>
        <translation>احتمال الفئة الأندر</translation>
    </message>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>By hand: no reliability sample is drawn or stored.</source>
        <translation>يدويًا: لا تُسحب عيّنة موثوقية ولا تُحفظ.</translation>
    </message>
    <message>
        <source>enough</source>
        <translation>كافية</translation>
    </message>
    <message>
        <source>too few — {count} more needed</source>
        <translation>غير كافية — يلزم {count} أخرى</translation>
    </message>
    <message>
        <source>The sample: {size} of {documents} → {units} for a document-level variable. Krippendorff&apos;s α ≥ {alpha_min} at p = {p} (P_c = {p_c}, {coders}) needs {needed} ({values} values): {verdict}.</source>
        <translation>العيّنة: {size} من {documents} ← {units} لمتغيِّر على مستوى الوثيقة. يتطلَّب بلوغ ألفا كريبندورف ≥ {alpha_min} عند p = {p} (P_c = {p_c}، {coders}) {needed} ({values} قيمة): {verdict}.</translation>
    </message>
    <message>
        <source>the assignment was refused</source>
        <translation>رُفض التوزيع</translation>
    </message>
    <message>
        <source>Assign a reliability sample</source>
        <translation>توزيع عيّنة موثوقية</translation>
    </message>
</context>
<context>
    <name>Presence</name>
    <message>
        <source>just now</source>
        <translation>الآن</translation>
    </message>
    <message>
        <source>{time} ago</source>
        <translation>منذ {time}</translation>
    </message>
    <message>
        <source>no change yet</source>
        <translation>لا تغيير بعد</translation>
    </message>
    <message>
        <source>last change: {ago}</source>
        <translation>آخر تغيير: {ago}</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <source>Online since {time}</source>
        <translation>متصل منذ {time}</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>{state} ({sessions})</source>
        <translation>{state} ({sessions})</translation>
    </message>
    <message>
        <source>Who has the app open on this project now. Checked after every change and every 30 seconds: opening and closing the app sends no notification.</source>
        <translation>من يفتح التطبيق على هذا المشروع الآن. يُتحقَّق من ذلك بعد كل تغيير وكل 30 ثانية، لأن فتح التطبيق وإغلاقه لا يرسلان إشعارًا.</translation>
    </message>
    <message>
        <source>Who is connected is unknown: {reason}</source>
        <translation>تعذّرت معرفة المتصلين: {reason}</translation>
    </message>
    <message>
        <source>{coder} since {time}</source>
        <translation>{coder} منذ {time}</translation>
    </message>
    <message>
        <source>Online now: nobody</source>
        <translation>متصل الآن: لا أحد</translation>
    </message>
    <message>
        <source>Online now: {coders}</source>
        <translation>متصل الآن: {coders}</translation>
    </message>
</context>
<context>
    <name>ProgressStatus</name>
    <message>
        <source>not assigned</source>
        <translation>غير موزَّعة</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>لم تبدأ</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>مُنجَزة</translation>
    </message>
</context>
<context>
    <name>ProgressTable</name>
    <message>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <source>{mark} = in the reliability sample (coded by every coder)</source>
        <translation>{mark} = ضمن عيّنة الموثوقية (يرمّزها كل المرمِّزين)</translation>
    </message>
    <message>
        <source>{coder}
{done}/{assigned} done · {annotations}</source>
        <translation>{coder}
مُنجَزة {done}/{assigned} · {annotations}</translation>
    </message>
    <message>
        <source>{coder}: {assigned} assigned — {done} done, {in_progress} in progress, {todo} to do; {annotations}</source>
        <translation>{coder}: الموزَّعة {assigned} — مُنجَزة {done}، قيد العمل {in_progress}، لم تبدأ {todo}؛ {annotations}</translation>
    </message>
    <message>
        <source>Gold
{decided}/{clusters} decided</source>
        <translation>المعيار الذهبي
محسوم {decided}/{clusters}</translation>
    </message>
    <message>
        <source>Adjudication: {decided} of {clusters} decided (accepted, edited or rejected)</source>
        <translation>التحكيم: حُسم {decided} من {clusters} (بالقبول أو التعديل أو الرفض)</translation>
    </message>
    <message>
        <source>{decided} of {clusters} decided; {annotations} in gold</source>
        <translation>حُسم {decided} من {clusters}؛ في المعيار الذهبي {annotations}</translation>
    </message>
    <message>
        <source>(reliability sample)</source>
        <translation>(عيّنة الموثوقية)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>لم يتغيّر بعد</translation>
    </message>
    <message>
        <source>{status}; {annotations}; last change {when}</source>
        <translation>{status}؛ {annotations}؛ آخر تغيير {when}</translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message>
        <source>Progress — {project}</source>
        <translation>التقدّم — {project}</translation>
    </message>
    <message>
        <source>Assign documents…</source>
        <translation>توزيع الوثائق…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <source>{documents}; no reliability sample drawn.</source>
        <translation>{documents}؛ لم تُسحب عيّنة موثوقية.</translation>
    </message>
    <message>
        <source>{documents}; {mark} reliability sample of {sample} (seed {seed}) coded by {coders}; α_min {alpha_min}, p {p}.</source>
        <translation>{documents}؛ {mark} عيّنة موثوقية من {sample} (البذرة {seed}) يرمِّزها {coders}؛ α_min {alpha_min}، p {p}.</translation>
    </message>
</context>
</TS>
