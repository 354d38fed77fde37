package io.werkraum.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.werkraum.protocol.Protocol;
import java.util.function.Predicate;

/**
 * What erasing someone (GDPR Art. 17) does to what the board keeps of them besides its live
 * items: a board document (a snapshot) loses their entry in the participants, their notes (or
 * keeps them with the author {@code anonymous}) and them in named rounds' results; a closed round
 * loses them from its voters, and their votes move from their organisation's figure to "other
 * organisations", so nothing names them while every count stays as it was. Pure: the caller
 * stores it.
 */
public final class Erasure {
  private Erasure() {}

  /** The document without the person, or null when it holds nothing of them. */
  public static JsonObject fromDocument(JsonObject doc, String person, boolean deleteNotes) {
    JsonObject copy = doc.copy();
    String organisation = null;
    for (Object p : copy.getJsonArray("participants", new JsonArray())) {
      if (p instanceof JsonObject entry && person.equals(entry.getString("id"))) {
        organisation = entry.getString("organisation");
      }
    }
    boolean changed = removeWhere(copy.getJsonArray("participants"), p -> person.equals(p.getString("id")));
    JsonArray rooms = copy.getJsonArray("rooms", new JsonArray());
    for (int r = 0; r < rooms.size(); r++) {
      JsonArray notes = rooms.getJsonObject(r).getJsonArray("notes");
      if (notes == null) {
        continue;
      }
      if (deleteNotes) {
        changed |= removeWhere(notes, n -> person.equals(n.getString("author")));
      } else {
        for (int n = 0; n < notes.size(); n++) {
          JsonObject note = notes.getJsonObject(n);
          if (person.equals(note.getString("author"))) {
            note.put("author", Protocol.ANONYMOUS_AUTHOR);
            changed = true;
          }
        }
      }
    }
    JsonArray rounds = copy.getJsonArray("rounds", new JsonArray());
    for (int i = 0; i < rounds.size(); i++) {
      changed |= removeVoter(rounds.getJsonObject(i), person, organisation);
    }
    return changed ? copy : null;
  }

  /**
   * The round without the person among its voters, or null when they are not among them.
   *
   * @param organisation theirs, or null
   */
  public static JsonObject fromRound(JsonObject round, String person, String organisation) {
    JsonObject copy = round.copy();
    return removeVoter(copy, person, organisation) ? copy : null;
  }

  private static boolean removeVoter(JsonObject round, String person, String organisation) {
    JsonObject results = round.getJsonObject("results");
    JsonArray ranking = results == null ? null : results.getJsonArray("ranking");
    boolean changed = false;
    for (int i = 0; ranking != null && i < ranking.size(); i++) {
      JsonObject ranked = ranking.getJsonObject(i);
      JsonArray voters = ranked.getJsonArray("voters");
      int votes = 0;
      while (voters != null && voters.remove(person)) {
        votes++;
      }
      if (votes == 0) {
        continue;
      }
      changed = true;
      JsonObject byOrganisation = ranked.getJsonObject("byOrganisation");
      String key = organisation == null ? "" : organisation;
      if (byOrganisation != null && byOrganisation.containsKey(key)) {
        int left = byOrganisation.getInteger(key) - votes;
        if (left > 0) {
          byOrganisation.put(key, left);
        } else {
          byOrganisation.remove(key);
        }
        ranked.put("otherOrganisations", ranked.getInteger("otherOrganisations", 0) + votes);
      }
    }
    return changed;
  }

  private static boolean removeWhere(JsonArray items, Predicate<JsonObject> match) {
    if (items == null) {
      return false;
    }
    boolean changed = false;
    for (int i = items.size() - 1; i >= 0; i--) {
      if (items.getValue(i) instanceof JsonObject item && match.test(item)) {
        items.remove(i);
        changed = true;
      }
    }
    return changed;
  }
}
