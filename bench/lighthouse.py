"""Lighthouse (mobile) on the pages that solve a proof of work: the melding form and the
melder's mailbox login.

Lighthouse is a Node program and not a dependency of this package: install it once into a
throwaway folder (not into the checkout), serve the example site on a free port (never 8000
while ``make demo`` may use it), then run this script::

    mkdir -p /tmp/lh && (cd /tmp/lh && npm install lighthouse@12)
    export DJANGO_SETTINGS_MODULE=example_site.settings.demo EXAMPLE_SITE_VAR_DIR=/tmp/lhvar
    .venv/bin/python example_site/manage.py migrate --noinput
    .venv/bin/python example_site/manage.py load_demo --port 8011
    .venv/bin/python example_site/manage.py runserver 127.0.0.1:8011 &
    .venv/bin/python bench/lighthouse.py --base http://127.0.0.1:8011 --lighthouse /tmp/lh \\
        --runs 3

``load_demo`` prints the mailbox address (``/vertrouwen/postvak/<id>/``); the script finds it
by itself from the melding page's "go to your mailbox" link. Each page is measured ``--runs``
times with Lighthouse's default mobile emulation (simulated slow 4G and 4x CPU slowdown),
in Debian's Chromium, headless; the script prints the performance and accessibility scores,
total blocking time and the largest main-thread task of every run and the median of each.
The full JSON reports are kept in ``--out`` (default: a temporary folder).

Run it on a quiet machine: Lighthouse's total blocking time is measured, not simulated, and
other load on the CPU shows up in it.
"""

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

PAGES = {"melding form": "/melding-maken/"}


def mailbox_path(base: str) -> str | None:
    """The mailbox login of the demo's melding form, from the link on the form page."""
    if not base.startswith(("http://", "https://")):
        raise SystemExit("--base must be an http(s) URL")
    with urllib.request.urlopen(base + PAGES["melding form"]) as response:  # noqa: S310 (checked)
        html = response.read().decode()
    found = re.search(r'href="(/[^"]*/postvak/\d+/)"', html)
    return found.group(1) if found else None


def run_lighthouse(url: str, folder: Path, chrome: str, out: Path) -> dict:
    command = [
        str(folder / "node_modules" / ".bin" / "lighthouse"),
        url,
        f"--chrome-path={chrome}",
        "--form-factor=mobile",
        "--only-categories=performance,accessibility",
        "--chrome-flags=--headless=new --no-sandbox",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
    ]
    subprocess.run(command, check=True)  # noqa: S603 (the Lighthouse the user installed)
    report = json.loads(out.read_text())
    audits = report["audits"]
    tasks = audits.get("long-tasks", {}).get("details", {}).get("items", [])
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "longest_task_ms": round(max((t["duration"] for t in tasks), default=0)),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8011")
    parser.add_argument(
        "--lighthouse",
        default="/tmp/lh",  # noqa: S108 (a throwaway install, as documented)
        type=Path,
        help="folder where `npm install lighthouse@12` was run",
    )
    parser.add_argument("--chrome", default="/usr/bin/chromium")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    base = args.base.rstrip("/")
    out = args.out or Path(tempfile.mkdtemp(prefix="lighthouse-"))
    out.mkdir(parents=True, exist_ok=True)

    pages = dict(PAGES)
    mailbox = mailbox_path(base)
    if mailbox:
        pages["mailbox login"] = mailbox
    else:
        print("no mailbox link on the melding page: measuring the form only", file=sys.stderr)

    print(f"{'page':15} {'run':>3} {'perf':>5} {'a11y':>5} {'TBT ms':>7} {'longest task':>13}")
    for name, path in pages.items():
        results = []
        for run in range(1, args.runs + 1):
            report = out / f"{name.replace(' ', '-')}-{run}.json"
            result = run_lighthouse(base + path, args.lighthouse, args.chrome, report)
            results.append(result)
            print(
                f"{name:15} {run:>3} {result['performance']:>5} {result['accessibility']:>5}"
                f" {result['tbt_ms']:>7} {result['longest_task_ms']:>13}"
            )
        median = {key: statistics.median(r[key] for r in results) for key in results[0]}
        print(
            f"{name:15} {'med':>3} {median['performance']:>5g} {median['accessibility']:>5g}"
            f" {median['tbt_ms']:>7g} {median['longest_task_ms']:>13g}"
        )
    print(f"reports: {out}")


if __name__ == "__main__":
    main()
