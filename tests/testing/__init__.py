"""Tests of cmc_core.testing, the kit for plugin authors."""
