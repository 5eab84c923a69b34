"""Illustrative demo content for development and tests. Fictional throughout.

`builder.load_demo_content()` builds the demo site (the `load_demo_content` command runs it);
the words live in content.py and case_studies.py, and the pictures are drawn in images.py.
Nothing in the site imports this app.
"""
