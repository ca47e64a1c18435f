package org.antifraud.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
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

	@DynamicPropertySource
	static void elasticsearch(DynamicPropertyRegistry registry) {
		registry.add("antifraud.search.backend", () -> "elasticsearch");
		registry.add("antifraud.search.elasticsearch.url", SearchCatchUpIT::url);
		registry.add("antifraud.search.elasticsearch.index",
				() -> "catch-up-" + UUID.randomUUID().toString().substring(0, 8));
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
