package io.werkraum.command;

import io.werkraum.board.Rejection;
import io.werkraum.protocol.CommandType;
import io.werkraum.protocol.ErrorCode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every command the server takes, by wire type, as the features registered them: the router is a
 * look-up, and who may send what is read from here and nowhere else.
 */
public final class CommandTable {
  private final Map<String, CommandSpec<?>> byWire;

  private CommandTable(Map<CommandType, CommandSpec<?>> specs) {
    this.byWire = specs.values().stream().collect(Collectors.toUnmodifiableMap(spec -> spec.type().wire(), spec -> spec));
  }

  public static CommandTable of(List<Feature> features) {
    Builder builder = new Builder();
    features.forEach(f -> f.register(builder));
    return new CommandTable(builder.specs);
  }

  /** A command body, read: the command it is, under which command id, parsed. */
  public record Parsed<C>(CommandSpec<C> spec, String commandId, C command) {}

  /**
   * Reads a command body: its type must be in the table, its fields those the command takes, its
   * command id an id, and the rest as the command's parser wants it. Throws a {@link Rejection}
   * ({@code unknown_command}, {@code invalid_input}, or what the command itself refuses); pure.
   */
  public Parsed<?> read(Object body) {
    Fields fields = Fields.of(body, "a command");
    String type = fields.string("type", 64);
    CommandSpec<?> spec = byWire.get(type);
    if (spec == null) {
      throw new Rejection(ErrorCode.UNKNOWN_COMMAND, "unknown command type '" + type + "'");
    }
    fields.only(spec.fields());
    return parse(spec, fields.id("commandId"), fields);
  }

  private static <C> Parsed<C> parse(CommandSpec<C> spec, String commandId, Fields fields) {
    return new Parsed<>(spec, commandId, spec.parser().parse(fields));
  }

  /** The command types in the table. */
  public Set<CommandType> types() {
    return byWire.values().stream().map(CommandSpec::type).collect(Collectors.toUnmodifiableSet());
  }

  /** Who may send a command type of the table. */
  public Access access(CommandType type) {
    return byWire.get(type.wire()).access();
  }

  /** Collects the commands of the features; each type once. */
  public static final class Builder {
    private final Map<CommandType, CommandSpec<?>> specs = new EnumMap<>(CommandType.class);

    private Builder() {}

    public <C> Builder add(CommandSpec<C> spec) {
      if (specs.putIfAbsent(spec.type(), spec) != null) {
        throw new IllegalStateException(spec.type().wire() + " is registered twice");
      }
      return this;
    }
  }
}
