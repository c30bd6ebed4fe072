"""Shared test set-up."""

import pytest

from proofread import config


@pytest.fixture(autouse=True)
def _fresh_config_cache():
    """Config files are looked up once per folder and cached; each test writes its own."""
    config.find.cache_clear()
    yield
    config.find.cache_clear()
