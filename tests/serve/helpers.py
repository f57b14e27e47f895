"""Small helpers the workspace tests share."""
from __future__ import annotations


def items(response) -> list[dict]:
    """The items of a list response, after checking it succeeded."""
    assert response.status_code == 200, response.text
    return response.json()["items"]


def raw_text(client, document_id: str) -> str:
    response = client.get(f"/api/documents/{document_id}")
    assert response.status_code == 200, response.text
    return response.json()["text"]
