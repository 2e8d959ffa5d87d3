"""Beads to flags: the divergence rules, the bilingual QA checks, whole-pair doubts and the Review."""
