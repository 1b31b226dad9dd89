package io.digitaltowns.api.accounts;

import java.util.List;
import java.util.UUID;

/**
 * What else goes when an account is deleted: called in the deleting transaction, before the user's
 * row (whose foreign keys would otherwise cascade silently, with no event for the consumers to
 * clean up after).
 */
public interface AccountDeletionListener {

  /**
   * @return the ids of the businesses deleted with the account, for {@code UserDeleted.businessIds}
   */
  List<UUID> beforeDelete(UUID userId, String traceId);
}
