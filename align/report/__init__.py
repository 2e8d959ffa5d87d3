"""Writers: every output format of the toolkit, and the atomic file write they share."""
