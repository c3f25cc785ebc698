"""Issue 10 in the browser: phone numbers and times read in the right order inside Arabic text,
and axe-core finds nothing serious on the Turkish, Polish and Ukrainian pages."""

import pytest

from tests.factories import make_vp
from tests.factories_core import make_school_form

from .conftest import axe_violations

NEW_LANGUAGES = ["tr", "pl", "uk"]

#: Every digit run of two or more characters with phone or time punctuation inside
#: ("0800-2000", "08:00–17:00", "12.00-13.00", "0900-1113111"), as the page lays it out: the
#: x position of its first and of its last character. Read left to right they must grow; a run
#: that the right-to-left text around it flipped ("2000-0800") shows its last digit first.
LAID_OUT_NUMBERS = """() => {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const pattern = /\\d[\\d\\s]*[-–:.][\\d\\s\\-–:.]*\\d/g;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !parent.getClientRects().length) continue;  // not shown
        for (const match of node.data.matchAll(pattern)) {
            const first = document.createRange();
            first.setStart(node, match.index);
            first.setEnd(node, match.index + 1);
            const last = document.createRange();
            const end = match.index + match[0].length;
            last.setStart(node, end - 1);
            last.setEnd(node, end);
            const a = first.getBoundingClientRect(), b = last.getBoundingClientRect();
            if (a.width === 0 || Math.abs(a.top - b.top) > 2) continue;  // hidden or wrapped
            found.push({text: match[0], first: a.left, last: b.left});
        }
    }
    return found;
}"""


@pytest.fixture
def arabic_regenboog(live_board):
    board = live_board(
        "Fatima El Amrani", "Hanneke Bosman", schools=["regenboog"], languages=["ar"]
    )
    form = make_school_form(board["homes"]["regenboog"], languages=["ar"])
    make_vp("vertrouwenspersoon", form, first_name="Fatima", last_name="El Amrani")
    return board


ARABIC_PAGES = [
    # 112, Veilig Thuis 0800-2000, the Kindertelefoon 0800-0432 for ages 8–18, and the
    # vertrouwensinspecteur 0900-1113111 on working days 08:00–17:00.
    "/ar/?wie=leerling&gebied=huiselijk_geweld",
    "/ar/?wie=ouder&gebied=seksueel_grensoverschrijdend_gedrag",
    # 113 and 0800-0113.
    "/ar/?wie=leerling&gebied=persoonlijke_problemen",
    # Consultation hours 12.00-13.00 and the phone number 0487-123456.
    "/ar/vertrouwenspersonen/fatima-el-amrani/",
    "/ar/report-a-concern/",
    "/ar/vertrouwen/woordenlijst/",
]


@pytest.mark.parametrize("path", ARABIC_PAGES)
def test_arabic_pages_show_every_number_and_time_left_to_right(arabic_regenboog, phone, path):
    response = phone.goto(arabic_regenboog["regenboog_url"] + path)
    assert response.status == 200
    assert phone.evaluate("document.documentElement.dir") == "rtl"
    numbers = phone.evaluate(LAID_OUT_NUMBERS)
    assert numbers, "the page shows no phone number or time at all"
    flipped = [n["text"] for n in numbers if n["first"] >= n["last"]]
    assert flipped == [], f"read right to left on {path}: {flipped}"


def test_the_check_sees_a_flipped_number(arabic_regenboog, phone):
    """The check can fail: a number put into Arabic text without an isolate is caught."""
    phone.goto(arabic_regenboog["regenboog_url"] + "/ar/vertrouwen/woordenlijst/")
    phone.evaluate(
        """() => {
            const p = document.createElement("p");
            p.textContent = "اتصل بالرقم 0800-2000 الآن";
            document.querySelector("main").append(p);
        }"""
    )
    numbers = phone.evaluate(LAID_OUT_NUMBERS)
    assert "0800-2000" in [n["text"] for n in numbers if n["first"] >= n["last"]]


@pytest.fixture
def all_language_pages(live_board):
    """De Regenboog in every shipped language: the language switch then lists six."""
    languages = ["en", "ar", *NEW_LANGUAGES]
    board = live_board(
        "Fatima El Amrani", "Joost de Vries", schools=["regenboog"], languages=languages
    )
    form = make_school_form(board["homes"]["regenboog"], languages=languages)
    make_vp("vertrouwenspersoon", form, first_name="Fatima", last_name="El Amrani")
    return board


def test_the_new_languages_pass_axe_and_fit_a_phone(all_language_pages, axe_phone):
    """axe-core finds nothing serious in Turkish, Polish and Ukrainian, and with six languages
    in the language switch no page scrolls sideways on a 360 px phone (in Arabic neither)."""
    from example_site.demo import INDEX
    from example_site.demo_channel import FORM

    for language in [*NEW_LANGUAGES, "ar"]:
        base = all_language_pages["regenboog_url"] + f"/{language}"
        for path in (
            "/?wie=leerling&gebied=seksueel_grensoverschrijdend_gedrag",
            "/?wie=ouder&gebied=ongewenst_gedrag",
            f"/{INDEX['slug'][language]}/fatima-el-amrani/",
            f"/{FORM['slug'][language]}/",
            "/vertrouwen/woordenlijst/",
        ):
            response = axe_phone.goto(base + path)
            assert response.status == 200, path
            assert axe_phone.evaluate("document.documentElement.lang") == language
            width = axe_phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 360, f"{language}{path} is {width} px wide"
            if language == "ar":
                continue  # axe in Arabic: tests/browser/test_accessibility.py
            violations = axe_violations(axe_phone)
            assert violations == [], f"{language}{path}\n" + "\n".join(
                f"{v['impact']}: {v['id']} ({v['help']}) at {v['targets']}" for v in violations
            )
