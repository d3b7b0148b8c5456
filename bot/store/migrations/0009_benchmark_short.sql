-- A benchmark's short label for phone-width tables ("SWE Pro", "LB coding").

ALTER TABLE benchmarks ADD COLUMN short TEXT;
