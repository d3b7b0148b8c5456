-- Which run an independent score stands for (its effort or agent), and the vendor's own
-- figure where an independent one replaced it; how hard each benchmark is within its category.

ALTER TABLE scores ADD COLUMN variant TEXT;
ALTER TABLE scores ADD COLUMN vendor_value REAL;
ALTER TABLE scores ADD COLUMN vendor_source_url TEXT;
ALTER TABLE benchmarks ADD COLUMN difficulty REAL NOT NULL DEFAULT 0;
