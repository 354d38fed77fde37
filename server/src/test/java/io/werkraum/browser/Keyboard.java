package io.werkraum.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Getting around a page by keyboard alone, as a keyboard user does: Tab, and a visible focus at every stop. */
final class Keyboard {
  /** What a focused element shows: an outline or a ring (box-shadow) drawn for focus. */
  private static final String FOCUS_VISIBLE = """
      () => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'nothing focused';
        const style = getComputedStyle(el);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        return outline || style.boxShadow !== 'none' ? null
          : (el.dataset.testid || el.id || el.className || el.tagName) + ' has no visible focus';
      }""";

  private Keyboard() {}

  /** Presses Tab until {@code target} has focus, at most {@code most} times; each stop shows its focus. */
  static int tabTo(Page page, Locator target, int most) {
    return moveTo(page, "Tab", target, most);
  }

  /** As {@link #tabTo}, backwards (Shift+Tab). */
  static int tabBackTo(Page page, Locator target, int most) {
    return moveTo(page, "Shift+Tab", target, most);
  }

  private static int moveTo(Page page, String key, Locator target, int most) {
    for (int presses = 1; presses <= most; presses++) {
      page.keyboard().press(key);
      // Past the page's last element focus goes to the browser's own controls, then on from the top.
      if (!(Boolean) page.evaluate("() => document.activeElement === document.body")) {
        assertFocusVisible(page);
      }
      if ((Boolean) target.evaluate("el => el === document.activeElement")) {
        return presses;
      }
    }
    fail("not reached with " + most + " presses of " + key + ": " + target);
    return -1;
  }

  /** The focused element shows that it has focus. */
  static void assertFocusVisible(Page page) {
    Object problem = page.evaluate(FOCUS_VISIBLE);
    if (problem != null) {
      fail(String.valueOf(problem));
    }
  }
}
