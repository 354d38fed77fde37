package io.werkraum.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.werkraum.auth.Sessions;
import io.werkraum.auth.SignedIn;
import io.werkraum.board.Board;
import io.werkraum.board.Rejection;
import io.werkraum.boards.Boards;
import io.werkraum.boards.Boards.Credential;
import io.werkraum.command.Fields;
import io.werkraum.export.ExportService;
import io.werkraum.export.JsonExport;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.protocol.Limits;
import io.werkraum.signin.SignIn;
import io.werkraum.templates.TemplateService;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** REST routes for what happens before a socket exists: create a board, join it, check a token. */
final class BoardApi {
  private static final int MAX_BODY = 16 * 1024;

  private final Boards boards;
  private final Sessions sessions;
  private final ExportService exports;
  private final TemplateService templates;
  private final String publicUrl;
  private final SignIn signIn;

  BoardApi(Boards boards, Sessions sessions, ExportService exports, TemplateService templates, String publicUrl,
      SignIn signIn) {
    this.boards = boards;
    this.signIn = signIn;
    this.sessions = sessions;
    this.exports = exports;
    this.templates = templates;
    this.publicUrl = publicUrl;
  }

  void mount(Router router) {
    // An import may be large (a board of 5,000 notes is a few MB); everything else is small.
    router.post("/api/boards/import")
        .handler(BodyHandler.create().setBodyLimit(JsonExport.MAX_BYTES).setHandleFileUploads(false))
        .handler(this::importBoard);
    router.routeWithRegex("/api/(?!boards/import$).*")
        .handler(BodyHandler.create().setBodyLimit(MAX_BODY).setHandleFileUploads(false));
    router.post("/api/boards").handler(this::create);
    router.get("/api/templates").handler(this::builtInTemplates);
    router.get("/api/templates/:template").handler(this::template);
    router.delete("/api/templates/:template").handler(this::deleteTemplate);
    router.post("/api/boards/:board/templates").handler(this::saveTemplate);
    router.post("/api/boards/:board/join").handler(this::join);
    router.get("/api/boards/:board/session").handler(this::session);
    router.get("/api/boards/:board/owners").handler(this::owners);
    router.post("/api/boards/:board/ticket").handler(this::ticket);
    router.get("/api/boards/:board/snapshots/:snapshot").handler(this::snapshot);
    router.get("/api/boards/:board/export/:format").handler(this::export);
    router.post("/api/boards/:board/snapshots/:snapshot/board").handler(this::boardFromSnapshot);
  }

  private void create(RoutingContext ctx) {
    if (!mayCreate(ctx)) {
      return;
    }
    SignedIn owner = signIn.current(ctx);
    Fields body = body(ctx);
    if (body == null) {
      return;
    }
    String title;
    String template;
    boolean german;
    ZoneId zone;
    try {
      title = body.label("title");
      zone = body.optionalTimeZone("timeZone");
      template = body.optionalString("template", 64);
      german = "de".equals(body.optionalString("language", 8));
    } catch (Rejection r) {
      ApiErrors.send(ctx, r);
      return;
    }
    // A built-in template (section titles in the chosen language) or a saved one.
    Future<Board> board = template == null ? boards.create(title, owner, zone)
        : templates.document(template, title, german).compose(doc -> boards.create(doc, owner, zone));
    board.onSuccess(created -> created(ctx, created)).onFailure(err -> ApiErrors.send(ctx, err));
  }

  /** The built-in templates, {@code ?lang=de|en}. */
  private void builtInTemplates(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json")
        .end(templates.builtIn("de".equals(ctx.queryParams().get("lang"))).encode());
  }

  /** A saved template's description: {id, name, sections, rooms, notes, createdAt}. */
  private void template(RoutingContext ctx) {
    templates.describe(ctx.pathParam("template"))
        .onSuccess(found -> ctx.response().putHeader("Content-Type", "application/json").end(found.encode()))
        .onFailure(err -> ApiErrors.send(ctx, err));
  }

