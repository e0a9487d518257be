//! Unit tests for the extraction pipeline on small, invented sentences.
