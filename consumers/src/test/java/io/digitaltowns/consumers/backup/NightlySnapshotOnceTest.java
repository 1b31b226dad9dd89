package io.digitaltowns.consumers.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.backup.snapshot.SnapshotCatalog;
import io.digitaltowns.backup.snapshot.SnapshotManifest;
import io.digitaltowns.backup.store.BackupStorageSettings;
import io.digitaltowns.backup.store.BackupStore;
import io.digitaltowns.consumers.RunningConsumers;
import io.digitaltowns.infra.LocalStack;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the backup group on the same database and bucket (on the three-broker cluster,
 * where it runs scaled out): the scheduled snapshot of a night is taken once, whether their
 * schedules fire together or one later.
 */
class NightlySnapshotOnceTest {

  private static final String BUCKET =
      "snapshot-once-" + UUID.randomUUID().toString().substring(0, 8);

  private static LocalStack cluster;
  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;
  private static BackupStore store;

  @BeforeAll
  static void startTwoInstances() {
    cluster = LocalStack.sharedCluster();
    first = RunningConsumers.start(cluster, backupInstance());
    second = RunningConsumers.start(cluster, backupInstance());
    store =
        BackupStore.connect(
            new BackupStorageSettings(
                cluster.s3Endpoint(),
                cluster.s3Region(),
                BUCKET,
                cluster.s3AccessKey(),
                cluster.s3SecretKey(),
                true));
  }

  @AfterAll
  static void stopInstances() {
    for (ConfigurableApplicationContext instance :
        new ConfigurableApplicationContext[] {first, second}) {
      if (instance != null) {
        instance.close();
      }
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void two_instances_whose_schedules_fire_together_then_again_later_take_one_snapshot_of_the_night()
      throws Exception {
    LocalDate night =
        LocalDate.of(2001, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 5000));
    NightlySnapshot one = first.getBean(NightlySnapshot.class);
    NightlySnapshot other = second.getBean(NightlySnapshot.class);
    int before = new SnapshotCatalog(store, Clock.systemUTC()).list().size();

    ExecutorService schedulers = Executors.newFixedThreadPool(2);
    List<SnapshotManifest> together = new ArrayList<>();
    try {
      for (Future<SnapshotManifest> fired :
          schedulers.invokeAll(
              List.<Callable<SnapshotManifest>>of(
                  () -> one.takeOnce(night), () -> other.takeOnce(night)))) {
        together.add(fired.get());
      }
    } finally {
      schedulers.shutdown();
    }
    // a restart at 02:00:05, a scheduler late after a long pause: the same night again, on either
    // instance
    SnapshotManifest laterOnOne = one.takeOnce(night);
    SnapshotManifest laterOnOther = other.takeOnce(night);

    assertThat(together).filteredOn(Objects::nonNull).hasSize(1);
    assertThat(laterOnOne).isNull();
    assertThat(laterOnOther).isNull();
    assertThat(new SnapshotCatalog(store, Clock.systemUTC()).list()).hasSize(before + 1);
    // the next night is a night of its own
    assertThat(other.takeOnce(night.plusDays(1))).isNotNull();
  }

  private static Map<String, Object> backupInstance() {
    Map<String, Object> settings = new HashMap<>();
    settings.put("digitaltowns.consumers.email.enabled", "false");
    settings.put("digitaltowns.consumers.backup.enabled", "true");
    settings.put("digitaltowns.backup.storage.endpoint", cluster.s3Endpoint());
    settings.put("digitaltowns.backup.storage.region", cluster.s3Region());
    settings.put("digitaltowns.backup.storage.bucket", BUCKET);
    settings.put("digitaltowns.backup.storage.key-id", cluster.s3AccessKey());
    settings.put("digitaltowns.backup.storage.app-key", cluster.s3SecretKey());
    return settings;
  }
}
