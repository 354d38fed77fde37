package io.werkraum.board;

/** Someone who joined a board. The colour marks their cursor and their entry in the list. */
public record Participant(
    String id, String name, String organisation, Role role, String color, long joinedAt) {}
