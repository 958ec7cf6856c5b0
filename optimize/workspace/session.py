"""One planner's workspace: the loaded case, the settings, the answer; and the store of them.

Each browser session (a random id in a cookie) has its own :class:`Session`; two sessions
never share settings, answers or compiled models. A session changes only through its
methods, under its lock, so that two requests of one browser do not interleave.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import os
import secrets
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import tomli_w

from mcda import MCDAError
from optimize.appraisal import REFERENCE, Robustness, UncertaintySettings, assess
from optimize.case import (
    CASE_FILE,
    SCENARIO_FILE,
    Case,
    PriorityRule,
    RawCase,
    Scenario,
    assemble,
    parse_scenario,
)
from optimize.casefiles import load_case, load_scenarios, read_case_folder, read_workbook
from optimize.casefiles.file_limits import read_toml
from optimize.errors import InputError, mcda_input_error, msg
from optimize.messages import Lang
from optimize.model import marginal_values
from optimize.sweeps import SweepResult, compare_scenarios
from optimize.workspace.answer import Answer, Solver, answer
from optimize.workspace.jobs import Job
from optimize.workspace.settings import (
    BoundKey,
    JudgmentKey,
    Settings,
    rule_bounds,
    scenario_table,
    with_bounds,
)

#: Sessions kept at once; the least recently used goes first beyond this.
MAX_SESSIONS = 32


@dataclass(frozen=True)
class Loaded:
    """A case as read, with where its scenarios are saved.

    Attributes
    ----------
    case : Case
        The validated case.
    raw : RawCase
        Its settings and text tables (for the case workbook export).
    label : str
        The name shown for it: the folder's or workbook's name, never a server path.
    folder : pathlib.Path or None
        The case folder, where ``scenarios.toml`` is saved; None for an uploaded workbook
        (its scenarios stay in the session and are offered as a download).
    """

    case: Case
    raw: RawCase
    label: str
    folder: Path | None


def load(path: Path) -> Loaded:
    """Read and validate the case folder or workbook at `path` (as the CLI does).

    Raises
    ------
    InputError
        Naming the file (or sheet and cell), row and field.
    """
    if path.suffix.lower() == ".xlsx":
        case = load_case(path)
        raw, _ = read_workbook(path)
        return Loaded(case, raw, path.name, None)
    folder = path.parent if path.suffix == ".toml" else path
    case = load_case(path)
    return Loaded(case, read_case_folder(folder), folder.name, folder)


def upload_label(name: str) -> str:
    """The uploaded file's own name, without any folder a browser sent with it."""
    return Path(name.replace("\\", "/")).name or "upload.xlsx"


def load_upload(name: str, content: bytes) -> Loaded:
    """Validate an uploaded workbook; messages name the uploaded file, not a server path.

    Raises
    ------
    InputError
        On a bad workbook, as for :func:`load`.
    """
    label = upload_label(name)
    if not label.lower().endswith(".xlsx"):
        raise InputError(label, msg("workspace.error_upload_workbook"))
    with tempfile.TemporaryDirectory(prefix="clusterplan-upload-") as folder:
        path = Path(folder) / label
        path.write_bytes(content)
        try:
            return dataclasses.replace(load(path), label=label)
        except (InputError, MCDAError) as exc:
            raise _named_upload(exc, label) from None


def _named_upload(error: InputError | MCDAError, label: str) -> InputError:
    """`error` of a workbook read from a temporary folder, naming the upload as `label`."""
    if isinstance(error, MCDAError):
        return mcda_input_error(error, label)
    return InputError(label, error.message, error.row, error.field, error.cell, error.sheet)


