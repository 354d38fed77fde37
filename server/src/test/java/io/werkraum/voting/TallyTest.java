package io.werkraum.voting;

import static org.junit.jupiter.api.Assertions.*;

import io.werkraum.board.Note;
import io.werkraum.board.Round;
import io.werkraum.store.Ballot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The results of a round from its ballot, pure. */
class TallyTest {
  static Round round(boolean anonymous) {
    return new Round("r1", "Was zuerst?", 5, 3, anonymous, "main", null, null, Round.OPEN, 0, null, "fay", null, null);
  }

  static Map<String, Note> notes() {
    return Map.of(
        "kita", new Note("kita", 0, 0, 200, 150, "yellow", "Kita-Ausbau", "anna", 0),
        "bus", new Note("bus", 0, 0, 200, 150, "yellow", "Rufbus", "ben", 0),
        "secret", new Note("secret", 0, 0, 200, 150, "yellow", "geheim", "ben", 0, 0, true, null));
  }

  static Ballot ballot() {
    return new Ballot("r1", 7, Map.of(
        "anna", Map.of("kita", 2, "bus", 1),
        "ben", Map.of("bus", 2, "secret", 1),
        "cem", Map.of("kita", 1)), Map.of("anna", "Stadt Jena", "ben", "Gera", "cem", "Stadt Jena"));
  }

  @Test
  void rankedByVotesThenByNoteWithOrganisationsAndVotersOfNamedRounds() {
    Round.Results results = Tally.of(round(false), ballot(), notes(), 3);
    assertEquals(3, results.voters());
    assertEquals(7, results.votes());
    assertEquals(List.of("bus", "kita", "secret"), results.ranking().stream().map(Round.Ranked::note).toList(),
        "bus and kita have three each: by id");
    Round.Ranked kita = results.ranking().get(1);
    assertEquals(3, kita.count());
    assertEquals("Kita-Ausbau", kita.text());
    assertEquals(Map.of("Stadt Jena", 3), kita.byOrganisation());
    assertEquals(List.of("anna", "cem"), kita.voters());
    assertEquals(Map.of("Stadt Jena", 1, "Gera", 2), results.ranking().get(0).byOrganisation(),
        "a named round keeps exact figures, whatever the threshold");
    assertNull(results.ranking().get(0).otherOrganisations());
    assertNull(results.grouping());
  }

  @Test
  void anAnonymousRoundShowsNoOrganisationThatCouldSingleSomeoneOut() {
    // Anna is the only one from Pößneck; Jena and Gera have three voters each.
    Map<String, Map<String, Integer>> votes = new TreeMap<>();
    Map<String, String> organisations = new TreeMap<>();
    votes.put("anna", Map.of("kita", 3));
    organisations.put("anna", "Stadt Pößneck");
    for (String p : List.of("j1", "j2", "j3")) {
      votes.put(p, Map.of("bus", 1));
      organisations.put(p, "Stadt Jena");
    }
    for (String p : List.of("g1", "g2", "g3")) {
      votes.put(p, Map.of("kita", 1, "bus", 1));
      organisations.put(p, "Gera");
    }
    Round.Results results = Tally.of(round(true), new Ballot("r1", 1, votes, organisations), notes(), 3);
    assertEquals(7, results.voters());
    assertEquals(12, results.votes());
    Round.Ranked bus = results.ranking().get(0);
    Round.Ranked kita = results.ranking().get(1);
    assertEquals(6, bus.count(), "the votes per note stay exact");
    assertEquals(6, kita.count());
    assertEquals(new Round.Grouping(3, false), results.grouping());
    // Pößneck alone would be one voter in "other": Gera (the smaller of the two by name) joins it.
    assertEquals(Map.of("Stadt Jena", 3), bus.byOrganisation());
    assertEquals(3, bus.otherOrganisations());
    assertEquals(Map.of(), kita.byOrganisation());
    assertEquals(6, kita.otherOrganisations());
    assertNull(kita.voters());

    Round.Results named = Tally.of(round(false), new Ballot("r1", 1, votes, organisations), notes(), 3);
    assertEquals(Map.of("Stadt Pößneck", 3, "Gera", 3), named.ranking().get(1).byOrganisation(),
        "a named round shows who voted anyway: exact figures");
  }

  @Test
  void tooFewVotersForAnyGroupShowNoFiguresPerOrganisation() {
    Round.Results results = Tally.of(round(true), ballot(), notes(), 3);
    assertEquals(new Round.Grouping(3, true), results.grouping());
    for (Round.Ranked r : results.ranking()) {
      assertEquals(Map.of(), r.byOrganisation(), r.toString());
      assertNull(r.otherOrganisations(), r.toString());
    }
    assertEquals(List.of(3, 3, 1), results.ranking().stream().map(Round.Ranked::count).toList());
  }

  @Test
  void anAnonymousRoundNamesNobodyAndAHiddenNoteKeepsItsTextOut() {
    Round.Results results = Tally.of(round(true), ballot(), notes(), 3);
    assertTrue(results.ranking().stream().allMatch(r -> r.voters() == null));
    assertEquals("", results.ranking().get(2).text(), "a hidden note's text is not in the results");
  }

  @Test
  void aRoundWithoutVotesHasAnEmptyRanking() {
    Round.Results results = Tally.of(round(true), Ballot.empty(), notes(), 3);
    assertEquals(0, results.voters());
    assertEquals(0, results.votes());
    assertEquals(List.of(), results.ranking());
  }
}
