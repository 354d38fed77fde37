package io.werkraum.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Locale;

/**
 * The facilitators' control view ({@code /b/<board>/facilitate}) in a tab of the facilitator's
 * browser, opened the way a facilitator opens it: "Control view" on the board page. Its actions
 * sit in tabs by phase of the workshop; the helpers here open the phase first, as a user would.
 */
final class ControlView {
  /** The phases, as the tabs name them ({@code data-phase}), in their order. */
  enum Phase {
    PREPARE, PEOPLE, WORK, VOTE, ROOMS, RESULT, SETTINGS;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  final Page page;

  private ControlView(Page page) {
    this.page = page;
  }

  /** Clicks the board page's "Control view" link (it opens a new tab) and waits for the connection. */
  static ControlView open(Participant facilitator) {
    Locator link = facilitator.page.getByTestId("control-view-link");
    assertThat(link).isVisible();
    Page tab = facilitator.page.waitForPopup(link::click);
    ControlView view = new ControlView(tab);
    assertThat(tab.getByTestId("connection-state")).hasAttribute("data-state", "open");
    return view;
  }

  Locator byTestId(String testId) {
    return page.getByTestId(testId);
  }

  /** Opens a phase by clicking its tab, and waits for its panel. */
  ControlView phase(Phase phase) {
    Locator tab = page.locator("[data-testid=fac-tab][data-phase=" + phase.id() + "]");
    tab.click();
    assertThat(tab).hasAttribute("aria-selected", "true");
    assertThat(panel(phase)).isVisible();
    return this;
  }

  /** The panel of a phase (shown while its tab is selected). */
  Locator panel(Phase phase) {
    return page.locator("[data-testid=fac-phase][data-phase=" + phase.id() + "]");
  }

  /** Clicks the confirm dialog's OK button. */
  void confirm() {
    assertThat(page.getByTestId("confirm-dialog")).isVisible();
    page.getByTestId("confirm-ok").click();
    assertThat(page.getByTestId("confirm-dialog")).not().isVisible();
  }

  // ---------- participants ----------

  Locator participant(String id) {
    return page.locator("[data-testid=fac-participant][data-participant-id='" + id + "']");
  }

  Locator participants() {
    return page.getByTestId("fac-participant");
  }

  void remove(String id) {
    phase(Phase.PEOPLE);
    page.locator("[data-testid=fac-remove][data-participant-id='" + id + "']").click();
    confirm();
  }

  // ---------- timer ----------

  void startTimerPreset(int minutes) {
    phase(Phase.WORK);
    page.locator("[data-testid=fac-timer-preset][data-minutes='" + minutes + "']").click();
  }

  Locator timerDisplay() {
    return page.getByTestId("fac-timer-display");
  }

  // ---------- voting ----------

  /** Starts a round from the form; {@code anonymous} false makes it named. */
  void startRound(String title, int votes, int maxPerNote, boolean anonymous) {
    phase(Phase.VOTE);
    page.getByTestId("fac-round-title").fill(title);
    page.getByTestId("fac-round-votes").fill(Integer.toString(votes));
    page.getByTestId("fac-round-max").fill(Integer.toString(maxPerNote));
    page.getByTestId("fac-round-anonymous").setChecked(anonymous);
    page.getByTestId("fac-round-start").click();
    assertThat(page.getByTestId("fac-round-progress")).isVisible();
  }

  Locator progress() {
    return page.getByTestId("fac-round-progress");
  }

  Locator notVoted() {
    return page.getByTestId("fac-not-voted").locator("li");
  }

  /** Closes the open round (with the confirmation) and shows its results on the boards. */
  void closeAndShowRound() {
    phase(Phase.VOTE);
    page.getByTestId("fac-round-close").click();
    confirm();
    Locator closed = page.locator("[data-testid=fac-round][data-status=closed]");
    assertThat(closed).hasCount(1);
    Locator show = closed.getByTestId("fac-round-show");
    show.click();
    assertThat(show).hasAttribute("aria-pressed", "true");
  }

  // ---------- links ----------

  Locator link(String kind) {
    return page.getByTestId("fac-link-" + kind);
  }

  void renewLink(String kind) {
    phase(Phase.PREPARE);
    page.locator("[data-testid=fac-link-renew][data-kind='" + kind + "']").click();
    confirm();
  }

  // ---------- result: snapshots and downloads ----------

  /** Takes a snapshot from the result panel, named {@code name} (empty: named after the time). */
  void takeSnapshot(String name) {
    phase(Phase.RESULT);
    page.getByTestId("fac-snapshot-name-input").fill(name);
    page.getByTestId("fac-snapshot-take").click();
  }

  /** The snapshot list's entries, newest first. */
  Locator snapshots() {
    return page.getByTestId("fac-snapshot");
  }

  /** The download row of the live board. */
  Locator liveDownloads() {
    return page.getByTestId("fac-live-download");
  }

  /** The download row of a snapshot's entry. */
  static Locator downloadsOf(Locator snapshot) {
    return snapshot.getByTestId("fac-snapshot-download");
  }

  /**
   * Downloads through a row of download controls: picks the format (and for pictures the room,
   * by its shown name) and clicks "Download"; returns the browser's download.
   */
  Download download(Locator row, String format, String roomName) {
    phase(Phase.RESULT);
    row.getByTestId("fac-download-format").selectOption(format);
    if (roomName != null) {
      row.getByTestId("fac-download-room").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(roomName));
    }
    // The file is made before the download starts: a 200-page PDF takes seconds on a busy machine.
    return page.waitForDownload(new Page.WaitForDownloadOptions().setTimeout(60_000),
        () -> row.getByTestId("fac-download").click());
  }
}
