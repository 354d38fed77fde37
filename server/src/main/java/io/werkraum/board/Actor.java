package io.werkraum.board;

/** Who sends a command: taken from the verified join token, never from the message body. */
public record Actor(String boardId, String participantId, Role role) {}
