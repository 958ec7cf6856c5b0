"""Errors for bad case input: each names the file, the row and the field, in either language.

An error holds a catalogue key and its fields (:class:`Message`), not a finished sentence: the
command line renders it in the planner's language when it prints it, and ``str(error)`` is
the English line (what logs, tests and Python tracebacks show).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from optimize.messages import Lang, say


@dataclass(frozen=True)
class Message:
    """A catalogue text not yet rendered: its key and the values of its placeholders.

    Parameters
    ----------
    key : str
        Dotted catalogue key (``"errors.setting_missing"``).
    fields : Mapping[str, object]
        Values of the text's ``{placeholders}``; a value that is itself a :class:`Message`
        is rendered in the same language first.
    english : str, optional
        The English text as its source wrote it (an mcda error's own message), shown for
        ``en`` instead of the catalogue's copy, so that the two cannot drift apart.
    """

    key: str
    fields: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    english: str | None = None

    def render(self, lang: Lang) -> str:
        """The text in `lang`, placeholders filled."""
        if lang == "en" and self.english is not None:
            return self.english
        values = {
            name: value.render(lang) if isinstance(value, Message) else value
            for name, value in self.fields.items()
        }
        return say(self.key, lang, **values)

    def __str__(self) -> str:
        return self.render("en")


def msg(key: str, /, **fields: object) -> Message:
    """The :class:`Message` of `key` with `fields` (``msg("errors.unknown_table")``)."""
    return Message(key, MappingProxyType(fields))


def mcda_message(error: Exception) -> Message:
    """The catalogue message of an error :mod:`mcda` raised.

    mcda knows no catalogue: a located mcda error carries a ``key`` and ``fields`` that name
    an entry of the ``mcda`` table here; one without a key keeps its English text, marked
    as such in Chinese. A field that is itself an mcda error (the cause of a wrapping one)
    is rendered the same way.
    """
    key = getattr(error, "key", None)
    if key:
        fields = {
            name: mcda_message(value) if isinstance(value, Exception) else value
            for name, value in getattr(error, "fields", {}).items()
        }
        english = str(getattr(error, "message", error))
        return Message(f"mcda.{key}", MappingProxyType(fields), english)
    return msg("errors.untranslated", text=getattr(error, "message", str(error)))


def location(
    file: str,
    lang: Lang,
    *,
    row: int | None = None,
    field: str | None = None,
    cell: str | None = None,
    sheet: str | None = None,
) -> str:
    """Where bad input lies, in `lang`: ``scores.csv, row 7, field 'value'``.

    The cell replaces the row; parts not known are left out.
    """
    where = [file]
    if sheet is not None:
        where.append(say("errors.where.sheet", lang, sheet=sheet))
    if cell is not None:
        where.append(say("errors.where.cell", lang, cell=cell))
    elif row is not None:
        where.append(say("errors.where.row", lang, row=row))
    if field is not None:
        where.append(say("errors.where.field", lang, field=field))
    return say("errors.where.separator", lang).join(where)


def located(where: str, what: str, lang: Lang) -> str:
    """One line: the place, then what is wrong (``where: what``)."""
    return say("errors.where.line", lang, where=where, what=what)


class InputError(ValueError):
    """Bad input in a case; ``str(error)`` is one English line naming file, row and field.

    Parameters
    ----------
    file : str
        File name relative to the case folder (e.g. ``"clusters.csv"``), a workbook's name
        (``"case.xlsx"``), an option (``"--steps"``) or an environment variable.
    message : Message
        What is wrong, in words a planner can act on (rendered by :meth:`line`).
    row : int, optional
        Spreadsheet-style row number: the header is row 1, the first data row is row 2.
    field : str, optional
        Column name or TOML key.
    cell : str, optional
        Workbook cell or range in Excel notation (``"scores!C7"``); it replaces the row.
    sheet : str, optional
        Worksheet of the workbook `file` the error lies in, when no cell is known.
    """

    def __init__(
        self,
        file: str,
        message: Message,
        row: int | None = None,
        field: str | None = None,
        cell: str | None = None,
        sheet: str | None = None,
    ) -> None:
        self.file, self.row, self.field, self.message, self.cell = file, row, field, message, cell
        self.sheet = sheet
        super().__init__(self.line("en"))

    def line(self, lang: Lang) -> str:
        """The error as one line in `lang`: where, then what."""
        where = location(
            self.file, lang, row=self.row, field=self.field, cell=self.cell, sheet=self.sheet
        )
        return located(where, self.message.render(lang), lang)


def error_line(error: Exception, lang: Lang) -> str:
    """One line naming where bad input is and what is wrong with it, in `lang`.

    An :class:`InputError` renders its own message; an mcda error is rendered through the
    catalogue's ``mcda`` table (:func:`mcda_message`).
    """
    if isinstance(error, InputError):
        return error.line(lang)
    what = mcda_message(error).render(lang)
    file = getattr(error, "file", None)
    if not file:
        return what
    where = location(
        file,
        lang,
        row=getattr(error, "row", None),
        field=getattr(error, "field", None),
        cell=getattr(error, "cell", None),
    )
    return located(where, what, lang)


def mcda_input_error(error: Exception, file: str) -> InputError:
    """An error :mod:`mcda` raised as the case's input error, located where mcda says.

    Parameters
    ----------
    error : Exception
        An ``mcda.MCDAError``; a located one names its own file, row, field or cell.
    file : str
        The file to name when `error` names none.
    """
    return InputError(
        getattr(error, "file", None) or file,
        mcda_message(error),
        getattr(error, "row", None),
        getattr(error, "field", None),
        getattr(error, "cell", None),
    )


class InfeasibleError(RuntimeError):
    """The allocation model has no feasible solution under the case's rules."""
