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
Also the profile index and one profile page, each against a plain rich-text listing of the same
people. ``--no-render-cache`` switches the package's render cache (wagtail_vertrouwen/cache.py)
off, to see the cost of a cache miss.
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
    index = demo["indexes"]["regenboog"]
    people = index.specific.listing_context(_request(index))["role_groups"]
    listing = RoutewijzerPage(
        title="Plain listing", slug="plain-listing", body=[("text", plain_listing(people))]
    )
    home.add_child(instance=listing)
    listing.save_revision().publish()
    profile = next(p for group in people for p in group["profiles"] if p.photo_id)
    return plain, package, index, listing, profile


def _request(page):
    from django.test import RequestFactory

    site = page.get_site()
    return RequestFactory().get(page.url, HTTP_HOST=site.hostname, SERVER_PORT=site.port)


def plain_listing(role_groups):
    """The profile index as the rich text an editor would type: the same people per role, with
    phone and languages (without photos: rich text has no portrait grid)."""
    from django.utils.html import escape

    parts = []
    for group in role_groups:
        parts.append(f"<h2>{escape(group['label'])}</h2><ul>")
        for profile in group["profiles"]:
            languages = ", ".join(str(label) for label in profile.language_labels)
            name, phone = escape(profile.title), escape(profile.phone)
            parts.append(f"<li><b>{name}</b> {phone} {escape(languages)}</li>")
        parts.append("</ul>")
    return "".join(parts)


def measure_page(client, url, rounds, **extra):
    figures, response = measure(lambda: client.get(url, **extra), rounds)
    assert response.status_code == 200, (url, response.status_code)
    return {**figures, "bytes": len(response.content)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument(
        "--no-render-cache",
        action="store_true",
        help="switch off the package's render cache (WAGTAIL_VERTROUWEN_RENDER_CACHE)",
    )
    args = parser.parse_args()
    plain, package, index, listing, profile = setup()
    if args.no_render_cache:
        from django.conf import settings

        settings.WAGTAIL_VERTROUWEN_RENDER_CACHE = False
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
        ("Profile index", index.url, listing.url, {}),
        ("Profile page", profile.url, listing.url, {}),
    ]
    print(
        f"{args.rounds} rounds per case, after 5 warm-up requests; "
        f"Python {sys.version.split()[0]}; render cache {'off' if args.no_render_cache else 'on'}"
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
