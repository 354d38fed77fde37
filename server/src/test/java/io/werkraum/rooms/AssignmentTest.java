package io.werkraum.rooms;

import static org.junit.jupiter.api.Assertions.*;

import io.werkraum.rooms.Assignment.Person;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Who goes where, without Vert.x or Redis. */
class AssignmentTest {
  private static List<Person> people(String... organisations) {
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < organisations.length; i++) {
      people.add(new Person("p" + i, organisations[i]));
    }
    return people;
  }

  private static Map<String, Integer> sizes(Map<String, String> assignment) {
    Map<String, Integer> sizes = new HashMap<>();
    assignment.values().forEach(room -> sizes.merge(room, 1, Integer::sum));
    return sizes;
  }

  @Test
  void randomPlacesEveryoneAndKeepsRoomsWithinOneOfEachOther() {
    List<Person> people = people("a", "b", "c", "d", "e", "f", "g");
    Map<String, String> result = Assignment.random(people, List.of("r1", "r2", "r3"), new Random(1));
    assertEquals(7, result.size());
    Collection<Integer> sizes = sizes(result).values();
    assertTrue(sizes.stream().mapToInt(i -> i).max().getAsInt() - sizes.stream().mapToInt(i -> i).min().getAsInt() <= 1);
  }

  @Test
  void balancedMixesOrganisationsInEveryRoom() {
    List<Person> people = people("Jena", "Jena", "Jena", "Jena", "Gera", "Gera", "Gera", "Gera", "Weimar", "Weimar",
        "Weimar", "Weimar");
    for (int s = 0; s < 20; s++) {
      int seed = s;
      Map<String, String> result = Assignment.balanced(people, List.of("r1", "r2", "r3", "r4"), new Random(seed));
      Map<String, List<String>> byRoom = result.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue,
          Collectors.mapping(e -> people.get(Integer.parseInt(e.getKey().substring(1))).organisation(), Collectors.toList())));
      byRoom.forEach((room, orgs) -> {
        assertEquals(3, orgs.size(), room + " " + orgs);
        assertEquals(3, orgs.stream().distinct().count(), "seed " + seed + ": " + room + " mixes " + orgs);
      });
    }
  }

  @Test
  void balancedTreatsOrganisationNamesAlikeWhateverTheirCase() {
    List<Person> people = people("Stadt Jena", "stadt jena ", "Gera", "Gera");
    Map<String, String> result = Assignment.balanced(people, List.of("r1", "r2"), new Random(3));
    assertNotEquals(result.get("p0"), result.get("p1"));
    assertNotEquals(result.get("p2"), result.get("p3"));
  }
}
