package io.digitaltowns.api.site.calls;

import java.util.UUID;

/** Where a call's room page is: the resident is sent there, the owner's mail links to it. */
final class CallRoomPath {

  private CallRoomPath() {}

  static String of(UUID callId) {
    return "/my/calls/" + callId;
  }
}
