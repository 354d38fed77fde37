package io.werkraum.board;

/** A titled area of a room. Notes belong to it by position, so moving a note in or out needs no extra command. */
public record Section(
    String id,
    double x,
    double y,
    double w,
    double h,
    String title,
    String author,
    long createdAt,
    long updatedAt) {}