def is_loopback(host: str) -> bool:
    """Whether `host` only accepts connections from this computer."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Session:
    """One planner's workspace state.

    Parameters
    ----------
    loaded : Loaded
        The case.
    lang : Lang
        Language of the interface.
    smaa : UncertaintySettings, optional
        SMAA-2 samples and seed of the live ranking view.
    """

    def __init__(self, loaded: Loaded, lang: Lang, smaa: UncertaintySettings | None = None) -> None:
        self.lock = threading.RLock()
        self.lang: Lang = lang
        self.smaa = smaa
        self.error: str | None = None
        self.job: Job | None = None
        self.open(loaded)

    def open(self, loaded: Loaded) -> None:
        """Replace the case: its own settings, no scenarios saved in this session yet."""
        with self.lock:
            self.loaded = loaded
            self.solver = Solver()
            self.settings = Settings.of(loaded.case)
            self.answer = answer(loaded.case, self.settings, self.solver, None, self.smaa)
            self.saved: dict[str, Scenario] = {}
            self.error = None
            self.margins: pd.DataFrame | None = None
            self.frontier: pd.DataFrame | None = None
            self.compared: SweepResult | None = None
            self.methods: Robustness | None = None
            self.methods_for: Mapping[JudgmentKey, float] | None = None
            self.based: tuple[dict[BoundKey, float], Case] | None = None
            self.method = REFERENCE
            if self.job is not None:
                self.job.cancel()
            self.job = None

    def base(self, bounds: Mapping[BoundKey, float]) -> Case:
        """The loaded case with edited rule numbers, validated as a case file is.

        Raises
        ------
        InputError
            Naming ``case.toml`` and the rule's key, on a number the case check refuses.
        """
        if not bounds:
            return self.loaded.case
        if self.based is not None and self.based[0] == bounds:
            return self.based[1]
        raw = with_bounds(self.loaded.raw, bounds)
        try:
            case = assemble(raw, self.loaded.case.folder)
        except MCDAError as exc:
            raise mcda_input_error(exc, CASE_FILE) from None
        self.based = (dict(bounds), case)
        return case

    def change(self, settings: Settings) -> Answer:
        """Answer new settings (a budget, judgment, priority, rule or bound change).

        Raises
        ------
        InputError
            On a rule number the case check refuses; the settings stay as they were.
        """
        with self.lock:
            base = self.base(settings.bounds)
            self.answer = answer(base, settings, self.solver, self.answer, self.smaa)
            self.settings = settings
            self.margins = None
            self.frontier = None
            if settings.judgments != self.methods_for:
                self.methods = None
            return self.answer

    def set_budget(self, budget: float) -> Answer:
        """Move the budget [1e8 CNY]."""
        return self.change(dataclasses.replace(self.settings, budget=budget))

    def set_priority(self, rule: PriorityRule, blend: float) -> Answer:
        """Choose the priority rule and the blend's weight on merit [-]."""
        return self.change(dataclasses.replace(self.settings, priority_rule=rule, blend=blend))

    def toggle_rule(self, rule: str, on: bool) -> Answer:
        """Switch a rule of the case on or off."""
        dropped = self.settings.dropped - {rule} if on else self.settings.dropped | {rule}
        return self.change(dataclasses.replace(self.settings, dropped=frozenset(dropped)))

    def set_bound(self, key: BoundKey, value: float) -> Answer:
        """Edit one number of a rule (see :func:`rule_bounds`); the case's own resets it."""
        stated = rule_bounds(self.loaded.raw)
        if key not in stated:
            raise InputError(
                "form", msg("workspace.error_not_rule_number", key=".".join(key)), field="bound"
            )
        bounds = {k: v for k, v in self.settings.bounds.items() if k != key}
        if value != stated[key]:
            bounds[key] = value
        return self.change(dataclasses.replace(self.settings, bounds=bounds))

    def set_judgment(self, key: JudgmentKey, value: float) -> Answer:
        """Edit one pairwise judgment (row over column) [-]; the case's own value resets it."""
        node, expert, row, col = key
        judgments = {k: v for k, v in self.settings.judgments.items() if k != key}
        judgments.pop((node, expert, col, row), None)
        matrix = self.loaded.case.judgments[node][expert]
        original = float(matrix.to_numpy()[matrix.index.get_loc(row), matrix.columns.get_loc(col)])
        if abs(value - original) > 1e-12 * max(1.0, original):
            judgments[key] = value
        return self.change(dataclasses.replace(self.settings, judgments=judgments))

    def reset(self) -> Answer:
        """Back to the case's own settings."""
        return self.change(Settings.of(self.loaded.case))

    def method_ranks(self) -> Robustness:
        """The clusters ranked by every registered method under the current weights."""
        with self.lock:
            if self.methods is None:
                current = self.answer
                self.methods = assess(current.case, current.appraisal.weights, samples=0)
                self.methods_for = self.settings.judgments
            return self.methods

    def choose_method(self, method: str) -> None:
        """Show the ranks of `method` beside the tiers.

        Raises
        ------
        InputError
            When `method` is not one that ranked this case.
        """
        known = list(self.method_ranks().rankings)
        if method not in known:
            raise InputError(
                "form",
                msg("workspace.error_unknown_method", method=method, known=", ".join(known)),
                field="method",
            )
        self.method = method

    def marginal_values(self) -> pd.DataFrame | None:
        """Marginal values of the budget and each binding rule (None without a solution)."""
        with self.lock:
            current = self.answer
            if self.margins is None and current.allocation.status.has_solution:
                self.margins = marginal_values(current.case, current.appraisal, current.allocation)
            return self.margins

    def start_job(self, job: Job) -> None:
        """Keep `job` as the session's background work, cancelling the one before."""
        with self.lock:
            if self.job is not None:
                self.job.cancel()
            self.job = job

    def cancel_job(self) -> str | None:
        """Cancel the background work and forget it; its kind, or None when there was none.

        Work with steps stops at its next step; its result, if it still comes, is dropped.
        """
        with self.lock:
            job, self.job = self.job, None
            if job is None:
                return None
            job.cancel()
            return job.kind

    def collect_job(self) -> None:
        """Keep the result of finished background work; its error becomes the message.

        A frontier becomes the frontier view's chart; SMAA-2 with more samples replaces the
        answer's when the judgments are still those it was drawn for.
        """
        with self.lock:
            job = self.job
            if job is None or job.running:
                return
            self.job = None
            if job.error is not None:
                raise job.error
            if job.result is None:
                return
            if job.kind == "frontier":
                self.frontier = job.result
            elif job.kind == "smaa":
                settings, uncertainty = job.result
                if settings.judgments == self.settings.judgments:
                    self.answer = dataclasses.replace(self.answer, uncertainty=uncertainty)

    def compare(self) -> SweepResult:
        """The saved scenarios solved side by side with the case as loaded ("base")."""
        with self.lock:
            self.compared = compare_scenarios(self.loaded.case, self.scenarios())
            return self.compared

    def scenarios(self) -> list[Scenario]:
        """The scenarios of the case folder's ``scenarios.toml`` and those saved here."""
        on_file = (
            []
            if self.loaded.folder is None
            else load_scenarios(self.loaded.folder, self.loaded.case)
        )
        known = {s.name for s in on_file}
        return on_file + [s for name, s in self.saved.items() if name not in known]

    def save_scenario(self, name: str, description: str) -> Scenario:
        """Save the settings as a named scenario: appended to the folder's ``scenarios.toml``.

        Judgment edits are saved as the level-1 weights they give (a scenario holds
        weights). An uploaded workbook has no folder: the scenario stays in the session.

        Raises
        ------
        InputError
            On an empty or taken name, or a scenario the file's own check refuses.
        """
        with self.lock:
            name = name.strip()
            if not name:
                raise InputError(SCENARIO_FILE, msg("workspace.error_scenario_name"), field="name")
            if name in {s.name for s in self.scenarios()}:
                raise InputError(SCENARIO_FILE, msg("workspace.error_scenario_taken"), field=name)
            if self.settings.bounds:
                raise InputError(
                    SCENARIO_FILE,
                    msg("workspace.error_scenario_bounds"),
                    field=name,
                )
            edited = bool(self.settings.judgments)
            level1 = self.answer.appraisal.local["goal"].weights if edited else None
            table = scenario_table(self.loaded.case, self.settings, level1, description)
            scenario = parse_scenario(name, table, self.loaded.case)
            if self.loaded.folder is not None:
                append_scenario(self.loaded.folder / SCENARIO_FILE, name, table)
            self.saved[name] = scenario
            return scenario


