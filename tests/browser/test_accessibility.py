"""axe-core finds no serious or critical WCAG 2.1 A/AA violation, in Dutch and in Arabic."""

import pytest

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


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(live_demo, axe_phone, path):
    response = axe_phone.goto(live_demo["regenboog_url"] + path)
    assert response.status == 200
    violations = axe_violations(axe_phone)
    assert violations == [], "\n".join(
        f"{v['impact']}: {v['id']} ({v['help']}) at {v['targets']}" for v in violations
    )


def test_axe_does_catch_a_violation(live_demo, axe_phone):
    """The check itself works: an image without alt text and a low-contrast text are found."""
    axe_phone.goto(live_demo["regenboog_url"] + "/")
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
