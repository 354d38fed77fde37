package io.werkraum.auth;

import io.vertx.core.json.JsonObject;

/**
 * Someone signed in through the instance's identity provider, as its ID token names them: the
 * subject (stable, unique at that provider) and, when the provider gives them, a display name and
 * an e-mail address. Nothing else about a signed-in person is kept.
 */
public record SignedIn(String subject, String name, String email) {
  public SignedIn {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("a signed-in person needs a subject");
    }
  }

  /** What a board keeps of an owner, and what facilitators see: name and e-mail, never the subject. */
  public JsonObject shown() {
    JsonObject shown = new JsonObject();
    if (name != null) {
      shown.put("name", name);
    }
    if (email != null) {
      shown.put("email", email);
    }
    return shown;
  }

  public static SignedIn fromJson(JsonObject json) {
    return json == null ? null : new SignedIn(json.getString("subject"), json.getString("name"), json.getString("email"));
  }

  public JsonObject toJson() {
    return shown().put("subject", subject);
  }
}
