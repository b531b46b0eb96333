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
    <name>CoderPackage</name>
    <message>
        <source> — coder package for {coder}</source>
        <translation> — حزمة المرمِّز لـ{coder}</translation>
    </message>
    <message>
        <source>  Coder package: {coder} · codebook read-only · File → Close and hand back  </source>
        <translation>  حزمة المرمِّز: {coder} · دليل الترميز للقراءة فقط · ملف ← إغلاق وتسليم  </translation>
    </message>
    <message>
        <source>&amp;Export coder packages…</source>
        <translation>&amp;تصدير حزم المرمِّزين…</translation>
    </message>
    <message>
        <source>&amp;Merge coder files…</source>
        <translation>&amp;دمج ملفات المرمِّزين…</translation>
    </message>
    <message>
        <source>&amp;Close and hand back</source>
        <translation>إ&amp;غلاق وتسليم</translation>
    </message>
    <message>
        <source>Hand back your package</source>
        <translation>سلِّم حزمتك</translation>
    </message>
    <message>
        <source>Your coding is saved in:
{path}

Send this file to your project lead, who merges it with File → Merge coder files….</source>
        <translation>حُفظ ترميزك في:
{path}

أرسل هذا الملف إلى المشرف على مشروعك، ليدمجه عبر ملف ← دمج ملفات المرمِّزين….</translation>
    </message>
    <message>
        <source>Folder for the coder packages</source>
        <translation>مجلد حزم المرمِّزين</translation>
    </message>
    <message>
        <source>Coder packages (*{suffix});;All files (*)</source>
        <translation>حزم المرمِّزين (*{suffix});;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Coder files to merge</source>
        <translation>ملفات المرمِّزين المراد دمجها</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>No coder has assigned documents; assign documents first.</source>
        <translation>لا وثائق موزَّعة على أي مُرمِّز؛ وزِّع الوثائق أولًا.</translation>
    </message>
    <message>
        <source>Exporting coder packages…</source>
        <translation>جارٍ تصدير حزم المرمِّزين…</translation>
    </message>
    <message>
        <source>{file}: {documents}, {annotations}</source>
        <translation>{file}: {documents}، {annotations}</translation>
    </message>
    <message>
        <source>Coder packages</source>
        <translation>حزم المرمِّزين</translation>
    </message>
    <message>
        <source>Merging coder files…</source>
        <translation>جارٍ دمج ملفات المرمِّزين…</translation>
    </message>
    <message>
        <source>{error}; nothing was merged from it</source>
        <translation>{error}؛ لم يُدمج منه شيء</translation>
    </message>
    <message>
        <source>Merge report</source>
        <translation>تقرير الدمج</translation>
    </message>
    <message>
        <source> (recorded before)</source>
        <translation> (سُجِّل من قبل)</translation>
    </message>
    <message>
        <source>{title}: cancelled.</source>
        <translation>{title}: أُلغي.</translation>
    </message>
    <message>
        <source>{title}: nothing to do.</source>
        <translation>{title}: لا شيء لفعله.</translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation>لا شيء لفعله.</translation>
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
        <source>Login</source>
        <translation>حساب الدخول</translation>
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
        <source>Retired. Their database login still works: take the login away to end their access to the server.</source>
        <translation>أُوقف. لكن حساب دخوله إلى قاعدة البيانات ما زال يعمل: اسحب حساب الدخول لإنهاء وصوله إلى الخادم.</translation>
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
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
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
        <source>Save as</source>
        <translation>حفظ باسم</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
    <message>
        <source>{folder} is not a folder</source>
        <translation>{folder} ليس مجلدًا</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>جارٍ البدء…</translation>
    </message>
    <message>
        <source>cancelled: nothing was written</source>
        <translation>أُلغي: لم يُكتب شيء</translation>
    </message>
    <message>
        <source>export failed, nothing was written: {error}</source>
        <translation>تعذّر التصدير، ولم يُكتب شيء: {error}</translation>
    </message>
</context>
<context>
    <name>ExportFormat</name>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>مصنَّف Excel (⁦.xlsx⁩)</translation>
    </message>
    <message>
        <source>CSV tables, zipped (.zip)</source>
        <translation>جداول CSV مضغوطة (⁦.zip⁩)</translation>
    </message>
    <message>
        <source>SPSS document × coder matrix (.sav)</source>
        <translation>مصفوفة وثيقة × مُرمِّز لـSPSS (⁦.sav⁩)</translation>
    </message>
    <message>
        <source>Stata document × coder matrix (.dta)</source>
        <translation>مصفوفة وثيقة × مُرمِّز لـStata (⁦.dta⁩)</translation>
    </message>
    <message>
        <source>Annotations JSONL (.jsonl)</source>
        <translation>الوسوم بصيغة JSONL (⁦.jsonl⁩)</translation>
    </message>
    <message>
        <source>brat standoff collection (.zip)</source>
        <translation>مجموعة brat standoff (⁦.zip⁩)</translation>
    </message>
    <message>
        <source>REFI-QDA project for MAXQDA, ATLAS.ti, NVivo (.qdpx)</source>
        <translation>مشروع ⁦REFI-QDA⁩ لـ⁦MAXQDA⁩ و⁦ATLAS.ti⁩ و⁦NVivo⁩ (⁦.qdpx⁩)</translation>
    </message>
    <message>
        <source>REFI-QDA codebook (.qdc)</source>
        <translation>دليل ترميز ⁦REFI-QDA⁩ (⁦.qdc⁩)</translation>
    </message>
</context>
<context>
    <name>ExportLayer</name>
    <message>
        <source>coding</source>
        <translation>الترميز</translation>
    </message>
    <message>
        <source>gold</source>
        <translation>المعيار الذهبي</translation>
    </message>
    <message>
        <source>all</source>
        <translation>الكل</translation>
    </message>
</context>
<context>
    <name>ExportStage</name>
    <message>
        <source>reading the project</source>
        <translation>قراءة المشروع</translation>
    </message>
    <message>
        <source>reading the project and computing agreement</source>
        <translation>قراءة المشروع وحساب الاتفاق</translation>
    </message>
    <message>
        <source>writing</source>
        <translation>الكتابة</translation>
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
    <name>ServerLogin</name>
    <message>
        <source>Database password</source>
        <translation>كلمة مرور قاعدة البيانات</translation>
    </message>
    <message>
        <source>Password for
{server}</source>
        <translation>كلمة المرور لـ
{server}</translation>
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
