"""The analytics core: pure Python, no Django. Every stage is a small module with its own docstring.

The apps reach it through one adapter module each; nothing here touches the database.
"""
