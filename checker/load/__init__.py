"""Stage 1, load: the corpus directory -> a `Corpus` of typed, located, normalized claims.

Takes a corpus root (claim files, article texts, registries, reviews). Gives a
`LoadResult`: the corpus and every input problem as a `Diagnostic` with file, line and
column. Steps: YAML with positions (`yaml_source`), JSON Schema (`schema`,
`schema_errors`), pydantic models, registries, quotes pinned to their articles
(`provenance`), values normalized (`claim_values`), one claim file at a time
(`claim_file`), the whole corpus (`corpus`); `git_base` exports the corpus at a git ref
for `--base`; `digest` names the corpus's files for a report's header. This is the only stage that reads files. How a file is loaded is a
`Loader`: by default one file after another; `checker.incremental` wraps it with a cache.

May import: `checker.model`, `checker.normalize`.
"""
