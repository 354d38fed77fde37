package io.werkraum.notes;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.werkraum.board.BoardEvent;
import io.werkraum.board.BoardEvent.NoteCreated;
import io.werkraum.board.BoardEvent.NoteDeleted;
import io.werkraum.board.BoardEvent.NoteUpdated;
import io.werkraum.board.BoardEvent.SectionCreated;
import io.werkraum.board.BoardEvent.SectionDeleted;
import io.werkraum.board.BoardEvent.SectionUpdated;
import io.werkraum.board.Note;
import io.werkraum.board.Patch;
import io.werkraum.board.Rejection;
import io.werkraum.board.Section;
import io.werkraum.command.Access;
import io.werkraum.command.Call;
import io.werkraum.command.CommandSpec;
import io.werkraum.command.CommandTable;
import io.werkraum.command.Feature;
import io.werkraum.command.Fields;
import io.werkraum.command.Result;
import io.werkraum.protocol.CommandType;
import io.werkraum.protocol.Limits;
import io.werkraum.protocol.Palette;
import io.werkraum.store.BoardStore;
import io.werkraum.store.EventCodec;
import io.werkraum.store.Keys;
import io.werkraum.store.Script;
import io.werkraum.store.Stream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Notes and sections: create, change, delete, and duplicate a note. Participants act only in the
 * room they are in and not while the board is locked; under private writing their new notes are
 * hidden, and a hidden note is changed only by its author. Each rule is checked inside the write.
 */
public final class NotesFeature implements Feature {
  /**
   * KEYS: 1 the room's notes or sections. ARGV: 1 id, 2 the item, 3 the most items the room holds,
   * 4 '1' for a note (hidden while private writing is on, when a participant writes it).
   */
  private static final Script CREATE = Script.commit("item_create", """
      return werkraum.commit{run = function()
        local locked = werkraum.checkLock()
        if locked then return locked end
        local items, id, item = werkraum.key(1), werkraum.arg(1), werkraum.arg(2)
        if redis.call('HEXISTS', items, id) == 1 then return werkraum.refuse('conflict') end
        if redis.call('HLEN', items) >= tonumber(werkraum.arg(3)) then return werkraum.refuse('limit_reached') end
        if werkraum.arg(4) == '1' and werkraum.bound and werkraum.settings().privateWriting == true then
          local note = cjson.decode(item)
          note.hidden = true
          item = cjson.encode(note)
          werkraum.hidden = werkraum.sender
        end
        redis.call('HSET', items, id, item)
      end}
      """);

  /**
   * KEYS: 1 the room's notes or sections. ARGV: 1 id, 2 the patch, 3 '1' when the change names the
   * text it began from, 4 that text. A text that is no longer that one was saved by someone else
   * meanwhile: refused, and the text now goes back (unless it is hidden from the sender).
   */
  private static final Script UPDATE = Script.commit("item_update", """
      return werkraum.commit{run = function()
        local locked = werkraum.checkLock()
        if locked then return locked end
        local items, id = werkraum.key(1), werkraum.arg(1)
        local item, refused = werkraum.changeable(items, id)
        if not item then return refused end
        if werkraum.arg(3) == '1' and (item.text or '') ~= werkraum.arg(4) then
          local readable = item.hidden ~= true or item.author == werkraum.sender
          return werkraum.refuse('edit_conflict', readable and {text = item.text or ''} or nil)
        end
        for field, value in pairs(cjson.decode(werkraum.arg(2))) do
          item[field] = value
        end
        item.v = (item.v or 0) + 1
        item.updatedAt = werkraum.now
        redis.call('HSET', items, id, cjson.encode(item))
      end}
      """);

  /** KEYS: 1 the room's notes or sections. ARGV: 1 id. */
  private static final Script DELETE = Script.commit("item_delete", """
      return werkraum.commit{run = function()
        local locked = werkraum.checkLock()
        if locked then return locked end
        local items, id = werkraum.key(1), werkraum.arg(1)
        local item, refused = werkraum.changeable(items, id)
        if not item then return refused end
        redis.call('HDEL', items, id)
      end}
      """);

  /**
   * KEYS: 1 the room's notes. ARGV: 1 the source note's id, 2 the version it was read at, 3 the
   * copy, 4 the most notes the room holds. A copy of a hidden note is hidden too, and only its
   * author may make one.
   */
  private static final Script DUPLICATE = Script.commit("note_duplicate", """
      return werkraum.commit{run = function()
        local locked = werkraum.checkLock()
        if locked then return locked end
        local notes = werkraum.key(1)
        local source = werkraum.decode(redis.call('HGET', notes, werkraum.arg(1)))
        if not source then return werkraum.refuse('not_found') end
        if (source.v or 0) ~= tonumber(werkraum.arg(2)) then return werkraum.STALE end
        if source.hidden == true and source.author ~= werkraum.sender then return werkraum.refuse('not_allowed') end
        local copy = cjson.decode(werkraum.arg(3))
        if redis.call('HEXISTS', notes, copy.id) == 1 then return werkraum.refuse('conflict') end
        if redis.call('HLEN', notes) >= tonumber(werkraum.arg(4)) then return werkraum.refuse('limit_reached') end
        if source.hidden == true or (werkraum.bound and werkraum.settings().privateWriting == true) then
          copy.hidden = true
          werkraum.hidden = werkraum.sender
        end
        redis.call('HSET', notes, copy.id, cjson.encode(copy))
      end}
      """);

