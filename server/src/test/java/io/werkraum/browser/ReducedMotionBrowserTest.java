package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ReducedMotion;
import io.vertx.core.json.JsonObject;
import io.werkraum.protocol.Addresses;
import io.werkraum.testing.BridgeClient;
import io.werkraum.testing.Cmd;
import io.werkraum.testing.Workshop;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A browser set to reduce motion ({@code prefers-reduced-motion: reduce}): nothing on the start
 * page, the board page or the control view moves by itself (no transition, animation or smooth
 * scrolling, while a timer runs out, hands are up, toasts show and others' cursors and drags pass
 * by), and a view the facilitator brings everyone to, leads or spotlights arrives in one jump, not
 * a glide.
 */
class ReducedMotionBrowserTest extends BrowserTest {
  /**
   * Every element (or its ::before/::after) that would move: a transition or animation with a
   * duration, or smooth scrolling; each as "what it is: how it moves".
   */
  private static final String MOVING = """
      () => {
        const lasts = (durations) => durations.split(',').some((d) => parseFloat(d) > 0);
        const name = (el) => el.dataset.testid ?? (el.id ? '#' + el.id : el.tagName.toLowerCase() + '.' + [...el.classList].join('.'));
        const moving = [];
        for (const el of document.querySelectorAll('*')) {
          for (const pseudo of [null, '::before', '::after']) {
            const style = getComputedStyle(el, pseudo);
            const what = name(el) + (pseudo ?? '');
            if (style.transitionProperty !== 'none' && lasts(style.transitionDuration)) {
              moving.push(what + ': transition ' + style.transitionProperty + ' ' + style.transitionDuration);
            }
            if (style.animationName !== 'none' && lasts(style.animationDuration)) {
              moving.push(what + ': animation ' + style.animationName + ' ' + style.animationDuration);
            }
            if (pseudo === null && style.scrollBehavior === 'smooth') moving.push(what + ': smooth scrolling');
          }
        }
        return moving;
      }""";

  /**
   * Records, frame by frame and on every style change, each transform the canvas's world shows
   * (as computed, so a transition's in-between values would be seen), from now on.
   */
  private static final String RECORD_VIEW = """
      () => {
        const world = document.querySelector('.canvas .world');
        const shown = [getComputedStyle(world).transform];
        const look = () => {
          const now = getComputedStyle(world).transform;
          if (now !== shown[shown.length - 1]) shown.push(now);
        };
        window.__shownViews = shown;
        window.__framesSeen = 0;
        new MutationObserver(look).observe(world, { attributes: true, attributeFilter: ['style'] });
        const frame = () => { look(); window.__framesSeen++; requestAnimationFrame(frame); };
        requestAnimationFrame(frame);
      }""";

  private static Browser.NewContextOptions reduced() {
    return Participant.options().setReducedMotion(ReducedMotion.REDUCE);
  }

  @Test
  void theStartPageDoesNotMove() {
    try (BrowserContext context = browser.newContext(reduced())) {
      Page page = context.newPage();
      page.navigate(node.baseUrl() + "/");
      page.getByTestId("create-title").fill("Ruhige Planung");
      page.getByTestId("create-submit").click();
      assertThat(page.getByTestId("facilitator-link")).isVisible();
      assertEquals(List.of(), page.evaluate(MOVING));
    }
  }

