package io.digitaltowns.backup.store;

import java.time.Instant;

/** One object of the backup bucket, as a listing shows it. */
public record StoredObject(String key, long size, Instant lastModified) {}
