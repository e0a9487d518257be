//! Extraction quality on the annotated sample articles, scored by the team's scorer.
