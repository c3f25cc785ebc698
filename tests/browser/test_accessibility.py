"""axe-core finds no serious or critical WCAG 2.1 A/AA violation, in Dutch and in Arabic.

The pages are De Regenboog's as in the demo, with three of its people (one with a photo,
one without a phone, the external adviser serving both schools), its melding form and the
Arabic translations; not the whole demo.
"""

import pytest

from tests.factories import make_vp
from tests.factories_core import make_school_form

from .conftest import axe_violations

PAGES = [
    "/?wie=ouder&gebied=ongewenst_gedrag",
    "/?wie=leerling&gebied=seksueel_grensoverschrijdend_gedrag",
    "/vertrouwenspersonen/fatima-el-amrani/",
    "/vertrouwenspersonen/",
    "/ar/?wie=ouder&gebied=ongewenst_gedrag",
    "/ar/vertrouwenspersonen/fatima-el-amrani/",
    "/ar/vertrouwenspersonen/",
    "/melding-maken/",
    "/ar/report-a-concern/",
]


@pytest.fixture
def regenboog_pages(live_board):
    """De Regenboog in Dutch and Arabic: route-finder, profiles, index and melding form."""
    board = live_board("Fatima El Amrani", "Joost de Vries", "Hanneke Bosman", languages=["ar"])
    form = make_school_form(board["homes"]["regenboog"], languages=["ar"])
    make_vp("vertrouwenspersoon", form, first_name="Fatima", last_name="El Amrani")
    return board


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(regenboog_pages, axe_phone, path):
    response = axe_phone.goto(regenboog_pages["regenboog_url"] + path)
    assert response.status == 200
    violations = axe_violations(axe_phone)
    assert violations == [], "\n".join(
        f"{v['impact']}: {v['id']} ({v['help']}) at {v['targets']}" for v in violations
    )


def test_axe_does_catch_a_violation(live_board, axe_phone):
    """The check itself works: an image without alt text and a low-contrast text are found."""
    board = live_board(schools=["regenboog"])
    axe_phone.goto(board["regenboog_url"] + "/")
    axe_phone.evaluate(
        """() => {
            const img = document.createElement("img");
            img.src = "/static/css/site.css";
            document.body.append(img);
            const p = document.createElement("p");
            p.textContent = "bijna onzichtbaar";
            p.style.color = "#eeeeee";
            document.body.append(p);
        }"""
    )
    ids = {v["id"] for v in axe_violations(axe_phone)}
    assert {"image-alt", "color-contrast"} <= ids
