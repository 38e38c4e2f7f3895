package dev.ferry.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Azurite answers as Azure Blob Storage does: an unauthenticated write is refused with Azure's
 * error code. (Authenticated put/get is proven by the Azure repository's own tests.)
 */
@ExtendWith(TestbedExtension.class)
class LocalAzuriteIT {

  @Test
  void refusesUnauthenticatedWritesLikeAzure(Testbed testbed) throws Exception {
    LocalAzurite azurite = testbed.azurite();
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(azurite.blobEndpoint() + "/replication?restype=container"))
            .header("x-ms-version", "2021-12-02")
            .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isIn(401, 403);
    assertThat(response.headers().firstValue("x-ms-error-code")).isPresent();
    assertThat(response.body()).contains("<Code>");
    assertThat(azurite.connectionString()).contains("BlobEndpoint=http://127.0.0.1:");
  }
}
