package io.werkraum.snapshots;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.auth.TokenService;
import io.werkraum.board.Actor;
import io.werkraum.board.Command.TakeSnapshot;
import io.werkraum.board.Decider;
import io.werkraum.board.Permissions;
import io.werkraum.board.Role;
import io.werkraum.board.SnapshotInfo;
import io.werkraum.export.BoardDocument;
import io.werkraum.export.DocumentBuilder;
import io.werkraum.service.BoardService;
import io.werkraum.store.BoardStore;
import io.werkraum.store.EventCodec;
import java.util.logging.Logger;

/**
 * Snapshots: an immutable copy of the whole board (as an export document) at one moment, taken
 * by a facilitator or by Werkraum itself when a voting round or the breakout rooms close.
 */
public final class SnapshotService {
  private static final Logger LOG = Logger.getLogger(SnapshotService.class.getName());
  private static final String SYSTEM = "werkraum";

  private final BoardStore store;
  private final BoardService boards;
  private final DocumentBuilder documents;

  public SnapshotService(BoardStore store, BoardService boards) {
    this.store = store;
    this.boards = boards;
    this.documents = new DocumentBuilder(store);
  }

  public Future<JsonObject> take(Actor actor, TakeSnapshot command) {
    Permissions.check(actor, command);
    return take(actor, command, command.name(), null, null);
  }

  /** Werkraum's own snapshot of a moment worth keeping; failures are logged, not fatal. */
  public void takeOnOccasion(String boardId, String occasion, String subject) {
    Actor system = new Actor(boardId, SYSTEM, Role.FACILITATOR);
    TakeSnapshot command = new TakeSnapshot("snapshot-" + TokenService.randomId(9), null);
    take(system, command, null, occasion, subject)
        .onFailure(err -> LOG.warning("no snapshot of " + boardId + " on " + occasion + ": " + err.getMessage()));
  }

  private Future<JsonObject> take(Actor actor, TakeSnapshot command, String name, String occasion, String subject) {
    long now = System.currentTimeMillis();
    String id = "s-" + TokenService.randomId(9);
    SnapshotInfo info = new SnapshotInfo(id, name, occasion, subject, now, actor.participantId());
    return documents.build(actor.boardId(), now).compose(doc -> {
      BoardDocument withInfo = doc.asSnapshot(new BoardDocument.SnapshotInfo(id, name == null ? "" : name, now));
      return store.saveSnapshot(actor.boardId(), id, EventCodec.write(withInfo));
    }).compose(saved -> boards.apply(actor, command, Decider.snapshot(info), now))
        .map(seq -> new JsonObject().put("ok", true).put("seq", seq).put("snapshot", JsonObject.mapFrom(info)));
  }
}