  private static final Map<String, Function<Fields, Object>> NOTE_PATCH = patchFields(
      Limits.NOTE_SIZE_MIN, Limits.NOTE_SIZE_MAX, Map.of(
          "color", f -> f.color("color"),
          "text", f -> f.optionalString("text", Limits.NOTE_TEXT_MAX)));
  private static final Map<String, Function<Fields, Object>> SECTION_PATCH = patchFields(
      Limits.SECTION_SIZE_MIN, Limits.SECTION_SIZE_MAX, Map.of("title", f -> f.title("title")));

  record CreateNote(String room, Note note) {}

  record CreateSection(String room, Section section) {}

  /** @param baseText the text the edit began from (a conflict when the note's text is another now), or null */
  record Change(String room, String id, Patch patch, String baseText) {}

  record Delete(String room, String id) {}

  record Duplicate(String room, String source, String id, double x, double y) {}

  private final BoardStore store;

  public NotesFeature(BoardStore store) {
    this.store = store;
  }

  @Override
  public void register(CommandTable.Builder table) {
    table.add(new CommandSpec<>(CommandType.NOTE_CREATE, Set.of("room", "note"), body -> {
      Fields note = body.object("note").only(Set.of("id", "x", "y", "w", "h", "color", "text"));
      Double w = note.optionalNumber("w", Limits.NOTE_SIZE_MIN, Limits.NOTE_SIZE_MAX);
      Double h = note.optionalNumber("h", Limits.NOTE_SIZE_MIN, Limits.NOTE_SIZE_MAX);
      String color = note.color("color");
      String text = note.optionalString("text", Limits.NOTE_TEXT_MAX);
      return new CreateNote(body.id("room"), new Note(note.id("id"), note.coordinate("x"), note.coordinate("y"),
          w == null ? Limits.NOTE_WIDTH_DEFAULT : w, h == null ? Limits.NOTE_HEIGHT_DEFAULT : h,
          color == null ? Palette.DEFAULT.wire() : color, text == null ? "" : text, null, 0));
    }, Access.MEMBERS, this::createNote));
    table.add(new CommandSpec<>(CommandType.NOTE_UPDATE, Set.of("room", "id", "patch", "baseText"), body -> {
      Patch patch = body.object("patch").patch(NOTE_PATCH);
      String baseText = body.optionalString("baseText", Limits.NOTE_TEXT_MAX);
      if (baseText != null && !patch.fields().containsKey("text")) {
        throw Rejection.invalid("baseText: only with a new text in the patch");
      }
      return new Change(body.id("room"), body.id("id"), patch, baseText);
    }, Access.MEMBERS, call -> change(call, true)));
    table.add(new CommandSpec<>(CommandType.NOTE_DELETE, Set.of("room", "id"),
        body -> new Delete(body.id("room"), body.id("id")), Access.MEMBERS, call -> delete(call, true)));
    table.add(new CommandSpec<>(CommandType.NOTE_DUPLICATE, Set.of("room", "id", "note"), body -> {
      Fields note = body.object("note").only(Set.of("id", "x", "y"));
      return new Duplicate(body.id("room"), body.id("id"), note.id("id"), note.coordinate("x"), note.coordinate("y"));
    }, Access.MEMBERS, this::duplicate));
    table.add(new CommandSpec<>(CommandType.SECTION_CREATE, Set.of("room", "section"), body -> {
      Fields section = body.object("section").only(Set.of("id", "x", "y", "w", "h", "title"));
      return new CreateSection(body.id("room"), new Section(section.id("id"), section.coordinate("x"),
          section.coordinate("y"), section.number("w", Limits.SECTION_SIZE_MIN, Limits.SECTION_SIZE_MAX),
          section.number("h", Limits.SECTION_SIZE_MIN, Limits.SECTION_SIZE_MAX), section.title("title"), null, 0));
    }, Access.MEMBERS, this::createSection));
    table.add(new CommandSpec<>(CommandType.SECTION_UPDATE, Set.of("room", "id", "patch"),
        body -> new Change(body.id("room"), body.id("id"), body.object("patch").patch(SECTION_PATCH), null),
        Access.MEMBERS, call -> change(call, false)));
    table.add(new CommandSpec<>(CommandType.SECTION_DELETE, Set.of("room", "id"),
        body -> new Delete(body.id("room"), body.id("id")), Access.MEMBERS, call -> delete(call, false)));
  }

