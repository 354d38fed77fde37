package io.werkraum.board;

/**
 * What a command does to the stored board, decided by the domain and carried out atomically by
 * the store: one item of one collection created, patched or deleted, and one event appended to
 * one stream.
 *
 * @param room the room whose stream and collections it touches, or null for the board stream
 * @param item the whole new item for {@link Op#CREATE}, otherwise null
 * @param patch the changed fields for {@link Op#UPDATE}, otherwise null
 */
public record Mutation(
    String room, Collection collection, Op op, String itemId, Object item, Patch patch, BoardEvent event) {

  public enum Collection {
    NOTES("notes", Limits.NOTES_PER_ROOM_MAX),
    SECTIONS("sections", Limits.SECTIONS_PER_ROOM_MAX),
    PARTICIPANTS("participants", Integer.MAX_VALUE);

    private final String key;
    private final int maxItems;

    Collection(String key, int maxItems) {
      this.key = key;
      this.maxItems = maxItems;
    }

    public String key() {
      return key;
    }

    public int maxItems() {
      return maxItems;
    }
  }

  public enum Op {
    CREATE,
    UPDATE,
    DELETE
  }
}