  @Test
  void aSharedViewArrivesInOneJumpAndNothingOnTheBoardOrTheControlViewMoves() {
    Workshop workshop = Workshop.create(node, "Ruhig");
    try (workshop;
        Participant anna = Participant.join(browser, reduced(), workshop.board().getString("participantLink"), "Anna",
            "Gera", context -> {});
        Participant fay = Participant.join(browser, reduced(), workshop.board().getString("facilitatorLink"), "Fay",
            "", context -> {})) {
      BridgeClient fiona = workshop.connect(workshop.joinAsFacilitator("Fiona"));
      fiona.ok(Cmd.createNote("main", Cmd.note("near", 40, 60).put("text", "Nah")));
      fiona.ok(Cmd.createNote("main", Cmd.note("far", 3000, 2000).put("text", "Weit weg")));
      fiona.ok(Cmd.createNote("main", Cmd.note("here", 2750, 1950).put("text", "")));
      assertThat(anna.noteText("far")).hasText("Weit weg");

      // Brought to a view: it is there at once, with nothing in between.
      anna.page.evaluate(RECORD_VIEW);
      fiona.ok(Cmd.bringToView(1500, 1000, 0.5));
      assertThat(anna.page.getByTestId("zoom-value")).hasText("50%");
      assertJumped(anna.page);

      // A spotlight on a note out of view: it comes into view the same way.
      anna.page.evaluate(RECORD_VIEW);
      fiona.ok(Cmd.spotlight("main", "near"));
      assertThat(anna.note("near")).isInViewport();
      assertJumped(anna.page);

      // Following the facilitator: the same.
      anna.page.evaluate(RECORD_VIEW);
      fiona.ok(Cmd.follow(true));
      fiona.send(Addresses.PRESENCE, new JsonObject().put("kind", "viewport").put("room", "main")
          .put("x", 3000).put("y", 2000).put("zoom", 1.5));
      assertThat(anna.page.getByTestId("follow-banner")).isVisible();
      assertThat(anna.page.getByTestId("zoom-value")).hasText("150%");
      assertJumped(anna.page);

      // The board in motion: a timer run out, a hand up, someone's cursor and drag passing, a toast.
      fiona.ok(Cmd.timerStart(1_000));
      assertThat(anna.page.getByTestId("timer-ended")).isVisible();
      anna.page.getByTestId("hand-toggle").click();
      assertThat(anna.page.getByTestId("hand-toggle")).hasAttribute("aria-pressed", "true");
      fiona.send(Addresses.PRESENCE, new JsonObject().put("kind", "cursor").put("room", "main").put("x", 3010).put("y", 2010));
      fiona.send(Addresses.PRESENCE, new JsonObject().put("kind", "drag").put("room", "main").put("id", "far")
          .put("x", 3050).put("y", 2050));
      assertThat(anna.page.locator(".cursor")).hasCount(1);
      assertThat(anna.note("far")).hasClass(java.util.regex.Pattern.compile("\\bis-remote-dragging\\b"));
      anna.note("here").dblclick();
      anna.editor().pressSequentially("Entwurf");
      fiona.ok(Cmd.lock(true));
      assertThat(anna.page.getByTestId("lock-indicator")).isVisible();
      anna.editor().press("Control+Enter");
      assertThat(anna.page.getByTestId("toast").last()).isVisible();
      assertEquals(List.of(), anna.page.evaluate(MOVING));

      // The control view, with a toast and the run-out timer.
      ControlView control = ControlView.open(fay);
      assertThat(control.timerDisplay()).hasAttribute("data-status", "ended");
      control.phase(ControlView.Phase.ROOMS);
      control.byTestId("fac-rooms-count").fill("1");
      control.byTestId("fac-rooms-create").click();
      assertThat(control.byTestId("toast").last()).isVisible();
      assertEquals(List.of(), control.page.evaluate(MOVING));
    }
  }

  /**
   * The view went from where it was straight to where it is: no transform in between, for a
   * good number of frames after, and no transition on the world or smooth scrolling around it.
   */
  private static void assertJumped(Page page) {
    page.waitForFunction("() => { window.__framesAtCheck ??= window.__framesSeen; return window.__framesSeen >= window.__framesAtCheck + 10; }");
    page.evaluate("() => { delete window.__framesAtCheck; }");
    Object shown = page.evaluate("() => window.__shownViews");
    assertEquals(2, ((List<?>) shown).size(), "the views shown, in order: " + shown);
    Locator world = page.locator(".canvas .world");
    assertEquals("0s", world.evaluate("el => getComputedStyle(el).transitionDuration"));
    assertEquals("auto", page.locator(".canvas").evaluate("el => getComputedStyle(el).scrollBehavior"));
  }
}
