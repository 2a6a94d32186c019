"""``python -m statediff``: the same command as the ``statediff`` console script."""

from .cli import main

main()
