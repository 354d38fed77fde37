package io.werkraum.board;

/** A sticky note in a room, as stored and as sent to browsers. */
public record Note(
    String id,
    double x,
    double y,
    double w,
    double h,
    String color,
    String text,
    String author,
    long createdAt,
    long updatedAt) {}
