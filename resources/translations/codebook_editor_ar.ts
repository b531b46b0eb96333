<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AttributeDialog</name>
    <message>
        <source>Edit attribute</source>
        <translation>تعديل السمة</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>إضافة سمة</translation>
    </message>
    <message>
        <source>Coders must fill it in</source>
        <translation>على المرمِّزين ملؤها</translation>
    </message>
    <message>
        <source>Value (stored)</source>
        <translation>القيمة (المخزَّنة)</translation>
    </message>
    <message>
        <source>English label</source>
        <translation>التسمية الإنجليزية</translation>
    </message>
    <message>
        <source>Arabic label</source>
        <translation>التسمية العربية</translation>
    </message>
    <message>
        <source>Add choice</source>
        <translation>إضافة خيار</translation>
    </message>
    <message>
        <source>Remove choice</source>
        <translation>حذف الخيار</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <source>Choices: the value is what the data and exports keep; the labels are what people read.</source>
        <translation>الخيارات: القيمة هي ما تحفظه البيانات وملفات التصدير، والتسميات هي ما يقرؤه الناس.</translation>
    </message>
</context>
<context>
    <name>AttributeType</name>
    <message>
        <source>choice</source>
        <translation>اختيار</translation>
    </message>
    <message>
        <source>text</source>
        <translation>نص</translation>
    </message>
    <message>
        <source>number</source>
        <translation>رقم</translation>
    </message>
    <message>
        <source>yes/no</source>
        <translation>نعم/لا</translation>
    </message>
</context>
<context>
    <name>CodeForm</name>
    <message>
        <source>e.g. 1, q, F5 or Ctrl+1</source>
        <translation>مثلًا ⁦1⁩ أو ⁦q⁩ أو ⁦F5⁩ أو ⁦Ctrl+1⁩</translation>
    </message>
    <message>
        <source>One example per line</source>
        <translation>مثال واحد في كل سطر</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>الاسم الإنجليزي</translation>
    </message>
    <message>
        <source>Arabic name</source>
        <translation>الاسم العربي</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>التعريف</translation>
    </message>
    <message>
        <source>Include when</source>
        <translation>يُدرَج عندما</translation>
    </message>
    <message>
        <source>Exclude when</source>
        <translation>يُستبعَد عندما</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>أمثلة</translation>
    </message>
    <message>
        <source>Attributes coders fill in for this code</source>
        <translation>السمات التي يملؤها المرمِّزون لهذا الرمز</translation>
    </message>
    <message>
        <source>Add attribute…</source>
        <translation>إضافة سمة…</translation>
    </message>
    <message>
        <source>Edit attribute…</source>
        <translation>تعديل السمة…</translation>
    </message>
    <message>
        <source>Remove attribute</source>
        <translation>حذف السمة</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>إلزامية</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>الخيارات</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>Colour of the code</source>
        <translation>لون الرمز</translation>
    </message>
