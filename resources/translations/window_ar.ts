<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name></name>
    <message>
        <source>WindowActions</source>
        <comment>&amp;New project…</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WindowActions</source>
        <comment>&amp;Import articles…</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Cannot open the project</source>
        <translation>تعذَّر فتح المشروع</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>That link belongs to another coder and is read-only.</source>
        <translation type="unfinished"></translation>
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
    <name>window</name>
    <message>
        <source>Code&amp;book</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
