"""The domain: models, benchmarks, categories, scores, the catalog, and the method over them."""
