"""`python -m align`."""
from align.cli import main

raise SystemExit(main())