</context>
<context>
    <name>CodebookEditor</name>
    <message>
        <source>Not done: {reason}</source>
        <translation>لم يُنفَّذ: {reason}</translation>
    </message>
    <message>
        <source>Change ‘{code}’</source>
        <translation>تعديل «{code}»</translation>
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
        <source>Merge ‘{code}’ into ‘{target}’</source>
        <translation>دمج «{code}» في «{target}»</translation>
    </message>
    <message>
        <source>Move ‘{code}’</source>
        <translation>نقل «{code}»</translation>
    </message>
    <message>
        <source>Add attribute ‘{attribute}’</source>
        <translation>إضافة السمة «{attribute}»</translation>
    </message>
    <message>
        <source>Change attribute ‘{attribute}’</source>
        <translation>تعديل السمة «{attribute}»</translation>
    </message>
    <message>
        <source>Remove attribute</source>
        <translation>حذف السمة</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>دليل الترميز</translation>
    </message>
    <message>
        <source>Codebook (read-only)</source>
        <translation>دليل الترميز (للقراءة فقط)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>الاستخدامات</translation>
    </message>
    <message>
        <source>Add code</source>
        <translation>إضافة رمز</translation>
    </message>
    <message>
        <source>A new code under the chosen kind, beside the chosen code</source>
        <translation>رمز جديد ضمن النوع المختار، بجانب الرمز المختار</translation>
    </message>
    <message>
        <source>Add sub-code</source>
        <translation>إضافة رمز فرعي</translation>
    </message>
    <message>
        <source>A new code under the chosen code</source>
        <translation>رمز جديد تحت الرمز المختار</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Delete the chosen code (a code in use is merged into another)</source>
        <translation>حذف الرمز المختار (الرمز المستخدَم يُدمَج في رمز آخر)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>إلى الأعلى</translation>
    </message>
    <message>
        <source>Move the code up among its siblings</source>
        <translation>رفع الرمز درجةً بين الرموز الشقيقة</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>إلى الأسفل</translation>
    </message>
    <message>
        <source>Move the code down among its siblings</source>
        <translation>إنزال الرمز درجةً بين الرموز الشقيقة</translation>
    </message>
    <message>
        <source>Into the code above</source>
        <translation>داخل الرمز السابق</translation>
    </message>
    <message>
        <source>Make the code a sub-code of the code above it</source>
        <translation>جعل الرمز فرعيًّا للرمز الذي فوقه</translation>
    </message>
    <message>
        <source>Out one level</source>
        <translation>مستوى إلى الخارج</translation>
    </message>
    <message>
        <source>Make the code a sibling of its parent</source>
        <translation>جعل الرمز في مستوى الرمز الأب</translation>
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
        <source>Only a project lead can change the codebook.</source>
        <translation>لا يغيّر دليل الترميز إلا مشرف المشروع.</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>الرموز</translation>
    </message>
    <message>
        <source>Document questions</source>
        <translation>أسئلة الوثيقة</translation>
    </message>
    <message>
        <source>Add question ‘{question}’</source>
        <translation>إضافة السؤال «{question}»</translation>
    </message>
    <message>
        <source>Change question ‘{question}’</source>
        <translation>تعديل السؤال «{question}»</translation>
    </message>
    <message>
        <source>‘{question}’ was not removed.</source>
        <translation>لم يُحذف السؤال «{question}».</translation>
    </message>
    <message>
        <source>Remove question ‘{question}’ and its answers</source>
        <translation>حذف السؤال «{question}» وإجاباته</translation>
    </message>
    <message>
        <source>Remove question ‘{question}’</source>
        <translation>حذف السؤال «{question}»</translation>
    </message>
    <message>
        <source>Move question ‘{question}’</source>
        <translation>نقل السؤال «{question}»</translation>
    </message>
</context>
<context>
    <name>CodebookMenu</name>
    <message>
        <source>&amp;Edit codebook…</source>
        <translation>&amp;تحرير دليل الترميز…</translation>
    </message>
    <message>
        <source>&amp;Import codebook (JSON or REFI-QDA .qdc)…</source>
        <translation>ا&amp;ستيراد دليل الترميز (⁦JSON⁩ أو ⁦REFI-QDA .qdc⁩)…</translation>
    </message>
    <message>
        <source>E&amp;xport codebook (JSON or REFI-QDA .qdc)…</source>
        <translation>&amp;تصدير دليل الترميز (⁦JSON⁩ أو ⁦REFI-QDA .qdc⁩)…</translation>
    </message>
    <message>
        <source>A coder package: the codebook belongs to the lead&apos;s project (read-only).</source>
        <translation>حزمة مرمِّز: دليل الترميز ملك لمشروع المشرف (للقراءة فقط).</translation>
    </message>
    <message>
        <source>The project file is read-only.</source>
        <translation>ملف المشروع للقراءة فقط.</translation>
    </message>
    <message>
        <source>Only a project lead can change the codebook (read-only).</source>
        <translation>لا يغيّر دليل الترميز إلا مشرف المشروع (للقراءة فقط).</translation>
    </message>
    <message>
        <source>The codebook was not exported: {reason}</source>
        <translation>لم يُصدَّر دليل الترميز: {reason}</translation>
    </message>
