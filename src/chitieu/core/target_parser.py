"""Kept for old imports: the target-phrase parser lives in ``chitieu.core.targets.parser``.

``import chitieu.core.target_parser`` gives that module itself (every name, private ones too).
"""

import sys

from chitieu.core.targets import parser as _parser

sys.modules[__name__] = _parser
