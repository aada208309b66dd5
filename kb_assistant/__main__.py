"""Allow ``python -m kb_assistant``."""

import sys

from kb_assistant.app import main

if __name__ == "__main__":
    sys.exit(main())
