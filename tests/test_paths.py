import os

import pytest

from addsup.paths import ENV, PathNotAllowed, allow, allowed_roots, confine, confine_all


@pytest.fixture
def roots(tmp_path, monkeypatch):
    inside = tmp_path / "data"
    inside.mkdir()
    monkeypatch.setenv(ENV, str(inside))
    return inside


def test_paths_inside_are_resolved(roots):
    (roots / "articles").mkdir()
    assert (
        confine("articles_dir", roots / "articles" / ".." / "articles")
        == (roots / "articles").resolve()
    )
    assert confine_all(a=roots, b=roots / "new.duckdb")["b"] == (roots / "new.duckdb").resolve()


@pytest.mark.parametrize("escape", ["/etc", "../outside", "data/../../outside"])
def test_paths_outside_are_refused(roots, escape, monkeypatch):
    monkeypatch.chdir(roots)
    with pytest.raises(PathNotAllowed, match="outside the allowed folders"):
        confine("articles_dir", escape)


def test_a_symlink_out_is_refused(roots, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (roots / "link").symlink_to(outside)
    with pytest.raises(PathNotAllowed):
        confine("articles_dir", roots / "link")


def test_a_sibling_with_a_common_prefix_is_refused(roots, tmp_path):
    sibling = tmp_path / "data-evil"
    sibling.mkdir()
    with pytest.raises(PathNotAllowed):
        confine("articles_dir", sibling)


def test_allow_adds_roots_for_this_process_and_its_children(roots, tmp_path):
    extra = tmp_path / "extra"
    allow(extra)
    assert extra.resolve() in allowed_roots()
    assert str(extra.resolve()) in os.environ[ENV]
    confine("reports_dir", extra / "reports")


def test_without_configuration_the_working_directory_is_the_root(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV)
    monkeypatch.chdir(tmp_path)
    assert allowed_roots() == [tmp_path.resolve()]
