import os
import subprocess
import sys

from django.conf import settings

PRODUCTION = {
    "DATABASE_URL": "postgres://chungsuc:secret@db.example.internal:5432/chungsuc",
    "REDIS_URL": "redis://cache.example.internal:6379/0",
    "SECRET_KEY": "k" * 20 + "-production-like-secret-key-with-enough-entropy-9Xq2",
    "ALLOWED_HOSTS": "chungsuc.example.gov.vn",
    "DEBUG": "false",
}


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={
            **{
                k: v
                for k, v in os.environ.items()
                if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
            },
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_production_variables():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env={**PRODUCTION, "DJANGO_SETTINGS_MODULE": "config.settings"}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION, "SECRET_KEY": "", "DJANGO_SETTINGS_MODULE": "config.settings"}
    result = run_manage("check", "--deploy", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_an_english_browser_still_gets_vietnamese_until_the_user_switches(client, db):
    page = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="vi"' in page.content.decode()

    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    page = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="vi")
    assert 'lang="en"' in page.content.decode()
