"""An output folder replaced whole: a complete run replaces every earlier file, an interrupted one leaves the
folder as it was, and no staging folder is left behind either way."""
import pytest

from pipeline.io.staging import staged_folder


def test_a_complete_run_replaces_the_folder_whole(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "part-00009.jsonl").write_text("old\n")
    with staged_folder(out) as staging:
        (staging / "part-00000.jsonl").write_text("new\n")
        assert not (out / "part-00000.jsonl").exists()  # nothing shows before the run is complete
    assert [p.name for p in out.iterdir()] == ["part-00000.jsonl"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_an_interrupted_run_leaves_the_folder_as_it_was(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "part-00009.jsonl").write_text("old\n")
    with pytest.raises(KeyboardInterrupt), staged_folder(out) as staging:
        (staging / "part-00000.jsonl").write_text("new\n")
        raise KeyboardInterrupt
    assert [p.name for p in out.iterdir()] == ["part-00009.jsonl"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
