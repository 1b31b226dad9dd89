ALTER TABLE towns ADD COLUMN updated_at timestamptz;
