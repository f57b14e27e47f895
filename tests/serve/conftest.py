"""Fixtures for the workspace: API clients over the example corpus and over the seeds."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def client(example_db):
    from newsgraph.serve.app import create_app

    with TestClient(create_app(str(example_db))) as c:
        yield c


@pytest.fixture(scope="session")
def seed_client(seed_db):
    from newsgraph.serve.app import create_app

    with TestClient(create_app(str(seed_db))) as c:
        yield c

