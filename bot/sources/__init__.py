"""Source adapters: each turns one outside format into records the build merges into a Catalog."""
