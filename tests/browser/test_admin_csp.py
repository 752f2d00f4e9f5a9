"""The admin works under the same strict Content-Security-Policy as the public site."""

import pytest

from tests.browser.sign_in import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_admin_editor_runs_with_no_csp_violation_and_working_date_pickers(
    live_server, page, django_user_model
):
    django_user_model.objects.create_superuser(
        "editor", "e@example.invalid", "pw-123456"
    )
    problems = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.on(
        "request",
        lambda request: _record_foreign(request.url, live_server.url, problems),
    )

    sign_in(page, live_server.url, "editor", "pw-123456")

    from home.models import HomePage

    home = HomePage.objects.get(depth=2)
    page.goto(f"{live_server.url}/admin/pages/{home.pk}/edit/")
    page.wait_for_load_state("networkidle")
    started = page.eval_on_selector_all(
        "script[data-date-chooser]", "nodes => nodes.map(n => n.dataset.started)"
    )
    assert started and all(value == "true" for value in started)
    assert problems == []


def _record_foreign(url: str, own: str, problems: list) -> None:
    if url.startswith(("data:", "blob:", own)):
        return
    problems.append(f"request to a third party: {url}")
