package io.digitaltowns.backup.archive;

import java.time.Instant;

/** How the archiver is doing, for health checks and metrics. */
public record ArchiverStatus(
    Instant lastUpload,
    long filesUploaded,
    long recordsArchived,
    int consecutiveFailures,
    String lastFailure) {}
