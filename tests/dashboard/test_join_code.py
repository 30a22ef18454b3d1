"""The “Enter your invite code” box: typed codes go to the join link, whatever their form."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(db):
    return factories.cohort(course=factories.course(modules=1))


def test_someone_without_a_cohort_gets_the_box_on_my_learning_and_the_home_page(client, learner):
    client.force_login(learner)
    for url in ("/my/", "/"):
        html = client.get(url).content.decode()
        assert "Enter your invite code" in html
        assert 'action="/my/join/"' in html


@pytest.mark.parametrize("typed", ["{code}", " {lower} ", "{dashed}", "{spaced}"])
def test_a_typed_code_in_any_form_goes_to_its_join_link(client, learner, cohort, typed):
    code = cohort.join_code
    typed = typed.format(
        code=code, lower=code.lower(), dashed=cohort.display_code,
        spaced=f"{code[:5]} {code[5:]}".lower(),
    )
    client.force_login(learner)
    response = client.get("/my/join/", {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/join/{code}/"
    assert client.post("/my/join/", {"code": typed})["Location"] == f"/join/{code}/"


def test_a_code_of_no_letters_or_nothing_at_all_gets_a_message_beside_the_box(client, learner):
    client.force_login(learner)
    response = client.get("/my/join/", {"code": " -- "})
    assert response.status_code == 400
    assert "An invite code is made of letters and digits" in response.content.decode()
    response = client.get("/my/join/", {"code": ""})
    assert response.status_code == 400
    assert "Type the code your trainer gave you." in response.content.decode()
    assert client.get("/my/join/").status_code == 200


def test_an_unknown_code_gets_a_clear_page_and_guessing_is_still_limited(client, learner):
    client.force_login(learner)
    response = client.get("/my/join/", {"code": "nope-99999"}, follow=True)
    assert response.status_code == 404
    assert "invite link" in response.content.decode().lower()
    for n in range(25):
        response = client.get("/my/join/", {"code": f"NOPE{n:06d}"}, follow=True)
    assert response.status_code == 429
