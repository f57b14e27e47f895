"""Schemathesis against the OpenAPI description: generated requests never get a 500, and every
response matches the schema the API publishes (status codes, content type, body shape).

Each operation is driven through schemathesis' Hypothesis strategy directly (its pytest
plugin does not load under this pytest), one test per operation.
"""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import checks as st_checks
from schemathesis.specs.openapi import checks as openapi_checks

from newsgraph.serve.app import create_app

CHECKS = [st_checks.not_a_server_error, openapi_checks.status_code_conformance,
          openapi_checks.content_type_conformance, openapi_checks.response_schema_conformance]


def _operations(db) -> dict:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(str(db)))
    return {op.label: op for op in (result.ok() for result in schema.get_all_operations())}


@pytest.fixture(scope="session")
def operations(seed_db):
    return _operations(seed_db)


LABELS = ["GET /api/health", "GET /api/summary", "GET /api/documents", "GET /api/documents/{document_id}",
          "DELETE /api/documents/{document_id}", "GET /api/people", "GET /api/people/{person_id}", "GET /api/quotes",
          "GET /api/events", "GET /api/actors", "GET /api/network", "GET /api/relations", "GET /api/stories",
          "GET /api/stories/{story_id}", "GET /api/copies", "GET /api/statements", "GET /api/search"]


def test_every_operation_is_covered(operations):
    assert sorted(operations) == sorted(LABELS)


@pytest.mark.parametrize("label", LABELS)
def test_operation_keeps_its_promises(operations, label):
    @given(operations[label].as_strategy())
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
              database=None)
    def check(case):
        case.call_and_validate(checks=CHECKS)

    check()
