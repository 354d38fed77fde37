package io.werkraum.board;

import io.werkraum.protocol.ErrorCode;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workshop timer's transitions and the time it shows: pure, at given server times. */
class TimerTest {
  static final long T0 = 1_750_000_000_000L;
  static final long MINUTE = 60_000;

  static void assertConflict(Runnable transition) {
    Rejection r = assertThrows(Rejection.class, transition::run);
    assertEquals(ErrorCode.CONFLICT, r.code());
  }

  @Test
  void aFreshTimerIsIdleAtZero() {
    assertEquals(Timer.IDLE, Timer.NONE.status());
    assertEquals(0, Timer.NONE.remainingAt(T0));
    assertSame(Timer.NONE, Timer.from(null));
    assertSame(Timer.NONE, Timer.from("running"));
    assertSame(Timer.NONE, Timer.from(Map.of("durationMs", 5)));
  }

  @Test
  void aStartedTimerRunsDownToZeroAndStaysThere() {
    Timer running = Timer.NONE.start(5 * MINUTE, T0);
    assertEquals(new Timer(Timer.RUNNING, 5 * MINUTE, T0 + 5 * MINUTE, null), running);
    assertEquals(5 * MINUTE, running.remainingAt(T0));
    assertEquals(3 * MINUTE, running.remainingAt(T0 + 2 * MINUTE));
    assertEquals(0, running.remainingAt(T0 + 5 * MINUTE));
    assertEquals(0, running.remainingAt(T0 + 60 * MINUTE), "never below zero");
  }

  @Test
  void startingAgainReplacesWhateverRanBefore() {
    Timer paused = Timer.NONE.start(5 * MINUTE, T0).pause(T0 + MINUTE);
    Timer restarted = paused.start(10 * MINUTE, T0 + 2 * MINUTE);
    assertEquals(new Timer(Timer.RUNNING, 10 * MINUTE, T0 + 12 * MINUTE, null), restarted);
  }

  @Test
  void pauseKeepsTheTimeLeftAndResumeContinuesFromIt() {
    Timer paused = Timer.NONE.start(5 * MINUTE, T0).pause(T0 + 2 * MINUTE);
    assertEquals(new Timer(Timer.PAUSED, 5 * MINUTE, null, 3 * MINUTE), paused);
    // Paused time does not run, whenever one looks.
    assertEquals(3 * MINUTE, paused.remainingAt(T0 + 2 * MINUTE));
    assertEquals(3 * MINUTE, paused.remainingAt(T0 + 90 * MINUTE));

    Timer resumed = paused.resume(T0 + 30 * MINUTE);
    assertEquals(new Timer(Timer.RUNNING, 5 * MINUTE, T0 + 33 * MINUTE, null), resumed);
    assertEquals(MINUTE, resumed.remainingAt(T0 + 32 * MINUTE));
  }

  @Test
  void pausingAfterTheEndKeepsZero() {
    Timer paused = Timer.NONE.start(MINUTE, T0).pause(T0 + 2 * MINUTE);
    assertEquals(Timer.PAUSED, paused.status());
    assertEquals(0L, paused.remainingMs());
  }

  @Test
  void pauseWhenNotRunningAndResumeWhenRunningAreConflicts() {
    assertConflict(() -> Timer.NONE.pause(T0));
    Timer running = Timer.NONE.start(MINUTE, T0);
    Timer paused = running.pause(T0 + 1_000);
    assertConflict(() -> paused.pause(T0 + 2_000));
    assertConflict(() -> running.resume(T0 + 2_000));
    assertConflict(() -> running.reset().pause(T0 + 2_000));
  }

  @Test
  void addingToARunningTimerMovesItsEnd() {
    Timer running = Timer.NONE.start(5 * MINUTE, T0);
    Timer longer = running.add(2 * MINUTE, T0 + MINUTE);
    assertEquals(Timer.RUNNING, longer.status());
    assertEquals(T0 + 7 * MINUTE, longer.endsAt());
    assertEquals(6 * MINUTE, longer.remainingAt(T0 + MINUTE));

    Timer shorter = longer.add(-3 * MINUTE, T0 + MINUTE);
    assertEquals(Timer.RUNNING, shorter.status());
    assertEquals(T0 + 4 * MINUTE, shorter.endsAt());
    assertEquals(3 * MINUTE, shorter.remainingAt(T0 + MINUTE));
  }

