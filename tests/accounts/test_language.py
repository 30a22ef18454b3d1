"""People see Ripple, and get its emails, in their own language: the one saved on their
profile, else their browser's; the footer's switcher changes it (and saves it when signed in)."""

import re

import pytest
from django.conf import settings
from django.core import mail

from accounts.models import User
from tests import factories

pytestmark = pytest.mark.django_db


def html_lang_dir(page: str) -> tuple[str, str]:
    match = re.search(r'<html lang="([^"]*)" dir="([^"]*)">', page)
    assert match, "the page has no <html lang dir>"
    return match.group(1), match.group(2)


def in_spanish(user: User) -> User:
    user.language = "es"
    user.save(update_fields=["language"])
    return user


def test_a_learner_whose_profile_says_spanish_sees_their_home_in_spanish(client, learner):
    client.force_login(in_spanish(learner))
    page = client.get("/my/").content.decode()
    assert html_lang_dir(page) == ("es", "ltr")
    assert "Mi aprendizaje" in page
    assert "Hola, Lee Learner" in page
    assert "Únete a tu cohorte" in page
    assert "My learning" not in page


def test_a_learner_without_a_saved_language_sees_english_by_default(client, learner):
    client.force_login(learner)
    page = client.get("/my/").content.decode()
    assert html_lang_dir(page) == ("en", "ltr")
    assert "My learning" in page and "Join your cohort" in page


def test_a_spanish_trainer_sees_the_trainer_home_in_spanish(client, trainer):
    course = factories.course(modules=2)
    factories.cohort(course=course, name="Otoño", trainers=[in_spanish(trainer)])
    client.force_login(trainer)
    page = client.get("/teach/").content.decode()
    assert html_lang_dir(page)[0] == "es"
    assert "Inicio de formador" in page
    assert "Diriges 1 cohorte activa." in page
    assert "1 Sep 2026" in page  # the Spanish date format: empezó el 1 Sep 2026


def test_the_saved_language_wins_over_the_browsers(client, learner):
    client.force_login(in_spanish(learner))
    page = client.get("/my/", headers={"accept-language": "en"}).content.decode()
    assert "Mi aprendizaje" in page


def test_a_language_prefix_in_the_url_wins_over_the_saved_language(client, learner):
    """Pages have /es/ addresses (config/urls.py): following one is an explicit choice that
    the saved language does not override."""
    learner.language = "en"
    learner.save(update_fields=["language"])
    client.force_login(learner)
    assert html_lang_dir(client.get("/").content.decode())[0] == "en"
    page = client.get("/es/").content.decode()
    assert html_lang_dir(page)[0] == "es" and "Mi aprendizaje" in page


def test_an_anonymous_visitor_whose_browser_asks_for_spanish_gets_the_sign_in_page_in_spanish(
    client,
):
    page = client.get("/accounts/login/", headers={"accept-language": "es-ES,es;q=0.9"})
    html = page.content.decode()
    assert html_lang_dir(html) == ("es", "ltr")
    assert "Iniciar sesión" in html and "Hola de nuevo." in html
    assert "¿Olvidaste tu contraseña?" in html  # allauth's own text, said with tú
    english = client.get("/accounts/login/", headers={"accept-language": "en"}).content.decode()
    assert "Welcome back." in english


def test_a_right_to_left_language_sets_dir_rtl(client, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("ar", "العربية")]
    page = client.get("/accounts/login/", headers={"accept-language": "ar"}).content.decode()
    assert html_lang_dir(page) == ("ar", "rtl")


def test_the_footer_switcher_names_each_language_in_itself_and_marks_the_current_one(client):
    page = client.get("/accounts/login/").content.decode()
    assert '<form class="language-switcher" method="post" action="/i18n/setlang/">' in page
    assert 'name="language" value="es" lang="es" aria-pressed="false">Español</button>' in page
    assert 'name="language" value="en" lang="en" aria-pressed="true">English</button>' in page
    assert '<input type="hidden" name="next" value="/accounts/login/">' in page
    # Each language keeps its own name on a page in another language.
    spanish = client.get("/accounts/login/", headers={"accept-language": "es"}).content.decode()
    assert 'name="language" value="en" lang="en" aria-pressed="false">English</button>' in spanish
    assert 'name="language" value="es" lang="es" aria-pressed="true">Español</button>' in spanish


def test_the_switcher_changes_the_language_of_an_anonymous_visitor(client):
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    assert "Iniciar sesión" in client.get("/accounts/login/").content.decode()


def test_the_switcher_saves_a_signed_in_persons_choice_on_their_profile(client, learner):
    client.force_login(learner)
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/my/"})
    assert response.status_code == 302 and response["Location"] == "/my/"
    learner.refresh_from_db()
    assert learner.language == "es"
    # Another browser, without the cookie, follows the profile.
    other_browser = type(client)()
    other_browser.force_login(learner)
    assert "Mi aprendizaje" in other_browser.get("/my/").content.decode()