  /** Saves the board as a template (facilitators): {name, notes?}; 201 with the template and its owner key. */
  private void saveTemplate(RoutingContext ctx) {
    String token = bearer(ctx);
    Fields body = token == null ? null : body(ctx);
    if (body == null) {
      return;
    }
    String name;
    boolean withNotes;
    try {
      name = body.label("name");
      withNotes = Boolean.TRUE.equals(body.optionalBool("notes"));
    } catch (Rejection r) {
      ApiErrors.send(ctx, r);
      return;
    }
    templates.save(token, ctx.pathParam("board"), name, withNotes)
        .onSuccess(saved -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .putHeader("Cache-Control", "no-store").end(saved.encode()))
        .onFailure(err -> ApiErrors.send(ctx, err));
  }

  /** Deletes a saved template, for the holder of its owner key (the Bearer credential). */
  private void deleteTemplate(RoutingContext ctx) {
    String ownerKey = bearer(ctx);
    if (ownerKey == null) {
      return;
    }
    templates.delete(ctx.pathParam("template"), ownerKey)
        .onSuccess(done -> ctx.response().setStatusCode(204).end())
        .onFailure(err -> ApiErrors.send(ctx, err));
  }

  /** 201 with the new board's id, title and its two links. */
  private void created(RoutingContext ctx, Board board) {
    String base = baseUrl(ctx) + "/b/" + board.id();
    ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(new JsonObject()
        .put("boardId", board.id())
        .put("title", board.title())
        .put("facilitatorLink", base + "#f=" + board.facilitatorSecret())
        .put("participantLink", base + "#j=" + board.joinCode())
        .encode());
  }

  /** A new board from an exported JSON document; answers like create. */
  private void importBoard(RoutingContext ctx) {
    if (!mayCreate(ctx)) {
      return;
    }
    boards.importBoard(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes(), signIn.current(ctx))
        .onSuccess(board -> created(ctx, board))
        .onFailure(err -> ApiErrors.send(ctx, err));
  }

  private void join(RoutingContext ctx) {
    String boardId = ctx.pathParam("board");
    Fields body = body(ctx);
    if (body == null) {
      return;
    }
    Credential kind;
    String secret;
    String name;
    String organisation;
    String passphrase;
    try {
      if (!Limits.ID.matcher(boardId).matches()) {
        throw new Rejection(ErrorCode.NOT_FOUND, "no such board");
      }
      Map<String, Credential> credentials = Map.of(
          "facilitatorSecret", Credential.FACILITATOR_SECRET,
          "joinCode", Credential.JOIN_CODE,
          "observerCode", Credential.OBSERVER_CODE);
      List<String> given = credentials.keySet().stream().filter(body::has).toList();
      if (given.size() != 1) {
        throw Rejection.invalid("give exactly one of facilitatorSecret, joinCode, observerCode");
      }
      kind = credentials.get(given.get(0));
      secret = body.string(given.get(0), 64);
      name = body.label("name");
      organisation = body.organisation();
      passphrase = body.optionalString("passphrase", Limits.NAME_MAX);
    } catch (Rejection r) {
      ApiErrors.send(ctx, r);
      return;
    }
    boards.join(boardId, kind, secret, name, organisation, passphrase, signIn.current(ctx))
        .onSuccess(joined -> ctx.response().putHeader("Content-Type", "application/json").end(joined.encode()))
        .onFailure(err -> ApiErrors.send(ctx, err));
  }

  private void session(RoutingContext ctx) {
    answerForToken(ctx, sessions::session, "board");
  }

  /** A socket ticket: the WebSocket URL carries it instead of the long-lived join token. */
  private void ticket(RoutingContext ctx) {
    SignedIn signedIn = signIn.current(ctx);
    answerForToken(ctx, token -> sessions.ticket(token, signedIn), null);
  }

  /** For facilitators: the board's owners and whether they are one ({owners: [{name, email}], mine}). */
  private void owners(RoutingContext ctx) {
    String token = bearer(ctx);
    if (token == null) {
      return;
    }
    sessions.owners(token, ctx.pathParam("board"))
        .onSuccess(found -> ctx.response().putHeader("Content-Type", "application/json")
            .putHeader("Cache-Control", "no-store").end(found.encode()))
        .onFailure(err -> ApiErrors.send(ctx, err));
  }