  @Test
  void takingMoreTimeThanIsLeftStopsAtZero() {
    Timer running = Timer.NONE.start(5 * MINUTE, T0);
    Timer none = running.add(-60 * MINUTE, T0 + MINUTE);
    assertEquals(Timer.RUNNING, none.status());
    assertEquals(T0 + MINUTE, none.endsAt(), "ends now, not in the past");
    assertEquals(0, none.remainingAt(T0 + MINUTE));
    assertTrue(none.durationMs() >= 0);

    Timer paused = Timer.NONE.start(5 * MINUTE, T0).pause(T0 + MINUTE);
    Timer pausedNone = paused.add(-60 * MINUTE, T0 + 2 * MINUTE);
    assertEquals(Timer.PAUSED, pausedNone.status());
    assertEquals(0L, pausedNone.remainingMs());
    assertTrue(pausedNone.durationMs() >= 0);

    Timer idle = Timer.NONE.add(-MINUTE, T0);
    assertEquals(0L, idle.remainingMs());
    assertEquals(0, idle.durationMs());
  }

  @Test
  void addingToAPausedOrIdleTimerChangesTheTimeLeftAndKeepsItsState() {
    Timer paused = Timer.NONE.start(5 * MINUTE, T0).pause(T0 + MINUTE);
    Timer more = paused.add(MINUTE, T0 + 10 * MINUTE);
    // The set duration stays: a reset goes back to what the facilitator set.
    assertEquals(new Timer(Timer.PAUSED, 5 * MINUTE, null, 5 * MINUTE), more);
    Timer less = more.add(-2 * MINUTE, T0 + 20 * MINUTE);
    assertEquals(new Timer(Timer.PAUSED, 5 * MINUTE, null, 3 * MINUTE), less);
    assertEquals(5 * MINUTE, less.reset().remainingMs());

    Timer idle = Timer.NONE.start(5 * MINUTE, T0).reset().add(MINUTE, T0 + MINUTE);
    assertEquals(new Timer(Timer.IDLE, 6 * MINUTE, null, 6 * MINUTE), idle);
    // An idle timer with time set starts running from that time on resume.
    assertEquals(new Timer(Timer.RUNNING, 6 * MINUTE, T0 + 8 * MINUTE, null), idle.resume(T0 + 2 * MINUTE));
  }

  @Test
  void resetGoesBackToTheFullDurationIdle() {
    Timer reset = Timer.NONE.start(5 * MINUTE, T0).reset();
    assertEquals(new Timer(Timer.IDLE, 5 * MINUTE, null, 5 * MINUTE), reset);
    assertEquals(5 * MINUTE, reset.remainingAt(T0 + 60 * MINUTE));
    Timer resetWhilePaused = Timer.NONE.start(5 * MINUTE, T0).pause(T0 + 4 * MINUTE).reset();
    assertEquals(new Timer(Timer.IDLE, 5 * MINUTE, null, 5 * MINUTE), resetWhilePaused);
  }

  @Test
  void aTimerReadBackFromStoredSettingsIsTheSame() {
    Map<String, Object> stored = new HashMap<>();
    stored.put("status", "running");
    stored.put("durationMs", 300_000);
    stored.put("endsAt", T0 + 300_000);
    assertEquals(new Timer(Timer.RUNNING, 300_000, T0 + 300_000, null), Timer.from(stored));
    assertEquals(120_000, Timer.from(stored).remainingAt(T0 + 180_000));

    Map<String, Object> paused = Map.of("status", "paused", "durationMs", 300_000, "remainingMs", 42_000);
    assertEquals(new Timer(Timer.PAUSED, 300_000, null, 42_000L), Timer.from(paused));
  }
}
