-- A higher price for long prompts, and the prompt size it starts at.

ALTER TABLE models ADD COLUMN long_context_from INTEGER;
ALTER TABLE models ADD COLUMN long_input_price REAL;
ALTER TABLE models ADD COLUMN long_output_price REAL;