</context>
<context>
    <name>CodebookTransfer</name>
    <message>
        <source>Codebook JSON (*.json)</source>
        <translation>دليل ترميز JSON (*.json)</translation>
    </message>
    <message>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>دليل ترميز REFI-QDA (*.qdc)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>كل الملفات (*)</translation>
    </message>
    <message>
        <source>Import a codebook</source>
        <translation>استيراد دليل ترميز</translation>
    </message>
    <message>
        <source>Export the codebook</source>
        <translation>تصدير دليل الترميز</translation>
    </message>
    <message>
        <source>The codebook was not imported: {reason}</source>
        <translation>لم يُستورَد دليل الترميز: {reason}</translation>
    </message>
    <message>
        <source>Import codebook {file}</source>
        <translation>استيراد دليل الترميز {file}</translation>
    </message>
    <message>
        <source>Exported: {details}</source>
        <translation>صُدِّر: {details}</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>كُتب {path}</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Delete a code in use</source>
        <translation>حذف رمز مستخدَم</translation>
    </message>
    <message>
        <source>‘{code}’ and its sub-codes hold {annotations} of all coders and layers. It cannot be deleted on its own: its annotations can be merged into another code of the same kind, then it is deleted. Undo puts everything back.</source>
        <translation>يحمل «{code}» ورموزه الفرعية {annotations} من جميع المرمِّزين والطبقات. لا يمكن حذفه وحده: يمكن دمج وسومه في رمز آخر من النوع نفسه ثم يُحذف. والتراجع يعيد كل شيء كما كان.</translation>
    </message>
    <message>
        <source>Merge into this code and delete</source>
        <translation>الدمج في هذا الرمز ثم الحذف</translation>
    </message>
    <message>
        <source>No other code of this kind to merge into.</source>
        <translation>لا يوجد رمز آخر من هذا النوع للدمج فيه.</translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <source>Edit question</source>
        <translation>تعديل السؤال</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>إضافة سؤال</translation>
    </message>
    <message>
        <source>Every document needs an answer</source>
        <translation>لا بدّ من إجابته في كل وثيقة</translation>
    </message>
    <message>
        <source>e.g. Conflict (a frame)</source>
        <translation>مثلًا: الصراع (إطار)</translation>
    </message>
    <message>
        <source>Add option</source>
        <translation>إضافة خيار</translation>
    </message>
    <message>
        <source>Remove option</source>
        <translation>حذف الخيار</translation>
    </message>
    <message>
        <source>always ask</source>
        <translation>يُسأل دائمًا</translation>
    </message>
    <message>
        <source>answers, separated by commas</source>
        <translation>إجابات تفصل بينها فواصل</translation>
    </message>
    <message>
        <source>Value (stored)</source>
        <translation>القيمة (المخزَّنة)</translation>
    </message>
    <message>
        <source>English label</source>
        <translation>التسمية الإنجليزية</translation>
    </message>
    <message>
        <source>Arabic label</source>
        <translation>التسمية العربية</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Arabic wording</source>
        <translation>نص السؤال بالعربية</translation>
    </message>
    <message>
        <source>English wording</source>
        <translation>نص السؤال بالإنجليزية</translation>
    </message>
    <message>
        <source>Arabic help</source>
        <translation>الإرشاد بالعربية</translation>
    </message>
    <message>
        <source>English help</source>
        <translation>الإرشاد بالإنجليزية</translation>
    </message>
    <message>
        <source>Group (frame)</source>
        <translation>المجموعة (الإطار)</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>من بين</translation>
    </message>
    <message>
        <source>Ask only if</source>
        <translation>لا يُسأل إلا إذا كانت إجابة</translation>
    </message>
    <message>
        <source>Options (choices and scale points, lowest first): the value is what answers and exports keep; the labels are what coders read.</source>
        <translation>الخيارات (خيارات الاختيار ودرجات المقياس، من الأدنى إلى الأعلى): القيمة هي ما تحفظه الإجابات والتصديرات، والتسميات هي ما يقرؤه المرمِّزون.</translation>
    </message>
    <message>
        <source>A scale point&apos;s value is a whole number, not ‘{value}’</source>
        <translation>قيمة درجة المقياس عدد صحيح، لا «{value}»</translation>
    </message>
    <message>
        <source>Name the answers of ‘{question}’ that ask this question</source>
        <translation>اذكر إجابات السؤال «{question}» التي يُطرح عندها هذا السؤال</translation>
    </message>
    <message>
        <source>Condition: {reason}</source>
        <translation>الشرط: {reason}</translation>
    </message>
