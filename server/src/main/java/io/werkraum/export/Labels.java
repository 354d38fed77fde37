package io.werkraum.export;

/**
 * The column headers of the CSV export, so a table can come in the language of the UI.
 *
 * @param round the header of a voting round's column when the round has no title; {@code %d} is
 *     its number, counted from 1 in the order of the document
 * @param anonymousAuthor the author of a note whose writer's data was erased, the note kept
 */
public record Labels(String room, String plenary, String section, String text, String author, String organisation, String colour,
    String x, String y, String width, String height, String created, String updated, String round, String anonymousAuthor) {

  public static Labels english() {
    return new Labels("Room", "Plenary", "Section", "Text", "Author", "Organisation", "Colour", "x", "y", "Width", "Height",
        "Created", "Updated", "Round %d", "a participant");
  }

  public static Labels german() {
    return new Labels("Raum", "Plenum", "Bereich", "Text", "Autor", "Organisation", "Farbe", "x", "y", "Breite", "Höhe",
        "Erstellt", "Geändert", "Runde %d", "eine teilnehmende Person");
  }

  /** The header of a round's column: its title, else "Round n". */
  public String roundHeader(BoardDocument.Round round, int index) {
    return round.title() != null && !round.title().isBlank() ? round.title() : String.format(this.round, index + 1);
  }
}
