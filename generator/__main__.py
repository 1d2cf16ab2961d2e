"""``python -m generator`` runs the pressgen command line."""
from .cli import main

raise SystemExit(main())
