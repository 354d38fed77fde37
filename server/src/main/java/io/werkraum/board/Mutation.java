package io.werkraum.board;

/**
 * What a command does to the stored board, decided by the domain and carried out atomically by
 * the store: one item of one collection created, patched, deleted (or a round closed), and one
 * event appended to one stream.
 *
 * @param room the room whose stream and collections it touches, or null for the board stream
 * @param item the whole new item for {@link Op#CREATE}; the round's room for {@link Op#CLOSE_ROUND}
 * @param patch the changed fields for {@link Op#UPDATE}, otherwise null
 * @param checkLock refuse with {@code board_locked} while the board is locked
 * @param expectVersion for an update: the version the item must still have, or null
 */
public record Mutation(
    String room,
    Collection collection,
    Op op,
    String itemId,
    Object item,
    Patch patch,
    BoardEvent event,
    boolean checkLock,
    Long expectVersion) {

  public Mutation(String room, Collection collection, Op op, String itemId, Object item, Patch patch,
      BoardEvent event) {
    this(room, collection, op, itemId, item, patch, event, false, null);
  }

  public Mutation lockedForNonFacilitators(Actor actor) {
    return new Mutation(room, collection, op, itemId, item, patch, event,
        actor.role() != Role.FACILITATOR, expectVersion);
  }

  public Mutation expecting(long version) {
    return new Mutation(room, collection, op, itemId, item, patch, event, checkLock, version);
  }

  public enum Collection {
    NOTES("notes", Limits.NOTES_PER_ROOM_MAX, true),
    SECTIONS("sections", Limits.SECTIONS_PER_ROOM_MAX, true),
    PARTICIPANTS("participants", Integer.MAX_VALUE, false),
    /** One item, {@code board}: lock, timer, spotlight, broadcast... */
    SETTINGS("settings", 1, false),
    ROUNDS("rounds", Limits.ROUNDS_MAX, false);

    private final String key;
    private final int maxItems;
    private final boolean perRoom;

    Collection(String key, int maxItems, boolean perRoom) {
      this.key = key;
      this.maxItems = maxItems;
      this.perRoom = perRoom;
    }

    public String key() {
      return key;
    }

    public int maxItems() {
      return maxItems;
    }

    public boolean perRoom() {
      return perRoom;
    }
  }

  public enum Op {
    CREATE,
    UPDATE,
    DELETE,
    CLOSE_ROUND
  }
}
