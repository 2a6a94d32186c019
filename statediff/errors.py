"""Small named errors raised by the library; cli.py turns them into one-line messages."""

from __future__ import annotations


class StatediffError(Exception):
    """Base class: any error a user can cause and fix. The message is shown as is."""


class InputError(StatediffError):
    """An input file cannot be read or decoded (missing, a directory, empty, binary...)."""


class MissingExtraError(InputError):
    """Reading this input needs an optional extra that is not installed; the message names the pip command."""


class NoCommitmentsError(StatediffError):
    """A document yielded no commitments at all."""


class NotEnoughMemoryError(StatediffError):
    """The statements hold more pledges than this machine has the memory to compare."""


class GoldFormatError(StatediffError):
    """A gold alignment file is not valid statediff-gold/1."""


class UsageError(StatediffError):
    """Options that cannot work together or values out of range."""


class AcceptFileError(StatediffError):
    """An accept file (``statediff accept``) cannot be read, parsed or written."""


class StatementFolderError(StatediffError):
    """A folder's statements cannot be ordered by date (undated names, ties, fewer than two)."""


class FirstStatementOnly(StatementFolderError):
    """A folder holds one dated statement: a new series, with nothing to compare yet."""
