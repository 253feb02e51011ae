from __future__ import annotations

from pathlib import Path

import pytest

from extractor.evaluation import EvaluationResult, evaluate_corpus

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def corpus_evaluation() -> EvaluationResult:
    """Every corpus file extracted and scored once per test session."""
    return evaluate_corpus(ROOT / "gold", ROOT / "corpus", with_baseline=False)
