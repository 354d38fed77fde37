package io.werkraum.publish;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Privacy;
import io.werkraum.protocol.Addresses;
import io.werkraum.protocol.MessageType;
import io.werkraum.store.Committed;

/**
 * Sends the news of committed changes and the messages of the moment to browsers: every publish
 * of the command path goes through here.
 */
public final class Publisher {
  private final EventBus eventBus;

  public Publisher(EventBus eventBus) {
    this.eventBus = eventBus;
  }

  /**
   * A committed event on its stream's address. An event about a hidden note goes out there
   * without its text; the author and the facilitators get it whole as {@code note.private} on
   * their own addresses. Browsers drop an event whose sequence number they have, so publishing
   * the event of a resent command again is harmless, and it is how a change whose first node
   * died before publishing still reaches everyone.
   */
  public void committed(Committed committed) {
    if (committed.event() == null) {
      return;
    }
    String board = committed.stream().boardId();
    JsonObject event = new JsonObject(committed.event());
    if (!Privacy.touchesHidden(event)) {
      eventBus.publish(committed.stream().address(), event);
      return;
    }
    eventBus.publish(committed.stream().address(), Privacy.withoutHiddenTexts(event, null));
    JsonObject whole = new JsonObject().put("type", MessageType.NOTE_PRIVATE.wire()).put("event", event);
    toFacilitators(board, whole);
    String author = event.getString("author");
    if (event.getBoolean("hidden", false) && author != null) {
      toParticipant(board, author, whole);
    }
  }

  /** Tells everyone on the board that it no longer exists (their sockets close as it reaches each node). */
  public void boardDeleted(String boardId) {
    eventBus.publish(Addresses.board(boardId), new JsonObject().put("type", MessageType.BOARD_DELETED.wire()));
  }

  public void toParticipant(String boardId, String participantId, JsonObject message) {
    eventBus.publish(Addresses.personal(boardId, participantId), message);
  }

  public void toFacilitators(String boardId, JsonObject message) {
    eventBus.publish(Addresses.facilitators(boardId), message);
  }
}
