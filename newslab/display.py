"""How the kit's tables look in a notebook: an unknown value is an empty cell.

pandas prints a missing value as ``None``, ``NaN`` or ``<NA>`` depending on the column's type; to
a student these look like words in the data. :func:`blank_missing_values` tells the notebook to
show every DataFrame with empty cells instead. The tables themselves are unchanged — a missing
speaker is still ``None`` for code that asks ``isna()``.
"""

from __future__ import annotations

from typing import Any


def shown(table: Any) -> Any:
    """A copy of the table for display: missing values in text and whole-number columns as "".

    Float columns keep ``NaN`` (their number format stays pandas' own); ``na_rep=""`` blanks them.
    """
    import pandas as pd

    copy = table.copy()
    for column, dtype in table.dtypes.items():
        if pd.api.types.is_float_dtype(dtype) and not isinstance(dtype, pd.api.extensions.ExtensionDtype):
            continue
        values = table[column]
        if values.isna().any():
            copy[column] = values.astype(object).where(values.notna(), "")
    return copy


def table_text(table: Any) -> str:
    """The plain-text form of a table, with missing values as empty cells."""
    import pandas.io.formats.format as fmt

    return shown(table).to_string(na_rep="", **fmt.get_dataframe_repr_params())


def table_html(table: Any) -> str:
    """The HTML form of a table (as JupyterLab shows it), with missing values as empty cells."""
    import pandas as pd

    return shown(table).to_html(
        na_rep="",
        max_rows=pd.get_option("display.max_rows"),
        max_cols=pd.get_option("display.max_columns"),
        show_dimensions=pd.get_option("display.show_dimensions") is True,
        notebook=True,
    )


def blank_missing_values() -> None:
    """Show every DataFrame in this notebook with empty cells where a value is missing.

    Call it once, in a notebook's first cell; outside IPython it does nothing.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    import pandas as pd

    formatters = shell.display_formatter.formatters
    formatters["text/plain"].for_type(
        pd.DataFrame, lambda table, printer, _cycle: printer.text(table_text(table))
    )
    formatters["text/html"].for_type(pd.DataFrame, table_html)
