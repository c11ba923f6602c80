"""``python -m spinscope``: the same as the ``spinscope`` command."""

from spinscope.cli import main

if __name__ == "__main__":
    main()
