"""Same language: machine translation against a reference, word diffs, scores, one-text checks, corpora."""
