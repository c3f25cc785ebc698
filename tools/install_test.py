"""The install test: the package as a web agency gets it, on a fresh ``wagtail start`` project.

    python tools/install_test.py [--python 3.13] [--keep] [--workdir DIR]
    make install-test PY=3.13

Uses only the standard library, so any Python 3 runs it; ``--python`` chooses the Python the
package is built and installed with (a version such as ``3.11`` or ``3.13``, looked up in pyenv
first and then on PATH, or a path to an interpreter). A Python that cannot be found is an error,
never a skip. Needs network access to PyPI.

What it does, each step timed:

1. copies the working tree (tracked and untracked files, not ignored ones) and builds the sdist
   and, from the sdist, the wheel with ``python -m build`` in a throw-away virtualenv; checks
   that the wheel holds the templates, static files, translations (.po and .mo), migrations and
   ``py.typed``, and neither tests nor the example site;
2. creates a fresh virtualenv, installs Wagtail 8 and ``<wheel>[channel]`` from PyPI;
3. runs ``wagtail start schoolsite`` and ``migrate`` (so the pages get the locale ``en``, as for
   anyone who migrates before reading further);
4. follows docs/installation.md: every code block preceded by an
   ``<!-- install-test: ACTION [PATH [TEXT]] -->`` comment is applied, in order, exactly as the
   reader sees it (ACTION: ``append``/``write``/``insert-before``/``replace`` a file, or ``run``
   the shell commands in the project), so the recipe cannot drift from what is tested;
5. requires ``manage.py check`` and, with the production settings of the recipe,
   ``manage.py check --deploy`` to report no issues at all;
6. creates a route-finder on the homepage, a Vertrouwenspersonen index with a profile and a
   melding form (production settings), runs the task worker once (``db_worker --batch``) and
   requires every task to succeed;
7. requests the homepage, the index, the profile, the melding form and the homepage in the
   API with Django's test client over HTTPS, each 200 with the expected content (the
   route-finder in the homepage).

The working directory is removed after a successful run unless ``--keep``; after a failure it
is kept and its path printed.
"""

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RECIPE = Path("docs/installation.md")
PROJECT = "schoolsite"
HOST = "www.school.example"
NO_ISSUES = "System check identified no issues"
BLOCK = re.compile(
    r"^<!-- install-test: (?P<spec>.+?) -->\n```[\w-]*\n(?P<code>.*?)^```$", re.M | re.S
)


class Failure(Exception):
    pass


class Timer:
    def __init__(self):
        self.steps = []

    def step(self, name):
        timer = self

        class Step:
            def __enter__(self):
                print(f"\n=== {name}", flush=True)
                self.start = time.monotonic()

            def __exit__(self, *exc):
                timer.steps.append((name, time.monotonic() - self.start))

        return Step()

    def report(self):
        print("\nTimings:")
        for name, seconds in self.steps:
            print(f"  {seconds:6.1f} s  {name}")
        print(f"  {sum(s for _n, s in self.steps):6.1f} s  in all")


def run(cmd, *, cwd=None, env=None, shell=False):
    """Run a command; its output is returned, and shown in full when it fails."""
    shown = cmd if isinstance(cmd, str) else " ".join(str(part) for part in cmd)
    print(f"$ {shown}", flush=True)
    if shell:
        cmd = ["bash", "-euo", "pipefail", "-c", cmd]
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    output = proc.stdout + proc.stderr
    if proc.returncode:
        raise Failure(f"`{shown}` exited with {proc.returncode}:\n{output}")
    return output


