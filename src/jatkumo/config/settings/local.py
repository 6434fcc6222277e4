"""Local use (`make demo`): the defaults of base, debug from the environment."""

from jatkumo.config.settings.base import *  # noqa: F403
