"""Automatic fixes: rules attach a position-free intent to a finding (``findings.FixIntent``);
this package turns it into text edits of the file (``resolve``), applies fixes in checked
rounds (``apply``), writes the result atomically (``write``) and shows it as a diff (``diff``).

The library part: no click, no exit; ``provlint/cli/fix.py`` drives it for ``check --fix``.
"""

from provlint.fixes.resolve import Unfixable, offset, resolve_fix

__all__ = ["Unfixable", "offset", "resolve_fix"]
