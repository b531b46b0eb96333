<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AttributeEditor</name>
    <message>
        <source>&lt;i&gt;Select an annotation to see its attributes.&lt;/i&gt;</source>
        <translation>&lt;i&gt;اختر وسمًا لترى سماته.&lt;/i&gt;</translation>
    </message>
    <message>
        <source> · {coder} (read-only)</source>
        <translation> · {coder} (للقراءة فقط)</translation>
    </message>
    <message>
        <source>&lt;i&gt;This code has no attributes.&lt;/i&gt;</source>
        <translation>&lt;i&gt;لا سمات لهذا الرمز.&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <source>Filter documents</source>
        <translation>تصفية الوثائق</translation>
    </message>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <source>Remove link</source>
        <translation>حذف الرابط</translation>
    </message>
    <message>
        <source>Select a claim, press Ctrl+L, then click a source, actor or device.</source>
        <translation>اختر ادعاءً، واضغط Ctrl+L، ثم انقر مصدرًا أو فاعلًا أو أداة تأطير.</translation>
    </message>
</context>
<context>
    <name>MemoEditor</name>
    <message>
        <source>Memo on the selected annotation</source>
        <translation>مذكّرة على الوسم المحدَّد</translation>
    </message>
    <message>
        <source>Memo on this document (only you see it)</source>
        <translation>مذكّرة على هذه الوثيقة (لا يراها غيرك)</translation>
    </message>
    <message>
        <source>Annotation memo</source>
        <translation>مذكّرة الوسم</translation>
    </message>
    <message>
        <source>Document memo</source>
        <translation>مذكّرة الوثيقة</translation>
    </message>
    <message>
        <source>Edit memo of ‘{code}’</source>
        <translation>تعديل مذكّرة «{code}»</translation>
    </message>
</context>
<context>
    <name>QuestionsPanel</name>
    <message>
        <source>The codebook has no document questions.</source>
        <translation>لا يتضمّن دليل الترميز أسئلة عن الوثيقة.</translation>
    </message>
    <message>
        <source>Frame score (mean of {items}): {score}</source>
        <translation>درجة الإطار (متوسط {items}): {score}</translation>
    </message>
    <message>
        <source>Required questions without an answer: {count}</source>
        <translation>أسئلة إلزامية بلا إجابة: {count}</translation>
    </message>
    <message>
        <source>All required questions answered</source>
        <translation>أُجيب عن كل الأسئلة الإلزامية</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… و{count} غيرها</translation>
    </message>
    <message>
        <source>Required questions unanswered</source>
        <translation>أسئلة إلزامية بلا إجابة</translation>
    </message>
    <message>
        <source>{questions} of this document are required and have no answer:
{names}

Mark the document done anyway?</source>
        <translation>الأسئلة الإلزامية التي لم يُجَب عنها في هذه الوثيقة: {questions}
{names}

أتجعل الوثيقة مُنجَزة رغم ذلك؟</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Type in the search field (Ctrl+F).</source>
        <translation>اكتب في حقل البحث (Ctrl+F).</translation>
    </message>
</context>
</TS>
