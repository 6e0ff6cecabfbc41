"""``addsup.files``: an articles folder listed with each file's size and modification time."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from addsup import files
from addsup.files import article_files, scan_files


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Files at the top and in a sub-folder, a dot-file and a dot-folder."""
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name, text in {
        "b.txt": "bb",
        "a.txt": "a",
        "sub/c.md": "ccc",
        ".dot.txt": "x",
        ".hidden/d.txt": "dddd",
    }.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def test_every_file_but_dot_files_with_its_size_and_mtime_sorted_by_source(folder):
    frame = scan_files(folder)
    assert frame["source"].to_list() == ["a.txt", "b.txt", "sub/c.md"]
    for source, size, mtime_ns in frame.iter_rows():
        st = (folder / source).stat()
        assert (size, mtime_ns) == (st.st_size, st.st_mtime_ns)
    assert article_files(folder) == [(folder / s, s) for s in frame["source"]]


def test_unsorted_the_same_files(folder):
    assert scan_files(folder, sort=False).sort("source").equals(scan_files(folder))


def test_a_file_removed_while_the_folder_is_read_is_left_out(folder, monkeypatch):
    lstat = os.lstat

    def removed_before_its_stat(name, *, dir_fd=None):
        if name == "b.txt":
            (folder / "b.txt").unlink()
        return lstat(name, dir_fd=dir_fd)

    monkeypatch.setattr(files.os, "lstat", removed_before_its_stat)
    assert scan_files(folder)["source"].to_list() == ["a.txt", "sub/c.md"]


def test_links_to_files_count_and_links_to_folders_are_not_followed(folder):
    (folder / "link.txt").symlink_to(folder / "a.txt")
    (folder / "linked").symlink_to(folder / "sub", target_is_directory=True)
    (folder / "broken.txt").symlink_to(folder / "nowhere.txt")
    os.mkfifo(folder / "pipe.txt")
    frame = scan_files(folder)
    assert frame["source"].to_list() == ["a.txt", "b.txt", "link.txt", "sub/c.md"]
    assert frame.row(2)[1:] == frame.row(0)[1:]  # the link is read as the file it points to


NAMES = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="/\0"), min_size=1, max_size=12
).filter(lambda n: not n.startswith(".") and len(n.encode()) < 200)


@settings(max_examples=50, deadline=None)
@given(st.sets(NAMES, min_size=1, max_size=12))
def test_files_come_sorted_as_python_sorts_their_names(names):
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            Path(tmp, name).write_bytes(b"x")
        assert scan_files(Path(tmp))["source"].to_list() == sorted(names)
        assert sorted(os.listdir(tmp)) == sorted(names)