  /** True when this request may create a board; otherwise answers sign_in_required. */
  private boolean mayCreate(RoutingContext ctx) {
    if (signIn.required() && signIn.current(ctx) == null) {
      ApiErrors.send(ctx, ErrorCode.SIGN_IN_REQUIRED, "sign in to create a board");
      return false;
    }
    return true;
  }

  /** A download of the live board or a snapshot: {@code ?room=}, {@code ?snapshot=}, {@code ?lang=de|en}. */
  private void export(RoutingContext ctx) {
    String token = bearer(ctx);
    if (token == null) {
      return;
    }
    exports.export(token, ctx.pathParam("board"), ctx.pathParam("format"),
            ctx.queryParams().get("room"), ctx.queryParams().get("snapshot"), ctx.queryParams().get("lang"))
        .onSuccess(download -> ctx.response()
            .putHeader("Content-Type", download.contentType())
            .putHeader("Content-Disposition", download.contentDisposition())
            .putHeader("Cache-Control", "no-store")
            .end(Buffer.buffer(download.content())))
        .onFailure(err -> ApiErrors.send(ctx, err));
  }

  /** A new board that starts as the snapshot shows the board (for facilitators); answers like create. */
  private void boardFromSnapshot(RoutingContext ctx) {
    String token = bearer(ctx);
    if (token == null || !mayCreate(ctx)) {
      return;
    }
    boards.fromSnapshot(token, ctx.pathParam("board"), ctx.pathParam("snapshot"), signIn.current(ctx))
        .compose(board -> board == null
            ? Future.failedFuture(new Rejection(ErrorCode.NOT_ALLOWED, "the session is not valid"))
            : Future.succeededFuture(board))
        .onSuccess(board -> created(ctx, board))
        .onFailure(err -> ApiErrors.send(ctx, err));
  }

  /** A snapshot's content: the whole board as it was, as a board document (JSON). */
  private void snapshot(RoutingContext ctx) {
    String token = bearer(ctx);
    if (token == null) {
      return;
    }
    boards.snapshot(token, ctx.pathParam("board"), ctx.pathParam("snapshot")).onSuccess(content -> {
      if (content == null) {
        unauthorized(ctx);
      } else {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
            .putHeader("Cache-Control", "private, max-age=3600").end(content);
      }
    }).onFailure(err -> ApiErrors.send(ctx, err));
  }

  /**
   * Answers what {@code lookup} finds for the bearer token, or 401 when it finds nothing or the
   * token belongs to another board than the path names.
   */
  private static void answerForToken(RoutingContext ctx, Function<String, Future<JsonObject>> lookup,
      String boardObject) {
    String token = bearer(ctx);
    if (token == null) {
      return;
    }
    lookup.apply(token).onSuccess(found -> {
      String boardId = found == null ? null
          : boardObject == null ? found.getString("boardId") : found.getJsonObject(boardObject).getString("id");
      if (found == null || !ctx.pathParam("board").equals(boardId)) {
        unauthorized(ctx);
      } else {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
            .end(found.encode());
      }
    }).onFailure(err -> ApiErrors.send(ctx, err));
  }

  /** The join token of an {@code Authorization: Bearer} header, or null after answering 401. */
  static String bearer(RoutingContext ctx) {
    String auth = ctx.request().getHeader("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || auth.substring(7).isBlank()) {
      unauthorized(ctx);
      return null;
    }
    return auth.substring(7).trim();
  }

  private static void unauthorized(RoutingContext ctx) {
    ctx.response().setStatusCode(401).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("code", "not_allowed").put("message", "the session is not valid").encode());
  }

  /** The JSON object body, or null after answering invalid_input. */
  private static Fields body(RoutingContext ctx) {
    try {
      Object body = ctx.body().asJsonObject();
      if (body != null) {
        return Fields.of(body, "the body");
      }
    } catch (RuntimeException e) {
      // answered below
    }
    ApiErrors.send(ctx, ErrorCode.INVALID_INPUT, "the body must be a JSON object");
    return null;
  }

  private String baseUrl(RoutingContext ctx) {
    if (publicUrl != null) {
      return publicUrl;
    }
    return ctx.request().scheme() + "://" + ctx.request().authority().toString();
  }
}
