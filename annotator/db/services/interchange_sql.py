"""Set-based SQL for annotation imports: bulk inserts and look-ups of many ids at once.

``bulk_insert`` hands rows to the driver's ``executemany`` as plain tuples in the dialect's own
parameter style (the rows were checked and normalised before, so SQLAlchemy's per-row parameter
processing, a large share of the time, is not needed). ``id_table`` puts a file's ids into a
temporary table so that "which of these 200,000 ids exist?" is one join, not hundreds of
``IN (...)`` lists that SQLAlchemy expands value by value.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Column, Connection, MetaData, Table, Text, insert

_IDS = Table("import_id", MetaData(), Column("id", Text, primary_key=True), prefixes=["TEMPORARY"])


def bulk_insert(connection: Connection, table: Table, columns: Sequence[str],
                rows: Iterable[tuple[Any, ...]]) -> None:
    """``INSERT`` every row (tuples in ``columns`` order) with one driver ``executemany``."""
    dialect = connection.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    parameters: list[Any]
    if dialect.positional and tuple(compiled.positiontup or ()) == tuple(columns):
        parameters = rows if isinstance(rows, list) else list(rows)
    elif dialect.positional:
        order = [columns.index(name) for name in compiled.positiontup or ()]
        parameters = [tuple(row[i] for i in order) for row in rows]
    else:
        parameters = [dict(zip(columns, row)) for row in rows]
    if parameters:
        connection.exec_driver_sql(str(compiled), parameters)


@contextmanager
def id_table(connection: Connection, ids: Collection[str]) -> Iterator[Table]:
    """A temporary one-column table holding ``ids`` for the duration of the block; join on it."""
    _IDS.create(connection)
    try:
        bulk_insert(connection, _IDS, ("id",), [(key,) for key in sorted(set(ids))])
        yield _IDS
    finally:
        _IDS.drop(connection)
