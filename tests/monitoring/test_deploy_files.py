"""deploy/: the alert rules name real metrics; the systemd units parse."""

import re
import subprocess

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.helpers import BASE_DIR

DEPLOY = BASE_DIR / "deploy"
TOKEN = "rules-check"  # noqa: S105


@pytest.mark.postgres
@pytest.mark.django_db
def test_every_metric_an_alert_rule_names_is_exported(client, settings):
    settings.METRICS_BEARER_TOKEN = TOKEN
    response = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    exported = {
        sample.name
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }
    rules = (DEPLOY / "prometheus" / "campaign-rules.yml").read_text()
    named = set(re.findall(r"\bcampaign_[a-z_]+\b", rules))
    assert "campaign_release_overdue_seconds" in named
    assert "campaign_release_sweep_age_seconds" in named
    # Series with no sample yet (no worker seen) still have a family.
    families = {
        family.name
        for family in text_string_to_metric_families(response.content.decode())
    }
    assert named <= exported | families, named - exported - families


@pytest.mark.systemd
def test_the_systemd_units_parse(tmp_path):
    """``systemd-analyze verify`` on copies whose programs exist here."""
    units = sorted((DEPLOY / "systemd").glob("*.service")) + sorted(
        (DEPLOY / "systemd").glob("*.timer")
    )
    names = []
    for unit in units:
        text = unit.read_text()
        text = re.sub(r"/srv/campaign-manager/\S+", "/bin/true", text)
        text = text.replace("/etc/campaign-manager/env", "-/nonexistent")
        text = re.sub(r"(User|Group)=campaign", r"\1=root", text)
        name = unit.name.replace("@.", "@beat.")
        (tmp_path / name).write_text(text)
        names.append(f"./{name}")
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *names],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    problems = [line for line in result.stderr.splitlines() if "campaign-" in line]
    assert not problems, result.stderr
    for unit in units:
        if unit.suffix == ".service" and "@" not in unit.name:
            assert "Restart=always" in unit.read_text(), unit.name


def test_the_probe_names_what_it_checks():
    result = subprocess.run(
        [str(DEPLOY / "systemd" / "probe"), "nothing"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "web|beat|worker-releases|worker-background" in result.stderr
