package io.werkraum.voting;

import static org.junit.jupiter.api.Assertions.*;

import io.werkraum.board.Round.Grouping;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which organisations an anonymous round shows by name: none that could single out a person. */
class OrganisationGroupingTest {
  private static OrganisationGrouping.Plan plan(Map<String, Integer> voters) {
    return OrganisationGrouping.plan(voters, 3);
  }

  @Test
  void organisationsWithEnoughVotersAreShownAsTheyAre() {
    OrganisationGrouping.Plan plan = plan(Map.of("Stadt Jena", 3, "Gera", 5, "", 4));
    assertEquals(Set.of("Stadt Jena", "Gera", ""), plan.named());
    assertEquals(new Grouping(3, false), plan.grouping(), "the rule is stated, though nothing was grouped");
  }

  @Test
  void smallOrganisationsCountTogetherWhenTheyAreEnoughTogether() {
    OrganisationGrouping.Plan plan = plan(Map.of("Stadt Jena", 4, "Stadt Pößneck", 1, "Schleiz", 2));
    assertEquals(Set.of("Stadt Jena"), plan.named());
    assertEquals(new Grouping(3, false), plan.grouping());
  }

  @Test
  void peopleWithoutAnOrganisationAreAGroupLikeAnyOther() {
    OrganisationGrouping.Plan plan = plan(Map.of("Stadt Jena", 3, "Gera", 3, "", 1, "Schleiz", 2));
    assertEquals(Set.of("Stadt Jena", "Gera"), plan.named());
  }

  @Test
  void aTooSmallOtherGroupTakesInTheSmallestOrganisationShownByName() {
    // Anna alone from Pößneck: "other" would be her. Greiz (3) is smaller than Jena (5) and joins.
    OrganisationGrouping.Plan plan = plan(Map.of("Stadt Jena", 5, "Landkreis Greiz", 3, "Stadt Pößneck", 1));
    assertEquals(Set.of("Stadt Jena"), plan.named());
    assertEquals(new Grouping(3, false), plan.grouping());
    // Equally small: the first by name joins, so the outcome does not depend on map order.
    assertEquals(Set.of("Stadt Jena"), plan(Map.of("Stadt Jena", 3, "Gera", 3, "Stadt Pößneck", 2)).named());
  }

  @Test
  void noFiguresPerOrganisationWhenNoOrganisationCouldBeShownByName() {
    Grouping withheld = new Grouping(3, true);
    assertEquals(withheld, plan(Map.of("Stadt Pößneck", 1, "Gera", 1)).grouping(), "fewer voters than the threshold");
    assertEquals(withheld, plan(Map.of("Stadt Jena", 4, "Stadt Pößneck", 1)).grouping(),
        "Jena would be Pößneck's only cover: the total minus Jena would be Anna");
    assertEquals(withheld, plan(Map.of("A", 1, "B", 1, "C", 1)).grouping(), "one group of all would only repeat the total");
    assertEquals(Set.of(), plan(Map.of("A", 1, "B", 1, "C", 1)).named());
  }

  @Test
  void aRoundWithoutVotersWithholdsNothing() {
    assertEquals(new Grouping(3, false), plan(Map.of()).grouping());
  }

  @Test
  void theThresholdIsTheOperatorsChoice() {
    assertEquals(Set.of("Stadt Jena", "Gera"), OrganisationGrouping.plan(Map.of("Stadt Jena", 2, "Gera", 2), 2).named());
    assertEquals(new Grouping(5, true), OrganisationGrouping.plan(Map.of("Stadt Jena", 4, "Gera", 4), 5).grouping());
  }
}
