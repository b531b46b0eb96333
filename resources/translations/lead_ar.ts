<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AnnotationImport</name>
    <message>
        <source>Annotation JSONL (.jsonl)</source>
        <translation>ملف وسوم بصيغة ⁦JSONL⁩</translation>
    </message>
    <message>
        <source>brat collection (folder or .zip)</source>
        <translation>مجموعة ⁦brat⁩ في مجلد أو ملف مضغوط</translation>
    </message>
    <message>
        <source>REFI-QDA project (.qdpx)</source>
        <translation>مشروع ⁦REFI-QDA⁩ بامتداد ⁦qdpx⁩</translation>
    </message>
    <message>
        <source>Annotations as Export writes them (JSONL). The documents, codes and coders must be in the project. Every line is checked first: one bad line imports nothing.</source>
        <translation>وسوم كما يكتبها التصدير (⁦JSONL⁩). يجب أن تكون الوثائق والرموز والمرمِّزون موجودين في المشروع. يُفحص كل سطر أولًا: سطر واحد خاطئ يعني ألّا يُستورد شيء.</translation>
    </message>
    <message>
        <source>Pairs of .txt and .ann files (brat standoff), in a folder or a .zip, all by the coder chosen below. The documents must be in the project.</source>
        <translation>أزواج من ملفات ⁦.txt⁩ و⁦.ann⁩ (صيغة ⁦brat⁩)، في مجلد أو ملف ⁦.zip⁩، وكلها للمُرمِّز المختار أدناه. يجب أن تكون الوثائق موجودة في المشروع.</translation>
    </message>
    <message>
        <source>A project from MAXQDA, ATLAS.ti, NVivo or QualCoder: its documents, codes, coders and coded selections are added; what this project has no place for is listed.</source>
        <translation>مشروع من ⁦MAXQDA⁩ أو ⁦ATLAS.ti⁩ أو ⁦NVivo⁩ أو ⁦QualCoder⁩: تُضاف وثائقه ورموزه ومرمِّزوه ومقاطعه المرمَّزة، ويُذكر ما لا مكان له في هذا المشروع.</translation>
    </message>
    <message>
        <source>No new annotation was imported.</source>
        <translation>لم يُستورد أي وسم جديد.</translation>
    </message>
    <message>
        <source>Imported {annotations} of {coders} in {documents}.</source>
        <translation>استُورد {annotations} ({documents}، {coders}).</translation>
    </message>
    <message>
        <source>Links: {links}.</source>
        <translation>الروابط: {links}.</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>استيراد الوسوم</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>لم يُختر ملف</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>اختيار ملف…</translation>
    </message>
    <message>
        <source>Choose brat folder…</source>
        <translation>اختيار مجلد ⁦brat⁩…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>File or folder:</source>
        <translation>الملف أو المجلد:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <source>Coder (brat):</source>
        <translation>المُرمِّز (⁦brat⁩):</translation>
    </message>
    <message>
        <source>Other top-level codes (REFI-QDA):</source>
        <translation>الرموز العليا الأخرى (⁦REFI-QDA⁩):</translation>
    </message>
    <message>
        <source>Annotations to import</source>
        <translation>الوسوم المراد استيرادها</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Folder of brat .txt and .ann files</source>
        <translation>مجلد ملفات ⁦brat⁩ (⁦.txt⁩ و⁦.ann⁩)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>أُلغي الاستيراد: لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>لم يُستورد شيء: {reason}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Import {articles}</source>
        <translation>استيراد {articles}</translation>
    </message>
    <message>
        <source>Import {annotations}</source>
        <translation>استيراد {annotations}</translation>
    </message>
    <message>
        <source>Undoing: {action}…</source>
        <translation>جارٍ التراجع: {action}…</translation>
    </message>
    <message>
        <source>Redoing: {action}…</source>
        <translation>جارٍ الإعادة: {action}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>{action}: cancelled, nothing was changed.</source>
        <translation>{action}: أُلغي، ولم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>{action} could not be undone: {reason}</source>
        <translation>تعذّر التراجع عن {action}: {reason}</translation>
    </message>
    <message>
        <source>{action} could not be redone: {reason}</source>
        <translation>تعذّرت إعادة {action}: {reason}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import articles</source>
        <translation>استيراد المقالات</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <source>Remove from the list</source>
        <translation>إزالة من القائمة</translation>
    </message>
    <message>
        <source>Skip rows whose text is empty (they are listed)</source>
        <translation>تخطّي الصفوف الفارغة النص (مع سردها أدناه)</translation>
    </message>
    <message>
        <source>Files and rows that will be refused or skipped are listed here.</source>
        <translation>هنا تُسرد الملفات التي ستُرفض والصفوف التي ستُتخطّى.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Articles to import</source>
        <translation>المقالات المراد استيرادها</translation>
    </message>
    <message>
        <source>Articles ({patterns})</source>
        <translation>مقالات ({patterns})</translation>
    </message>
    <message>
        <source>Folder of articles to import</source>
        <translation>مجلد المقالات المراد استيرادها</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>جارٍ قراءة الملفات…</translation>
    </message>
    <message>
        <source>{files}: {articles} will be imported.</source>
        <translation>{files}: ستُستورد منها {articles}.</translation>
    </message>
    <message>
        <source>{files}: no new article to import.</source>
        <translation>{files}: لا مقالات جديدة للاستيراد.</translation>
    </message>
    <message>
        <source>Files refused: {files}.</source>
        <translation>الملفات المرفوضة: {files}.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>أُلغي الاستيراد: لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>Failed, nothing was imported: {reason}</source>
        <translation>فشل الاستيراد ولم يُستورد شيء: {reason}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>المعرّف الخارجي</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>الوسيلة</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>عنوان URL</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>الكاتب</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>مرفوض: {reason}</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>جاهز</translation>
    </message>
    <message>
        <source>duplicates skipped: {articles}</source>
        <translation>مكرّرة ستُتخطّى: {articles}</translation>
    </message>
    <message>
        <source>rows with empty text skipped: {rows}</source>
        <translation>صفوف فارغة النص ستُتخطّى: {rows}</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the parts of a file&apos;s status</comment>
        <translation>؛ </translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>ترميز الأحرف</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <source>New</source>
        <translation>الجديدة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Columns (CSV and Excel files)</source>
        <translation>الأعمدة (ملفات CSV وExcel)</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>(غير مستخدم)</translation>
    </message>
    <message>
        <source>First lines</source>
        <translation>الأسطر الأولى</translation>
    </message>
    <message>
        <source>From</source>
        <translation>مأخوذة من</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>Imported {articles} from {files}.</source>
        <translation>استُوردت {articles} (الملفات المقروءة: {files}).</translation>
    </message>
    <message>
        <source>No article was imported.</source>
        <translation>لم تُستورد أي مقالة.</translation>
    </message>
    <message>
        <source>Duplicates skipped: {articles}.</source>
        <translation>المقالات المكرّرة المتخطّاة: {articles}.</translation>
    </message>
    <message>
        <source>Rows with empty text skipped: {rows}.</source>
        <translation>الصفوف الفارغة النص المتخطّاة: {rows}.</translation>
    </message>
    <message>
        <source>Files refused: {files}.</source>
        <translation>الملفات المرفوضة: {files}.</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>اكتمل الاستيراد</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
