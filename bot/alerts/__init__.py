"""Keeping the data fresh: live sources, the merged catalog, the change log and alerts."""
