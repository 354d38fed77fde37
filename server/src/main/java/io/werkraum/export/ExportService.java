package io.werkraum.export;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.protocol.Limits;
import io.werkraum.board.Board;
import io.werkraum.board.Rejection;
import io.werkraum.audit.AuditAction;
import io.werkraum.audit.AuditEntry;
import io.werkraum.audit.AuditLog;
import io.werkraum.auth.Sessions;
import io.werkraum.config.WerkraumConfig.Retention;
import io.werkraum.metrics.WerkraumMetrics;
import io.werkraum.store.BoardStore;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;

/**
 * Downloads of the documented result: the live board or a snapshot, in one of the formats, for
 * facilitators. The document is read once; rendering runs on a worker thread, never on an event
 * loop (a 5,000-note PDF takes a second or more).
 */
public final class ExportService {
  /** A file to download; {@code fileName} may hold any letters (see {@link #contentDisposition()}). */
  public record Download(String fileName, String contentType, byte[] content) {
    /** The header that names the file: its name in UTF-8 (filename*) and in ASCII for old clients. */
    public String contentDisposition() {
      return DownloadNames.contentDisposition(fileName);
    }
  }

  private final Vertx vertx;
  private final AuditLog audit;
  private final Retention retention;
  private final BoardStore store;
  private final Sessions sessions;
  private final DocumentBuilder documents;
  private final WerkraumMetrics metrics;
  private final ZoneId configuredZone;

  /**
   * @param retention how long boards are kept, which the minutes and the report state
   * @param configuredZone the time zone the exports show times in for boards without one of their own
   */
  public ExportService(Vertx vertx, BoardStore store, DocumentBuilder documents, Sessions sessions, AuditLog audit,
      WerkraumMetrics metrics, Retention retention, ZoneId configuredZone) {
    this.configuredZone = configuredZone;
    this.retention = retention;
    this.vertx = vertx;
    this.audit = audit;
    this.store = store;
    this.sessions = sessions;
    this.documents = documents;
    this.metrics = metrics;
  }

  /**
   * @param room for SVG and PNG: which room's picture (default the plenary)
   * @param snapshotId null for the live board
   * @param language {@code de} or {@code en}: headings and column names
   */
  public Future<Download> export(String token, String boardId, String format, String room, String snapshotId,
      String language) {
    long started = System.nanoTime();
    Format kind;
    try {
      kind = Format.of(format);
    } catch (Rejection r) {
      metrics.exportDone(null, r, started);
      return Future.failedFuture(r);
    }
    boolean german = "de".equals(language);
    return sessions.facilitator(token, boardId).compose(facilitator -> Future.all(document(boardId, snapshotId),
            store.settings(boardId), store.board(boardId))
        .compose(read -> {
          BoardDocument doc = read.resultAt(0);
          // The board's zone for the live board and its snapshots alike: it is fixed when the board is made.
          Board board = read.resultAt(2);
          ZoneId zone = board == null ? configuredZone : board.zoneOr(configuredZone);
          Object chosen = read.<JsonObject>resultAt(1).getValue("retentionDays");
          int keptDays = retention.effectiveDays(chosen instanceof Number n ? n.intValue() : null);
          String shown = room == null ? Limits.MAIN_ROOM : room;
          return vertx.executeBlocking(() -> render(doc, kind, shown, german, keptDays, zone), false);
        })
        .onSuccess(download -> audit.record(AuditEntry.by(facilitator, System.currentTimeMillis(),
            AuditAction.EXPORT_DOWNLOADED, exported(kind, snapshotId)))))
        .andThen(done -> metrics.exportDone(kind.extension, done.cause(), started));
  }

  /** What the audit log says of an export: its format, and the snapshot when it was one. */
  private static Map<String, Object> exported(Format format, String snapshotId) {
    return snapshotId == null ? Map.of("format", format.extension)
        : Map.of("format", format.extension, "snapshot", snapshotId);
  }

  private Future<BoardDocument> document(String boardId, String snapshotId) {
    if (snapshotId == null) {
      return documents.build(boardId, System.currentTimeMillis());
    }
    if (!Limits.ID.matcher(snapshotId).matches()) {
      return Future.failedFuture(new Rejection(ErrorCode.NOT_FOUND, "no such snapshot"));
    }
    return store.snapshot(boardId, snapshotId).map(content -> {
      if (content == null) {
        throw new Rejection(ErrorCode.NOT_FOUND, "no such snapshot");
      }
      return JsonExport.read(content.getBytes(StandardCharsets.UTF_8));
    });
  }

  /** @param keptDays the board's retention, which the human-readable documents state */
  private static Download render(BoardDocument doc, Format format, String roomId, boolean german, int keptDays,
      ZoneId zone) {
    ReportLabels labels = german ? ReportLabels.german() : ReportLabels.english();
    boolean picture = format == Format.SVG || format == Format.PNG;
    BoardDocument.Room room = !picture ? null : ExportIndex.list(doc.rooms()).stream()
        .filter(r -> r.id().equals(roomId)).findFirst()
        .orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "no room '" + roomId + "'"));
    String name = DownloadNames.of(doc, room == null ? null : ExportIndex.roomName(room, labels.plenary()), labels, zone,
        format.extension);
    byte[] content = switch (format) {
      case JSON -> JsonExport.write(doc);
      case CSV -> CsvExport.write(doc, german ? Labels.german() : Labels.english(), zone);
      case MARKDOWN -> MarkdownExport.write(doc, german ? MarkdownExport.Texts.german() : MarkdownExport.Texts.english(),
          zone, keptDays).getBytes(StandardCharsets.UTF_8);
      case SVG -> SvgExport.write(doc, roomId).getBytes(StandardCharsets.UTF_8);
      case PNG -> PngExport.write(doc, roomId);
      case PDF -> PdfExport.write(doc, labels, zone, keptDays);
    };
    return new Download(name, format.contentType, content);
  }

  enum Format {
    JSON("json", "application/json; charset=utf-8"),
    CSV("csv", "text/csv; charset=utf-8"),
    MARKDOWN("md", "text/markdown; charset=utf-8"),
    SVG("svg", "image/svg+xml"),
    PNG("png", "image/png"),
    PDF("pdf", "application/pdf");

    final String extension;
    final String contentType;

    Format(String extension, String contentType) {
      this.extension = extension;
      this.contentType = contentType;
    }

    static Format of(String name) {
      for (Format f : values()) {
        if (f.extension.equals(name) || f.name().equalsIgnoreCase(name)) {
          return f;
        }
      }
      throw new Rejection(ErrorCode.INVALID_INPUT, "unknown export format '" + name + "'");
    }
  }
}
