package io.werkraum.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.werkraum.audit.AuditEntry;
import io.werkraum.audit.AuditLabels;
import io.werkraum.audit.AuditLog;
import io.werkraum.auth.Sessions;
import io.werkraum.export.CsvExport;
import io.werkraum.store.BoardStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code GET /api/boards/:board/audit} for the board's facilitators: its audit log, newest first,
 * as JSON ({@code {entries, keptDays}}) or, with {@code ?format=csv&lang=de|en}, as a download.
 * Who acted is named by the name they have on the board now; someone no longer on it by id.
 */
final class AuditApi {
  /** The most entries one answer holds. */
  static final int MAX_ENTRIES = 2_000;

  private final Sessions sessions;
  private final AuditLog audit;
  private final BoardStore store;
  private final int keptDays;

  AuditApi(Sessions sessions, AuditLog audit, BoardStore store, int keptDays) {
    this.sessions = sessions;
    this.audit = audit;
    this.store = store;
    this.keptDays = keptDays;
  }

  void mount(Router router) {
    router.get("/api/boards/:board/audit").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    String token = BoardApi.bearer(ctx);
    if (token == null) {
      return;
    }
    String board = ctx.pathParam("board");
    boolean csv = "csv".equals(ctx.queryParams().get("format"));
    sessions.facilitator(token, board)
        .compose(facilitator -> Future.all(audit.ofBoard(board, MAX_ENTRIES), store.participants(board)))
        .onSuccess(both -> {
          List<AuditEntry> entries = both.resultAt(0);
          List<JsonObject> people = both.resultAt(1);
          Map<String, String> names = people.stream().filter(p -> p.getString("id") != null)
              .collect(Collectors.toMap(p -> p.getString("id"), p -> p.getString("name", ""), (a, b) -> a, HashMap::new));
          if (csv) {
            download(ctx, entries, names, "de".equals(ctx.queryParams().get("lang")));
          } else {
            JsonArray list = new JsonArray();
            entries.forEach(e -> list.add(withName(e, names)));
            ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("entries", list).put("keptDays", keptDays).encode());
          }
        })
        .onFailure(err -> ApiErrors.send(ctx, err));
  }

  private static JsonObject withName(AuditEntry entry, Map<String, String> names) {
    JsonObject json = entry.toJson();
    String name = entry.actor() == null ? null : names.get(entry.actor());
    return name == null ? json : json.put("name", name);
  }

  private static void download(RoutingContext ctx, List<AuditEntry> entries, Map<String, String> names, boolean german) {
    AuditLabels labels = AuditLabels.of(german);
    List<List<String>> rows = new ArrayList<>(entries.size());
    for (AuditEntry e : entries) {
      String who = e.actor() == null ? "" : names.getOrDefault(e.actor(), e.actor());
      rows.add(List.of(Instant.ofEpochMilli(e.at()).toString(), who, labels.roles().getOrDefault(e.role(), e.role()),
          labels.actions().get(e.action()), e.action().code(), details(e.details())));
    }
    ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"audit-" + ctx.pathParam("board") + ".csv\"")
        .putHeader("Cache-Control", "no-store")
        .end(Buffer.buffer(CsvExport.table(labels.header(), rows)));
  }

  /** {@code key=value; key=value} in a stable order. */
  private static String details(Map<String, Object> details) {
    return details.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(d -> d.getKey() + "=" + d.getValue()).collect(Collectors.joining("; "));
  }
}