def append_scenario(path: Path, name: str, table: dict[str, Any]) -> None:
    """Append one scenario table to a ``scenarios.toml`` (created if absent), atomically.

    The file's text (comments included) is kept; the new version is written beside it and
    moved into place, so a crash leaves the old file or the new one, never half of one.
    """
    before = path.read_text(encoding="utf-8") if path.exists() else ""
    if before:
        read_toml(path, SCENARIO_FILE)  # refuse to append to a file that does not parse
    text = before + ("\n" if before and not before.endswith("\n") else "")
    text += ("\n" if before else "") + tomli_w.dumps({name: table})
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".scenarios-", suffix=".toml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Sessions:
    """The sessions of one server, by id; each starts on the server's case.

    Parameters
    ----------
    start : Loaded
        The case every new session opens.
    lang : Lang
        Language of a new session.
    smaa : UncertaintySettings, optional
        SMAA-2 settings of the live ranking view.
    """

    def __init__(self, start: Loaded, lang: Lang, smaa: UncertaintySettings | None = None) -> None:
        self.start, self.lang, self.smaa = start, lang, smaa
        self.lock = threading.Lock()
        self.by_id: OrderedDict[str, Session] = OrderedDict()

    def get(self, session_id: str | None) -> tuple[str, Session]:
        """The session of `session_id`, or a new one (with a new id) when unknown."""
        with self.lock:
            if session_id is not None and session_id in self.by_id:
                self.by_id.move_to_end(session_id)
                return session_id, self.by_id[session_id]
        # Built outside the store's lock: a first answer takes a fraction of a second.
        session = Session(self.start, self.lang, self.smaa)
        new_id = secrets.token_urlsafe(24)
        with self.lock:
            self.by_id[new_id] = session
            while len(self.by_id) > MAX_SESSIONS:
                _, oldest = self.by_id.popitem(last=False)
                if oldest.job is not None:
                    oldest.job.cancel()
        return new_id, session
