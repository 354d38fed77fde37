package io.werkraum.rooms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Who goes to which breakout room. Pure: the same input and random source give the same rooms. */
public final class Assignment {
  /** A participant to place, with the organisation the balanced mode mixes. */
  public record Person(String id, String organisation) {}

  private Assignment() {}

  /** Shuffled, then dealt round the rooms: sizes differ by at most one. */
  public static Map<String, String> random(List<Person> people, List<String> rooms, Random random) {
    List<Person> shuffled = new ArrayList<>(people);
    Collections.shuffle(shuffled, random);
    Map<String, String> result = new LinkedHashMap<>();
    for (int i = 0; i < shuffled.size(); i++) {
      result.put(shuffled.get(i).id(), rooms.get(i % rooms.size()));
    }
    return result;
  }

  /**
   * Each room gets people of as many organisations as possible: people are placed organisation
   * by organisation (largest first), each into one of the smallest rooms (so sizes differ by at
   * most one), and among those into the one with the fewest of their organisation.
   */
  public static Map<String, String> balanced(List<Person> people, List<String> rooms, Random random) {
    Map<String, List<Person>> byOrganisation = new LinkedHashMap<>();
    List<Person> shuffled = new ArrayList<>(people);
    Collections.shuffle(shuffled, random);
    for (Person p : shuffled) {
      byOrganisation.computeIfAbsent(normalise(p.organisation()), o -> new ArrayList<>()).add(p);
    }
    List<List<Person>> groups = new ArrayList<>(byOrganisation.values());
    groups.sort(Comparator.comparingInt((List<Person> g) -> g.size()).reversed());
    Map<String, Integer> size = new HashMap<>();
    Map<String, Map<String, Integer>> orgCount = new HashMap<>();
    rooms.forEach(r -> {
      size.put(r, 0);
      orgCount.put(r, new HashMap<>());
    });
    Map<String, String> result = new LinkedHashMap<>();
    for (List<Person> group : groups) {
      for (Person p : group) {
        String org = normalise(p.organisation());
        int smallest = size.values().stream().min(Integer::compare).orElse(0);
        String room = rooms.stream()
            .filter(r -> size.get(r) == smallest)
            .min(Comparator.comparingInt(r -> orgCount.get(r).getOrDefault(org, 0)))
            .orElseThrow();
        result.put(p.id(), room);
        size.merge(room, 1, Integer::sum);
        orgCount.get(room).merge(org, 1, Integer::sum);
      }
    }
    return result;
  }

  private static String normalise(String organisation) {
    return organisation == null ? "" : organisation.strip().toLowerCase(java.util.Locale.ROOT);
  }
}
