-- The nights whose scheduled snapshot was taken. The advisory lock only keeps two instances of the backup group from
-- taking it at the same time; an instance whose schedule fires a little later (a restart at 02:00:05, a long GC
-- pause) would take a second one. The row makes it once per night however many instances run (NightlySnapshot).
CREATE TABLE consumers.nightly_snapshots (
  night       date        PRIMARY KEY, -- the day, in BACKUP_SNAPSHOT_ZONE, the schedule fired on
  snapshot_id text        NOT NULL,
  taken_at    timestamptz NOT NULL DEFAULT now()
);
