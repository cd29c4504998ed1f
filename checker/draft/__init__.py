"""Drafting: an article's text -> draft claims an editor confirms instead of typing.

Takes the article text, its metadata and the registries. Gives candidate claims, each
pinned to the shortest quote that is found exactly once in the article, with the reason
it was proposed; and their claim-file YAML, every claim marked `draft: true`. Values are
found by the project's own normalizers (one source of truth for what a value is),
properties by the cue words the property registry holds, sentences by `pysbd`.
Deterministic, offline, no model weights.

Modules, in reading order: text (sentences and words), entities (registry names,
"the company", names the registry lacks), values (value spans), cues (properties,
modality, rate, attribution, negation), subjects (the company a clause is about), items
(plain-word set items named as editors name them), products (things made, supplied or
bought), memberships (who takes part), structures, named_facts and orderings (lists,
roles, yes/no facts, names, orderings), quotes (quoted and reported speech), skips
(headlines, datelines, price moves), pinning (quotes found once), drafter (the
candidates of an article), writer (YAML text), update (what an existing file does not
cover yet; confirming drafts).

May import: `checker.model`, `checker.normalize`, `checker.load`.
"""
