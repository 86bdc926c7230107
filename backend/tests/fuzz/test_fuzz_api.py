"""A bounded fuzz run over every operation of the OpenAPI, against the real backend over a real socket.

Schemathesis makes the cases from the schema (valid and invalid ones); each goes to a backend served on a
Unix socket with the bearer secret, over a small demo school so ids hit real rows. No answer may be a 500.
`ODSM_FUZZ_EXAMPLES` sets the cases per operation: `make test-fuzz` keeps it short, `make soak-fuzz` long.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import SecretStr
from schemathesis.openapi.checks import JsonSchemaError

from odsm.app import create_app, open_database
from odsm.contracts import openapi_document
from odsm.core.config import Settings
from odsm.core.logging import configure_logging
from odsm.core.migrations import migrate
from odsm.features.demo.builder import load_demo

from ..conftest import SECRET, _serve
from .tally import TALLY

EXAMPLES = int(os.environ.get("ODSM_FUZZ_EXAMPLES", "40"))
SCHEMA = schemathesis.openapi.from_dict(openapi_document())
# Left out: a backup writes a file into whatever folder it is given ("/", ".", a home folder), and a restore
# replaces the school with whatever file it is given. Their bounds and refusals are tested in tests/backups,
# against folders and files of the test's own.
WRITES_OUTSIDE_THE_DATA_DIR = {
    "POST /api/v1/system/backups",
    "POST /api/v1/system/restore",
    "POST /api/v1/system/exports",
}
# Likewise a spreadsheet import reads whatever file it is named (tests/imports has its own).
READS_FILES_BY_PATH = {"POST /api/v1/system/imports/students/preview", "POST /api/v1/system/imports/students"}
# And a move connects to whatever server it is named, and copies the school there (tests/moving has its own).
CONNECTS_TO_A_SERVER = {"POST /api/v1/system/move-to-server"}
OPERATIONS = {
    op.label: op
    for op in (result.ok() for result in SCHEMA.get_all_operations())
    if op.label not in WRITES_OUTSIDE_THE_DATA_DIR | READS_FILES_BY_PATH | CONNECTS_TO_A_SERVER
}


@pytest.fixture(scope="module")
def backend() -> Iterator[httpx.Client]:
    with tempfile.TemporaryDirectory(prefix="odsm-fuzz-") as tmp:
        config = Settings(data_dir=Path(tmp) / "data", api_secret=SecretStr(SECRET), log_level="warning")
        configure_logging(config.log_dir, config.log_level)
        db = open_database(config)
        migrate(config, db.engine)
        load_demo(db, students=10)
        uds = Path(tmp) / "backend.sock"
        server, thread = _serve(create_app(config, db), uds)
        client = httpx.Client(transport=httpx.HTTPTransport(uds=str(uds)), base_url="http://odsm", timeout=30)
        yield client
        client.close()
        server.should_exit = True
        thread.join(timeout=10)
        db.dispose()


def _send(client: httpx.Client, case: schemathesis.Case) -> httpx.Response:
    kwargs = case.as_transport_kwargs(base_url="http://odsm", headers={"Authorization": f"Bearer {SECRET}"})
    return client.request(
        kwargs["method"],
        kwargs["url"],
        headers=kwargs.get("headers"),
        params=kwargs.get("params"),
        json=kwargs.get("json"),
        content=kwargs.get("data"),
    )


def _conforms(case: schemathesis.Case, response: httpx.Response) -> bool:
    try:
        case.validate_response(response, checks=[schemathesis.checks.response_schema_conformance])
    except (JsonSchemaError, AssertionError, schemathesis.errors.SchemathesisError):
        return False
    except Exception as failure:  # schemathesis groups its check failures
        return "FailureGroup" not in type(failure).__name__
    return True


def _cases(operation: schemathesis.APIOperation) -> st.SearchStrategy[schemathesis.Case]:
    """Valid cases find crashes behind the schema; invalid ones check that the schema's refusals are clean."""
    modes = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
    return st.one_of(*(operation.as_strategy(generation_mode=mode) for mode in modes))


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_no_operation_answers_500(label: str, backend: httpx.Client) -> None:
    operation = OPERATIONS[label]
    crashes: list[str] = []

    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(case=_cases(operation))
    def run(case: schemathesis.Case) -> None:
        response = _send(backend, case)
        TALLY.cases += 1
        TALLY.statuses.append(response.status_code)
        if response.status_code >= 500:
            crashes.append(f"{response.status_code} {case.as_curl_command()} -> {response.text[:300]}")
        elif not _conforms(case, response):
            TALLY.mismatches.append(f"{label}: {response.status_code} {response.text[:200]}")

    TALLY.operations.add(label)
    run()
    TALLY.crashes.extend(crashes)
    assert not crashes, f"{len(crashes)} answers of 500 for {label}; first: {crashes[0]}"
