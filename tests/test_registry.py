"""The one list of checks (schemas/registry.py): a module per check, named as the check, its
view's SQL beside it, every view created on connect after the tables and macros it reads."""

from __future__ import annotations

from addsup import checks
from addsup.checks.base import RowCheck
from addsup.warehouse import connect
from addsup_schemas import registry


def _name(check: object) -> str:
    return getattr(check, "name", None) or check.__name__.removeprefix("validate_")


def test_every_check_is_its_module_and_validation_runs_the_same_list():
    assert [_name(c) for c in registry.checks()] == list(registry.NAMES)
    assert registry.checks() == checks.ALL_CHECKS
    assert [c.name for c in checks.ROW_CHECKS] == [
        n for n, c in zip(registry.NAMES, registry.checks(), strict=True) if isinstance(c, RowCheck)
    ]
    assert checks.validate_share_of is registry.modules()[0].CHECK


def test_every_view_file_is_beside_its_check_and_makes_one_view():
    files = registry.view_files()
    names = [f.name for f in files]
    assert len(names) == len(set(names))
    for module in registry.modules():
        assert module.__name__.rsplit(".", 1)[1] in module.VIEWS
    # a view comes after the views it reads
    assert names.index("derived_figures.sql") < names.index("agreement.sql")
    assert names.index("derived_figures.sql") > names.index("share_of.sql")
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert text.count("CREATE OR REPLACE VIEW") == 1, f.name


def test_the_views_are_made_again_on_an_existing_warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    connect(path).close()
    con = connect(path)  # every view again, by CREATE OR REPLACE
    views = {
        v for (v,) in con.sql("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()
    }
    con.close()
    made = {f"check_{n}" for n in registry.NAMES} | {"derived_figures"}
    assert made <= views
    for check in registry.modules():
        view = getattr(check, "VIEW", None) or check.CHECK.query
        assert view.name in views
