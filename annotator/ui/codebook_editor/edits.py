"""The codebook editor's edits: each builds one :class:`StoreCommand` from a service and its
inverse, runs it (committed at once) and puts it on the editor's undo history.

A mixin of :class:`~annotator.ui.codebook_editor.window.CodebookEditor`; the methods are what the
toolbar, the keys and the tests call.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from annotator.codebook import AttributeSpec, CodeSpec
from annotator.db.models import new_uuid
from annotator.db.services.codebook_attributes import (
    attribute_state,
    create_attribute,
    edit_attribute,
    remove_attribute,
    restore_attribute,
)
from annotator.db.services.codebook_edit import (
    code_usage,
    create_code,
    edit_code,
    merge_code,
    move_code,
    remove_code,
    restore_code,
    restore_fields,
    unmerge_code,
)
from annotator.domain import AttributeType, CodeKind
from annotator.ui.bidi import isolate
from annotator.ui.codebook_editor.attribute_dialog import AttributeDialog
from annotator.ui.codebook_editor.merge_dialog import ask_merge_target
from annotator.ui.store_command import Inverse, Step, StoreCommand, execute

if TYPE_CHECKING:
    from annotator.ui.codebook_editor.window import CodebookEditor

DEFAULT_COLOUR = "#88ccee"
AskMerge = Callable[[str, int, list[tuple[str, str]]], str | None]
translate = QCoreApplication.translate


class EditorEdits:
    ask_merge: AskMerge | None = None  # tests put an answer here instead of the dialog

    def run(self: CodebookEditor, text: str, apply: Step, revert: Inverse,
            reapply: Inverse | None = None, select: str | None = None,
            select_question: str | None = None) -> bool:
        """One undoable edit; a refusal shows as one line under the tree, nothing written."""
        def changed() -> None:
            self.reload()
            self.changed.emit()

        command = StoreCommand(self.store, text, apply, revert, reapply, changed=changed,
                               failed=self.show_message)
        refusal = execute(self.undo_stack, command)
        if refusal:
            self.show_message(translate("CodebookEditor", "Not done: {reason}").format(
                reason=refusal))
            self.reload()  # the form shows the stored values again
            return False
        self.show_message(text, error=False)
        if select:
            self.select(select)
        if select_question:
            self.questions_tab.select(select_question)
        return True

    # ------------------------------------------------------------------ codes
    def commit_form(self: CodebookEditor) -> bool:
        """Store what the form holds for the chosen code (one edit for all changed fields)."""
        changes = self.form.changes()
        code_id = self.current_code_id()
        if not changes or code_id is None or not self.editable:
            return False
        reserved = self.reserved
        title = translate("CodebookEditor", "Change ‘{code}’")
        return self.run(title.format(code=isolate(self.codes[code_id].name_en)),
                        lambda s: edit_code(s, code_id, changes, reserved),
                        lambda s, previous: restore_fields(s, code_id, previous))

    def edit_fields(self: CodebookEditor, **changes: Any) -> bool:
        """Change fields of the chosen code directly (what the form does on leaving a field)."""
        code_id = self.current_code_id()
        if code_id is None:
            return False
        reserved = self.reserved
        title = translate("CodebookEditor", "Change ‘{code}’")
        return self.run(title.format(code=isolate(self.codes[code_id].name_en)),
                        lambda s: edit_code(s, code_id, changes, reserved),
                        lambda s, previous: restore_fields(s, code_id, previous))

    def add_code(self: CodebookEditor, parent_id: str | None = None, name_en: str = "",
                 name_ar: str = "") -> str | None:
        """Add a code under the chosen kind (or under ``parent_id``); focus its English name."""
        if not self.editable:
            return None
        code_id = self.current_code_id()
        kind = CodeKind(self.current_kind() or CodeKind.CLAIM.value)
        if parent_id is None and code_id is not None:
            parent_id = self.parents.get(code_id)  # beside the chosen code
        siblings = ([c for c in self.codes.values() if self.parents.get(c.uuid) == parent_id
                     and c.kind is kind])
        new_name = "New code"  # i18n: not shown (data: the code's English name)
        spec = CodeSpec(uuid=new_uuid(), kind=kind, colour=DEFAULT_COLOUR,
                        name_en=name_en or _free(new_name, [c.name_en for c in siblings]),
                        name_ar=name_ar or _free("رمز جديد", [c.name_ar for c in siblings]))
        title = translate("CodebookEditor", "Add ‘{code}’")
        done = self.run(title.format(code=isolate(spec.name_en)),
                        lambda s: create_code(s, spec, parent_id, self.reserved),
                        lambda s, new_id: remove_code(s, new_id),
                        lambda s, record: restore_code(s, record),
                        select=spec.uuid)
        if done:
            self.form.name_en.setFocus()
            self.form.name_en.selectAll()
        return spec.uuid if done else None

    def add_subcode(self: CodebookEditor) -> str | None:
        code_id = self.current_code_id()
        return self.add_code(parent_id=code_id) if code_id else None

    def delete_selected(self: CodebookEditor) -> bool:
        """Delete the chosen code; one in use is offered a merge into another code instead."""
        code_id = self.current_code_id()
        if code_id is None or not self.editable:
            return False
        with self.store.reader() as session:
            used = code_usage(session, code_id)
        name = self.codes[code_id].name_en
        if not used:
            title = translate("CodebookEditor", "Delete ‘{code}’")
            return self.run(title.format(code=isolate(name)),
                            lambda s: remove_code(s, code_id),
                            lambda s, record: restore_code(s, record))
        targets = self._merge_targets(code_id)
        ask = self.ask_merge or (lambda *args: ask_merge_target(self, *args))
        target = ask(name, used, targets)
        if target is None:
            return False
        title = translate("CodebookEditor", "Merge ‘{code}’ into ‘{target}’")
        return self.run(title.format(code=isolate(name),
                                     target=isolate(self.codes[target].name_en)),
                        lambda s: merge_code(s, code_id, target),
                        lambda s, merged: unmerge_code(s, merged), select=target)

    def _merge_targets(self: CodebookEditor, code_id: str) -> list[tuple[str, str]]:
        inside, frontier = {code_id}, [code_id]
        while frontier:
            frontier = [c for c, p in self.parents.items() if p in frontier]
            inside.update(frontier)
        kind = self.codes[code_id].kind
        return [(c.uuid, f"{c.name_en} — {c.name_ar}") for c in self.codes.values()
                if c.kind is kind and c.uuid not in inside]

    # ------------------------------------------------------------------ moving
    def move_to(self: CodebookEditor, parent_id: str | None, position: int) -> bool:
        code_id = self.current_code_id()
        if code_id is None or not self.editable:
            return False
        title = translate("CodebookEditor", "Move ‘{code}’")
        return self.run(title.format(code=isolate(self.codes[code_id].name_en)),
                        lambda s: move_code(s, code_id, parent_id, position),
                        lambda s, before: move_code(s, code_id, *before), select=code_id)

    def _siblings(self: CodebookEditor, code_id: str) -> list[str]:
        parent, kind = self.parents[code_id], self.codes[code_id].kind
        return [c for c, p in self.parents.items() if p == parent and self.codes[c].kind is kind]

    def move_step(self: CodebookEditor, step: int) -> bool:
        code_id = self.current_code_id()
        if code_id is None:
            return False
        siblings = self._siblings(code_id)
        index = siblings.index(code_id) + step
        if not 0 <= index < len(siblings):
            return False
        return self.move_to(self.parents[code_id], index)

    def indent(self: CodebookEditor) -> bool:
        code_id = self.current_code_id()
        if code_id is None:
            return False
        siblings = self._siblings(code_id)
        index = siblings.index(code_id)
        if index == 0:
            return False
        above = siblings[index - 1]
        return self.move_to(above, len(self.codes[above].children))

    def outdent(self: CodebookEditor) -> bool:
        code_id = self.current_code_id()
        parent = self.parents.get(code_id) if code_id else None
        if parent is None:
            return False
        return self.move_to(self.parents[parent], self._siblings(parent).index(parent) + 1)

    # ------------------------------------------------------------------ attributes
    def open_attribute_dialog(self: CodebookEditor, attribute_id: str | None = None
                              ) -> AttributeDialog | None:
        """Add (no id) or edit an attribute in a dialog; returns it (shown modal)."""
        code_id = self.current_code_id()
        if code_id is None or not self.editable:
            return None
        state = None
        if attribute_id:
            with self.store.reader() as session:
                state = attribute_state(session, attribute_id)

        def submit(fields: dict[str, Any]) -> str | None:
            done = (self.edit_attribute(attribute_id, fields) if attribute_id
                    else self.add_attribute(fields))
            return None if done else self.message.text()

        dialog = AttributeDialog(submit, state, self)
        dialog.open()
        return dialog

    def add_attribute(self: CodebookEditor, fields: Mapping[str, Any]) -> bool:
        code_id = self.current_code_id()
        if code_id is None:
            return False
        spec = AttributeSpec(uuid=new_uuid(), name=fields["name"],
                             type=AttributeType(fields["type"]), choices=list(fields["choices"]),
                             required=bool(fields["required"]),
                             description=fields.get("description", ""))
        labels = dict(fields.get("labels", {}))
        title = translate("CodebookEditor", "Add attribute ‘{attribute}’")
        return self.run(title.format(attribute=isolate(spec.name)),
                        lambda s: create_attribute(s, code_id, spec, labels),
                        lambda s, attribute_id: remove_attribute(s, attribute_id),
                        lambda s, record: restore_attribute(s, record),
                        select=code_id)

    def edit_attribute(self: CodebookEditor, attribute_id: str,
                       changes: Mapping[str, Any]) -> bool:
        title = translate("CodebookEditor", "Change attribute ‘{attribute}’")
        return self.run(title.format(attribute=isolate(changes.get("name", ""))),
                        lambda s: edit_attribute(s, attribute_id, changes),
                        lambda s, previous: edit_attribute(s, attribute_id, previous),
                        select=self.current_code_id())

    def remove_attribute(self: CodebookEditor, attribute_id: str) -> bool:
        return self.run(translate("CodebookEditor", "Remove attribute"),
                        lambda s: remove_attribute(s, attribute_id),
                        lambda s, record: restore_attribute(s, record),
                        select=self.current_code_id())


def _free(base: str, taken: list[str]) -> str:
    """``base``, or ``base 2``, ``base 3``… whichever no sibling uses."""
    folded = {name.casefold() for name in taken}
    number = 1
    while (name := base if number == 1 else f"{base} {number}").casefold() in folded:
        number += 1
    return name
