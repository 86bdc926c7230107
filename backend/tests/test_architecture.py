"""The backend's shape, read from the source (AST only: no server, no database, well under a second).

1. No query outside a repository. Outside modules named `repository.py` or `*_repository.py` and outside
   `migrations/`, no code in `backend/odsm`:
   - uses SQLAlchemy's statement builders (`select`, `insert`, `update`, `delete`, `text`, `union`,
     `union_all`, `exists`, `func`), however imported (`from sqlalchemy import select as s`,
     `import sqlalchemy as sa; sa.select`, `sqlalchemy.sql.expression`);
   - asks a session or connection for rows on its own terms: `.get(Model, key)` and `.query(Model)`
     always, `.execute/.scalar/.scalars` when handed raw SQL (a string).
   What it allows, on purpose: a service running a statement that a repository built
   (`s.scalars(repo.active())`), since the repository wrote the query and the service decides when to
   run it; the driver-level connection set-up in `core/engine.py` (PRAGMA, BEGIN on a DBAPI cursor),
   which configures the connection and reads no rows; `.get` on anything that is not a session (dicts).
   A session is a name called `s`, `session`, `conn` or `connection`, a parameter annotated `Session`
   or `Connection`, or the parameter of a lambda handed to `db.read` / `db.write`.
2. No feature's non-repository module imports from `odsm.models` a model that another feature owns
   (imports under `if TYPE_CHECKING:` are allowed: they are types, not queries).

Each violation prints as `path:line: what`. `python backend/tests/test_architecture.py` lists them all.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

BACKEND = Path(__file__).resolve().parents[1]
PACKAGE = BACKEND / "odsm"
ROOT = BACKEND.parent

BUILDERS = {"select", "insert", "update", "delete", "text", "union", "union_all", "exists", "func"}
SESSION_NAMES = {"s", "session", "conn", "connection"}
SESSION_TYPES = ("Session", "Connection")
ALWAYS_A_QUERY = {"get", "query"}
RAW_SQL_RUNNERS = {"execute", "scalar", "scalars"}

OWNERS = {
    "students": {"Student", "LicenceStep", "LicenceClass", "LICENCE_ORDER"},
    "instructors": {"Instructor", "InstructorAvailability", "InstructorTimeOff"},
    "vehicles": {"Vehicle", "OdometerReading"},
    "courses": {"Course", "CourseKind"},
    "enrollments": {
        "Enrollment",
        "HoursEntry",
        "TOTAL_COLUMNS",
        "EnrollmentStatus",
        "EnrollmentResult",
        "HoursCategory",
        "HoursSource",
    },
    "classroom": {"ClassroomSession", "Attendance", "RosterEntry"},
    "lessons": {"Lesson", "LessonStatus"},
    "school": {"SchoolSettings"},
    "audit": {"AuditEntry"},
    "reminders": {"ReminderSettings", "ReminderConsent", "ReminderTemplate", "OutboxMessage", "OutboxStatus"},
    "road_tests": {
        "RoadTest",
        "RoadTestCharge",
        "RoadTestSettings",
        "RoadTestStatus",
        "DriveTestCentre",
        "ROAD_TEST_HOLDS_TIME",
    },
}
OWNER_OF = {model: feature for feature, models in OWNERS.items() for model in models}


def is_repository(path: Path) -> bool:
    return path.name == "repository.py" or path.name.endswith("_repository.py")


def is_migration(path: Path) -> bool:
    return (PACKAGE / "migrations") in path.parents


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"


@dataclass
class QueryFinder(ast.NodeVisitor):
    """Walks one module; `found` collects `path:line: what` for each query built outside a repository."""

    path: Path
    found: list[str] = field(default_factory=list)
    builder_names: dict[str, str] = field(default_factory=dict)  # local name -> builder
    sqlalchemy_modules: set[str] = field(default_factory=set)  # local names bound to sqlalchemy modules
    sessions: list[set[str]] = field(default_factory=lambda: [set(SESSION_NAMES)])

    def report(self, node: ast.AST, what: str) -> None:
        self.found.append(f"{where(self.path, node)}: {what}")

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name == "sqlalchemy" or alias.name.startswith("sqlalchemy."):
                self.sqlalchemy_modules.add(alias.asname or alias.name.split(".")[0])

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module and (node.module == "sqlalchemy" or node.module.startswith("sqlalchemy.")):
            for alias in node.names:
                if alias.name in BUILDERS:
                    self.builder_names[alias.asname or alias.name] = alias.name

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load) and node.id in self.builder_names:
            self.report(node, f"sqlalchemy {self.builder_names[node.id]} builds a query outside a repository")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in BUILDERS and _root_name(node.value) in self.sqlalchemy_modules:
            self.report(node, f"sqlalchemy {node.attr} builds a query outside a repository")
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        typed = {a.arg for a in _arguments(node.args) if a.annotation is not None and _is_session_type(a.annotation)}
        self._within(node, typed)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Call(self, node: ast.Call) -> None:
        # db.read(lambda s: ...) / db.write(lambda s: ...): the lambda's parameter is the session.
        if isinstance(node.func, ast.Attribute) and node.func.attr in {"read", "write"}:
            for arg in node.args:
                if isinstance(arg, ast.Lambda):
                    self._within(arg, {a.arg for a in _arguments(arg.args)})
                else:
                    self.visit(arg)
            for keyword in node.keywords:
                self.visit(keyword)
            self.visit(node.func)
            self._check_session_call(node)
            return
        self._check_session_call(node)
        self.generic_visit(node)

    def _within(self, node: ast.AST, sessions: set[str]) -> None:
        self.sessions.append(self.sessions[-1] | sessions)
        for child in ast.iter_child_nodes(node):
            self.visit(child)
        self.sessions.pop()

    def _check_session_call(self, node: ast.Call) -> None:
        func = node.func
        if not isinstance(func, ast.Attribute) or not _is_session(func.value, self.sessions[-1]):
            return
        if func.attr in ALWAYS_A_QUERY:
            self.report(node, f"session.{func.attr}() queries outside a repository")
        elif func.attr in RAW_SQL_RUNNERS and node.args and _is_string(node.args[0]):
            self.report(node, f"session.{func.attr}() runs raw SQL outside a repository")


def _arguments(args: ast.arguments) -> list[ast.arg]:
    return [*args.posonlyargs, *args.args, *args.kwonlyargs]


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _is_session_type(annotation: ast.expr) -> bool:
    text = ast.unparse(annotation).strip("'\"")
    return text.split(".")[-1].split("[")[0] in SESSION_TYPES


def _is_session(node: ast.expr, sessions: set[str]) -> bool:
    return isinstance(node, ast.Name) and node.id in sessions


def _is_string(node: ast.expr) -> bool:
    return (isinstance(node, ast.Constant) and isinstance(node.value, str)) or isinstance(node, ast.JoinedStr)


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in {"TYPE_CHECKING", "typing.TYPE_CHECKING"}:
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def foreign_models(path: Path, tree: ast.Module, feature: str) -> Iterator[str]:
    """Imports (outside `if TYPE_CHECKING:`) of models that another feature, or core, owns."""
    types_only = _type_checking_lines(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.lineno in types_only or node.module is None:
            continue
        if node.module != "odsm.models" and not node.module.startswith("odsm.models."):
            continue
        for alias in node.names:
            owner = OWNER_OF.get(alias.name, "core")
            if owner != feature:
                yield f"{where(path, node)}: imports {alias.name}, a model of {owner}, outside a repository"


def modules_of(area: Path) -> list[Path]:
    files = [area] if area.is_file() else sorted(area.rglob("*.py"))
    return [p for p in files if not is_repository(p) and not is_migration(p)]


def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def queries_in(area: Path) -> list[str]:
    found: list[str] = []
    for path in modules_of(area):
        finder = QueryFinder(path)
        finder.visit(parse(path))
        found += finder.found
    return found


def foreign_models_in(feature_dir: Path) -> list[str]:
    return [v for path in modules_of(feature_dir) for v in foreign_models(path, parse(path), feature_dir.name)]


FEATURES = sorted(p for p in (PACKAGE / "features").iterdir() if (p / "__init__.py").exists())
NOT_FEATURES = sorted(
    p for p in PACKAGE.iterdir() if p.name not in {"features", "migrations", "__pycache__"} and p.suffix in {"", ".py"}
)


def _area_id(path: Path) -> str:
    return str(path.relative_to(PACKAGE))


@pytest.mark.parametrize("area", [*NOT_FEATURES, *FEATURES], ids=_area_id)
def test_no_query_is_built_outside_a_repository(area: Path) -> None:
    found = queries_in(area)
    assert not found, "\n" + "\n".join(found)


@pytest.mark.parametrize("feature", FEATURES, ids=_area_id)
def test_a_feature_imports_no_other_features_models(feature: Path) -> None:
    found = foreign_models_in(feature)
    assert not found, "\n" + "\n".join(found)


# --- the checks themselves can fail -------------------------------------------------------------


def _findings(source: str, name: str = "service.py") -> list[str]:
    path = PACKAGE / "features" / "students" / name
    finder = QueryFinder(path)
    finder.visit(ast.parse(source))
    return [line.split(": ", 1)[1] for line in finder.found]


def test_the_query_check_catches_builders_raw_sql_and_session_lookups() -> None:
    source = (
        "import sqlalchemy as sa\n"
        "from sqlalchemy import func, select as pick\n"
        "from sqlalchemy.orm import Session\n"
        "def load(s: Session, db, student_id):\n"
        "    s.scalars(pick(Student)).all()\n"
        "    s.scalar(sa.select(func.count()))\n"
        "    s.execute('DELETE FROM students')\n"
        "    db.read(lambda x: x.get(Student, student_id))\n"
    )
    assert _findings(source) == [
        "sqlalchemy select builds a query outside a repository",
        "sqlalchemy select builds a query outside a repository",
        "sqlalchemy func builds a query outside a repository",
        "session.execute() runs raw SQL outside a repository",
        "session.get() queries outside a repository",
    ]


def test_the_query_check_allows_running_a_repository_statement_and_dict_lookups() -> None:
    source = (
        "from . import repository as repo\n"
        "def page(s, headers, q):\n"
        "    rows = s.scalars(repo.search(q)).all()\n"
        "    return headers.get('x'), rows\n"
    )
    assert _findings(source) == []


def test_the_model_check_allows_own_models_and_type_only_imports() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from odsm.models import Lesson, Student\n"
        "if TYPE_CHECKING:\n"
        "    from odsm.models import Vehicle\n"
    )
    path = PACKAGE / "features" / "lessons" / "service.py"
    found = list(foreign_models(path, ast.parse(source), "lessons"))
    assert found == [
        "backend/odsm/features/lessons/service.py:2: imports Student, a model of students, outside a repository"
    ]


if __name__ == "__main__":
    everything = [v for area in [*NOT_FEATURES, *FEATURES] for v in queries_in(area)]
    everything += [v for feature in FEATURES for v in foreign_models_in(feature)]
    print("\n".join(everything) or "no violations")
    sys.exit(1 if everything else 0)
