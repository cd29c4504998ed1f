"""The vocabulary every stage speaks: what editors write and what loading derives from it.

Takes nothing and reads no file. Gives the claim-file models (`claims`: articles, typed
claims, qualifiers, registries; the single source of the JSON Schemas), the normalized
values (`values`: intervals and date spans), the loaded corpus (`corpus`), editors'
decisions as written (`reviews`), input diagnostics (`diagnostics`) and the typography
folding that quote matching and quote comparison share (`typography`).

May import: nothing of checker outside `checker.model`.
"""
