package io.werkraum.voting;

import io.werkraum.board.Note;
import io.werkraum.board.Round;
import io.werkraum.board.Round.Ranked;
import io.werkraum.board.Round.Results;
import io.werkraum.store.Ballot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results of a round from its ballot: per note the votes, per organisation too, and (named
 * rounds only) who gave them; ranked by votes, most first, then by note id. In anonymous rounds
 * the figures per organisation are grouped by {@link OrganisationGrouping}, so no figure singles
 * out a person; the votes per note stay exact. Pure.
 */
public final class Tally {
  private Tally() {}

  /**
   * @param notes the round's room's notes by id, for their texts (a hidden note's text stays out)
   * @param threshold the fewest voters an organisation needs in an anonymous round to be shown by name
   */
  public static Results of(Round round, Ballot ballot, Map<String, Note> notes, int threshold) {
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Map<String, Integer>> byOrganisation = new HashMap<>();
    Map<String, List<String>> voters = new HashMap<>();
    Map<String, Integer> votersByOrganisation = new HashMap<>();
    ballot.votes().forEach((participant, mine) -> {
      String organisation = ballot.organisations().getOrDefault(participant, "");
      votersByOrganisation.merge(organisation, 1, Integer::sum);
      mine.forEach((note, n) -> {
        counts.merge(note, n, Integer::sum);
        byOrganisation.computeIfAbsent(note, k -> new TreeMap<>()).merge(organisation, n, Integer::sum);
        voters.computeIfAbsent(note, k -> new ArrayList<>()).add(participant);
      });
    });
    OrganisationGrouping.Plan plan = round.anonymous()
        ? OrganisationGrouping.plan(votersByOrganisation, threshold)
        : new OrganisationGrouping.Plan(votersByOrganisation.keySet(), null);
    List<String> order = new ArrayList<>(counts.keySet());
    order.sort(Comparator.comparing((String note) -> -counts.get(note)).thenComparing(Comparator.naturalOrder()));
    List<Ranked> ranking = new ArrayList<>();
    for (String id : order) {
      Note note = notes.get(id);
      String text = note == null || note.keptPrivate() ? "" : note.text();
      Map<String, Integer> named = new TreeMap<>();
      int other = 0;
      if (!plan.withheld()) {
        for (Map.Entry<String, Integer> e : byOrganisation.get(id).entrySet()) {
          if (plan.named().contains(e.getKey())) {
            named.put(e.getKey(), e.getValue());
          } else {
            other += e.getValue();
          }
        }
      }
      ranking.add(new Ranked(id, text, counts.get(id), named, other == 0 ? null : other,
          round.anonymous() ? null : voters.get(id).stream().sorted().toList()));
    }
    return new Results(ballot.voters(), ballot.total(), ranking, plan.grouping());
  }
}