  private Future<Result> createNote(Call<CreateNote> call) {
    Note draft = call.command().note();
    Note note = new Note(draft.id(), draft.x(), draft.y(), draft.w(), draft.h(), draft.color(), draft.text(),
        call.actor().participantId(), call.now());
    return create(call, call.command().room(), Keys.notes(call.boardId(), call.command().room()), note.id(), note,
        new NoteCreated(call.command().room(), note), Limits.NOTES_PER_ROOM_MAX, true);
  }

  private Future<Result> createSection(Call<CreateSection> call) {
    Section d = call.command().section();
    Section section = new Section(d.id(), d.x(), d.y(), d.w(), d.h(), d.title(), call.actor().participantId(),
        call.now());
    return create(call, call.command().room(), Keys.sections(call.boardId(), call.command().room()), section.id(),
        section, new SectionCreated(call.command().room(), section), Limits.SECTIONS_PER_ROOM_MAX, false);
  }

  private Future<Result> create(Call<?> call, String room, String items, String id, Object item, BoardEvent event,
      int max, boolean note) {
    return store.commit(call.commit(CREATE).event(Stream.room(call.boardId(), room), event).inRoom(room)
            .key(items).arg(id).arg(EventCodec.write(item)).arg(max).arg(note ? "1" : "0"))
        .map(Result::of);
  }

  private Future<Result> change(Call<Change> call, boolean note) {
    Change c = call.command();
    String by = call.actor().participantId();
    BoardEvent event = note ? new NoteUpdated(c.room(), c.id(), c.patch().fields(), by, call.now())
        : new SectionUpdated(c.room(), c.id(), c.patch().fields(), by, call.now());
    // An edit under way when the breakout rooms closed is still saved in its room.
    return store.commit(call.commit(UPDATE).event(Stream.room(call.boardId(), c.room()), event)
            .finishingInRoom(c.room()).key(items(call, c.room(), note)).arg(c.id())
            .arg(EventCodec.write(c.patch().fields())).arg(c.baseText() == null ? "0" : "1")
            .optionalArg(c.baseText()))
        .map(Result::of);
  }

  private Future<Result> delete(Call<Delete> call, boolean note) {
    Delete d = call.command();
    String by = call.actor().participantId();
    BoardEvent event = note ? new NoteDeleted(d.room(), d.id(), by) : new SectionDeleted(d.room(), d.id(), by);
    return store.commit(call.commit(DELETE).event(Stream.room(call.boardId(), d.room()), event).inRoom(d.room())
            .key(items(call, d.room(), note)).arg(d.id()))
        .map(Result::of);
  }

  /** The copy takes the source's text, colour and size as stored now: read, then committed if unchanged. */
  private Future<Result> duplicate(Call<Duplicate> call) {
    Duplicate d = call.command();
    return call.decided(store, Stream.room(call.boardId(), d.room()), () -> store.note(call.boardId(), d.room(), d.source()).compose(source -> {
      if (source == null) {
        return Future.failedFuture(Rejection.notFound("no note '" + d.source() + "' in room '" + d.room() + "'"));
      }
      Note copy = new Note(d.id(), d.x(), d.y(), source.getDouble("w"), source.getDouble("h"),
          source.getString("color"), source.getString("text"), call.actor().participantId(), call.now());
      return store.commit(call.commit(DUPLICATE).event(Stream.room(call.boardId(), d.room()),
              new NoteCreated(d.room(), copy)).inRoom(d.room())
          .key(Keys.notes(call.boardId(), d.room())).arg(d.source()).arg(source.getLong("v", 0L))
          .arg(EventCodec.write(copy)).arg(Limits.NOTES_PER_ROOM_MAX));
    })).map(Result::of);
  }

  private static String items(Call<?> call, String room, boolean note) {
    return note ? Keys.notes(call.boardId(), room) : Keys.sections(call.boardId(), room);
  }

  /** Position and size within bounds, plus the kind's own fields, in a stable order. */
  private static Map<String, Function<Fields, Object>> patchFields(double minSize, double maxSize,
      Map<String, Function<Fields, Object>> own) {
    Map<String, Function<Fields, Object>> fields = new LinkedHashMap<>();
    fields.put("x", f -> f.coordinate("x"));
    fields.put("y", f -> f.coordinate("y"));
    fields.put("w", f -> f.number("w", minSize, maxSize));
    fields.put("h", f -> f.number("h", minSize, maxSize));
    own.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> fields.put(e.getKey(), e.getValue()));
    return fields;
  }
}
