"""Tests of the score card, the built-in scorers and the value-network analysis."""
