package io.werkraum.voting;

import static org.junit.jupiter.api.Assertions.*;

import io.werkraum.board.Note;
import io.werkraum.board.Round;
import io.werkraum.store.Ballot;
import java.util.List;
import java.util.Map;
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
    Round.Results results = Tally.of(round(false), ballot(), notes());
    assertEquals(3, results.voters());
    assertEquals(7, results.votes());
    assertEquals(List.of("bus", "kita", "secret"), results.ranking().stream().map(Round.Ranked::note).toList(),
        "bus and kita have three each: by id");
    Round.Ranked kita = results.ranking().get(1);
    assertEquals(3, kita.count());
    assertEquals("Kita-Ausbau", kita.text());
    assertEquals(Map.of("Stadt Jena", 3), kita.byOrganisation());
    assertEquals(List.of("anna", "cem"), kita.voters());
    assertEquals(Map.of("Stadt Jena", 1, "Gera", 2), results.ranking().get(0).byOrganisation());
  }

  @Test
  void anAnonymousRoundNamesNobodyAndAHiddenNoteKeepsItsTextOut() {
    Round.Results results = Tally.of(round(true), ballot(), notes());
    assertTrue(results.ranking().stream().allMatch(r -> r.voters() == null));
    assertEquals("", results.ranking().get(2).text(), "a hidden note's text is not in the results");
  }

  @Test
  void aRoundWithoutVotesHasAnEmptyRanking() {
    Round.Results results = Tally.of(round(true), Ballot.empty(), notes());
    assertEquals(0, results.voters());
    assertEquals(0, results.votes());
    assertEquals(List.of(), results.ranking());
  }
}
