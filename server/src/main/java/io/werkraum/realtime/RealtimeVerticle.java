package io.werkraum.realtime;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.werkraum.command.CommandPipeline;
import io.werkraum.command.CommandTable;
import io.werkraum.config.WerkraumConfig;
import io.werkraum.export.DocumentBuilder;
import io.werkraum.facilitation.FacilitationFeature;
import io.werkraum.metrics.WerkraumMetrics;
import io.werkraum.notes.NotesFeature;
import io.werkraum.participants.ParticipantsFeature;
import io.werkraum.publish.Publisher;
import io.werkraum.rooms.RoomsFeature;
import io.werkraum.snapshots.SnapshotsFeature;
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

  public RealtimeVerticle(WerkraumConfig config, WerkraumMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  /** Every feature's commands, in one table. */
  public static CommandTable commandTable(Vertx vertx, BoardStore store, StateReads reads, Publisher publisher) {
    SnapshotsFeature snapshots = new SnapshotsFeature(store, new DocumentBuilder(reads), publisher);
    VotingFeature voting = new VotingFeature(vertx, store, publisher, snapshots);
    return CommandTable.of(List.of(
        new NotesFeature(store),
        new ParticipantsFeature(store),
        new FacilitationFeature(store),
        voting,
        new RoomsFeature(store, snapshots),
        snapshots,
        new SyncFeature(reads, voting)));
  }

  @Override
  public Future<?> start() {
    redis = Redis.createClient(vertx, RedisConnector.options(config));
    Publisher publisher = new Publisher(vertx.eventBus());
    CommandTable table = commandTable(vertx, new BoardStore(redis), new StateReads(redis), publisher);
    commands = new CommandEndpoint(vertx, new CommandPipeline(table, publisher), metrics);
    presence = new PresenceRelay(vertx, metrics);
    return Future.all(commands.register(), presence.start());
  }

  @Override
  public Future<?> stop() {
    return Future.join(commands.unregister(), presence.stop()).onComplete(done -> redis.close());
  }
}
