"""Importers of external taxonomy formats: one module per source.

Each importer reads and validates its whole input into an `ImportPlan` (or a list of rows) and
only then hands it to a service in `jatkumo.taxonomy.services`, which writes it in one
transaction. Problems are collected as line-numbered `RowError`s and raised together as
`ValidationFailed`, so bad input never changes the database.
"""
