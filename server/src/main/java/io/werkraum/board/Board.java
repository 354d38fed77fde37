package io.werkraum.board;

/**
 * One workshop board. The facilitator secret, the join code and the observer code are the
 * credentials carried by its three links; they never go out in board state.
 *
 * @param observerCode null for boards made before observer links existed (renewing creates one)
 */
public record Board(String id, String title, long createdAt, String facilitatorSecret, String joinCode,
    String observerCode) {}
