package io.werkraum.config;

/**
 * Sign-in for facilitators through the town's OpenID Connect provider (authorisation code flow
 * with PKCE). Participants never sign in.
 *
 * @param issuer the provider's issuer URL; its discovery document is read at start
 * @param clientSecret null for a public client (PKCE alone)
 * @param required true: only someone signed in may create a board
 * @param sessionMinutes how long a sign-in lasts without a request that uses it
 */
public record SignInConfig(String issuer, String clientId, String clientSecret, boolean required, int sessionMinutes) {}
