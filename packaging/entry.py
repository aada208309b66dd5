"""The bundle's entry: the same ``main`` as the ``kb-assistant`` script (freeze_support is called there)."""

import sys

from kb_assistant.app import main

if __name__ == "__main__":
    sys.exit(main())
