"""Stage 5, report: findings -> what an editor or a machine reads.

Takes the findings of a check, the corpus's counts and the editors' decisions. Gives
`ReportData` (`data`, built by `outcome`; what a change brings: `change`) and one module
per output format, each a function of the report data only: `text`, `json`, `markdown`,
`sarif`, `github`, `claimreview` (the markdown report in parts: `markdown_findings`, one
finding; `markdown_folded`, the folded sections; `evidence_cells`, names, quotes and links).
`safe` escapes every string from the corpus for the place it lands.

May import: `checker.model`, `checker.findings`.
"""
