package org.antifraud.security.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.antifraud.agency.Role;
import org.antifraud.agency.UserDirectory;
import org.antifraud.common.ProblemResponses;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

/**
 * Local authentication mode: HTTP Basic or the session for {@code /api/**}, form login
 * for the portal, and Camunda's webapps and {@code /engine-rest} for ADMIN only behind
 * the same login.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@ConditionalOnProperty(name = "antifraud.security.mode", havingValue = "local", matchIfMissing = true)
class SecurityConfiguration {

	private static final String ADMIN = Role.ADMIN.name();

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(UserDirectory users) {
		return new LocalUserDetailsService(users);
	}

	/**
	 * The password check behind Basic and the portal's login ({@code POST /api/session}).
	 */
	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwords) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwords);
		return new ProviderManager(provider);
	}

	@Bean
	ProblemAuthenticationHandlers problemAuthenticationHandlers(ProblemResponses problems, ObjectMapper json,
			LocaleResolver locales) {
		return new ProblemAuthenticationHandlers(problems, json, locales);
	}

	/**
	 * The REST API and Camunda's engine REST: stateless callers use Basic, the portal its
	 * session.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ProblemAuthenticationHandlers handlers) throws Exception {
		return http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers(path("/engine-rest/**"))
				.hasRole(ADMIN)
				.requestMatchers(path("/api/session"))
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(handlers))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
			.csrf((csrf) -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				.ignoringRequestMatchers((request) -> request.getHeader("Authorization") != null))
			.build();
	}

	/**
	 * The portal's shell (its data is all behind {@code /api}), Camunda's webapps (ADMIN
	 * only) and public operational endpoints. A page that needs a login sends the browser
	 * to the portal's login page, which comes back to it.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers(path("/actuator/health/**"), path("/actuator/info"), path("/v3/api-docs/**"),
						path("/swagger-ui/**"), path("/swagger-ui.html"), path("/error"), path("/verify/**"))
				.permitAll()
				.requestMatchers(org.antifraud.portal.PortalRoutes.SHELL.stream()
					.map(SecurityConfiguration::path)
					.toArray(RequestMatcher[]::new))
				.permitAll()
				.requestMatchers(path("/camunda/**"), path("/actuator/**"))
				.hasRole(ADMIN)
				.anyRequest()
				.authenticated())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				String back = request.getRequestURI().substring(request.getContextPath().length())
						+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
				response.sendRedirect(request.getContextPath() + "/login?redirect="
						+ URLEncoder.encode(back, StandardCharsets.UTF_8));
			}))
			.httpBasic(Customizer.withDefaults())
			.logout(Customizer.withDefaults())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(path("/camunda/**")))
			.build();
	}

	/**
	 * Matches the whole path within the application, whichever servlet serves it:
	 * Camunda's webapps and engine REST are not behind Spring MVC's DispatcherServlet, so
	 * MVC-based matchers would miss them.
	 */
	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	/**
	 * Signs the Spring Security user into Camunda's webapps, so there is one login; the
	 * chain above has already refused everyone but ADMIN.
	 */
	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.addInitParameter("authentication-provider", CamundaWebappAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

}
