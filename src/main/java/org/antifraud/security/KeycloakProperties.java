package org.antifraud.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the keycloak authentication mode finds its realm ({@code antifraud.security.mode=
 * keycloak}); the defaults are the demo realm started by {@code infra/keycloak/start.sh}.
 *
 * @param issuer the realm's issuer URL; tokens must carry exactly this {@code iss}
 * @param clientId the portal's confidential client (authorization code with PKCE)
 * @param clientSecret its secret
 * @param audience the audience every API token must name
 * @param agencyClaim the claim holding the caller's agency code
 */
@ConfigurationProperties("antifraud.security.keycloak")
public record KeycloakProperties(String issuer, String clientId, String clientSecret, String audience,
		String agencyClaim) {

	public KeycloakProperties {
		issuer = (issuer != null) ? issuer : "http://127.0.0.1:8180/realms/joint-discipline";
		clientId = (clientId != null) ? clientId : "portal";
		audience = (audience != null) ? audience : "joint-discipline-api";
		agencyClaim = (agencyClaim != null) ? agencyClaim : "agency";
	}

}
