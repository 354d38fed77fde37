package io.werkraum.browser;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

/**
 * Fingers on a touch screen (a context with {@code hasTouch}): Chromium's own touch input through
 * the DevTools protocol ({@code Input.dispatchTouchEvent}), which the page receives as pointer
 * events of type touch, as from a phone. Playwright's touchscreen only taps; pinching, dragging
 * and long presses need this.
 */
final class Fingers {
  private static final int STEPS = 8;
  private final CDPSession cdp;

  Fingers(Page page) {
    this.cdp = page.context().newCDPSession(page);
  }

  static double[] centre(BoundingBox box) {
    return new double[] {box.x + box.width / 2, box.y + box.height / 2};
  }

  /** Fingers touch down at the given {x, y} points (ids 0, 1, ...). */
  void down(double[]... points) {
    send("touchStart", points);
  }

  /** The fingers that are down move to the given points. */
  void move(double[]... points) {
    send("touchMove", points);
  }

  /** Every finger lifts. */
  void up() {
    send("touchEnd");
  }

  /** One finger slides from (x, y) by (dx, dy) in small steps and lifts: a swipe, no pause. */
  void drag(double x, double y, double dx, double dy) {
    down(new double[] {x, y});
    slide(x, y, dx, dy);
    up();
  }

  /** The one finger that is down at (x, y) slides by (dx, dy) in small steps. */
  void slide(double x, double y, double dx, double dy) {
    for (int i = 1; i <= STEPS; i++) {
      move(new double[] {x + dx * i / STEPS, y + dy * i / STEPS});
    }
  }

  /** Two fingers on a horizontal line around (x, y) spread (or close) from {@code from} to {@code to} pixels apart. */
  void pinch(double x, double y, double from, double to) {
    down(new double[] {x - from / 2, y}, new double[] {x + from / 2, y});
    for (int i = 1; i <= STEPS; i++) {
      double apart = from + (to - from) * i / STEPS;
      move(new double[] {x - apart / 2, y}, new double[] {x + apart / 2, y});
    }
    up();
  }

  private void send(String type, double[]... points) {
    JsonArray touchPoints = new JsonArray();
    for (int i = 0; i < points.length; i++) {
      JsonObject point = new JsonObject();
      point.addProperty("x", points[i][0]);
      point.addProperty("y", points[i][1]);
      point.addProperty("id", i);
      touchPoints.add(point);
    }
    JsonObject params = new JsonObject();
    params.addProperty("type", type);
    params.add("touchPoints", touchPoints);
    cdp.send("Input.dispatchTouchEvent", params);
  }
}
