<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>Not marked done: required attributes are empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoneCheckDialog</name>
    <message>
        <source>Required attributes are empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n required attribute value(s) of your annotations are empty:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Go to the first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark done anyway</source>
        <translation type="unfinished"></translation>
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
        <translation>ربط ‘{source}’ {relation} ‘{target}’</translation>
    </message>
    <message>
        <source>Linked ‘{source}’ {relation} ‘{target}’</source>
        <translation>رُبط ‘{source}’ {relation} ‘{target}’</translation>
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
        <translation>‘{code}’ من {coder} (للقراءة فقط)</translation>
    </message>
    <message>
        <source>Change ‘{code}’ to</source>
        <translation>غيِّر ‘{code}’ إلى</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>الرموز</translation>
    </message>
    <message>
        <source>Delete ‘{code}’</source>
        <translation>احذف ‘{code}’</translation>
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
</TS>
