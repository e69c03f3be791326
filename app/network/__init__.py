"""The network panel: every layer's maps, their cards, and the explanation of one unit."""
