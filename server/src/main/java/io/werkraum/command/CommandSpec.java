package io.werkraum.command;

import io.werkraum.audit.Audited;
import io.vertx.core.Future;
import io.werkraum.protocol.CommandType;
import java.util.HashSet;
import java.util.Set;

/**
 * One command as a feature registers it: its wire type, the fields its body may have (besides
 * {@code type} and {@code commandId}), how its body is read, who may send it, and what handles it.
 */
public record CommandSpec<C>(CommandType type, Set<String> fields, Parser<C> parser, Access access,
    Handler<C> handler, Auditor<C> auditor) {
  /** A command that is not audited. */
  public CommandSpec(CommandType type, Set<String> fields, Parser<C> parser, Access access, Handler<C> handler) {
    this(type, fields, parser, access, handler, null);
  }

  public CommandSpec {
    Set<String> all = new HashSet<>(fields);
    all.add("type");
    all.add("commandId");
    fields = Set.copyOf(all);
  }

  /** The same command, audited: what {@code auditor} says of it goes to the board's audit log when applied. */
  public CommandSpec<C> audited(Auditor<C> auditor) {
    return new CommandSpec<>(type, fields, parser, access, handler, auditor);
  }

  /** What the audit log records of a command: an action and its details, or null for nothing. */
  @FunctionalInterface
  public interface Auditor<C> {
    Audited audit(C command);
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
