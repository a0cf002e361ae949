import cmc_plaintext
import pytest

from cmc_core.exporting import Exporter
from cmc_core.testing import ExporterContract, make_plugins


class TestPlaintextExporter(ExporterContract):
    @pytest.fixture
    def exporter(self) -> Exporter:
        return make_plugins(cmc_plaintext).exporters.get("plaintext")

    @pytest.fixture
    def plugin(self) -> object:
        return cmc_plaintext
