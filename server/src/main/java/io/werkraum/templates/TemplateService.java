package io.werkraum.templates;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.auth.TokenService;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.protocol.Limits;
import io.werkraum.board.Rejection;
import io.werkraum.export.BoardDocument;
import io.werkraum.export.DocumentBuilder;
import io.werkraum.export.JsonExport;
import io.werkraum.auth.Sessions;
import io.werkraum.store.EventCodec;
import io.werkraum.store.TemplateStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * What a new board can start from: a built-in template, or a template a facilitator saved from a
 * board of theirs. A saved template keeps the board's rooms and sections, and its notes if asked,
 * but nobody's name or organisation, no votes and no rounds. There are no accounts, so the
 * server lists no saved templates to anyone: whoever saves one gets its unguessable id (which the
 * browser remembers and which can be passed on to colleagues) and an owner key that deletes it.
 */
public final class TemplateService {
  private static final String OWN_PREFIX = "t-";

  private final TemplateStore store;
  private final Sessions sessions;
  private final DocumentBuilder documents;

  public TemplateService(DocumentBuilder documents, TemplateStore store, Sessions sessions) {
    this.store = store;
    this.sessions = sessions;
    this.documents = documents;
  }

  /**
   * Saves the board as a template, for one of its facilitators.
   *
   * @return {id, name, ownerKey, sections, rooms, notes, createdAt}
   */
  public Future<JsonObject> save(String token, String boardId, String name, boolean withNotes) {
    long now = System.currentTimeMillis();
    return sessions.facilitator(token, boardId)
        .compose(facilitator -> documents.build(boardId, now))
        .compose(board -> {
          String id = OWN_PREFIX + TokenService.randomId(12);
          String ownerKey = TokenService.randomId(24);
          BoardDocument template = layout(board, name, withNotes, now);
          JsonObject description = describe(id, template);
          JsonObject stored = description.copy().put("ownerKeyHash", hash(ownerKey));
          return store.save(id, stored.encode(), EventCodec.write(template)).map(saved -> {
            if (!saved) {
              throw new Rejection(ErrorCode.CONFLICT, "please try again");
            }
            return description.put("ownerKey", ownerKey);
          });
        });
  }

  /** {id, name, sections, rooms, notes, createdAt} of a saved template; not_found when there is none. */
  public Future<JsonObject> describe(String templateId) {
    return stored(templateId).map(stored -> {
      stored.remove("ownerKeyHash");
      return stored;
    });
  }

  /** Deletes a saved template for whoever holds its owner key; not_allowed for anyone else. */
  public Future<Void> delete(String templateId, String ownerKey) {
    return stored(templateId).compose(stored -> {
      if (!MessageDigest.isEqual(hash(ownerKey).getBytes(StandardCharsets.US_ASCII),
          stored.getString("ownerKeyHash", "").getBytes(StandardCharsets.US_ASCII))) {
        return Future.failedFuture(new Rejection(ErrorCode.NOT_ALLOWED, "this key does not delete the template"));
      }
      return store.delete(templateId);
    });
  }

  /** The built-in templates, in the reader's language. */
  public JsonArray builtIn(boolean german) {
    return BuiltInTemplates.list(german);
  }

  /**
   * The document a new board titled {@code title} starts as: a built-in template laid out in the
   * given language, or a saved one; invalid_input when there is no template with this id.
   */
  public Future<BoardDocument> document(String templateId, String title, boolean german) {
    long now = System.currentTimeMillis();
    if (!templateId.startsWith(OWN_PREFIX)) {
      try {
        return Future.succeededFuture(BuiltInTemplates.document(templateId, title, german, now));
      } catch (Rejection r) {
        return Future.failedFuture(r);
      }
    }
    Future<String> document = Limits.ID.matcher(templateId).matches()
        ? store.document(templateId) : Future.succeededFuture(null);
    return document.map(content -> {
      if (content == null) {
        throw new Rejection(ErrorCode.INVALID_INPUT, "no template '" + templateId + "'");
      }
      BoardDocument saved = JsonExport.read(content.getBytes(StandardCharsets.UTF_8));
      return new BoardDocument(saved.schemaVersion(), saved.id(), title, now, now, null, null, List.of(),
          saved.rooms(), List.of());
    });
  }

  /** A saved template's description with its owner key's hash; not_found when there is none. */
  private Future<JsonObject> stored(String templateId) {
    if (!templateId.startsWith(OWN_PREFIX) || !Limits.ID.matcher(templateId).matches()) {
      return Future.failedFuture(new Rejection(ErrorCode.NOT_FOUND, "no such template"));
    }
    return store.description(templateId).compose(content -> content == null
        ? Future.failedFuture(new Rejection(ErrorCode.NOT_FOUND, "no such template"))
        : Future.succeededFuture(new JsonObject(content)));
  }

  /** The board's rooms, sections and (if asked) notes, without authors, origins, people or rounds. */
  static BoardDocument layout(BoardDocument board, String name, boolean withNotes, long now) {
    List<BoardDocument.Room> rooms = board.rooms().stream().map(room -> new BoardDocument.Room(room.id(), room.name(),
        room.kind(), now,
        room.sections().stream().map(s -> new BoardDocument.Section(s.id(), s.x(), s.y(), s.w(), s.h(), s.title(),
            null, now, now, null)).toList(),
        withNotes ? room.notes().stream().map(n -> new BoardDocument.Note(n.id(), n.x(), n.y(), n.w(), n.h(),
            n.color(), n.text(), null, now, now, null)).toList() : List.of()))
        .toList();
    return new BoardDocument(BoardDocument.SCHEMA_VERSION, "template", name, now, now, null, null, List.of(), rooms,
        List.of());
  }

  private static JsonObject describe(String id, BoardDocument template) {
    List<String> sections = template.rooms().stream().filter(r -> Limits.MAIN_ROOM.equals(r.id()))
        .flatMap(r -> r.sections().stream()).map(s -> s.title() == null ? "" : s.title()).toList();
    return new JsonObject().put("id", id).put("name", template.title()).put("sections", new JsonArray(sections))
        .put("rooms", template.rooms().stream().filter(r -> "breakout".equals(r.kind())).count())
        .put("notes", template.rooms().stream().mapToInt(r -> r.notes().size()).sum())
        .put("createdAt", template.createdAt());
  }

  private static String hash(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
