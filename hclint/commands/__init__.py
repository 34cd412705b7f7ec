"""Commands bigger than a few lines of the CLI: review, fix, and the rule pages of the guide."""
