package io.werkraum.service;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Mutation;
import io.werkraum.realtime.Addresses;
import io.werkraum.store.Outcome;

/** Sends the news of committed changes: every publish from the use cases goes through here. */
public final class Publisher {
  private final EventBus eventBus;

  public Publisher(EventBus eventBus) {
    this.eventBus = eventBus;
  }

  /**
   * A committed event, on its stream's address (once: a resend of the command publishes nothing).
   * An event about a hidden note goes out there without the text; the author and the
   * facilitators get it whole as {@code note.private} on their own addresses.
   */
  public void committed(String boardId, Mutation mutation, Outcome outcome) {
    if (outcome.event() == null) {
      return;
    }
    String address = mutation.collection().perRoom()
        ? Addresses.room(boardId, mutation.room())
        : Addresses.board(boardId);
    JsonObject event = new JsonObject(outcome.event());
    if (!Privacy.touchesHidden(event)) {
      eventBus.publish(address, event);
      return;
    }
    eventBus.publish(address, Privacy.withoutHiddenTexts(event, null));
    JsonObject whole = new JsonObject().put("type", "note.private").put("event", event);
    toFacilitators(boardId, whole);
    String author = event.getString("author");
    if (event.getBoolean("hidden", false) && author != null) {
      toParticipant(boardId, author, whole);
    }
  }

  public void toParticipant(String boardId, String participantId, JsonObject message) {
    eventBus.publish(Addresses.personal(boardId, participantId), message);
  }

  public void toFacilitators(String boardId, JsonObject message) {
    eventBus.publish(Addresses.facilitators(boardId), message);
  }

  /** Asks every node to close the sockets of a participant who was removed. */
  public void kick(String boardId, String participantId) {
    eventBus.publish(Addresses.KICK, new JsonObject().put("board", boardId).put("participant", participantId));
  }
}
