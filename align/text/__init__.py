"""Bytes to text to segments: reading files, scripts and languages, sentence splitting, numbers, language tags."""
