package io.werkraum.store;

import io.vertx.core.json.JsonObject;

/**
 * What the store did with a command that was not refused.
 *
 * @param seq the sequence number its event got on its stream; 0 for changes without an event
 * @param duplicate true when this is the recorded outcome of an earlier send of the same command:
 *     nothing was applied now, and side effects must not run again
 * @param stream the stream of its event, or null
 * @param event its event in wire form, for publishing (again, for a duplicate: a node that died
 *     after the commit may never have sent it); null when it has none or the op log no longer holds it
 * @param reply what the operation answers besides its outcome (e.g. a voter's votes), or null
 */
public record Committed(long seq, boolean duplicate, Stream stream, String event, JsonObject reply) {}
