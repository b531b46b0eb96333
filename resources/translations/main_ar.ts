<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>App</name>
    <message>
        <source>Cannot open the project</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
