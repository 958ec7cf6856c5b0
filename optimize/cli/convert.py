"""``clusterplan convert`` and ``clusterplan new``: a case as a folder or as one workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from optimize.cli.common import ForceOption, console
from optimize.cli.lang import LangOption, checked_lang, help_text, tell


def is_workbook(path: Path) -> bool:
    """Whether `path` names an ``.xlsx`` workbook (rather than a case folder)."""
    return path.suffix.lower() == ".xlsx"


def convert(
    source: Annotated[Path, typer.Argument(help=help_text("source"))],
    target: Annotated[Path, typer.Argument(help=help_text("target"))],
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Convert a case folder into one .xlsx workbook, or a workbook into a case folder."""
    from optimize.case.assemble import assemble
    from optimize.casefiles.folder_read import read_case_folder
    from optimize.casefiles.folder_write import case_folder_files
    from optimize.casefiles.load import case_inputs
    from optimize.casefiles.workbook_layout import instructions
    from optimize.casefiles.workbook_read import load_workbook_case, read_workbook
    from optimize.casefiles.workbook_write import case_workbook
    from optimize.cli.output import check_target, write_file, write_folder
    from optimize.errors import InputError, msg
    from optimize.report.summary import illustrative_notice

    chosen = checked_lang(lang)
    if is_workbook(source) == is_workbook(target):
        raise InputError(str(target), msg("errors.option.convert_pair"))
    inputs = case_inputs(source)
    check_target(target, force, inputs, option="TARGET", is_file=is_workbook(target))
    if is_workbook(source):
        case = load_workbook_case(source)  # refuse to write a case that does not validate
        raw, _ = read_workbook(source)
        write_folder(target, case_folder_files(raw), force=force, option="TARGET")
    else:
        raw = read_case_folder(source)
        case = assemble(raw, source)
        title = tell("convert.title", title=case.title, name=case.name)
        about = [title, illustrative_notice(case), *instructions(chosen)]
        write_file(target, case_workbook(raw, about), force=force, option="TARGET")
    console.print(
        Text.assemble(
            (tell("wrote"), "green"), tell("convert.wrote", target=target, name=case.name)
        )
    )


def new(
    target: Annotated[Path, typer.Argument(help=help_text("new_target"))],
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Create a blank case to fill in: a folder with a README, or a workbook with instructions."""
    from optimize.casefiles.folder_write import case_folder_files
    from optimize.casefiles.template import blank_case, template_readme
    from optimize.casefiles.workbook_layout import instructions
    from optimize.casefiles.workbook_write import case_workbook
    from optimize.cli.output import write_file, write_folder

    chosen = checked_lang(lang)
    name = target.stem if is_workbook(target) else target.name
    raw = blank_case(name)
    if is_workbook(target):
        book = case_workbook(raw, instructions(chosen))
        write_file(target, book, force=force, option="TARGET")
    else:
        files = case_folder_files(raw, {"README.md": template_readme(name, chosen)})
        write_folder(target, files, force=force, option="TARGET")
    console.print(Text.assemble((tell("wrote"), "green"), tell("new.wrote", target=target)))
