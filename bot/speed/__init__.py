"""The speed probe: output speed and time to first token, measured by the bot itself.

Off unless SPEED_PROBE_BASE_URL and SPEED_PROBE_MODELS are set. It streams one fixed prompt from
an OpenAI-compatible /chat/completions endpoint, keeps every run, and publishes each model's
median of its latest runs as that model's speed and latency, labelled with where, how often and
when they were measured (docs/METHOD.md has the rule).

- prompt: the fixed prompt and what a run may cost
- stream: one run, timed from the server-sent events; bad responses refused with the reason
- figures: runs -> a model's figure (median, spread, reference for big moves); the published
  file other bots load
- probe: a round over the configured models (budget, one request at a time per provider,
  Retry-After), off the bot's event loop, and publishing the figures into the catalog
- cli: `python -m bot speed probe --once`, `python -m bot speed show [--json]`
"""
