package io.digitaltowns.consumers.photocleanup;

import io.digitaltowns.backup.store.BackupStore;
import java.util.List;

/**
 * The photos' bucket, through the S3 client the backups use. Deleting a key that is not there
 * succeeds (S3's {@code DeleteObject} answers 204 either way), so deleting again after a retry is
 * harmless. Any failure (the store unreachable, 5xx, credentials) is thrown and retried by the
 * consumer.
 */
class PhotoBucket implements AutoCloseable {

  private final BackupStore store;

  PhotoBucket(PhotoStoreProperties properties) {
    this.store = BackupStore.connect(properties.settings());
  }

  void deleteAll(List<String> keys) {
    keys.forEach(store::delete);
  }

  @Override
  public void close() {
    store.close();
  }
}
