"""The timex rules, one module per family of expressions (each a list of
:class:`~analysis_utils.timeline.patterns.Rule`)."""
