package io.werkraum.snapshots;

import io.werkraum.audit.Audited;
import io.werkraum.audit.AuditAction;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.Actor;
import io.werkraum.board.BoardEvent.SnapshotTaken;
import io.werkraum.board.SnapshotInfo;
import io.werkraum.command.Access;
import io.werkraum.command.Call;
import io.werkraum.command.CommandSpec;
import io.werkraum.command.CommandTable;
import io.werkraum.command.Feature;
import io.werkraum.command.Result;
import io.werkraum.export.BoardDocument;
import io.werkraum.export.DocumentBuilder;
import io.werkraum.protocol.CommandType;
import io.werkraum.protocol.Limits;
import io.werkraum.publish.Publisher;
import io.werkraum.store.BoardStore;
import io.werkraum.store.EventCodec;
import io.werkraum.store.Keys;
import io.werkraum.store.Script;
import io.werkraum.store.Stream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Snapshots: an immutable copy of the whole board (as an export document) at one moment, taken
 * by a facilitator or by Werkraum itself when a voting round or the breakout rooms close. A
 * snapshot's id follows from the command that takes it, so a resend stores nothing twice.
 */
public final class SnapshotsFeature implements Feature {
  private static final Logger LOG = Logger.getLogger(SnapshotsFeature.class.getName());

  /** KEYS: 1 the board's snapshots, 2 this snapshot's content. ARGV: 1 id, 2 what it is, 3 content, 4 the most a board keeps. */
  private static final Script TAKE = Script.commit("snapshot_take", """
      return werkraum.commit{run = function()
        local index, id = werkraum.key(1), werkraum.arg(1)
        if redis.call('HEXISTS', index, id) == 1 then return werkraum.refuse('conflict') end
        if redis.call('HLEN', index) >= tonumber(werkraum.arg(4)) then return werkraum.refuse('limit_reached') end
        redis.call('SET', werkraum.key(2), werkraum.arg(3))
        redis.call('HSET', index, id, werkraum.arg(2))
      end}
      """);

  record Take(String name) {}

  private final BoardStore store;
  private final DocumentBuilder documents;
  private final Publisher publisher;

  public SnapshotsFeature(BoardStore store, DocumentBuilder documents, Publisher publisher) {
    this.store = store;
    this.documents = documents;
    this.publisher = publisher;
  }

  @Override
  public void register(CommandTable.Builder table) {
    table.add(new CommandSpec<>(CommandType.SNAPSHOT_TAKE, Set.of("name"), body -> new Take(body.label("name")),
        Access.FACILITATORS, call -> take(call, call.command().name(), null, null))
        .audited(take -> Audited.of(AuditAction.SNAPSHOT_TAKEN)));
  }

  /**
   * Werkraum's own snapshot of a moment worth keeping, after the command {@code cause} (a round or
   * the rooms closing); failures are logged, not fatal.
   */
  public void takeOnOccasion(Call<?> cause, String occasion, String subject) {
    Actor system = Actor.system(cause.boardId());
    Call<Void> call = new Call<>(system, "after-" + cause.actor().participantId() + "-" + cause.commandId(), null,
        System.currentTimeMillis());
    take(call, null, occasion, subject).onSuccess(result -> result.conclude(publisher))
        .onFailure(err -> LOG.warning("no snapshot of " + cause.boardId() + " on " + occasion + ": " + err.getMessage()));
  }

  private Future<Result> take(Call<?> call, String name, String occasion, String subject) {
    String id = idFor(call);
    SnapshotInfo info = new SnapshotInfo(id, name, occasion, subject, call.now(), call.actor().participantId());
    // A resend answers the first snapshot without reading the board again.
    return call.decided(store, Stream.board(call.boardId()), () -> documents.build(call.boardId(), call.now())
        .compose(doc -> {
          BoardDocument content = doc.asSnapshot(new BoardDocument.SnapshotInfo(id, name == null ? "" : name, call.now()));
          return store.commit(call.commit(TAKE).event(Stream.board(call.boardId()), new SnapshotTaken(info))
              .key(Keys.snapshots(call.boardId())).key(Keys.snapshot(call.boardId(), id))
              .arg(id).arg(EventCodec.write(info)).arg(EventCodec.write(content)).arg(Limits.SNAPSHOTS_MAX));
        })).compose(committed -> {
          if (!committed.duplicate()) {
            return Future.succeededFuture(Result.of(committed).put("snapshot", JsonObject.mapFrom(info)));
          }
          // A resend answers the snapshot the first send took.
          return store.snapshotInfo(call.boardId(), id).map(first -> Result.of(committed).put("snapshot", first));
        });
  }

  /** The snapshot's id, the same for every send of the command that takes it. */
  private static String idFor(Call<?> call) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(
          (call.boardId() + "|" + call.actor().participantId() + "|" + call.commandId()).getBytes(StandardCharsets.UTF_8));
      return "s-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