</context>
<context>
    <name>LeadEntry</name>
    <message>
        <source>Cannot open the project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
        <source>Framing Annotator</source>
        <translation>Framing Annotator</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>مشروع جديد…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>No project is open. Create one, or open a project file.</source>
        <translation>لا يوجد مشروع مفتوح. أنشئ مشروعًا جديدًا أو افتح ملف مشروع.</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <source>e.g. Aleppo coverage 2016</source>
        <translation>مثلًا: تغطية حلب 2016</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>No codebook (add codes later)</source>
        <translation>بلا دليل ترميز (تُضاف الرموز لاحقًا)</translation>
    </message>
    <message>
        <source>Type a name, then Enter</source>
        <translation>اكتب اسمًا ثم اضغط Enter</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>إنشاء</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Project name:</source>
        <translation>اسم المشروع:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>المجلد:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>الملف:</translation>
    </message>
    <message>
        <source>Codebook:</source>
        <translation>دليل الترميز:</translation>
    </message>
    <message>
        <source>Coders:</source>
        <translation>المرمِّزون:</translation>
    </message>
    <message>
        <source>Project lead:</source>
        <translation>مشرف المشروع:</translation>
    </message>
    <message>
        <source>Folder for the project</source>
        <translation>مجلد المشروع</translation>
    </message>
    <message>
        <source>{name} is already in the list.</source>
        <translation>الاسم {name} موجود في القائمة بالفعل.</translation>
    </message>
    <message>
        <source>Cannot create the project: {reason}</source>
        <translation>تعذّر إنشاء المشروع: {reason}</translation>
    </message>
</context>
</TS>
