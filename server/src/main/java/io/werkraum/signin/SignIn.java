package io.werkraum.signin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.OAuth2AuthHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.impl.SessionHandlerImpl;
import io.vertx.ext.web.sstore.redis.RedisSessionStore;
import io.vertx.redis.client.Redis;
import io.werkraum.auth.SignedIn;
import io.werkraum.config.SignInConfig;
import io.werkraum.signin.SignInEvents.Kind;
import java.util.List;

/**
 * Sign-in for facilitators through the instance's OpenID Connect provider: authorisation code
 * flow with PKCE ({@code /auth/signin}, {@code /auth/callback}), sign-out ({@code /auth/signout})
 * and who is signed in ({@code GET /api/signin}). The HTTP session lives in Redis, so any node
 * serves any request of it; pages of participants never need one (the session is made only when
 * someone starts signing in).
 */
public final class SignIn {
  /** The session's entry naming who signed in (JSON of {@link SignedIn}); Werkraum's only sign-in state. */
  private static final String SIGNED_IN = "werkraum.signedIn";
  private static final String CALLBACK = "/auth/callback";
  private static final int PKCE_VERIFIER_LENGTH = 64;

  private final Vertx vertx;
  private final SignInConfig config;
  private final OAuth2AuthHandler oidc;
  private final Redis redis;
  private final boolean secureCookie;
  private final SignInEvents events;

  private SignIn(Vertx vertx, SignInConfig config, OAuth2AuthHandler oidc, Redis redis, boolean secureCookie,
      SignInEvents events) {
    this.vertx = vertx;
    this.config = config;
    this.oidc = oidc;
    this.redis = redis;
    this.secureCookie = secureCookie;
    this.events = events;
  }

  /** An instance without sign-in: nobody is ever signed in, and nothing requires it. */
  public static SignIn off() {
    return new SignIn(null, null, null, null, false, null);
  }

  /**
   * Sign-in through {@code config}'s provider, its metadata and keys read from the issuer's
   * discovery document; fails when the provider cannot be reached, so a misconfigured instance
   * does not start. {@code baseUrl} is the URL browsers use (the callback is under it).
   */
  public static Future<SignIn> start(Vertx vertx, SignInConfig config, String baseUrl, Redis redis,
      SignInEvents events) {
    OAuth2Options options = new OAuth2Options().setSite(config.issuer()).setClientId(config.clientId());
    if (config.clientSecret() != null) {
      options.setClientSecret(config.clientSecret());
    }
    return OpenIDConnectAuth.discover(vertx, options)
        .recover(err -> Future.failedFuture(new IllegalStateException(
            "the OpenID Connect provider " + config.issuer() + " could not be read: " + err.getMessage(), err)))
        .map(provider -> new SignIn(vertx, config,
            OAuth2AuthHandler.create(vertx, provider, baseUrl + CALLBACK)
                .withScopes(List.of("openid", "profile", "email"))
                .pkceVerifierLength(PKCE_VERIFIER_LENGTH),
            redis, baseUrl.startsWith("https:"), events));
  }

  public boolean available() {
    return config != null;
  }

  /** Whether only someone signed in may create a board here. */
  public boolean required() {
    return config != null && config.required();
  }

  /** Who is signed in in the request's session, or null. */
  public SignedIn current(RoutingContext ctx) {
    Session session = config == null ? null : ctx.session();
    String json = session == null ? null : session.get(SIGNED_IN);
    return json == null ? null : SignedIn.fromJson(new JsonObject(json));
  }

  /** Mounts the routes; before the API's routes, whose requests it gives their session. */
  public void mount(Router router) {
    if (config != null) {
      SessionHandler sessions = SessionHandler.create(RedisSessionStore.create(vertx, redis))
          .setLazySession(true)
          .setSessionCookieName("werkraum.session")
          .setCookieHttpOnlyFlag(true)
          // Lax: the provider's redirect back is a top-level GET from another site and must carry
          // the cookie; a POST from another site (creating a board in someone's name) does not.
          .setCookieSameSite(CookieSameSite.LAX)
          .setCookieSecureFlag(secureCookie)
          .setSessionTimeout(config.sessionMinutes() * 60_000L);
      router.route("/auth/*").handler(sessions);
      router.route("/api/*").handler(sessions);
      Route callback = router.get(CALLBACK);
      oidc.setupCallback(callback);
      // Two routes: the authentication handler must come first on its own. Mounting it gives
      // the callback route its order and handler, so only then the failure handler follows.
      router.get("/auth/signin").handler(this::whenSignedIn);
      router.get("/auth/signin").handler(oidc).handler(this::signedIn);
      callback.failureHandler(this::refused);
      router.post("/auth/signout").handler(this::signOut);
    }
    router.get("/api/signin").handler(this::status);
  }

  /** {available, required, user: {name, email} or null}. */
  private void status(RoutingContext ctx) {
    SignedIn who = current(ctx);
    ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("available", available()).put("required", required())
            .put("user", who == null ? null : who.shown()).encode());
  }

  /** Someone signed in already goes straight back. */
  private void whenSignedIn(RoutingContext ctx) {
    if (current(ctx) != null) {
      ctx.redirect(returnPath(ctx));
    } else {
      ctx.next();
    }
  }

  /**
   * Back from the provider, authenticated: keep who it is (subject, name, e-mail from the ID
   * token) and drop the provider's tokens from the session, which Werkraum does not use.
   */
  private void signedIn(RoutingContext ctx) {
    User user = ctx.user();
    JsonObject claims = user == null ? null : user.attributes().getJsonObject("idToken");
    if (claims == null || claims.getString("sub") == null) {
      events.record(Kind.REFUSED, null, "no ID token");
      ctx.redirect("/?signin=failed");
      return;
    }
    String name = claims.getString("name", claims.getString("preferred_username"));
    SignedIn who = new SignedIn(claims.getString("sub"), name, claims.getString("email"));
    ctx.session().put(SIGNED_IN, who.toJson().encode());
    ctx.session().remove(SessionHandlerImpl.SESSION_USER_HOLDER_KEY);
    events.record(Kind.SIGNED_IN, who, null);
    ctx.redirect(returnPath(ctx));
  }

  /** The callback failed: the provider refused, the state did not match, the code exchange failed. */
  private void refused(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    events.record(Kind.REFUSED, null, failure == null ? "status " + ctx.statusCode() : failure.getMessage());
    ctx.redirect("/?signin=failed");
  }

  private void signOut(RoutingContext ctx) {
    SignedIn who = current(ctx);
    if (ctx.session() != null) {
      ctx.session().destroy();
    }
    if (who != null) {
      events.record(Kind.SIGNED_OUT, who, null);
    }
    ctx.response().setStatusCode(204).end();
  }

  /** Where to go after signing in: a path of this site ({@code ?to=}), else the start page. */
  private static String returnPath(RoutingContext ctx) {
    String to = ctx.queryParams().get("to");
    boolean local = to != null && to.startsWith("/") && !to.startsWith("//") && !to.contains("\\");
    return local ? to : "/";
  }
}
