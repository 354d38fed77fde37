package io.werkraum.command;

import io.vertx.core.Future;
import io.werkraum.protocol.CommandType;
import java.util.HashSet;
import java.util.Set;

/**
 * One command as a feature registers it: its wire type, the fields its body may have (besides
 * {@code type} and {@code commandId}), how its body is read, who may send it, and what handles it.
 */
public record CommandSpec<C>(CommandType type, Set<String> fields, Parser<C> parser, Access access,
    Handler<C> handler) {
  public CommandSpec {
    Set<String> all = new HashSet<>(fields);
    all.add("type");
    all.add("commandId");
    fields = Set.copyOf(all);
  }

  /** Reads a command's body into its record; throws a {@code Rejection} for bad input. */
  @FunctionalInterface
  public interface Parser<C> {
    C parse(Fields body);
  }

  /** Carries a command out; fails with a {@code Rejection} when it is refused. */
  @FunctionalInterface
  public interface Handler<C> {
    Future<Result> handle(Call<C> call);
  }
}
