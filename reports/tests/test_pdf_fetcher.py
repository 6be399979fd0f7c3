"""The PDF fetcher serves files inside its roots and nothing else, however the URL spells the path."""

import os

import pytest

from reports.pdf import LocalFetcher, static_root

SECRET = "outside the static folder"


@pytest.fixture
def root(tmp_path):
    """A static folder with a stylesheet, next to a file it must never serve."""
    static = tmp_path / "static"
    (static / "reports").mkdir(parents=True)
    (static / "reports" / "print.css").write_text("body { color: black }")
    (tmp_path / "secret.txt").write_text(SECRET)
    return static


def read(fetcher: LocalFetcher, url: str) -> bytes:
    return fetcher.fetch(url).read()


def served(fetcher: LocalFetcher, url: str) -> bytes:
    """What a document would embed from `url`: nothing when the fetcher fails (WeasyPrint skips the resource)."""
    try:
        return read(fetcher, url)
    except (ValueError, OSError):
        return b""


def test_the_fetcher_serves_a_file_inside_its_root(root):
    assert read(LocalFetcher(root), root.as_uri() + "/reports/print.css") == b"body { color: black }"


@pytest.mark.parametrize(
    "tail",
    [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/reports/%2e%2e/%2e%2e/secret.txt",
        "/%2e%2e%2fsecret.txt",
        "/%252e%252e/secret.txt",
        "/..%5csecret.txt",
        "/reports\\..\\..\\secret.txt",
    ],
)
def test_the_fetcher_never_serves_a_file_outside_its_root(root, tail):
    assert SECRET.encode() not in served(LocalFetcher(root), root.as_uri() + tail)


@pytest.mark.parametrize("tail", ["/../secret.txt", "/%2e%2e/secret.txt", "/reports/%2E%2E/%2e%2e/secret.txt"])
def test_the_fetcher_refuses_a_dot_dot_path_before_opening_it(root, tail):
    with pytest.raises(ValueError, match="Refused"):
        read(LocalFetcher(root), root.as_uri() + tail)


def test_the_fetcher_refuses_a_symlink_that_points_outside_its_root(root):
    os.symlink(root.parent / "secret.txt", root / "reports" / "link.css")

    with pytest.raises(ValueError):
        read(LocalFetcher(root), root.as_uri() + "/reports/link.css")


def test_the_fetcher_refuses_another_host_and_another_scheme(root):
    fetcher = LocalFetcher(root)
    for url in ("file://example.org" + root.as_posix() + "/reports/print.css", "http://127.0.0.1/static/x.css"):
        with pytest.raises(ValueError):
            read(fetcher, url)


def test_the_real_static_root_does_not_embed_etc_hostname():
    url = static_root().as_uri() + "/%2e%2e" * 20 + "/etc/hostname"

    with pytest.raises(ValueError, match="Refused"):
        read(LocalFetcher(static_root()), url)
