package io.werkraum.facilitation;

import static io.werkraum.testing.Commands.assertInvalid;
import static io.werkraum.testing.Commands.json;
import static io.werkraum.testing.Commands.read;
import static io.werkraum.testing.Replies.assertError;
import static io.werkraum.testing.Replies.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.werkraum.auth.Sessions;
import io.werkraum.auth.SignedIn;
import io.werkraum.auth.TokenService;
import io.werkraum.board.Actor;
import io.werkraum.board.Board;
import io.werkraum.board.Rejection;
import io.werkraum.board.Role;
import io.werkraum.command.Access;
import io.werkraum.protocol.CommandType;
import io.werkraum.protocol.ErrorCode;
import io.werkraum.store.Keys;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.Commands;
import io.werkraum.testing.DirectStore;
import io.werkraum.testing.TestRedis;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of sign-in on a board, below the socket: who owns a board, that only an owner switches
 * "facilitators must sign in" (checked in the commit script), and that joining and socket tickets
 * of facilitators follow the switch. A real Redis, no HTTP, no provider.
 */
class SignInRulesTest {
  static final SignedIn ANNA = new SignedIn("sub-anna", "Anna Beispiel", "anna@example.org");
  static final SignedIn BERT = new SignedIn("sub-bert", "Bert Muster", null);

