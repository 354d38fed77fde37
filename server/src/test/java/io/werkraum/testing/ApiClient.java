package io.werkraum.testing;

import io.vertx.core.json.JsonObject;
import io.werkraum.testing.TestNode.HttpResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Blocking calls to the REST API of a server on 127.0.0.1. */
public final class ApiClient {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String baseUrl;

  ApiClient(int port) {
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  public HttpResult post(String path, JsonObject body) {
    return postRaw(path, body.encode());
  }

  public HttpResult postRaw(String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public HttpResult postBearer(String path, String bearerToken) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Bearer " + bearerToken)
        .POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  public HttpResult postBearer(String path, String bearerToken, JsonObject body) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Bearer " + bearerToken).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build());
  }

  public HttpResult delete(String path, String bearerToken) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Bearer " + bearerToken).DELETE().build());
  }

  public HttpResult get(String path, String bearerToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    return send(request.build());
  }

  /** A download with its bytes untouched (exports: PDF, PNG, CSV with its byte order mark). */
  public HttpResponse<byte[]> download(String path, String bearerToken) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
          .header("Authorization", "Bearer " + bearerToken).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResult send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new HttpResult(response.statusCode(), response.body(), response.headers().map());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
