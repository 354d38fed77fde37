package io.werkraum.http;

import io.werkraum.testing.NodeTest;
import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.TestNode;
import io.werkraum.testing.TestNode.HttpResult;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The REST API and the pages, over real HTTP against a real node and Redis. */
class BoardApiTest extends NodeTest {
  static void assertError(int status, String code, HttpResult result) {
    assertEquals(status, result.status(), result.toString());
    assertEquals(code, result.json().getString("code"), result.toString());
    assertNotNull(result.json().getString("message"), result.toString());
  }

  static HttpResult join(JsonObject board, JsonObject body) {
    return node.post("/api/boards/" + board.getString("boardId") + "/join", body);
  }

  static JsonObject joinCode(JsonObject board, String name) {
    return new JsonObject().put("joinCode", board.getString("joinCode")).put("name", name);
  }

  // --- create ---

  @Test
  void creatingABoardReturnsItsIdAndTwoLinksWithTheSecretInTheFragment() {
    HttpResult created = node.post("/api/boards", new JsonObject().put("title", "  Jugendhilfeplanung 2026  "));
    assertEquals(201, created.status(), created.toString());
    assertTrue(created.header("Content-Type").startsWith("application/json"));
    JsonObject body = created.json();
    String id = body.getString("boardId");
    assertTrue(id.matches("[A-Za-z0-9_-]{1,64}"), id);
    assertEquals("Jugendhilfeplanung 2026", body.getString("title"), "title trimmed");
    String base = node.baseUrl() + "/b/" + id;
    String facilitator = body.getString("facilitatorLink");
    String participant = body.getString("participantLink");
    assertTrue(facilitator.startsWith(base + "#f="), facilitator);
    assertTrue(participant.startsWith(base + "#j="), participant);
    String secret = facilitator.substring((base + "#f=").length());
    String code = participant.substring((base + "#j=").length());
    assertTrue(secret.length() >= 16, "a guessable facilitator secret: " + secret);
    assertTrue(code.length() >= 12, "a guessable join code: " + code);
    assertNotEquals(secret, code);
    assertFalse(body.containsKey("facilitatorSecret"));

    HttpResult other = node.post("/api/boards", new JsonObject().put("title", "Noch eins"));
    assertNotEquals(id, other.json().getString("boardId"));
  }

  @Test
  void aTitleOf128CharactersIsAccepted() {
    assertEquals(201, node.post("/api/boards", new JsonObject().put("title", "T".repeat(128))).status());
  }

  @Test
  void aBadOrMissingOrLongTitleIsInvalidInput() {
    assertError(400, "invalid_input", node.post("/api/boards", new JsonObject()));
    assertError(400, "invalid_input", node.post("/api/boards", new JsonObject().putNull("title")));
    assertError(400, "invalid_input", node.post("/api/boards", new JsonObject().put("title", 42)));
    assertError(400, "invalid_input", node.post("/api/boards", new JsonObject().put("title", "   ")));
    assertError(400, "invalid_input", node.post("/api/boards", new JsonObject().put("title", "T".repeat(129))));
    assertError(400, "invalid_input", node.post("/api/boards", new JsonObject().put("title", "zwei\nZeilen")));
    assertError(400, "invalid_input", node.postRaw("/api/boards", "{\"title\": "));
    assertError(400, "invalid_input", node.postRaw("/api/boards", "[\"Titel\"]"));
    assertError(400, "invalid_input", node.postRaw("/api/boards", ""));
  }

  // --- join ---

  @Test
  void joiningWithTheJoinCodeMakesAParticipant() {
    JsonObject board = node.createBoard("Beitritt");
    HttpResult joined = join(board, joinCode(board, " Anna ").put("organisation", "Stadt Jena"));
    assertEquals(200, joined.status(), joined.toString());
    JsonObject body = joined.json();
    assertFalse(body.getString("token").isBlank());
    JsonObject participant = body.getJsonObject("participant");
    assertEquals("Anna", participant.getString("name"));
    assertEquals("Stadt Jena", participant.getString("organisation"));
    assertEquals("participant", participant.getString("role"));
    assertNotNull(participant.getString("id"));
    assertEquals(board.getString("boardId"), body.getJsonObject("board").getString("id"));
    assertEquals("Beitritt", body.getJsonObject("board").getString("title"));
    String encoded = body.encode();
    assertFalse(encoded.contains(board.getString("facilitatorSecret")), "no credential in the answer");
    assertFalse(encoded.contains(board.getString("joinCode")), "no credential in the answer");
  }

