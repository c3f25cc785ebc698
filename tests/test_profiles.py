"""Vertrouwenspersoon profile pages, the index, and which school a person serves."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories_core import make_board, make_image, translate
from wagtail_vertrouwen.models import VertrouwenspersoonPage

pytestmark = pytest.mark.django_db

#: All of De Regenboog's people in the demo: between them, every role.
REGENBOOG = {"Fatima El Amrani", "Joost de Vries", "Marieke Jansen", "Hanneke Bosman"}


def names(profiles):
    return {profile.title for profile in profiles}


def regenboog_with(*people):
    """De Regenboog alone with these of its people; returns the board."""
    return make_board(*people, schools=["regenboog"])


class TestServing:
    def test_each_school_gets_its_own_people_and_the_shared_external_adviser(self):
        board = make_board("Fatima El Amrani", "Hanneke Bosman", "Yusuf Demir")
        regenboog, vlinder = board["sites"]["regenboog"], board["sites"]["vlinder"]
        assert names(VertrouwenspersoonPage.objects.serving(regenboog, "nl")) == {
            "Fatima El Amrani",
            "Hanneke Bosman",
        }
        assert names(VertrouwenspersoonPage.objects.serving(vlinder, "nl")) == {
            "Yusuf Demir",
            "Hanneke Bosman",
        }

    def test_one_version_per_person_in_the_visitors_language(self):
        board = regenboog_with("Fatima El Amrani", "Joost de Vries", "Hanneke Bosman")
        for profile in board["profiles"].values():
            translate(profile, "en")
        english = VertrouwenspersoonPage.objects.serving(board["sites"]["regenboog"], "en")
        assert names(english) == set(board["profiles"])
        assert {p.locale.language_code for p in english} == {"en"}

    def test_untranslated_people_fall_back_to_dutch(self):
        board = regenboog_with("Fatima El Amrani", "Joost de Vries")
        translate(board["profiles"]["Fatima El Amrani"], "en")
        translate(board["profiles"]["Joost de Vries"], "en").unpublish()
        english = {
            p.title: p.locale.language_code
            for p in VertrouwenspersoonPage.objects.serving(board["sites"]["regenboog"], "en")
        }
        assert english["Joost de Vries"] == "nl"
        assert english["Fatima El Amrani"] == "en"

    def test_ended_term_and_unpublished_profiles_are_not_served(self):
        board = regenboog_with("Fatima El Amrani", "Joost de Vries", "Hanneke Bosman")
        fatima = board["profiles"]["Fatima El Amrani"]
        fatima.term_ends = timezone.localdate() - timedelta(days=1)
        fatima.save_revision().publish()
        board["profiles"]["Joost de Vries"].unpublish()
        served = names(VertrouwenspersoonPage.objects.serving(board["sites"]["regenboog"], "nl"))
        assert served == {"Hanneke Bosman"}

    def test_a_term_ending_today_still_counts(self):
        board = regenboog_with("Fatima El Amrani")
        fatima = board["profiles"]["Fatima El Amrani"]
        fatima.term_ends = timezone.localdate()
        fatima.save_revision().publish()
        served = VertrouwenspersoonPage.objects.serving(board["sites"]["regenboog"])
        assert "Fatima El Amrani" in names(served)


class TestValidation:
    def profile(self, **fields):
        values = {"title": "Test", "slug": "test", "roles": ["interne_contactpersoon"]}
        values.update(fields)
        return VertrouwenspersoonPage(**values)

    def test_at_least_one_role(self):
        with pytest.raises(ValidationError) as caught:
            self.profile(roles=[]).full_clean(exclude=["path", "depth"])
        assert "roles" in caught.value.message_dict

    def test_only_known_roles_and_languages(self):
        with pytest.raises(ValidationError) as caught:
            self.profile(roles=["directeur"], languages=["xx"]).full_clean(
                exclude=["path", "depth"]
            )
        assert {"roles", "languages"} <= set(caught.value.message_dict)

    @pytest.mark.parametrize("phone", ["bel me maar", "12", "0487-123456; DROP", "+" + "1" * 40])
    def test_phone_numbers_must_look_like_one(self, phone):
        with pytest.raises(ValidationError) as caught:
            self.profile(phone=phone).full_clean(exclude=["path", "depth"])
        assert "phone" in caught.value.message_dict

    @pytest.mark.parametrize("phone", ["0487-123456", "06 12345678", "+31 (0)487 123456"])
    def test_ordinary_phone_numbers_pass(self, phone):
        self.profile(phone=phone).full_clean(exclude=["path", "depth"])

    def test_a_photo_needs_a_description(self):
        image = make_image("Portret", description="")
        with pytest.raises(ValidationError) as caught:
            self.profile(photo=image).full_clean(exclude=["path", "depth"])
        assert "photo_alt" in caught.value.message_dict
        self.profile(photo=image, photo_alt="Een lachende vrouw").full_clean(
            exclude=["path", "depth"]
        )
        image.description = "Portret"
        image.save()
        self.profile(photo=image).full_clean(exclude=["path", "depth"])


class TestProfilePage:
    def test_shows_roles_contact_and_languages(self, client):
        regenboog_with("Fatima El Amrani")
        response = client.get("/vertrouwenspersonen/fatima-el-amrani/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "<h1" in html and "Fatima El Amrani" in html
        assert 'href="tel:0487123456"' in html
        assert 'href="mailto:f.elamrani@regenboog.example"' in html
        assert 'alt="Portret van Fatima El Amrani"' in html

    def test_without_photo_or_contact_details_it_still_reads_well(self, client):
        make_board("Piet Smit", schools=["vlinder"])
        response = client.get("/vertrouwenspersonen/piet-smit/", HTTP_HOST="localhost")
        html = response.content.decode()
        assert response.status_code == 200
        assert "vw-profile__photo" not in html
        assert 'class="vw-empty"' in html
        assert "tel:" not in html.split('class="vw-profile"')[1].split("</article>")[0]

    def test_an_ended_term_is_announced(self, client):
        fatima = regenboog_with("Fatima El Amrani")["profiles"]["Fatima El Amrani"]
        fatima.term_ends = timezone.localdate() - timedelta(days=3)
        fatima.save_revision().publish()
        html = client.get("/vertrouwenspersonen/fatima-el-amrani/").content.decode()
        assert 'class="vw-notice"' in html


class TestIndex:
    def groups(self, html):
        """role key -> names, in page order."""
        import re

        result = {}
        for role, body in re.findall(
            r'<section class="vw-role-group" aria-labelledby="vw-role-(\w+)">(.*?)</section>',
            html,
            re.S,
        ):
            result[role] = re.findall(r'<h3 class="vw-card__name"><a [^>]*>([^<]+)</a>', body)
        return result

    def test_people_are_grouped_by_role_in_a_fixed_order(self, client):
        regenboog_with(*REGENBOOG)
        groups = self.groups(client.get("/vertrouwenspersonen/").content.decode())
        assert list(groups) == [
            "interne_contactpersoon",
            "interne_vertrouwenspersoon",
            "externe_vertrouwenspersoon",
            "aanspreekpunt_pesten",
            "aandachtsfunctionaris",
            "intern_begeleider",
        ]
        # Someone with two roles is listed under both.
        assert groups["interne_vertrouwenspersoon"] == ["Fatima El Amrani"]
        assert groups["aanspreekpunt_pesten"] == ["Fatima El Amrani"]

    def test_the_other_schools_index_lists_the_shared_adviser_too(self, client):
        make_board("Fatima El Amrani", "Hanneke Bosman", "Yusuf Demir")
        html = client.get("/vertrouwenspersonen/", HTTP_HOST="localhost").content.decode()
        groups = self.groups(html)
        assert groups["externe_vertrouwenspersoon"] == ["Hanneke Bosman"]
        assert "Fatima El Amrani" not in html

    def test_filter_by_language(self, client):
        make_board("Hanneke Bosman", "Yusuf Demir", "Anna Kowalska")
        html = client.get(
            "/vertrouwenspersonen/", {"language": "tr"}, HTTP_HOST="localhost"
        ).content.decode()
        assert {n for group in self.groups(html).values() for n in group} == {"Yusuf Demir"}

    def test_filter_by_school(self, client):
        vlinder = make_board("Fatima El Amrani", "Hanneke Bosman")["sites"]["vlinder"]
        html = client.get("/vertrouwenspersonen/", {"school": vlinder.pk}).content.decode()
        assert {n for group in self.groups(html).values() for n in group} == {"Hanneke Bosman"}

    @pytest.mark.parametrize(
        "query", [{"school": "abc"}, {"school": "99999"}, {"language": "klingon"}]
    )
    def test_bad_filter_values_get_a_message_and_the_full_list(self, client, query):
        make_board("Fatima El Amrani", "Joost de Vries", "Hanneke Bosman")
        response = client.get("/vertrouwenspersonen/", query)
        html = response.content.decode()
        assert response.status_code == 200
        assert 'class="vw-field-error"' in html
        assert {n for g in self.groups(html).values() for n in g} == {
            "Fatima El Amrani",
            "Joost de Vries",
            "Hanneke Bosman",
        }

    def test_no_match_shows_an_empty_state(self, client):
        board = regenboog_with("Fatima El Amrani", "Joost de Vries")
        html = client.get("/vertrouwenspersonen/", {"language": "pl"}).content.decode()
        # Nobody at Regenboog speaks Polish, so Polish is not offered: that is an error.
        assert 'class="vw-field-error"' in html
        fatima = board["profiles"]["Fatima El Amrani"]
        fatima.languages.append("pl")
        fatima.save_revision().publish()
        html = client.get("/vertrouwenspersonen/", {"language": "pl"}).content.decode()
        assert {n for g in self.groups(html).values() for n in g} == {"Fatima El Amrani"}
        for profile in VertrouwenspersoonPage.objects.live():
            profile.unpublish()
        html = client.get("/vertrouwenspersonen/").content.decode()
        assert 'class="vw-empty"' in html
