"""Django's PostgreSQL backend, with one thing more its schema editor does: change a generated column's expression.

PostgreSQL before version 17 cannot change the expression of a generated column in place, and Django refuses to
try. The portal's search documents (common.fulltext) are generated columns over every content language's
translation, so adding a content language changes them: here that ``AlterField`` drops the column (its indexes
go with it), adds it with the new expression (PostgreSQL computes it for every row) and creates its indexes again.
So a fourth language stays one setting and the migrations ``makemigrations`` writes for it.
"""

from django.db.backends.postgresql import base, schema


class DatabaseSchemaEditor(schema.DatabaseSchemaEditor):
    def alter_field(self, model, old_field, new_field, strict=False):
        if not (getattr(old_field, "generated", False) and getattr(new_field, "generated", False)):
            return super().alter_field(model, old_field, new_field, strict=strict)
        if old_field.deconstruct()[1:] == new_field.deconstruct()[1:]:
            return None
        self.remove_field(model, old_field)
        self.add_field(model, new_field)
        for index in model._meta.indexes:
            if new_field.name in index.fields:
                self.add_index(model, index)
        return None


class DatabaseWrapper(base.DatabaseWrapper):
    SchemaEditorClass = DatabaseSchemaEditor
