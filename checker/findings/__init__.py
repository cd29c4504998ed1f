"""What the rules say: findings with their evidence, and editors' decisions matched to them.

Takes nothing from the stages before it but the model. Gives `Finding` and `Evidence`
(frozen, sortable, stable ids and evidence fingerprints: `finding`) and the state of each
reviewed finding (`reviews`). Rules produce findings; reporters read them.

May import: `checker.model`.
"""
