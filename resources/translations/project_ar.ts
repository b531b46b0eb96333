<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ChoiceDialog</name>
    <message>
        <source>Type to filter</source>
        <translation>اكتب للتصفية</translation>
    </message>
</context>
<context>
    <name>CoderDialog</name>
    <message>
        <source>Who is coding?</source>
        <translation>من يرمِّز؟</translation>
    </message>
    <message>
        <source>{name} (lead)</source>
        <translation>{name} (المشرف)</translation>
    </message>
    <message>
        <source>…or add a new coder: type a name</source>
        <translation>…أو أضف مرمِّزًا جديدًا: اكتب اسمًا</translation>
    </message>
    <message>
        <source>Add and use</source>
        <translation>إضافة واستخدام</translation>
    </message>
    <message>
        <source>Project: &lt;b&gt;{project}&lt;/b&gt;&lt;br&gt;Choose your name. You will see only your own annotations (blind coding).</source>
        <translation>المشروع: &lt;b&gt;{project}&lt;/b&gt;&lt;br&gt;اختر اسمك. لن ترى إلا وسومك أنت (ترميز أعمى).</translation>
    </message>
    <message>
        <source>Open as lead…</source>
        <translation>الفتح بصفة المشرف…</translation>
    </message>
    <message>
        <source>Asks for the lead passphrase next.</source>
        <translation>تُطلب بعدها عبارة مرور المشرف.</translation>
    </message>
</context>
<context>
    <name>CodersDialog</name>
    <message>
        <source>Coders</source>
        <translation>المرمِّزون</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Name of a new coder</source>
        <translation>اسم مرمِّز جديد</translation>
    </message>
    <message>
        <source>coder</source>
        <translation>مُرمِّز</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>مشرف</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>إعادة التسمية…</translation>
    </message>
    <message>
        <source>Retire / reinstate</source>
        <translation>إيقاف / إعادة</translation>
    </message>
    <message>
        <source>Lead / coder</source>
        <translation>مشرف / مُرمِّز</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Retired coders keep their work; the “who is coding?” list no longer offers them.</source>
        <translation>يحتفظ المرمِّزون الموقوفون بعملهم، لكن قائمة «من يرمِّز؟» لم تعد تعرضهم.</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>موقوف</translation>
    </message>
    <message>
        <source>active</source>
        <translation>نشط</translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation>لم يُنفَّذ: {reason}</translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation>إضافة {name}</translation>
    </message>
    <message>
        <source>Rename to {name}</source>
        <translation>إعادة التسمية إلى {name}</translation>
    </message>
    <message>
        <source>Make lead</source>
        <translation>جعله مشرفًا</translation>
    </message>
    <message>
        <source>Make coder</source>
        <translation>جعله مُرمِّزًا</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>إعادة التسمية</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>الاسم الجديد</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>Reinstate</source>
        <translation>إعادة إلى العمل</translation>
    </message>
</context>
<context>
    <name>CodersMenu</name>
    <message>
        <source>&amp;Coders…</source>
        <translation>ال&amp;مرمِّزون…</translation>
    </message>
    <message>
        <source>Lead &amp;passphrase…</source>
        <translation>عبارة مرور ال&amp;مشرف…</translation>
    </message>
</context>
<context>
    <name>LeadAccess</name>
    <message>
        <source>Open as lead</source>
        <translation>الفتح بصفة المشرف</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>المشرف</translation>
    </message>
    <message>
        <source>Lead passphrase</source>
        <translation>عبارة مرور المشرف</translation>
    </message>
    <message>
        <source>This project&apos;s lead role is protected by a passphrase.</source>
        <translation>دور المشرف في هذا المشروع محميّ بعبارة مرور.</translation>
    </message>
    <message>
        <source>Whoever opens this project as lead must give this passphrase; coders never see the lead in the list. It keeps out casual peeking at a shared file, not someone who reads the SQLite file directly. At least {characters}.</source>
        <translation>على كل من يفتح هذا المشروع بصفة المشرف أن يُدخل هذه العبارة، ولا يرى المرمِّزون المشرف في القائمة أبدًا. إنها تمنع التطفّل العابر على ملف مشترك، لا من يقرأ ملف ⁦SQLite⁩ مباشرة. {characters} على الأقل.</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>عبارة المرور الجديدة</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>العبارة نفسها مرة أخرى</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>العبارتان مختلفتان.</translation>
    </message>
    <message>
        <source>At least {characters}.</source>
        <translation>{characters} على الأقل.</translation>
    </message>
    <message>
        <source>The lead passphrase was not set: {reason}</source>
        <translation>لم تُضبط عبارة مرور المشرف: {reason}</translation>
    </message>
    <message>
        <source>Lead passphrase set.</source>
        <translation>ضُبطت عبارة مرور المشرف.</translation>
    </message>
    <message>
        <source>No lead passphrase: anyone can open this project as lead (Project → Lead passphrase…)</source>
        <translation>لا توجد عبارة مرور للمشرف: يستطيع أيّ أحد فتح هذا المشروع بصفة المشرف (المشروع ← عبارة مرور المشرف…)</translation>
    </message>
</context>
<context>
    <name>StoreCommand</name>
    <message>
        <source>{action} could not be undone or redone: {reason}</source>
        <translation>تعذّر التراجع عن {action} أو إعادته: {reason}</translation>
    </message>
</context>
</TS>
