"""Benchmark support: a synthetic corpus generator (`claimcheck bench generate`).

The generated corpus looks like a newsroom's after years of coverage: stories (deals
between organizations) each covered by a handful of outlets, organizations and people
that recur across stories, and a controlled share of disagreements. Subjects come from
pools that grow with the number of articles, so that, as in a real corpus, a fact is
stated by a handful of articles however large the corpus grows.

Beside the flow: takes a seed and a size, gives a corpus directory. May import: nothing of
checker outside `checker.bench` (it writes files a check then reads like any corpus).
"""
