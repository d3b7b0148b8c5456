"""The Discord adapter: translates between Discord and the core; no scoring or matching here."""
