package io.werkraum.board;

/** Anything with a rectangle on a canvas: notes and sections, live or in an export document. */
public interface Area {
  double x();

  double y();

  double w();

  double h();
}
