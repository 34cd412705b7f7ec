"""MkDocs: the plugin, and what it shows on the published site (the review line); it decides nothing itself
about what is published (hclint.project.publishing does)."""
