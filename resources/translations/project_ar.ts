<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>CoderDialog</name>
    <message>
        <source>Open as lead…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks for the lead passphrase next.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodersDialog</name>
    <message>
        <source>Coders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of a new coder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire / reinstate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead / coder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired coders keep their work; the “who is coding?” list no longer offers them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reinstate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Coders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead &amp;passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadAccess</name>
    <message>
        <source>Lead passphrase set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  No lead passphrase: anyone can open this project as lead (Project → Lead passphrase…)  </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Open as lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project&apos;s lead role is protected by a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetPassphraseDialog</name>
    <message>
        <source>Lead passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whoever opens this project as lead must give this passphrase; coders never see the lead in the list. It keeps out casual peeking at a shared file, not someone who reads the SQLite file directly. At least {0} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {0} characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
