"""Illustrative demo content for development and tests. Fictional throughout.

`load_demo_content()` builds the demo site (see builder.py); the words live in content.py
and case_studies.py, and the pictures are drawn in images.py.
"""

from .builder import load_demo_content

__all__ = ["load_demo_content"]
