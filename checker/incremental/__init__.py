"""What makes a repeated check fast, and nothing a check needs to be right.

Takes the pipeline's stages as they are and wraps them: a content-addressed cache of
each file's load (`cache`, `loader`: the `Loader` that looks a file up before loading it,
and loads the misses in worker processes), a snapshot of the last full check (`snapshot`),
the groups each rule compares within (`groups`), and the re-check of a change group by
group from the snapshot (`delta`, `change_check`). Every result equals what the plain
check gives (tested); delete `.claimcheck-cache/` at any time.

May import: every stage; only `checker.pipeline` and `checker.cli` may import it.
"""
