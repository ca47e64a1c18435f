package org.antifraud.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.antifraud.agency.AgencyDirectory;
import org.antifraud.agency.User;
import org.antifraud.agency.UserDirectory;
import org.antifraud.common.Now;
import org.antifraud.security.Actor;
import org.antifraud.security.ActorResolver;
import org.antifraud.security.KeycloakProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Keycloak mode ({@code antifraud.security.mode=keycloak}): the portal signs in through
 * OIDC (authorization code with PKCE, the tokens kept in the server session), the API
 * accepts bearer JWTs of the realm (issuer, audience, expiry and signature checked, keys
 * cached) besides that session, and Camunda's webapps take the same login for ADMIN.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "antifraud.security.mode", havingValue = "keycloak")
class KeycloakSecurityConfiguration {

	static final String REGISTRATION = "keycloak";

	/** Token times are checked against the engine's clock, as every deadline is. */
	private static final Clock ENGINE_CLOCK = new Clock() {

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Now.instant();
		}

	};

	@Bean
	KeycloakTokens keycloakTokens(AgencyDirectory agencies, KeycloakProperties properties) {
		return new KeycloakTokens(agencies, properties);
	}

	@Bean
	ActorResolver keycloakActorResolver() {
		return new KeycloakActorResolver();
	}

	/** Token times checked against the engine's clock, with 30 seconds of skew. */
	private static JwtTimestampValidator engineTimes() {
		JwtTimestampValidator times = new JwtTimestampValidator(Duration.ofSeconds(30));
		times.setClock(ENGINE_CLOCK);
		return times;
	}

	/**
	 * Access tokens of the realm: signed by one of its keys (fetched from its JWK set
	 * when first needed and cached), issued by it, naming the API as audience, not
	 * expired.
	 */
	@Bean
	JwtDecoder jwtDecoder(KeycloakProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuer()).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(properties.issuer()),
				engineTimes(), new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(audience) -> audience != null && audience.contains(properties.audience()))));
		return decoder;
	}

	/**
	 * The portal's client, its endpoints read from the realm's discovery document the
	 * first time someone signs in (so the application starts while Keycloak is still
	 * starting).
	 */
	@Bean
	ClientRegistrationRepository clientRegistrations(KeycloakProperties properties) {
		return new LazyClientRegistration(REGISTRATION,
				() -> ClientRegistrations.fromIssuerLocation(properties.issuer())
					.registrationId(REGISTRATION)
					.clientId(properties.clientId())
					.clientSecret(properties.clientSecret())
					.scope("openid", "profile")
					.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
					.build());
	}

	/** ID tokens are checked against the engine's clock too. */
	@Bean
	OidcIdTokenDecoderFactory idTokenDecoderFactory() {
		OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
		factory.setJwtValidatorFactory((registration) -> new DelegatingOAuth2TokenValidator<>(
				new OidcIdTokenValidator(registration), engineTimes()));
		return factory;
	}

	/**
	 * After the code exchange: the actor comes from the access token (its roles and
	 * agency), and a token without a known agency ends the login.
	 */
	@Bean
	OAuth2UserService<OidcUserRequest, OidcUser> keycloakUserService(JwtDecoder decoder, KeycloakTokens tokens,
			UserDirectory users) {
		OidcUserService standard = new OidcUserService();
		return (request) -> {
			OidcUser user = standard.loadUser(request);
			Actor actor;
			try {
				actor = tokens.actor(decoder.decode(request.getAccessToken().getTokenValue()));
			}
			catch (JwtException ex) {
				throw new OAuth2AuthenticationException(
						new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, ex.getMessage(), null), ex);
			}
			// known here from now on: colleagues can transfer tasks to them
			users.remember(new User(actor.username(), actor.displayName(), actor.agencyCode(), actor.roles(), true));
			return new KeycloakOidcUser(actor, user.getIdToken(), user.getUserInfo());
		};
	}

	@Bean
	SingleSignOn keycloakSignOn(ClientRegistrationRepository registrations) {
		return new SingleSignOn() {

			@Override
			public String loginUrl() {
				return "/sso";
			}

			@Override
			public Optional<String> logoutUrl(Authentication authentication, HttpServletRequest request) {
				if (authentication == null || !(authentication.getPrincipal() instanceof KeycloakOidcUser user)) {
					return Optional.empty();
				}
				ClientRegistration registration = registrations.findByRegistrationId(REGISTRATION);
				Object endSession = registration.getProviderDetails()
					.getConfigurationMetadata()
					.get("end_session_endpoint");
				if (endSession == null) {
					return Optional.empty();
				}
				String back = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
					.replacePath(request.getContextPath() + "/login")
					.replaceQuery("loggedOut=1")
					.build()
					.toUriString();
				return Optional.of(UriComponentsBuilder.fromUriString(endSession.toString())
					.queryParam("id_token_hint", user.getIdToken().getTokenValue())
					.queryParam("post_logout_redirect_uri", back)
					.queryParam("client_id", registration.getClientId())
					.encode()
					.build()
					.toUriString());
			}

		};
	}

	/** The portal's session or a bearer token of the realm. */
	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ProblemAuthenticationHandlers handlers, JwtDecoder decoder,
			KeycloakTokens tokens) throws Exception {
		return SecurityCommon.api(http, handlers)
			.oauth2ResourceServer((server) -> server.authenticationEntryPoint(handlers)
				.accessDeniedHandler(handlers)
				.jwt((jwt) -> jwt.decoder(decoder)
					.jwtAuthenticationConverter((token) -> new ActorAuthentication(token, tokens.actor(token)))))
			.build();
	}

	/**
	 * Pages behind the login send the browser to Keycloak and come back to them after it;
	 * the portal itself signs in through {@code /sso?redirect=…}.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, ClientRegistrationRepository registrations,
			OAuth2UserService<OidcUserRequest, OidcUser> users) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
				"/oauth2/authorization");
		pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		return SecurityCommon.web(http, (back) -> "/oauth2/authorization/" + REGISTRATION)
			.oauth2Login((login) -> login.loginPage("/login")
				.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(pkce))
				.userInfoEndpoint((info) -> info.oidcUserService(users))
				.failureHandler((request, response, ex) -> response
					.sendRedirect(request.getContextPath() + "/login?ssoFailed=1")))
			.build();
	}

}
