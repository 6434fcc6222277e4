"""Readers of offering files: JSON Lines (`jsonl`) and CSV (`csv`), and the import plan.

Every reader yields `(line number, record)` pairs in the interchange shape, or a `RowError` for a
line it cannot decode; `offerings.offerings_plan_read` validates them all before anything is
written.
"""