  static Vertx vertx;
  static TestRedis redis;
  static DirectStore store;
  static Sessions sessions;
  static TokenService tokens;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    redis = new TestRedis();
    store = new DirectStore(vertx, redis.url());
    tokens = new TokenService("direct-store");
    sessions = new Sessions(tokens, store.store());
  }

  @AfterAll
  static void stop() {
    store.close();
    BridgeClient.await(vertx.close());
    redis.close();
  }

  @Test
  void theSwitchTakesOneBooleanAndOnlyFacilitatorsMaySendIt() {
    assertEquals(new FacilitationFeature.SignInSwitch(true),
        read(json("{'type':'board.signin','commandId':'c1','required':true}")));
    assertInvalid(json("{'type':'board.signin','commandId':'c1'}"));
    assertInvalid(json("{'type':'board.signin','commandId':'c1','required':'yes'}"));
    assertInvalid(json("{'type':'board.signin','commandId':'c1','required':true,'owner':'me'}"));
    assertEquals(Access.FACILITATORS, Commands.TABLE.access(CommandType.BOARD_SIGNIN));
  }

  @Test
  void theCreatorSignedInOwnsTheBoardAndNobodyDoesOtherwise() {
    Board owned = store.createBoard("Mit Anmeldung", ANNA);
    Actor fay = store.join(owned, Role.FACILITATOR, "Fay", "");
    JsonObject owners = BridgeClient.await(sessions.owners(tokens.issue(fay), owned.id()));
    assertEquals(List.of(new JsonObject().put("name", "Anna Beispiel").put("email", "anna@example.org")),
        owners.getJsonArray("owners").getList());
    assertFalse(owners.getBoolean("mine"), "Fay joined without signing in");
    assertFalse(owners.encode().contains("sub-anna"), "subjects stay on the server");

    Board anonymous = store.createBoard("Ohne Anmeldung");
    Actor other = store.join(anonymous, Role.FACILITATOR, "Fay", "");
    assertEquals(0, BridgeClient.await(sessions.owners(tokens.issue(other), anonymous.id())).getJsonArray("owners").size());
  }

  @Test
  void onlyAnOwnerSwitchesWhetherFacilitatorsMustSignIn() {
    Board board = store.createBoard("Schalter", ANNA);
    Actor anna = store.join(board, Role.FACILITATOR, "Anna", "", ANNA);
    Actor fay = store.join(board, Role.FACILITATOR, "Fay", "");
    Actor pat = store.join(board, Role.PARTICIPANT, "Pat", "Gera");

    assertError("not_allowed", store.apply(fay, Cmd.signInRequired(true)), "a facilitator who is no owner");
    assertError("not_allowed", store.apply(pat, Cmd.signInRequired(true)), "a participant");
    assertNull(settings(board).getBoolean("facilitatorSignIn"), "refusals change nothing");

    assertOk(store.apply(anna, Cmd.signInRequired(true)));
    assertTrue(settings(board).getBoolean("facilitatorSignIn"));
    assertOk(store.apply(anna, Cmd.signInRequired(false)));
    assertFalse(settings(board).getBoolean("facilitatorSignIn"));
  }

  @Test
  void withTheSwitchOnOnlySignedInFacilitatorsJoinAndEachBecomesAnOwner() {
    Board board = store.createBoard("Nur angemeldet", ANNA);
    Actor anna = store.join(board, Role.FACILITATOR, "Anna", "", ANNA);
    assertOk(store.apply(anna, Cmd.signInRequired(true)));
    long participants = participantCount(board);

    assertEquals(ErrorCode.SIGN_IN_REQUIRED, refusal(() -> store.join(board, Role.FACILITATOR, "Mallory", "")));
    assertEquals(participants, participantCount(board), "a refused join adds nobody");

    store.join(board, Role.PARTICIPANT, "Pat", "Gera");
    Actor bert = store.join(board, Role.FACILITATOR, "Bert", "", BERT);
    assertTrue(BridgeClient.await(sessions.owners(tokens.issue(bert), board.id())).getBoolean("mine"));
    assertOk(store.apply(bert, Cmd.signInRequired(false)), "a co-owner may switch too");
  }

  @Test
  void withTheSwitchOnAFacilitatorsTicketNeedsTheirOwnSignIn() {
    Board board = store.createBoard("Tickets", ANNA);
    Actor fay = store.join(board, Role.FACILITATOR, "Fay", "");
    Actor anna = store.join(board, Role.FACILITATOR, "Anna", "", ANNA);
    Actor pat = store.join(board, Role.PARTICIPANT, "Pat", "Gera");
    assertNotNull(ticket(fay, null), "before the switch the link is enough");

    assertOk(store.apply(anna, Cmd.signInRequired(true)));
    assertEquals(ErrorCode.SIGN_IN_REQUIRED, ticketRefusal(fay, null));
    assertEquals(ErrorCode.SIGN_IN_REQUIRED, ticketRefusal(fay, BERT), "signed in, but not as whom Fay joined as");
    assertEquals(ErrorCode.SIGN_IN_REQUIRED, ticketRefusal(anna, null), "Anna's sign-in ended");
    assertEquals(ErrorCode.SIGN_IN_REQUIRED, ticketRefusal(anna, BERT), "someone else signed in in Anna's browser");
    assertNotNull(ticket(anna, ANNA));
    assertNotNull(ticket(pat, null), "participants never sign in");
  }

  private static JsonObject ticket(Actor actor, SignedIn signedIn) {
    return BridgeClient.await(sessions.ticket(tokens.issue(actor), signedIn));
  }

  private static ErrorCode ticketRefusal(Actor actor, SignedIn signedIn) {
    Future<JsonObject> ticket = sessions.ticket(tokens.issue(actor), signedIn);
    return refusal(() -> BridgeClient.await(ticket));
  }

  /** The code {@code action} is refused with (however the wait wraps the refusal). */
  private static ErrorCode refusal(Runnable action) {
    Throwable thrown = assertThrows(RuntimeException.class, action::run);
    while (!(thrown instanceof Rejection) && thrown.getCause() != null) {
      thrown = thrown.getCause();
    }
    assertTrue(thrown instanceof Rejection, thrown.toString());
    return ((Rejection) thrown).code();
  }

  private static JsonObject settings(Board board) {
    return BridgeClient.await(store.store().settings(board.id()));
  }

  private static long participantCount(Board board) {
    return store.send(Request.cmd(Command.HLEN).arg(Keys.participants(board.id()))).toLong();
  }
}
