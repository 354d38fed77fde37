package io.werkraum.board;

/**
 * One workshop board's settings. The facilitator secret and the join code are the credentials
 * carried by the two links; they never go out in board state.
 */
public record Board(String id, String title, long createdAt, String facilitatorSecret, String joinCode) {}
