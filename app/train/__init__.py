"""The Train tab: data and settings, progress and curves, results."""