  @Test
  void joiningWithTheFacilitatorSecretMakesAFacilitator() {
    JsonObject board = node.createBoard("Moderation");
    JsonObject joined = node.joinAsFacilitator(board, "Fay");
    assertEquals("facilitator", joined.getJsonObject("participant").getString("role"));
  }

  @Test
  void aWrongCredentialIsNotAllowed() {
    JsonObject board = node.createBoard("Falscher Code");
    assertError(403, "not_allowed", join(board, new JsonObject().put("joinCode", "wrong-code").put("name", "Eve")));
    assertError(403, "not_allowed", join(board, new JsonObject().put("facilitatorSecret", "wrong").put("name", "Eve")));
    // Each credential only works for its own role.
    assertError(403, "not_allowed", join(board, new JsonObject()
        .put("facilitatorSecret", board.getString("joinCode")).put("name", "Eve")));
    assertError(403, "not_allowed", join(board, new JsonObject()
        .put("joinCode", board.getString("facilitatorSecret")).put("name", "Eve")));
    // Another board's code does not open this one.
    JsonObject other = node.createBoard("Anderes");
    assertError(403, "not_allowed", join(board, new JsonObject().put("joinCode", other.getString("joinCode")).put("name", "Eve")));
  }

  @Test
  void anUnknownBoardIsGoneAndAMalformedIdNotFound() {
    JsonObject body = new JsonObject().put("joinCode", "whatever").put("name", "Eve");
    // A deleted board leaves nothing behind, so a board that never was answers the same.
    assertError(410, "board_gone", node.post("/api/boards/doesNotExist123/join", body));
    assertError(404, "not_found", node.post("/api/boards/bad.id!/join", body));
  }

  @Test
  void bothOrNeitherCredentialIsInvalidInput() {
    JsonObject board = node.createBoard("Beides");
    assertError(400, "invalid_input", join(board, joinCode(board, "Eve").put("facilitatorSecret", board.getString("facilitatorSecret"))));
    assertError(400, "invalid_input", join(board, new JsonObject().put("name", "Eve")));
    assertError(400, "invalid_input", join(board, new JsonObject().put("joinCode", 12345).put("name", "Eve")));
  }

  @Test
  void aBadNameOrOrganisationIsInvalidInput() {
    JsonObject board = node.createBoard("Namen");
    assertEquals(200, join(board, joinCode(board, "N".repeat(128))).status());
    assertError(400, "invalid_input", join(board, joinCode(board, "N".repeat(129))));
    assertError(400, "invalid_input", join(board, new JsonObject().put("joinCode", board.getString("joinCode"))));
    assertError(400, "invalid_input", join(board, joinCode(board, "   ")));
    assertError(400, "invalid_input", join(board, joinCode(board, "Anna").put("organisation", "O".repeat(129))));
    assertError(400, "invalid_input", join(board, joinCode(board, "Anna").put("organisation", 7)));
  }

  @Test
  void malformedJsonIsInvalidInput() {
    JsonObject board = node.createBoard("Kaputt");
    String path = "/api/boards/" + board.getString("boardId") + "/join";
    assertError(400, "invalid_input", node.postRaw(path, "{\"joinCode\": \"x\", \"name\": "));
    assertError(400, "invalid_input", node.postRaw(path, "not json"));
    assertError(400, "invalid_input", node.postRaw(path, "\"a string\""));
  }

  @Test
  void aRefusedJoinAddsNobody() {
    JsonObject board = node.createBoard("Niemand");
    join(board, new JsonObject().put("joinCode", "wrong").put("name", "Eve"));
    join(board, joinCode(board, "N".repeat(129)));
    join(board, joinCode(board, "Eve").put("facilitatorSecret", board.getString("facilitatorSecret")));
    JsonObject anna = node.joinAsParticipant(board, "Anna", "");
    try (BridgeClient a = BridgeClient.connect(node.werkraum().vertx(), node.port(), anna.getString("token"))) {
      JsonObject state = a.command(Cmd.sync("main", null, null)).getJsonObject("board");
      assertEquals(1, state.getLong("seq"), "Anna's join is the board's first event");
      assertEquals(1, state.getJsonObject("state").getJsonArray("participants").size());
    }
  }

  // --- session ---

  @Test
  void aValidTokenNamesItsParticipant() {
    JsonObject board = node.createBoard("Sitzung");
    JsonObject anna = node.joinAsParticipant(board, "Anna", "Gera");
    HttpResult session = node.get("/api/boards/" + board.getString("boardId") + "/session", anna.getString("token"));
    assertEquals(200, session.status(), session.toString());
    JsonObject participant = session.json().getJsonObject("participant");
    assertEquals(anna.getJsonObject("participant").getString("id"), participant.getString("id"));
    assertEquals("Anna", participant.getString("name"));
    assertEquals("Gera", participant.getString("organisation"));
    assertEquals(board.getString("boardId"), session.json().getJsonObject("board").getString("id"));
    assertFalse(session.body().contains(board.getString("facilitatorSecret")));
  }

