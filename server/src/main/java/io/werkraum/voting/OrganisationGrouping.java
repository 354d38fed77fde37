package io.werkraum.voting;

import io.werkraum.board.Round.Grouping;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which organisations an anonymous round may show by name, so that no figure singles out a person.
 * Pure; the one place of this rule: the tally applies it when a round closes, and everything that
 * shows results (the board, the control view, every export) shows the tally.
 *
 * <p>The rule, with {@code k} the threshold: an organisation with at least {@code k} voters in the
 * round is shown by name; the others count together as "other organisations". When that group
 * would have fewer than {@code k} voters (say Anna is the only one from Pößneck and the only one
 * from a small organisation), the smallest organisation shown by name joins it (the one with the
 * fewest voters, then the first by name), so it has at least {@code k}. When no organisation would
 * be left to show by name, the round shows no figures per organisation at all: a single "other"
 * group would only repeat the total. People without an organisation are a group like any other.
 */
final class OrganisationGrouping {
  /**
   * @param named the organisations shown by name
   * @param grouping how the figures were grouped (for named rounds: null, they are exact)
   */
  record Plan(Set<String> named, Grouping grouping) {
    boolean withheld() {
      return grouping != null && grouping.withheld();
    }
  }

  private OrganisationGrouping() {}

  /** @param voters per organisation, how many people from it voted in the round */
  static Plan plan(Map<String, Integer> voters, int threshold) {
    Set<String> named = voters.entrySet().stream().filter(e -> e.getValue() >= threshold).map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
    int others = voters.entrySet().stream().filter(e -> !named.contains(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    if (others > 0 && others < threshold && !named.isEmpty()) {
      named.remove(named.stream()
          .min(Comparator.comparing((String o) -> voters.get(o)).thenComparing(Comparator.naturalOrder())).orElseThrow());
    }
    return named.isEmpty() && !voters.isEmpty()
        ? new Plan(Set.of(), new Grouping(threshold, true))
        : new Plan(named, new Grouping(threshold, false));
  }
}
