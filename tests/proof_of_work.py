"""Solving the channel's proof of work as a client program does (no Django needed)."""

import base64
import json

import altcha


def solve(challenge: dict) -> str:
    """The payload a browser sends for ``challenge`` (the JSON the page or API hands out)."""
    solution = altcha.solve_challenge_v1(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxnumber"]
    )
    assert solution is not None
    payload = {
        "algorithm": challenge["algorithm"],
        "challenge": challenge["challenge"],
        "number": solution.number,
        "salt": challenge["salt"],
        "signature": challenge["signature"],
    }
    return base64.b64encode(json.dumps(payload).encode()).decode()
