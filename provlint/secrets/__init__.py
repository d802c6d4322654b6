"""One secret policy in one place: the secret map of a document, the masking every emitted text
passes through, and the escaping of terminal control characters.

Imports nothing heavy: the clean fast path may import this package but never builds a map.
"""

from provlint.secrets.map import MIN_PIECE, SecretMap
from provlint.secrets.masking import REDACTED, mask, mask_message, mask_source_line
from provlint.secrets.terminal import escape_control

__all__ = ["MIN_PIECE", "REDACTED", "SecretMap", "escape_control", "mask", "mask_message", "mask_source_line"]
