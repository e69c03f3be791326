"""The drawing pad and what it says: the answer, its chart, corrections and *Why?*."""
