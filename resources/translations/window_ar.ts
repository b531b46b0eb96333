<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>App</name>
    <message>
        <source>Framing Annotator projects (*.fannot);;All files (*)</source>
        <translation>مشاريع ⁦Framing Annotator⁩ (*.fannot);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>تعذَّر فتح المشروع</translation>
    </message>
    <message>
        <source>Open a Framing Annotator project</source>
        <translation>فتح مشروع ⁦Framing Annotator⁩</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Every document in the list is done.</source>
        <translation>كل الوثائق في القائمة مُنجَزة.</translation>
    </message>
    <message>
        <source>Linking cancelled.</source>
        <translation>أُلغي الربط.</translation>
    </message>
    <message>
        <source>No sources, actors or devices of yours to link to.</source>
        <translation>لا توجد مصادر أو فاعلون أو أدوات تأطير من وسومك يمكن الربط بها.</translation>
    </message>
    <message>
        <source>Link the claim to…</source>
        <translation>ربط الادعاء بـ…</translation>
    </message>
    <message>
        <source>That link belongs to another coder and is read-only.</source>
        <translation>هذا الرابط لمُرمِّز آخر، وهو للقراءة فقط.</translation>
    </message>
    <message>
        <source>Remove link {link}</source>
        <translation>إزالة الرابط {link}</translation>
    </message>
    <message>
        <source>Text size {size} pt</source>
        <translation>حجم النص {size} نقطة</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>{matches} for “{query}” in {documents}</source>
        <translation>{matches} لـ«{query}» في {documents}</translation>
    </message>
    <message>
        <source>Type to search.</source>
        <translation>اكتب للبحث.</translation>
    </message>
    <message>
        <source>No matches in this document.</source>
        <translation>لا نتائج في هذه الوثيقة.</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Selecting text</source>
        <translation>تحديد النص</translation>
    </message>
    <message>
        <source>Select by character / by word</source>
        <translation>التحديد حرفًا حرفًا / كلمةً كلمة</translation>
    </message>
    <message>
        <source>Shift+Arrows / Ctrl+Shift+Arrows</source>
        <translation>Shift+الأسهم / Ctrl+Shift+الأسهم</translation>
    </message>
    <message>
        <source>Select to start / end of line</source>
        <translation>التحديد حتى بداية السطر / نهايته</translation>
    </message>
    <message>
        <source>Shift+Home / Shift+End</source>
        <translation>Shift+Home / Shift+End</translation>
    </message>
    <message>
        <source>Select with the mouse; click a span to select its annotation (again: the one around it)</source>
        <translation>التحديد بالفأرة؛ انقر مقطعًا لتحديد وسمه (وانقر ثانيةً لتحديد الوسم المحيط به)</translation>
    </message>
    <message>
        <source>Mouse</source>
        <translation>الفأرة</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>نتائج البحث</translation>
    </message>
    <message>
        <source>Choose a match, then press a code&apos;s key to code it</source>
        <translation>اختر نتيجة، ثم اضغط مفتاح رمز لترميزها به</translation>
    </message>
    <message>
        <source>↑ / ↓, then key</source>
        <translation>↑ / ↓ ثم المفتاح</translation>
    </message>
    <message>
        <source>{keys} or {more}</source>
        <translation>{keys} أو {more}</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Code keys apply to the selected text; with no selection they recode the selected annotation.</source>
        <translation>مفاتيح الرموز تُطبِّق الرمز على النص المحدَّد؛ وإن لم يكن ثمة تحديد غيَّرت رمز الوسم المحدَّد.</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>رمز</translation>
    </message>
    <message>
        <source>Code&amp;book</source>
        <translation>دليل الترميز</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>وثيقة</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>مشروع</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>مشروع جديد…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <source>&amp;Import articles…</source>
        <translation>استيراد مقالات…</translation>
    </message>
    <message>
        <source>Import &amp;annotations…</source>
        <translation>استيراد وسوم…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>&amp;Find in document and corpus</source>
        <translation>البحث في الوثيقة والمدوّنة</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>النتيجة التالية</translation>
    </message>
    <message>
        <source>Find p&amp;revious</source>
        <translation>النتيجة السابقة</translation>
    </message>
    <message>
        <source>&amp;Apply code</source>
        <translation>تطبيق رمز</translation>
    </message>
    <message>
        <source>&amp;Delete annotation</source>
        <translation>حذف الوسم</translation>
    </message>
    <message>
        <source>Ne&amp;xt annotation</source>
        <translation>الوسم التالي</translation>
    </message>
    <message>
        <source>Pre&amp;vious annotation</source>
        <translation>الوسم السابق</translation>
    </message>
    <message>
        <source>Clear selection / cancel</source>
        <translation>إلغاء التحديد / إلغاء الأمر</translation>
    </message>
    <message>
        <source>&amp;Boundaries</source>
        <translation>حدود المقطع</translation>
    </message>
    <message>
        <source>&amp;Link to… (then click)</source>
        <translation>ربط بـ… (ثم انقر الهدف)</translation>
    </message>
    <message>
        <source>Link to (choose from a list)…</source>
        <translation>ربط بـ (اختيار من قائمة)…</translation>
    </message>
    <message>
        <source>Edit a&amp;ttributes</source>
        <translation>تحرير السمات</translation>
    </message>
    <message>
        <source>Edit annotation &amp;memo</source>
        <translation>تحرير مذكّرة الوسم</translation>
    </message>
    <message>
        <source>End: one character later (left edge ←)</source>
        <translation>النهاية: حرفًا واحدًا إلى الأمام (الحافة اليسرى ←)</translation>
    </message>
    <message>
        <source>End: one character earlier (left edge →)</source>
        <translation>النهاية: حرفًا واحدًا إلى الوراء (الحافة اليسرى →)</translation>
    </message>
    <message>
        <source>Start: one character earlier (right edge →)</source>
        <translation>البداية: حرفًا واحدًا إلى الوراء (الحافة اليمنى →)</translation>
    </message>
    <message>
        <source>Start: one character later (right edge ←)</source>
        <translation>البداية: حرفًا واحدًا إلى الأمام (الحافة اليمنى ←)</translation>
    </message>
    <message>
        <source>End: one word later</source>
        <translation>النهاية: كلمة واحدة إلى الأمام</translation>
    </message>
    <message>
        <source>End: one word earlier</source>
        <translation>النهاية: كلمة واحدة إلى الوراء</translation>
    </message>
    <message>
        <source>Start: one word earlier</source>
        <translation>البداية: كلمة واحدة إلى الوراء</translation>
    </message>
    <message>
        <source>Start: one word later</source>
        <translation>البداية: كلمة واحدة إلى الأمام</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>وضع علامة «مُنجَزة»</translation>
    </message>
    <message>
        <source>Mark &amp;in progress</source>
        <translation>وضع علامة «قيد العمل»</translation>
    </message>
    <message>
        <source>Mark &amp;to do</source>
        <translation>وضع علامة «لم تبدأ»</translation>
    </message>
    <message>
        <source>Mark done and open &amp;next unfinished</source>
        <translation>وضع علامة «مُنجَزة» وفتح التالية غير المكتملة</translation>
    </message>
    <message>
        <source>Next &amp;unfinished document</source>
        <translation>الوثيقة التالية غير المكتملة</translation>
    </message>
    <message>
        <source>Pre&amp;vious unfinished document</source>
        <translation>الوثيقة السابقة غير المكتملة</translation>
    </message>
    <message>
        <source>Edit document &amp;memo</source>
        <translation>تحرير مذكّرة الوثيقة</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>الحجم الافتراضي</translation>
    </message>
    <message>
        <source>&amp;Snap selections to whole words</source>
        <translation>توسيع التحديد إلى كلمات كاملة</translation>
    </message>
    <message>
        <source>Other coders&apos; &amp;layers (read-only)</source>
        <translation>طبقات المرمِّزين الآخرين (للقراءة فقط)</translation>
    </message>
    <message>
        <source>&amp;Go to panel</source>
        <translation>الانتقال إلى لوحة</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>دليل الترميز</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>اللوحات</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Inter-coder &amp;agreement…</source>
        <translation>الاتفاق بين المرمِّزين…</translation>
    </message>
    <message>
        <source>&amp;Review and adjudicate…</source>
        <translation>المراجعة والتحكيم…</translation>
    </message>
    <message>
        <source>&amp;Progress matrix…</source>
        <translation>مصفوفة التقدّم…</translation>
    </message>
    <message>
        <source>A&amp;ssign documents…</source>
        <translation>توزيع الوثائق…</translation>
    </message>
    <message>
        <source>Keyboard &amp;shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>▶ السابقة</translation>
    </message>
    <message>
        <source>✓ Done</source>
        <translation>✓ مُنجَزة</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>التالية ◀</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>ربط…</translation>
    </message>
    <message>
        <source>{action} ({keys})</source>
        <translation>{action} ({keys})</translation>
    </message>
