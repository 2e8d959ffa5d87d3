"""`python -m align`."""
from align.cli import main

if __name__ == "__main__":   # not when a worker process started afresh imports it
    raise SystemExit(main())
