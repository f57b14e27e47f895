import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.settings import Settings, load_settings


def test_layers_apply_in_order_defaults_file_env_flags(tmp_path):
    conf = tmp_path / "ng.toml"
    conf.write_text('[newsgraph]\ndb = "from-file.db"\nbatch_size = 4\nworkers = 3\n')
    s = load_settings(config=conf, env={"NEWSGRAPH_DB": "from-env.db", "NEWSGRAPH_WORKERS": "2"},
                      flags={"workers": 1})
    assert s.batch_size == 4  # file
    assert s.db == "from-env.db"  # env over file
    assert s.workers == 1  # flag over env
    assert s.model == Settings().model  # default


def test_unknown_or_malformed_settings_are_clear_errors(tmp_path):
    with pytest.raises(NewsgraphError) as err:
        load_settings(env={}, flags={"colour": "blue"})
    assert err.value.code == "E014"
    with pytest.raises(NewsgraphError):
        load_settings(env={"NEWSGRAPH_WORKERS": "many"})
    with pytest.raises(NewsgraphError):
        load_settings(config=tmp_path / "missing.toml", env={})


def test_lists_from_the_environment_are_split_on_commas():
    s = load_settings(env={"NEWSGRAPH_PIPELINE": "clean, language"})
    assert s.pipeline == ("clean", "language")
