"""The core app (profiles, route-finder) works in a project without the channel: no
django-otp, no PyNaCl, no ``wagtail_vertrouwen.channel`` (DESIGN.md, "Layers")."""

import subprocess
import sys
from pathlib import Path

RUN = Path(__file__).parent / "core_only" / "run.py"


def test_a_project_with_only_the_core_app_checks_and_serves_profiles_and_route_finder():
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, str(RUN)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "check: ok" in result.stdout
    assert "GET /: 200, shows 'Veilig Thuis'" in result.stdout
    assert "GET /vertrouwenspersonen/noor-jansen/: 200" in result.stdout
    assert "channel and its dependencies never imported: ok" in result.stdout
