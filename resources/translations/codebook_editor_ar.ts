<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AttributeDialog</name>
    <message>
        <source>choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes/no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coders must fill it in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value (stored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arabic label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices: the value is what the data and exports keep; the labels are what people read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeForm</name>
    <message>
        <source>e.g. 1, q, F5 or Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One example per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arabic name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclude when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes coders fill in for this code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add attribute…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit attribute…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour of the code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodebookEditor</name>
    <message>
        <source>Change ‘{0}’</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add ‘{0}’</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete ‘{0}’</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge ‘{0}’ into ‘{1}’</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move ‘{0}’</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add attribute ‘{0}’</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change attribute ‘{0}’</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new code under the chosen kind, beside the chosen code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add sub-code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new code under the chosen code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the chosen code (a code in use is merged into another)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the code up among its siblings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the code down among its siblings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into the code above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the code a sub-code of the code above it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out one level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the code a sibling of its parent</source>
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
        <source>Only a project lead can change the codebook.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodebookMenu</name>
    <message>
        <source>&amp;Edit codebook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import codebook (JSON or REFI-QDA .qdc)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport codebook (JSON or REFI-QDA .qdc)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A coder package: the codebook belongs to the lead&apos;s project (read-only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project file is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a project lead can change the codebook (read-only).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodebookTransfer</name>
    <message>
        <source>Codebook JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a codebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the codebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import codebook {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Delete a code in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘{0}’ and its sub-codes hold {1} annotation(s) of all coders and layers. It cannot be deleted on its own: its annotations can be merged into another code of the same kind, then it is deleted. Undo puts everything back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge into this code and delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other code of this kind to merge into.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
