"""The `digitpad` command: the window, or predict, evaluate, explain, train and export without Qt."""
