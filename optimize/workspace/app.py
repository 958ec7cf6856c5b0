"""The workspace as a Starlette (ASGI) application: pages, live updates, exports.

Every page and fragment is rendered by Jinja2 with autoescape from the package's templates;
htmx (vendored in ``static/``) swaps the fragments in, so the page works offline and loads
nothing from the network. Each browser gets a session cookie and its own
:class:`~optimize.workspace.session.Session`; nothing is written to the case folder except
by "save scenario".
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Sequence
from importlib import resources
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from mcda import MCDAError
from optimize.appraisal import UncertaintySettings
from optimize.case import PRIORITY_RULES, RULE_NAMES, check_priority_rule
from optimize.case.limits import check_limit
from optimize.case.values import ValueRangeError, checked_number, number_from_text
from optimize.errors import InputError, error_line, msg
from optimize.messages import LANGS, Lang, is_lang, say
from optimize.workspace.exports import EXPORTS, export
from optimize.workspace.frontier import frontier_job
from optimize.workspace.more_samples import smaa_job
from optimize.workspace.session import Loaded, Session, Sessions, load_upload, upload_label
from optimize.workspace.settings import rule_bounds
from optimize.workspace.views import (
    VIEWS,
    Labels,
    frontier_path,
    heat,
    judgment_nodes,
    status_counts,
    winning_cells,
)

#: Name of the session cookie.
COOKIE = "clusterplan_session"
#: The form's name for the page (never a server path).
FORM = "form"
#: Background work -> the view that shows its progress and result.
JOB_VIEWS = {"frontier": "frontier", "smaa": "ranking"}

Handler = Callable[[Request, Session], Awaitable[Response]]


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("optimize.workspace", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = _number
    env.filters["heat"] = heat
    return env


def _number(value: Any, digits: int = 2) -> str:
    """A number for reading: fixed digits, a dash for a missing one."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    return "–" if not math.isfinite(number) else f"{number:,.{digits}f}"


def form_number(
    text: object,
    field: str,
    minimum: float | None = None,
    maximum: float | None = None,
    positive: bool = False,
    whole: bool = False,
) -> float:
    """A number typed in the page (``3``, ``0.5``, ``1/3``), checked like every case number.

    Raises
    ------
    InputError
        Naming the form field, on text that is not such a number or out of range.
    """
    try:
        value = number_from_text(str(text))
        return checked_number(value, minimum, maximum, positive=positive, whole=whole)
    except ValueRangeError as exc:
        raise InputError(FORM, exc.message, field=field) from None


