"""The names of the per-article tables, in order: the Article's table layers, as ``analyze``
writes them and the corpus command stores them (one light module, so the command line
can name them without importing the analysis)."""

TABLES = ("segments", "sentences", "mentions", "quotes", "timexes", "events", "actor_sentiment")
