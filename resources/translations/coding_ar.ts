<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>CodeKind</name>
    <message>
        <source>Claim — ادعاء</source>
        <translation>ادعاء</translation>
    </message>
    <message>
        <source>Source — مصدر</source>
        <translation>مصدر</translation>
    </message>
    <message>
        <source>Actor — فاعل</source>
        <translation>فاعل</translation>
    </message>
    <message>
        <source>Framing device — أداة تأطير</source>
        <translation>أداة تأطير</translation>
    </message>
</context>
<context>
    <name>Coding</name>
    <message>
        <source>That annotation belongs to another coder and is read-only.</source>
        <translation>هذا الوسم لمُرمِّز آخر، فهو للقراءة فقط.</translation>
    </message>
    <message>
        <source>Open a document first.</source>
        <translation>افتح وثيقة أولًا.</translation>
    </message>
    <message>
        <source>Select text first (Shift+arrows), then press the code&apos;s key.</source>
        <translation>حدِّد نصًّا أولًا (⁦Shift⁩ مع الأسهم)، ثم اضغط مفتاح الرمز.</translation>
    </message>
    <message>
        <source>The selection holds only spaces; nothing to code.</source>
        <translation>لا يحوي التحديد سوى مسافات؛ فلا شيء لترميزه.</translation>
    </message>
    <message>
        <source>Change ‘{old}’ to ‘{new}’</source>
        <translation>تغيير «{old}» إلى «{new}»</translation>
    </message>
    <message>
        <source>Select one of your annotations to delete.</source>
        <translation>حدِّد وسمًا من وسومك لحذفه.</translation>
    </message>
    <message>
        <source>Delete {annotations}</source>
        <translation>حذف {annotations}</translation>
    </message>
    <message>
        <source>Select an annotation first (click it or Alt+Down).</source>
        <translation>حدِّد وسمًا أولًا (انقر عليه أو اضغط ⁦Alt+Down⁩).</translation>
    </message>
    <message>
        <source>The annotation cannot get any smaller or go past the text.</source>
        <translation>لا يمكن أن يصغر الوسم أكثر من ذلك أو أن يتجاوز حدود النص.</translation>
    </message>
    <message>
        <source>Move start of ‘{code}’</source>
        <translation>نقل بداية «{code}»</translation>
    </message>
    <message>
        <source>Move end of ‘{code}’</source>
        <translation>نقل نهاية «{code}»</translation>
    </message>
    <message>
        <source>No more annotations in that direction.</source>
        <translation>لا مزيد من الوسوم في هذا الاتجاه.</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <source>Choose a document in the Documents list (Ctrl+PgDown: next to code)</source>
        <translation>اختر وثيقة من قائمة الوثائق (⁦Ctrl+PgDown⁩: الوثيقة التالية للترميز)</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>نص الوثيقة</translation>
    </message>
</context>
<context>
    <name>DoneCheck</name>
    <message>
        <source>Required attributes are empty</source>
        <translation>سمات مطلوبة فارغة</translation>
    </message>
    <message>
        <source>Your annotations leave {values} empty:</source>
        <translation>تركت وسومك {values} فارغة:</translation>
    </message>
    <message>
        <source>Go to the first</source>
        <translation>الانتقال إلى الأولى</translation>
    </message>
    <message>
        <source>Mark done anyway</source>
        <translation>عَدُّها مُنجَزة على أي حال</translation>
    </message>
    <message>
        <source>Not marked done: required attributes are empty.</source>
        <translation>لم تُعَدّ الوثيقة مُنجَزة: بعض السمات المطلوبة فارغة.</translation>
    </message>
</context>
<context>
    <name>Linking</name>
    <message>
        <source>Select one of your claims first, then choose Link to… (Ctrl+L).</source>
        <translation>حدِّد أولًا أحد ادعاءاتك، ثم اختر «اربط بـ…» (Ctrl+L).</translation>
    </message>
    <message>
        <source>Link: click a source, actor or framing device (Esc cancels).</source>
        <translation>الربط: انقر مصدرًا أو فاعلًا أو أداة تأطير (Esc للإلغاء).</translation>
    </message>
    <message>
        <source>No source, actor or framing device of yours there; click one, or press Esc.</source>
        <translation>لا مصدر ولا فاعل ولا أداة تأطير لك هنا؛ انقر واحدًا منها أو اضغط Esc.</translation>
    </message>
    <message>
        <source>Link ‘{source}’ {relation} ‘{target}’</source>
        <translation>ربط «{source}» {relation} «{target}»</translation>
    </message>
    <message>
        <source>Linked ‘{source}’ {relation} ‘{target}’</source>
        <translation>رُبط «{source}» {relation} «{target}»</translation>
    </message>
</context>
<context>
    <name>SpanTooltip</name>
    <message>
        <source>{coder} (read-only)</source>
        <translation>{coder} (للقراءة فقط)</translation>
    </message>
</context>
<context>
    <name>TextMenu</name>
    <message>
        <source>Code the selection</source>
        <translation>رمِّز التحديد</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>‘{code}’ by {coder} (read-only)</source>
        <translation>«{code}» من {coder} (للقراءة فقط)</translation>
    </message>
    <message>
        <source>Change ‘{code}’ to</source>
        <translation>غيِّر «{code}» إلى</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>الرموز</translation>
    </message>
    <message>
        <source>‘{code}’</source>
        <translation>«{code}»</translation>
    </message>
    <message>
        <source>Delete ‘{code}’</source>
        <translation>احذف «{code}»</translation>
    </message>
    <message>
        <source>Link to… (then click)</source>
        <translation>اربط بـ… (ثم انقر)</translation>
    </message>
    <message>
        <source>Edit attributes</source>
        <translation>حرِّر السمات</translation>
    </message>
    <message>
        <source>Select nested span</source>
        <translation>حدِّد مقطعًا متداخلًا</translation>
    </message>
</context>
<context>
    <name>UndoCommand</name>
    <message>
        <source>Mark to do</source>
        <translation>جعلها «لم تبدأ»</translation>
    </message>
    <message>
        <source>Mark ‘{title}’ to do</source>
        <translation>جعل «{title}» لم تبدأ</translation>
    </message>
    <message>
        <source>Mark in progress</source>
        <translation>جعلها قيد العمل</translation>
    </message>
    <message>
        <source>Mark ‘{title}’ in progress</source>
        <translation>جعل «{title}» قيد العمل</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>جعلها مُنجَزة</translation>
    </message>
    <message>
        <source>Mark ‘{title}’ done</source>
        <translation>جعل «{title}» مُنجَزة</translation>
    </message>
    <message>
        <source>Add ‘{code}’</source>
        <translation>إضافة «{code}»</translation>
    </message>
    <message>
        <source>Delete ‘{code}’</source>
        <translation>حذف «{code}»</translation>
    </message>
    <message>
        <source>Set ‘{attribute}’ to ‘{value}’</source>
        <translation>تعيين «{attribute}» إلى «{value}»</translation>
    </message>
    <message>
        <source>Clear ‘{attribute}’</source>
        <translation>مسح «{attribute}»</translation>
    </message>
    <message>
        <source>Edit document memo</source>
        <translation>تحرير مذكّرة الوثيقة</translation>
    </message>
    <message>
        <source>Clear {question}</source>
        <translation>مسح إجابة {question}</translation>
    </message>
    <message>
        <source>Answer {question}</source>
        <translation>الإجابة عن {question}</translation>
    </message>
</context>
</TS>
