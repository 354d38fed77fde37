package io.werkraum.realtime;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which pages may open a socket: the configured public URL and extra origins, or, when none is
 * configured, a page served by the same host the socket connects to. Stops other sites from
 * using a visitor's stored token (cross-site WebSocket hijacking).
 */
public final class OriginPolicy {
  private final Set<String> allowed = new HashSet<>();

  public OriginPolicy(String publicUrl, List<String> extraOrigins) {
    if (publicUrl != null) {
      allowed.add(originOf(publicUrl));
    }
    extraOrigins.forEach(o -> allowed.add(originOf(o)));
  }

  public boolean allows(String origin, String host) {
    if (origin == null) {
      return false;
    }
    String normalized = originOf(origin);
    if (!allowed.isEmpty()) {
      return allowed.contains(normalized);
    }
    return host != null
        && (normalized.equals("http://" + host.toLowerCase()) || normalized.equals("https://" + host.toLowerCase()));
  }

  private static String originOf(String url) {
    try {
      URI uri = URI.create(url.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase();
      int port = uri.getPort();
      boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
      return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    } catch (IllegalArgumentException e) {
      return "invalid:" + url;
    }
  }
}
