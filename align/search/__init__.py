"""Segments to beads: features, the learned lexicon, costs, the dynamic programme and its passes, scores."""