</context>
<context>
    <name>QuestionList</name>
    <message>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Arabic wording</source>
        <translation>النص العربي</translation>
    </message>
    <message>
        <source>English wording</source>
        <translation>النص الإنجليزي</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>الإجابات</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>إضافة سؤال</translation>
    </message>
    <message>
        <source>A new question after the chosen one</source>
        <translation>سؤال جديد بعد السؤال المختار</translation>
    </message>
    <message>
        <source>Edit question</source>
        <translation>تعديل السؤال</translation>
    </message>
    <message>
        <source>Change the chosen question (or press Enter)</source>
        <translation>تعديل السؤال المختار (أو اضغط ⁦Enter⁩)</translation>
    </message>
    <message>
        <source>Remove question</source>
        <translation>حذف السؤال</translation>
    </message>
    <message>
        <source>Remove the chosen question (asks first when it holds answers)</source>
        <translation>حذف السؤال المختار (مع طلب التأكيد أولًا إن كانت له إجابات)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>إلى الأعلى</translation>
    </message>
    <message>
        <source>Ask the question earlier</source>
        <translation>طرح السؤال في موضع أبكر</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>إلى الأسفل</translation>
    </message>
    <message>
        <source>Ask the question later</source>
        <translation>طرح السؤال في موضع لاحق</translation>
    </message>
</context>
<context>
    <name>QuestionType</name>
    <message>
        <source>yes/no</source>
        <translation>نعم/لا</translation>
    </message>
    <message>
        <source>single choice</source>
        <translation>اختيار واحد</translation>
    </message>
    <message>
        <source>multiple choice</source>
        <translation>اختيار متعدد</translation>
    </message>
    <message>
        <source>ordinal scale</source>
        <translation>مقياس ترتيبي</translation>
    </message>
    <message>
        <source>number</source>
        <translation>عدد</translation>
    </message>
    <message>
        <source>short text</source>
        <translation>نص قصير</translation>
    </message>
</context>
<context>
    <name>RemoveQuestion</name>
    <message>
        <source>Remove an answered question</source>
        <translation>حذف سؤال له إجابات</translation>
    </message>
    <message>
        <source>Remove ‘{question}’ and its answers?</source>
        <translation>أتحذف السؤال «{question}» وإجاباته؟</translation>
    </message>
    <message>
        <source>Remove question and answers</source>
        <translation>حذف السؤال والإجابات</translation>
    </message>
    <message>
        <source>{answers} by {coders} will be removed with it.</source>
        <translation>ستُحذف معه {answers}، أجاب عنها {coders}.</translation>
    </message>
    <message>
        <source>{answers} in the gold layer (adjudicated) too.</source>
        <translation>وتُحذف كذلك {answers} في طبقة المعيار الذهبي (بعد التحكيم).</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z) puts the question back with all its answers.</source>
        <translation>التراجع (⁦Ctrl+Z⁩) يعيد السؤال بكل إجاباته.</translation>
    </message>
</context>
</TS>
