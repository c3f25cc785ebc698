"""Side-by-side benchmark: the route-finder against plain Wagtail doing the same job.

"The same job" is a school homepage that shows whom to turn to for each of the six
probleemgebieden and each audience. With this package that is one route-finder block (which
also looks up the school's people); in plain Wagtail an editor would type the same routes as
rich text. Both pages are served by the same project, database and settings, through Django's
test client, and reported as ratios (package / plain).

    make bench            # or: .venv/bin/python bench/run.py [--rounds 200]

Measured: wall time per request (median and 90th percentile over the rounds, after warm-up),
database queries per request, peak Python memory allocated while serving one request
(tracemalloc), and response size; for the HTML page and for the page's JSON in the API.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "example_site.settings.test"
_tmp = tempfile.mkdtemp(prefix="vertrouwen-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{_tmp}/bench.sqlite3"

from bench.measure import measure  # noqa: E402


def plain_rich_text(value):
    """The route-finder's default content as the rich text an editor would type instead."""
    from django.utils.html import escape

    from wagtail_vertrouwen.choices import Audience, RouteRol

    parts = [f"<h2>{escape(value['heading'])}</h2><p>{escape(value['intro'])}</p>"]
    for child in value["areas"]:
        area = child.value
        parts.append(f"<h3>{escape(area['title'])}</h3><p>{escape(area['explanation'])}</p>")
        for audience in Audience:
            parts.append(f"<h4>{escape(audience.label)}</h4><ol>")
            for step in area[audience.value]:
                who = RouteRol(step["role"]).label if step["role"] else ""
                parts.append(f"<li><b>{escape(who)}</b>: {escape(step['action'])}</li>")
            parts.append("</ol>")
    return "".join(parts)


def setup():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from example_site.demo import build_demo
    from wagtail_vertrouwen.blocks import RoutewijzerBlock
    from wagtail_vertrouwen.models import RoutewijzerPage

    demo = build_demo(port=80)
    home = demo["homes"]["regenboog"]
    plain = RoutewijzerPage(
        title="Plain Wagtail",
        slug="plain",
        body=[("text", plain_rich_text(RoutewijzerBlock().get_default()))],
    )
    home.add_child(instance=plain)
    plain.save_revision().publish()
    package = RoutewijzerPage(
        title="Route-finder",
        slug="routewijzer",
        body=[("routewijzer", RoutewijzerBlock().get_default())],
    )
    home.add_child(instance=package)
    package.save_revision().publish()
    return plain, package


def measure_page(client, url, rounds, **extra):
    figures, response = measure(lambda: client.get(url, **extra), rounds)
    assert response.status_code == 200, (url, response.status_code)
    return {**figures, "bytes": len(response.content)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()
    plain, package = setup()
    from django.test import Client

    client = Client()
    cases = [
        ("HTML page, no choice made", package.url, plain.url, {}),
        (
            "HTML page, route chosen",
            package.url + "?wie=ouder&gebied=ongewenst_gedrag",
            plain.url,
            {},
        ),
        (
            "API page detail (JSON)",
            f"/api/v2/pages/{package.pk}/",
            f"/api/v2/pages/{plain.pk}/",
            {},
        ),
    ]
    print(
        f"{args.rounds} rounds per case, after 5 warm-up requests; Python {sys.version.split()[0]}"
    )
    header = f"{'case':<28} {'metric':<10} {'package':>10} {'plain':>10} {'ratio':>7}"
    print(header)
    print("-" * len(header))
    for name, package_url, plain_url, extra in cases:
        ours = measure_page(client, package_url, args.rounds, **extra)
        theirs = measure_page(client, plain_url, args.rounds, **extra)
        for metric in ("median_ms", "p90_ms", "queries", "peak_kib", "bytes"):
            ratio = ours[metric] / theirs[metric] if theirs[metric] else float("nan")
            print(
                f"{name:<28} {metric:<10} {ours[metric]:>10.1f} {theirs[metric]:>10.1f} "
                f"{ratio:>6.2f}x"
            )
            name = ""


if __name__ == "__main__":
    main()