def test_the_switcher_refuses_an_unknown_language_and_changes_nothing(client, learner):
    client.force_login(in_spanish(learner))
    for language in ("xx", "", "es-../../etc", "de"):
        response = client.post("/i18n/setlang/", {"language": language, "next": "/my/"})
        assert response.status_code == 400
        assert "Idioma no disponible" in response.content.decode()  # said in the person's language
        assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    learner.refresh_from_db()
    assert learner.language == "es"


def test_the_switcher_does_not_redirect_to_another_site(client):
    response = client.post(
        "/i18n/setlang/", {"language": "es", "next": "https://evil.example.com/"}
    )
    assert response.status_code in (204, 302)
    assert "evil.example.com" not in response.get("Location", "")


def test_the_switcher_needs_a_post(client):
    assert client.get("/i18n/setlang/?language=es").status_code == 405


def test_a_person_chooses_their_language_in_their_account_settings(client, learner):
    client.force_login(learner)
    page = client.get("/accounts/language/").content.decode()
    assert '<span lang="es">Español</span>' in page
    assert "Follow my browser&#x27;s language" in page
    response = client.post("/accounts/language/", {"language": "es"}, follow=True)
    learner.refresh_from_db()
    assert learner.language == "es"
    assert "Tu idioma se ha guardado." in response.content.decode()
    client.post("/accounts/language/", {"language": ""})
    learner.refresh_from_db()
    assert learner.language == ""


def test_the_account_settings_refuse_an_unknown_language_with_a_message(client, learner):
    client.force_login(in_spanish(learner))
    response = client.post("/accounts/language/", {"language": "klingon"})
    assert response.status_code == 200
    assert "Escoja una opción válida" in response.content.decode() or (
        "Selecciona una opción válida" in response.content.decode()
    )
    learner.refresh_from_db()
    assert learner.language == "es"


def test_the_admin_account_page_links_to_the_language_of_pages_and_emails(client, trainer):
    client.force_login(trainer)
    page = client.get("/admin/account/").content.decode()
    assert 'href="/accounts/language/"' in page
    assert "Language of pages and emails" in page


def test_the_language_settings_ask_an_anonymous_visitor_to_sign_in(client):
    response = client.get("/accounts/language/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# Emails -----------------------------------------------------------------------------------


def invite(client, cohort, emails: str, capture):
    with capture(execute=True):
        response = client.post(
            f"/admin/cohorts/members/{cohort.pk}/invite/", {"invite-emails": emails}
        )
    assert response.status_code == 302


def test_an_invitation_to_a_spanish_speaker_is_in_spanish_while_the_sender_uses_english(
    client, trainer, django_capture_on_commit_callbacks
):
    in_spanish(factories.learner(email="sofia@example.com", display_name="Sofía"))
    cohort = factories.cohort(course=factories.course(modules=1), trainers=[trainer])
    client.force_login(trainer)
    invite(client, cohort, "SOFIA@example.com newcomer@example.com",
           django_capture_on_commit_callbacks)

    spanish = next(m for m in mail.outbox if m.to == ["SOFIA@example.com"])
    assert spanish.subject == "[Ripple] Theo Trainer te invita a Autumn cohort"
    assert spanish.body.startswith("Hola:")
    assert "La cohorte empieza el 1 Sep 2026." in spanish.body
    html = spanish.alternatives[0].content
    assert '<html lang="es">' in html and "Unirme a Autumn cohort" in html

    english = next(m for m in mail.outbox if m.to == ["newcomer@example.com"])
    assert english.subject == "[Ripple] Theo Trainer invites you to Autumn cohort"
    assert english.body.startswith("Hello,")
    # The trainer's own page stayed in English.
    page = client.get(f"/admin/cohorts/members/{cohort.pk}/").content.decode()
    assert "Invite by email" in page


def test_allauths_own_emails_follow_the_recipients_saved_language(client, learner):
    in_spanish(learner)
    client.post("/accounts/password/reset/", {"email": "lee@example.com"},
                headers={"accept-language": "en"})
    (message,) = mail.outbox
    assert message.subject == "[Ripple] Correo electrónico para restablecer contraseña"
    # In Ripple's voice (tú), not allauth's usted: accounts/allauth_wording.py.
    assert "Recibes este correo porque tú u otra persona pidió restablecer" in message.body


# Cached pages ------------------------------------------------------------------------------


def test_the_cached_cohort_page_is_kept_per_language(client, trainer):
    course = factories.course(modules=2)
    cohort = factories.cohort(course=course, trainers=[trainer])
    client.force_login(trainer)
    assert "No learners yet." in client.get(f"/cohorts/{cohort.pk}/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"  # the switcher's cookie: nothing saved
    page = client.get(f"/cohorts/{cohort.pk}/").content.decode()
    assert "Todavía no hay participantes." in page
    assert "No learners yet." not in page
