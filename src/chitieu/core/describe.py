"""Kept for old imports: the wording of targets lives in ``chitieu.core.targets.describe``.

``import chitieu.core.describe`` gives that module itself.
"""

import sys

from chitieu.core.targets import describe as _describe

sys.modules[__name__] = _describe
