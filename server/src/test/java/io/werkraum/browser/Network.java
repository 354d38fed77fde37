package io.werkraum.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.WebSocketRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One browser's network to the server's sockets, under the test's control: it can be cut (the
 * WebSocket closes and the browser is told it is offline; new sockets are refused until it is
 * back), and what the page sends can be rewritten on the way (as an older page would send it).
 * Playwright routes the page's sockets, so the server sees them close.
 */
final class Network {
  private final BrowserContext context;
  private final List<WebSocketRoute[]> sockets = new ArrayList<>();
  private boolean down;
  private UnaryOperator<String> rewrite = UnaryOperator.identity();

  Network(BrowserContext context) {
    this.context = context;
    context.routeWebSocket(Pattern.compile(".*/eventbus/.*"), page -> {
      if (down) {
        page.close();
        return;
      }
      WebSocketRoute server = page.connectToServer();
      page.onMessage(frame -> server.send(rewrite.apply(frame.text())));
      sockets.add(new WebSocketRoute[] {page, server});
    });
  }

  void cut() {
    down = true;
    context.setOffline(true);
    for (WebSocketRoute[] pair : sockets) {
      pair[1].close();
      pair[0].close();
    }
    sockets.clear();
  }

  void restore() {
    down = false;
    context.setOffline(false);
  }

  /** From now on, what the page sends goes to the server as {@code rewrite} makes it. */
  void rewrite(UnaryOperator<String> rewrite) {
    this.rewrite = rewrite;
  }
}