</context>
<context>
    <name>WindowParts</name>
    <message>
        <source>(untitled)</source>
        <translation>(بلا عنوان)</translation>
    </message>
    <message>
        <source>{count} of mine</source>
        <translation>{count} من وسومي</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>جارٍ الفتح…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <source>Codebook (read-only in a coder package)</source>
        <translation>دليل الترميز (للقراءة فقط في حزمة المرمِّز)</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>دليل الترميز</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>المذكّرات</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>الأسئلة</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>نتائج البحث</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>شريط الأدوات الرئيسي</translation>
    </message>
    <message>
        <source>Search document and corpus ({keys})</source>
        <translation>البحث في الوثيقة والمدوّنة ({keys})</translation>
    </message>
    <message>
        <source>{name} (lead)</source>
        <translation>{name} (المشرف)</translation>
    </message>
    <message>
        <source>{name} (coder)</source>
        <translation>{name} (مُرمِّز)</translation>
    </message>
    <message>
        <source>Done {done}/{total} · in progress {busy}</source>
        <translation>المُنجَزة {done} من {total} · قيد العمل {busy}</translation>
    </message>
    <message>
        <source>Double-click a code, or press its key, to apply it to the selected text.</source>
        <translation>انقر رمزًا نقرًا مزدوجًا، أو اضغط مفتاحه، لتطبيقه على النص المحدَّد.</translation>
    </message>
    <message>
        <source>{project} (read-only)</source>
        <translation>{project} (للقراءة فقط)</translation>
    </message>
    <message>
        <source>{project} — {coder}{package} — Framing Annotator</source>
        <translation>{project} — {coder}{package} — ⁦Framing Annotator⁩</translation>
    </message>
</context>
</TS>
