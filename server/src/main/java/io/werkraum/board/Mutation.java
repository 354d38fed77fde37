package io.werkraum.board;

/**
 * What a command does to the stored board, decided by the domain and carried out atomically by
 * the store: one item of one collection created, patched, deleted (or a round closed), and one
 * event appended to one stream.
 *
 * @param room the room whose stream and collections it touches, or null for the board stream
 * @param item the whole new item for {@link Op#CREATE}; the round's room for {@link Op#CLOSE_ROUND};
 *     what to do for the other board-wide operations ({@link RoomsSpec}, {@link AssignSpec},
 *     {@link HarvestSpec})
 * @param patch the changed fields for {@link Op#UPDATE}, otherwise null
 * @param checkLock refuse with {@code board_locked} while the board is locked
 * @param expectVersion for an update: the version the item must still have, or null
 * @param hideIfPrivate a new note is hidden while the board has private writing on
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
    Long expectVersion,
    boolean hideIfPrivate) {

  public Mutation(String room, Collection collection, Op op, String itemId, Object item, Patch patch,
      BoardEvent event) {
    this(room, collection, op, itemId, item, patch, event, false, null, false);
  }

  /**
   * A change to notes or sections by a participant: refused while the board is locked, and a new
   * note is hidden while private writing is on. Facilitators are bound by neither.
   */
  public Mutation byParticipantUnlessFacilitator(Actor actor) {
    boolean participant = actor.role() != Role.FACILITATOR;
    return new Mutation(room, collection, op, itemId, item, patch, event, participant, expectVersion,
        participant && collection == Collection.NOTES && op == Op.CREATE);
  }

  public Mutation expecting(long version) {
    return new Mutation(room, collection, op, itemId, item, patch, event, checkLock, version, hideIfPrivate);
  }

  public enum Collection {
    NOTES("notes", Limits.NOTES_PER_ROOM_MAX, true),
    SECTIONS("sections", Limits.SECTIONS_PER_ROOM_MAX, true),
    PARTICIPANTS("participants", Integer.MAX_VALUE, false),
    /** One item, {@code board}: lock, timer, spotlight, broadcast... */
    SETTINGS("settings", 1, false),
    ROUNDS("rounds", Limits.ROUNDS_MAX, false),
    ROOMS("rooms", Limits.ROOMS_MAX + 1, false),
    /** What each snapshot is (its content is stored apart, once, and never changes). */
    SNAPSHOTS("snapshots", Limits.SNAPSHOTS_MAX, false);

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
    CLOSE_ROUND,
    CREATE_ROOMS,
    ASSIGN,
    HARVEST,
    REVEAL
  }

  /** New rooms, each getting copies of the given plenary notes and sections. */
  public record RoomsSpec(java.util.List<RoomInfo> rooms, java.util.List<Object> notes, java.util.List<Object> sections) {}

  /** Who goes to which room (null: none), and how the facilitator assigns. */
  public record AssignSpec(String mode, java.util.Map<String, String> assignments) {}

  /** A room's notes copied into the plenary under a new section. */
  public record HarvestSpec(String room, String roomName, String sectionId, String by) {}
}