def find_python(version):
    """The interpreter for ``version`` (``3.13``) from pyenv or PATH, or a path as given."""
    if os.sep in version:
        candidates = [version]
    else:
        candidates = []
        pyenv = shutil.which("pyenv")
        if pyenv:
            installed = subprocess.run(
                [pyenv, "versions", "--bare"], capture_output=True, text=True, check=False
            ).stdout.split()
            matching = [v for v in installed if v == version or v.startswith(version + ".")]
            matching.sort(key=lambda v: [int(x) if x.isdigit() else 0 for x in v.split(".")])
            if matching:
                found = subprocess.run(
                    [pyenv, "which", f"python{version}"],
                    env={**os.environ, "PYENV_VERSION": matching[-1]},
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if found.returncode == 0:
                    candidates.append(found.stdout.strip())
        if shutil.which(f"python{version}"):
            candidates.append(shutil.which(f"python{version}"))
    for candidate in candidates:
        probe = subprocess.run(
            [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            check=False,
        )
        if probe.returncode == 0 and (os.sep in version or probe.stdout.strip() == version):
            return candidate
    raise Failure(
        f"No Python {version} found (tried pyenv and PATH: {candidates or 'nothing'}). "
        f"Install it, for example with `pyenv install {version}`."
    )


def copy_tree(target):
    """The working tree as git sees it (tracked and untracked, not ignored), into ``target``."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def check_distributions(dist):
    wheels = list(dist.glob("*.whl"))
    sdists = list(dist.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        raise Failure(f"expected one wheel and one sdist in {dist}: {os.listdir(dist)}")
    names = zipfile.ZipFile(wheels[0]).namelist()
    required = {
        "templates": r"^wagtail_vertrouwen/templates/wagtail_vertrouwen/blocks/routewijzer\.html$",
        "channel templates": r"^wagtail_vertrouwen/channel/templates/.+\.html$",
        "static": r"^wagtail_vertrouwen/static/wagtail_vertrouwen/js/routewijzer\.js$",
        "channel static": r"^wagtail_vertrouwen/channel/static/.+\.js$",
        ".mo": r"^wagtail_vertrouwen/locale/nl/LC_MESSAGES/django\.mo$",
        ".po": r"^wagtail_vertrouwen/locale/nl/LC_MESSAGES/django\.po$",
        "Arabic": r"^wagtail_vertrouwen/locale/ar/LC_MESSAGES/django\.mo$",
        "migrations": r"^wagtail_vertrouwen/migrations/0001_initial\.py$",
        "channel migrations": r"^wagtail_vertrouwen/channel/migrations/0001_initial\.py$",
        "management commands": r"^wagtail_vertrouwen/channel/management/commands/\w+\.py$",
        "py.typed": r"^wagtail_vertrouwen/py\.typed$",
        "licence": r"^wagtail_vertrouwen-[^/]+\.dist-info/licenses/LICENSE$",
    }
    missing = [what for what, pattern in required.items() if not _any(pattern, names)]
    unwanted = [n for n in names if re.match(r"^(tests|example_site|bench|tools|docs)/", n)]
    if missing or unwanted:
        raise Failure(f"wheel {wheels[0].name}: missing {missing}, unwanted {unwanted[:5]}")
    metadata = zipfile.ZipFile(wheels[0]).read(
        next(n for n in names if n.endswith(".dist-info/METADATA"))
    )
    for line in ("License-Expression: BSD-3-Clause", "Requires-Python: >=3.11"):
        if line not in metadata.decode():
            raise Failure(f"wheel metadata lacks {line!r}")
    extras = set(re.findall(r"^Provides-Extra: (\S+)$", metadata.decode(), re.M))
    if extras != {"channel", "s3", "redis"}:  # the test suite's tools: a dependency group
        raise Failure(f"wheel metadata offers the extras {sorted(extras)}, not channel, s3, redis")
    with tarfile.open(sdists[0]) as sdist:
        members = sdist.getnames()
    for name in ("LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml"):
        if not any(m.endswith("/" + name) and m.count("/") == 1 for m in members):
            raise Failure(f"sdist {sdists[0].name} lacks {name}")
    print(f"{wheels[0].name}: {len(names)} files; {sdists[0].name}: {len(members)} members")
    return wheels[0]


def _any(pattern, names):
    return any(re.match(pattern, name) for name in names)


def recipe_blocks(text):
    blocks = [(m["spec"].split(maxsplit=2), m["code"]) for m in BLOCK.finditer(text)]
    if len(blocks) != text.count("<!-- install-test:"):
        raise Failure(f"{RECIPE}: an install-test comment is not followed by a code block")
    if not blocks:
        raise Failure(f"{RECIPE} has no install-test code blocks")
    return blocks


def apply_block(spec, code, project, env):
    action, *rest = spec
    if action == "run":
        print(run(code, cwd=project, env=env, shell=True), end="")
        return
    path = project / rest[0]
    print(f"{action} {rest[0]}{' at ' + rest[1] if len(rest) > 1 else ''}")
    if action == "write":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(code)
        return
    original = path.read_text()
    if action == "append":
        path.write_text(original.rstrip("\n") + "\n\n\n" + code)
    elif action in ("insert-before", "replace"):
        anchor = rest[1]
        if anchor not in original:
            raise Failure(f"{rest[0]} has no {anchor!r} (did `wagtail start` change?)")
        if action == "replace":
            path.write_text(original.replace(anchor, code.rstrip("\n"), 1))
        else:
            path.write_text(original.replace(anchor, code + "\n" + anchor, 1))
    else:
        raise Failure(f"unknown install-test action {action!r}")


def manage(venv_python, project, env, *args, settings=None):
    if settings:
        env = {**env, "DJANGO_SETTINGS_MODULE": settings}
    return run([venv_python, "manage.py", *args], cwd=project, env=env)


def require_silence(output, what):
    print(output, end="")
    if NO_ISSUES not in output:
        raise Failure(f"{what} is not silent:\n{output}")


CONTENT = """
from wagtail.models import Locale
from home.models import HomePage
from wagtail_vertrouwen.channel.models import MeldingFormPage
from wagtail_vertrouwen.models import VertrouwenspersonenIndexPage, VertrouwenspersoonPage

home = HomePage.objects.get(depth=2)
assert home.locale.language_code == "nl", home.locale
routewijzer = HomePage._meta.get_field("body").stream_block.child_blocks["routewijzer"]
home.body = [("routewijzer", routewijzer.get_default())]  # prefilled, as in the admin
home.save_revision().publish()

index = VertrouwenspersonenIndexPage(title="Vertrouwenspersonen", slug="vertrouwenspersonen")
home.add_child(instance=index)
index.save_revision().publish()
person = VertrouwenspersoonPage(
    title="Anna de Vries",
    slug="anna-de-vries",
    roles=["interne_vertrouwenspersoon", "interne_contactpersoon"],
    email="anna@school.example",
)
index.add_child(instance=person)
person.save_revision().publish()

form = MeldingFormPage(title="Melding maken", slug="melding-maken")
home.add_child(instance=form)
form.save_revision().publish()
print("home", home.pk, "in", list(Locale.objects.values_list("language_code", flat=True)))
"""

TASKS = """
from django_tasks_db.models import DBTaskResult
from collections import Counter
counts = Counter(DBTaskResult.objects.values_list("status", flat=True))
print("tasks:", dict(counts))
assert set(counts) <= {"SUCCESSFUL"}, counts
"""

REQUESTS = """
from django.test import Client
from home.models import HomePage

home = HomePage.objects.get(depth=2)
client = Client(HTTP_HOST="%(host)s")
expected = [
    ("/", ['class="vw-routewijzer"', "Anna de Vries", 'lang="nl"']),
    ("/?wie=leerling&gebied=schoolorganisatie", ['id="routewijzer-result"']),
    ("/vertrouwenspersonen/", ["Anna de Vries"]),
    ("/vertrouwenspersonen/anna-de-vries/", ["Anna de Vries", "anna@school.example"]),
    ("/melding-maken/", ["Melding maken"]),
    (f"/api/v2/pages/{home.pk}/", ['"type": "routewijzer"']),
]
failed = []
for path, needles in expected:
    response = client.get(path, secure=True)
    body = response.content.decode()
    missing = [n for n in needles if n not in body]
    print(response.status_code, path, "missing: %%s" %% missing if missing else "ok")
    if response.status_code != 200 or missing:
        failed.append(path)
assert not failed, failed
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default="3.11", help="version (3.13) or interpreter path")
    parser.add_argument("--keep", action="store_true", help="keep the working directory")
    parser.add_argument("--workdir", help="where to work (default: a new temporary directory)")
    args = parser.parse_args()

    timer = Timer()
    try:
        python = find_python(args.python)
    except Failure as failure:
        sys.exit(f"INSTALL TEST FAILED: {failure}")
    work = Path(args.workdir or tempfile.mkdtemp(prefix="vertrouwen-install-")).resolve()
    work.mkdir(parents=True, exist_ok=True)
    ok = False
    try:
        print(f"Python {args.python}: {python}; working in {work}")
        base_env = {
            k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH")
        }
        base_env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"

        with timer.step("copy the working tree and build sdist + wheel"):
            src = work / "src"
            copy_tree(src)
            run([python, "-m", "venv", work / "build-env"], env=base_env)
            build_python = work / "build-env" / "bin" / "python"
            run([build_python, "-m", "pip", "install", "-q", "build"], env=base_env)
            run([build_python, "-m", "build", "--outdir", work / "dist", src], env=base_env)
            wheel = check_distributions(work / "dist")

        with timer.step("fresh virtualenv: install wagtail 8 and the wheel with [channel]"):
            venv = work / "venv"
            run([python, "-m", "venv", venv], env=base_env)
            venv_python = venv / "bin" / "python"
            env = {
                **base_env,
                "VIRTUAL_ENV": str(venv),
                "PATH": f"{venv / 'bin'}{os.pathsep}{base_env.get('PATH', '')}",
            }
            run([venv_python, "-m", "pip", "install", "-q", "wagtail>=8,<9", f"{wheel}[channel]"],
                env=env)  # fmt: skip
            run([venv_python, "-m", "pip", "check"], env=env)
            print(run([venv_python, "-m", "pip", "list", "--format=freeze"], env=env), end="")

        with timer.step("wagtail start, first migrate"):
            site = work / "site"
            site.mkdir(exist_ok=True)
            run([venv / "bin" / "wagtail", "start", PROJECT], cwd=site, env=env)
            project = site / PROJECT
            manage(venv_python, project, env, "migrate", "--noinput")
            locales = manage(
                venv_python, project, env, "shell", "-c",
                "from wagtail.models import Locale; "
                "print(*Locale.objects.values_list('language_code', flat=True))",
            )  # fmt: skip
            locales = locales.strip().splitlines()[-1].split()
            print("locales after the first migrate:", locales)
            if locales != ["en"]:
                raise Failure(f"expected the locale en after the first migrate: {locales}")

        with timer.step(f"follow {RECIPE}"):
            env.update(
                DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
                DJANGO_ALLOWED_HOSTS=HOST,
                WAGTAILADMIN_BASE_URL=f"https://{HOST}",
                VERTROUWEN_ATTACHMENT_ROOT=str(work / "bijlagen"),
                VERTROUWEN_ALERT_EMAILS="webbureau@school.example",
            )
            for spec, code in recipe_blocks((src / RECIPE).read_text()):
                apply_block(spec, code, project, env)

        production = f"{PROJECT}.settings.production"
        with timer.step("check, check --deploy"):
            require_silence(manage(venv_python, project, env, "check"), "manage.py check")
            require_silence(
                manage(venv_python, project, env, "check", "--deploy", settings=production),
                "manage.py check --deploy (production settings)",
            )

        with timer.step("content, task worker, requests (production settings)"):
            print(manage(venv_python, project, env, "shell", "-c", CONTENT, settings=production))
            manage(venv_python, project, env, "db_worker", "--batch", "--no-startup-delay",
                   settings=production)  # fmt: skip
            print(manage(venv_python, project, env, "shell", "-c", TASKS, settings=production))
            print(
                manage(
                    venv_python,
                    project,
                    env,
                    "shell",
                    "-c",
                    REQUESTS % {"host": HOST},
                    settings=production,
                )  # fmt: skip
            )
        ok = True
    except Failure as failure:
        print(f"\nINSTALL TEST FAILED (Python {args.python}):\n{failure}", file=sys.stderr)
    finally:
        if ok and not args.keep and not args.workdir:
            with timer.step("remove the working directory"):
                shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"working directory kept: {work}")
        timer.report()
    if not ok:
        sys.exit(1)
    print(f"\nINSTALL TEST PASSED (Python {args.python})")


if __name__ == "__main__":
    main()
