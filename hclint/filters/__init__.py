"""What is reported, kept apart from the checks: suppressions, the baseline, and what a change can break."""
