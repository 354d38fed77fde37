package io.werkraum.realtime;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.werkraum.audit.AuditLog;
import io.werkraum.boards.JoinProtectionFeature;
import io.werkraum.command.CommandPipeline;
import io.werkraum.command.CommandTable;
import io.werkraum.config.WerkraumConfig;
import io.werkraum.config.WerkraumConfig.Retention;
import io.werkraum.export.DocumentBuilder;
import io.werkraum.facilitation.FacilitationFeature;
import io.werkraum.lifecycle.ExpirySweep;
import io.werkraum.lifecycle.LifecycleFeature;
import io.werkraum.metrics.WerkraumMetrics;
import io.werkraum.notes.NotesFeature;
import io.werkraum.participants.ParticipantsFeature;
import io.werkraum.publish.Publisher;
import io.werkraum.rooms.RoomsFeature;
import io.werkraum.snapshots.SnapshotsFeature;
import io.werkraum.store.AuditStore;
import io.werkraum.store.BoardRemoval;
import io.werkraum.store.BoardStore;
import io.werkraum.store.RedisConnector;
import io.werkraum.store.StateReads;
import io.werkraum.sync.SyncFeature;
import io.werkraum.voting.VotingFeature;
import java.util.List;

/**
 * The node's command endpoint and presence relay: one instance per node, so presence is batched
 * per node and one socket's commands are kept in order.
 */
public final class RealtimeVerticle extends VerticleBase {
  private final WerkraumConfig config;
  private final WerkraumMetrics metrics;
  private Redis redis;
  private CommandEndpoint commands;
  private PresenceRelay presence;
  private ExpirySweep expiry;

  public RealtimeVerticle(WerkraumConfig config, WerkraumMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  /** Every feature's commands, in one table, as {@code config} sets them up. */
  public static CommandTable commandTable(Vertx vertx, Redis redis, WerkraumConfig config, Publisher publisher) {
    Retention retention = config.retention();
    BoardStore store = new BoardStore(redis, retention.auditDays());
    StateReads reads = new StateReads(redis);
    SnapshotsFeature snapshots = new SnapshotsFeature(store, new DocumentBuilder(reads), publisher);
    VotingFeature voting = new VotingFeature(vertx, store, publisher, snapshots, config.anonymityThreshold());
    return CommandTable.of(List.of(
        new NotesFeature(store),
        new ParticipantsFeature(store),
        new FacilitationFeature(store),
        voting,
        new RoomsFeature(store, snapshots),
        snapshots,
        new SyncFeature(reads, voting),
        new JoinProtectionFeature(store),
        new LifecycleFeature(store, new BoardRemoval(redis), publisher, auditLog(redis, retention), retention)));
  }

  public static AuditLog auditLog(Redis redis, Retention retention) {
    return new AuditLog(new AuditStore(redis), retention.auditDays());
  }

  @Override
  public Future<?> start() {
    redis = Redis.createClient(vertx, RedisConnector.options(config));
    Publisher publisher = new Publisher(vertx.eventBus());
    CommandTable table = commandTable(vertx, redis, config, publisher);
    commands = new CommandEndpoint(vertx, new CommandPipeline(table, publisher), metrics);
    presence = new PresenceRelay(vertx, metrics);
    expiry = new ExpirySweep(vertx, new BoardRemoval(redis), publisher, auditLog(redis, config.retention()),
        config.retention());
    expiry.start();
    return Future.all(commands.register(), presence.start());
  }

  @Override
  public Future<?> stop() {
    expiry.stop();
    return Future.join(commands.unregister(), presence.stop()).onComplete(done -> redis.close());
  }
}
