"""Stage 3, index: the loaded corpus grouped for the rules, and the comparisons they share.

Takes a `Corpus`. Gives an `Index` (`index`: claims by key = subject, property and
scope; by fact; independent sources; evidence built once per claim), the pure
comparisons of intervals, date spans and quotes (`compare`) and the reader's wording of
a normalized value (`describe`). Built once, read-only.

May import: `checker.model`, `checker.normalize`, `checker.findings`.
"""
