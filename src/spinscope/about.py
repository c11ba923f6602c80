"""Package metadata kept in one place (read by setuptools and ``spinscope --version``)."""

__version__ = "0.1.0"
__title__ = "spinscope"
