-- How many entries a source's saved part holds, so that a refresh can tell a gutted feed
-- without reading the saved part (a native one is a whole catalog).

ALTER TABLE source_state ADD COLUMN entries INTEGER;