class Workspace:
    """Routes of the workspace over a store of sessions."""

    def __init__(self, sessions: Sessions) -> None:
        self.sessions = sessions
        self.env = _environment()

    # -- rendering -------------------------------------------------------------------------

    def context(self, session: Session, **extra: Any) -> dict[str, Any]:
        """What every template sees: the session, its answer, texts and names."""
        lang = session.lang

        def t(key: str, /, **fields: object) -> str:
            return say(f"workspace.{key}", lang, **fields)

        answer = session.answer
        case = session.loaded.case
        return {
            "t": t,
            "lang": lang,
            "langs": LANGS,
            "session": session,
            "answer": answer,
            "case": case,
            "settings": session.settings,
            "labels": Labels.of(case, lang),
            "views": VIEWS,
            "priority_rules": PRIORITY_RULES,
            "exports": EXPORTS,
            "message": session.error,
            "oob": False,
            "case_budget": session.loaded.case.budget,
            "case_rules": [r for r in session.loaded.case.rules.active() if r != "budget"],
            "rule_names": RULE_NAMES,
            **extra,
        }

    def render(self, template: str, session: Session, **extra: Any) -> str:
        """One template filled for `session`."""
        return self.env.get_template(template).render(self.context(session, **extra))

    def view(self, session: Session, name: str, oob: bool = True, **extra: Any) -> str:
        """The view `name` and, out of band, the status bar and the message line."""
        data = self.view_data(session, name)
        html = self.render(f"view_{name}.html", session, view=name, **data, **extra)
        if oob:
            html += self.render("status.html", session, oob=True)
        return html

    def view_data(self, session: Session, name: str) -> dict[str, Any]:
        """Data a view needs beyond the answer."""
        answer = session.answer
        if name == "case":
            return {"statuses": status_counts(answer)}
        if name == "weights":
            return {"nodes": judgment_nodes(answer)}
        if name == "ranking":
            order, winning = winning_cells(answer)
            methods = session.method_ranks()
            job = session.job if session.job is not None and session.job.kind == "smaa" else None
            return {
                "job": job,
                "order": order,
                "winning": winning,
                "methods": list(methods.rankings),
                "method_rank": methods.rankings[session.method]["rank"],
            }
        if name == "allocation":
            stated = rule_bounds(session.loaded.raw)
            return {
                "bounds": [(key, session.settings.bounds.get(key, v)) for key, v in stated.items()]
            }
        if name == "frontier":
            job = (
                session.job if session.job is not None and session.job.kind == "frontier" else None
            )
            chart = None if session.frontier is None else frontier_path(session.frontier)
            return {"job": job, "chart": chart}
        if name == "scenarios":
            return {"scenarios": session.scenarios(), "compared": session.compared}
        return {}

    # -- requests ----------------------------------------------------------------------------

    def route(self, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        """Wrap a handler: find or make the session, catch bad input, set the cookie."""

        async def endpoint(request: Request) -> Response:
            # Every change comes from the page's own htmx requests, which carry this header;
            # a form another web site posts here cannot set it (no CORS is allowed).
            if request.method == "POST" and request.headers.get("HX-Request") != "true":
                return Response("changes come from the workspace page", status_code=403)
            session_id, session = self.sessions.get(request.cookies.get(COOKIE))
            try:
                response = await handler(request, session)
            except (InputError, MCDAError) as exc:
                session.error = error_line(exc, session.lang)
                response = HTMLResponse(self.render("message.html", session, oob=False))
                response.headers["HX-Retarget"] = "#message"
                response.headers["HX-Reswap"] = "outerHTML"
            else:
                session.error = None
            response.set_cookie(COOKIE, session_id, httponly=True, samesite="strict")
            return response

        return endpoint

    async def page(self, request: Request, session: Session) -> Response:
        """The whole page, opening on the case view."""
        view = request.query_params.get("view", "case")
        name = view if view in VIEWS else "case"
        body = self.view(session, name, oob=False)
        return HTMLResponse(self.render("page.html", session, view=name, body=body))

    async def show(self, request: Request, session: Session) -> Response:
        """One view, for the navigation."""
        name = request.path_params["name"]
        if name not in VIEWS:
            return Response(status_code=404)
        return HTMLResponse(self.view(session, name))

    async def budget(self, request: Request, session: Session) -> Response:
        """Move the budget."""
        form = await request.form()
        session.set_budget(form_number(form.get("budget"), "budget", 0.0))
        return HTMLResponse(self.view(session, "allocation"))

    async def priority(self, request: Request, session: Session) -> Response:
        """Choose the priority rule (and the blend's weight on merit)."""
        form = await request.form()
        rule = check_priority_rule(str(form.get("priority_rule")), FORM, "priority_rule")
        blend = form_number(form.get("blend", session.settings.blend), "blend", 0.0, 1.0)
        session.set_priority(rule, blend)
        return HTMLResponse(self.view(session, str(form.get("view", "allocation"))))

    async def method(self, request: Request, session: Session) -> Response:
        """Choose the ranking method shown beside the tiers."""
        form = await request.form()
        session.choose_method(str(form.get("method")))
        return HTMLResponse(self.view(session, "ranking"))

    async def rule(self, request: Request, session: Session) -> Response:
        """Switch a rule on or off."""
        form = await request.form()
        name = str(form.get("rule"))
        if name not in RULE_NAMES or name == "budget":
            raise InputError(FORM, msg("workspace.error_unknown_rule", rule=name), field="rule")
        session.toggle_rule(name, form.get("on") == "on")
        return HTMLResponse(self.view(session, "allocation"))

    async def bound(self, request: Request, session: Session) -> Response:
        """Edit one number of a rule (checked by the case's own validation)."""
        form = await request.form()
        key = (str(form.get("rule")), str(form.get("key")))
        session.set_bound(key, form_number(form.get("value"), f"{key[0]}.{key[1]}"))
        return HTMLResponse(self.view(session, "allocation"))

    async def judgment(self, request: Request, session: Session) -> Response:
        """Edit one pairwise judgment."""
        form = await request.form()
        key = tuple(str(form.get(k)) for k in ("node", "expert", "row", "col"))
        node, expert, row, col = key
        matrices = session.loaded.case.judgments
        if node not in matrices or expert not in matrices[node]:
            raise InputError(FORM, msg("workspace.error_unknown_node"), field="node")
        if row not in matrices[node][expert].index or col not in matrices[node][expert].index:
            raise InputError(FORM, msg("workspace.error_unknown_criterion"), field="row")
        value = form_number(form.get("value"), f"{node} {row}/{col}", 1 / 9, 9.0, positive=True)
        session.set_judgment((node, expert, row, col), value)
        return HTMLResponse(self.view(session, "weights"))

    async def reset(self, request: Request, session: Session) -> Response:
        """Back to the case's own settings."""
        form = await request.form()
        session.reset()
        view = str(form.get("view", "case"))
        return HTMLResponse(self.view(session, view if view in VIEWS else "case"))

    async def language(self, request: Request, session: Session) -> Response:
        """Switch the page's language (the page reloads)."""
        form = await request.form()
        lang = str(form.get("lang"))
        if not is_lang(lang):
            raise InputError(
                FORM,
                msg("errors.option.lang", lang=lang, some=LANGS[0], last=LANGS[-1]),
                field="lang",
            )
        session.lang = lang
        return Response(headers={"HX-Refresh": "true"})

    async def upload(self, request: Request, session: Session) -> Response:
        """Open an uploaded case workbook, checked as the CLI checks it."""
        async with request.form() as form:
            upload = form.get("workbook")
            if not isinstance(upload, UploadFile) or not upload.filename:
                raise InputError(FORM, msg("workspace.error_choose_workbook"), field="workbook")
            # Refused before it is read into memory; the workbook reader checks it again.
            size = upload.size or 0
            check_limit("workbook_bytes", size, "bytes", upload_label(upload.filename))
            content = await upload.read()
            loaded = load_upload(upload.filename, content)
        session.open(loaded)
        return Response(headers={"HX-Refresh": "true"})

    async def marginals(self, request: Request, session: Session) -> Response:
        """Marginal values of the budget and the binding rules (several re-solves)."""
        table = session.marginal_values()
        return HTMLResponse(self.render("marginals.html", session, table=table))

    async def job_start(self, request: Request, session: Session) -> Response:
        """Start long work in the background: the frontier, or SMAA-2 with more samples."""
        kind = request.path_params["kind"]
        if kind == "frontier":
            session.start_job(frontier_job(session.answer.case))
        elif kind == "smaa":
            form = await request.form()
            samples = form_number(form.get("samples"), "samples", 1, whole=True)
            session.start_job(smaa_job(session.answer, int(samples)))
        else:
            return Response(status_code=404)
        return HTMLResponse(self.view(session, JOB_VIEWS[kind]))

    async def job_cancel(self, request: Request, session: Session) -> Response:
        """Cancel the background work (the view it belongs to comes back without it)."""
        kind = session.cancel_job()
        return HTMLResponse(self.view(session, JOB_VIEWS[kind] if kind else "case"))

    async def job_poll(self, request: Request, session: Session) -> Response:
        """Progress of the background work; its view with the result once done."""
        job = session.job
        session.collect_job()
        return HTMLResponse(self.view(session, JOB_VIEWS[job.kind] if job else "case"))

    async def save(self, request: Request, session: Session) -> Response:
        """Save the settings as a named scenario."""
        form = await request.form()
        session.save_scenario(str(form.get("name", "")), str(form.get("description", "")))
        return HTMLResponse(self.view(session, "scenarios", saved=True))

    async def compare(self, request: Request, session: Session) -> Response:
        """Solve the saved scenarios side by side with the case."""
        session.compare()
        return HTMLResponse(self.view(session, "scenarios"))

    async def download(self, request: Request, session: Session) -> Response:
        """One export of the current settings."""
        name = request.path_params["name"]
        if name not in EXPORTS:
            return Response(status_code=404)
        content, media = export(session, name)
        filename = f"{session.loaded.case.name}-{name}"
        return Response(
            content,
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="{_ascii(filename)}"'},
        )


def _ascii(name: str) -> str:
    """A file name safe in a header: ASCII letters, digits and ``.-_`` only."""
    return "".join(c if c.isascii() and (c.isalnum() or c in ".-_") else "_" for c in name)


def create_app(
    start: Loaded,
    lang: Lang = "en",
    smaa: UncertaintySettings | None = None,
    hosts: Sequence[str] | None = None,
) -> Starlette:
    """The workspace application, every session opening on `start`.

    Parameters
    ----------
    start : Loaded
        The case a new session opens (:func:`optimize.workspace.session.load`).
    lang : Lang
        Language of a new session.
    smaa : UncertaintySettings, optional
        SMAA-2 settings of the live ranking view (the library's defaults when None).
    hosts : sequence of str, optional
        The only ``Host`` headers answered (a page of another site that a DNS trick points
        at this computer names its own host); every host when None.
    """
    app = Workspace(Sessions(start, lang, smaa))
    static = resources.files("optimize.workspace").joinpath("static")
    routes = [
        Route("/", app.route(app.page)),
        Route("/view/{name}", app.route(app.show)),
        Route("/budget", app.route(app.budget), methods=["POST"]),
        Route("/priority", app.route(app.priority), methods=["POST"]),
        Route("/rule", app.route(app.rule), methods=["POST"]),
        Route("/method", app.route(app.method), methods=["POST"]),
        Route("/bound", app.route(app.bound), methods=["POST"]),
        Route("/judgment", app.route(app.judgment), methods=["POST"]),
        Route("/reset", app.route(app.reset), methods=["POST"]),
        Route("/lang", app.route(app.language), methods=["POST"]),
        Route("/upload", app.route(app.upload), methods=["POST"]),
        Route("/marginals", app.route(app.marginals)),
        Route("/job/start/{kind}", app.route(app.job_start), methods=["POST"]),
        Route("/job/cancel", app.route(app.job_cancel), methods=["POST"]),
        Route("/job/poll", app.route(app.job_poll)),
        Route("/scenarios/save", app.route(app.save), methods=["POST"]),
        Route("/scenarios/compare", app.route(app.compare), methods=["POST"]),
        Route("/export/{name}", app.route(app.download)),
        Mount("/static", StaticFiles(directory=str(static)), name="static"),
    ]
    guard = [] if hosts is None else [Middleware(TrustedHostMiddleware, allowed_hosts=hosts)]
    workspace = Starlette(routes=routes, middleware=guard)
    workspace.state.sessions = app.sessions
    return workspace
