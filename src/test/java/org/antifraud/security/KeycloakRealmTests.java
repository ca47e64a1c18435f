package org.antifraud.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.antifraud.agency.Role;
import org.junit.jupiter.api.Test;

/**
 * The realm export in {@code infra/keycloak/realm} agrees with the seeds: every demo user
 * with the same agency (as group) and roles, every group an agency the application knows,
 * the clients as the security model wants them. No Keycloak needed.
 */
class KeycloakRealmTests {

	private final ObjectMapper json = new ObjectMapper();

	private final JsonNode realm = read("infra/keycloak/realm/joint-discipline-realm.json");

	private final Set<String> agencies = new HashSet<>(
			read("seeds/agencies.json").path("agencies").findValuesAsText("code"));

	@Test
	void everyDemoUserIsInTheRealmWithTheirAgencyAndRoles() {
		Map<String, JsonNode> users = new HashMap<>();
		this.realm.path("users").forEach((user) -> users.put(user.path("username").asText(), user));
		for (JsonNode seed : read("seeds/demo-users.json").path("users")) {
			JsonNode user = users.get(seed.path("username").asText());
			assertThat(user).as(seed.path("username").asText()).isNotNull();
			assertThat(user.path("groups").toString()).isEqualTo("[\"/" + seed.path("agencyCode").asText() + "\"]");
			assertThat(user.path("realmRoles").toString()).isEqualTo(seed.path("roles").toString());
			// first and last name: Keycloak's user profile asks for both, the portal
			// shows them
			assertThat(user.path("firstName").asText() + " " + user.path("lastName").asText()).isNotBlank()
				.doesNotEndWith(" ");
		}
	}

	@Test
	void groupsAreTheAgenciesAndRolesAreTheProducts() {
		this.realm.path("groups").forEach((group) -> {
			assertThat(this.agencies).contains(group.path("name").asText());
			assertThat(group.path("attributes").path("agency").get(0).asText()).isEqualTo(group.path("name").asText());
		});
		assertThat(this.realm.path("roles").path("realm").findValuesAsText("name"))
			.containsExactlyInAnyOrder(java.util.Arrays.stream(Role.values()).map(Enum::name).toArray(String[]::new));
		assertThat(this.realm.path("accessTokenLifespan").asInt()).isEqualTo(300);
	}

	@Test
	void thePortalUsesPkceAndEveryGatewayCarriesAKnownAgencyAndTheApiAudience() {
		Map<String, JsonNode> clients = new HashMap<>();
		this.realm.path("clients").forEach((client) -> clients.put(client.path("clientId").asText(), client));
		JsonNode portal = clients.get("portal");
		assertThat(portal.path("publicClient").asBoolean()).isFalse();
		assertThat(portal.path("directAccessGrantsEnabled").asBoolean()).isFalse();
		assertThat(portal.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
		for (String gateway : new String[] { "gateway-icbc", "gateway-qdb", "gateway-cmcc" }) {
			JsonNode client = clients.get(gateway);
			assertThat(client.path("serviceAccountsEnabled").asBoolean()).as(gateway).isTrue();
			assertThat(client.path("standardFlowEnabled").asBoolean()).as(gateway).isFalse();
			assertThat(this.agencies).contains(client.path("protocolMappers").findValue("claim.value").asText());
			assertThat(client.path("protocolMappers").findValuesAsText("included.client.audience"))
				.containsExactly("joint-discipline-api");
		}
	}

	private JsonNode read(String path) {
		try {
			return this.json.readTree(new File(path));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
