package io.werkraum.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The votes of the open round as stored (see {@link Keys#ballot}).
 *
 * @param round the round they belong to, or null when no round is open
 * @param version bumped by every vote: a close decided on this ballot commits only if it is unchanged
 * @param votes per person: note -> how many of their votes it has
 * @param organisations per person who voted: their organisation when they first voted
 */
public record Ballot(String round, long version, Map<String, Map<String, Integer>> votes,
    Map<String, String> organisations) {
  private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};

  /** The ballot of no round. */
  public static Ballot empty() {
    return new Ballot(null, 0, Map.of(), Map.of());
  }

  static Ballot of(Map<String, String> fields) {
    Map<String, Map<String, Integer>> votes = new TreeMap<>();
    Map<String, String> organisations = new TreeMap<>();
    fields.forEach((field, value) -> {
      if (field.startsWith("m:")) {
        try {
          Map<String, Integer> mine = EventCodec.JSON.readValue(value, COUNTS);
          mine.values().removeIf(n -> n <= 0);
          if (!mine.isEmpty()) {
            votes.put(field.substring(2), new TreeMap<>(mine));
          }
        } catch (java.io.IOException e) {
          throw new IllegalStateException("unreadable ballot entry " + field, e);
        }
      } else if (field.startsWith("o:")) {
        organisations.put(field.substring(2), value);
      }
    });
    String version = fields.get("v");
    return new Ballot(fields.get("round"), version == null ? 0 : Long.parseLong(version),
        Collections.unmodifiableMap(votes), Collections.unmodifiableMap(organisations));
  }

  public boolean isFor(String roundId) {
    return roundId.equals(round);
  }

  /** One person's votes: note -> count (empty when they have none). */
  public Map<String, Integer> of(String participant) {
    return votes.getOrDefault(participant, Map.of());
  }

  /** How many votes one person has given. */
  public int used(String participant) {
    return of(participant).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** How many people have voted. */
  public int voters() {
    return votes.size();
  }

  /** How many votes everyone gave together. */
  public int total() {
    return votes.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
  }

  /** Who has voted, by id. */
  public List<String> voted() {
    return new ArrayList<>(votes.keySet());
  }
}
