package io.werkraum.realtime;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.redis.client.Redis;
import io.werkraum.auth.TokenService;
import io.werkraum.config.WerkraumConfig;
import io.werkraum.facilitation.FacilitationService;
import io.werkraum.rooms.RoomAccess;
import io.werkraum.rooms.RoomsService;
import io.werkraum.service.BoardService;
import io.werkraum.service.CommandRouter;
import io.werkraum.service.Publisher;
import io.werkraum.snapshots.SnapshotService;
import io.werkraum.voting.VotingService;
import io.werkraum.store.BoardStore;
import io.werkraum.store.RedisConnector;

/**
 * The node's command endpoint and presence relay: one instance per node, so presence is batched
 * per node and one socket's commands are kept in order.
 */
public final class RealtimeVerticle extends VerticleBase {
  private final WerkraumConfig config;
  private final TokenService tokens;
  private Redis redis;
  private CommandEndpoint commands;
  private PresenceRelay presence;

  public RealtimeVerticle(WerkraumConfig config, TokenService tokens) {
    this.config = config;
    this.tokens = tokens;
  }

  @Override
  public Future<?> start() {
    redis = Redis.createClient(vertx, RedisConnector.options(config));
    BoardStore store = new BoardStore(redis);
    Publisher publisher = new Publisher(vertx.eventBus());
    BoardService boards = new BoardService(store, tokens, publisher);
    RoomAccess access = new RoomAccess(store);
    SnapshotService snapshots = new SnapshotService(store, boards);
    commands = new CommandEndpoint(new CommandRouter(boards,
        new VotingService(vertx, store, boards, publisher, access, snapshots),
        new FacilitationService(store, boards, publisher),
        new RoomsService(store, boards),
        access,
        snapshots));
    presence = new PresenceRelay(vertx);
    return Future.all(commands.register(vertx.eventBus()), presence.start());
  }

  @Override
  public Future<?> stop() {
    return Future.join(commands.unregister(), presence.stop()).onComplete(done -> redis.close());
  }
}
