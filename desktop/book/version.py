"""The book file's format version, kept apart from the migrations so that opening a book
(which only compares versions) does not import sqlite-utils — startup time matters."""

# The number of migrations in desktop/book/schema.py; tests/book/test_store.py keeps them in step.
SCHEMA_VERSION = 20
