package io.werkraum.store;

/**
 * A commit found the board changed since its caller read what it decided on: nothing was written
 * or recorded. The caller reads again and decides again (see {@link BoardStore#retrying}).
 */
public final class Stale extends RuntimeException {
  Stale(String script) {
    super(script + ": the board changed meanwhile", null, false, false);
  }
}