  @Test
  void aBadTokenIsUnauthorized() {
    JsonObject board = node.createBoard("Ungültig");
    String path = "/api/boards/" + board.getString("boardId") + "/session";
    assertEquals(401, node.get(path, "not-a-token").status());
    assertEquals(401, node.get(path, null).status());
    String token = node.joinAsParticipant(board, "Anna", "").getString("token");
    int at = token.length() - 10; // inside the signature, away from its last character's unused bits
    String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    assertEquals(401, node.get(path, tampered).status());
  }

  @Test
  void aTokenOfAnotherBoardIsUnauthorized() {
    JsonObject mine = node.createBoard("Meins");
    JsonObject other = node.createBoard("Anderes");
    String token = node.joinAsFacilitator(other, "Fay").getString("token");
    HttpResult session = node.get("/api/boards/" + mine.getString("boardId") + "/session", token);
    assertEquals(401, session.status(), session.toString());
    assertEquals("not_allowed", session.json().getString("code"));
  }

  @Test
  void aTicketIsIssuedOnlyForAValidTokenOfThisBoardAndExpiresWithinAMinute() {
    JsonObject board = node.createBoard("Ticket");
    JsonObject other = node.createBoard("Anderes Ticket");
    String token = node.joinAsParticipant(board, "Anna", "").getString("token");
    String path = "/api/boards/" + board.getString("boardId") + "/ticket";
    long before = System.currentTimeMillis();
    HttpResult ticket = TestNode.http(node.port()).postBearer(path, token);
    assertEquals(200, ticket.status(), ticket.toString());
    assertNotEquals(token, ticket.json().getString("ticket"));
    long expiresAt = ticket.json().getLong("expiresAt");
    assertTrue(expiresAt > before && expiresAt <= System.currentTimeMillis() + 60_000, ticket.body());
    assertEquals("no-store", ticket.header("Cache-Control"));
    assertEquals(401, TestNode.http(node.port()).postBearer(path, "not-a-token").status());
    assertEquals(401, TestNode.http(node.port())
        .postBearer("/api/boards/" + other.getString("boardId") + "/ticket", token).status());
  }

  // --- health and pages ---

  @Test
  void healthReportsRedisOk() {
    HttpResult health = node.get("/health", null);
    assertEquals(200, health.status(), health.toString());
    JsonObject body = health.json();
    assertEquals("ok", body.getString("status"));
    assertEquals(true, body.getJsonObject("redis").getBoolean("ok"));
    assertEquals(false, body.getJsonObject("cluster").getBoolean("enabled"));
  }

  @Test
  void pagesCarrySecurityHeadersWithoutInlineScript() {
    for (String path : List.of("/", "/b/x", "/b/" + node.createBoard("Kopfzeilen").getString("boardId"), "/health")) {
      HttpResult page = node.get(path, null);
      assertEquals(200, page.status(), path);
      String csp = page.header("Content-Security-Policy");
      assertNotNull(csp, path);
      assertFalse(csp.contains("unsafe-inline"), csp);
      assertFalse(csp.contains("unsafe-eval"), csp);
      assertTrue(csp.contains("script-src 'self'"), csp);
      assertTrue(csp.contains("frame-ancestors 'none'"), csp);
      assertEquals("nosniff", page.header("X-Content-Type-Options"), path);
    }
    HttpResult error = node.post("/api/boards", new JsonObject());
    assertEquals("nosniff", error.header("X-Content-Type-Options"));
    assertNotNull(error.header("Content-Security-Policy"));
  }

  @Test
  void theBoardPathServesTheBoardPage() {
    String id = node.createBoard("Seite").getString("boardId");
    HttpResult page = node.get("/b/" + id, null);
    assertEquals(200, page.status());
    assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
    assertTrue(page.body().toLowerCase().contains("<html"), page.body());
    // Under a CSP without 'unsafe-inline' every script must come from a file.
    Matcher scripts = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(page.body());
    int count = 0;
    while (scripts.find()) {
      count++;
      assertTrue(scripts.group(1).contains("src="), "inline script: " + scripts.group());
    }
    assertTrue(count > 0, "the page loads its script");
    assertEquals(page.body(), node.get("/b/anotherBoard", null).body(), "the same page for every board");
  }

  @Test
  void theStartPageIsServed() {
    HttpResult page = node.get("/", null);
    assertEquals(200, page.status());
    assertTrue(page.header("Content-Type").startsWith("text/html"));
  }
}
