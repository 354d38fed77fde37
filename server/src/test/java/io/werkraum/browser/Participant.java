package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One person at one browser (its own {@link BrowserContext}, so its own storage and identity)
 * on the board page, driven the way a user drives it: links, the join form, the toolbar, mouse
 * and keyboard. Reads only what a user sees (plus the test ids and world coordinates of notes).
 */
final class Participant implements AutoCloseable {
  static final int WIDTH = 1280;
  static final int HEIGHT = 800;

  final BrowserContext context;
  final Page page;

  private Participant(BrowserContext context, Page page) {
    this.context = context;
    this.page = page;
  }

  static Browser.NewContextOptions options() {
    return new Browser.NewContextOptions().setViewportSize(WIDTH, HEIGHT).setLocale("en-GB");
  }

  /** A person at a page opened some other way (before joining, or on another page). */
  static Participant of(BrowserContext context, Page page) {
    return new Participant(context, page);
  }

  /** A fresh browser that opens the participant link and joins with name and organisation. */
  static Participant join(Browser browser, String link, String name, String organisation) {
    return join(browser, options(), link, name, organisation, context -> {});
  }

  /** @param beforeOpen runs on the new context before the page opens (routes, scripts) */
  static Participant join(Browser browser, Browser.NewContextOptions options, String link, String name,
      String organisation, Consumer<BrowserContext> beforeOpen) {
    BrowserContext context = browser.newContext(options);
    context.setDefaultTimeout(20_000);
    beforeOpen.accept(context);
    Participant p = new Participant(context, context.newPage());
    p.page.navigate(link);
    p.fillJoinForm(name, organisation);
    return p;
  }

  /** Another tab of the same browser (same storage) on {@code url}. */
  Participant newTab(String url) {
    Page tab = context.newPage();
    tab.navigate(url);
    Participant other = new Participant(context, tab);
    other.waitConnected();
    return other;
  }

  void fillJoinForm(String name, String organisation) {
    page.getByTestId("join-name").fill(name);
    page.getByTestId("join-organisation").fill(organisation);
    page.getByTestId("join-submit").click();
    waitConnected();
  }

  void waitConnected() {
    assertThat(connection()).hasAttribute("data-state", "open");
  }

  Locator connection() {
    return page.getByTestId("connection-state");
  }

  // ---------- participants panel ----------

  Locator participants() {
    return page.getByTestId("participant");
  }

  Locator participant(String id) {
    return page.locator("[data-testid=participant][data-participant-id='" + id + "']");
  }

  /** The list entry marked "(you)". */
  Locator self() {
    return page.locator("[data-testid=participant]:has(.participant__you:not(:empty))");
  }

  String selfId() {
    assertThat(self()).hasCount(1);
    return self().getAttribute("data-participant-id");
  }

  // ---------- notes ----------

  Locator notes() {
    return page.getByTestId("note");
  }

  Locator note(String id) {
    return page.locator("[data-testid=note][data-note-id='" + id + "']");
  }

  Locator noteText(String id) {
    return note(id).getByTestId("note-text");
  }

  Locator editor() {
    return page.getByTestId("note-editor");
  }

  /** Toolbar "add note": the new note's editor has focus; types the text, saves with Ctrl+Enter. */
  String addNote(String text) {
    String id = startNewNote();
    editor().pressSequentially(text);
    saveEditor();
    assertThat(noteText(id)).hasText(text);
    return id;
  }

  /** As {@link #addNote}, with the text filled in at once (for many notes in a row). */
  String addNoteQuickly(String text) {
    String id = startNewNote();
    editor().fill(text);
    saveEditor();
    return id;
  }

  /** Toolbar "add note"; once the new note's editor has focus, the new note's id. */
  private String startNewNote() {
    page.getByTestId("add-note").click();
    assertThat(editor()).isFocused();
    return page.locator("[data-testid=note]:has([data-testid=note-editor])").getAttribute("data-note-id");
  }

  /** Ctrl+Enter saves the note being edited; the editor closes. */
  private void saveEditor() {
    editor().press("Control+Enter");
    assertThat(editor()).hasCount(0);
  }

  /**
   * Double-click opens the editor; the text is replaced and saved with Ctrl+Enter. Clicks near
   * the top left corner: notes added in a row are staggered down and right, so that corner of
   * an older note stays uncovered.
   */
  void editNote(String id, String text) {
    note(id).dblclick(new Locator.DblclickOptions().setPosition(12, 12));
    assertThat(editor()).isFocused();
    editor().fill(text);
    saveEditor();
    assertThat(noteText(id)).hasText(text);
  }

  /** World position {x, y} of a note or section, as its transform shows it. */
  static double[] worldPosition(Locator item) {
    @SuppressWarnings("unchecked")
    List<Number> xy = (List<Number>) item.evaluate(
        "el => { const m = /translate\\(([-\\d.]+)px, ([-\\d.]+)px\\)/.exec(el.style.transform);"
            + " return m ? [Number(m[1]), Number(m[2])] : null; }");
    return new double[] {xy.get(0).doubleValue(), xy.get(1).doubleValue()};
  }

  /** Matches a style attribute placing the item at world (x, y). */
  static Pattern at(double x, double y) {
    return Pattern.compile("translate\\(" + num(x) + "px, " + num(y) + "px\\)");
  }

  /** Matches a style attribute giving the item size w x h. */
  static Pattern sized(double w, double h) {
    return Pattern.compile("width: " + num(w) + "px; height: " + num(h) + "px");
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** Drags with the left button from the centre of {@code locator} by (dx, dy) screen pixels. */
  void drag(Locator locator, double dx, double dy) {
    BoundingBox box = locator.boundingBox();
    dragFrom(box.x + box.width / 2, box.y + box.height / 2, dx, dy);
  }

  void dragFrom(double x, double y, double dx, double dy) {
    page.mouse().move(x, y);
    page.mouse().down();
    page.mouse().move(x + dx, y + dy, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
    page.mouse().up();
  }

  /** Milliseconds since the epoch by this page's clock (high resolution). */
  double now() {
    return ((Number) page.evaluate("() => performance.timeOrigin + performance.now()")).doubleValue();
  }

  @Override
  public void close() {
    context.close();
  }
}
