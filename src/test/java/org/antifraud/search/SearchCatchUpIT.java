package org.antifraud.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With Elasticsearch as the backend: the server goes down, cases keep being filed, and
 * once it is back the index catches up from the event publication registry, losing
 * nothing.
 */
class SearchCatchUpIT extends ApplicationTestSupport {

	private static final String INDEX = "catch-up-" + UUID.randomUUID().toString().substring(0, 8);

	@DynamicPropertySource
	static void elasticsearch(DynamicPropertyRegistry registry) {
		registry.add("antifraud.search.backend", () -> "elasticsearch");
		registry.add("antifraud.search.elasticsearch.url", SearchCatchUpIT::url);
		registry.add("antifraud.search.elasticsearch.index", () -> INDEX);
		registry.add("antifraud.search.retry-delay", () -> "PT2S");
	}

	static String url() {
		return org.antifraud.search.internal.ElasticsearchNode.url();
	}

	private JsonNode find(String idNumber) throws Exception {
		return getJson("police.laoshan", "/api/search?q=" + idNumber);
	}

	@Test
	void casesFiledWhileTheServerIsDownAreFoundOnceItIsBack() throws Exception {
		int port = URI.create(url()).getPort();
		String before = residentId();
		String first = fileCase("POLICE_DETERMINED", before);
		eventually(() -> assertThat(find(before).path("items").findValuesAsText("id")).containsExactly(first));

		script("stop.sh", null);
		// case work goes on; search says it is unavailable, in the caller's language
		String during = residentId();
		String second = fileCase("POLICE_DETERMINED", during);
		JsonNode unavailable = this.json.readTree(call("police.laoshan",
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/search?q=" + during), 503)
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(unavailable.path("detail").asText()).contains("检索服务暂时不可用");
		JsonNode status = getJson("admin", "/api/search/status");
		assertThat(status.path("available").asBoolean()).isFalse();
		assertThat(status.path("pendingEvents").asLong()).isPositive();

		script("start.sh", port);
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(find(during).path("items").findValuesAsText("id")).containsExactly(second));
		assertThat(find(before).path("items").findValuesAsText("id")).containsExactly(first);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(getJson("admin", "/api/search/status").path("pendingEvents").asLong()).isZero());
	}

	@Test
	void anIndexLostOnTheServerIsRebuiltFromTheDatabase() throws Exception {
		String lostId = residentId();
		String lost = fileCase("POLICE_DETERMINED", lostId);
		eventually(() -> assertThat(find(lostId).path("items").findValuesAsText("id")).containsExactly(lost));

		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> deleted = http.send(
				HttpRequest.newBuilder(URI.create(url() + "/" + INDEX)).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(deleted.statusCode()).isEqualTo(200);
		// searching a lost index answers empty, not with an error
		assertThat(find(lostId).path("total").asLong()).isZero();
		// a case filed now is written into an index with the shipped mappings, not
		// guessed ones
		String afterId = residentId();
		String after = fileCase("POLICE_DETERMINED", afterId);
		eventually(() -> assertThat(find(afterId).path("items").findValuesAsText("id")).containsExactly(after));
		JsonNode mapping = this.json
			.readTree(http.send(HttpRequest.newBuilder(URI.create(url() + "/" + INDEX + "/_mapping")).build(),
					HttpResponse.BodyHandlers.ofString())
				.body());
		assertThat(mapping.path(INDEX).path("mappings").path("properties").path("readers").path("type").asText())
			.isEqualTo("keyword");
		assertThat(find(lostId).path("total").asLong()).isZero();

		postJson("admin", "/api/search/reindex", java.util.Map.of(), 202);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(find(lostId).path("items").findValuesAsText("id")).containsExactly(lost);
			JsonNode status = getJson("admin", "/api/search/status");
			assertThat(status.path("reindex").path("running").asBoolean()).isFalse();
			assertThat(status.path("documents").asLong()).isGreaterThanOrEqualTo(2);
		});
		assertThat(find(afterId).path("items").findValuesAsText("id")).containsExactly(after);
	}

	/** Runs a script of {@code infra/elasticsearch}, on the same port when restarting. */
	private static void script(String name, Integer port) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("bash", "infra/elasticsearch/" + name).inheritIO();
		if (port != null) {
			builder.environment().put("ES_PORT", String.valueOf(port));
		}
		int exit = builder.start().waitFor();
		assertThat(exit).as(name).isZero();
	}

}
