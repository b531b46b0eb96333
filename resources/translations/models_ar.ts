<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>CodeTip</name>
    <message>
        <source>Key: {key} (press it, or double-click, to apply)</source>
        <translation>المفتاح: {key} (اضغطه أو انقر نقرًا مزدوجًا للتطبيق)</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>التعريف</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>يُدرَج</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>يُستبعَد</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>(untitled)</source>
        <translation>(بلا عنوان)</translation>
    </message>
</context>
<context>
    <name>Relation</name>
    <message>
        <source>attributed to</source>
        <translation>منسوب إلى</translation>
    </message>
    <message>
        <source>about</source>
        <translation>بشأن</translation>
    </message>
    <message>
        <source>uses device</source>
        <translation>يستخدم أداة</translation>
    </message>
</context>
<context>
    <name>RelationTable</name>
    <message>
        <source>{relation} ({coder})</source>
        <translation>{relation} ({coder})</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>To do</source>
        <translation>لم تبدأ</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>مُنجَزة</translation>
    </message>
    <message>
        <source>Not assigned</source>
        <translation>غير مُسنَدة</translation>
    </message>
</context>
<context>
    <name>TableHeader</name>
    <message>
        <source>Code</source>
        <translation>الرمز</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>المُرمِّز</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>المذكّرة</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>الوسيلة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>وسومي</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>قبل</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>المطابقة</translation>
    </message>
    <message>
        <source>After</source>
        <translation>بعد</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
</context>
</TS>
