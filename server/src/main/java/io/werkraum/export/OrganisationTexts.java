package io.werkraum.export;

import io.werkraum.board.Round.Grouping;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How the minutes and the report word a round's figures per organisation: the group of
 * organisations counted together in anonymous rounds, and the sentence that says why.
 *
 * @param other the name of the group of organisations counted together
 * @param grouped the sentence beside the figures of an anonymous round; {@code %d} is the threshold
 * @param withheld the sentence of an anonymous round that has no figures per organisation
 */
public record OrganisationTexts(String other, String grouped, String withheld) {
  public static OrganisationTexts german() {
    return new OrganisationTexts("Weitere Organisationen",
        "Organisationen mit weniger als %d Abstimmenden sind unter „Weitere Organisationen“ zusammengefasst.",
        "Keine Stimmen je Organisation: Es haben zu wenige Personen abgestimmt, um niemanden erkennbar zu machen"
            + " (mindestens %d je Gruppe).");
  }

  public static OrganisationTexts english() {
    return new OrganisationTexts("Other organisations",
        "Organisations with fewer than %d voters are counted together as “Other organisations”.",
        "No votes per organisation: too few people voted to keep everyone unrecognisable (at least %d per group).");
  }

  /** The sentence that goes with a round's figures per organisation; null for exact ones (named rounds). */
  String note(Grouping grouping) {
    return grouping == null ? null : String.format(grouping.withheld() ? withheld : grouped, grouping.threshold());
  }

  /**
   * A note's votes per organisation as the results give them, the organisations counted together
   * last; {@code name} says how an organisation is written ("" for people without one).
   */
  Map<String, Integer> figures(BoardDocument.Ranked ranked, UnaryOperator<String> name) {
    Map<String, Integer> figures = new LinkedHashMap<>();
    if (ranked.byOrganisation() != null) {
      ranked.byOrganisation().forEach((organisation, n) -> figures.merge(name.apply(organisation), n, Integer::sum));
    }
    if (ranked.otherOrganisations() != null && ranked.otherOrganisations() > 0) {
      figures.merge(other, ranked.otherOrganisations(), Integer::sum);
    }
    return figures;
  }
}
